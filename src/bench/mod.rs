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

mod link;
mod peer;
mod report;
mod tally;

use std::time::{Duration, Instant};

use anyhow::{anyhow, Context as _, Result};

use crate::cli::{BenchArgs, BenchFormat, BenchRole, BenchTransport, Limit, SecurityArgs};
use crate::diag::log;
use crate::endpoint::{self, Direction, Endpoint};
use crate::event_loop::Interrupted;
use crate::exit::{Outcome, Usage};
use crate::patterns::{pattern, Kind};
use crate::security::Security;
use crate::signals::Signals;
use crate::socket::{self, SetOpt};
use crate::unread::{self, Waited};
use crate::wait::{self, Pacer, Wake};

use link::{read_mark, receive_whole, recv_part, wait_subscribers, Link, Mark};
use peer::{limit_arg, PeerProcess, PrivateDir};
use report::Report;
use tally::{nanos_of, wall_nanos, SenderSide, Tally};

/// First frame of the mark sent after the warm-up, before the measured messages.
const START_MARK: &[u8] = b"zmqcat-bench-start";
/// First frame of the mark sent after the last message; the second frame holds the count sent
/// and the sending time in nanoseconds (two u64, little-endian).
const END_MARK: &[u8] = b"zmqcat-bench-end";
/// Bytes of a send time at the start of a message.
const STAMP: usize = 8;

const DEFAULT_MESSAGES: u64 = 1_000_000;
const DEFAULT_ROUND_TRIPS: u64 = 10_000;
const DEFAULT_SIZE_LIMIT: usize = 1 << 30;

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
    let ctx = crate::context::Context::new();
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
        || a.curve_server_key.is_some()
        || !a.curve_allow.is_empty()
        || a.plain_server
        || a.plain_user.is_some()
        || a.plain_pass.is_some()
        || !a.allow_ip.is_empty()
        || !a.deny_ip.is_empty()
}

/// Refuses what a bench run cannot do, or options that would mean nothing in its role.
fn check(a: &BenchArgs, pair: bool) -> Result<(), Usage> {
    let role = a.role;
    let name = role_name(role);
    if a.size > DEFAULT_SIZE_LIMIT {
        return Err(Usage(format!(
            "--size {}: at most {DEFAULT_SIZE_LIMIT} bytes (1 GiB)",
            a.size
        )));
    }
    // Options that mean something only for some roles are refused elsewhere, not ignored.
    let senders = pair || matches!(role, BenchRole::Push | BenchRole::Pub | BenchRole::Req);
    if a.rate.is_some() && !senders {
        return Err(Usage(format!(
            "--rate applies to push, pub and req, not to {name} (the sender sets the pace)"
        )));
    }
    if a.subscribers.is_some() && (pair || role != BenchRole::Pub) {
        return Err(Usage(
            "--subscribers applies to pub with an endpoint (without one, there is one)".into(),
        ));
    }
    if a.transport.is_some() && !pair {
        return Err(Usage(
            "--transport applies only without an endpoint (when zmqcat runs both ends)".into(),
        ));
    }
    if pair && any_security(&a.security) {
        return Err(Usage(
            "security options need an endpoint: without one, both ends are zmqcat processes \
             without keys"
                .into(),
        ));
    }
    if pair && a.transport == Some(BenchTransport::Ipc) && !zmq::has("ipc").unwrap_or(false) {
        return Err(Usage("the linked libzmq has no ipc transport".into()));
    }
    if let Some(n) = a.socket.max_msg_size {
        if n < -1 {
            return Err(Usage(format!(
                "--max-msg-size {n}: expected bytes, or -1 for no limit"
            )));
        }
    }
    Ok(())
}

impl Plan {
    fn new(a: &BenchArgs) -> Result<Plan> {
        let role = a.role;
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
        check(a, pair)?;
        let transport = a.transport.unwrap_or(BenchTransport::Tcp);
        let timeout = Limit::timeout(a.timeout);
        // What the process in this role owes its peer at exit: senders wait until it is read
        // (within --linger, else --timeout, else as long as it takes); receivers owe nothing.
        let owes = delivers(role) && !pair;
        let linger = Limit::linger(
            a.socket.linger,
            if owes { timeout } else { Some(Duration::ZERO) },
        );
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
        let mut opts = Vec::new();
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
        socket::options_for(&a.socket, self.linger, opts, self.security.options())
    }

    fn socket_type(role: BenchRole) -> crate::context::SocketType {
        match role {
            BenchRole::Pub => crate::context::XPUB,
            other => pattern(kind_of(other)).socket,
        }
    }

    fn open<'s>(
        &self,
        ctx: &crate::context::Context,
        signals: &'s Signals,
        role: BenchRole,
        endpoints: &[Endpoint],
        private: bool,
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
            private,
            watch,
        )?;
        // A wildcard bind is named by the port it got, not by its `*`.
        let peer = socket::addresses(&socket::resolved(&sock, endpoints));
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
    fn run_one(
        &self,
        ctx: &crate::context::Context,
        signals: &Signals,
    ) -> Result<(Report, Result<()>)> {
        let mut link = self.open(ctx, signals, self.role, &self.endpoints, false)?;
        let endpoint = socket::resolved(&link.sock, &self.endpoints)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let mut tally = Tally::new();
        let result = self.play(self.role, &mut link, &mut tally);
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
        ctx: &crate::context::Context,
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
        let mut link = self.open(ctx, signals, own, std::slice::from_ref(&private), true)?;
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
