//! Turns parsed arguments into a plan, runs it, and ends it cleanly: owns the crate::context::Context.

use std::ffi::CString;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command, CommonArgs, DuplexArgs, Limit, SendArgs};
use crate::codec::{Decoder, Encoder, Format, Style};
use crate::coproc::Coproc;
use crate::diag::log;
use crate::endpoint::{self, Endpoint, EndpointError};
use crate::event_loop::{
    self, CoprocEnded, Limits, Pace, RecvFilter, Replies, Session, SessionConfig,
};
use crate::exit::{self, Outcome, Timeout, Usage};
use crate::io::{Closed, Input, InputError, Output};
use crate::monitor::{EventLog, Monitor, Watch};
use crate::patterns::{pattern, Addressing, Kind, Loop, Pattern};
use crate::progress;
use crate::security::Security;
use crate::signals::{status_for, Signals};
use crate::socket::{self, SetOpt};
use crate::template::Template;
use crate::unread::{self, Waited};
use crate::wait::{self, Wake};
use crate::{generate, poll, proxy, security};

/// How long a connection may go without a handshake event before it passes for a ZMTP 1.0/2.0
/// peer's (libzmq reports no handshake for those) in the final delivery; a ZMTP 3 handshake
/// succeeds or fails well within it.
const LEGACY_SILENCE: Duration = Duration::from_secs(1);

/// How long a publisher goes on delivering at exit, unless --linger or --timeout says.
const PUBLISHER_LINGER: Duration = Duration::from_secs(1);

/// How long an interrupted sender goes on delivering what it queued, unless --linger says.
const INTERRUPT_GRACE: Duration = Duration::from_millis(1000);

pub fn run(cli: Cli) -> ExitCode {
    if cli.explain {
        return match explain(&cli) {
            Ok(_) => ExitCode::SUCCESS,
            Err(err) => report(&err),
        };
    }
    let result = match cli.command {
        Command::Completions { shell } => generate::completions(shell).map(|()| Outcome::Done),
        Command::Generate { dir } => generate::all(&dir).map(|()| Outcome::Done),
        Command::Proxy(args) => proxy::run(&args),
        Command::Keygen(args) => security::keygen(&args).map(|()| Outcome::Done),
        Command::Examples { name } => crate::examples::print(name.as_deref())
            .map(|()| Outcome::Done)
            .map_err(Into::into),
        Command::Poll(args) => poll::run(&args),
        Command::Bench(args) => crate::bench::run(&args),
        command => Plan::from_command(&command).and_then(|plan| plan.run()),
    };
    // Every socket is closed by now: the ipc files zmqcat bound go (a second signal, which ends
    // the process in its handler, and SIGKILL leave them).
    crate::ipc::cleanup();
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Interrupted(sig)) => ExitCode::from(status_for(sig)),
        Err(err) => report(&err),
    }
}

/// The exit status an error stands for: the first marker found in its chain decides.
fn status_of(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<Usage>() || cause.is::<EndpointError>() {
            return exit::USAGE;
        }
        if cause.is::<Timeout>() {
            return exit::TIMEOUT;
        }
        if cause.is::<InputError>() {
            return exit::BAD_INPUT;
        }
    }
    exit::FAILURE
}

/// Reports an error on one line (hints follow on their own lines) and gives its status.
fn report(err: &anyhow::Error) -> ExitCode {
    log!("{err:#}");
    ExitCode::from(status_of(err))
}

/// `--explain`: the plan of a socket command, proxy or poll, resolved as a real run would
/// resolve it, printed instead of run.
fn explain(cli: &Cli) -> Result<Outcome> {
    let plan = match &cli.command {
        Command::Proxy(a) => proxy::explain(a)?,
        Command::Poll(a) => poll::explain(a)?,
        Command::Keygen(_)
        | Command::Completions { .. }
        | Command::Generate { .. }
        | Command::Examples { .. }
        | Command::Bench(_) => {
            return Err(Usage(
                "--explain shows the plan of the socket commands, proxy and poll".into(),
            )
            .into())
        }
        other => Plan::from_command(other)?.explain(),
    };
    crate::explain::print(cli, plan)
}

