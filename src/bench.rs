//! `zmqcat bench ROLE [ENDPOINT…]`: throughput and latency, between two zmqcat processes or
//! against any ZeroMQ peer.
//!
//! The wire format lets libzmq's perf programs stand in for either end:
//!
//! * `push` and `pub` send N messages of SIZE bytes. Unless `--raw`, the first 8 bytes of each
//!   hold its send time (nanoseconds since the Unix epoch, little-endian), and two-frame marks
//!   frame the measured run: `zmqcat-bench-start` after the warm-up (when there is one),
//!   `zmqcat-bench-end` with the count sent and the time it took. Data messages are always one
//!   frame, so a mark is never mistaken for data, and local_thr (which reads N single-frame
//!   messages of SIZE bytes) never reaches the end mark. `--raw` sends nothing but the N
//!   payloads.
//! * `pull` and `sub` count what arrives (throughput from the first message to the last, as
//!   local_thr reports it) and take one-way latencies from the send times. Those are valid only
//!   where sender and receiver read the same clock: on one host.
//! * `req` times round trips against any echoing REP (zmqcat `rep --echo`, libzmq's local_lat);
//!   `rep` is such an echo server.
//!
//! Without an endpoint, zmqcat runs both ends: it binds a private endpoint, measures there, and
//! starts a second zmqcat process (this same executable) as the peer.
//!
//! Latencies go into a fixed log-linear histogram (under 1 % error, nothing allocated while
//! running). The loops reuse one `zmq::Message` for what they receive and never block inside
//! libzmq, so a signal, `--timeout` or the end of the peer process is always noticed.

use std::io::Read as _;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Context as _, Result};

use crate::cli::{BenchArgs, BenchFormat, BenchRole, BenchTransport, Limit, SecurityArgs};
use crate::diag::log;
use crate::endpoint::{self, Direction, Endpoint};
use crate::event_loop::Interrupted;
use crate::exit::{Outcome, Timeout, Usage};
use crate::monitor::Monitor;
use crate::patterns::{pattern, Kind};
use crate::security::Security;
use crate::signals::Signals;
use crate::socket::{self, SetOpt};
use crate::unread::{self, Waited};
use crate::wait::{self, Pacer, Wake};

/// First frame of the mark sent after the warm-up, before the measured messages.
const START_MARK: &[u8] = b"zmqcat-bench-start";
/// First frame of the mark sent after the last message; the second frame holds the count sent
/// and the sending time in nanoseconds (two u64, little-endian).
const END_MARK: &[u8] = b"zmqcat-bench-end";
/// Bytes of a send time at the start of a message.
const STAMP: usize = 8;
/// A send time further than this from the receiver's clock is no send time (e.g. the zeros or
/// leftovers of a sender that writes none, such as remote_thr).
const PLAUSIBLE: u64 = 3600 * 1_000_000_000;

const DEFAULT_MESSAGES: u64 = 1_000_000;
const DEFAULT_ROUND_TRIPS: u64 = 10_000;
const DEFAULT_SIZE_LIMIT: usize = 1 << 30;

/// How often a process waiting on its socket looks at the peer process it started.
const PEER_TICK: Duration = Duration::from_millis(100);
/// Once the peer process has ended, how long what it sent may still take to show up.
const PEER_GONE_GRACE: Duration = Duration::from_secs(1);
/// How long the peer process may take to exit after the run.
const PEER_EXIT: Duration = Duration::from_secs(10);
/// A sender whose linger is unbounded still closes within this once its peers read everything.
const AFTER_READ_LINGER: Duration = Duration::from_secs(1);

/// Everything a bench run does, checked before any socket exists.
struct Plan {
    role: BenchRole,
    /// Empty: both ends, the peer in a second process.
    endpoints: Vec<Endpoint>,
    options: Vec<SetOpt>,
    /// Messages (round trips for req) to measure; `None`: until the end mark (pull, sub) or
    /// forever (rep).
    count: Option<u64>,
    size: usize,
    warmup: u64,
    rate: Option<f64>,
    raw: bool,
    subscribers: u64,
    transport: BenchTransport,
    timeout: Option<Duration>,
    linger: Option<Duration>,
    json: bool,
    verbose: u8,
    quiet: bool,
    security: Security,
}

pub fn run(args: &BenchArgs) -> Result<Outcome> {
    let plan = Plan::new(args)?;
    let signals = Signals::install().context("installing signal handlers")?;
    let ctx = zmq::Context::new();
    let zap = plan.security.start_zap(&ctx)?;
    plan.security.announce(plan.verbose);
    let (report, result) = if plan.endpoints.is_empty() {
        plan.run_pair(&ctx, &signals, args)?
    } else {
        plan.run_one(&ctx, &signals)?
    };
    drop(zap);
    let interrupted = match result {
        Ok(()) => None,
        Err(e) => match e.downcast::<Interrupted>() {
            Ok(Interrupted(sig)) => Some(sig),
            Err(e) => return Err(e),
        },
    };
    let text = if plan.json {
        report.json(interrupted.is_some()).to_string()
    } else {
        report.text(interrupted.is_some())
    };
    crate::io::print(format!("{text}\n").as_bytes()).context("writing the report")?;
    if !plan.quiet {
        if report.tally.lost() > 0 {
            log!(
                "{} of the {} messages sent did not arrive",
                report.tally.lost(),
                report.tally.sender.map_or(0, |s| s.messages)
            );
        }
        if report.tally.skewed > 0 {
            log!(
                "{} send times lay in the receiver's future: the clocks differ (latency counted as 0)",
                report.tally.skewed
            );
        }
    }
    Ok(match interrupted {
        Some(sig) => Outcome::Interrupted(sig),
        None => Outcome::Done,
    })
}

fn kind_of(role: BenchRole) -> Kind {
    match role {
        BenchRole::Push => Kind::Push,
        BenchRole::Pull => Kind::Pull,
        BenchRole::Pub => Kind::Pub,
        BenchRole::Sub => Kind::Sub,
        BenchRole::Req => Kind::Req,
        BenchRole::Rep => Kind::Rep,
    }
}

fn role_name(role: BenchRole) -> &'static str {
    kind_of(role).name()
}

/// The role this process plays when it runs both ends, and the one its peer process plays.
fn pair_of(role: BenchRole) -> (BenchRole, BenchRole) {
    match role {
        BenchRole::Push | BenchRole::Pull => (BenchRole::Pull, BenchRole::Push),
        BenchRole::Pub | BenchRole::Sub => (BenchRole::Sub, BenchRole::Pub),
        BenchRole::Req | BenchRole::Rep => (BenchRole::Req, BenchRole::Rep),
    }
}

