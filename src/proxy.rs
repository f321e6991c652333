//! `zmqcat proxy FRONT BACK`: the shared queue, the forwarder and the streamer.
//!
//! Without `--capture`, libzmq's steerable proxy moves the messages on its own thread (as fast as
//! libzmq goes), and the main thread waits for a signal, then sends TERMINATE (and STATISTICS for
//! `--stats`) on the control socket and joins it. With `--capture`, zmqcat forwards messages
//! itself so that it can print each one with the side it came in from, which libzmq's capture
//! socket does not tell.
//!
//! dish→radio is the group forwarder: the dish joins the groups of `-j`, and each message goes
//! out of the radio in the group it came in. The group is a property of the message, which
//! both paths keep: libzmq's proxy sends the very `zmq_msg_t` it received, and so does
//! `--capture` (a `draft::Msg`).

use std::ffi::CString;
use std::time::Instant;

use anyhow::{Context as _, Result};

use crate::cli::{Limit, ProxyArgs};
use crate::codec::{Encoder, Style};
use crate::diag::log;
use crate::endpoint::{self, SocketSpec};
use crate::exit::{Outcome, Usage};
use crate::io::{Closed, Output};
use crate::monitor::{EventLog, Monitor, Watch};
use crate::patterns::Kind;
use crate::progress;
use crate::security::{self, Security};
use crate::signals::Signals;
use crate::socket::{self, SetOpt};
use crate::wait::{self, Wake};

/// Counts per direction: front→back first.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    messages: [u64; 2],
    bytes: [u64; 2],
}

/// Which pairs make a proxy, and why the others do not.
fn check_pair(front: Kind, back: Kind) -> Result<(), Usage> {
    use Kind::*;
    let fine = matches!(
        (front, back),
        (Router, Dealer)
            | (Dealer, Router)
            | (Dealer, Dealer)
            | (Xsub, Xpub)
            | (Xsub, Pub)
            | (Sub, Xpub)
            | (Sub, Pub)
            | (Sub, Push)
            | (Pull, Push)
            | (Pull, Pub)
            | (Pair, Pair)
            // The thread-safe (draft) streamer and exclusive pair: single frames, no
            // properties to lose on the way.
            | (Gather, Scatter)
            | (Channel, Channel)
            // The group forwarder: the group travels with the message (a property).
            | (Dish, Radio)
    );
    if fine {
        return Ok(());
    }
    let reason = if !front.receives() {
        format!(
            "a {} socket cannot receive, so it cannot be the front",
            front.name()
        )
    } else if !back.sends() {
        format!(
            "a {} socket cannot send, so it cannot be the back",
            back.name()
        )
    } else if matches!(front, Req | Rep) || matches!(back, Req | Rep) {
        "REQ and REP sockets enforce strict request-reply turns; a broker uses router and dealer"
            .to_string()
    } else if front == Router && back == Router {
        "ROUTER to ROUTER needs a routing decision per message: use `zmqcat router --coproc`".into()
    } else if [front, back]
        .iter()
        .any(|k| matches!(k, Server | Client | Peer))
    {
        // A SERVER's routing id is a property of the message, not a frame a DEALER-like back
        // could carry and bring back: the reply would have no way home.
        "a server, client or peer addresses its peers by routing ids that are message \
         properties, not frames: a client cannot route a reply back to the server's original \
         client, so nothing carries a request-reply through a proxy (a broker needs router and \
         dealer)"
            .to_string()
    } else if front == Dish {
        "a dish's messages carry their group as a property, which only a radio sends on: use \
         dish→radio with -j"
            .to_string()
    } else if back == Radio {
        "a radio sends every message to a group, which only a dish's messages carry: use \
         dish→radio with -j"
            .to_string()
    } else {
        format!(
            "{} to {} does not forward anything useful",
            front.name(),
            back.name()
        )
    };
    Err(Usage(format!(
        "proxy {}→{}: {reason} (useful pairs: router→dealer shared queue, xsub→xpub forwarder, \
         pull→push streamer, pair→pair; with the draft API gather→scatter, channel→channel and \
         dish→radio group forwarder)",
        front.name(),
        back.name()
    )))
}

