#!/bin/sh
# The food truck, PUB/SUB design with topics: every order, one JSON object such as
# {"item": "hotdog"}, passes the stages order -> ingredients -> cook -> prepare, each adding its
# field ("order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"). A chef in the middle
# publishes each order with the stage that must handle it next as the topic (the first frame);
# each stage subscribes to its own name, does its part and publishes the order back to the
# chef, with its name as the topic. The customer publishes new orders (topic "new") and
# subscribes to "customer". Every publisher holds its first message until its subscribers are
# there (--wait-peers), or the first orders would be lost (the slow joiner).
#   CHEF_IN   where the chef collects orders (default tcp://127.0.0.1:5570)
#   CHEF_OUT  where the chef publishes them (default tcp://127.0.0.1:5576)
#   ITEMS     what the customer orders (default "hotdog burger fries")
#   ZMQCAT    the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
CHEF_IN=${CHEF_IN:-tcp://127.0.0.1:5570}
CHEF_OUT=${CHEF_OUT:-tcp://127.0.0.1:5576}
ITEMS=${ITEMS:-hotdog burger fries}

. "$(dirname "$0")/roles.sh"

n=0 # how many orders
for item in $ITEMS; do n=$((n + 1)); done
tab=$(printf '\t')

# The chef's table: who comes after whom. Reads "topic<TAB>order" lines, writes them with the
# next stage as the topic.
route() {
    while IFS=$tab read -r topic o; do
        case $topic in
        new) next=order ;;
        order) next=ingredients ;;
        ingredients) next=cook ;;
        cook) next=prepare ;;
        prepare) next=customer ;;
        *) echo "chef: unknown topic $topic" >&2 && continue ;;
        esac
        printf '%s\t%s\n' "$next" "$o"
    done
}

# The chef: every order comes by 5 times (new, and back from each stage); 5 subscribers.
role sub -n "$((n * 5))" -t 10s "@$CHEF_IN" | route |
    role pub --wait-peers 5 -t 10s "@$CHEF_OUT" &

# stage NAME FIELD: takes the orders published for NAME, adds "FIELD": "ok", publishes them back
# to the chef as NAME. Handles n orders, then ends.
stage() {
    role sub -s "$1" -n "$n" -t 10s ">$CHEF_OUT" |
        while IFS=$tab read -r topic o; do
            printf '%s\t%s, "%s": "ok"}\n' "$1" "${o%?}" "$2"
        done |
        role pub --wait-peers 1 -t 10s ">$CHEF_IN" &
}
stage order order
stage ingredients ing
stage cook cook
stage prepare prep

# The customer.
for item in $ITEMS; do
    printf 'new\t{"item": "%s"}\n' "$item"
done | role pub --wait-peers 1 -t 10s ">$CHEF_IN" &
role sub -s customer -n "$n" -t 10s ">$CHEF_OUT" | cut -f 2 | sed 's/^/customer got: /'
wait
