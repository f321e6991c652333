#!/bin/sh
# Hello World (REQ/REP): a server answers "World" to every request; a client sends "Hello"
# ten times and prints each reply. The client starts first on purpose: ZeroMQ connects as
# soon as the server shows up.
#   EP       endpoint (default tcp://127.0.0.1:5555)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5555}

. "$(dirname "$0")/roles.sh"

yes Hello | head -n 10 | role req -t 10s ">$EP" | sed 's/^/client got: /' &
client=$!
role rep -m World -n 10 "@$EP" | sed 's/^/server got: /'
wait "$client"
