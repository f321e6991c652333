//! The arguments of each command.

use std::path::PathBuf;

use clap::{ArgAction, Args};

use super::options::{
    CommonArgs, EndpointArgs, FormatArgs, LogArgs, RunArgs, SecurityArgs, SendArgs, SocketArgs,
};
use super::scopes::Scoped;
use super::values::Limit;
use super::values::{parse_count, parse_limit, parse_rate};

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
pub struct RadioArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub send: SendArgs,
    /// Send every message to GROUP (else the first field of each message names its group)
    #[arg(short = 'g', long, value_name = "GROUP", help_heading = "Groups")]
    pub group: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DishArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Receive the messages sent to GROUP (repeatable; at least one)
    #[arg(short = 'j', long = "join", value_name = "GROUP", action = ArgAction::Append, required = true, help_heading = "Groups")]
    pub join: Vec<String>,
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
    /// Answer every message with itself, sent back to the peer it came from (stdin is not read)
    #[arg(long, conflicts_with_all = ["message", "coproc", "lockstep"], help_heading = "Replies")]
    pub echo: bool,
    /// Send the next input message only once a message came back for the previous one, as req
    /// does (one request in flight; -t bounds each wait)
    #[arg(long, conflicts_with = "coproc", help_heading = "Sending")]
    pub lockstep: bool,
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
    /// A dish front joins GROUP (repeatable; required for dish→radio): each message goes out of
    /// the radio in the group it came in
    #[arg(short = 'j', long = "join", value_name = "GROUP", action = ArgAction::Append, help_heading = "Groups")]
    pub join: Vec<String>,
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
    /// The dish sockets join GROUP (repeatable; a dish needs at least one)
    #[arg(short = 'j', long = "join", value_name = "GROUP", action = ArgAction::Append, help_heading = "Groups")]
    pub join: Vec<String>,
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
    #[arg(
        short = 'n',
        long,
        value_name = "N",
        value_parser = parse_count,
        allow_negative_numbers = true,
        help_heading = "Benchmark"
    )]
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