/// How long a message in hand (and what the sockets queued) may take to leave after a signal,
/// unless --linger says.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// One side of the proxy, resolved.
struct Side {
    spec: SocketSpec,
    label: String,
    options: Vec<SetOpt>,
    security: Security,
    /// The groups a dish front joins once open (-j).
    joins: Vec<CString>,
}

/// Both sides, resolved and checked: what a run opens and `--explain` shows.
fn sides(args: &ProxyArgs) -> Result<[Side; 2]> {
    let has = |cap: &str| zmq::has(cap).unwrap_or(false);
    let front = endpoint::parse_spec(&args.front, &has)?;
    let back = endpoint::parse_spec(&args.back, &has)?;
    check_pair(front.kind, back.kind)?;
    if crate::patterns::pattern(front.kind).socket.is_draft() {
        crate::draft::require(&format!("proxy's {} socket", front.kind.name()))?;
    }
    let joins = front_groups(&args.join, front.kind)?;
    // Like any sender stopped by a signal: what was taken in gets a short grace to leave.
    let linger = Limit::linger(args.socket.linger, Some(GRACE));
    let front_label = front.label.clone().unwrap_or_else(|| "front".into());
    let back_label = back.label.clone().unwrap_or_else(|| "back".into());
    Security::check_scopes(&args.scoped, &[&front_label, &back_label])?;
    let side = |spec: SocketSpec, label: String| -> Result<Side> {
        let security =
            Security::for_socket(&args.security, &args.scoped, &label, args.log.verbose)?;
        let own = match spec.kind {
            Kind::Sub => socket::subscriptions(&[])?,
            _ => Vec::new(),
        };
        let options = socket::options_for(&args.socket, linger, own, security.options())?;
        Ok(Side {
            spec,
            label,
            options,
            security,
            joins: Vec::new(),
        })
    };
    let mut front = side(front, front_label)?;
    front.joins = joins;
    Ok([front, side(back, back_label)?])
}

/// The groups a dish front joins (`-j`), checked: a dish without any would forward nothing,
/// and `-j` with another front would do nothing, so both are usage errors.
fn front_groups(join: &[String], front: Kind) -> Result<Vec<CString>, Usage> {
    let groups = crate::framing::groups(join)?;
    match (front, groups.is_empty()) {
        (Kind::Dish, true) => Err(Usage(
            "proxy dish→radio: the dish joins no group, so it would forward nothing: give -j \
             GROUP (repeatable)"
                .into(),
        )),
        (Kind::Dish, false) | (_, true) => Ok(groups),
        (other, false) => Err(Usage(format!(
            "-j/--join is for a dish front (dish→radio); the front is a {} socket",
            other.name()
        ))),
    }
}

/// The plan of `proxy` for `--explain`.
pub fn explain(args: &ProxyArgs) -> Result<serde_json::Value> {
    let sides = sides(args)?;
    let style = args.format.style(Kind::Pair)?;
    let shown: Vec<serde_json::Value> = sides
        .iter()
        .map(|s| {
            let kind = crate::patterns::pattern(s.spec.kind).socket;
            let e = &s.spec.endpoints;
            crate::explain::socket(kind, Some(&s.label), e, &s.options, &s.security)
        })
        .collect();
    Ok(serde_json::json!({
        "sockets": shown,
        "capture": args.capture.then(|| {
            let mut format = crate::explain::format(&style);
            let ids = sides.iter().any(|s| s.spec.kind == Kind::Router);
            format["routing_id_field"] = (ids && style.format.has_terminator()).into();
            format
        }),
        "stats": args.stats,
        "groups": {
            "join": sides[0].joins.iter().map(|g| g.to_string_lossy()).collect::<Vec<_>>(),
        },
        "diagnostics": {
            "verbose": args.log.verbose,
            "events": args.log.events.as_ref().map(|p| p.display().to_string()),
        },
    }))
}