fn sends_stream(role: BenchRole) -> bool {
    matches!(role, BenchRole::Push | BenchRole::Pub)
}

/// Whether the role owes its peer delivery at exit (and so lingers).
fn delivers(role: BenchRole) -> bool {
    matches!(role, BenchRole::Push | BenchRole::Pub | BenchRole::Rep)
}

fn any_security(a: &SecurityArgs) -> bool {
    a.curve_server
        || a.curve_secret.is_some()
        || a.curve_public.is_some()
        || a.curve_server_key.is_some()
        || !a.curve_allow.is_empty()
        || a.plain_server
        || a.plain_user.is_some()
        || a.plain_pass.is_some()
        || !a.allow_ip.is_empty()
        || !a.deny_ip.is_empty()
}

impl Plan {
    fn new(a: &BenchArgs) -> Result<Plan> {
        let role = a.role;
        let name = role_name(role);
        let given = &a.endpoints;
        let pair = given.bind.is_empty() && given.connect.is_empty() && given.endpoints.is_empty();
        let endpoints = if pair {
            Vec::new()
        } else {
            endpoint::parse_all(
                &given.bind,
                &given.connect,
                &given.endpoints,
                pattern(kind_of(role)).natural,
                &|cap| zmq::has(cap).unwrap_or(false),
            )?
        };
        if a.count == Some(0) {
            return Err(Usage("--count must be at least 1".into()).into());
        }
        if a.size > DEFAULT_SIZE_LIMIT {
            return Err(Usage(format!(
                "--size {}: at most {DEFAULT_SIZE_LIMIT} bytes (1 GiB)",
                a.size
            ))
            .into());
        }
        // Options that mean something only for some roles are refused elsewhere, not ignored.
        let senders = pair || matches!(role, BenchRole::Push | BenchRole::Pub | BenchRole::Req);
        if a.rate.is_some() && !senders {
            return Err(Usage(format!(
                "--rate applies to push, pub and req, not to {name} (the sender sets the pace)"
            ))
            .into());
        }
        if a.subscribers.is_some() && (pair || role != BenchRole::Pub) {
            return Err(Usage(
                "--subscribers applies to pub with an endpoint (without one, there is one)".into(),
            )
            .into());
        }
        if a.transport.is_some() && !pair {
            return Err(Usage(
                "--transport applies only without an endpoint (when zmqcat runs both ends)".into(),
            )
            .into());
        }
        if pair && any_security(&a.security) {
            return Err(Usage(
                "security options need an endpoint: without one, both ends are zmqcat processes \
                 without keys"
                    .into(),
            )
            .into());
        }
        let transport = a.transport.unwrap_or(BenchTransport::Tcp);
        if pair && transport == BenchTransport::Ipc && !zmq::has("ipc").unwrap_or(false) {
            return Err(Usage("the linked libzmq has no ipc transport".into()).into());
        }
        if let Some(n) = a.socket.max_msg_size {
            if n < -1 {
                return Err(Usage(format!(
                    "--max-msg-size {n}: expected bytes, or -1 for no limit"
                ))
                .into());
            }
        }
        let timeout = match a.timeout {
            Some(Limit::After(d)) => Some(d),
            _ => None,
        };
        // What the process in this role owes its peer at exit: senders wait until it is read
        // (within --linger, else --timeout, else as long as it takes); receivers owe nothing.
        let linger = match (a.socket.linger, delivers(role) && !pair) {
            (Some(Limit::After(d)), _) => Some(d),
            (Some(Limit::Never), _) => None,
            (None, true) => timeout,
            (None, false) => Some(Duration::ZERO),
        };
        let count = match (a.count, role) {
            (Some(n), _) => Some(n),
            (None, BenchRole::Req) => Some(DEFAULT_ROUND_TRIPS),
            (None, BenchRole::Rep) if pair => Some(DEFAULT_ROUND_TRIPS),
            (None, BenchRole::Push | BenchRole::Pub) => Some(DEFAULT_MESSAGES),
            (None, _) if pair => Some(DEFAULT_MESSAGES),
            (None, _) => None,
        };
        let security = Security::from_args(&a.security, a.log.verbose)?;
        let mut plan = Plan {
            role,
            endpoints,
            options: Vec::new(),
            count,
            size: a.size,
            warmup: a.warmup,
            rate: a.rate,
            raw: a.raw,
            subscribers: a.subscribers.unwrap_or(1),
            transport,
            timeout,
            linger,
            json: a.format == BenchFormat::Json,
            verbose: a.log.verbose,
            quiet: a.log.quiet,
            security,
        };
        // Without an endpoint this process measures: its socket is the receiving one.
        let own = if pair { pair_of(role).0 } else { role };
        plan.options = plan.socket_options(a, own)?;
        Ok(plan)
    }

    fn socket_options(&self, a: &BenchArgs, own: BenchRole) -> Result<Vec<SetOpt>, Usage> {
        let mut opts = socket::options_from(&a.socket, self.linger)?;
        match own {
            BenchRole::Pub => {
                // An XPUB publishes like a PUB and tells when subscribers arrive; every
                // subscription is passed up (verbose), and a full queue holds the publisher back
                // instead of dropping (nodrop), so a run loses nothing unless asked to with
                // `--set xpub_nodrop=0`.
                opts.push(SetOpt::int("xpub_verbose", 1)?);
                opts.push(SetOpt::int("xpub_nodrop", 1)?);
            }
            BenchRole::Sub => opts.extend(socket::subscriptions(&[])?),
            _ => {}
        }
        opts.extend(self.security.options().iter().cloned());
        opts.extend(socket::user_options(&a.socket)?);
        Ok(opts)
    }

    fn socket_type(role: BenchRole) -> zmq::SocketType {
        match role {
            BenchRole::Pub => zmq::XPUB,
            other => pattern(kind_of(other)).socket,
        }
    }

