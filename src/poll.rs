//! `zmqcat poll SPEC…`: several sockets in one process (the guide's mspoller). Every received
//! message is printed after the label of the socket it came from; input messages whose first
//! field is a label are sent on that socket. Sockets are served in turn, a bounded batch each,
//! so one busy socket cannot starve the others.
//!
//! SERVER and PEER messages carry a routing id, RADIO and DISH messages a group, as a property,
//! not a frame: they are shown and read as the field after the label (`label<TAB>id<TAB>body`),
//! as the standalone commands show and read them as a first field.

use std::ffi::CString;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::cli::{Limit, PollArgs};
use crate::codec::{DecodeError, Decoder, Encoder, Frames};
use crate::diag::log;
use crate::endpoint;
use crate::event_loop::{self, send_parts, Interrupted};
use crate::exit::{Outcome, Timeout, Usage};
use crate::framing;
use crate::io::{Closed, Input, InputError, Next, Output};
use crate::monitor::{EventLog, Monitor, Watch};
use crate::patterns::{pattern, Addressing, Kind};
use crate::security::{self, Security};
use crate::signals::Signals;
use crate::socket::{self, SetOpt};
use crate::trace;
use crate::wait::{self, Wake};

/// Messages taken from one socket before the next gets its turn.
const BATCH: usize = 64;

struct Polled {
    label: String,
    kind: Kind,
    sock: crate::context::Socket,
    /// With -v or --events.
    monitor: Option<Monitor>,
}

/// One socket of `poll`, resolved.
struct Planned {
    spec: endpoint::SocketSpec,
    label: String,
    options: Vec<SetOpt>,
    security: Security,
    /// The groups a DISH joins once open (-j); none for the other types.
    joins: Vec<CString>,
}

/// Every socket, resolved and checked: what a run opens and `--explain` shows.
fn planned(args: &PollArgs, linger: Option<Duration>) -> Result<Vec<Planned>> {
    let has = |cap: &str| zmq::has(cap).unwrap_or(false);
    let specs = args
        .specs
        .iter()
        .map(|s| endpoint::parse_spec(s, &has))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(s) = specs.iter().find(|s| pattern(s.kind).socket.is_draft()) {
        crate::draft::require(&format!("poll's {} socket", s.kind.name()))?;
    }
    let labels = labels(&specs)?;
    let joins = dish_groups(&args.join, &specs, &labels)?;
    Security::check_scopes(
        &args.scoped,
        &labels.iter().map(String::as_str).collect::<Vec<_>>(),
    )?;
    let mut out = Vec::new();
    for (spec, label) in specs.into_iter().zip(labels) {
        let security =
            Security::for_socket(&args.security, &args.scoped, &label, args.run.log.verbose)?;
        let own = match spec.kind {
            Kind::Sub => socket::subscriptions(&args.subscribe)?,
            Kind::Router => vec![SetOpt::int("router_mandatory", 1)?],
            _ => Vec::new(),
        };
        let options = socket::options_for(&args.socket, linger, own, security.options())?;
        out.push(Planned {
            joins: if spec.kind == Kind::Dish {
                joins.clone()
            } else {
                Vec::new()
            },
            spec,
            label,
            options,
            security,
        });
    }
    Ok(out)
}

/// The groups every DISH joins (`-j`), checked: a dish without any would receive nothing, and
/// `-j` without a dish would do nothing, so both are usage errors.
fn dish_groups(
    join: &[String],
    specs: &[endpoint::SocketSpec],
    labels: &[String],
) -> Result<Vec<CString>, Usage> {
    let groups = framing::groups(join)?;
    let dish = specs.iter().position(|s| s.kind == Kind::Dish);
    match dish {
        Some(i) if groups.is_empty() => Err(Usage(format!(
            "poll's dish socket '{}' joins no group, so it would receive nothing: give -j GROUP \
             (repeatable; every dish socket joins them)",
            labels[i]
        ))),
        None if !groups.is_empty() => Err(Usage(
            "-j/--join is for dish sockets, and no SPEC is a dish".into(),
        )),
        _ => Ok(groups),
    }
}

