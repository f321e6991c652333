#!/bin/sh
# Weather proxy (XSUB/XPUB forwarder): publishers connect to the proxy's XSUB side, subscribers
# to its XPUB side, and nobody needs to know where the others are. Subscriptions flow upstream
# (subscriber -> proxy -> every publisher), updates downstream. Two publishers here, US (5-digit
# zip codes) and PT (4-digit codes), and two subscribers, one for 10001 and one for 4000: each
# gets only its own city's updates, whichever publisher sends them.
#   FRONTEND  the publishers' side of the proxy (default tcp://127.0.0.1:5557)
#   BACKEND   the subscribers' side (default tcp://127.0.0.1:5558)
#   UPDATES   updates each subscriber prints (default 5)
#   RATE      updates a second each publisher sends at most (default 5000)
#   ZMQCAT    the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
FRONTEND=${FRONTEND:-tcp://127.0.0.1:5557}
BACKEND=${BACKEND:-tcp://127.0.0.1:5558}
UPDATES=${UPDATES:-5}
RATE=${RATE:-5000}

. "$(dirname "$0")/roles.sh"

# Random "zipcode temperature humidity" updates without end: $1 the zip code's printf format,
# $2 the first zip code (100 of them from there).
updates() {
    awk -v fmt="$1" -v first="$2" 'BEGIN {
        srand()
        while (1)
            printf fmt " %d %d\n", first + int(rand() * 100),
                int(rand() * 215) - 80, int(rand() * 50) + 10
    }'
}

# The proxy binds both sides: the stable part of the topology.
role proxy "xsub@$FRONTEND" "xpub@$BACKEND" &

# The publishers connect to it.
updates %05d 10000 | role pub --rate "$RATE" ">$FRONTEND" &
updates %04d 4000 | role pub --rate "$RATE" ">$FRONTEND" &

# And so do the subscribers.
role sub -s "10001 " -n "$UPDATES" -t 10s ">$BACKEND" | sed 's/^/New York subscriber: /' &
ny=$!
role sub -s "4000 " -n "$UPDATES" -t 10s ">$BACKEND" | sed 's/^/Porto subscriber: /'
wait "$ny"