    fn open<'s>(
        &self,
        ctx: &zmq::Context,
        signals: &'s Signals,
        role: BenchRole,
        endpoints: &[Endpoint],
        quiet: bool,
    ) -> Result<Link<'s>> {
        let watch = (self.verbose > 0).then(|| crate::monitor::Watch {
            verbose: self.verbose,
            ..Default::default()
        });
        let (sock, monitor) = socket::open(
            ctx,
            Plan::socket_type(role),
            &self.options,
            endpoints,
            self.verbose,
            quiet,
            watch,
        )?;
        let peer = endpoints
            .iter()
            .map(|e| e.address.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Link {
            sock,
            monitor,
            signals,
            timeout: self.timeout,
            idle_since: None,
            endpoint: peer,
            process: None,
        })
    }

    /// One end, against the endpoints given.
    fn run_one(&self, ctx: &zmq::Context, signals: &Signals) -> Result<(Report, Result<()>)> {
        let mut link = self.open(ctx, signals, self.role, &self.endpoints, self.quiet)?;
        let mut tally = Tally::new();
        let result = self.play(self.role, &mut link, &mut tally);
        let endpoint = self.endpoints.iter().map(ToString::to_string).collect();
        if tally.first.is_some() && tally.last.is_none() {
            // Stopped before the end: the figures run up to now.
            tally.last = Some(Instant::now());
        }
        let result = match result {
            Ok(()) if delivers(self.role) => self.deliver(link, signals),
            other => {
                // Interrupted, timed out or failed: what is still queued is not wanted any more,
                // and an unbounded linger would hang the end of the context.
                let _ = link.sock.set_linger(0);
                other
            }
        };
        Ok((
            Report {
                role: self.role,
                peer: None,
                endpoint,
                size: self.size,
                tally,
            },
            result,
        ))
    }

    /// Both ends: this process measures on a private endpoint, a second zmqcat plays the peer.
    fn run_pair(
        &self,
        ctx: &zmq::Context,
        signals: &Signals,
        a: &BenchArgs,
    ) -> Result<(Report, Result<()>)> {
        let (own, other) = pair_of(self.role);
        // libzmq's `ipc://*` leaves its socket file in the working directory: a directory of
        // our own holds it instead, and goes with it at the end.
        let dir = match self.transport {
            BenchTransport::Tcp => None,
            BenchTransport::Ipc => Some(PrivateDir::create()?),
        };
        let private = Endpoint {
            direction: Direction::Bind,
            address: match &dir {
                None => "tcp://127.0.0.1:*".into(),
                Some(d) => format!("ipc://{}/bench.sock", d.path.display()),
            },
        };
        let quiet = self.verbose == 0;
        let mut link = self.open(ctx, signals, own, std::slice::from_ref(&private), quiet)?;
        let address = match link.sock.get_last_endpoint() {
            Ok(Ok(ep)) => ep,
            _ => {
                return Err(anyhow!(
                    "cannot tell which endpoint {} got",
                    private.address
                ))
            }
        };
        let args = self.peer_args(a, other, &address);
        let mut process = PeerProcess::spawn(other, &args)?;
        link.process = Some(&mut process);
        let mut tally = Tally::new();
        let mut result = self.play(own, &mut link, &mut tally);
        link.process = None;
        drop(link);
        if result.is_ok() {
            result = process.finish();
        }
        Ok((
            Report {
                role: own,
                peer: Some((other, self.transport)),
                endpoint: address,
                size: self.size,
                tally,
            },
            result,
        ))
    }

    /// The command line of the peer process: the same run, the other role, connecting.
    fn peer_args(&self, a: &BenchArgs, role: BenchRole, address: &str) -> Vec<String> {
        let mut v: Vec<String> = vec!["bench".into(), role_name(role).into()];
        v.push(format!(">{address}"));
        let total = self.count.unwrap_or(DEFAULT_MESSAGES);
        let count = if role == BenchRole::Rep {
            // The echo server answers the warm-up round trips too.
            total.saturating_add(self.warmup)
        } else {
            total
        };
        v.extend(["-n".into(), count.to_string()]);
        v.extend(["--size".into(), self.size.to_string()]);
        if role != BenchRole::Rep {
            v.extend(["--warmup".into(), self.warmup.to_string()]);
        }
        if let (Some(r), BenchRole::Push | BenchRole::Pub) = (self.rate, role) {
            v.extend(["--rate".into(), r.to_string()]);
        }
        if self.raw {
            v.push("--raw".into());
        }
        if role == BenchRole::Pub {
            v.extend(["--subscribers".into(), "1".into()]);
        }
        if let Some(t) = a.timeout {
            v.extend(["-t".into(), limit_arg(t)]);
        }
        let s = &a.socket;
        let mut opt = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                v.push(format!("--{name}={value}"));
            }
        };
        opt("hwm", s.hwm.map(|n| n.to_string()));
        opt("sndhwm", s.sndhwm.map(|n| n.to_string()));
        opt("rcvhwm", s.rcvhwm.map(|n| n.to_string()));
        opt("linger", s.linger.map(limit_arg));
        opt("max-msg-size", s.max_msg_size.map(|n| n.to_string()));
        opt("heartbeat", s.heartbeat.map(|d| limit_arg(Limit::After(d))));
        for (on, flag) in [
            (s.immediate, "--immediate"),
            (s.conflate, "--conflate"),
            (s.tcp_keepalive, "--tcp-keepalive"),
        ] {
            if on {
                v.push(flag.into());
            }
        }
        for set in &s.set {
            v.push(format!("--set={set}"));
        }
        v.push("-f".into());
        v.push("json".into());
        if self.verbose > 0 {
            v.push(format!("-{}", "v".repeat(self.verbose.into())));
        } else {
            v.push("-q".into());
        }
        v
    }

    /// Runs `role` on `link`, counting into `tally`.
    fn play(&self, role: BenchRole, link: &mut Link<'_>, tally: &mut Tally) -> Result<()> {
        match role {
            BenchRole::Push | BenchRole::Pub => self.send_stream(role, link, tally),
            BenchRole::Pull | BenchRole::Sub => self.receive_stream(link, tally),
            BenchRole::Req => self.round_trips(link, tally),
            BenchRole::Rep => self.echo(link, tally),
        }
    }

    fn send_stream(&self, role: BenchRole, link: &mut Link<'_>, t: &mut Tally) -> Result<()> {
        if role == BenchRole::Pub && self.subscribers > 0 {
            wait_subscribers(link, self.subscribers)?;
        }
        let stamps = !self.raw && self.size >= STAMP;
        let mut payload = vec![0u8; self.size];
        let mut pacer = Pacer::new(None, None, self.rate);
        for _ in 0..self.warmup {
            link.pace(&mut pacer)?;
            if stamps {
                payload[..STAMP].copy_from_slice(&wall_nanos().to_le_bytes());
            }
            link.send(&payload, false)?;
        }
        // Without a warm-up there is nothing to mark off: no start mark, so that libzmq's
        // local_thr, which takes every message for data, can receive the run.
        if !self.raw && self.warmup > 0 {
            link.send(START_MARK, true)?;
            link.send(&[0u8; 16], false)?;
        }
        let n = self.count.unwrap_or(DEFAULT_MESSAGES);
        let started = Instant::now();
        t.first = Some(started);
        t.size = Some(self.size);
        for _ in 0..n {
            link.pace(&mut pacer)?;
            if stamps {
                payload[..STAMP].copy_from_slice(&wall_nanos().to_le_bytes());
            }
            link.send(&payload, false)?;
            t.messages += 1;
            t.bytes += payload.len() as u64;
        }
        let done = Instant::now();
        t.last = Some(done);
        if !self.raw {
            let nanos = u64::try_from(done.duration_since(started).as_nanos()).unwrap_or(u64::MAX);
            let mut end = [0u8; 16];
            end[..8].copy_from_slice(&t.messages.to_le_bytes());
            end[8..].copy_from_slice(&nanos.to_le_bytes());
            link.send(END_MARK, true)?;
            link.send(&end, false)?;
        }
        Ok(())
    }

    fn receive_stream(&self, link: &mut Link<'_>, t: &mut Tally) -> Result<()> {
        // Both ends run here: the sender's end mark ends the run (and tells its figures), unless
        // there is none.
        let pair = self.endpoints.is_empty();
        let limit = match self.count {
            Some(n) if self.raw || !pair => n,
            _ => u64::MAX,
        };
        let stamps = !self.raw;
        // A sender that marks nothing (--raw, remote_thr) sends its warm-up like the rest: the
        // first messages are left out by number. A start mark ends the warm-up in any case.
        let mut skip = self.warmup;
        let mut msg = zmq::Message::new();
        // Messages arrived since the clock was last read: the last one's time is taken when the
        // socket runs dry (or the run ends), not once per message.
        let mut fresh = false;
        while t.messages < limit {
            match link.sock.recv(&mut msg, zmq::DONTWAIT) {
                Ok(()) => {}
                Err(zmq::Error::EAGAIN) => {
                    if fresh {
                        t.last = Some(Instant::now());
                        fresh = false;
                    }
                    link.wait(zmq::POLLIN, "no message arrived")?;
                    continue;
                }
                Err(zmq::Error::EINTR) => continue,
                Err(e) => return Err(e).context("receiving a message"),
            }
            link.progress();
            if msg.get_more() {
                match read_mark(&link.sock, &mut msg)? {
                    Mark::Start => {
                        // What came before was the warm-up.
                        t.restart();
                        skip = 0;
                        fresh = false;
                    }
                    Mark::End { messages, nanos } => {
                        t.sender = Some(SenderSide { messages, nanos });
                        break;
                    }
                    Mark::Other { bytes } => {
                        // A multipart message of some other sender: one message.
                        t.count(bytes);
                        fresh = true;
                    }
                }
                continue;
            }
            if skip > 0 {
                skip -= 1;
                continue;
            }
            t.count(msg.len());
            fresh = true;
            if stamps && msg.len() >= STAMP {
                let mut b = [0u8; STAMP];
                b.copy_from_slice(&msg[..STAMP]);
                t.stamp(u64::from_le_bytes(b), wall_nanos());
            }
        }
        if fresh {
            t.last = Some(Instant::now());
        }
        Ok(())
    }

    fn round_trips(&self, link: &mut Link<'_>, t: &mut Tally) -> Result<()> {
        let n = self.count.unwrap_or(DEFAULT_ROUND_TRIPS);
        let request = vec![0u8; self.size];
        let mut msg = zmq::Message::new();
        let mut pacer = Pacer::new(None, None, self.rate);
        for i in 0..self.warmup.saturating_add(n) {
            link.pace(&mut pacer)?;
            let sent_at = Instant::now();
            link.send(&request, false)?;
            let (frames, bytes) = receive_whole(link, &mut msg, "no reply")?;
            let rtt = sent_at.elapsed();
            if frames != 1 || bytes != self.size {
                return Err(anyhow!(
                    "reply {} has {frames} frame(s) and {bytes} bytes, not one frame of {}: is \
                     the peer an echo server (zmqcat rep --echo, bench rep, libzmq's local_lat)?",
                    i + 1,
                    self.size
                ));
            }
            if i < self.warmup {
                continue;
            }
            t.count(bytes);
            if t.messages == 1 {
                t.first = Some(sent_at);
            }
            t.latency.record(nanos_of(rtt));
            t.last = Some(Instant::now());
        }
        Ok(())
    }

    fn echo(&self, link: &mut Link<'_>, t: &mut Tally) -> Result<()> {
        let limit = self.count.unwrap_or(u64::MAX);
        let mut msg = zmq::Message::new();
        let mut earlier: Vec<zmq::Message> = Vec::new();
        while t.messages < limit {
            match link.sock.recv(&mut msg, zmq::DONTWAIT) {
                Ok(()) => {}
                Err(zmq::Error::EAGAIN) => {
                    link.wait(zmq::POLLIN, "no request arrived")?;
                    continue;
                }
                Err(zmq::Error::EINTR) => continue,
                Err(e) => return Err(e).context("receiving a request"),
            }
            link.progress();
            // REP answers only once the whole request is in: the frames before the last wait
            // in `earlier` (a Vec whose room is reused). Every frame goes back as it came, with
            // no copy; a fresh empty message takes its place (zmq_msg_init, no allocation).
            let mut bytes = msg.len();
            while msg.get_more() {
                earlier.push(std::mem::replace(&mut msg, zmq::Message::new()));
                recv_part(&link.sock, &mut msg)?;
                bytes += msg.len();
            }
            // A REP socket never holds a reply back (a full or gone peer drops it), so EAGAIN
            // cannot come here; any error is reported.
            for frame in earlier.drain(..) {
                link.sock
                    .send(frame, zmq::DONTWAIT | zmq::SNDMORE)
                    .context("sending the reply")?;
            }
            let last = std::mem::replace(&mut msg, zmq::Message::new());
            link.sock
                .send(last, zmq::DONTWAIT)
                .context("sending the reply")?;
            t.count(bytes);
            t.last = Some(Instant::now());
        }
        Ok(())
    }

    /// Closes a sender's socket once its peers have read everything it sent, within the linger
    /// period (see `unread`): libzmq's linger alone can lose the tail of an ipc stream.
    fn deliver(&self, link: Link<'_>, signals: &Signals) -> Result<()> {
        let started = Instant::now();
        let deadline = self.linger.map(|l| started + l);
        let mut signal = None;
        let waited = unread::wait_until_read(deadline, |nap| {
            let mut items = [wait::signal_item(signals)];
            let until = Some(Instant::now() + nap.max(Duration::from_millis(1)));
            if let Ok(Wake::Signal(sig)) = wait::wait(signals, &mut items, until, "a nap") {
                signal = Some(sig);
            }
            signal.is_some()
        });
        let left = match self.linger {
            Some(l) => l.saturating_sub(started.elapsed()),
            None => AFTER_READ_LINGER,
        };
        let ms = match waited {
            Waited::Read => left.as_millis().clamp(1, i32::MAX as u128) as i32,
            _ => 0,
        };
        let _ = link.sock.set_linger(ms);
        drop(link);
        match waited {
            Waited::Read => Ok(()),
            Waited::Expired => Err(anyhow!(
                "the messages sent were not all read by the peer within the linger period ({})",
                humantime::format_duration(self.linger.unwrap_or_default())
            )),
            Waited::Stopped => {
                log!("interrupted while delivering the last messages: they are abandoned");
                Err(Interrupted(signal.unwrap_or(libc::SIGTERM)).into())
            }
        }
    }
}