/// How long the sockets may take to deliver at exit, and the idle timeout.
fn limits(args: &PollArgs) -> (Option<Duration>, Option<Duration>) {
    let timeout = Limit::timeout(args.run.timeout);
    let linger = Limit::linger(args.socket.linger, timeout.or(Some(Duration::from_secs(1))));
    (linger, timeout)
}

/// The plan of `poll` for `--explain`.
pub fn explain(args: &PollArgs) -> Result<serde_json::Value> {
    let (linger, timeout) = limits(args);
    let planned = planned(args, linger)?;
    let style = args.format.style(Kind::Pair)?;
    let shown: Vec<serde_json::Value> = planned
        .iter()
        .map(|p| {
            let kind = pattern(p.spec.kind).socket;
            let e = &p.spec.endpoints;
            crate::explain::socket(kind, Some(&p.label), e, &p.options, &p.security)
        })
        .collect();
    use crate::explain::duration;
    let joins = planned
        .iter()
        .find(|p| !p.joins.is_empty())
        .map(|p| &p.joins);
    Ok(serde_json::json!({
        "sockets": shown,
        "groups": {
            "join": joins.into_iter().flatten().map(|g| g.to_string_lossy()).collect::<Vec<_>>(),
            "dishes": planned.iter().filter(|p| !p.joins.is_empty()).map(|p| &p.label).collect::<Vec<_>>(),
        },
        "format": crate::explain::format(&style),
        "limits": {
            "count": args.run.count,
            "timeout": duration(timeout),
            "deadline": duration(args.run.deadline),
            "linger": match linger { Some(l) => duration(Some(l)), None => "infinite".into() },
        },
        "diagnostics": {
            "verbose": args.run.log.verbose,
            "events": args.run.log.events.as_ref().map(|p| p.display().to_string()),
            "trace": args.run.trace,
        },
    }))
}

pub fn run(args: &PollArgs) -> Result<Outcome> {
    let (linger, timeout) = limits(args);
    let planned = planned(args, linger)?;
    let style = args.format.style(Kind::Pair)?;
    let verbose = args.run.log.verbose;
    let security: Vec<Security> = planned.iter().map(|p| p.security.clone()).collect();
    let signals = Signals::install().context("installing signal handlers")?;
    if let Some(d) = args.run.deadline {
        signals
            .arm_deadline(d)
            .context("starting the deadline timer")?;
    }
    let ctx = crate::context::Context::new();
    let zap = security::start_zap(&ctx, &security)?;
    security::announce_all(&security, verbose);
    let events = args
        .run
        .log
        .events
        .as_deref()
        .map(EventLog::open)
        .transpose()?;
    let sockets = open_all(&ctx, planned, args, &events)?;

    let mut poller = Poller {
        sockets,
        input: Input::stdin(Decoder::new(style, None)),
        output: Output::stdout(Encoder::new(style)),
        signals: &signals,
        count: args.run.count,
        timeout,
        received: 0,
        msg: zmq::Message::new(),
        draft_msg: crate::draft::Msg::new(),
        trace: args.run.trace,
    };
    let result = poller.run();
    let flushed = poller.output.flush();
    let result = result.and(flushed.or_else(|e| if e.is::<Closed>() { Ok(()) } else { Err(e) }));
    for p in &mut poller.sockets {
        let _ = p.sock.set_linger(0);
        if let Some(m) = p.monitor.take() {
            m.detach(&mut p.sock);
        }
    }
    drop(poller);
    drop(zap);
    event_loop::outcome(result)
}

