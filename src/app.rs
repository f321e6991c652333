//! Turns parsed arguments into a plan, runs it, and ends it cleanly: owns the zmq::Context.

use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::cli::{Cli, Command, CommonArgs, DuplexArgs, FormatArgs, Limit, SendArgs};
use crate::codec::{Decoder, Encoder, Format, Style};
use crate::coproc::Coproc;
use crate::endpoint::{self, Endpoint};
use crate::event_loop::CoprocEnded;
use crate::event_loop::{Interrupted, Limits, Pace, Replies, Session};
use crate::exit::{self, Outcome, Usage};
use crate::io::{Closed, Input, InputError, Output};
use crate::patterns::{pattern, Kind, Loop, Pattern};
use crate::progress::{self, Progress};
use crate::security::Security;
use crate::signals::{status_for, Signals};
use crate::socket::{self, SetOpt};
use crate::unread::{self, Waited};
use crate::{generate, log, poll, proxy, security};

/// How long a publisher goes on delivering at exit, unless --linger or --timeout says.
const PUBLISHER_LINGER: Duration = Duration::from_secs(1);

/// How long an interrupted sender goes on delivering what it queued, unless --linger says.
const INTERRUPT_GRACE: Duration = Duration::from_millis(1000);

pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Completions { shell } => generate::completions(shell).map(|()| Outcome::Done),
        Command::Generate { dir } => generate::all(&dir).map(|()| Outcome::Done),
        Command::Proxy(args) => proxy::run(&args),
        Command::Keygen(args) => security::keygen(&args).map(|()| Outcome::Done),
        Command::Poll(args) => poll::run(&args),
        command => Plan::from_command(&command).and_then(|plan| plan.run()),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Interrupted(sig)) => ExitCode::from(status_for(sig)),
        Err(err) => exit::report(&err),
    }
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
    /// How many times `message` is sent (`None`: until stopped).
    message_times: Option<u64>,
    pace: Pace,
    limits: Limits,
    /// How long queued messages may take to leave at exit (`None`: as long as it takes).
    linger: Option<Duration>,
    /// Whether --linger was given (else an interruption bounds the drain by a short grace).
    linger_given: bool,
    replies: Replies,
    /// Subscriptions an XSUB sends upstream at start.
    upstream: Vec<Vec<u8>>,
    verbose: u8,
    quiet: bool,
    wait_peers: Option<u64>,
    /// Lazy Pirate retries (req).
    retries: u32,
    /// The command is `xpub` itself (not a publisher backed by XPUB for --wait-peers).
    xpub_command: bool,
    /// A long-running child that takes received messages and supplies the ones to send.
    coproc: Option<String>,
    show_progress: bool,
    show_stats: bool,
    security: Security,
}