pub fn run(args: &ProxyArgs) -> Result<Outcome> {
    let [front_side, back_side] = sides(args)?;
    let style = args.format.style(Kind::Pair)?;
    let verbose = args.log.verbose;
    let (front, back) = (&front_side.spec, &back_side.spec);
    let (front_label, back_label) = (front_side.label.as_str(), back_side.label.as_str());
    let (front_opts, back_opts) = (&front_side.options, &back_side.options);
    let security = [front_side.security.clone(), back_side.security.clone()];

    let signals = Signals::install().context("installing signal handlers")?;
    let ctx = crate::context::Context::new();
    let zap = security::start_zap(&ctx, &security)?;
    security::announce_all(&security, verbose);
    let events = args.log.events.as_deref().map(EventLog::open).transpose()?;
    let open = |spec: &SocketSpec, opts: &[SetOpt], label: &str, security: &Security| {
        let watch = Some(Watch {
            verbose,
            events: events.clone(),
            label: Some(label.to_string()),
            secured: security.mechanism() != "NULL",
            mechanism: security.mechanism(),
            quiet: args.log.quiet,
        });
        socket::open(
            &ctx,
            crate::patterns::pattern(spec.kind).socket,
            opts,
            &spec.endpoints,
            verbose,
            false,
            watch,
        )
    };
    let (mut front_sock, front_mon) = open(front, front_opts, front_label, &security[0])?;
    for group in &front_side.joins {
        crate::draft::membership(&mut front_sock, group, true)
            .with_context(|| format!("joining group {}", group.to_string_lossy()))?;
    }
    let (back_sock, back_mon) = open(back, back_opts, back_label, &security[1])?;
    let front_watched = front_mon.is_some();
    let mut monitors: Vec<Monitor> = front_mon.into_iter().chain(back_mon).collect();
    let started = Instant::now();

    let (outcome, counts) = if args.capture {
        let kinds = [front.kind, back.kind];
        let socks = [front_sock, back_sock];
        let watched = (front_watched, &mut monitors);
        capture(args, style, kinds, socks, watched, &signals)?
    } else {
        steerable(
            &ctx,
            front_sock,
            back_sock,
            &signals,
            &mut monitors,
            args.stats,
        )?
    };
    if args.stats {
        print_stats(&counts, started.elapsed().as_secs_f64());
    }
    drop(monitors);
    drop(zap);
    Ok(outcome)
}

/// `--capture`: forwards in this thread and prints every message on stdout in `style`. The
/// flag of `watched` says whether the first of its monitors is the front socket's.
fn capture(
    args: &ProxyArgs,
    style: Style,
    [front, back]: [Kind; 2],
    [mut front_sock, mut back_sock]: [crate::context::Socket; 2],
    (front_watched, monitors): (bool, &mut Vec<Monitor>),
    signals: &Signals,
) -> Result<(Outcome, Counts)> {
    let capture = Capture {
        output: Output::stdout(Encoder::new(style)),
        // Between a ROUTER and its peer, every message starts with a routing id (the
        // sender's on the way in, the addressee's on the way out).
        ids: front == Kind::Router || back == Kind::Router,
        grouped: (front == Kind::Dish).then(crate::draft::Msg::new),
    };
    let both_ways = back.receives() && front.sends();
    let grace = Limit::linger(args.socket.linger, Some(GRACE));
    let captured = capture_loop(
        &mut front_sock,
        &mut back_sock,
        both_ways,
        capture,
        signals,
        monitors,
        grace,
    );
    // The sockets close after this: their monitors must be detached first (libzmq #3575).
    let mut monitors = monitors.drain(..);
    if front_watched {
        if let Some(m) = monitors.next() {
            m.detach(&mut front_sock);
        }
    }
    if let Some(m) = monitors.next() {
        m.detach(&mut back_sock);
    }
    captured
}

fn print_stats(c: &Counts, secs: f64) {
    let rate = |n: u64| progress::rate(if secs > 0.0 { n as f64 / secs } else { 0.0 });
    log!(
        "proxy stats: front→back {} messages {} bytes ({} msg/s), back→front {} messages {} bytes ({} msg/s), {:.3} s",
        c.messages[0],
        c.bytes[0],
        rate(c.messages[0]),
        c.messages[1],
        c.bytes[1],
        rate(c.messages[1]),
        secs
    );
}

