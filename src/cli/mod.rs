//! The command line: the only module that knows clap.
//!
//! Everything below this module works on the plain structs defined here (or on the plan built from
//! them in `app`), so it can be tested without parsing arguments. The top level and the
//! subcommands are here; `options` holds the option groups the commands share, `commands` the
//! arguments of each, `values` the parsers of option values, `defaults` what the environment and
//! profiles supply, `scopes` the per-socket options of `--for`, `about` the long descriptions
//! (`--help`, and the DESCRIPTION of the man pages).

mod about;
mod commands;
mod defaults;
mod options;
mod scopes;
mod values;

pub use commands::*;
pub use options::*;
pub use scopes::Scoped;
pub use values::Limit;

use defaults::with_defaults;
use scopes::split_scopes;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::patterns::Kind;

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
  zmqcat sub -s 10001 tcp://weather:5556         # prints updates whose first frame starts with 10001";

/// The examples, then the exit statuses from [`crate::exit::STATUSES`].
fn top_after_help() -> String {
    format!("{TOP_EXAMPLES}\n\n{}", crate::exit::summary())
}

const BENCH_EXAMPLES: &str = "\
Examples:
  zmqcat bench push -n 1000000 --size 64          # both ends: a second zmqcat process receives
  zmqcat bench req -n 20000 --transport ipc       # round-trip latency percentiles, both ends
  zmqcat bench pull @tcp://*:5555                 # measuring receiver; elsewhere the sender:
  zmqcat bench push tcp://host:5555 -n 1000000 --size 100
  zmqcat bench sub tcp://host:5556 -f json        # with  zmqcat bench pub @tcp://*:5556
  zmqcat bench req -n 10000 tcp://host:5555       # against any echo server (rep --echo, local_lat)
  zmqcat bench push --raw -n 100000 --size 100 tcp://host:5555   # into libzmq's local_thr";

/// bench's examples, then the exit statuses (bench runs sockets, so its statuses are those).
fn bench_after_help() -> String {
    format!("{BENCH_EXAMPLES}\n\n{}", crate::exit::summary())
}

#[derive(Debug, Parser)]
#[command(
    name = "zmqcat",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = top_after_help(),
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

    /// The subcommand's name as clap knows it: filled in by `parse`.
    #[arg(skip)]
    pub command_name: String,
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
    #[command(long_about = about::socket_command(Kind::Req), after_help = "\
Examples:
  echo Hello | zmqcat req tcp://127.0.0.1:5555
  zmqcat req -m ping -n 10 -t 2s 5555            # ten round trips, give up after 2 s of silence")]
    Req(ReqArgs),

    /// REP: print each request and answer it (next input line, --echo or -m)
    #[command(long_about = about::socket_command(Kind::Rep), after_help = "\
Examples:
  zmqcat rep -m World 5555                        # answers every request with World
  zmqcat rep --echo @tcp://127.0.0.1:*            # echo server on a free port")]
    Rep(RepArgs),

    /// PUB: publish each input message (TAB-separated frames make an envelope)
    #[command(long_about = about::socket_command(Kind::Pub), after_help = "\
Examples:
  printf 'A\\tnot for you\\nB\\tfor you\\n' | zmqcat pub 5563
  zmqcat pub -m 'tick' --interval 1s 5556         # one message a second, forever
  zmqcat pub --topic weather -m '{seq} {ts}' --rate 10 5556   # topic frame + templated body")]
    Pub(PubArgs),

    /// SUB: print every message whose first frame starts with a subscribed prefix
    #[command(long_about = about::socket_command(Kind::Sub), after_help = "\
Examples:
  zmqcat sub -s B 5563                            # only messages whose first frame starts with B
  zmqcat sub -n 100 tcp://127.0.0.1:5556          # everything, stop after 100 messages
  zmqcat sub -s weather --strip-topic --exclude weather.debug 5556")]
    Sub(SubArgs),

    /// PUSH: send each input message down a pipeline
    #[command(long_about = about::socket_command(Kind::Push), after_help = "\
Examples:
  seq 100 | zmqcat push 5557                      # connect to a PULL on port 5557
  seq 100 | zmqcat push @tcp://*:5557             # bind and hand tasks to connecting workers")]
    Push(SendCommandArgs),

    /// PULL: print every message received from a pipeline
    #[command(long_about = about::socket_command(Kind::Pull), after_help = "\
