#!/bin/sh
# The food truck, REQ/REP design: the customer asks the truck and waits. Every order, one JSON
# object such as {"item": "hotdog"}, passes the stages order -> ingredients -> cook -> prepare,
# each adding its field ("order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"). Each stage is
# a REP server that adds its field, then asks the next stage with a REQ socket and answers with
# what it got back: the customer's one request travels down the chain of calls and back.
#   ORDER, INGREDIENTS, COOK, PREPARE  the stages' endpoints (default tcp://127.0.0.1:5571-5574)
#   ITEMS   what the customer orders (default "hotdog burger fries")
#   ZMQCAT  the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
ORDER=${ORDER:-tcp://127.0.0.1:5571}
INGREDIENTS=${INGREDIENTS:-tcp://127.0.0.1:5572}
COOK=${COOK:-tcp://127.0.0.1:5573}
PREPARE=${PREPARE:-tcp://127.0.0.1:5574}
ITEMS=${ITEMS:-hotdog burger fries}

. "$(dirname "$0")/roles.sh"

n=0 # how many orders
for item in $ITEMS; do n=$((n + 1)); done

# A stage's work: add "$FIELD": "ok" to every order (one JSON object a line). A shell loop
# answers each line at once (sed or mawk would wait to fill a buffer first).
# shellcheck disable=SC2016 # (expanded by the coprocess's shell)
add='while IFS= read -r o; do printf "%s, \"%s\": \"ok\"}\n" "${o%?}" "$FIELD"; done'

# stage FIELD ENDPOINT [NEXT]: a REP server that adds FIELD, then passes the order on to the
# stage at NEXT and answers with its reply. Serves n orders, then ends.
stage() {
    if [ $# -eq 3 ]; then
        work="$add | '$ZMQCAT' req -t 10s '>$3'"
    else
        work=$add
    fi
    FIELD=$1 role rep -n "$n" -t 10s --coproc "$work" "@$2" >/dev/null &
}
stage order "$ORDER" "$INGREDIENTS"
stage ing "$INGREDIENTS" "$COOK"
stage cook "$COOK" "$PREPARE"
stage prep "$PREPARE"

# The customer: one order at a time, waiting for each.
for item in $ITEMS; do
    printf '{"item": "%s"}\n' "$item"
done | role req -t 10s ">$ORDER" | sed 's/^/customer got: /'
wait