/// Waits for a signal while watching the monitors; returns the signal.
fn wait_signal(signals: &Signals, monitors: &mut [Monitor]) -> Result<i32> {
    loop {
        let mut items = vec![wait::signal_item(signals)];
        items.extend(monitors.iter().map(Monitor::poll_item));
        let woke = wait::wait(signals, &mut items, None, "waiting for a signal")?;
        let ready = wait::readable(&items[1..]);
        drop(items);
        wait::drain_monitors(monitors.iter_mut(), ready)?;
        if let Wake::Signal(sig) = woke {
            return Ok(sig);
        }
    }
}

/// libzmq's proxy on a joined thread, steered through an inproc control socket.
fn steerable(
    ctx: &crate::context::Context,
    mut front: crate::context::Socket,
    mut back: crate::context::Socket,
    signals: &Signals,
    monitors: &mut [Monitor],
    stats: bool,
) -> Result<(Outcome, Counts)> {
    let address = format!("inproc://zmqcat-proxy-control-{}", std::process::id());
    let control = ctx.socket(crate::context::PAIR)?;
    control.set_linger(0)?;
    control.bind(&address)?;
    let mut proxy_end = ctx.socket(crate::context::PAIR)?;
    proxy_end.set_linger(0)?;
    proxy_end.connect(&address)?;
    let proxy = std::thread::spawn(move || {
        let result = zmq::proxy_steerable(&mut front, &mut back, &mut proxy_end);
        drop((front, back, proxy_end));
        result
    });
    // Whatever happens while waiting, the proxy thread is stopped and joined: the context
    // could not end while it holds the sockets.
    let waited = wait_signal(signals, monitors);
    let counts = match (&waited, stats) {
        (Ok(_), true) => proxy_counts(&control),
        _ => Ok(Counts::default()),
    };
    control.send("TERMINATE", 0)?;
    match proxy.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e).context("the proxy stopped"),
        Err(_) => anyhow::bail!("the proxy thread panicked"),
    }
    Ok((Outcome::Interrupted(waited?), counts?))
}

/// The proxy's own counters, read after pausing it so that nothing moves between the count
/// and the end.
///
/// libzmq 4.3.5 changed the control protocol: every command is answered (an empty message
/// unless it is STATISTICS), and its parser swaps PAUSE and RESUME (`memcmp` tested without
/// `== 0` in proxy.cpp), so there the word that pauses is RESUME. Empty answers are skipped.
fn proxy_counts(control: &zmq::Socket) -> Result<Counts> {
    let mut counts = Counts::default();
    let pause = if zmq::version() == (4, 3, 5) {
        "RESUME"
    } else {
        "PAUSE"
    };
    control.send(pause, 0)?;
    control.send("STATISTICS", 0)?;
    // At most the answer to the pause comes first.
    for _ in 0..2 {
        let frames = control.recv_multipart(0)?;
        if frames.len() != 8 {
            continue;
        }
        // Front messages in, bytes in, messages out, bytes out; then the same for the back.
        let n: Vec<u64> = frames
            .iter()
            .map(|f| f.as_slice().try_into().map_or(0, u64::from_ne_bytes))
            .collect();
        counts.messages = [n[0], n[4]];
        counts.bytes = [n[1], n[5]];
        break;
    }
    Ok(counts)
}