/// Everything a socket command will do, resolved and validated before any socket exists.
#[derive(Debug)]
pub struct Plan {
    pattern: Pattern,
    endpoints: Vec<Endpoint>,
    options: Vec<SetOpt>,
    style: Style,
    max_msg_size: Option<usize>,
    message: Option<String>,
    /// `message` as a template, when it holds placeholders.
    template: Option<Template>,
    /// How many times `message` is sent (`None`: until stopped).
    message_times: Option<u64>,
    /// What the session's loop is told: limits, pacing, topic, filter, tee, trace, retries.
    session: SessionConfig,
    /// How long queued messages may take to leave at exit (`None`: as long as it takes).
    linger: Option<Duration>,
    /// Whether --linger was given (else an interruption bounds the drain by a short grace).
    linger_given: bool,
    replies: Replies,
    /// Subscriptions an XSUB sends upstream at start.
    upstream: Vec<Vec<u8>>,
    /// The groups a DISH joins at start.
    joins: Vec<CString>,
    verbose: u8,
    quiet: bool,
    /// `--events`: where monitor events go as JSON lines.
    events: Option<std::path::PathBuf>,
    wait_peers: Option<u64>,
    /// The command is `xpub` itself (not a publisher backed by XPUB for --wait-peers).
    xpub_command: bool,
    /// A long-running child that takes received messages and supplies the ones to send.
    coproc: Option<String>,
    show_stats: bool,
    security: Security,
    /// Total run time (`--deadline`).
    deadline: Option<Duration>,
}

/// The pieces of a socket command's arguments that the plan needs.
struct Parts<'a> {
    kind: Kind,
    topic: Option<&'a str>,
    filter: Option<RecvFilter>,
    common: &'a CommonArgs,
    send: Option<&'a SendArgs>,
    subscribe: &'a [String],
    subscribe_all: bool,
    replies: Replies,
    reply_message: Option<&'a str>,
    retries: u32,
    coproc: Option<&'a str>,
    /// `radio -g`.
    group: Option<&'a str>,
    /// `dish -j`.
    join: &'a [String],
    /// Another loop than the socket's own: `--echo` (a server) or `--lockstep` (a client).
    run: Option<Loop>,
}

impl<'a> Parts<'a> {
    fn new(kind: Kind, common: &'a CommonArgs, send: Option<&'a SendArgs>) -> Self {
        Parts {
            kind,
            topic: None,
            filter: None,
            common,
            send,
            subscribe: &[],
            subscribe_all: false,
            replies: Replies::Input,
            reply_message: None,
            retries: 0,
            coproc: None,
            group: None,
            join: &[],
            run: None,
        }
    }

    fn duplex(kind: Kind, a: &'a DuplexArgs) -> Self {
        Parts {
            coproc: a.coproc.as_deref(),
            replies: if a.echo {
                Replies::Echo
            } else {
                Replies::Input
            },
            run: if a.echo {
                Some(Loop::Server)
            } else if a.lockstep {
                Some(Loop::Client)
            } else {
                None
            },
            ..Parts::new(kind, &a.common, Some(&a.send))
        }
    }
}

impl Plan {
    pub fn from_command(command: &Command) -> Result<Plan> {
        let parts = match command {
            Command::Req(a) => Parts {
                retries: a.retries.unwrap_or(0),
                ..Parts::new(Kind::Req, &a.common, Some(&a.send))
            },
            Command::Rep(a) => Parts {
                replies: match (&a.exec, a.echo) {
                    (Some(cmd), _) => Replies::Exec {
                        cmd: cmd.clone(),
                        style: a.common.format.style(Kind::Rep)?,
                    },
                    (None, true) => Replies::Echo,
                    (None, false) => Replies::Input,
                },
                coproc: a.coproc.as_deref(),
                reply_message: a.message.as_deref(),
                ..Parts::new(Kind::Rep, &a.common, None)
            },
            Command::Pub(a) => Parts {
                topic: a.topic.as_deref(),
                ..Parts::new(Kind::Pub, &a.common, Some(&a.send))
            },
            Command::Sub(a) => Parts {
                filter: (a.strip_topic || !a.exclude.is_empty()).then(|| {
                    let mut prefixes: Vec<Vec<u8>> =
                        a.subscribe.iter().map(|p| p.as_bytes().to_vec()).collect();
                    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
                    RecvFilter {
                        exclude: a.exclude.iter().map(|p| p.as_bytes().to_vec()).collect(),
                        strip_topic: a.strip_topic,
                        prefixes,
                    }
                }),
                subscribe: &a.subscribe,
                subscribe_all: a.subscribe.is_empty(),
                ..Parts::new(Kind::Sub, &a.common, None)
            },
            Command::Push(a) => Parts::new(Kind::Push, &a.common, Some(&a.send)),
            Command::Pull(a) => Parts::new(Kind::Pull, &a.common, None),
            Command::Router(a) => Parts::duplex(Kind::Router, a),
            Command::Dealer(a) => Parts::duplex(Kind::Dealer, a),
            Command::Pair(a) => Parts::duplex(Kind::Pair, a),
            Command::Xpub(a) => Parts::duplex(Kind::Xpub, a),
            Command::Server(a) => Parts::duplex(Kind::Server, a),
            Command::Client(a) => Parts::duplex(Kind::Client, a),
            Command::Channel(a) => Parts::duplex(Kind::Channel, a),
            Command::Peer(a) => Parts::duplex(Kind::Peer, a),
            Command::Scatter(a) => Parts::new(Kind::Scatter, &a.common, Some(&a.send)),
            Command::Gather(a) => Parts::new(Kind::Gather, &a.common, None),
            Command::Radio(a) => Parts {
                group: a.group.as_deref(),
                ..Parts::new(Kind::Radio, &a.common, Some(&a.send))
            },
            Command::Dish(a) => Parts {
                join: &a.join,
                ..Parts::new(Kind::Dish, &a.common, None)
            },
            Command::Xsub(a) => Parts {
                subscribe: &a.subscribe,
                subscribe_all: a.subscribe.is_empty() && !a.no_subscribe,
                ..Parts::new(Kind::Xsub, &a.common, Some(&a.send))
            },
            Command::Completions { .. }
            | Command::Generate { .. }
            | Command::Proxy(_)
            | Command::Keygen(_)
            | Command::Examples { .. }
            | Command::Poll(_)
            | Command::Bench(_) => {
                unreachable!("not a socket command")
            }
        };
        Plan::new(parts)
    }

