#!/bin/sh
# Multithreaded server: one server made of a ROUTER front end for the clients, a DEALER back
# end and WORKERS REP workers behind it. The guide runs the workers as threads on
# inproc://workers; from the shell they are processes on an ipc back end. CLIENTS clients, all
# at once, send REQUESTS "Hello" each; the workers take them in parallel, so the whole run
# lasts about CLIENTS * REQUESTS * WORK / WORKERS seconds rather than CLIENTS * REQUESTS * WORK.
#   EP          the server's endpoint (default tcp://127.0.0.1:5555)
#   WORKERS_EP  the back end (default ipc://$TMPDIR/zmqcat-mtserver-PID.ipc)
#   WORKERS     how many workers (default 5)
#   CLIENTS     how many clients (default 5)
#   REQUESTS    requests each client sends (default 2)
#   WORK        seconds a worker spends on a request, simulated work (default 0.5; the guide: 1)
#   ZMQCAT      the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5555}
ipc_file=${TMPDIR:-/tmp}/zmqcat-mtserver-$$.ipc
WORKERS_EP=${WORKERS_EP:-ipc://$ipc_file}
WORKERS=${WORKERS:-5}
CLIENTS=${CLIENTS:-5}
REQUESTS=${REQUESTS:-2}
WORK=${WORK:-0.5}

. "$(dirname "$0")/roles.sh"

# Milliseconds since the epoch (in whole seconds where date has no %N).
now_ms() {
    ns=$(date +%s%N)
    case $ns in
    *N) echo $(($(date +%s) * 1000)) ;;
    *) echo $((ns / 1000000)) ;;
    esac
}

# The server: the queue between clients and workers, and the workers.
role proxy "router@$EP" "dealer@$WORKERS_EP" &
for w in $(seq "$WORKERS"); do
    role rep --exec "sleep $WORK; echo World from worker $w" ">$WORKERS_EP" >/dev/null &
done

# The clients, all at once.
t0=$(now_ms)
for c in $(seq "$CLIENTS"); do
    role req -m Hello -n "$REQUESTS" -t 10s ">$EP" | sed "s/^/client $c got: /" &
done | awk '
    { print; fflush() }
    !($NF in seen) { seen[$NF]; workers++ }
    END { print NR " replies from " workers " workers" }'
echo "elapsed: $(($(now_ms) - t0)) msec" \
    "(one request takes $WORK s; $((CLIENTS * REQUESTS)) requests, $WORKERS workers)"