/// A duration as the peer process's command line takes it.
fn limit_arg(l: Limit) -> String {
    match l {
        Limit::After(d) => format!("{}us", d.as_micros()),
        Limit::Never => "inf".into(),
    }
}

/// Holds a publisher until `n` subscriptions have arrived (on its XPUB socket).
fn wait_subscribers(link: &mut Link<'_>, n: u64) -> Result<()> {
    let mut msg = zmq::Message::new();
    let mut seen = 0;
    while seen < n {
        match link.sock.recv(&mut msg, zmq::DONTWAIT) {
            Ok(()) => {
                if msg.first() == Some(&1) {
                    seen += 1;
                    link.progress();
                }
                while msg.get_more() {
                    recv_part(&link.sock, &mut msg)?;
                }
            }
            Err(zmq::Error::EAGAIN) => {
                link.wait(
                    zmq::POLLIN,
                    &format!("only {seen} of {n} subscribers arrived"),
                )?;
            }
            Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("reading subscriptions"),
        }
    }
    Ok(())
}

/// Receives one whole message, waiting for its first frame; returns its frames and bytes.
fn receive_whole(
    link: &mut Link<'_>,
    msg: &mut zmq::Message,
    what: &str,
) -> Result<(usize, usize)> {
    loop {
        match link.sock.recv(msg, zmq::DONTWAIT) {
            Ok(()) => break,
            Err(zmq::Error::EAGAIN) => link.wait(zmq::POLLIN, what)?,
            Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("receiving a message"),
        }
    }
    link.progress();
    let (mut frames, mut bytes) = (1, msg.len());
    while msg.get_more() {
        recv_part(&link.sock, msg)?;
        frames += 1;
        bytes += msg.len();
    }
    Ok((frames, bytes))
}