    fn new(p: Parts<'_>) -> Result<Plan> {
        let mut pattern = pattern(p.kind);
        if let Some(run) = p.run {
            if p.kind == Kind::Xpub {
                let option = if run == Loop::Server {
                    "--echo"
                } else {
                    "--lockstep"
                };
                return Err(Usage(format!(
                    "xpub {option}: what an XPUB receives is subscriptions, not requests"
                ))
                .into());
            }
            pattern.run = run;
        }
        if pattern.socket.is_draft() {
            crate::draft::require(p.kind.name())?;
        }
        let c = p.common;
        crate::framing::groups(p.group.as_slice())?;
        let endpoints = endpoints_of(&p, pattern)?;
        let style = c.format.style(p.kind)?;

        let max_msg_size = max_msg_size(c.socket.max_msg_size)?;

        let limits = Limits {
            count: c.run.count,
            timeout: Limit::timeout(c.run.timeout),
        };

        let linger = exit_linger(pattern, p.kind, c.socket.linger, &limits);

        let send = p.send.cloned().unwrap_or_default();
        if send.tee && p.coproc.is_some() {
            return Err(Usage(
                "--tee prints sent messages on stdout, which --coproc gives to its child".into(),
            )
            .into());
        }
        let message = send.message.clone().or(p.reply_message.map(str::to_owned));
        let message_times = match (p.kind, c.run.count) {
            (Kind::Rep, _) => None,
            (_, Some(n)) => Some(n),
            _ if send.interval.is_some() || send.rate.is_some() => None,
            _ => Some(1),
        };

        let peer = endpoints.clone();
        let mut plan = Plan {
            pattern,
            endpoints,
            options: Vec::new(),
            style,
            max_msg_size,
            template: match &message {
                Some(m) => Template::parse(m.as_bytes())?,
                None => None,
            },
            message,
            message_times,
            session: session_config(&p, &send, limits, peer),
            linger,
            linger_given: c.socket.linger.is_some(),
            replies: p.replies.clone(),
            upstream: Vec::new(),
            joins: crate::framing::groups(p.join)?,
            verbose: c.run.log.verbose,
            quiet: c.run.log.quiet,
            events: c.run.log.events.clone(),
            wait_peers: send.wait_peers.filter(|n| *n > 0),
            xpub_command: p.kind == Kind::Xpub,
            coproc: p.coproc.map(str::to_owned),
            show_stats: c.run.stats,
            deadline: c.run.deadline,
            security: Security::from_args(&c.security, c.run.log.verbose)?,
        };
        if p.kind == Kind::Pub && plan.wait_peers.is_some() {
            // An XPUB publishes like a PUB and also tells when subscriptions arrive.
            plan.pattern.socket = crate::context::XPUB;
        }
        plan.options = plan.socket_options(&p)?;
        if p.kind == Kind::Xsub {
            plan.upstream = upstream_subscriptions(&p);
        }
        Ok(plan)
    }

