#!/bin/sh
# Hello World (REQ/REP): a server answers "World" to every request; a client sends "Hello"
# ten times and prints each reply. The client starts first on purpose: ZeroMQ connects as
# soon as the server shows up.
#   EP       endpoint (default tcp://127.0.0.1:5555)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5555}

yes Hello | head -n 10 | "$ZMQCAT" req -t 10s ">$EP" | sed 's/^/client got: /' &
client=$!
"$ZMQCAT" rep -m World -n 10 "@$EP" | sed 's/^/server got: /'
wait "$client"