Examples:
  zmqcat pull 5558 > results.txt                  # bind and collect
  zmqcat pull -n 100 -t 5s '>tcp://ventilator:5557'")]
    Pull(RecvCommandArgs),

    /// ROUTER: print `id<TAB>frames`, read `id<TAB>frames` lines and route them
    #[command(long_about = about::socket_command(Kind::Router), after_help = "\
Examples:
  zmqcat router 5555                              # prints e.g. 0x0080000001<TAB><TAB>Hello from a REQ peer
  zmqcat router --identity broker 5555 < replies.txt
  zmqcat router --echo 5555                       # answers every REQ or DEALER with its own message")]
    Router(DuplexArgs),

    /// DEALER: send input messages and print incoming ones at the same time
    #[command(long_about = about::socket_command(Kind::Dealer), after_help = "\
Examples:
  zmqcat dealer --identity cook tcp://127.0.0.1:5555
  printf '\\tHello\\n' | zmqcat dealer -t 2s 5555  # speaks to a REP: empty delimiter frame first
  seq 10 | zmqcat dealer --lockstep 5555          # the next line only once a reply came")]
    Dealer(DuplexArgs),

    /// PAIR: send input messages and print incoming ones at the same time
    #[command(long_about = about::socket_command(Kind::Pair), after_help = "\
Examples:
  zmqcat pair @ipc:///tmp/pair.sock
  zmqcat pair ipc:///tmp/pair.sock < messages.txt")]
    Pair(DuplexArgs),

    /// XPUB: publish input messages and print subscription messages (\x01 subscribe, \x00 cancel)
    // What an XPUB receives is subscriptions: --echo and --lockstep are refused, and not shown.
    #[command(long_about = about::socket_command(Kind::Xpub),
        mut_arg("echo", |a| a.hide(true)), mut_arg("lockstep", |a| a.hide(true)),
        after_help = "\
Examples:
  zmqcat xpub 5556                                # shows subscriptions as they arrive
  zmqcat xpub --set xpub_verbose=1 5556")]
    Xpub(DuplexArgs),

    /// XSUB: subscribe (-s, or everything) and print messages; input is sent upstream as is
    #[command(long_about = about::socket_command(Kind::Xsub), after_help = "\
Examples:
  zmqcat xsub -s 10001 tcp://127.0.0.1:5556
  printf '\\x01A\\n' | zmqcat xsub --no-subscribe 5556   # subscribe by hand")]
    Xsub(XsubArgs),

    /// SERVER (draft): print `id<TAB>message` per client request, route `id<TAB>message` lines back
    #[command(long_about = about::socket_command(Kind::Server), after_help = "\
Examples:
  zmqcat server @tcp://127.0.0.1:*                # prints e.g. 1<TAB>hello (1: the client's routing id)
  zmqcat server --coproc 'sed -u s/hello/hi/' 5555   # answers each client through a filter
  zmqcat server --echo 5555                       # answers each client with its own message

Messages are single frames (a thread-safe draft socket): a line with more fields than the
routing id and one frame is refused, status 4. Needs libzmq's draft API (the default build).")]
    Server(DuplexArgs),

    /// CLIENT (draft): send input messages to servers and print their replies at the same time
    #[command(long_about = about::socket_command(Kind::Client), after_help = "\
Examples:
  zmqcat client -m hello -n 1 5555                # one request, one reply
  seq 10 | zmqcat client tcp://127.0.0.1:5555
  zmqcat client --lockstep -m ping -n 100 5555    # one request in flight, 100 round trips

Messages are single frames: an input message of several frames is refused, status 4.
Needs libzmq's draft API (the default build).")]
    Client(DuplexArgs),

    /// CHANNEL (draft): one exclusive connection, both ways, like pair on a thread-safe socket
    #[command(long_about = about::socket_command(Kind::Channel), after_help = "\
Examples:
  zmqcat channel @tcp://127.0.0.1:5555            # one end: bind, print what comes, send stdin
  zmqcat channel -m hi -n 1 tcp://127.0.0.1:5555  # the other: say hi, end at the first answer