/// Receives a later frame of a message: libzmq delivers messages whole, so it is there.
fn recv_part(sock: &zmq::Socket, msg: &mut zmq::Message) -> Result<()> {
    loop {
        match sock.recv(msg, zmq::DONTWAIT) {
            Ok(()) => return Ok(()),
            Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("receiving a message"),
        }
    }
}

enum Mark {
    Start,
    End {
        messages: u64,
        nanos: u64,
    },
    /// A multipart message that is no mark.
    Other {
        bytes: usize,
    },
}

/// Reads the rest of a multipart message whose first frame is in `msg`, and says what it was.
fn read_mark(sock: &zmq::Socket, msg: &mut zmq::Message) -> Result<Mark> {
    let start = &msg[..] == START_MARK;
    let end = &msg[..] == END_MARK;
    let mut bytes = msg.len();
    let mut frames = 1;
    let mut body = [0u8; 16];
    let mut body_ok = false;
    while msg.get_more() {
        recv_part(sock, msg)?;
        frames += 1;
        bytes += msg.len();
        if frames == 2 && msg.len() == body.len() {
            body.copy_from_slice(&msg[..]);
            body_ok = true;
        }
    }
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&body[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    Ok(match (start, end, frames == 2 && body_ok) {
        (true, _, true) => Mark::Start,
        (_, true, true) => Mark::End {
            messages: word(0),
            nanos: word(1),
        },
        _ => Mark::Other { bytes },
    })
}

/// The wall clock in nanoseconds since the Unix epoch: the send time written into messages.
/// (A monotonic clock would do on one host, but the wall clock also serves hosts whose clocks
/// are synchronised.)
fn wall_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

fn nanos_of(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// A directory only this process uses, removed with everything in it when dropped.
struct PrivateDir {
    path: std::path::PathBuf,
}

impl PrivateDir {
    fn create() -> Result<PrivateDir> {
        use std::os::unix::fs::DirBuilderExt as _;
        let base = std::env::temp_dir();
        let mut last = None;
        for attempt in 0..100u32 {
            let path = base.join(format!(
                "zmqcat-bench-{}-{}",
                std::process::id(),
                wall_nanos().wrapping_add(u64::from(attempt)) % 1_000_000_007
            ));
            match std::fs::DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => return Ok(PrivateDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    return Err(e).with_context(|| format!("creating {}", path.display()));
                }
            }
        }
        Err(anyhow!(
            "cannot create a private directory in {}: {}",
            base.display(),
            last.map_or_else(String::new, |e| e.to_string())
        ))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The peer process of a run with both ends.
struct PeerProcess {
    role: BenchRole,
    child: Child,
    stderr: Option<JoinHandle<String>>,
    /// When it was seen to have ended, and how.
    ended: Option<(ExitStatus, Instant)>,
}

impl PeerProcess {
    fn spawn(role: BenchRole, args: &[String]) -> Result<PeerProcess> {
        let exe = std::env::current_exe().context("finding the zmqcat executable")?;
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {} bench {}", exe.display(), role_name(role)))?;
        let stderr = child.stderr.take().map(|mut pipe| {
            std::thread::spawn(move || {
                let mut said = String::new();
                let _ = pipe.read_to_string(&mut said);
                said
            })
        });
        Ok(PeerProcess {
            role,
            child,
            stderr,
            ended: None,
        })
    }

    /// Fails when the process has failed, or ended some time ago while still awaited.
    fn check(&mut self) -> Result<()> {
        if self.ended.is_none() {
            if let Some(status) = self.child.try_wait().context("watching the peer process")? {
                self.ended = Some((status, Instant::now()));
            }
        }
        match self.ended {
            Some((status, _)) if !status.success() => Err(self.failure(status)),
            Some((_, at)) if at.elapsed() >= PEER_GONE_GRACE => Err(anyhow!(
                "the {} process ended before the run was complete",
                role_name(self.role)
            )),
            _ => Ok(()),
        }
    }

    fn failure(&mut self, status: ExitStatus) -> anyhow::Error {
        let said = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let line = said
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| l.strip_prefix("zmqcat: ").unwrap_or(l).to_string());
        let why = match status.code() {
            Some(code) => format!("exit status {code}"),
            None => status.to_string(),
        };
        let msg = match line {
            Some(line) => format!(
                "the {} process failed ({why}): {line}",
                role_name(self.role)
            ),
            None => format!("the {} process failed ({why})", role_name(self.role)),
        };
        // Its timeout is this run's timeout (status 3); anything else is a failure here.
        match status.code() {
            Some(c) if c == i32::from(crate::exit::TIMEOUT) => Timeout(msg).into(),
            _ => anyhow!(msg),
        }
    }

    /// After the run: waits (bounded) for the process to end, and says if it failed.
    fn finish(&mut self) -> Result<()> {
        let deadline = Instant::now() + PEER_EXIT;
        loop {
            if let Some((status, _)) = self.ended {
                return if status.success() {
                    Ok(())
                } else {
                    Err(self.failure(status))
                };
            }
            if let Some(status) = self.child.try_wait().context("watching the peer process")? {
                self.ended = Some((status, Instant::now()));
                continue;
            }
            if Instant::now() >= deadline {
                return Err(anyhow!(
                    "the {} process did not end within {} after the run",
                    role_name(self.role),
                    humantime::format_duration(PEER_EXIT)
                ));
            }
            // It has finished its part and is closing; look again shortly.
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        if self.ended.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}

/// A socket with what its waits watch: the signal pipe, the monitor (`-v`), `--timeout`, and
/// the peer process when this run started one.
struct Link<'a> {
    sock: zmq::Socket,
    monitor: Option<Monitor>,
    signals: &'a Signals,
    timeout: Option<Duration>,
    /// Since when nothing has moved (for `--timeout`).
    idle_since: Option<Instant>,
    /// The endpoints, for messages.
    endpoint: String,
    process: Option<&'a mut PeerProcess>,
}

impl Link<'_> {
    /// Something moved: the `--timeout` clock starts again.
    #[inline]
    fn progress(&mut self) {
        self.idle_since = None;
    }

    /// Sends one frame, waiting for room as needed.
    fn send(&mut self, data: &[u8], more: bool) -> Result<()> {
        let flags = zmq::DONTWAIT | if more { zmq::SNDMORE } else { 0 };
        loop {
            match self.sock.send(data, flags) {
                Ok(()) => {
                    self.progress();
                    return Ok(());
                }
                Err(zmq::Error::EAGAIN) => self.wait(zmq::POLLOUT, "could not send")?,
                Err(zmq::Error::EINTR) => {}
                Err(e) => return Err(e).context("sending a message"),
            }
        }
    }

    /// Waits until the socket is ready for `events`. Fails on a signal (`Interrupted`), on
    /// `--timeout` (a `Timeout` saying `what`), and when the peer process failed or is gone.
    fn wait(&mut self, events: zmq::PollEvents, what: &str) -> Result<()> {
        let since = *self.idle_since.get_or_insert_with(Instant::now);
        let deadline = self.timeout.map(|t| since + t);
        loop {
            let mut nap = match deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(Timeout(format!(
                            "{what} within {} ({})",
                            humantime::format_duration(self.timeout.unwrap_or_default()),
                            self.endpoint
                        ))
                        .into());
                    }
                    Some(left)
                }
                None => None,
            };
            if self.process.is_some() {
                nap = Some(nap.map_or(PEER_TICK, |n| n.min(PEER_TICK)));
            }
            if self.poll(events, nap)? {
                return Ok(());
            }
            if let Some(p) = self.process.as_mut() {
                p.check()?;
            }
        }
    }

    /// Waits until `until`, for nothing but a signal (pacing).
    fn nap_until(&mut self, until: Instant) -> Result<()> {
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            self.poll(zmq::PollEvents::empty(), Some(left))?;
        }
    }

    /// Waits while the pacer says a send is not due yet, then schedules the next one.
    fn pace(&mut self, pacer: &mut Pacer) -> Result<()> {
        if let Some(due) = pacer.due() {
            self.nap_until(due)?;
        }
        pacer.sent();
        Ok(())
    }

    /// One wait on the signal pipe, the socket (for `events`) and the monitor, for at most
    /// `nap`; true when the socket is ready.
    fn poll(&mut self, events: zmq::PollEvents, nap: Option<Duration>) -> Result<bool> {
        let mut items = [
            wait::signal_item(self.signals),
            self.sock.as_poll_item(events),
            wait::monitor_item(self.monitor.as_ref()),
        ];
        let deadline = nap.map(|n| Instant::now() + n);
        let woke = wait::wait(self.signals, &mut items, deadline, "polling the socket")?;
        let ready = !events.is_empty() && items[1].get_revents().intersects(events);
        let events_ready = items[2].is_readable();
        if let Wake::Signal(sig) = woke {
            return Err(Interrupted(sig).into());
        }
        if events_ready {
            if let Some(m) = self.monitor.as_mut() {
                m.drain()?;
            }
        }
        Ok(ready)
    }
}

