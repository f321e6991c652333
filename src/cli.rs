//! The command line: the only module that knows clap.
//!
//! Everything below this module works on the plain structs defined here (or on the plan built from
//! them in `app`), so it can be tested without parsing arguments.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::codec::Format;

const ABOUT: &str = "A Swiss-army knife for ZeroMQ: every socket type from the shell";

const LONG_ABOUT: &str = "\
A Swiss-army knife for ZeroMQ: every socket type from the shell.

Each command opens one socket, binds or connects it to the endpoints given, turns stdin into \
messages and messages into stdout. Processes compose through ordinary shell pipes, so every \
classic ZeroMQ topology can be assembled from a shell, each role played by zmqcat or by a \
program in any binding.";

const TOP_EXAMPLES: &str = "\
Examples:
  zmqcat rep --echo 5555                         # a server that answers every request with itself
  echo Hello | zmqcat req 5555                   # one request, prints the reply
  seq 100 | zmqcat push @tcp://127.0.0.1:*       # announces the bound port on stderr
  zmqcat sub -s 10001 tcp://weather:5556         # prints updates whose first frame starts with 10001

Exit status: 0 done, 1 runtime failure, 2 usage error, 3 timeout, 4 malformed input,
5 --deadline reached, 130/143 interrupted by SIGINT/SIGTERM.";

#[derive(Debug, Parser)]
#[command(
    name = "zmqcat",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = TOP_EXAMPLES,
    subcommand_required = true,
    propagate_version = true,
    arg_required_else_help = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print the resolved plan (sockets, endpoints, options, format, security, where settings
    /// came from) as JSON and exit, without touching the network
    #[arg(long, global = true)]
    pub explain: bool,

    /// Apply the options of profile NAME from the configuration file (see zmqcat(1), FILES)
    /// [env: ZMQCAT_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Where settings came from: filled in by `parse`.
    #[arg(skip)]
    pub origin: Origin,
}

/// Where settings came from besides the command line, for `--explain`.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub profile: Option<crate::config::Applied>,
    /// Environment variables that supplied a value: (variable, option, value shown).
    pub environment: Vec<(String, String, String)>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// REQ: send each input message as a request and print its reply (lockstep)
    #[command(after_help = "\
Examples:
  echo Hello | zmqcat req tcp://127.0.0.1:5555
  zmqcat req -m ping -n 10 -t 2s 5555            # ten round trips, give up after 2 s of silence")]
    Req(ReqArgs),

    /// REP: print each request and answer it (next input line, --echo or -m)
    #[command(after_help = "\
Examples:
  zmqcat rep -m World 5555                        # answers every request with World
  zmqcat rep --echo @tcp://127.0.0.1:*            # echo server on a free port")]
    Rep(RepArgs),

    /// PUB: publish each input message (TAB-separated frames make an envelope)
    #[command(after_help = "\
Examples:
  printf 'A\\tnot for you\\nB\\tfor you\\n' | zmqcat pub 5563
  zmqcat pub -m 'tick' --interval 1s 5556         # one message a second, forever
  zmqcat pub --topic weather -m '{seq} {ts}' --rate 10 5556   # topic frame + templated body")]
    Pub(PubArgs),

    /// SUB: print every message whose first frame starts with a subscribed prefix
    #[command(after_help = "\
Examples:
  zmqcat sub -s B 5563                            # only messages whose first frame starts with B
  zmqcat sub -n 100 tcp://127.0.0.1:5556          # everything, stop after 100 messages
  zmqcat sub -s weather --strip-topic --exclude weather.debug 5556")]
    Sub(SubArgs),

    /// PUSH: send each input message down a pipeline
    #[command(after_help = "\
Examples:
  seq 100 | zmqcat push 5557                      # connect to a PULL on port 5557
  seq 100 | zmqcat push @tcp://*:5557             # bind and hand tasks to connecting workers")]
    Push(SendCommandArgs),

    /// PULL: print every message received from a pipeline
    #[command(after_help = "\
Examples:
  zmqcat pull 5558 > results.txt                  # bind and collect
  zmqcat pull -n 100 -t 5s '>tcp://ventilator:5557'")]
    Pull(RecvCommandArgs),

    /// ROUTER: print `id<TAB>frames`, read `id<TAB>frames` lines and route them
    #[command(after_help = "\
Examples:
  zmqcat router 5555                              # prints e.g. 0x0080000001<TAB><TAB>Hello from a REQ peer
  zmqcat router --identity broker 5555 < replies.txt")]
    Router(DuplexArgs),

    /// DEALER: send input messages and print incoming ones at the same time
    #[command(after_help = "\
