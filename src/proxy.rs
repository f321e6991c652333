//! `zmqcat proxy FRONT BACK`: the shared queue, the forwarder and the streamer.
//!
//! Without `--capture`, libzmq's steerable proxy moves the messages on its own thread (as fast as
//! libzmq goes), and the main thread waits for a signal, then sends TERMINATE (and STATISTICS for
//! `--stats`) on the control socket and joins it. With `--capture`, zmqcat forwards messages
//! itself so that it can print each one with the side it came in from, which libzmq's capture
//! socket does not tell.

use std::time::Instant;

use anyhow::{Context as _, Result};

use crate::cli::ProxyArgs;
use crate::codec::Encoder;
use crate::endpoint::{self, SocketSpec};
use crate::exit::{Outcome, Usage};
use crate::io::{Closed, Output};
use crate::log;
use crate::monitor::{EventLog, Monitor, Watch};
use crate::patterns::Kind;
use crate::security::{self, Security};
use crate::signals::Signals;
use crate::socket::{self, SetOpt};

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
    } else {
        format!(
            "{} to {} does not forward anything useful",
            front.name(),
            back.name()
        )
    };
    Err(Usage(format!(
        "proxy {}→{}: {reason} (useful pairs: router→dealer shared queue, xsub→xpub forwarder, \
         pull→push streamer, pair→pair)",
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
}

/// Both sides, resolved and checked: what a run opens and `--explain` shows.
fn sides(args: &ProxyArgs) -> Result<[Side; 2]> {
    let has = |cap: &str| zmq::has(cap).unwrap_or(false);
    let front = endpoint::parse_spec(&args.front, &has)?;
    let back = endpoint::parse_spec(&args.back, &has)?;
    check_pair(front.kind, back.kind)?;
    let linger = match args.socket.linger {
        Some(crate::cli::Limit::After(d)) => Some(d),
        Some(crate::cli::Limit::Never) => None,
        // Like any sender stopped by a signal: what was taken in gets a short grace to leave.
        None => Some(GRACE),
    };
    let front_label = front.label.clone().unwrap_or_else(|| "front".into());
    let back_label = back.label.clone().unwrap_or_else(|| "back".into());
    Security::check_scopes(&args.scoped, &[&front_label, &back_label])?;
    let side = |spec: SocketSpec, label: String| -> Result<Side> {
        let security =
            Security::for_socket(&args.security, &args.scoped, &label, args.log.verbose)?;
        let mut options = socket::options_from(&args.socket, linger)?;
        if spec.kind == Kind::Sub {
            options.extend(socket::subscriptions(&[])?);
        }
        options.extend(security.options().iter().cloned());
        options.extend(socket::user_options(&args.socket)?);
        Ok(Side {
            spec,
            label,
            options,
            security,
        })
    };
    Ok([side(front, front_label)?, side(back, back_label)?])
}

/// The plan of `proxy` for `--explain`.
pub fn explain(args: &ProxyArgs) -> Result<serde_json::Value> {
    let sides = sides(args)?;
    let style = crate::app::style_of(Kind::Pair, &args.format)?;
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
        "capture": args.capture.then(|| crate::explain::format(&style)),
        "stats": args.stats,
        "diagnostics": {
            "verbose": args.log.verbose,
            "events": args.log.events.as_ref().map(|p| p.display().to_string()),
        },
    }))
}

pub fn run(args: &ProxyArgs) -> Result<Outcome> {
    let [front_side, back_side] = sides(args)?;
    let style = crate::app::style_of(Kind::Pair, &args.format)?;
    let verbose = args.log.verbose;
    let (front, back) = (&front_side.spec, &back_side.spec);
    let (front_label, back_label) = (front_side.label.as_str(), back_side.label.as_str());
    let (front_opts, back_opts) = (&front_side.options, &back_side.options);
    let security = [front_side.security.clone(), back_side.security.clone()];

    let signals = Signals::install().context("installing signal handlers")?;
    let ctx = zmq::Context::new();
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
            args.log.quiet,
            watch,
        )
    };
    let (front_sock, front_mon) = open(front, front_opts, front_label, &security[0])?;
    let (back_sock, back_mon) = open(back, back_opts, back_label, &security[1])?;
    let mut monitors: Vec<Monitor> = front_mon.into_iter().chain(back_mon).collect();
    let started = Instant::now();

    let (outcome, counts) = if args.capture {
        let output = Output::stdout(Encoder::new(style));
        let both_ways = back.kind.receives() && front.kind.sends();
        let grace = match args.socket.linger {
            Some(crate::cli::Limit::After(d)) => Some(d),
            Some(crate::cli::Limit::Never) => None,
            None => Some(GRACE),
        };
        capture_loop(
            &front_sock,
            &back_sock,
            both_ways,
            output,
            &signals,
            &mut monitors,
            grace,
        )?
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

fn print_stats(c: &Counts, secs: f64) {
    let rate = |n: u64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
    log!(
        "proxy stats: front→back {} messages {} bytes ({:.0} msg/s), back→front {} messages {} bytes ({:.0} msg/s), {:.3} s",
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
        let mut items: Vec<zmq::PollItem> = vec![zmq::PollItem::from_fd(signals.fd(), zmq::POLLIN)];
        items.extend(monitors.iter().map(Monitor::poll_item));
        match zmq::poll(&mut items, -1) {
            Ok(_) | Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("waiting for a signal"),
        }
        let signalled = items[0].is_readable();
        let ready: Vec<bool> = items[1..].iter().map(|i| i.is_readable()).collect();
        drop(items);
        for (m, r) in monitors.iter_mut().zip(ready) {
            if r {
                m.drain()?;
            }
        }
        if signalled {
            if let Some(sig) = signals.pending() {
                return Ok(sig);
            }
        }
    }
}

/// libzmq's proxy on a joined thread, steered through an inproc control socket.
fn steerable(
    ctx: &zmq::Context,
    mut front: zmq::Socket,
    mut back: zmq::Socket,
    signals: &Signals,
    monitors: &mut [Monitor],
    stats: bool,
) -> Result<(Outcome, Counts)> {
    let address = format!("inproc://zmqcat-proxy-control-{}", std::process::id());
    let control = ctx.socket(zmq::PAIR)?;
    control.set_linger(0)?;
    control.bind(&address)?;
    let mut proxy_end = ctx.socket(zmq::PAIR)?;
    proxy_end.set_linger(0)?;
    proxy_end.connect(&address)?;
    let proxy = std::thread::spawn(move || {
        let result = zmq::proxy_steerable(&mut front, &mut back, &mut proxy_end);
        drop((front, back, proxy_end));
        result
    });
    let sig = wait_signal(signals, monitors)?;
    let mut counts = Counts::default();
    if stats {
        // Paused first, so that nothing is forwarded between the count and the end.
        control.send("PAUSE", 0)?;
        control.send("STATISTICS", 0)?;
        let frames = control.recv_multipart(0)?;
        // Front messages in, bytes in, messages out, bytes out; then the same for the back.
        let n: Vec<u64> = frames
            .iter()
            .map(|f| f.as_slice().try_into().map_or(0, u64::from_ne_bytes))
            .collect();
        if n.len() == 8 {
            counts.messages = [n[0], n[4]];
            counts.bytes = [n[1], n[5]];
        }
    }
    control.send("TERMINATE", 0)?;
    match proxy.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e).context("the proxy stopped"),
        Err(_) => anyhow::bail!("the proxy thread panicked"),
    }
    Ok((Outcome::Interrupted(sig), counts))
}

