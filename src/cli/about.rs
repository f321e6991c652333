//! The long descriptions of the commands: `--help` shows them, and so does the DESCRIPTION of
//! each man page. A socket command's is what it is for, then what the table of socket commands
//! (`patterns`) makes it do: its socket, what a bare endpoint does, its loop and how it ends.

use crate::patterns::{pattern, Addressing, Direction, Kind, Loop};

/// What each socket command is for, in a paragraph.
fn purpose(kind: Kind) -> &'static str {
    match kind {
        Kind::Req => {
            "The client side of request-reply: each request goes to one REP (or ROUTER) peer, \
             and the next one leaves only once the reply is in. Against several servers, \
             requests are spread over them in turn."
        }
        Kind::Rep => {
            "The server side of request-reply: a REP socket takes one request at a time, from \
             any of its REQ (or DEALER) peers, and its reply goes back to the peer that asked."
        }
        Kind::Pub => {
            "Publishes to every subscriber whose subscription matches the message's first \
             frame (a TAB in the input starts a new frame, so `topic<TAB>body` is an envelope). \
             A PUB socket drops what no subscriber takes, including everything sent before a \
             subscriber has joined: --wait-peers N holds the first message until N \
             subscriptions arrived."
        }
        Kind::Sub => {
            "Subscribes to one or more publishers (PUB, XPUB) and prints what matches: libzmq \
             filters on prefixes of the first frame (-s PREFIX, repeatable; everything when \
             none is given). --exclude and --strip-topic work here, after receipt."
        }
        Kind::Push => {
            "The upstream end of a pipeline: every message goes to one of the connected PULL \
             peers, in turn (a ventilator feeding workers, or a worker feeding its sink). While \
             no peer is connected, messages wait, up to the high-water mark (--hwm)."
        }
        Kind::Pull => {
            "The downstream end of a pipeline: messages from every connected PUSH peer are \
             taken in turn (fair queueing), so one pull collects what many workers send."
        }
        Kind::Router => {
            "The asynchronous server (or broker front end) of request-reply: it talks with any \
             number of REQ, DEALER or ROUTER peers at once, and knows each by its routing id."
        }
        Kind::Dealer => {
            "An asynchronous peer of request-reply: requests need not wait for replies. To a \
             REP peer a message must start with an empty delimiter frame (`\\tHello`); to a \
             ROUTER, anything goes, and --identity names this peer there."
        }
        Kind::Pair => {
            "One exclusive connection between two peers, both ways: a PAIR socket talks with \
             exactly one other PAIR."
        }
        Kind::Xpub => {
            "A publisher that sees its subscribers' subscriptions: each arrives as a message \
             `\\x01PREFIX` (subscribe) or `\\x00PREFIX` (cancel), printed like any other, while \
             input messages are published as pub does. The back end of a pub-sub proxy."
        }
        Kind::Xsub => {
            "A subscriber whose subscriptions are messages: it subscribes upstream (-s PREFIX, \
             or everything; none with --no-subscribe) and prints what arrives, and input \
             messages are sent upstream as they are, so `\\x01PREFIX` subscribes and \
             `\\x00PREFIX` cancels. The front end of a pub-sub proxy."
        }
        Kind::Server => {
            "The server of the thread-safe request-reply pair (draft API): it talks with any \
             number of CLIENT peers at once and knows each by a numeric routing id, which \
             libzmq assigns per connection."
        }
        Kind::Client => {
            "The client of the thread-safe request-reply pair (draft API): messages go to its \
             SERVER peers in turn, and replies come back in any order, as on a dealer."
        }
        Kind::Channel => {
            "One exclusive connection between two peers, both ways, on a thread-safe socket \
             (draft API): a CHANNEL talks with exactly one other CHANNEL, as pair does."
        }
        Kind::Peer => {
            "Talks with any number of PEER sockets, both ways, each known by a numeric routing \
             id (draft API): one a peer that connected has on arrival, one a connect gets at \
             once, announced on stderr as `connected EP as peer N` so that input can address \
             it before anything arrives."
        }
        Kind::Scatter => {
            "The upstream end of a thread-safe pipeline (draft API): every message goes to one \
             of the connected GATHER peers, in turn, as push does."
        }
        Kind::Gather => {
            "The downstream end of a thread-safe pipeline (draft API): messages from every \
             connected SCATTER peer are taken in turn, as pull does."
        }
        Kind::Radio => {
            "Publishes to groups (draft API): each message goes to the DISH peers that joined \
             its group, over udp:// (unicast or multicast, no handshake) or tcp. The group is \
             -g GROUP, or else the first field of each input message."
        }
        Kind::Dish => {
            "Receives the groups it joined (-j GROUP, repeatable) from RADIO peers, over \
             udp:// (bind udp://ADDR:PORT, or udp://*:PORT) or tcp; each message is printed \
             after its group."
        }
    }
}