Examples:
  zmqcat dealer --identity cook tcp://127.0.0.1:5555
  printf '\\tHello\\n' | zmqcat dealer -t 2s 5555  # speaks to a REP: empty delimiter frame first")]
    Dealer(DuplexArgs),

    /// PAIR: send input messages and print incoming ones at the same time
    #[command(after_help = "\
Examples:
  zmqcat pair @ipc:///tmp/pair.sock
  zmqcat pair ipc:///tmp/pair.sock < messages.txt")]
    Pair(DuplexArgs),

    /// XPUB: publish input messages and print subscription messages (\\x01 subscribe, \\x00 cancel)
    #[command(after_help = "\
Examples:
  zmqcat xpub 5556                                # shows subscriptions as they arrive
  zmqcat xpub --set xpub_verbose=1 5556")]
    Xpub(DuplexArgs),

    /// XSUB: subscribe (-s, or everything) and print messages; input is sent upstream as is
    #[command(after_help = "\
Examples:
  zmqcat xsub -s 10001 tcp://127.0.0.1:5556
  printf '\\x01A\\n' | zmqcat xsub --no-subscribe 5556   # subscribe by hand")]
    Xsub(XsubArgs),

    /// PROXY: forward messages between two sockets (shared queue, forwarder, streamer)
    #[command(after_help = "\
Examples:
  zmqcat proxy 'router@tcp://*:5559' 'dealer@tcp://*:5560'    # request-reply broker
  zmqcat proxy 'xsub@tcp://*:5557' 'xpub@tcp://*:5558'        # pub-sub forwarder
  zmqcat proxy --capture 'pull@ipc:///tmp/in' 'push@ipc:///tmp/out'   # streamer, shows traffic
  zmqcat proxy 'router@tcp://*:5559' 'dealer@ipc:///tmp/workers' \\
      --for front --curve-server --curve-secret @server.key      # CURVE outside, plain inside

Security options before any --for apply to both sockets; after --for LABEL (front, back, or the
label given in a spec) to that socket only, in addition to the shared ones.")]
    Proxy(ProxyArgs),

    /// POLL: read several sockets at once; each message is printed after its socket's label
    #[command(after_help = "\
Examples:
  zmqcat poll 'tasks=pull>tcp://localhost:5557' 'weather=sub>tcp://localhost:5556' -s 10001
  printf 'out\\tping\\n' | zmqcat poll 'out=dealer>tcp://127.0.0.1:5555' 'in=pull@ipc:///tmp/in'
  zmqcat poll 'a=pull@tcp://*:5557' 'b=pull@ipc:///tmp/b' --for a --allow-ip 10.0.0.0/8

Security options before any --for apply to every socket; after --for LABEL to that socket only,
in addition to the shared ones.")]
    Poll(PollArgs),

    /// Measure throughput and latency: push/pull, pub/sub, req/rep (like libzmq's perf programs)
    #[command(after_help = "\
Examples:
  zmqcat bench push -n 1000000 --size 64          # both ends: a second zmqcat process receives
  zmqcat bench req -n 20000 --transport ipc       # round-trip latency percentiles, both ends
  zmqcat bench pull @tcp://*:5555                 # measuring receiver; elsewhere the sender:
  zmqcat bench push tcp://host:5555 -n 1000000 --size 100
  zmqcat bench sub tcp://host:5556 -f json        # with  zmqcat bench pub @tcp://*:5556
  zmqcat bench req -n 10000 tcp://host:5555       # against any echo server (rep --echo, local_lat)
  zmqcat bench push --raw -n 100000 --size 100 tcp://host:5555   # into libzmq's local_thr

push and pub send N messages of SIZE bytes, the send time in the first 8 bytes (unless --raw);
pull and sub count them (throughput from the first message to the last, as local_thr does) and
report one-way latency percentiles, valid only when both ends read the same clock: one host.
req reports round-trip percentiles against any echoing REP; rep is such an echo server.
Without an endpoint, both ends run: a second zmqcat process plays the peer over tcp loopback
or ipc. Exit status: 0 done, 1 failure, 2 usage error, 3 --timeout, 130/143 interrupted.")]
    Bench(BenchArgs),

    /// Print a new CURVE key pair (Z85), or write the secret key to a file
    #[command(after_help = "\