    /// The plan as `--explain` prints it.
    pub fn explain(&self) -> serde_json::Value {
        use crate::explain::{duration, format, socket};
        let source = match (&self.message, &self.coproc) {
            (_, Some(cmd)) => serde_json::json!({ "coprocess": cmd }),
            (Some(m), None) => serde_json::json!({
                "message": m,
                "template": self.template.is_some(),
                "times": self.message_times,
            }),
            (None, None) if self.pattern.sends() => serde_json::json!("stdin"),
            (None, None) => serde_json::Value::Null,
        };
        serde_json::json!({
            "socket": socket(self.pattern.socket, None, &self.endpoints, &self.options, &self.security),
            "format": format(&self.style),
            "max_msg_size": self.max_msg_size,
            "input": source,
            "replies": match &self.replies {
                Replies::Input => serde_json::Value::Null,
                Replies::Echo => "echo".into(),
                Replies::Exec { cmd, .. } => serde_json::json!({ "exec": cmd }),
            },
            "sending": {
                "delay": duration(self.session.pace.delay),
                "interval": duration(self.session.pace.interval),
                "rate": self.session.pace.rate,
                "wait_peers": self.wait_peers,
                "topic": self.session.topic.as_deref().map(String::from_utf8_lossy),
                "retries": self.session.retries,
                "tee": self.session.tee,
                "lockstep": self.pattern.run == Loop::Client,
            },
            "receiving": self.session.filter.as_ref().map(|f| serde_json::json!({
                "strip_topic": f.strip_topic,
                "exclude": f.exclude.iter().map(|p| String::from_utf8_lossy(p)).collect::<Vec<_>>(),
            })),
            "subscriptions_upstream": self.upstream.len(),
            "groups": {
                "join": self.joins.iter().map(|g| g.to_string_lossy()).collect::<Vec<_>>(),
                "send_to": self.session.group.as_ref().map(|g| g.to_string_lossy()),
            },
            "limits": {
                "count": self.session.limits.count,
                "timeout": duration(self.session.limits.timeout),
                "deadline": duration(self.deadline),
                "linger": match self.linger {
                    Some(l) => duration(Some(l)),
                    None => "infinite".into(),
                },
            },
            "diagnostics": {
                "verbose": self.verbose,
                "quiet": self.quiet,
                "events": self.events.as_ref().map(|p| p.display().to_string()),
                "trace": self.session.trace,
                "progress": self.session.progress,
                "stats": self.show_stats,
            },
        })
    }

    fn socket_options(&self, p: &Parts<'_>) -> Result<Vec<SetOpt>, Usage> {
        let s = &p.common.socket;
        let mut opts = Vec::new();
        if p.kind == Kind::Router {
            // An unknown id is an error we report, not a silent drop.
            opts.push(SetOpt::int("router_mandatory", 1)?);
        }
        if p.kind == Kind::Pub && self.wait_peers.is_some() {
            // Every subscription is passed up, even one a previous subscriber already made.
            opts.push(SetOpt::int("xpub_verbose", 1)?);
        }
        if p.kind == Kind::Sub {
            opts.extend(socket::subscriptions(p.subscribe)?);
        }
        socket::options_for(s, self.linger, opts, self.security.options())
    }

    fn decoder(&self) -> Decoder {
        Decoder::new(self.style, self.max_msg_size)
    }

    fn input(&self) -> Result<Input, InputError> {
        match (&self.message, &self.template) {
            (Some(_), Some(t)) => Input::template(self.decoder(), t.clone(), self.message_times),
            (Some(m), None) => Input::fixed(self.decoder(), m.as_bytes(), self.message_times),
            (None, _) => Ok(Input::stdin(self.decoder())),
        }
    }

