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

# Every zmqcat role runs through `role`, which notes its pid: whatever ends the recipe (its
# end, a failure, Ctrl-C) stops every role, and a role that fails (a port already taken, a
# timeout) ends the recipe with status 1 at once.
roles=$(mktemp)
trap ': >"$roles.stop"; kill $(cat "$roles") 2>/dev/null || :; rm -f "$roles" "$roles.stop"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 1' USR1
role() {
    { "$ZMQCAT" "$@" <&9 9<&- & } 9<&0
    pid=$!
    echo "$pid" >>"$roles"
    # A role started while the recipe ends (after the exit trap read the list) stops at once.
    if [ -e "$roles.stop" ] || ! kill -0 $$ 2>/dev/null; then kill "$pid" 2>/dev/null || :; fi
    status=0
    wait "$pid" || status=$?
    case $status in
    0) return 0 ;;
    130 | 143) exit "$status" ;; # stopped, by the recipe's end or by the user
    esac
    echo "$0: zmqcat $1 failed (status $status)" >&2
    kill $(cat "$roles") 2>/dev/null || :
    kill -USR1 $$ 2>/dev/null || :
    exit "$status"
}

# The publisher: A and B envelopes without end, paced by zmqcat.
awk 'BEGIN {
    while (1) {
        print "A\tWe don'\''t want to see this"
        print "B\tWe would like to see this"
    }
}' | role pub --interval "$INTERVAL" "@$EP" &

# The subscriber: the first frame is the topic.
role sub -s B -n "$COUNT" -t 10s ">$EP" | awk -F '\t' '{ print "[" $1 "] " $2 }'