Examples:
  zmqcat keygen                                   # public: … / secret: … on two lines
  zmqcat keygen -o server.key                     # secret file (mode 0600); prints the public key")]
    Keygen(KeygenArgs),

    /// Print shell completions for zmqcat to stdout
    #[command(after_help = "\
Examples:
  zmqcat completions bash > /etc/bash_completion.d/zmqcat
  zmqcat completions zsh > \"${fpath[1]}/_zmqcat\"")]
    Completions {
        /// The shell to generate completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the ZeroMQ guide's topologies as ready-to-paste recipes with diagrams
    #[command(after_help = "\
Examples:
  zmqcat examples                                 # every recipe
  zmqcat examples broker                          # one")]
    Examples {
        /// The recipe to show (all when none)
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::examples::names()))]
        name: Option<String>,
    },

    /// Write completions/ and man/ into DIR (used to refresh the committed copies)
    #[command(hide = true)]
    Generate {
        /// Directory receiving completions/ and man/
        dir: PathBuf,
    },
}

/// Where the socket goes: binds and connects.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Endpoints")]
pub struct EndpointArgs {
    /// Bind to EP (repeatable; comma-separated lists accepted)
    #[arg(short = 'b', long = "bind", value_name = "EP", action = ArgAction::Append)]
    pub bind: Vec<String>,

    /// Connect to EP (repeatable; comma-separated lists accepted)
    #[arg(short = 'c', long = "connect", value_name = "EP", action = ArgAction::Append)]
    pub connect: Vec<String>,

    /// Endpoints: `@EP` binds, `>EP` connects, a bare EP takes the command's natural direction.
    /// `5555` or `:5555` is tcp on that port, `host:port` is tcp to that host.
    #[arg(value_name = "ENDPOINT")]
    pub endpoints: Vec<String>,
}

/// Socket options shared by every socket command.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Socket options")]
pub struct SocketArgs {
    /// High-water mark for both directions, in messages (0 = none)
    #[arg(long, value_name = "N")]
    pub hwm: Option<i32>,

    /// Send high-water mark, in messages
    #[arg(long, value_name = "N")]
    pub sndhwm: Option<i32>,

    /// Receive high-water mark, in messages
    #[arg(long, value_name = "N")]
    pub rcvhwm: Option<i32>,

    /// How long queued messages may take to be delivered at exit (`inf` waits until they are) [env: ZMQCAT_LINGER]
    #[arg(long, value_name = "DUR", value_parser = parse_limit)]
    pub linger: Option<Limit>,

    /// Routing id of this socket (`0x` + hex for binary ids)
    #[arg(long, value_name = "ID")]
    pub identity: Option<String>,

    /// Pause before reconnecting after a connection is lost
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub reconnect_ivl: Option<Duration>,

    /// Upper bound of the exponential reconnection back-off
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub reconnect_ivl_max: Option<Duration>,

    /// Send ZMTP heartbeats at this interval (a silent peer is dropped) [env: ZMQCAT_HEARTBEAT]
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub heartbeat: Option<Duration>,

    /// Queue messages only to completed connections
    #[arg(long)]
    pub immediate: bool,

    /// Keep only the last message in each queue
    #[arg(long)]
    pub conflate: bool,

    /// Enable IPv6 on tcp endpoints
    #[arg(long)]
    pub ipv6: bool,

    /// Largest message accepted from a peer or from input, in bytes
    #[arg(long, value_name = "BYTES")]
    pub max_msg_size: Option<i64>,

    /// Enable TCP keep-alive probes
    #[arg(long)]
    pub tcp_keepalive: bool,

    /// Let bound endpoints admit peers older than ZMTP 3.0 (libzmq 2.x/3.x, JeroMQ 0.3)
    ///
    /// Connects always talk to every ZMTP version: the user chose that peer. Binds refuse
    /// pre-3.0 greetings by default, because strangers reach a bound port and libzmq would
    /// otherwise read any byte stream (an HTTP request, a scanner) as ZMTP 1.0 messages; a
    /// refused peer is reported on stderr once per endpoint.
    #[arg(long)]
    pub legacy_peers: bool,

    /// Any other libzmq socket option, by name (e.g. `sndbuf=1048576`, `xpub_verbose=1`)
    #[arg(long = "set", value_name = "NAME=VALUE", action = ArgAction::Append)]
    pub set: Vec<String>,
}

/// How messages look on stdin and stdout.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Message format")]
pub struct FormatArgs {
    /// Message format on stdin and stdout [env: ZMQCAT_FORMAT]
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Messages end with a NUL byte instead of a newline (text, quoted)
    #[arg(short = '0', long)]
    pub null: bool,

