# Sourced by the recipes in this directory (`. "$(dirname "$0")/roles.sh"`), after they set
# ZMQCAT; a recipe may set `scratch` to a temporary path to remove at exit.
#
# Every zmqcat role runs through `role`, which notes its pid: whatever ends the recipe (its
# end, a failure, Ctrl-C) stops every role, and a role that fails (a port already taken, a
# timeout) ends the recipe with status 1 at once.
roles=$(mktemp)
trap ': >"$roles.stop"; kill $(cat "$roles") 2>/dev/null || :; rm -rf "$roles" "$roles.stop" ${scratch:+"$scratch"}' EXIT
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