/// Forwards messages both ways itself, printing each with the side it came in from.
fn capture_loop(
    front: &mut zmq::Socket,
    back: &mut zmq::Socket,
    both_ways: bool,
    mut capture: Capture,
    signals: &Signals,
    monitors: &mut [Monitor],
    grace: Option<std::time::Duration>,
) -> Result<(Outcome, Counts)> {
    let mut counts = Counts::default();
    let mut stop = Stop {
        signals,
        signal: None,
        grace,
        deadline: None,
    };
    let directions = if both_ways { 2 } else { 1 };
    let result = (|| -> Result<i32> {
        loop {
            capture.output.flush()?;
            let mut items = vec![
                wait::signal_item(signals),
                front.as_poll_item(zmq::POLLIN),
                back.as_poll_item(if both_ways {
                    zmq::POLLIN
                } else {
                    zmq::PollEvents::empty()
                }),
            ];
            items.extend(monitors.iter().map(Monitor::poll_item));
            let woke = wait::wait(signals, &mut items, None, "polling the proxy sockets")?;
            let ready = wait::readable(&items[3..]);
            drop(items);
            wait::drain_monitors(monitors.iter_mut(), ready)?;
            if let Wake::Signal(sig) = woke {
                return Ok(sig);
            }
            // A bounded batch per side in turn: neither direction starves the other.
            for dir in 0..directions {
                let (from, to, label) = match dir {
                    0 => (&mut *front, &mut *back, "front"),
                    _ => (&mut *back, &mut *front, "back"),
                };
                let mut way = Way {
                    from,
                    to,
                    label,
                    dir,
                };
                for _ in 0..256 {
                    let more = if capture.grouped.is_some() {
                        forward_grouped(&mut way, &mut capture, &mut counts, &mut stop)?
                    } else {
                        forward(&way, &mut capture, &mut counts, &mut stop)?
                    };
                    if !more {
                        break;
                    }
                }
                if let Some(sig) = stop.signal {
                    return Ok(sig);
                }
            }
        }
    })();
    let flushed = capture.output.flush();
    let sig = match result.and_then(|s| flushed.map(|()| s)) {
        Ok(sig) => sig,
        Err(e) if e.is::<Closed>() => return Ok((Outcome::Done, counts)),
        Err(e) => return Err(e),
    };
    Ok((Outcome::Interrupted(sig), counts))
}

/// Where `--capture` prints, and whether the first frame of each message is a routing id,
/// printed as `router` prints one (`0x…` when not printable).
struct Capture {
    output: Output,
    ids: bool,
    /// dish→radio: the message each group travels in, printed `front<TAB>group<TAB>body`.
    grouped: Option<crate::draft::Msg>,
}

/// One direction of the proxy: `label` is the side messages come in from, `dir` its index in
/// [`Counts`].
struct Way<'s> {
    from: &'s mut zmq::Socket,
    to: &'s mut zmq::Socket,
    label: &'static str,
    dir: usize,
}

/// A signal that came while a message was in hand, and how long that message may still take.
struct Stop<'a> {
    signals: &'a Signals,
    signal: Option<i32>,
    grace: Option<std::time::Duration>,
    deadline: Option<std::time::Instant>,
}

impl Stop<'_> {
    /// Waits until `to` has room, a signal comes, or the grace after one ends (false).
    fn wait_room(&mut self, to: &zmq::Socket) -> Result<bool> {
        let mut items = [
            wait::signal_item(self.signals),
            to.as_poll_item(zmq::POLLOUT),
        ];
        match wait::wait(
            self.signals,
            &mut items,
            self.deadline,
            "waiting to forward",
        )? {
            Wake::Expired => return Ok(false),
            Wake::Signal(sig) if self.signal.is_none() => {
                self.signal = Some(sig);
                self.deadline = self.grace.map(|g| std::time::Instant::now() + g);
            }
            Wake::Signal(_) | Wake::Ready => {}
        }
        Ok(true)
    }
}

/// Forwards one message if one is ready, printing it first. False: nothing was ready, or the
/// message had to be abandoned after a signal (said on stderr).
fn forward(
    way: &Way<'_>,
    capture: &mut Capture,
    counts: &mut Counts,
    stop: &mut Stop<'_>,
) -> Result<bool> {
    let (from, to, label, dir) = (&*way.from, &*way.to, way.label, way.dir);
    let mut msg = zmq::Message::new();
    match from.recv(&mut msg, zmq::DONTWAIT) {
        Ok(()) => {}
        Err(zmq::Error::EAGAIN) => return Ok(false),
        Err(zmq::Error::EINTR) => return Ok(true),
        Err(e) => return Err(e).context("receiving in the proxy"),
    }
    capture.output.frame(label.as_bytes(), 0, true)?;
    let mut index = 1;
    loop {
        let more = msg.get_more();
        if index == 1 && capture.ids {
            capture.output.id_frame(&msg, index, more)?;
        } else {
            capture.output.frame(&msg, index, more)?;
        }
        counts.bytes[dir] += msg.len() as u64;
        let flags = if more { zmq::SNDMORE } else { 0 };
        // Without blocking: a stalled peer must not keep a signal from being seen.
        loop {
            match to.send(&msg[..], flags | zmq::DONTWAIT) {
                Ok(()) => break,
                Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => {
                    if !stop.wait_room(to)? {
                        log!("interrupted: a message taken in from the {label} could not be forwarded in time: abandoned");
                        return Ok(false);
                    }
                }
                Err(e) => return Err(e).context("forwarding in the proxy"),
            }
        }
        if !more {
            counts.messages[dir] += 1;
            return Ok(true);
        }
        from.recv(&mut msg, 0)?;
        index += 1;
    }
}