/// What the sender said in its end mark.
#[derive(Debug, Clone, Copy)]
struct SenderSide {
    messages: u64,
    nanos: u64,
}

/// Counts and times of one run, as seen by this process.
struct Tally {
    messages: u64,
    bytes: u64,
    /// The size of the first message, and whether every other one had it too.
    size: Option<usize>,
    uneven: bool,
    first: Option<Instant>,
    last: Option<Instant>,
    latency: Histogram,
    /// Messages without a plausible send time.
    unstamped: u64,
    /// Send times in the receiver's future.
    skewed: u64,
    sender: Option<SenderSide>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            messages: 0,
            bytes: 0,
            size: None,
            uneven: false,
            first: None,
            last: None,
            latency: Histogram::new(),
            unstamped: 0,
            skewed: 0,
            sender: None,
        }
    }

    /// Forgets everything so far (the warm-up), keeping the histogram's memory.
    fn restart(&mut self) {
        self.messages = 0;
        self.bytes = 0;
        self.size = None;
        self.uneven = false;
        self.first = None;
        self.last = None;
        self.latency.clear();
        self.unstamped = 0;
        self.skewed = 0;
    }

    #[inline]
    fn count(&mut self, bytes: usize) {
        if self.messages == 0 {
            self.first = Some(Instant::now());
            self.size = Some(bytes);
        } else if self.size != Some(bytes) {
            self.uneven = true;
        }
        self.messages += 1;
        self.bytes += bytes as u64;
    }

    #[inline]
    fn stamp(&mut self, sent: u64, now: u64) {
        if sent == 0 || sent.abs_diff(now) > PLAUSIBLE {
            self.unstamped += 1;
        } else if now >= sent {
            self.latency.record(now - sent);
        } else {
            self.skewed += 1;
            self.latency.record(0);
        }
    }

    fn seconds(&self) -> f64 {
        match (self.first, self.last) {
            (Some(a), Some(b)) => b.saturating_duration_since(a).as_secs_f64(),
            _ => 0.0,
        }
    }

    /// Messages the sender sent that did not arrive (known from its end mark).
    fn lost(&self) -> u64 {
        self.sender
            .map_or(0, |s| s.messages.saturating_sub(self.messages))
    }
}

