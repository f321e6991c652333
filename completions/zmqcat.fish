# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_zmqcat_global_optspecs
    string join \n explain profile= h/help V/version
end

function __fish_zmqcat_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_zmqcat_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_zmqcat_using_subcommand
    set -l cmd (__fish_zmqcat_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c zmqcat -n "__fish_zmqcat_needs_command" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_needs_command" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "req" -d 'REQ: send each input message as a request and print its reply (lockstep)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "rep" -d 'REP: print each request and answer it (next input line, --echo or -m)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "pub" -d 'PUB: publish each input message (TAB-separated frames make an envelope)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "sub" -d 'SUB: print every message whose first frame starts with a subscribed prefix'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "push" -d 'PUSH: send each input message down a pipeline'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "pull" -d 'PULL: print every message received from a pipeline'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "router" -d 'ROUTER: print `id<TAB>frames`, read `id<TAB>frames` lines and route them'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "dealer" -d 'DEALER: send input messages and print incoming ones at the same time'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "pair" -d 'PAIR: send input messages and print incoming ones at the same time'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "xpub" -d 'XPUB: publish input messages and print subscription messages (\\x01 subscribe, \\x00 cancel)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "xsub" -d 'XSUB: subscribe (-s, or everything) and print messages; input is sent upstream as is'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "server" -d 'SERVER (draft): print `id<TAB>message` per client request, route `id<TAB>message` lines back'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "client" -d 'CLIENT (draft): send input messages to servers and print their replies at the same time'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "channel" -d 'CHANNEL (draft): one exclusive connection, both ways, like pair on a thread-safe socket'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "peer" -d 'PEER (draft): talk with many peers both ways, `id<TAB>message` as server shows it'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "scatter" -d 'SCATTER (draft): send each input message to the next connected GATHER (round robin)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "gather" -d 'GATHER (draft): print every message scattered to it (fair-queued)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "radio" -d 'RADIO (draft): send each message to a group (-g, or the first field), over udp:// or tcp'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "dish" -d 'DISH (draft): print `group<TAB>message` for every message of the groups joined with -j'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "proxy" -d 'PROXY: forward messages between two sockets (shared queue, forwarder, streamer)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "poll" -d 'POLL: read several sockets at once; each message is printed after its socket\'s label'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "bench" -d 'Measure throughput and latency: push/pull, pub/sub, req/rep (like libzmq\'s perf programs)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "keygen" -d 'Print a new CURVE key pair (Z85), or write the secret key to a file'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "completions" -d 'Print shell completions for zmqcat to stdout'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "examples" -d 'Print the ZeroMQ guide\'s topologies as ready-to-paste recipes with diagrams'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "generate" -d 'Write completions/ and man/ into DIR (used to refresh the committed copies)'
complete -c zmqcat -n "__fish_zmqcat_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l retries -d 'Lazy Pirate: after a --timeout, reopen the socket and resend, up to N times' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand req" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s m -l message -d 'Answer every request with DATA (in the chosen format)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l exec -d 'Answer every request with the output of CMD (sh -c), run with the request on its stdin' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l coproc -d 'Run CMD (sh -c) once: it reads requests on its stdin and writes one reply per request' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l echo -d 'Answer every request with the request itself'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand rep" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l topic -d 'Send TOPIC as a first frame before every message (the envelope subscribers filter on)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pub" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s s -l subscribe -d 'Subscribe to messages whose first frame starts with PREFIX (repeatable; all when none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l exclude -d 'Drop messages whose first frame starts with PREFIX (repeatable; checked here after they arrived, so they still cost bandwidth; not counted by -n)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l strip-topic -d 'Print messages without their topic: the first frame of a multi-frame message, or the longest subscribed prefix of a single-frame one'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand sub" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand push" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pull" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand router" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dealer" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand pair" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xpub" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s s -l subscribe -d 'Subscribe upstream to PREFIX (repeatable; everything when none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l no-subscribe -d 'Send no subscription at start: subscribe by writing `\\x01PREFIX` messages to stdin'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand xsub" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand server" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand client" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand channel" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l coproc -d 'Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand peer" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand scatter" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand gather" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s m -l message -d 'Send DATA (in the chosen format) instead of reading stdin; with --count N, N times. Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {, and }} after it a } ({{seq}} is the text {seq}); other braces are left alone' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l delay -d 'Wait this long before the first send' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l interval -d 'Pause this long between messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l rate -d 'Send at most N messages a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l wait-peers -d 'Hold the first send until N peers are connected (pub: until N subscriptions arrived)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s g -l group -d 'Send every message to GROUP (else the first field of each message names its group)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l tee -d 'Also print every message sent on stdout, in the chosen format, after a first field `>`'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand radio" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s j -l join -d 'Receive the messages sent to GROUP (repeatable; at least one)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand dish" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l for -d 'Give the security options after this to the socket LABEL only (repeatable; see below)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s j -l join -d 'A dish front joins GROUP (repeatable; required for dish→radio): each message goes out of the radio in the group it came in' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l capture -d 'Print every message passing through on stdout, after the side it came in from (front, back)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l stats -d 'Print message and byte counts per direction on stderr at exit'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand proxy" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l for -d 'Give the security options after this to the socket LABEL only (repeatable; see below)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s f -l format -d 'Message format on stdin and stdout [env: ZMQCAT_FORMAT]' -r -f -a "text\t'One message per line, frames separated by TAB; bytes otherwise untouched'
quoted\t'One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)'
json\t'One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)'
raw\t'Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)'
zmtp\t'Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)'"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l frame-sep -d 'Frame separator of the text format: one byte, or \\t (default TAB)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s n -l count -d 'Stop after N messages: sent by senders, received by receivers and duplex commands (which also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l deadline -d 'Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s s -l subscribe -d 'Subscribe the SUB sockets to PREFIX (repeatable; all when none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s j -l join -d 'The dish sockets join GROUP (repeatable; a dish needs at least one)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s 0 -l null -d 'Messages end with a NUL byte instead of a newline (text, quoted)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l progress -d 'A live progress line on stderr (messages, bytes, rate), when stderr is a terminal'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l stats -d 'One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l trace -d 'A hexdump of every frame sent (>) and received (<) on stderr, with the time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand poll" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s b -l bind -d 'Bind to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s c -l connect -d 'Connect to EP (repeatable; comma-separated lists accepted)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s n -l count -d 'Messages to send (req: round trips) [default: 1000000, req 10000]; receivers: stop after N (default: at the sender\'s end mark), rep: after N requests (default: never)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l size -d 'Size of every message, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l warmup -d 'Send N messages (req: round trips) first, left out of the figures; a receiver leaves out its first N when the sender marks no warm-up (--raw, remote_thr)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l rate -d 'Send at most N messages (req: requests) a second' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l subscribers -d 'pub: hold the first message until N subscribers are there [default: 1]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l transport -d 'Without an endpoint: how the two processes talk [default: tcp]' -r -f -a "tcp\t''
ipc\t''"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s t -l timeout -d 'Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s f -l format -d 'The report on stdout: text, or one JSON object' -r -f -a "text\t''
json\t''"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l hwm -d 'High-water mark for both directions, in messages (0 = none)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l sndhwm -d 'Send high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l rcvhwm -d 'Receive high-water mark, in messages' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l linger -d 'How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l identity -d 'Routing id of this socket (`0x` + hex for binary ids)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l reconnect-ivl -d 'Pause before reconnecting after a connection is lost' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l reconnect-ivl-max -d 'Upper bound of the exponential reconnection back-off' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l heartbeat -d 'Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l max-msg-size -d 'Largest message accepted from a peer or from input, in bytes' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l set -d 'Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l curve-secret -d 'This socket\'s CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l curve-server-key -d 'Be a CURVE client of the server with this public key (own keys: --curve-secret, or new ones) [env: ZMQCAT_CURVE_SERVER_KEY]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l curve-allow -d 'Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l plain-user -d 'PLAIN user name (a client\'s, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l plain-pass -d 'PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l allow-ip -d 'Admit only peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l deny-ip -d 'Refuse peers from this address or ADDRESS/PREFIX network (repeatable)' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l events -d 'Write every socket monitor event as a JSON line to FILE (`-`: stderr)' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l raw -d 'Payloads only: no send times, no start and end marks (e.g. for libzmq\'s local_thr)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l immediate -d 'Queue messages only to completed connections'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l conflate -d 'Keep only the last message in each queue'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l ipv6 -d 'Enable IPv6 on tcp endpoints'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l tcp-keepalive -d 'Enable TCP keep-alive probes'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l legacy-peers -d 'Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l curve-server -d 'Be a CURVE server (with --curve-secret)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l plain-server -d 'Be a PLAIN server admitting --plain-user with --plain-pass'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s v -l verbose -d 'More diagnostics on stderr: every bind and connect, then connection events'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s q -l quiet -d 'No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand bench" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -s o -l output -d 'Write the key pair to FILE (created with mode 0600) and print only the public key' -r -F
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -s f -l format -d 'Print as text (labelled lines) or as one JSON object' -r -f -a "text\t''
json\t''"
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand completions" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand completions" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand completions" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand examples" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand examples" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand examples" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand examples" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand generate" -l profile -d 'Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES) [env: ZMQCAT_PROFILE]' -r
complete -c zmqcat -n "__fish_zmqcat_using_subcommand generate" -l explain -d 'Print the resolved plan (sockets, endpoints, options, format, security, where settings came from) as JSON and exit, without touching the network'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand generate" -s h -l help -d 'Print help'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand generate" -s V -l version -d 'Print version'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "req" -d 'REQ: send each input message as a request and print its reply (lockstep)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "rep" -d 'REP: print each request and answer it (next input line, --echo or -m)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "pub" -d 'PUB: publish each input message (TAB-separated frames make an envelope)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "sub" -d 'SUB: print every message whose first frame starts with a subscribed prefix'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "push" -d 'PUSH: send each input message down a pipeline'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "pull" -d 'PULL: print every message received from a pipeline'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "router" -d 'ROUTER: print `id<TAB>frames`, read `id<TAB>frames` lines and route them'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "dealer" -d 'DEALER: send input messages and print incoming ones at the same time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "pair" -d 'PAIR: send input messages and print incoming ones at the same time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "xpub" -d 'XPUB: publish input messages and print subscription messages (\\x01 subscribe, \\x00 cancel)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "xsub" -d 'XSUB: subscribe (-s, or everything) and print messages; input is sent upstream as is'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "server" -d 'SERVER (draft): print `id<TAB>message` per client request, route `id<TAB>message` lines back'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "client" -d 'CLIENT (draft): send input messages to servers and print their replies at the same time'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "channel" -d 'CHANNEL (draft): one exclusive connection, both ways, like pair on a thread-safe socket'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "peer" -d 'PEER (draft): talk with many peers both ways, `id<TAB>message` as server shows it'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "scatter" -d 'SCATTER (draft): send each input message to the next connected GATHER (round robin)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "gather" -d 'GATHER (draft): print every message scattered to it (fair-queued)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "radio" -d 'RADIO (draft): send each message to a group (-g, or the first field), over udp:// or tcp'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "dish" -d 'DISH (draft): print `group<TAB>message` for every message of the groups joined with -j'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "proxy" -d 'PROXY: forward messages between two sockets (shared queue, forwarder, streamer)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "poll" -d 'POLL: read several sockets at once; each message is printed after its socket\'s label'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "bench" -d 'Measure throughput and latency: push/pull, pub/sub, req/rep (like libzmq\'s perf programs)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "keygen" -d 'Print a new CURVE key pair (Z85), or write the secret key to a file'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "completions" -d 'Print shell completions for zmqcat to stdout'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "examples" -d 'Print the ZeroMQ guide\'s topologies as ready-to-paste recipes with diagrams'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "generate" -d 'Write completions/ and man/ into DIR (used to refresh the committed copies)'
complete -c zmqcat -n "__fish_zmqcat_using_subcommand help; and not __fish_seen_subcommand_from req rep pub sub push pull router dealer pair xpub xsub server client channel peer scatter gather radio dish proxy poll bench keygen completions examples generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