/// What the shared loop does, for the commands it runs.
fn run(r: Loop) -> &'static str {
    match r {
        Loop::SendOnly => {
            "Each input message is sent as soon as it is read: a line of stdin in the default \
             text format (see --format), or DATA from -m, N times with -n N, forever with \
             --interval or --rate. At the end of input, zmqcat waits until what it queued has \
             been delivered (within --linger or --timeout; pub waits 1 s at most), then exits \
             0; -n N ends it after N messages sent."
        }
        Loop::RecvOnly => {
            "Every message received is written to stdout in the chosen format (in text, one \
             line per message, frames separated by TAB), flushed whenever no further message \
             is ready. zmqcat runs until -n N messages arrived, until nothing arrived for \
             --timeout (status 3), until --deadline (status 5), or until a signal."
        }
        Loop::Client => {
            "Lockstep: each input message is sent as a request and its reply printed before \
             the next request goes. -n N ends zmqcat after N round trips. With --timeout, a \
             reply that does not come ends it with status 3, or, with --retries N, the request \
             is sent again on a fresh socket, up to N times (the Lazy Pirate pattern)."
        }
        Loop::Server => {
            "Lockstep: each request is printed, then answered with the next input message, \
             with the request itself (--echo), with DATA (-m), or with what a command makes of \
             it (--exec CMD per request, --coproc CMD for all). -n N ends zmqcat after N \
             requests; when input runs out while a request waits, zmqcat says so and exits 0."
        }
        Loop::Duplex => {
            "Duplex: input is sent while incoming messages are printed, both at once. With -n \
             N, zmqcat ends once N messages arrived and sending is over (-m sent its N times, \
             stdin ended, N messages were sent, or stdin is a terminal nobody types into); \
             without -n it runs until stopped."
        }
    }
}

/// The long description of a socket command.
pub(super) fn socket_command(kind: Kind) -> String {
    let p = pattern(kind);
    let socket = kind.name().to_uppercase();
    let bare = match p.natural {
        Direction::Bind => "binds (a port alone, 5555 or :5555, binds every interface)",
        Direction::Connect => "connects (a port alone, 5555 or :5555, connects to 127.0.0.1)",
    };
    let mut text = format!(
        "{}\n\nOne {socket} socket. A bare ENDPOINT {bare}; @EP binds and >EP connects, \
         whatever the command.\n\n{}",
        purpose(kind),
        run(p.run)
    );
    match p.addressing {
        Addressing::ByRoutingId => text.push_str(
            "\n\nThe first field of every message is the client's routing id, in decimal; an \
             input line's first field names the client it goes to. Messages are one frame: \
             input of more is refused (status 4).",
        ),
        Addressing::ByGroup => text.push_str(
            "\n\nA message's group is its first field (up to 255 bytes), unless radio's -g \
             GROUP gives it. Messages are one frame: input of more is refused (status 4).",
        ),
        Addressing::Single => text.push_str(
            "\n\nMessages are one frame, as on every thread-safe socket: input of more is \
             refused (status 4).",
        ),
        Addressing::ById | Addressing::Plain => {}
    }
    if p.addressing == Addressing::ById {
        text.push_str(
            "\n\nThe first field of every message is the peer's routing id: as it is when it \
             is printable ASCII, 0x and hex digits otherwise. An input line's first field \
             names the peer it goes to; an id no connected peer has is reported, not dropped \
             silently.",
        );
    }
    text
}