Messages are single frames: an input message of several frames is refused, status 4.
Needs libzmq's draft API (the default build).")]
    Channel(DuplexArgs),

    /// PEER (draft): talk with many peers both ways, `id<TAB>message` as server shows it
    #[command(long_about = about::socket_command(Kind::Peer), after_help = "\
Examples:
  zmqcat peer @tcp://127.0.0.1:5555                 # prints id<TAB>message, sends id<TAB>message
  zmqcat peer tcp://127.0.0.1:5555                  # says 'connected … as peer 1'; then:
  printf '1\\thello\\n' | zmqcat peer -n 1 tcp://127.0.0.1:5555

Messages are single frames after the routing id: more are refused, status 4.
Needs libzmq's draft API (the default build).")]
    Peer(DuplexArgs),

    /// SCATTER (draft): send each input message to the next connected GATHER (round robin)
    #[command(long_about = about::socket_command(Kind::Scatter), after_help = "\
Examples:
  seq 100 | zmqcat scatter 5557                   # like push, on a thread-safe socket

Messages are single frames: an input message of several frames is refused, status 4.
Needs libzmq's draft API (the default build).")]
    Scatter(SendCommandArgs),

    /// GATHER (draft): print every message scattered to it (fair-queued)
    #[command(long_about = about::socket_command(Kind::Gather), after_help = "\
Examples:
  zmqcat gather -n 100 5557                       # like pull, on a thread-safe socket

Needs libzmq's draft API (the default build).")]
    Gather(RecvCommandArgs),

    /// RADIO (draft): send each message to a group (-g, or the first field), over udp:// or tcp
    #[command(long_about = about::socket_command(Kind::Radio), after_help = "\
Examples:
  zmqcat radio -g weather -m 'sunny' --interval 1s udp://239.0.0.1:5556   # multicast
  printf 'weather\tsunny\nnews\thello\n' | zmqcat radio udp://127.0.0.1:5556
  zmqcat radio -g logs @tcp://127.0.0.1:*         # dishes connect over tcp

Messages are single frames after the group: more fields are refused, status 4. Groups are at
most 255 bytes. A radio connects udp:// (to a dish's address or a multicast group); udp needs
a fixed port. Needs libzmq's draft API (the default build).")]
    Radio(RadioArgs),

    /// DISH (draft): print `group<TAB>message` for every message of the groups joined with -j
    #[command(long_about = about::socket_command(Kind::Dish), after_help = "\
Examples:
  zmqcat dish -j weather udp://*:5556             # unicast: radios send to this host's port
  zmqcat dish -j weather -j news udp://239.0.0.1:5556   # multicast group
  zmqcat dish -j logs '>tcp://127.0.0.1:40831'    # connect to a radio bound over tcp

A dish binds udp:// (a port, or a multicast address to listen on); udp needs a fixed port.
Needs libzmq's draft API (the default build).")]
    Dish(DishArgs),

    /// PROXY: forward messages between two sockets (shared queue, forwarder, streamer)
    #[command(long_about = about::PROXY, after_help = "\
Examples:
  zmqcat proxy 'router@tcp://*:5559' 'dealer@tcp://*:5560'    # request-reply broker
  zmqcat proxy 'xsub@tcp://*:5557' 'xpub@tcp://*:5558'        # pub-sub forwarder
  zmqcat proxy --capture 'pull@ipc:///tmp/in' 'push@ipc:///tmp/out'   # streamer, shows traffic
  zmqcat proxy -j weather -j news 'dish@udp://*:5556' 'radio@tcp://*:5557'   # group forwarder
  zmqcat proxy 'router@tcp://*:5559' 'dealer@ipc:///tmp/workers' \\
      --for front --curve-server --curve-secret @server.key      # CURVE outside, plain inside

Security options before any --for apply to both sockets; after --for LABEL (front, back, or the
label given in a spec) to that socket only, in addition to the shared ones.")]
    Proxy(ProxyArgs),

    /// POLL: read several sockets at once; each message is printed after its socket's label
    #[command(long_about = about::POLL, after_help = "\