/// Opens every planned socket (subscribing XSUBs upstream), watched by a monitor each.
fn open_all(
    ctx: &crate::context::Context,
    planned: Vec<Planned>,
    args: &PollArgs,
    events: &Option<EventLog>,
) -> Result<Vec<Polled>> {
    let verbose = args.run.log.verbose;
    let mut sockets = Vec::new();
    for Planned {
        spec,
        label,
        options: opts,
        security,
        joins,
    } in planned
    {
        let watch = Some(Watch {
            verbose,
            events: events.clone(),
            label: Some(label.clone()),
            secured: security.mechanism() != "NULL",
            mechanism: security.mechanism(),
            quiet: args.run.log.quiet,
        });
        // A PEER's connects are announced here with the routing id input addresses them by.
        let (mut sock, monitor) = socket::open(
            ctx,
            pattern(spec.kind).socket,
            &opts,
            &spec.endpoints,
            verbose,
            false,
            watch,
        )?;
        if spec.kind == Kind::Xsub {
            let prefixes = if args.subscribe.is_empty() {
                vec![String::new()]
            } else {
                args.subscribe.clone()
            };
            for p in prefixes {
                sock.send([&[1u8][..], p.as_bytes()].concat(), 0)?;
            }
        }
        for group in &joins {
            crate::draft::membership(&mut sock, group, true)
                .with_context(|| format!("joining group {} on {label}", group.to_string_lossy()))?;
        }
        sockets.push(Polled {
            monitor,
            label,
            kind: spec.kind,
            sock,
        });
    }
    Ok(sockets)
}

/// The label of each spec: its own, or its type name (numbered when the type repeats).
fn labels(specs: &[endpoint::SocketSpec]) -> Result<Vec<String>, Usage> {
    let mut out: Vec<String> = Vec::new();
    for spec in specs {
        let label = match &spec.label {
            Some(l) => l.clone(),
            None => {
                let base = spec.kind.name();
                let mut label = base.to_string();
                let mut n = 1;
                while out.contains(&label)
                    || specs.iter().any(|s| s.label.as_deref() == Some(&label))
                {
                    n += 1;
                    label = format!("{base}{n}");
                }
                label
            }
        };
        if out.contains(&label) {
            return Err(Usage(format!("two sockets are labelled '{label}'")));
        }
        out.push(label);
    }
    Ok(out)
}

struct Poller<'a> {
    sockets: Vec<Polled>,
    input: Input,
    output: Output,
    signals: &'a Signals,
    count: Option<u64>,
    timeout: Option<Duration>,
    received: u64,
    msg: zmq::Message,
    /// For the sockets whose messages carry a routing id or a group.
    draft_msg: crate::draft::Msg,
    trace: bool,
}