    /// Frame separator of the text format: one byte, or \t (default TAB)
    #[arg(long, value_name = "CHAR", value_parser = parse_separator)]
    pub frame_sep: Option<u8>,
}

/// How long to run and what to say.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Run control")]
pub struct RunArgs {
    /// Stop after N messages (sent by senders, received by receivers, round trips for req)
    #[arg(short = 'n', long, value_name = "N")]
    pub count: Option<u64>,

    /// Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]
    #[arg(short = 't', long, value_name = "DUR", value_parser = parse_limit)]
    pub timeout: Option<Limit>,

    /// Stop after DUR in all, busy or not (received messages flushed, queued ones get 1 s); exit status 5
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub deadline: Option<Duration>,

    /// A live progress line on stderr (messages, bytes, rate), when stderr is a terminal
    #[arg(long)]
    pub progress: bool,

    /// One summary line on stderr at exit (messages and bytes each way, rate; JSON with -f json)
    #[arg(long)]
    pub stats: bool,

    /// A hexdump of every frame sent (>) and received (<) on stderr, with the time
    #[arg(long)]
    pub trace: bool,

    #[command(flatten)]
    pub log: LogArgs,
}

/// What to say on stderr.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Run control")]
pub struct LogArgs {
    /// More diagnostics on stderr: every bind and connect, then connection events
    #[arg(short = 'v', long, action = ArgAction::Count)]
    pub verbose: u8,

    /// No diagnostics on stderr but errors
    #[arg(short = 'q', long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Write every socket monitor event as a JSON line to FILE (`-`: stderr)
    #[arg(long, value_name = "FILE|-")]
    pub events: Option<PathBuf>,
}

/// Where sent messages come from, and how fast they go.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Sending")]
pub struct SendArgs {
    /// Send DATA (in the chosen format) instead of reading stdin; with --count N, N times.
    /// Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {
    #[arg(short = 'm', long, value_name = "DATA")]
    pub message: Option<String>,

    /// Wait this long before the first send
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub delay: Option<Duration>,

    /// Also print every message sent on stdout, in the chosen format, after a first field `>`
    #[arg(long)]
    pub tee: bool,

    /// Pause this long between messages
    #[arg(long, value_name = "DUR", value_parser = parse_duration, conflicts_with = "rate")]
    pub interval: Option<Duration>,

    /// Send at most N messages a second
    #[arg(long, value_name = "N", value_parser = parse_rate)]
    pub rate: Option<f64>,

    /// Hold the first send until N peers are connected (pub: until N subscriptions arrived)
    #[arg(long, value_name = "N")]
    pub wait_peers: Option<u64>,
}

/// CURVE, PLAIN and address filtering.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Security")]
pub struct SecurityArgs {
    /// Be a CURVE server (with --curve-secret)
    #[arg(long)]
    pub curve_server: bool,

    // Z85 keys may start with '-': values that look like options are still taken as keys.
    /// This socket's CURVE secret key: Z85 text, or @FILE (as `zmqcat keygen -o FILE` writes)
    #[arg(long, allow_hyphen_values = true, value_name = "KEY|@FILE")]
    pub curve_secret: Option<String>,

    /// This socket's CURVE public key (ignored: it is derived from the secret key)
    #[arg(long, value_name = "KEY", hide = true)]
    pub curve_public: Option<String>,

    /// Be a CURVE client of the server with this public key (own keys: --curve-secret, or new
    /// ones) [env: ZMQCAT_CURVE_SERVER_KEY]
    #[arg(long, allow_hyphen_values = true, value_name = "KEY|@FILE")]
    pub curve_server_key: Option<String>,

    /// Admit only CURVE clients with this public key (repeatable; @FILE: one key per line)
    #[arg(long, allow_hyphen_values = true, value_name = "KEY|@FILE", action = ArgAction::Append)]
    pub curve_allow: Vec<String>,

    /// Be a PLAIN server admitting --plain-user with --plain-pass
    #[arg(long)]
    pub plain_server: bool,

    /// PLAIN user name (a client's, or the one a PLAIN server admits) [env: ZMQCAT_PLAIN_USER]
    #[arg(long, value_name = "USER")]
    pub plain_user: Option<String>,

    /// PLAIN password, or @FILE holding it on its first line [env: ZMQCAT_PLAIN_PASS]
    #[arg(long, allow_hyphen_values = true, value_name = "PASS|@FILE")]
    pub plain_pass: Option<String>,