/// [`forward`] for dish→radio: the message is received and sent on as one `zmq_msg_t`, so its
/// group goes with it; printed `front<TAB>group<TAB>body` first.
fn forward_grouped(
    way: &mut Way<'_>,
    capture: &mut Capture,
    counts: &mut Counts,
    stop: &mut Stop<'_>,
) -> Result<bool> {
    let Some(msg) = capture.grouped.as_mut() else {
        return Ok(false);
    };
    match msg.recv(way.from, zmq::DONTWAIT) {
        Ok(()) => {}
        Err(zmq::Error::EAGAIN) => return Ok(false),
        Err(zmq::Error::EINTR) => return Ok(true),
        Err(e) => return Err(e).context("receiving in the proxy"),
    }
    capture.output.frame(way.label.as_bytes(), 0, true)?;
    capture.output.frame(msg.group(), 1, true)?;
    capture.output.frame(msg.data(), 2, false)?;
    counts.bytes[way.dir] += msg.data().len() as u64;
    loop {
        match msg.send(way.to, zmq::DONTWAIT) {
            Ok(()) => break,
            Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => {
                if !stop.wait_room(way.to)? {
                    log!("interrupted: a message taken in from the {} could not be forwarded in time: abandoned", way.label);
                    return Ok(false);
                }
            }
            Err(e) => return Err(e).context("forwarding in the proxy"),
        }
    }
    counts.messages[way.dir] += 1;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_checked_with_reasons() {
        assert!(check_pair(Kind::Router, Kind::Dealer).is_ok());
        assert!(check_pair(Kind::Xsub, Kind::Xpub).is_ok());
        assert!(check_pair(Kind::Pull, Kind::Push).is_ok());
        let e = check_pair(Kind::Push, Kind::Pull).unwrap_err().0;
        assert!(e.contains("cannot receive"), "{e}");
        let e = check_pair(Kind::Router, Kind::Pull).unwrap_err().0;
        assert!(e.contains("cannot send"), "{e}");
        let e = check_pair(Kind::Req, Kind::Rep).unwrap_err().0;
        assert!(e.contains("strict request-reply"), "{e}");
        let e = check_pair(Kind::Router, Kind::Router).unwrap_err().0;
        assert!(e.contains("--coproc"), "{e}");
        assert!(check_pair(Kind::Dish, Kind::Radio).is_ok());
        for (front, back) in [
            (Kind::Server, Kind::Client),
            (Kind::Client, Kind::Server),
            (Kind::Peer, Kind::Peer),
        ] {
            let e = check_pair(front, back).unwrap_err().0;
            assert!(e.contains("cannot route a reply back"), "{e}");
        }
        let e = check_pair(Kind::Dish, Kind::Pub).unwrap_err().0;
        assert!(e.contains("dish→radio"), "{e}");
        let e = check_pair(Kind::Pull, Kind::Radio).unwrap_err().0;
        assert!(e.contains("dish→radio"), "{e}");
    }

    #[test]
    fn joins_belong_to_a_dish_front() {
        assert_eq!(front_groups(&["a".into()], Kind::Dish).unwrap().len(), 1);
        assert!(front_groups(&[], Kind::Pull).unwrap().is_empty());
        assert!(front_groups(&[], Kind::Dish).is_err());
        assert!(front_groups(&["a".into()], Kind::Pull).is_err());
        assert!(front_groups(&["a\0b".into()], Kind::Dish).is_err());
    }
}