impl Poller<'_> {
    fn done(&self) -> bool {
        self.count.is_some_and(|n| self.received >= n)
    }

    fn run(&mut self) -> Result<()> {
        let mut idle_deadline = self.timeout.map(|t| Instant::now() + t);
        // The socket an input message waits for room on, if any.
        let mut blocked: Option<usize> = None;
        loop {
            let got = self.recv_all()?;
            if self.done() {
                return Ok(());
            }
            if got {
                idle_deadline = self.timeout.map(|t| Instant::now() + t);
                continue;
            }
            let mut want_stdin = false;
            if blocked.is_none() {
                match self.send_input()? {
                    Sending::Blocked(i) => blocked = Some(i),
                    Sending::NeedInput => want_stdin = self.input.fd().is_some(),
                    Sending::End => {}
                }
            }
            self.output.flush()?;
            let mut items = vec![wait::signal_item(self.signals)];
            for (i, p) in self.sockets.iter().enumerate() {
                let mut events = if p.kind.receives() {
                    zmq::POLLIN
                } else {
                    zmq::PollEvents::empty()
                };
                if blocked == Some(i) {
                    events |= zmq::POLLOUT;
                }
                items.push(p.sock.as_poll_item(events));
            }
            let stdin_fd = self.input.fd().filter(|_| want_stdin);
            items.push(stdin_fd.map_or_else(wait::no_item, wait::read_item));
            let stdin_at = items.len() - 1;
            items.extend(
                self.sockets
                    .iter()
                    .filter_map(|p| p.monitor.as_ref().map(Monitor::poll_item)),
            );
            let woke = wait::wait(
                self.signals,
                &mut items,
                idle_deadline,
                "polling the sockets",
            )?;
            let stdin_ready = stdin_fd.is_some() && items[stdin_at].get_revents().bits() != 0;
            let writable = blocked.is_some_and(|b| items[b + 1].is_writable());
            let ready = wait::readable(&items[stdin_at + 1..]);
            drop(items);
            let monitors = self.sockets.iter_mut().filter_map(|p| p.monitor.as_mut());
            wait::drain_monitors(monitors, ready)?;
            match woke {
                Wake::Signal(sig) => return Err(Interrupted(sig).into()),
                Wake::Expired => {
                    return Err(Timeout(format!(
                        "no message arrived within {}",
                        humantime::format_duration(self.timeout.unwrap_or_default())
                    ))
                    .into())
                }
                Wake::Ready => {}
            }
            if writable {
                blocked = None;
            }
            if stdin_ready {
                self.input.fill().context("reading stdin")?;
            }
        }
    }

    /// Receives a bounded batch from every socket in turn: whether anything came.
    fn recv_all(&mut self) -> Result<bool> {
        let mut got = false;
        for i in 0..self.sockets.len() {
            // A send-only socket (push, pub, scatter, radio) has nothing to receive: libzmq
            // refuses the call (ENOTSUP).
            if !self.sockets[i].kind.receives() {
                continue;
            }
            for _ in 0..BATCH {
                if self.done() || !self.recv_one(i)? {
                    break;
                }
                got = true;
            }
        }
        Ok(got)
    }

    /// Receives one message from socket `i` if one is ready, printing it after its label.
    fn recv_one(&mut self, i: usize) -> Result<bool> {
        if pattern(self.sockets[i].kind).addressing.in_properties() {
            return self.recv_addressed(i);
        }
        let p = &self.sockets[i];
        match p.sock.recv(&mut self.msg, zmq::DONTWAIT) {
            Ok(()) => {}
            Err(zmq::Error::EAGAIN) => return Ok(false),
            Err(zmq::Error::EINTR) => return Ok(true),
            Err(e) => return Err(e).with_context(|| format!("receiving on {}", p.label)),
        }
        self.output.frame(p.label.as_bytes(), 0, true)?;
        let mut index = 1;
        loop {
            let more = self.msg.get_more();
            if self.trace {
                let way = trace::Way::Received;
                trace::frame(way, Some(&p.label), index - 1, more, &self.msg);
            }
            self.output.frame(&self.msg, index, more)?;
            if !more {
                break;
            }
            p.sock.recv(&mut self.msg, 0)?;
            index += 1;
        }
        self.received += 1;
        Ok(true)
    }

    /// Receives one SERVER, PEER or DISH message if one is ready, printed as
    /// `label<TAB>routing id (decimal) or group<TAB>body`.
    fn recv_addressed(&mut self, i: usize) -> Result<bool> {
        let p = &mut self.sockets[i];
        match self.draft_msg.recv(&mut p.sock, zmq::DONTWAIT) {
            Ok(()) => {}
            Err(zmq::Error::EAGAIN) => return Ok(false),
            Err(zmq::Error::EINTR) => return Ok(true),
            Err(e) => return Err(e).with_context(|| format!("receiving on {}", p.label)),
        }
        let id;
        let head = if pattern(p.kind).addressing == Addressing::ByRoutingId {
            id = self.draft_msg.routing_id().to_string();
            id.as_bytes()
        } else {
            self.draft_msg.group()
        };
        self.output.frame(p.label.as_bytes(), 0, true)?;
        for (n, field) in [head, self.draft_msg.data()].into_iter().enumerate() {
            if self.trace {
                trace::frame(trace::Way::Received, Some(&p.label), n, n == 0, field);
            }
            self.output.frame(field, n + 1, n == 0)?;
        }
        self.received += 1;
        Ok(true)
    }

    /// Sends input messages (`label<TAB>frames…`) until input runs dry or a socket is full.
    fn send_input(&mut self) -> Result<Sending> {
        loop {
            let number = self.input.taken() + 1;
            let frames = match self.input.peek()? {
                Next::Message(f) => f,
                Next::Pending => return Ok(Sending::NeedInput),
                Next::End => return Ok(Sending::End),
            };
            let label = frames.get(0);
            let Some(i) = self
                .sockets
                .iter()
                .position(|p| p.label.as_bytes() == label)
            else {
                log!(
                    "message {number}: no socket labelled '{}': dropped",
                    String::from_utf8_lossy(label)
                );
                self.input.advance();
                continue;
            };
            let p = &mut self.sockets[i];
            if !p.kind.sends() || frames.len() < 2 {
                log!(
                    "message {number}: {}: dropped",
                    if frames.len() < 2 {
                        "nothing after the label".to_string()
                    } else {
                        format!("socket '{}' ({}) cannot send", p.label, p.kind.name())
                    }
                );
            } else if !send_on(p, frames.after_first(), number, self.trace)? {
                return Ok(Sending::Blocked(i));
            }
            self.input.advance();
        }
    }
}