    /// Opens the socket, runs the command's loop, settles how it ended, then delivers what is
    /// queued and decides the outcome.
    pub fn run(self) -> Result<Outcome> {
        let signals = Signals::install().context("installing signal handlers")?;
        if let Some(d) = self.deadline {
            signals
                .arm_deadline(d)
                .context("starting the deadline timer")?;
        }
        let mut coproc = self.coproc.as_deref().map(Coproc::spawn).transpose()?;
        let (input, output) = match &coproc {
            Some(c) => (
                Input::from_fd(c.stdout_fd(), self.decoder()),
                Output::to_fd(c.stdin_fd(), Encoder::new(self.style)),
            ),
            None => (self.input()?, Output::stdout(Encoder::new(self.style))),
        };
        let ctx = crate::context::Context::new();
        // The ZAP handler must be there before the first handshake.
        let zap = self.security.start_zap(&ctx)?;
        self.security.announce(self.verbose);
        let events = self.events.as_deref().map(EventLog::open).transpose()?;
        let (sock, monitor) = self.open(&ctx, &events)?;
        let mut session =
            Session::new(sock, monitor, input, output, &signals, self.session.clone());
        session.input_from_child = coproc.is_some();
        if self.session.retries > 0 {
            let (ctx, plan, events) = (ctx.clone(), &self, events.clone());
            session.reopen = Some(Box::new(move || plan.open(&ctx, &events)));
        }

        let result = self.run_loop(&mut session);
        let outcome = settle(result, &mut session, coproc.as_mut());
        let peer = session.peer.clone();
        let (sock, stats, progress, monitor) = session.into_parts();
        progress.finish();
        if self.show_stats {
            self.print_stats(&stats, progress.elapsed());
        }
        // Deliver what is queued on a normal end, an interruption, or bad input (everything
        // before the bad message was sent). After a timeout, a closed stdout or a failure,
        // nothing queued is wanted any more.
        let deliver = match &outcome {
            Ok(_) => true,
            Err(e) => status_of(e) == exit::BAD_INPUT,
        };
        let linger = self.final_linger(&sock, deliver && stats.sent > 0, &outcome);
        drop(zap);
        let delivery =
            (deliver && stats.sent > 0 && linger != Some(Duration::ZERO)).then_some(Delivery {
                linger,
                // A reply to the last request shows that the peer has read everything.
                wait_for_readers: self.pattern.run != Loop::Client,
                // A publisher promises nothing and does not wait for one.
                await_handshake: !matches!(
                    self.pattern.socket,
                    crate::context::PUB
                        | crate::context::XPUB
                        | crate::context::XSUB
                        | crate::context::RADIO
                ),
            });
        let drained = finish(sock, monitor, ctx, &signals, delivery);
        // The child goes last: its short wait must not pass for an interrupted delivery.
        if let Some(c) = coproc {
            c.finish();
        }
        self.verdict(outcome?, drained?, linger, &peer)
    }

    /// `--stats`: the summary line on stderr (a bare JSON line with `-f json`, so it parses).
    fn print_stats(&self, stats: &progress::Stats, elapsed: Duration) {
        let json = self.style.format == Format::Json;
        let line = progress::summary(stats, elapsed, json);
        if json {
            log_line(&line);
        } else {
            log!("{line}");
        }
    }

    /// The linger for the final delivery, set on `sock` when it differs from the plan's: none
    /// when nothing is `owed`, a short grace after an interruption unless --linger was given.
    fn final_linger(
        &self,
        sock: &zmq::Socket,
        owed: bool,
        outcome: &Result<Outcome>,
    ) -> Option<Duration> {
        let mut linger = self.linger;
        if !owed || !self.pattern.sends() {
            linger = Some(Duration::ZERO);
        } else if matches!(outcome, Ok(Outcome::Interrupted(_))) && !self.linger_given {
            // The user asked to stop: deliver what can go at once, not wait for an absent peer.
            linger = Some(linger.map_or(INTERRUPT_GRACE, |l| l.min(INTERRUPT_GRACE)));
        }
        if linger != self.linger {
            let ms = linger.map_or(-1, |l| l.as_millis().min(i32::MAX as u128) as i32);
            let _ = sock.set_linger(ms);
        }
        linger
    }

    /// The outcome, once the final delivery of a run that ended as `outcome` went as `drained`.
    fn verdict(
        &self,
        outcome: Outcome,
        drained: Drained,
        linger: Option<Duration>,
        peer: &str,
    ) -> Result<Outcome> {
        let expired = || {
            format!(
                "queued messages were not all delivered within the linger period ({})",
                humantime::format_duration(linger.unwrap_or_default())
            )
        };
        // Subscriptions queued for an upstream that left are not data: not delivering them
        // within the bounded wait is no failure (unless --linger asked for the delivery).
        let optional = self.pattern.socket == crate::context::XSUB && !self.linger_given;
        match (outcome, drained) {
            (o, Drained::Expired) if optional => {
                if self.verbose > 0 {
                    log!("{}: they were subscriptions, dropped", expired());
                }
                Ok(o)
            }
            // The bound came from --timeout: nothing could be sent within it, status 3, as
            // when the queue is full on the bind side.
            (Outcome::Done, Drained::Expired)
                if !self.linger_given && self.session.limits.timeout.is_some() =>
            {
                Err(exit::Timeout(format!(
                    "queued messages were not all delivered within the timeout ({}) to {peer}",
                    humantime::format_duration(linger.unwrap_or_default()),
                ))
                .into())
            }
            (Outcome::Done, Drained::Expired) => Err(anyhow::anyhow!(expired())),
            (Outcome::Interrupted(sig), Drained::Expired) => {
                log!("interrupted: {}", expired());
                Ok(Outcome::Interrupted(sig))
            }
            (_, Drained::Signal(sig)) => Ok(Outcome::Interrupted(sig)),
            (_, Drained::Refused(why)) => {
                Err(anyhow::anyhow!("queued messages were not delivered: {why}"))
            }
            (o, Drained::All) => Ok(o),
        }
    }