/// The pieces of a socket command's arguments that the plan needs.
struct Parts<'a> {
    kind: Kind,
    common: &'a CommonArgs,
    send: Option<&'a SendArgs>,
    subscribe: &'a [String],
    subscribe_all: bool,
    replies: Replies,
    reply_message: Option<&'a str>,
    retries: u32,
    coproc: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn new(kind: Kind, common: &'a CommonArgs, send: Option<&'a SendArgs>) -> Self {
        Parts {
            kind,
            common,
            send,
            subscribe: &[],
            subscribe_all: false,
            replies: Replies::Input,
            reply_message: None,
            retries: 0,
            coproc: None,
        }
    }

    fn duplex(kind: Kind, a: &'a DuplexArgs) -> Self {
        Parts {
            coproc: a.coproc.as_deref(),
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
                        style: style_of(Kind::Rep, &a.common.format)?,
                    },
                    (None, true) => Replies::Echo,
                    (None, false) => Replies::Input,
                },
                coproc: a.coproc.as_deref(),
                reply_message: a.message.as_deref(),
                ..Parts::new(Kind::Rep, &a.common, None)
            },
            Command::Pub(a) => Parts::new(Kind::Pub, &a.common, Some(&a.send)),
            Command::Sub(a) => Parts {
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
            Command::Xsub(a) => Parts {
                subscribe: &a.subscribe,
                subscribe_all: a.subscribe.is_empty() && !a.no_subscribe,
                ..Parts::new(Kind::Xsub, &a.common, Some(&a.send))
            },
            Command::Completions { .. }
            | Command::Generate { .. }
            | Command::Proxy(_)
            | Command::Keygen(_)
            | Command::Poll(_) => {
                unreachable!("not a socket command")
            }
        };
        Plan::new(parts)
    }

    fn new(p: Parts<'_>) -> Result<Plan> {
        let pattern = pattern(p.kind);
        let c = p.common;
        let endpoints = endpoint::parse_all(
            &c.endpoints.bind,
            &c.endpoints.connect,
            &c.endpoints.endpoints,
            pattern.natural,
            &|cap| zmq::has(cap).unwrap_or(false),
        )?;

        let style = style_of(p.kind, &c.format)?;

        let max_msg_size = match c.socket.max_msg_size {
            None | Some(-1) => None,
            Some(n) if n >= 0 => Some(n as usize),
            Some(n) => {
                return Err(Usage(format!(
                    "--max-msg-size {n}: expected bytes, or -1 for no limit"
                ))
                .into())
            }
        };

        let limits = Limits {
            count: c.run.count,
            timeout: match c.run.timeout {
                Some(Limit::After(d)) => Some(d),
                _ => None,
            },
        };

        // Receivers have nothing to deliver at exit. Senders wait for their queue to drain:
        // for --linger when given, else for --timeout (nothing could be sent for that long),
        // else until it is delivered.
        let linger = match (pattern.sends(), c.socket.linger) {
            (_, Some(Limit::After(d))) => Some(d),
            (_, Some(Limit::Never)) => None,
            (false, None) => Some(Duration::ZERO),
            // A publisher promises no delivery (PUB drops for absent subscribers), so it must
            // not wait forever for a subscriber that went away and may never come back.
            (true, None) if matches!(p.kind, Kind::Pub | Kind::Xpub) => {
                Some(limits.timeout.unwrap_or(PUBLISHER_LINGER))
            }
            (true, None) => limits.timeout,
        };

        let send = p.send.cloned().unwrap_or_default();
        let message = send.message.clone().or(p.reply_message.map(str::to_owned));
        let message_times = match (p.kind, c.run.count) {
            (Kind::Rep, _) => None,
            (_, Some(n)) => Some(n),
            _ if send.interval.is_some() || send.rate.is_some() => None,
            _ => Some(1),
        };

        let mut plan = Plan {
            pattern,
            endpoints,
            options: Vec::new(),
            style,
            max_msg_size,
            message,
            message_times,
            pace: Pace {
                delay: send.delay,
                interval: send.interval,
                rate: send.rate,
            },
            limits,
            linger,
            linger_given: c.socket.linger.is_some(),
            replies: p.replies.clone(),
            upstream: Vec::new(),
            verbose: c.run.log.verbose,
            quiet: c.run.log.quiet,
            wait_peers: send.wait_peers.filter(|n| *n > 0),
            retries: p.retries,
            xpub_command: p.kind == Kind::Xpub,
            coproc: p.coproc.map(str::to_owned),
            show_progress: c.run.progress,
            show_stats: c.run.stats,
            security: Security::from_args(&c.security, c.run.log.verbose)?,
        };
        if p.kind == Kind::Pub && plan.wait_peers.is_some() {
            // An XPUB publishes like a PUB and also tells when subscriptions arrive.
            plan.pattern.socket = zmq::XPUB;
        }
        plan.options = plan.socket_options(&p)?;
        if p.kind == Kind::Xsub {
            let all = [String::new()];
            let prefixes = if p.subscribe_all {
                &all[..]
            } else {
                p.subscribe
            };
            plan.upstream = prefixes
                .iter()
                .map(|s| [&[1u8][..], s.as_bytes()].concat())
                .collect();
        }
        Ok(plan)
    }

    fn socket_options(&self, p: &Parts<'_>) -> Result<Vec<SetOpt>, Usage> {
        let s = &p.common.socket;
        let mut opts = socket::options_from(s, self.linger)?;
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
        opts.extend(self.security.options().iter().cloned());
        opts.extend(socket::user_options(s)?);
        Ok(opts)
    }

    fn decoder(&self) -> Decoder {
        Decoder::new(self.style, self.max_msg_size)
    }

    fn input(&self) -> Result<Input, InputError> {
        match &self.message {
            Some(m) => Input::fixed(self.decoder(), m.as_bytes(), self.message_times),
            None => Ok(Input::stdin(self.decoder())),
        }
    }

    pub fn run(self) -> Result<Outcome> {
        let signals = Signals::install().context("installing signal handlers")?;
        let mut coproc = self.coproc.as_deref().map(Coproc::spawn).transpose()?;
        let (input, output) = match &coproc {
            Some(c) => (
                Input::from_fd(c.stdout_fd(), self.decoder()),
                Output::to_fd(c.stdin_fd(), Encoder::new(self.style)),
            ),
            None => (self.input()?, Output::stdout(Encoder::new(self.style))),
        };
        let ctx = zmq::Context::new();
        // The ZAP handler must be there before the first handshake.
        let zap = self.security.start_zap(&ctx)?;
        self.security.announce(self.verbose);
        let (sock, monitor) = self.open(&ctx)?;
        let mut session = Session::new(sock, input, output, &signals);
        session.input_from_child = coproc.is_some();
        session.progress = Progress::start(self.show_progress, self.limits.count);
        session.monitor = monitor;
        session.retries = self.retries;
        if self.retries > 0 {
            let (ctx, plan) = (ctx.clone(), &self);
            session.reopen = Some(Box::new(move || plan.open(&ctx)));
        }
        session.limits = self.limits.clone();
        session.routed = self.pattern.socket == zmq::ROUTER;
        session.peer = self
            .endpoints
            .iter()
            .map(|e| e.address.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        session.set_pace(self.pace);

        let result = self.run_loop(&mut session);
        // Whatever happened, what was received reaches stdout.
        let flushed = session.output.flush();
        let mut result = result.and(flushed.or_else(ignore_closed));
        if let Some(c) = coproc.as_mut() {
            // The child closing its end (stdout at EOF, or stdin refusing writes) ends zmqcat.
            if let Err(e) = &result {
                if e.is::<CoprocEnded>() || e.is::<Closed>() {
                    result = Err(anyhow::anyhow!(c.ended()));
                }
            }
        }
        let outcome = match result {
            Ok(()) => Ok(Outcome::Done),
            Err(e) => match e.downcast::<Interrupted>() {
                Ok(Interrupted(sig)) => Ok(Outcome::Interrupted(sig)),
                Err(e) if e.is::<Closed>() => Ok(Outcome::Done),
                Err(e) => Err(e),
            },
        };
        // Deliver what is queued on a normal end, an interruption, or bad input (everything
        // before the bad message was sent). After a timeout, a closed stdout or a failure,
        // nothing queued is wanted any more.
        let deliver = match &outcome {
            Ok(_) => true,
            Err(e) => exit::status_of(e) == exit::BAD_INPUT,
        };
        let (sock, stats, progress) = session.into_parts();
        progress.finish();
        if self.show_stats {
            let json = self.style.format == Format::Json;
            let line = progress::summary(&stats, progress.elapsed(), json);
            if json {
                log_line(&line);
            } else {
                log!("{line}");
            }
        }
        let mut linger = self.linger;
        if !deliver || !self.pattern.sends() || stats.sent == 0 {
            linger = Some(Duration::ZERO);
        } else if matches!(outcome, Ok(Outcome::Interrupted(_))) && !self.linger_given {
            // The user asked to stop: deliver what can go at once, not wait for an absent peer.
            linger = Some(linger.map_or(INTERRUPT_GRACE, |l| l.min(INTERRUPT_GRACE)));
        }
        if linger != self.linger {
            let ms = linger.map_or(-1, |l| l.as_millis().min(i32::MAX as u128) as i32);
            let _ = sock.set_linger(ms);
        }
        drop(zap);
        let delivery =
            (deliver && stats.sent > 0 && linger != Some(Duration::ZERO)).then_some(Delivery {
                linger,
                // A reply to the last request shows that the peer has read everything.
                wait_for_readers: self.pattern.run != Loop::Client,
            });
        let drained = finish(sock, ctx, &signals, delivery);
        // The child goes last: its short wait must not pass for an interrupted delivery.
        if let Some(c) = coproc {
            c.finish();
        }
        let expired = |l: Option<Duration>| {
            format!(
                "queued messages were not all delivered within the linger period ({})",
                humantime::format_duration(l.unwrap_or_default())
            )
        };
        match (outcome, drained?) {
            (Err(e), _) => Err(e),
            (Ok(Outcome::Done), Drained::Expired) => Err(anyhow::anyhow!(expired(linger))),
            (Ok(Outcome::Interrupted(sig)), Drained::Expired) => {
                log!("interrupted: {}", expired(linger));
                Ok(Outcome::Interrupted(sig))
            }
            (Ok(_), Drained::Signal(sig)) => Ok(Outcome::Interrupted(sig)),
            (Ok(o), Drained::All) => Ok(o),
        }
    }

    fn open(&self, ctx: &zmq::Context) -> Result<(zmq::Socket, Option<crate::monitor::Monitor>)> {
        socket::open(
            ctx,
            self.pattern.socket,
            &self.options,
            &self.endpoints,
            self.verbose,
            self.quiet,
            self.verbose > 0 || self.wait_peers.is_some(),
        )
    }

    fn run_loop(&self, s: &mut Session<'_>) -> Result<()> {
        if let Some(n) = self.wait_peers {
            s.wait_peers(n, self.pattern.socket == zmq::XPUB && !self.xpub_command)?;
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

/// The message format of a command, checked: `--null` and `--frame-sep` where they apply.
pub fn style_of(kind: Kind, f: &FormatArgs) -> Result<Style, Usage> {
    let format = f.format;
    let mut style = Style::new(format);
    style.id_field = kind == Kind::Router && matches!(format, Format::Text | Format::Quoted);
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
}

/// Closes the socket and ends the context, which blocks while queued messages are delivered
/// (up to the socket's linger). That happens on a helper thread so that a signal can still
/// abandon the wait: the first signal during the drain ends it, as the user asked to stop.
///
/// With a delivery owed, the socket first stays open until its connections hold nothing unread,
/// all within the linger period.
fn finish(
    sock: zmq::Socket,
    ctx: zmq::Context,
    signals: &Signals,
    delivery: Option<Delivery>,
) -> Result<Drained> {
    let started = Instant::now();
    let linger = delivery.as_ref().and_then(|d| d.linger);
    if let Some(d) = delivery.as_ref().filter(|d| d.wait_for_readers) {
        let deadline = d.linger.map(|l| started + l);
        let mut signal = None;
        let waited = unread::wait_until_read(deadline, |nap| {
            let mut items = [zmq::PollItem::from_fd(signals.fd(), zmq::POLLIN)];
            let ms = nap.as_millis().clamp(1, i64::MAX as u128) as i64;
            if matches!(zmq::poll(&mut items, ms), Ok(n) if n > 0) {
                signal = signals.pending();
            }
            signal.is_some()
        });
        match waited {
            Waited::Read => {
                // What is left of the linger period goes to libzmq for what its pipes hold.
                if let Some(l) = d.linger {
                    let left = l
                        .saturating_sub(started.elapsed())
                        .max(Duration::from_millis(1));
                    let _ = sock.set_linger(left.as_millis().min(i32::MAX as u128) as i32);
                }
            }
            Waited::Expired => {
                let _ = sock.set_linger(0);
                drop((sock, ctx));
                return Ok(Drained::Expired);
            }
            Waited::Stopped => {
                let _ = sock.set_linger(0);
                drop((sock, ctx));
                log!("interrupted while delivering queued messages: they are abandoned");
                return Ok(Drained::Signal(signal.unwrap_or(libc::SIGTERM)));
            }
        }
    }
    drop(sock);
    let (done_rx, done_tx) = UnixStream::pair().context("creating a pipe")?;
    let drainer = std::thread::spawn(move || {
        drop(ctx);
        drop(done_tx);
    });
    let mut items = [
        zmq::PollItem::from_fd(signals.fd(), zmq::POLLIN),
        zmq::PollItem::from_fd(done_rx.as_raw_fd(), zmq::POLLIN),
    ];
    loop {
        match zmq::poll(&mut items, -1) {
            Ok(_) | Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("waiting for queued messages to leave"),
        }
        if items[1].get_revents().bits() != 0 {
            let _ = drainer.join();
            break;
        }
        if items[0].get_revents().bits() != 0 {
            if let Some(sig) = signals.pending() {
                log!("interrupted while delivering queued messages: they are abandoned");
                return Ok(Drained::Signal(sig));
            }
        }
    }
    match linger {
        // libzmq's timers tick in milliseconds: an end within one of the linger is its expiry.
        Some(l) if !l.is_zero() && started.elapsed() + Duration::from_millis(1) >= l => {
            Ok(Drained::Expired)
        }
        _ => Ok(Drained::All),
    }
}