/// Forwards messages both ways itself, printing each with the side it came in from.
fn capture_loop(
    front: &zmq::Socket,
    back: &zmq::Socket,
    both_ways: bool,
    mut output: Output,
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
    let all_sides = [(front, back, "front"), (back, front, "back")];
    let sides = &all_sides[..if both_ways { 2 } else { 1 }];
    let result = (|| -> Result<i32> {
        loop {
            output.flush()?;
            let mut items: Vec<zmq::PollItem> = vec![
                zmq::PollItem::from_fd(signals.fd(), zmq::POLLIN),
                front.as_poll_item(zmq::POLLIN),
                back.as_poll_item(if both_ways {
                    zmq::POLLIN
                } else {
                    zmq::PollEvents::empty()
                }),
            ];
            items.extend(monitors.iter().map(Monitor::poll_item));
            match zmq::poll(&mut items, -1) {
                Ok(_) | Err(zmq::Error::EINTR) => {}
                Err(e) => return Err(e).context("polling the proxy sockets"),
            }
            let signalled = items[0].is_readable();
            let events: Vec<bool> = items[3..].iter().map(|i| i.is_readable()).collect();
            drop(items);
            if signalled {
                if let Some(sig) = signals.pending() {
                    return Ok(sig);
                }
            }
            for (m, ready) in monitors.iter_mut().zip(events) {
                if ready {
                    m.drain()?;
                }
            }
            // A bounded batch per side in turn: neither direction starves the other.
            for (dir, (from, to, label)) in sides.iter().enumerate() {
                for _ in 0..256 {
                    if !forward(from, to, label, &mut output, &mut counts, dir, &mut stop)? {
                        break;
                    }
                }
                if let Some(sig) = stop.signal {
                    return Ok(sig);
                }
            }
        }
    })();
    let flushed = output.flush();
    let sig = match result.and_then(|s| flushed.map(|()| s)) {
        Ok(sig) => sig,
        Err(e) if e.is::<Closed>() => return Ok((Outcome::Done, counts)),
        Err(e) => return Err(e),
    };
    Ok((Outcome::Interrupted(sig), counts))
}

/// Moves one message if one is ready, writing it to `output` after `label`.
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
        if self
            .deadline
            .is_some_and(|d| std::time::Instant::now() >= d)
        {
            return Ok(false);
        }
        let ms = self.deadline.map_or(-1, |d| {
            let left = d.saturating_duration_since(std::time::Instant::now());
            left.as_millis().max(1) as i64
        });
        let mut items = [
            zmq::PollItem::from_fd(self.signals.fd(), zmq::POLLIN),
            to.as_poll_item(zmq::POLLOUT),
        ];
        match zmq::poll(&mut items, ms) {
            Ok(_) | Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("waiting to forward"),
        }
        if items[0].is_readable() && self.signal.is_none() {
            if let Some(sig) = self.signals.pending() {
                self.signal = Some(sig);
                self.deadline = self.grace.map(|g| std::time::Instant::now() + g);
            }
        }
        Ok(true)
    }
}

/// Forwards one message if one is ready, printing it first. False: nothing was ready, or the
/// message had to be abandoned after a signal (said on stderr).
fn forward(
    from: &zmq::Socket,
    to: &zmq::Socket,
    label: &str,
    output: &mut Output,
    counts: &mut Counts,
    dir: usize,
    stop: &mut Stop<'_>,
) -> Result<bool> {
    let mut msg = zmq::Message::new();
    match from.recv(&mut msg, zmq::DONTWAIT) {
        Ok(()) => {}
        Err(zmq::Error::EAGAIN) => return Ok(false),
        Err(zmq::Error::EINTR) => return Ok(true),
        Err(e) => return Err(e).context("receiving in the proxy"),
    }
    output.frame(label.as_bytes(), 0, true)?;
    let mut index = 1;
    loop {
        let more = msg.get_more();
        output.frame(&msg, index, more)?;
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
    }
}