    fn open(
        &self,
        ctx: &crate::context::Context,
        events: &Option<EventLog>,
    ) -> Result<(crate::context::Socket, Option<crate::monitor::Monitor>)> {
        // The monitor is always there: a connection refused during its handshake is told
        // even without -v (its events come once per connection, not per message).
        let watch = Some(Watch {
            verbose: self.verbose,
            events: events.clone(),
            label: None,
            secured: self.security.mechanism() != "NULL",
            mechanism: self.security.mechanism(),
            quiet: self.quiet,
        });
        socket::open(
            ctx,
            self.pattern.socket,
            &self.options,
            &self.endpoints,
            self.verbose,
            false,
            watch,
        )
    }

    fn run_loop(&self, s: &mut Session<'_>) -> Result<()> {
        if let Some(n) = self.wait_peers {
            s.wait_peers(
                n,
                self.pattern.socket == crate::context::XPUB && !self.xpub_command,
            )?;
        }
        for group in &self.joins {
            crate::draft::membership(&mut s.sock, group, true)
                .with_context(|| format!("joining group {}", group.to_string_lossy()))?;
        }
        for sub in &self.upstream {
            s.sock
                .send(&sub[..], 0)
                .context("sending a subscription upstream")?;
        }
        match self.pattern.run {
            Loop::SendOnly => s.send_only(),
            Loop::RecvOnly => s.recv_only(),
            Loop::Client => s.lockstep_client(),
            Loop::Server => s.lockstep_server(&self.replies),
            Loop::Duplex => s.duplex(),
        }
    }
}

/// How the loop ended, once what was received reached stdout: an interruption or a closed
/// stdout is an outcome, not an error; a child that closed its end ends zmqcat as it says.
fn settle(
    result: Result<()>,
    session: &mut Session<'_>,
    coproc: Option<&mut Coproc>,
) -> Result<Outcome> {
    // Whatever happened, what was received reaches stdout.
    let flushed = session.output.flush();
    let mut result = result.and(flushed.or_else(ignore_closed));
    if let (Some(c), Err(e)) = (coproc, &result) {
        // The child closing its end (stdout at EOF, or stdin refusing writes) ends zmqcat.
        if e.is::<CoprocEnded>() || e.is::<Closed>() {
            result = Err(anyhow::anyhow!(c.ended()));
        }
    }
    event_loop::outcome(result)
}

/// `--max-msg-size`: bytes, or -1 for no limit.
pub fn max_msg_size(given: Option<i64>) -> Result<Option<usize>, Usage> {
    match given {
        None | Some(-1) => Ok(None),
        Some(n) => usize::try_from(n).map(Some).map_err(|_| {
            Usage(format!(
                "--max-msg-size {n}: expected bytes, or -1 for no limit"
            ))
        }),
    }
}

/// What the session's loop is told, from the command's arguments.
fn session_config(
    p: &Parts<'_>,
    send: &SendArgs,
    limits: Limits,
    peer: Vec<Endpoint>,
) -> SessionConfig {
    let c = p.common;
    SessionConfig {
        limits,
        pace: Pace {
            delay: send.delay,
            interval: send.interval,
            rate: send.rate,
        },
        routed: matches!(
            pattern(p.kind).addressing,
            Addressing::ById | Addressing::ByRoutingId
        ),
        addressing: pattern(p.kind).addressing,
        group: p.group.map(CString::new).transpose().ok().flatten(),
        retries: p.retries,
        topic: p.topic.map(|t| t.as_bytes().to_vec()),
        filter: p.filter.clone(),
        tee: send.tee,
        trace: c.run.trace,
        progress: c.run.progress,
        endpoints: peer,
    }
}

/// A command's endpoints, checked: udp:// only for radio (connect) and dish (bind).
fn endpoints_of(p: &Parts<'_>, pattern: Pattern) -> Result<Vec<Endpoint>, EndpointError> {
    let e = &p.common.endpoints;
    let endpoints =
        endpoint::parse_all(&e.bind, &e.connect, &e.endpoints, pattern.natural, &|cap| {
            zmq::has(cap).unwrap_or(false)
        })?;
    let udp = match p.kind {
        Kind::Radio => Some(endpoint::Direction::Connect),
        Kind::Dish => Some(endpoint::Direction::Bind),
        _ => None,
    };
    endpoint::check_udp(&endpoints, udp, p.kind.name())?;
    Ok(endpoints)
}

/// The subscriptions an XSUB sends upstream at start: its prefixes, or everything.
fn upstream_subscriptions(p: &Parts<'_>) -> Vec<Vec<u8>> {
    let all = [String::new()];
    let prefixes = if p.subscribe_all {
        &all[..]
    } else {
        p.subscribe
    };
    prefixes
        .iter()
        .map(|s| [&[1u8][..], s.as_bytes()].concat())
        .collect()
}

