#!/bin/sh
# Divide and conquer (PUSH/PULL): a ventilator hands TASKS tasks, each a workload in
# milliseconds, out to WORKERS workers; each worker "works" (sleeps) and pushes a result (its
# number) to the sink, which prints how many results each worker sent and the elapsed time.
# More workers, less time. A worker is a plain shell pipeline:
#     zmqcat pull '>VENT' | while read -r ms; do sleep ...; echo ...; done | zmqcat push '>SINK'
# The ventilator holds its first task until all the workers are connected (--wait-peers):
# otherwise the first worker to connect would take every task (the guide's "press Enter when
# the workers are ready").
#   VENT     the ventilator's endpoint (default tcp://127.0.0.1:5557)
#   SINK     the sink's endpoint (default tcp://127.0.0.1:5558)
#   WORKERS  how many workers (default 3)
#   TASKS    how many tasks (default 100)
#   MAX_MS   the largest workload, in milliseconds (default 100)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
VENT=${VENT:-tcp://127.0.0.1:5557}
SINK=${SINK:-tcp://127.0.0.1:5558}
WORKERS=${WORKERS:-3}
TASKS=${TASKS:-100}
MAX_MS=${MAX_MS:-100}

tmp=$(mktemp -d)
scratch=$tmp
. "$(dirname "$0")/roles.sh"

# Milliseconds since the epoch (in whole seconds where date has no %N).
now_ms() {
    ns=$(date +%s%N)
    case $ns in
    *N) echo $(($(date +%s) * 1000)) ;;
    *) echo $((ns / 1000000)) ;;
    esac
}

# The sink: the batch start first, then one result per task.
role pull -n "$((TASKS + 1))" -t 30s "@$SINK" | {
    read -r _ # "start", from the ventilator
    t0=$(now_ms)
    awk -v workers="$WORKERS" '
        { n[$1]++ }
        END {
            printf "sink: %d results (", NR
            for (w = 1; w <= workers; w++) printf "%sworker %d: %d", (w > 1 ? ", " : ""), w, n[w]
            print ")"
        }'
    echo "sink: total elapsed time: $(($(now_ms) - t0)) msec"
} &
sink=$!

# Worker number $1: sleeps for each workload, then sends its number as the result.
work() {
    while read -r ms; do
        sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
        echo "$1"
    done
}

# The workers. Each one's task reader writes into a fifo rather than straight into a pipe, so
# that the script knows its pid and can stop it at the end (stopping it ends the whole worker).
for w in $(seq "$WORKERS"); do
    mkfifo "$tmp/tasks$w"
    role pull ">$VENT" >"$tmp/tasks$w" &
    work "$w" <"$tmp/tasks$w" | role push ">$SINK" &
done

# The ventilator: tells the sink that the batch starts, then sends the tasks once every
# worker is there.
tasks=$(awk -v tasks="$TASKS" -v max="$MAX_MS" \
    'BEGIN { srand(); for (i = 0; i < tasks; i++) print int(rand() * max) + 1 }')
role push -m start -n 1 -t 10s ">$SINK"
echo "ventilator: sending $TASKS tasks to $WORKERS workers," \
    "total expected cost: $(echo "$tasks" | awk '{ total += $1 } END { print total }') msec"
echo "$tasks" | role push --wait-peers "$WORKERS" -t 30s "@$VENT"
wait "$sink"