    /// Admit only peers from this address or ADDRESS/PREFIX network (repeatable)
    #[arg(long, value_name = "ADDR[/N]", action = ArgAction::Append)]
    pub allow_ip: Vec<String>,

    /// Refuse peers from this address or ADDRESS/PREFIX network (repeatable)
    #[arg(long, value_name = "ADDR[/N]", action = ArgAction::Append)]
    pub deny_ip: Vec<String>,
}

/// Security options given for one socket of `proxy` or `poll` with `--for LABEL`, merged after
/// the shared ones (those before any `--for`).
#[derive(Debug, Clone, Default)]
pub struct Scoped {
    pub label: String,
    pub args: SecurityArgs,
}

/// The options every socket command has.
#[derive(Debug, Clone, Default, Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub endpoints: EndpointArgs,
    #[command(flatten)]
    pub socket: SocketArgs,
    #[command(flatten)]
    pub security: SecurityArgs,
    #[command(flatten)]
    pub format: FormatArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct PubArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
    /// Send TOPIC as a first frame before every message (the envelope subscribers filter on)
    #[arg(long, value_name = "TOPIC", help_heading = "Topics")]
    pub topic: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct SendCommandArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RecvCommandArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SubArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Subscribe to messages whose first frame starts with PREFIX (repeatable; all when none)
    #[arg(short = 's', long = "subscribe", value_name = "PREFIX", action = ArgAction::Append)]
    pub subscribe: Vec<String>,
    /// Print messages without their topic: the first frame of a multi-frame message, or the
    /// longest subscribed prefix of a single-frame one
    #[arg(long, help_heading = "Topics")]
    pub strip_topic: bool,
    /// Drop messages whose first frame starts with PREFIX (repeatable; checked here after they
    /// arrived, so they still cost bandwidth; not counted by -n)
    #[arg(long, value_name = "PREFIX", action = ArgAction::Append, help_heading = "Topics")]
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct XsubArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
    /// Subscribe upstream to PREFIX (repeatable; everything when none)
    #[arg(short = 's', long = "subscribe", value_name = "PREFIX", action = ArgAction::Append)]
    pub subscribe: Vec<String>,
    /// Send no subscription at start: subscribe by writing `\x01PREFIX` messages to stdin
    #[arg(long, conflicts_with = "subscribe")]
    pub no_subscribe: bool,
}

#[derive(Debug, Clone, Args)]
pub struct DuplexArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
    /// Run CMD (with sh -c): it reads received messages on its stdin, and what it writes is sent
    #[arg(
        long,
        value_name = "CMD",
        conflicts_with = "message",
        help_heading = "Sending"
    )]
    pub coproc: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ReqArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
    /// Lazy Pirate: after a --timeout, reopen the socket and resend, up to N times
    #[arg(
        long,
        value_name = "N",
        requires = "timeout",
        help_heading = "Requests"
    )]
    pub retries: Option<u32>,
}

