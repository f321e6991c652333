#!/bin/sh
# Hello World (REQ/REP): a server answers "World" to every request; a client sends "Hello"
# ten times and prints each reply. The client starts first on purpose: ZeroMQ connects as
# soon as the server shows up.
#   EP       endpoint (default tcp://127.0.0.1:5555)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5555}

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

yes Hello | head -n 10 | role req -t 10s ">$EP" | sed 's/^/client got: /' &
client=$!
role rep -m World -n 10 "@$EP" | sed 's/^/server got: /'
wait "$client"
