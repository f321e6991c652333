#!/bin/sh
# Pub-sub envelopes: the publisher sends two-frame messages, [A, "We don't want to see this"]
# and [B, "We would like to see this"], in turn; the subscriber subscribes to B and so sees
# only the B messages. zmqcat writes a message's frames on one line, TAB between them: an input
# line "B<TAB>We would like to see this" is the two-frame message, and the subscriber prints
# such lines (shown here as "[B] We would like to see this", like the guide's subscriber).
#   EP        endpoint (default tcp://127.0.0.1:5563)
#   INTERVAL  pause between two messages (default 500ms: a pair a second, like the guide)
#   COUNT     messages the subscriber prints (default 3)
#   ZMQCAT    the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5563}
INTERVAL=${INTERVAL:-500ms}
COUNT=${COUNT:-3}

. "$(dirname "$0")/roles.sh"

# The publisher: A and B envelopes without end, paced by zmqcat.
awk 'BEGIN {
    while (1) {
        print "A\tWe don'\''t want to see this"
        print "B\tWe would like to see this"
    }
}' | role pub --interval "$INTERVAL" "@$EP" &

# The subscriber: the first frame is the topic.
role sub -s B -n "$COUNT" -t 10s ">$EP" | awk -F '\t' '{ print "[" $1 "] " $2 }'