/// A latency histogram: exact below 256 ns, then 128 buckets per power of two (each at most
/// 1/128 of its values wide, so any percentile is within 0.8 % of the true one). Fixed size:
/// recording allocates nothing.
struct Histogram {
    counts: Vec<u64>,
    total: u64,
    sum: u128,
    min: u64,
    max: u64,
}

const SUB_BITS: u32 = 7;
const SUB: usize = 1 << SUB_BITS;
/// Values below this have a bucket each.
const LINEAR: usize = 2 << SUB_BITS;
const BUCKETS: usize = LINEAR + (64 - SUB_BITS as usize - 1) * SUB;

fn bucket(v: u64) -> usize {
    if v < LINEAR as u64 {
        return v as usize;
    }
    let e = 63 - v.leading_zeros();
    let shift = e - SUB_BITS;
    let mantissa = (v >> shift) as usize;
    LINEAR + (e - SUB_BITS - 1) as usize * SUB + (mantissa - SUB)
}

/// The highest value that falls into bucket `i`.
fn highest(i: usize) -> u64 {
    if i < LINEAR {
        return i as u64;
    }
    let j = i - LINEAR;
    let e = (j / SUB) as u32 + SUB_BITS + 1;
    let mantissa = (SUB + j % SUB) as u128;
    let shift = e - SUB_BITS;
    u64::try_from(((mantissa + 1) << shift) - 1).unwrap_or(u64::MAX)
}

impl Histogram {
    fn new() -> Histogram {
        Histogram {
            counts: vec![0; BUCKETS],
            total: 0,
            sum: 0,
            min: u64::MAX,
            max: 0,
        }
    }

    fn clear(&mut self) {
        self.counts.iter_mut().for_each(|c| *c = 0);
        self.total = 0;
        self.sum = 0;
        self.min = u64::MAX;
        self.max = 0;
    }

    #[inline]
    fn record(&mut self, nanos: u64) {
        self.counts[bucket(nanos)] += 1;
        self.total += 1;
        self.sum += u128::from(nanos);
        self.min = self.min.min(nanos);
        self.max = self.max.max(nanos);
    }

    /// The value at or below which a fraction `q` of the samples lie (never above the maximum).
    fn percentile(&self, q: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((self.total as f64 * q).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return highest(i).clamp(self.min, self.max);
            }
        }
        self.max
    }

    fn mean(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.sum as f64 / self.total as f64
        }
    }
}

/// The percentiles reported, with their names in text and JSON.
const PERCENTILES: [(&str, &str, f64); 4] = [
    ("p50", "p50", 0.50),
    ("p90", "p90", 0.90),
    ("p99", "p99", 0.99),
    ("p99.9", "p99_9", 0.999),
];

/// What is printed at the end.
struct Report {
    /// The role of this process.
    role: BenchRole,
    /// With both ends run here: the peer process's role and the transport.
    peer: Option<(BenchRole, BenchTransport)>,
    endpoint: String,
    size: usize,
    tally: Tally,
}

/// Nanoseconds as microseconds, to the nanosecond.
fn micros(nanos: f64) -> f64 {
    nanos.round() / 1000.0
}

