#!/bin/sh
# Radio and dish (RADIO/DISH, libzmq's draft API): a radio sends weather, news and sports
# messages over udp, each to its group, without end; a dish joins weather and news only,
# prints the first COUNT messages that reach it (group, TAB, message) and ends the recipe.
# Sports is never printed: the radio sends it, nobody joined it, libzmq drops it at the dish.
# udp has no connection and no handshake: what the radio sends before the dish has bound its
# port is lost, which is why the radio repeats. libzmq cannot bind udp on a wildcard port, so
# the port is a fixed one (PORT). The dish gives up with status 3 (and the recipe with it)
# when nothing arrives for 10 s, which is also what a taken udp port looks like: libzmq binds
# udp in the background and reports no error. Needs a zmqcat with the draft API (the default
# build).
#   PORT     the udp port (default 5556)
#   EP       the endpoint: the dish binds it, the radio connects (default udp://127.0.0.1:PORT;
#            a tcp:// endpoint works too)
#   COUNT    how many messages the dish prints (default 6)
#   RATE     messages a second the radio sends at most (default 30)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
PORT=${PORT:-5556}
EP=${EP:-udp://127.0.0.1:$PORT}
COUNT=${COUNT:-6}
RATE=${RATE:-30}

. "$(dirname "$0")/roles.sh"

# The radio: round after round, one message per group; the first field names the group.
awk 'BEGIN {
    for (n = 1; ; n++)
        printf "weather\tsunny %d\nnews\theadline %d\nsports\tscore %d\n", n, n, n
}' | role radio --rate "$RATE" ">$EP" &

# The dish: joined to two of the three groups.
role dish -j weather -j news -n "$COUNT" -t 10s "@$EP" | sed 's/^/dish got: /'
