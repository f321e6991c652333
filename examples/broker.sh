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

. "$(dirname "$0")/roles.sh"

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
