#!/bin/sh
# Reading several sockets at once (zmq_poll). Two parts:
# 1. The guide's mspoller: one zmqcat poll reads a PULL socket (tasks from a ventilator) and a
#    SUB socket (weather updates for 10001) together, favouring neither, and labels every
#    message with the socket it came from. It stops once it has every task and UPDATES updates.
# 2. The lab variant: a US and a PT weather publisher (5- and 4-digit zip codes), and one
#    subscriber connected to both, subscribed to 10001 and to 4000.
#   VENT     the ventilator's endpoint (default tcp://127.0.0.1:5557)
#   WEATHER  the (US) weather publisher's endpoint (default tcp://127.0.0.1:5556)
#   PT       the PT weather publisher's endpoint (default tcp://127.0.0.1:5566)
#   TASKS    tasks the ventilator sends (default 5)
#   UPDATES  updates to wait for, from each publisher (default 5)
#   RATE     updates a second each publisher sends at most (default 5000)
#   ZMQCAT   the zmqcat binary (default: zmqcat on PATH)
set -eu
ZMQCAT=${ZMQCAT:-zmqcat}
VENT=${VENT:-tcp://127.0.0.1:5557}
WEATHER=${WEATHER:-tcp://127.0.0.1:5556}
PT=${PT:-tcp://127.0.0.1:5566}
TASKS=${TASKS:-5}
UPDATES=${UPDATES:-5}
RATE=${RATE:-5000}

. "$(dirname "$0")/roles.sh"

# Random "zipcode temperature humidity" updates without end: $1 the zip code's printf format,
# $2 the first zip code (100 of them from there).
updates() {
    awk -v fmt="$1" -v first="$2" 'BEGIN {
        srand()
        while (1)
            printf fmt " %d %d\n", first + int(rand() * 100),
                int(rand() * 215) - 80, int(rand() * 50) + 10
    }'
}

echo "1. one process, a PULL and a SUB socket"
seq "$TASKS" | sed 's/^/task /' | role push -t 10s "@$VENT" &
updates %05d 10000 | role pub --rate "$RATE" "@$WEATHER" &
# The poller stops when the reader has seen enough (zmqcat ends quietly when its reader is
# gone). The reader is a shell loop, which sees each line at once (mawk would wait for more).
tab=$(printf '\t')
role poll "tasks=pull>$VENT" "weather=sub>$WEATHER" -s "10001 " -t 10s | {
    tasks=0 weather=0
    while IFS=$tab read -r label message; do
        printf '  %-8s %s\n' "$label:" "$message"
        case $label in
        tasks) tasks=$((tasks + 1)) ;;
        weather) weather=$((weather + 1)) ;;
        esac
        if [ "$tasks" -ge "$TASKS" ] && [ "$weather" -ge "$UPDATES" ]; then break; fi
    done
}

echo "2. one SUB socket, two publishers"
updates %04d 4000 | role pub --rate "$RATE" "@$PT" &
role sub -s "10001 " -s "4000 " -t 10s ">$WEATHER" ">$PT" | {
    us=0 pt=0
    while read -r zip rest; do
        echo "  $zip $rest"
        case $zip in
        10001) us=$((us + 1)) ;;
        4000) pt=$((pt + 1)) ;;
        esac
        if [ "$us" -ge "$UPDATES" ] && [ "$pt" -ge "$UPDATES" ]; then break; fi
    done
}
