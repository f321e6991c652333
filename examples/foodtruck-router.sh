#!/bin/sh
# The food truck, ROUTER/DEALER design: every order, one JSON object such as {"item": "hotdog"},
# passes the stages order -> ingredients -> cook -> prepare, each adding its field
# ("order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"). The customer and the stages are
# DEALERs with identities (customer, order, ingredients, cook, prepare), all connected to one
# ROUTER. The ROUTER sees every message as "sender<TAB>order"; its coprocess looks the sender up
# in a table and writes "next<TAB>order", which the ROUTER sends to the DEALER called next.
# Each stage's DEALER has a coprocess too: it gets an order, writes it back with its field.
#   EP      the router's endpoint (default tcp://127.0.0.1:5570)
#   ITEMS   what the customer orders (default "hotdog burger fries")
#   STAGES  the stages this script runs (default "order ingredients cook prepare"); leave one
#           out to play it with another program: a DEALER with that identity, connected to EP
#   ZMQCAT  the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
EP=${EP:-tcp://127.0.0.1:5570}
ITEMS=${ITEMS:-hotdog burger fries}
STAGES=${STAGES:-order ingredients cook prepare}

. "$(dirname "$0")/roles.sh"

n=0 # how many orders
for item in $ITEMS; do n=$((n + 1)); done

# The router's table: who comes after whom.
# shellcheck disable=SC2016 # (expanded by the coprocess's shell)
table='tab=$(printf "\t")
while IFS=$tab read -r from o; do
    case $from in
    customer) to=order ;;
    order) to=ingredients ;;
    ingredients) to=cook ;;
    cook) to=prepare ;;
    prepare) to=customer ;;
    *) echo "router: who is $from?" >&2 && continue ;;
    esac
    printf "%s\t%s\n" "$to" "$o"
done'
# Every order passes it 5 times. It routes nothing before the 5 DEALERs are connected: a
# message for an absent identity would be dropped.
role router --wait-peers 5 -n "$((n * 5))" -t 10s --coproc "$table" "@$EP" &

# A stage's coprocess: adds "$FIELD": "ok" to every order (one JSON object a line).
# shellcheck disable=SC2016 # (expanded by the coprocess's shell)
add='while IFS= read -r o; do printf "%s, \"%s\": \"ok\"}\n" "${o%?}" "$FIELD"; done'

# stage NAME FIELD: a DEALER called NAME that adds FIELD to n orders, then ends.
stage() {
    FIELD=$2 role dealer --identity "$1" -n "$n" -t 10s --coproc "$add" ">$EP" &
}
for s in $STAGES; do
    case $s in
    order) stage order order ;;
    ingredients) stage ingredients ing ;;
    cook) stage cook cook ;;
    prepare) stage prepare prep ;;
    *) echo "no stage called $s" >&2 && exit 2 ;;
    esac
done

# The customer: sends its orders, prints the n finished ones.
for item in $ITEMS; do
    printf '{"item": "%s"}\n' "$item"
done | role dealer --identity customer -n "$n" -t 10s ">$EP" | sed 's/^/customer got: /'
wait