Examples:
  zmqcat poll 'tasks=pull>tcp://localhost:5557' 'weather=sub>tcp://localhost:5556' -s 10001
  printf 'out\\tping\\n' | zmqcat poll 'out=dealer>tcp://127.0.0.1:5555' 'in=pull@ipc:///tmp/in'
  zmqcat poll 'a=pull@tcp://*:5557' 'b=pull@ipc:///tmp/b' --for a --allow-ip 10.0.0.0/8
  zmqcat poll 'srv=server@tcp://*:5555' 'in=dish@udp://*:5556' -j weather   # srv<TAB>ID<TAB>body

Security options before any --for apply to every socket; after --for LABEL to that socket only,
in addition to the shared ones.")]
    Poll(PollArgs),

    /// Measure throughput and latency: push/pull, pub/sub, req/rep (like libzmq's perf programs)
    #[command(long_about = about::BENCH, after_help = bench_after_help())]
    Bench(BenchArgs),

    /// Print a new CURVE key pair (Z85), or write the secret key to a file
    #[command(long_about = about::KEYGEN, after_help = "\
Examples:
  zmqcat keygen                                   # public: … / secret: … on two lines
  zmqcat keygen -o server.key > server.pub        # the pair (mode 0600); server.pub: public key")]
    Keygen(KeygenArgs),

    /// Print shell completions for zmqcat to stdout
    #[command(long_about = about::COMPLETIONS, after_help = "\
Examples:
  zmqcat completions bash > /etc/bash_completion.d/zmqcat
  zmqcat completions zsh > \"${fpath[1]}/_zmqcat\"")]
    Completions {
        /// The shell to generate completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the ZeroMQ guide's topologies as ready-to-paste recipes with diagrams
    #[command(long_about = about::EXAMPLES, after_help = "\
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
            "{}\nlibzmq {a}.{b}.{c} {} ({})",
            env!("CARGO_PKG_VERSION"),
            env!("ZMQCAT_LIBZMQ"),
            caps.join(" ")
        )
        .into_boxed_str(),
    );
    // A later occurrence wins: the command line over a profile's options before it (a global
    // setting: the subcommands have it too).
    let cmd = Cli::command().long_version(long).args_override_self(true);
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let origin = with_defaults(&cmd, &mut args).unwrap_or_else(|e| {
        crate::diag::log!("{e}");
        std::process::exit(i32::from(crate::exit::USAGE));
    });
    let matches = cmd
        .try_get_matches_from(args)
        .unwrap_or_else(|e| exit_on(e));
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.origin = origin;
    cli.command_name = matches.subcommand_name().unwrap_or_default().to_string();
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

/// Ends the run on a command-line error: a bad value on one line, as every zmqcat error is;
/// clap's own layout, tips included, for the rest (unknown options, missing arguments, --help).
fn exit_on(e: clap::Error) -> ! {
    match bad_value(&e) {
        Some(line) => {
            crate::diag::log!("{line}");
            std::process::exit(i32::from(crate::exit::USAGE))
        }
        None => e.exit(),
    }
}

/// A bad value's error as one line: clap's first line, then the possible values if it lists
/// them (`invalid value 'yaml' for '--format <FORMAT>' [possible values: text, …]`).
pub(super) fn bad_value(e: &clap::Error) -> Option<String> {
    use clap::error::ErrorKind;
    if !matches!(
        e.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    ) {
        return None;
    }
    let text = e.to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?.strip_prefix("error: ")?.to_string();
    Some(match lines.find(|l| l.starts_with("[possible values:")) {
        Some(values) => format!("{first} {values}"),
        None => first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::Kind;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_socket_command_is_a_subcommand_and_every_socket_subcommand_a_kind() {
        let cmd = Cli::command();
        for kind in Kind::ALL {
            assert!(
                cmd.find_subcommand(kind.name()).is_some(),
                "patterns.rs declares `{}`, which cli.rs has no subcommand for",
                kind.name()
            );
        }
        // A subcommand with socket options is a socket command, or one of the few that open
        // several sockets (or spawn zmqcat) themselves.
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            let has_sockets = sub.get_arguments().any(|a| a.get_long() == Some("linger"));
            let special = ["proxy", "poll", "bench"].contains(&name);
            assert_eq!(
                has_sockets && !special,
                Kind::ALL.iter().any(|k| k.name() == name),
                "`{name}`: a subcommand with socket options needs a row in patterns.rs"
            );
        }
    }
}