#[derive(Debug, Clone, Args)]
pub struct RepArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Answer every request with the request itself
    #[arg(long, conflicts_with = "message", help_heading = "Replies")]
    pub echo: bool,
    /// Answer every request with DATA (in the chosen format)
    #[arg(short = 'm', long, value_name = "DATA", help_heading = "Replies")]
    pub message: Option<String>,
    /// Answer every request with the output of CMD (sh -c), run with the request on its stdin
    #[arg(long, value_name = "CMD", conflicts_with_all = ["echo", "message"], help_heading = "Replies")]
    pub exec: Option<String>,
    /// Run CMD (sh -c) once: it reads requests on its stdin and writes one reply per request
    #[arg(long, value_name = "CMD", conflicts_with_all = ["echo", "message", "exec"], help_heading = "Replies")]
    pub coproc: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct KeygenArgs {
    /// Write the key pair to FILE (created with mode 0600) and print only the public key
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print as text (labelled lines) or as one JSON object
    #[arg(short = 'f', long, value_enum, default_value_t = KeyFormat::Text)]
    pub format: KeyFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeyFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ProxyArgs {
    /// Front socket: TYPE@EP binds, TYPE>EP connects (e.g. router@tcp://*:5559)
    #[arg(value_name = "FRONT")]
    pub front: String,
    /// Back socket, in the same form (e.g. dealer@tcp://*:5560)
    #[arg(value_name = "BACK")]
    pub back: String,
    #[command(flatten)]
    pub socket: SocketArgs,
    #[command(flatten)]
    pub security: SecurityArgs,
    /// Give the security options after this to the socket LABEL only (repeatable; see below)
    #[arg(long = "for", value_name = "LABEL", action = ArgAction::Append, help_heading = "Security")]
    pub scope: Vec<String>,
    /// The options given per socket with --for, filled in by `parse`.
    #[arg(skip)]
    pub scoped: Vec<Scoped>,
    #[command(flatten)]
    pub format: FormatArgs,
    #[command(flatten)]
    pub log: LogArgs,
    /// Print every message passing through on stdout, after the side it came in from (front, back)
    #[arg(long, help_heading = "Proxy")]
    pub capture: bool,
    /// Print message and byte counts per direction on stderr at exit
    #[arg(long, help_heading = "Proxy")]
    pub stats: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PollArgs {
    /// Sockets: [LABEL=]TYPE@EP binds, [LABEL=]TYPE>EP connects (the label defaults to TYPE)
    #[arg(value_name = "SPEC", required = true)]
    pub specs: Vec<String>,
    #[command(flatten)]
    pub socket: SocketArgs,
    #[command(flatten)]
    pub security: SecurityArgs,
    /// Give the security options after this to the socket LABEL only (repeatable; see below)
    #[arg(long = "for", value_name = "LABEL", action = ArgAction::Append, help_heading = "Security")]
    pub scope: Vec<String>,
    /// The options given per socket with --for, filled in by `parse`.
    #[arg(skip)]
    pub scoped: Vec<Scoped>,
    #[command(flatten)]
    pub format: FormatArgs,
    #[command(flatten)]
    pub run: RunArgs,
    /// Subscribe the SUB sockets to PREFIX (repeatable; all when none)
    #[arg(short = 's', long = "subscribe", value_name = "PREFIX", action = ArgAction::Append)]
    pub subscribe: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// push, pub: send; pull, sub: receive and measure; req: time round trips; rep: echo
    #[arg(value_enum, value_name = "ROLE")]
    pub role: BenchRole,
    #[command(flatten)]
    pub endpoints: EndpointArgs,
    /// Messages to send (req: round trips) [default: 1000000, req 10000]; receivers: stop after N
    /// (default: at the sender's end mark), rep: after N requests (default: never)
    #[arg(short = 'n', long, value_name = "N", help_heading = "Benchmark")]
    pub count: Option<u64>,
    /// Size of every message, in bytes
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = 64,
        help_heading = "Benchmark"
    )]
    pub size: usize,
    /// Send N messages (req: round trips) first, left out of the figures; a receiver leaves out
    /// its first N when the sender marks no warm-up (--raw, remote_thr)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        help_heading = "Benchmark"
    )]
    pub warmup: u64,
    /// Send at most N messages (req: requests) a second
    #[arg(long, value_name = "N", value_parser = parse_rate, help_heading = "Benchmark")]
    pub rate: Option<f64>,
    /// Payloads only: no send times, no start and end marks (e.g. for libzmq's local_thr)
    #[arg(long, help_heading = "Benchmark")]
    pub raw: bool,
    /// pub: hold the first message until N subscribers are there [default: 1]
    #[arg(long, value_name = "N", help_heading = "Benchmark")]
    pub subscribers: Option<u64>,
    /// Without an endpoint: how the two processes talk [default: tcp]
    #[arg(long, value_enum, value_name = "TRANSPORT", help_heading = "Benchmark")]
    pub transport: Option<BenchTransport>,
    /// Give up when nothing arrives (or nothing can be sent) for DUR; exit status 3 [env: ZMQCAT_TIMEOUT]
    #[arg(short = 't', long, value_name = "DUR", value_parser = parse_limit, help_heading = "Benchmark")]
    pub timeout: Option<Limit>,
    /// The report on stdout: text, or one JSON object
    #[arg(short = 'f', long, value_enum, default_value_t = BenchFormat::Text, help_heading = "Benchmark")]
    pub format: BenchFormat,
    #[command(flatten)]
    pub socket: SocketArgs,
    #[command(flatten)]
    pub security: SecurityArgs,
    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchRole {
    Push,
    Pull,
    Pub,
    Sub,
    Req,
    Rep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchTransport {
    Tcp,
    Ipc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchFormat {
    Text,
    Json,
}

/// Parses the command line; `--version` also tells which libzmq is linked and what it can do.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let (a, b, c) = zmq::version();
    let caps: Vec<String> = ["curve", "ipc", "pgm", "tipc", "norm", "gssapi", "draft"]
        .iter()
        .map(|cap| {
            let yes = zmq::has(cap).unwrap_or(false);
            format!("{cap}={}", if yes { "yes" } else { "no" })
        })
        .collect();
    let long: &'static str = Box::leak(
        format!(
            "{}\nlibzmq {a}.{b}.{c} ({})",
            env!("CARGO_PKG_VERSION"),
            caps.join(" ")
        )
        .into_boxed_str(),
    );
    // A later occurrence wins: the command line over a profile's options before it (a global
    // setting: the subcommands have it too).
    let cmd = Cli::command().long_version(long).args_override_self(true);
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let origin = with_defaults(&cmd, &mut args).unwrap_or_else(|e| {
        let _ = crate::exit::report(&e.into());
        std::process::exit(i32::from(crate::exit::USAGE));
    });
    let matches = cmd.get_matches_from(args);
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.origin = origin;
    let scoped = match &mut cli.command {
        Command::Proxy(a) => matches
            .subcommand_matches("proxy")
            .map(|m| (m, &mut a.security, &mut a.scoped)),
        Command::Poll(a) => matches
            .subcommand_matches("poll")
            .map(|m| (m, &mut a.security, &mut a.scoped)),
        _ => None,
    };
    if let Some((m, shared, per_socket)) = scoped {
        (*shared, *per_socket) = split_scopes(m).unwrap_or_else(|e| e.exit());
    }
    cli
}

