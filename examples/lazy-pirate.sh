#!/bin/sh
# Reliable request-reply, the Lazy Pirate: the client sends the numbers 1 to REQUESTS as
# requests; when a reply does not come within TIMEOUT it closes its socket, opens a new one and
# sends the request again (zmqcat req --retries), and after RETRIES retries it gives up.
# The server echoes each request, but stalls for STALL seconds on every third one (an
# overloaded server: its late reply is lost, the client's retry gets through) and "crashes"
# (exits) after CRASH_AFTER replies: the client retries, then gives up with status 3.
#   EP           endpoint (default tcp://127.0.0.1:5555)
#   REQUESTS     requests the client sends (default 10)
#   TIMEOUT      how long the client waits for a reply (default 2500ms, as in the guide)
#   RETRIES      how many times it retries (default 3)
#   STALL        seconds the server stalls for (default 3)
#   CRASH_AFTER  replies the server sends before it crashes (default 8)
#   ZMQCAT       the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5555}
REQUESTS=${REQUESTS:-10}
TIMEOUT=${TIMEOUT:-2500ms}
RETRIES=${RETRIES:-3}
STALL=${STALL:-3}
CRASH_AFTER=${CRASH_AFTER:-8}

. "$(dirname "$0")/roles.sh"

# The server. Its coprocess gets each request on stdin and writes the reply on stdout; it
# writes its notes to fd 3, which is the script's stdout. After CRASH_AFTER replies, zmqcat rep
# exits (-n): the crash.
# shellcheck disable=SC2016 # (expanded by the coprocess's shell)
server='n=0
while read -r request; do
    n=$((n + 1))
    if [ $((n % 3)) -eq 0 ]; then
        echo "server: request $request: simulating CPU overload ($STALL s)" >&3
        sleep "$STALL"
    else
        echo "server: normal request ($request)" >&3
    fi
    echo "$request"
    if [ "$n" -eq "$CRASH_AFTER" ]; then echo "server: simulating a crash" >&3; fi
done'
export STALL CRASH_AFTER # for the coprocess
role rep -n "$CRASH_AFTER" --coproc "$server" "@$EP" 3>&1 &

# The client: prints each reply, and what became of it. zmqcat says on stderr when it retries.
{
    seq "$REQUESTS" | "$ZMQCAT" req --retries "$RETRIES" -t "$TIMEOUT" ">$EP" &&
        status=0 || status=$?
    echo "status $status"
} | while read -r reply status; do
    case $reply in
    status)
        if [ "$status" -ne 0 ]; then
            echo "client: server seems to be offline, abandoning (status $status)"
        fi
        ;;
    *) echo "client: server replied OK ($reply)" ;;
    esac
done
