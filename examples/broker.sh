#!/bin/sh
# Request-reply broker (ROUTER/DEALER, a shared queue): clients (REQ) connect to the broker's
# front end, workers (REP) to its back end. The broker spreads the requests over the workers
# and brings every reply back to the client that asked; clients and workers know only the
# broker, so either side can grow without the other knowing.
#   FRONTEND  the clients' endpoint (default tcp://127.0.0.1:5559)
#   BACKEND   the workers' endpoint (default tcp://127.0.0.1:5560)
#   WORKERS   how many workers (default 2)
#   CLIENTS   how many clients (default 2)
#   REQUESTS  requests each client sends (default 10)
#   WORK      seconds a worker spends on a request, simulated work (default 0.1; the guide: 1)
#   ZMQCAT    the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
FRONTEND=${FRONTEND:-tcp://127.0.0.1:5559}
BACKEND=${BACKEND:-tcp://127.0.0.1:5560}
WORKERS=${WORKERS:-2}
CLIENTS=${CLIENTS:-2}
REQUESTS=${REQUESTS:-10}
WORK=${WORK:-0.1}

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

# The broker.
role proxy "router@$FRONTEND" "dealer@$BACKEND" &

# The workers: each "works" on every request, then answers with its own name (their stdout,
# the requests, is not shown).
for w in $(seq "$WORKERS"); do
    role rep --exec "sleep $WORK; echo World from worker $w" ">$BACKEND" >/dev/null &
done

# The clients, all at once; then how many replies each worker sent.
for c in $(seq "$CLIENTS"); do
    role req -m Hello -n "$REQUESTS" -t 10s ">$FRONTEND" | sed "s/^/client $c got: /" &
done | awk -v workers="$WORKERS" '
    { print; fflush(); n[$NF]++ }
    END {
        printf "replies: %d (", NR
        for (w = 1; w <= workers; w++) printf "%sworker %d: %d", (w > 1 ? ", " : ""), w, n[w]
        print ")"
    }'