/// Options taken from the environment when the command line does not give them (the socket
/// commands, proxy and poll): (variable, long option, secret).
pub const ENVIRONMENT: &[(&str, &str, bool)] = &[
    ("ZMQCAT_FORMAT", "format", false),
    ("ZMQCAT_TIMEOUT", "timeout", false),
    ("ZMQCAT_LINGER", "linger", false),
    ("ZMQCAT_HEARTBEAT", "heartbeat", false),
    ("ZMQCAT_CURVE_SERVER_KEY", "curve-server-key", false),
    ("ZMQCAT_PLAIN_USER", "plain-user", false),
    ("ZMQCAT_PLAIN_PASS", "plain-pass", true),
];

/// Commands that take defaults from the environment and profiles.
const WITH_DEFAULTS: &[&str] = &[
    "req", "rep", "pub", "sub", "push", "pull", "router", "dealer", "pair", "xpub", "xsub",
    "proxy", "poll",
];

/// Inserts, right after the command name, the options the environment gives, then those of the
/// profile asked for: as a later occurrence wins, the command line overrides both, and a
/// profile overrides the environment.
fn with_defaults(
    cmd: &clap::Command,
    args: &mut Vec<std::ffi::OsString>,
) -> Result<Origin, crate::exit::Usage> {
    use crate::config::{self, Accepts, Takes};
    use crate::exit::Usage;
    let mut origin = Origin::default();
    // The command: the first word naming one (options before it are global ones).
    let Some(at) = args
        .iter()
        .skip(1)
        .position(|a| a.to_str().is_some_and(|w| WITH_DEFAULTS.contains(&w)))
        .map(|i| i + 1)
    else {
        return Ok(origin);
    };
    let Some(sub) = cmd.find_subcommand(&args[at]) else {
        return Ok(origin);
    };
    let has = |long: &str| sub.get_arguments().any(|a| a.get_long() == Some(long));
    let mut words: Vec<std::ffi::OsString> = Vec::new();
    for (var, long, secret) in ENVIRONMENT {
        let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        if !has(long) {
            continue;
        }
        let mut word = std::ffi::OsString::from(format!("--{long}="));
        word.push(&value);
        words.push(word);
        let shown = if *secret {
            "<redacted>".to_string()
        } else {
            value.to_string_lossy().into_owned()
        };
        origin
            .environment
            .push((var.to_string(), format!("--{long}"), shown));
    }
    if let Some(name) = config::requested(args) {
        let file = config::file().ok_or_else(|| {
            Usage(format!(
                "--profile {name}: no configuration file (set ZMQCAT_CONFIG, or HOME for ~/.config/zmqcat/config.toml)"
            ))
        })?;
        let text = std::fs::read_to_string(&file).map_err(|e| {
            Usage(format!(
                "--profile {name}: cannot read {}: {e}",
                file.display()
            ))
        })?;
        let longs = |c: &clap::Command| -> Vec<(String, Takes)> {
            c.get_arguments()
                .filter(|a| !matches!(a.get_id().as_str(), "explain" | "profile"))
                .filter_map(|a| {
                    let takes = match a.get_action() {
                        ArgAction::SetTrue | ArgAction::SetFalse => Takes::Flag,
                        ArgAction::Count => Takes::Count,
                        ArgAction::Set | ArgAction::Append => Takes::Value,
                        _ => return None,
                    };
                    a.get_long().map(|l| (l.to_string(), takes))
                })
                .collect()
        };
        let accepts = Accepts {
            options: longs(sub),
            anywhere: cmd
                .get_subcommands()
                .flat_map(|c| longs(c).into_iter().map(|(l, _)| l))
                .collect(),
        };
        let (profile_words, applied) = config::options(&name, &file, &text, &accepts)?;
        words.extend(profile_words);
        origin.profile = Some(applied);
    }
    args.splice(at + 1..at + 1, words);
    Ok(origin)
}