/// Sends input message `number`, the frames after its label, on `p`; false when `p` has no
/// room (nothing was sent). On a thread-safe socket it must be one frame, after a routing id
/// (SERVER, PEER) or a group (RADIO), or it is malformed input (status 4), as for the
/// standalone commands; an unknown routing id is reported and the message dropped.
fn send_on(p: &mut Polled, frames: Frames<'_>, number: u64, trace: bool) -> Result<bool> {
    let addressing = pattern(p.kind).addressing;
    let sent = if addressing.single_frame() {
        let (body, target) =
            framing::outgoing(addressing, None, &frames, number).map_err(|e| InputError {
                number,
                error: DecodeError(format!(
                    "socket '{}' ({}): {}",
                    p.label,
                    p.kind.name(),
                    e.error
                )),
            })?;
        framing::send(&mut p.sock, body, &target)
    } else {
        send_parts(&p.sock, frames.len(), frames.iter())
    };
    match sent {
        Ok(()) => {
            if trace {
                let n = frames.len();
                for (i, f) in frames.iter().enumerate() {
                    trace::frame(trace::Way::Sent, Some(&p.label), i, i + 1 < n, f);
                }
            }
            Ok(true)
        }
        Err(zmq::Error::EAGAIN) => Ok(false),
        Err(zmq::Error::EHOSTUNREACH) => {
            log!(
                "message {number}: no peer with that routing id on '{}': dropped",
                p.label
            );
            Ok(true)
        }
        Err(e) => Err(e).with_context(|| format!("sending on {}", p.label)),
    }
}

enum Sending {
    Blocked(usize),
    NeedInput,
    End,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_are_type_names_numbered_when_repeated() {
        let all = |_: &str| true;
        let specs: Vec<_> = [
            "sub>tcp://h:1",
            "sub>tcp://h:2",
            "tasks=pull@tcp://*:3",
            "pull@tcp://*:4",
        ]
        .iter()
        .map(|s| endpoint::parse_spec(s, &all).unwrap())
        .collect();
        assert_eq!(labels(&specs).unwrap(), ["sub", "sub2", "tasks", "pull"]);
        let dup: Vec<_> = ["a=sub>tcp://h:1", "a=pull@tcp://*:3"]
            .iter()
            .map(|s| endpoint::parse_spec(s, &all).unwrap())
            .collect();
        assert!(labels(&dup).is_err());
    }

    #[test]
    fn every_dish_needs_a_group_and_groups_need_a_dish() {
        let all = |_: &str| true;
        let parse = |specs: &[&str]| -> Vec<endpoint::SocketSpec> {
            specs
                .iter()
                .map(|s| endpoint::parse_spec(s, &all).unwrap())
                .collect()
        };
        let with_dish = parse(&["in=dish@tcp://*:1", "pull@tcp://*:2"]);
        let names = labels(&with_dish).unwrap();
        let joins = dish_groups(&["a".into(), "b".into()], &with_dish, &names).unwrap();
        assert_eq!(joins.len(), 2);
        let e = dish_groups(&[], &with_dish, &names).unwrap_err().0;
        assert!(e.contains("'in' joins no group"), "{e}");
        assert!(dish_groups(&["a\0b".into()], &with_dish, &names).is_err());
        let without = parse(&["pull@tcp://*:2"]);
        let names = labels(&without).unwrap();
        assert!(dish_groups(&[], &without, &names).unwrap().is_empty());
        assert!(dish_groups(&["a".into()], &without, &names).is_err());
    }
}