pub(super) const PROXY: &str = "\
Forwards messages between two sockets, FRONT and BACK, both ways, with libzmq's own proxy: a \
shared queue (router and dealer) between clients and workers, a forwarder (xsub and xpub) \
between publishers and subscribers, or a streamer (pull and push) in a pipeline; with the \
draft API also gather→scatter, channel→channel and the group forwarder dish→radio: the dish \
joins the groups of -j GROUP (repeatable, at least one) and each message leaves the radio in \
the group it came in. Each is TYPE@EP (bind) or TYPE>EP (connect); pairs that would forward \
nothing useful are refused with the reason (server, client and peer among them: a routing id \
is a message property, so a client could not route a reply back to the server's client).

It runs until SIGINT or SIGTERM, then stops cleanly. --capture prints every message passing \
through, after the side it came in from (and the group, for dish→radio: \
front<TAB>GROUP<TAB>body); --stats prints counts and rates per direction at exit.";

pub(super) const POLL: &str = "\
Reads several sockets at once and prints each message after its socket's label, \
LABEL<TAB>frames…: a SPEC is [LABEL=]TYPE@EP (bind) or [LABEL=]TYPE>EP (connect), the label \
defaulting to the type. Input lines whose first field is a label are sent on that socket, so \
one process can answer on one socket what it reads on another.

Any socket type is taken. The draft sockets carry one frame per message; for server and peer \
the routing id (decimal) and for radio and dish the group is the field after the label: \
LABEL<TAB>ID<TAB>body or LABEL<TAB>GROUP<TAB>body, printed and read alike (other shapes are \
malformed input, status 4). Every dish joins the groups of -j GROUP (repeatable; a dish needs \
one); a peer that connects prints `connected EP as peer ID`, the ID input addresses it by.

-n N ends it after N messages in all; --timeout after that long without one (status 3).";

pub(super) const BENCH: &str = "\
Measures a ZeroMQ link, as libzmq's perf programs do. push and pub send N messages of SIZE \
bytes, the send time in the first 8 bytes (unless --raw); pull and sub count them (throughput \
from the first message to the last, as local_thr does) and report one-way latency percentiles, \
valid only when both ends read the same clock: one host. req reports round-trip percentiles \
against any echoing REP; rep is such an echo server.

Without an endpoint, both ends run: a second zmqcat process plays the peer over tcp loopback or \
ipc. The report is a few lines of text on stdout, or one JSON object with -f json.";

pub(super) const KEYGEN: &str = "\
Makes a new CURVE key pair (Z85 text). Without -o, both keys are printed, on two labelled lines \
(public: …, secret: …). With -o FILE, the pair is written to FILE, created with mode 0600 (an \
existing file is never overwritten), and only the public key is printed: saved to a file of its \
own (zmqcat keygen -o server.key > server.pub), it is what clients read with \
--curve-server-key @server.pub, while the server reads --curve-secret @server.key.";

pub(super) const COMPLETIONS: &str = "\
Prints the completion script of zmqcat for SHELL on stdout: commands, options and the values \
they take. Install it where the shell looks for completions: for bash a file zmqcat in \
/etc/bash_completion.d or ~/.local/share/bash-completion/completions, for zsh a file _zmqcat in \
a directory of $fpath, for fish ~/.config/fish/completions/zmqcat.fish. The same scripts are in \
completions/ of the source tree, and the Debian package installs them.";

pub(super) const EXAMPLES: &str = "\
Prints the topologies of the ZeroMQ guide as short recipes, each a diagram and the zmqcat \
commands that play its roles, ready to paste into terminals: all of them, or the one NAME \
(hello world, weather updates, the pipeline, the request-reply broker, the pub-sub forwarder, \
envelopes, a poller of several sockets, the Lazy Pirate client, ROUTER identities, the food \
truck designs). Runnable scripts of the same topologies are in examples/ of the source tree.";