impl Report {
    fn latency_kind(&self) -> Option<&'static str> {
        match self.role {
            BenchRole::Req => Some("round-trip"),
            BenchRole::Pull | BenchRole::Sub => Some("one-way"),
            _ => None,
        }
    }

    fn rate(&self, n: u64) -> f64 {
        let secs = self.tally.seconds();
        if secs > 0.0 {
            n as f64 / secs
        } else {
            0.0
        }
    }

    fn json(&self, interrupted: bool) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let t = &self.tally;
        let h = &t.latency;
        let latency = match self.latency_kind() {
            Some(kind) if h.total > 0 => {
                let mut m = Map::new();
                m.insert("kind".into(), json!(kind));
                m.insert("samples".into(), json!(h.total));
                m.insert("min".into(), json!(micros(h.min as f64)));
                m.insert("mean".into(), json!(micros(h.mean())));
                for (_, key, q) in PERCENTILES {
                    m.insert(key.into(), json!(micros(h.percentile(q) as f64)));
                }
                m.insert("max".into(), json!(micros(h.max as f64)));
                if self.role == BenchRole::Req {
                    // What remote_lat prints as "average latency": half the mean round trip.
                    m.insert("remote_lat_average".into(), json!(micros(h.mean() / 2.0)));
                }
                Value::Object(m)
            }
            _ => Value::Null,
        };
        let sender = t.sender.map(|s| {
            let secs = s.nanos as f64 / 1e9;
            json!({
                "messages": s.messages,
                "seconds": secs,
                "msg_per_sec": if secs > 0.0 { s.messages as f64 / secs } else { 0.0 },
            })
        });
        let bytes_rate = self.rate(t.bytes);
        json!({
            "role": role_name(self.role),
            "peer": self.peer.map(|(r, _)| role_name(r)),
            "transport": self.peer.map(|(_, tr)| transport_name(tr)),
            "endpoint": self.endpoint,
            "messages": t.messages,
            "size": if t.uneven { Value::Null } else { json!(t.size.unwrap_or(self.size)) },
            "bytes": t.bytes,
            "seconds": t.seconds(),
            "msg_per_sec": self.rate(t.messages),
            "mb_per_sec": bytes_rate / 1e6,
            "mbit_per_sec": bytes_rate * 8.0 / 1e6,
            "latency_us": latency,
            "sender": sender,
            "lost": t.sender.map(|_| t.lost()),
            "interrupted": interrupted,
        })
    }

    fn text(&self, interrupted: bool) -> String {
        let t = &self.tally;
        let mut lines = Vec::new();
        let what = match self.role {
            BenchRole::Req => "round trips",
            BenchRole::Rep => "requests answered",
            BenchRole::Push | BenchRole::Pub => "messages sent",
            BenchRole::Pull | BenchRole::Sub => "messages received",
        };
        let size = match (t.uneven, t.size) {
            (true, _) => "of varying sizes".to_string(),
            (false, Some(s)) => format!("of {s} B"),
            (false, None) => format!("of {} B", self.size),
        };
        let head = match self.peer {
            Some((peer, transport)) => {
                let (from, to) = if sends_stream(peer) {
                    (peer, self.role)
                } else {
                    (self.role, peer)
                };
                format!(
                    "{} → {} over {} ({})",
                    role_name(from),
                    role_name(to),
                    transport_name(transport),
                    self.endpoint
                )
            }
            None => format!("{} {}", role_name(self.role), self.endpoint),
        };
        lines.push(format!(
            "bench {head}: {} {what} {size} ({} bytes) in {:.3} s{}",
            t.messages,
            t.bytes,
            t.seconds(),
            if interrupted { " (interrupted)" } else { "" }
        ));
        let unit = match self.role {
            BenchRole::Req => "round trips/s",
            BenchRole::Rep => "requests/s",
            _ => "msg/s",
        };
        let bytes_rate = self.rate(t.bytes);
        lines.push(format!(
            "  throughput: {:.0} {unit}, {:.2} MB/s, {:.2} Mbit/s",
            self.rate(t.messages),
            bytes_rate / 1e6,
            bytes_rate * 8.0 / 1e6
        ));
        let h = &t.latency;
        match self.latency_kind() {
            Some(kind) if h.total > 0 => {
                let mut l = format!("  {kind} latency µs:");
                for (name, _, q) in PERCENTILES {
                    l.push_str(&format!(" {name} {:.1}", h.percentile(q) as f64 / 1000.0));
                }
                l.push_str(&format!(
                    " max {:.1} mean {:.1}",
                    h.max as f64 / 1000.0,
                    h.mean() / 1000.0
                ));
                lines.push(l);
                if self.role == BenchRole::Req {
                    lines.push(format!(
                        "  (remote_lat's \"average latency\", half the mean round trip: {:.1} µs)",
                        h.mean() / 2000.0
                    ));
                } else {
                    lines.push(
                        "  (from send times written by the sender: sender and receiver must share \
                         a clock, i.e. run on one host)"
                            .into(),
                    );
                }
            }
            Some("one-way") => lines.push(
                "  one-way latency: not measured (no send times in the messages: --raw, a size \
                 under 8 bytes, or a sender other than zmqcat)"
                    .into(),
            ),
            _ => {}
        }
        if let Some(s) = t.sender {
            let secs = s.nanos as f64 / 1e9;
            let rate = if secs > 0.0 {
                s.messages as f64 / secs
            } else {
                0.0
            };
            lines.push(format!(
                "  sender: {} messages in {secs:.3} s, {rate:.0} msg/s; lost {}",
                s.messages,
                t.lost()
            ));
        }
        lines.join("\n")
    }
}

fn transport_name(t: BenchTransport) -> &'static str {
    match t {
        BenchTransport::Tcp => "tcp",
        BenchTransport::Ipc => "ipc",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_cover_every_value_in_order() {
        for v in (0..5000u64).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let i = bucket(v);
            assert!(i < BUCKETS, "{v} → {i}");
            assert!(highest(i) >= v, "{v}: bucket {i} ends at {}", highest(i));
            if i > 0 {
                assert!(highest(i - 1) < v, "{v} belongs below bucket {i}");
            }
        }
        assert_eq!(bucket(u64::MAX), BUCKETS - 1);
        assert_eq!(highest(BUCKETS - 1), u64::MAX);
    }

    #[test]
    fn percentiles_are_within_one_percent_and_ordered() {
        let mut h = Histogram::new();
        for v in 1..=100_000u64 {
            h.record(v * 10);
        }
        for (_, _, q) in PERCENTILES {
            let want = (q * 100_000.0).ceil() * 10.0;
            let got = h.percentile(q) as f64;
            assert!((got - want).abs() / want < 0.01, "q {q}: {got} vs {want}");
        }
        let ps: Vec<u64> = PERCENTILES.iter().map(|p| h.percentile(p.2)).collect();
        assert!(ps.windows(2).all(|w| w[0] <= w[1]), "{ps:?}");
        assert!(ps[3] <= h.max);
        assert_eq!(h.max, 1_000_000);
        assert_eq!(h.min, 10);
        assert!((h.mean() - 500_005.0).abs() < 1e-6);
    }

    #[test]
    fn small_values_are_exact_and_empty_is_zero() {
        let mut h = Histogram::new();
        assert_eq!(h.percentile(0.5), 0);
        for v in [3, 3, 3, 200] {
            h.record(v);
        }
        assert_eq!(h.percentile(0.5), 3);
        assert_eq!(h.percentile(0.999), 200);
        h.clear();
        assert_eq!(h.total, 0);
    }

    #[test]
    fn send_times_are_judged() {
        let mut t = Tally::new();
        let now = 1_700_000_000_000_000_000;
        t.stamp(now - 5_000, now);
        t.stamp(0, now);
        t.stamp(12345, now);
        t.stamp(now + 10, now);
        assert_eq!(t.latency.total, 2);
        assert_eq!(t.unstamped, 2);
        assert_eq!(t.skewed, 1);
        assert_eq!(t.latency.max, 5_000);
    }
}
