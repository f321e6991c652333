//! The option groups the commands share: endpoints, socket options, format, run limits,
//! logging, sending, security.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args};

use crate::codec::{Format, Style};
use crate::exit::Usage;
use crate::patterns::{Addressing, Kind};

use super::values::Limit;
use super::values::{parse_count, parse_duration, parse_limit, parse_rate, parse_separator};

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

/// `-f` takes the formats by name, each with a line of help (the codec knows nothing of clap).
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Format::Text => "One message per line, frames separated by TAB; bytes otherwise untouched",
            Format::Quoted => "One message per line, frames separated by TAB, with \\\\ \\t \\n \\r \\0 \\xNN escapes (lossless)",
            Format::Json => "One JSON array per line; a frame is a string, or {\"base64\": \"…\"} when not UTF-8 (lossless)",
            Format::Raw => "Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)",
            Format::Zmtp => "Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)",
        };
        Some(clap::builder::PossibleValue::new(self.name()).help(help))
    }
}

impl FormatArgs {
    /// The message format of a command, checked: `--null` and `--frame-sep` where they apply.
    pub fn style(&self, kind: Kind) -> Result<Style, Usage> {
        let f = self;
        let format = f.format;
        let mut style = Style::new(format);
        style.id_field = crate::patterns::pattern(kind).addressing == Addressing::ById
            && matches!(format, Format::Text | Format::Quoted);
        if f.null {
            if !format.has_terminator() {
                return Err(Usage(
                    format!("--null applies to the text and quoted formats, not {format:?}")
                        .to_lowercase(),
                ));
            }
            style.terminator = 0;
        }
        if let Some(sep) = f.frame_sep {
            if format != Format::Text {
                return Err(Usage("--frame-sep applies to the text format only".into()));
            }
            if sep == style.terminator {
                return Err(Usage(
                    "--frame-sep must differ from the message terminator".into(),
                ));
            }
            style.separator = sep;
        }
        Ok(style)
    }
}

/// How long to run and what to say.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Run control")]
pub struct RunArgs {
    /// Stop after N messages: sent by senders, received by receivers and duplex commands (which
    /// also finish sending: -m N times, stdin ended, N sent, or an idle terminal), round trips for req
    #[arg(short = 'n', long, value_name = "N", value_parser = parse_count, allow_negative_numbers = true)]
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

    /// No diagnostics on stderr but errors (and the port a wildcard bind got: `bound …`)
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
    /// Placeholders: {seq} {ts} {ts:ms} {ts:us} {rand:N} {hostname} {pid}; {{ is a literal {,
    /// and }} after it a } ({{seq}} is the text {seq}); other braces are left alone
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
