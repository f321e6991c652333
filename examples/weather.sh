#!/bin/sh
# Weather updates (PUB/SUB): a server publishes "zipcode temperature humidity" updates without
# end; a client subscribes to zip code 10001 (the prefix "10001 ", space included, so that 100010
# would not match), averages the temperature over UPDATES updates and prints it.
# The guide draws zip codes from 00000-99999; here they come from 10000 on, ZIPS of them, so that
# 10001 turns up often and the demo is quick (ZIPS=100000 for the guide's odds).
#   EP       endpoint (default tcp://127.0.0.1:5556)
#   UPDATES  updates the client averages (default 20)
#   ZIPS     how many zip codes the server draws from (default 100)
#   RATE     updates a second the server publishes at most (default 10000)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5556}
UPDATES=${UPDATES:-20}
ZIPS=${ZIPS:-100}
RATE=${RATE:-10000}

. "$(dirname "$0")/roles.sh"

# The server: random updates, for ever; zmqcat publishes them (and stops awk when it ends).
awk -v zips="$ZIPS" 'BEGIN {
    srand()
    while (1)
        printf "%05d %d %d\n", 10000 + int(rand() * zips),
            int(rand() * 215) - 80, int(rand() * 50) + 10
}' | role pub --rate "$RATE" "@$EP" &

# The client. It connects after the server has started publishing, so it misses the first
# updates (the slow joiner): for weather that does not matter.
echo "Collecting updates from weather server..."
role sub -s "10001 " -n "$UPDATES" -t 10s ">$EP" | awk '
    { print "  " $0; total += $2 }
    END {
        if (NR)
            printf "Average temperature for zipcode 10001 was %dF (%d updates)\n", total / NR, NR
    }'
