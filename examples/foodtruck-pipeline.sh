#!/bin/sh
# The food truck, PUSH/PULL design: a queue between every stage. Every order, one JSON object
# such as {"item": "hotdog"}, passes the stages order -> ingredients -> cook -> prepare, each
# adding its field ("order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"). Each stage is a
# stateless worker, a shell pipeline that pulls orders from its queue, adds its field and
# pushes them on to the next stage's queue; the last one pushes them to the customer.
# Nobody waits for anybody: the customer hands in all its orders at once.
#   ORDER, INGREDIENTS, COOK, PREPARE  the stages' queues (default tcp://127.0.0.1:5571-5574)
#   DONE    the customer's queue of finished orders (default tcp://127.0.0.1:5575)
#   ITEMS   what the customer orders (default "hotdog burger fries")
#   ZMQCAT  the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
ORDER=${ORDER:-tcp://127.0.0.1:5571}
INGREDIENTS=${INGREDIENTS:-tcp://127.0.0.1:5572}
COOK=${COOK:-tcp://127.0.0.1:5573}
PREPARE=${PREPARE:-tcp://127.0.0.1:5574}
DONE=${DONE:-tcp://127.0.0.1:5575}
ITEMS=${ITEMS:-hotdog burger fries}

. "$(dirname "$0")/roles.sh"

n=0 # how many orders
for item in $ITEMS; do n=$((n + 1)); done

# add FIELD: adds "FIELD": "ok" to every order (one JSON object a line).
add() {
    while IFS= read -r o; do printf '%s, "%s": "ok"}\n' "${o%?}" "$1"; done
}

# stage FIELD QUEUE NEXT: pulls orders from QUEUE (which it binds), adds FIELD, pushes them to
# NEXT. Handles n orders, then ends.
stage() {
    role pull -n "$n" -t 10s "@$2" | add "$1" | role push -t 10s ">$3" &
}
stage order "$ORDER" "$INGREDIENTS"
stage ing "$INGREDIENTS" "$COOK"
stage cook "$COOK" "$PREPARE"
stage prep "$PREPARE" "$DONE"

# The customer hands in its orders, and collects them when they are ready.
for item in $ITEMS; do
    printf '{"item": "%s"}\n' "$item"
done | role push -t 10s ">$ORDER" &
role pull -n "$n" -t 10s "@$DONE" | sed 's/^/customer got: /'
wait