/// Splits the security options of `proxy` or `poll` by `--for LABEL`: those before the first
/// `--for` are shared by every socket; those after `--for LABEL` belong to LABEL's socket, which
/// gets them after the shared ones.
fn split_scopes(m: &clap::ArgMatches) -> Result<(SecurityArgs, Vec<Scoped>), clap::Error> {
    use clap::parser::ValueSource;
    use std::ffi::OsString;

    let scopes: Vec<(usize, String)> = match (m.indices_of("scope"), m.get_many::<String>("scope"))
    {
        (Some(at), Some(labels)) => at.zip(labels.cloned()).collect(),
        _ => Vec::new(),
    };
    // Every security option given, as its own `--name[=VALUE]` word, with where it stood.
    let mut given: Vec<(usize, OsString)> = Vec::new();
    let defs = SecurityArgs::augment_args(clap::Command::new("security"));
    for arg in defs.get_arguments() {
        let id = arg.get_id().as_str();
        let (Some(long), Some(ValueSource::CommandLine)) = (arg.get_long(), m.value_source(id))
        else {
            continue;
        };
        let Some(at) = m.indices_of(id) else { continue };
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            given.extend(at.map(|i| (i, OsString::from(format!("--{long}")))));
        } else {
            let values = m.get_raw(id).into_iter().flatten();
            given.extend(at.zip(values).map(|(i, v)| {
                let mut word = OsString::from(format!("--{long}="));
                word.push(v);
                (i, word)
            }));
        }
    }
    given.sort_by_key(|(i, _)| *i);
    let scope_at = |i: usize| scopes.iter().rev().find(|(at, _)| *at < i).map(|(_, l)| l);
    let words_for = |label: Option<&String>| -> Vec<OsString> {
        given
            .iter()
            .filter(|(i, _)| {
                let scope = scope_at(*i);
                scope.is_none() || scope == label
            })
            .map(|(_, w)| w.clone())
            .collect()
    };
    #[derive(Parser)]
    struct Only {
        #[command(flatten)]
        security: SecurityArgs,
    }
    let parse = |words: Vec<OsString>| {
        Only::try_parse_from(std::iter::once(OsString::from("zmqcat")).chain(words))
            .map(|o| o.security)
    };
    let shared = parse(words_for(None))?;
    let mut per_socket: Vec<Scoped> = Vec::new();
    for (_, label) in &scopes {
        if per_socket.iter().any(|s| &s.label == label) {
            continue;
        }
        per_socket.push(Scoped {
            label: label.clone(),
            args: parse(words_for(Some(label)))?,
        });
    }
    Ok((shared, per_socket))
}

/// A duration that may also be `inf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    After(Duration),
    Never,
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s.trim()).map_err(|e| format!("{e} (examples: 250ms, 2s, 1m30s)"))
}

fn parse_limit(s: &str) -> Result<Limit, String> {
    match s.trim() {
        "inf" | "infinite" | "forever" | "-1" => Ok(Limit::Never),
        other => parse_duration(other).map(Limit::After),
    }
}

fn parse_separator(s: &str) -> Result<u8, String> {
    match s.as_bytes() {
        b"\\t" => Ok(b'\t'),
        &[b] => Ok(b),
        _ => Err("expected a single byte, such as ',' or '|' (\\t for TAB)".into()),
    }
}

fn parse_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err("expected a positive number of messages per second".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn limits_parse() {
        assert_eq!(parse_limit("inf"), Ok(Limit::Never));
        assert_eq!(
            parse_limit("250ms"),
            Ok(Limit::After(Duration::from_millis(250)))
        );
        assert!(parse_limit("soon").is_err());
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("nan").is_err());
        assert_eq!(parse_rate("1000"), Ok(1000.0));
    }
}