/// How long queued messages may take to leave at exit (`None`: as long as it takes).
fn exit_linger(
    pattern: Pattern,
    kind: Kind,
    given: Option<Limit>,
    limits: &Limits,
) -> Option<Duration> {
    // Receivers have nothing to deliver at exit. Senders wait for their queue to drain:
    // for --linger when given, else for --timeout (nothing could be sent for that long),
    // else until it is delivered.
    let default = if !pattern.sends() {
        Some(Duration::ZERO)
    } else if matches!(kind, Kind::Pub | Kind::Xpub | Kind::Xsub | Kind::Radio) {
        // A publisher promises no delivery (PUB drops for absent subscribers, RADIO too, and
        // over udp nobody even answers), so it must
        // not wait forever for a subscriber that went away and may never come back. What an
        // XSUB sends upstream is subscriptions: not data either, and an upstream that left
        // has no use for them.
        Some(limits.timeout.unwrap_or(PUBLISHER_LINGER))
    } else {
        limits.timeout
    };
    Limit::linger(given, default)
}

/// A line on stderr as it is (JSON stats are not prefixed, so they parse).
fn log_line(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn ignore_closed(e: anyhow::Error) -> Result<()> {
    if e.is::<Closed>() {
        Ok(())
    } else {
        Err(e)
    }
}

/// How the final delivery of queued messages ended.
enum Drained {
    All,
    /// The handshake with the peer failed (why): libzmq dropped what was queued for it.
    Refused(String),
    /// The linger period ran out first.
    Expired,
    /// A signal cut it short.
    Signal(i32),
}

/// What is owed to the peers at exit.
struct Delivery {
    /// The bound on the whole delivery (`None`: none).
    linger: Option<Duration>,
    /// Whether to wait until the peers have read what the kernel holds (see `unread`).
    wait_for_readers: bool,
    /// Whether a handshake is awaited too, when a monitor can tell.
    await_handshake: bool,
}

/// A first signal during the final delivery: the delivery goes on for [`INTERRUPT_GRACE`] more
/// at most (a second signal ends the process at once, in the signal handler).
#[derive(Default)]
struct Grace {
    signal: Option<i32>,
    until: Option<Instant>,
}

impl Grace {
    /// Notes a signal read from the pipe (the first one starts the grace).
    fn signalled(&mut self, sig: i32) {
        if self.signal.is_none() {
            self.signal = Some(sig);
            self.until = Some(Instant::now() + INTERRUPT_GRACE);
            log!(
                "interrupted: delivering queued messages for {} more (a second signal abandons them)",
                humantime::format_duration(INTERRUPT_GRACE)
            );
        }
    }

    /// Whether the grace is over.
    fn over(&self) -> bool {
        self.until.is_some_and(|u| Instant::now() >= u)
    }

    /// The earlier of `deadline` and the end of the grace.
    fn bound(&self, deadline: Option<Instant>) -> Option<Instant> {
        match (deadline, self.until) {
            (Some(d), Some(u)) => Some(d.min(u)),
            (d, u) => d.or(u),
        }
    }

    fn abandoned(&self) -> Drained {
        log!("interrupted while delivering queued messages: the rest is abandoned");
        Drained::Signal(self.signal.unwrap_or(libc::SIGTERM))
    }
}

/// Closes the socket and ends the context, which blocks while queued messages are delivered
/// (up to the socket's linger). That happens on a helper thread so that a signal can still
/// end the wait: the first signal during the drain bounds what is left of it by the grace, as
/// README promises, and a second one ends the process at once.
///
/// With a delivery owed, the socket first stays open until its connections hold nothing unread,
/// all within the linger period.
fn finish(
    mut sock: crate::context::Socket,
    mut monitor: Option<Monitor>,
    ctx: crate::context::Context,
    signals: &Signals,
    delivery: Option<Delivery>,
) -> Result<Drained> {
    let started = Instant::now();
    let linger = delivery.as_ref().and_then(|d| d.linger);
    let deadline = linger.map(|l| started + l);
    let mut grace = Grace::default();
    let mut waited = Waited::Read;
    if let Some(d) = delivery.as_ref().filter(|d| d.wait_for_readers) {
        waited = wait_for_readers(d, &mut monitor, signals, deadline, &mut grace);
    }
    // Events so far are still told; then the monitor goes, before the socket.
    let mut hopeless = None;
    if let Some(mut m) = monitor.take() {
        let _ = m.drain();
        if delivery.is_some() {
            hopeless = m.hopeless();
        }
        m.detach(&mut sock);
    }
    if let Some(why) = hopeless.filter(|_| waited == Waited::Read) {
        let _ = sock.set_linger(0);
        drop((sock, ctx));
        return Ok(Drained::Refused(why));
    }
    match waited {
        Waited::Read => {
            // What is left of the linger period (or of the grace) goes to libzmq for what its
            // pipes hold.
            if let Some(end) = grace.bound(deadline).filter(|_| delivery.is_some()) {
                let left = end
                    .saturating_duration_since(Instant::now())
                    .max(Duration::from_millis(1));
                let _ = sock.set_linger(left.as_millis().min(i32::MAX as u128) as i32);
            }
        }
        Waited::Expired if grace.signal.is_none() => {
            let _ = sock.set_linger(0);
            drop((sock, ctx));
            return Ok(Drained::Expired);
        }
        Waited::Expired | Waited::Stopped => {
            let _ = sock.set_linger(0);
            drop((sock, ctx));
            return Ok(grace.abandoned());
        }
    }
    drop(sock);
    if !drain_context(ctx, signals, &mut grace)? {
        return Ok(grace.abandoned());
    }
    if let Some(sig) = grace.signal {
        // libzmq's linger, cut to the grace, ran out (its timers tick in milliseconds).
        let ran_out = grace
            .until
            .is_some_and(|u| Instant::now() + Duration::from_millis(1) >= u);
        return Ok(if ran_out {
            grace.abandoned()
        } else {
            Drained::Signal(sig)
        });
    }
    match linger {
        // libzmq's timers tick in milliseconds: an end within one of the linger is its expiry.
        Some(l) if !l.is_zero() && started.elapsed() + Duration::from_millis(1) >= l => {
            Ok(Drained::Expired)
        }
        _ => Ok(Drained::All),
    }
}

/// Waits until the peers have read what the kernel holds for them (see `unread`), within the
/// deadline and, after a signal, the grace.
fn wait_for_readers(
    d: &Delivery,
    monitor: &mut Option<Monitor>,
    signals: &Signals,
    deadline: Option<Instant>,
    grace: &mut Grace,
) -> Waited {
    let monitor_cell = std::cell::RefCell::new(monitor.take());
    // A connection is awaited until it shook hands or ended without (a ZMTP 1.0/2.0 peer
    // reports no handshake): so that what -v and --events report is complete, and so that a
    // handshake that failed is known before libzmq is left to deliver (see `hopeless`).
    let settled = || match monitor_cell.borrow_mut().as_mut() {
        Some(m) => {
            let _ = m.drain();
            !d.await_handshake
                || m.handshakes() > 0
                || m.ended_unshaken() > 0
                || m.unshaken_for(LEGACY_SILENCE)
        }
        None => true,
    };
    let waited = unread::wait_until_read_and(deadline, settled, |nap| {
        let cell = monitor_cell.borrow();
        let mut items = [
            wait::signal_item(signals),
            wait::monitor_item(cell.as_ref()),
        ];
        let nap = Instant::now() + nap.max(Duration::from_millis(1));
        if let Ok(Wake::Signal(sig)) = wait::wait(signals, &mut items, Some(nap), "delivery") {
            grace.signalled(sig);
        }
        grace.over()
    });
    *monitor = monitor_cell.into_inner();
    waited
}

/// Ends the context on a helper thread (libzmq delivers within the sockets' linger meanwhile)
/// while watching for signals. False when the grace after a signal ran out first.
fn drain_context(
    ctx: crate::context::Context,
    signals: &Signals,
    grace: &mut Grace,
) -> Result<bool> {
    let (done_rx, done_tx) = UnixStream::pair().context("creating a pipe")?;
    let drainer = std::thread::spawn(move || {
        drop(ctx);
        drop(done_tx);
    });
    let mut items = [
        wait::signal_item(signals),
        wait::read_item(done_rx.as_raw_fd()),
    ];
    loop {
        match wait::wait(signals, &mut items, grace.until, "queued messages to leave")? {
            Wake::Signal(sig) => grace.signalled(sig),
            Wake::Ready | Wake::Expired => {}
        }
        if items[1].get_revents().bits() != 0 {
            let _ = drainer.join();
            return Ok(true);
        }
        if grace.over() {
            return Ok(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_decide_the_status_anywhere_in_the_chain() {
        let e: anyhow::Error = Usage("x".into()).into();
        assert_eq!(status_of(&e), exit::USAGE);
        let e = Err::<(), _>(Timeout("t".into()))
            .context("waiting")
            .unwrap_err();
        assert_eq!(status_of(&e), exit::TIMEOUT);
        assert_eq!(status_of(&anyhow::anyhow!("plain")), exit::FAILURE);
    }
}
