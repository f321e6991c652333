//! The loops every socket command shares: send-only, receive-only, lockstep (client and server)
//! and duplex. A command picks one; none re-implements one.
//!
//! Every wait goes through [`Session::wait`]: one [`wait::wait`] over the signal pipe, the
//! socket, stdin (when more input is wanted) and the monitor, bounded by a deadline. Sends and receives are non-blocking,
//! so a signal or a deadline is never missed inside libzmq. Output is flushed right before a wait,
//! that is, exactly when no further message is ready.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::codec::{write_id, Style};
use crate::context::Socket;
use crate::coproc;
use crate::diag::log;
use crate::draft;
use crate::endpoint::Endpoint;
use crate::exit::{Outcome, Timeout};
use crate::framing;
use crate::io::{Closed, Input, Next, Output};
use crate::monitor::Monitor;
use crate::patterns::Addressing;
use crate::progress::{Progress, Stats};
use crate::socket;
use crate::trace;
use crate::wait::{self, Pacer, Wake};

/// Messages between two updates of the progress line while no wait happens.
const PROGRESS_EVERY: u64 = 8192;
use crate::signals::Signals;

/// A signal asked zmqcat to stop.
#[derive(Debug, thiserror::Error)]
#[error("interrupted by signal {0}")]
pub struct Interrupted(pub i32);

/// How a loop that returned `result` ended: an interruption or a closed stdout is an outcome,
/// not an error.
pub fn outcome(result: Result<()>) -> Result<Outcome> {
    match result {
        Ok(()) => Ok(Outcome::Done),
        Err(e) => match e.downcast::<Interrupted>() {
            Ok(Interrupted(sig)) => Ok(Outcome::Interrupted(sig)),
            Err(e) if e.is::<Closed>() => Ok(Outcome::Done),
            Err(e) => Err(e),
        },
    }
}

/// How sends are spaced out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pace {
    pub delay: Option<Duration>,
    pub interval: Option<Duration>,
    pub rate: Option<f64>,
}

/// What the plan decides about a session's loop, handed over in one value.
#[derive(Debug, Clone, Default)]
pub struct SessionConfig {
    pub limits: Limits,
    pub pace: Pace,
    /// The first frame is a routing id (ROUTER): unroutable ids are reported.
    pub routed: bool,
    /// What the first field is, and whether messages are single-frame (the draft sockets).
    pub addressing: Addressing,
    /// RADIO's group for every message (`radio -g`); else the first field names it.
    pub group: Option<std::ffi::CString>,
    /// Lazy Pirate: how many times a request is resent on a fresh socket after a timeout.
    pub retries: u32,
    /// A first frame sent before every message (`pub --topic`).
    pub topic: Option<Vec<u8>>,
    /// What a subscriber drops or trims after receipt.
    pub filter: Option<RecvFilter>,
    /// Sent messages are printed too (`--tee`).
    pub tee: bool,
    /// Every frame is traced on stderr (`--trace`).
    pub trace: bool,
    /// The `--progress` line is drawn (on a terminal).
    pub progress: bool,
    /// The endpoints, named in messages ("no reply from …") as they resolve once attached.
    pub endpoints: Vec<Endpoint>,
}

/// What the replies of a lockstep server are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replies {
    /// The next input message (stdin, `-m`, or a coprocess).
    Input,
    /// The request itself.
    Echo,
    /// The output of a command run for each request.
    Exec { cmd: String, style: Style },
}

#[derive(Debug, Clone, Default)]
pub struct Limits {
    /// Stop after this many messages.
    pub count: Option<u64>,
    /// Give up when nothing arrives, or nothing can be sent, for this long.
    pub timeout: Option<Duration>,
}

/// A received message kept whole (for `--echo`), in one reused buffer.
#[derive(Debug, Default)]
struct Kept {
    data: Vec<u8>,
    ends: Vec<usize>,
    /// The routing id it came from, on a SERVER or PEER (whose frames are then the decimal
    /// id as printed and the body).
    routing_id: Option<u32>,
}

impl Kept {
    fn clear(&mut self) {
        self.data.clear();
        self.ends.clear();
        self.routing_id = None;
    }

    fn push(&mut self, frame: &[u8]) {
        self.data.extend_from_slice(frame);
        self.ends.push(self.data.len());
    }

    /// Its size without the routing id (a ROUTER's first frame is part of the message).
    fn body_len(&self) -> usize {
        match (self.routing_id, self.ends.first()) {
            (Some(_), Some(head)) => self.data.len() - head,
            _ => self.data.len(),
        }
    }

    fn frames(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(s, e)| &self.data[s..e])
    }
}

/// What woke a wait up.
#[derive(Debug, Clone, Copy, Default)]
struct Woke {
    readable: bool,
    writable: bool,
    stdin: bool,
}

/// One socket with its input, output and signal pipe: the state every loop runs on.
pub struct Session<'a> {
    pub sock: Socket,
    pub input: Input,
    pub output: Output,
    pub signals: &'a Signals,
    pub limits: Limits,
    pub stats: Stats,
    /// The first frame is a routing id (ROUTER): unroutable ids are reported.
    pub routed: bool,
    addressing: Addressing,
    group: Option<std::ffi::CString>,
    /// Words used in messages: the endpoints, for "no reply from …".
    pub peer: String,
    /// Connection events, with `-v` or `--wait-peers`.
    pub monitor: Option<Monitor>,
    msg: zmq::Message,
    /// The received message of a SERVER or DISH, whose routing id or group is read too.
    draft_msg: draft::Msg,
    kept: Kept,
    pacer: Pacer,
    /// `wait` returns on monitor events too (while waiting for peers).
    awaiting_peers: bool,
    /// Lazy Pirate: how many times a request is resent on a fresh socket after a timeout.
    pub retries: u32,
    /// Opens a fresh socket like the first one.
    pub reopen: Option<Reopen<'a>>,
    /// Input comes from a coprocess, whose end is an error.
    pub input_from_child: bool,
    /// The `--progress` line (inert unless shown).
    pub progress: Progress,
    /// A first frame sent before every message (`pub --topic`).
    pub topic: Option<Vec<u8>>,
    /// What a subscriber drops or trims after receipt.
    filter: Option<RecvFilter>,
    /// Sent messages are printed too (`--tee`).
    pub tee: bool,
    /// Every frame is traced on stderr (`--trace`).
    trace: bool,
    /// `trace` or `filter`: received frames go through [`Session::inspect`].
    inspecting: bool,
}

/// What becomes of a received frame after [`Session::inspect`].
enum Inspected {
    /// Printed as usual.
    Print,
    /// Not printed (a stripped topic frame); the message goes on.
    Skip,
    /// The whole message was dealt with (dropped, or printed without its topic).
    Consumed,
}

/// A subscriber's own filtering, after libzmq's: `--exclude` and `--strip-topic`.
#[derive(Debug, Clone, Default)]
pub struct RecvFilter {
    /// Messages whose first frame starts with one of these are dropped.
    pub exclude: Vec<Vec<u8>>,
    /// The topic is not printed.
    pub strip_topic: bool,
    /// The subscriptions, longest first: the topic of a single-frame message.
    pub prefixes: Vec<Vec<u8>>,
}

impl RecvFilter {
    fn excludes(&self, first: &[u8]) -> bool {
        self.exclude.iter().any(|p| first.starts_with(p))
    }

    /// How many leading bytes of a single-frame message are its topic.
    fn topic_len(&self, frame: &[u8]) -> usize {
        self.prefixes
            .iter()
            .find(|p| frame.starts_with(p))
            .map_or(0, Vec::len)
    }
}

/// The coprocess closed its stdout.
#[derive(Debug, thiserror::Error)]
#[error("the coprocess ended")]
pub struct CoprocEnded;

/// Opens a new socket (and its monitor) configured like the session's first one.
pub type Reopen<'a> = Box<dyn Fn() -> Result<(Socket, Option<Monitor>)> + 'a>;

impl<'a> Session<'a> {
    pub fn new(
        sock: Socket,
        monitor: Option<Monitor>,
        input: Input,
        output: Output,
        signals: &'a Signals,
        config: SessionConfig,
    ) -> Self {
        let SessionConfig {
            limits,
            pace,
            routed,
            addressing,
            group,
            retries,
            topic,
            filter,
            tee,
            trace,
            progress,
            endpoints,
        } = config;
        // A wildcard bind is named by the port it got, not by its `*`.
        let peer = socket::addresses(&socket::resolved(&sock, &endpoints));
        Session {
            sock,
            input,
            output,
            signals,
            progress: Progress::start(progress, limits.count),
            limits,
            stats: Stats::default(),
            routed,
            addressing,
            group,
            peer,
            monitor,
            msg: zmq::Message::new(),
            draft_msg: draft::Msg::new(),
            kept: Kept::default(),
            pacer: Pacer::new(pace.delay, pace.interval, pace.rate),
            awaiting_peers: false,
            retries,
            reopen: None,
            input_from_child: false,
            topic,
            inspecting: trace || filter.is_some(),
            filter,
            tee,
            trace,
        }
    }

    /// Ends the session, giving back what the final drain needs. A monitor must be detached
    /// before the socket closes (see [`Monitor::detach`]).
    pub fn into_parts(self) -> (Socket, Stats, Progress, Option<Monitor>) {
        (self.sock, self.stats, self.progress, self.monitor)
    }

    fn count_reached(&self, n: u64) -> bool {
        self.limits.count.is_some_and(|c| n >= c)
    }

    fn deadline(&self) -> Option<Instant> {
        self.limits.timeout.map(|t| Instant::now() + t)
    }

    /// Flushes output, then waits for the socket `events`, stdin (if `stdin`), a signal or the
    /// deadline. `None` means the deadline passed.
    fn wait(
        &mut self,
        events: zmq::PollEvents,
        stdin: bool,
        deadline: Option<Instant>,
    ) -> Result<Option<Woke>> {
        self.output.flush()?;
        self.progress.update(&self.stats);
        let stdin_fd = if stdin { self.input.fd() } else { None };
        loop {
            let mut items = [
                wait::signal_item(self.signals),
                self.sock.as_poll_item(events),
                stdin_fd.map_or_else(wait::no_item, wait::read_item),
                wait::monitor_item(self.monitor.as_ref()),
            ];
            match wait::wait(self.signals, &mut items, deadline, "polling the socket")? {
                Wake::Expired => return Ok(None),
                Wake::Signal(sig) => return Err(Interrupted(sig).into()),
                Wake::Ready => {}
            }
            let woke = Woke {
                readable: items[1].is_readable(),
                writable: items[1].is_writable(),
                // A hang-up or a closed descriptor also means "read now" (read says EOF).
                stdin: stdin_fd.is_some() && items[2].get_revents().bits() != 0,
            };
            let events_ready = items[3].is_readable();
            if events_ready {
                if let Some(m) = self.monitor.as_mut() {
                    m.drain()?;
                }
                if self.awaiting_peers {
                    return Ok(Some(woke));
                }
            }
            if woke.readable || woke.writable || woke.stdin {
                return Ok(Some(woke));
            }
        }
    }

    /// Holds the first send until `n` peers are connected (handshake done), or, for a
    /// publisher backed by XPUB, until `n` subscriptions have arrived.
    pub fn wait_peers(&mut self, n: u64, subscriptions: bool) -> Result<()> {
        // Monitor events end a wait while peers are awaited; every way out resets that.
        self.awaiting_peers = true;
        let result = self.await_peers(n, subscriptions);
        self.awaiting_peers = false;
        result
    }

    fn await_peers(&mut self, n: u64, subscriptions: bool) -> Result<()> {
        let deadline = self.deadline();
        let mut seen = 0;
        loop {
            if subscriptions {
                while seen < n {
                    match self.sock.recv(&mut self.msg, zmq::DONTWAIT) {
                        Ok(()) if self.msg.first() == Some(&1) => seen += 1,
                        Ok(()) => {}
                        Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => break,
                        Err(e) => return Err(e).context("reading subscriptions"),
                    }
                }
            } else {
                seen = self.monitor.as_ref().map_or(n, Monitor::peers);
            }
            if seen >= n {
                return Ok(());
            }
            let events = if subscriptions {
                zmq::POLLIN
            } else {
                zmq::PollEvents::empty()
            };
            if self.wait(events, false, deadline)?.is_none() {
                let what = if subscriptions {
                    "subscriptions"
                } else {
                    "peers"
                };
                return Err(self.timed_out(&format!("only {seen} of {n} {what} arrived")));
            }
        }
    }

    /// Waits until the pacing allows the next send.
    fn pace_wait(&mut self) -> Result<()> {
        while let Some(due) = self.pacer.due() {
            self.wait(zmq::PollEvents::empty(), false, Some(due))?;
        }
        Ok(())
    }

    /// Tries to send the next input message once, without blocking.
    fn try_send(&mut self) -> Result<Sent> {
        // The common cases, one line or one zmtp frame as one frame, without the general decoder.
        let plain = self.retries == 0
            && !self.routed
            && self.topic.is_none()
            && matches!(self.addressing, Addressing::Plain | Addressing::Single);
        if plain && !self.tee && !self.trace {
            if let Some((frame, taken)) = self.input.plain_message() {
                loop {
                    match self.sock.send(frame, zmq::DONTWAIT) {
                        Ok(()) => break,
                        Err(zmq::Error::EINTR) => continue,
                        Err(zmq::Error::EAGAIN) => return Ok(Sent::Blocked),
                        Err(e) => return Err(e).context("sending a message"),
                    }
                }
                let len = frame.len();
                self.input.advance_plain(taken);
                self.sent_one(len);
                return Ok(Sent::Done);
            }
        }
        let number = self.input.taken() + 1;
        let frames = match self.input.peek()? {
            Next::Message(frames) => frames,
            Next::Pending => return Ok(Sent::NeedInput),
            Next::End if self.input_from_child => {
                return Err(CoprocEnded.into());
            }
            Next::End => return Ok(Sent::End),
        };
        let bytes = frames.bytes();
        if self.retries > 0 {
            // Kept for resending (Lazy Pirate).
            self.kept.clear();
            for f in frames.iter() {
                self.kept.push(f);
            }
        }
        if self.routed && frames.len() < 2 {
            // libzmq's ROUTER would take the lone frame as an id and drop it without a word.
            let id = shown_id(frames.get(0));
            log!("message {number} for routing id {id} has no frames after the id: dropped");
            self.input.advance();
            return Ok(Sent::Done);
        }
        let topic = self.topic.as_deref();
        let sent = if self.addressing.single_frame() {
            let (body, target) =
                framing::outgoing(self.addressing, self.group.as_deref(), &frames, number)?;
            framing::send(&mut self.sock, body, &target)
        } else {
            let parts = topic.into_iter().chain(frames.iter());
            send_parts(
                &self.sock,
                frames.len() + usize::from(topic.is_some()),
                parts,
            )
        };
        match sent {
            Ok(()) => {
                if self.tee || self.trace {
                    let parts = topic.into_iter().chain(frames.iter());
                    show_sent(&mut self.output, self.tee, self.trace, parts)?;
                }
            }
            Err(zmq::Error::EAGAIN) => return Ok(Sent::Blocked),
            Err(zmq::Error::EHOSTUNREACH) if self.routed => {
                let id = shown_id(frames.get(0));
                log!("no peer with routing id {id}: message {number} dropped");
            }
            Err(e) => return Err(e).context("sending a message"),
        }
        self.input.advance();
        self.sent_one(bytes);
        Ok(Sent::Done)
    }

    /// Counts a message sent and schedules the next one.
    #[inline(always)]
    fn sent_one(&mut self, bytes: usize) {
        self.stats.sent += 1;
        self.stats.bytes_sent += bytes as u64;
        if self.stats.sent.is_multiple_of(PROGRESS_EVERY) {
            self.progress.update(&self.stats);
        }
        self.pacer.sent();
    }

    /// Sends the next input message, waiting for input and for room as needed.
    /// Returns false at the end of input.
    fn send_next(&mut self) -> Result<bool> {
        let mut deadline = None;
        loop {
            match self.try_send()? {
                Sent::Done => return Ok(true),
                Sent::End => return Ok(false),
                Sent::NeedInput => {
                    self.wait(zmq::PollEvents::empty(), true, None)?;
                    self.input.fill().context("reading stdin")?;
                }
                Sent::Blocked => {
                    let d = *deadline.get_or_insert_with(|| self.deadline());
                    if self.wait(zmq::POLLOUT, false, d)?.is_none() {
                        return Err(self.timed_out("could not send"));
                    }
                }
            }
        }
    }

    fn timed_out(&self, what: &str) -> anyhow::Error {
        let t = self.limits.timeout.unwrap_or_default();
        Timeout(format!(
            "{what} within {} ({})",
            humantime::format_duration(t),
            self.peer
        ))
        .into()
    }

    /// Receives one message if one is ready, writing it out (and keeping it if `keep`).
    fn try_recv(&mut self, keep: bool) -> Result<bool> {
        if keep {
            self.kept.clear();
        }
        if self.addressing.in_properties() {
            return self.try_recv_addressed(keep);
        }
        let mut index = 0;
        // Frames received, and how many of them were not printed (a stripped topic).
        let mut received = 0;
        let mut flags = zmq::DONTWAIT;
        loop {
            match self.sock.recv(&mut self.msg, flags) {
                Ok(()) => {}
                Err(zmq::Error::EAGAIN) if received == 0 => return Ok(false),
                // Later frames of a message are always there: libzmq delivers messages whole.
                Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => continue,
                Err(e) => return Err(e).context("receiving a message"),
            }
            let more = self.msg.get_more();
            if self.inspecting {
                match self.inspect(received, more)? {
                    Inspected::Print => {}
                    Inspected::Skip => {
                        received += 1;
                        flags = 0;
                        continue;
                    }
                    Inspected::Consumed => return Ok(true),
                }
            }
            received += 1;
            // One look at the frame: every deref of a zmq::Message is two calls into libzmq.
            let data: &[u8] = &self.msg;
            self.output.frame(data, index, more)?;
            self.stats.bytes_received += data.len() as u64;
            if keep {
                self.kept.push(data);
            }
            if !more {
                self.stats.received += 1;
                if self.stats.received.is_multiple_of(PROGRESS_EVERY) {
                    self.progress.update(&self.stats);
                }
                return Ok(true);
            }
            index += 1;
            flags = 0;
        }
    }

    /// Receives one SERVER or DISH message if one is ready, written out after its routing id
    /// (decimal) or group as a first field.
    #[cold]
    #[inline(never)]
    fn try_recv_addressed(&mut self, keep: bool) -> Result<bool> {
        loop {
            match self.draft_msg.recv(&mut self.sock, zmq::DONTWAIT) {
                Ok(()) => break,
                Err(zmq::Error::EAGAIN) => return Ok(false),
                Err(zmq::Error::EINTR) => continue,
                Err(e) => return Err(e).context("receiving a message"),
            }
        }
        let id;
        let head = match self.addressing {
            Addressing::ByRoutingId => {
                let routing_id = self.draft_msg.routing_id();
                if keep {
                    self.kept.routing_id = Some(routing_id);
                }
                id = routing_id.to_string();
                id.as_bytes()
            }
            _ => self.draft_msg.group(),
        };
        let body = self.draft_msg.data();
        for (i, field) in [head, body].into_iter().enumerate() {
            if self.trace {
                trace::frame(trace::Way::Received, None, i, i == 0, field);
            }
            self.output.frame(field, i, i == 0)?;
            if keep {
                self.kept.push(field);
            }
        }
        self.stats.bytes_received += body.len() as u64;
        self.stats.received += 1;
        if self.stats.received.is_multiple_of(PROGRESS_EVERY) {
            self.progress.update(&self.stats);
        }
        Ok(true)
    }

    /// What `--trace` and a subscriber's filter do with frame `n` (from 0) of a message: kept
    /// out of line, as the plain receive path is hot.
    #[cold]
    #[inline(never)]
    fn inspect(&mut self, n: usize, more: bool) -> Result<Inspected> {
        if self.trace {
            trace::frame(trace::Way::Received, None, n, more, &self.msg);
        }
        let Some(f) = self.filter.as_ref().filter(|_| n == 0) else {
            return Ok(Inspected::Print);
        };
        if f.excludes(&self.msg) {
            self.drop_rest(more)?;
            // Not printed, not counted.
            return Ok(Inspected::Consumed);
        }
        if !f.strip_topic {
            return Ok(Inspected::Print);
        }
        if more {
            return Ok(Inspected::Skip);
        }
        let cut = f.topic_len(&self.msg);
        self.output.frame(&self.msg[cut..], 0, false)?;
        self.stats.bytes_received += self.msg.len() as u64;
        self.stats.received += 1;
        Ok(Inspected::Consumed)
    }

    /// Receives and drops the remaining frames of a message.
    fn drop_rest(&mut self, mut more: bool) -> Result<()> {
        let mut index = 1;
        while more {
            match self.sock.recv(&mut self.msg, 0) {
                Ok(()) => {
                    more = self.msg.get_more();
                    if self.trace {
                        trace::frame(trace::Way::Received, None, index, more, &self.msg);
                    }
                    index += 1;
                }
                Err(zmq::Error::EINTR) => {}
                Err(e) => return Err(e).context("receiving a message"),
            }
        }
        Ok(())
    }

    /// Receives every message ready now, up to the count.
    fn recv_ready(&mut self) -> Result<()> {
        while !self.count_reached(self.stats.received) && self.try_recv(false)? {}
        Ok(())
    }

    /// Receives one message, waiting up to the timeout.
    fn recv_one(&mut self, keep: bool, what: &str) -> Result<()> {
        let deadline = self.deadline();
        while !self.try_recv(keep)? {
            if self.wait(zmq::POLLIN, false, deadline)?.is_none() {
                return Err(self.timed_out(what));
            }
        }
        Ok(())
    }

    /// Sends input messages until it ends or the count is reached (PUSH, PUB).
    pub fn send_only(&mut self) -> Result<()> {
        while !self.count_reached(self.stats.sent) {
            self.pace_wait()?;
            if !self.send_next()? {
                break;
            }
        }
        Ok(())
    }

    /// Prints incoming messages until the count is reached (PULL, SUB).
    pub fn recv_only(&mut self) -> Result<()> {
        loop {
            self.recv_ready()?;
            if self.count_reached(self.stats.received) {
                return Ok(());
            }
            if self.wait(zmq::POLLIN, false, self.deadline())?.is_none() {
                return Err(self.timed_out("no message arrived"));
            }
        }
    }

    /// One request, one reply, in turn (REQ). With retries, a request that gets no reply in
    /// time is resent on a fresh socket (a REQ socket cannot send twice in a row).
    pub fn lockstep_client(&mut self) -> Result<()> {
        while !self.count_reached(self.stats.received) {
            self.pace_wait()?;
            if !self.send_next()? {
                break;
            }
            let mut attempt = 0;
            loop {
                match self.recv_one(false, "no reply") {
                    Err(e) if e.is::<Timeout>() && attempt < self.retries => {
                        attempt += 1;
                        log!(
                            "no reply within {}: retrying on a new socket ({attempt} of {})",
                            humantime::format_duration(self.limits.timeout.unwrap_or_default()),
                            self.retries
                        );
                        self.renew_socket()?;
                        self.deliver_kept("the request again")?;
                    }
                    Err(e) if e.is::<Timeout>() && self.retries > 0 => {
                        return Err(Timeout(format!(
                            "no reply from {} after {} retries: giving up",
                            self.peer, self.retries
                        ))
                        .into());
                    }
                    other => break other?,
                }
            }
        }
        Ok(())
    }

    fn renew_socket(&mut self) -> Result<()> {
        let Some(reopen) = &self.reopen else {
            return Ok(());
        };
        let (sock, monitor) = reopen()?;
        // The old socket goes at once, with whatever it still queued, and its monitor first:
        // libzmq would otherwise block on an event for the gone reader, and keep the old
        // connection alive to deliver the old request late.
        let mut old = std::mem::replace(&mut self.sock, sock);
        let _ = old.set_linger(0);
        if let Some(m) = std::mem::replace(&mut self.monitor, monitor) {
            m.detach(&mut old);
        }
        drop(old);
        Ok(())
    }

    /// One request, one reply, in turn (REP).
    pub fn lockstep_server(&mut self, replies: &Replies) -> Result<()> {
        while !self.count_reached(self.stats.sent) {
            self.recv_one(*replies != Replies::Input, "no request arrived")?;
            match replies {
                Replies::Echo => self.send_kept()?,
                Replies::Exec { cmd, style } => {
                    let request: Vec<&[u8]> = self.kept.frames().collect();
                    let reply = coproc::exec(cmd, *style, &request).unwrap_or_else(|why| {
                        log!(
                            "--exec '{cmd}' {why} for request {}: replying with an empty message",
                            self.stats.received
                        );
                        vec![Vec::new()]
                    });
                    self.kept.clear();
                    for f in &reply {
                        self.kept.push(f);
                    }
                    self.send_kept()?;
                }
                Replies::Input => {
                    if !self.send_next()? {
                        log!(
                            "input ended: request {} left unanswered",
                            self.stats.received
                        );
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// Sends the kept message (a reply, or a request again) and counts it as sent.
    fn send_kept(&mut self) -> Result<()> {
        if self.deliver_kept("the reply")? {
            self.stats.sent += 1;
            self.stats.bytes_sent += self.kept.body_len() as u64;
        }
        Ok(())
    }

    /// Sends the kept message whole, waiting for room within the timeout; counts nothing, so
    /// that a resent request is one message sent, not two. False: its addressee is gone
    /// (a ROUTER's, SERVER's or PEER's echo), said on stderr.
    fn deliver_kept(&mut self, what: &str) -> Result<bool> {
        let deadline = self.deadline();
        loop {
            let sent = match self.kept.routing_id {
                Some(id) => {
                    let body = self.kept.frames().nth(1).unwrap_or_default();
                    framing::send(&mut self.sock, body, &framing::Target::RoutingId(id))
                }
                None => send_parts(&self.sock, self.kept.ends.len(), self.kept.frames()),
            };
            match sent {
                Ok(()) => {
                    if self.tee || self.trace {
                        show_sent(&mut self.output, self.tee, self.trace, self.kept.frames())?;
                    }
                    return Ok(true);
                }
                Err(zmq::Error::EAGAIN) => {
                    if self.wait(zmq::POLLOUT, false, deadline)?.is_none() {
                        return Err(self.timed_out(&format!("could not send {what}")));
                    }
                }
                Err(zmq::Error::EHOSTUNREACH) => {
                    let id = match self.kept.routing_id {
                        Some(id) => id.to_string(),
                        None => shown_id(self.kept.frames().next().unwrap_or_default()),
                    };
                    log!(
                        "no peer with routing id {id} any more: {what} to message {} dropped",
                        self.stats.received
                    );
                    return Ok(false);
                }
                Err(e) => return Err(e).with_context(|| format!("sending {what}")),
            }
        }
    }

    /// Sends input and prints incoming messages at the same time (DEALER, ROUTER, PAIR, XPUB,
    /// XSUB). `-n N` counts received messages: the run ends once N arrived and sending is over,
    /// that is, `-m` went out its N times, or stdin ended, or N were sent too, or stdin is a
    /// terminal with nothing typed (an open pipe may still bring replies), or a coprocess
    /// answered N times. At
    /// the end of input it goes on receiving.
    pub fn duplex(&mut self) -> Result<()> {
        let mut input_over = false;
        let mut idle_deadline = self.deadline();
        loop {
            let before = self.stats.received;
            self.recv_ready()?;
            if self.stats.received != before {
                idle_deadline = self.deadline();
            }
            let mut want_out = false;
            let mut want_in = false;
            while !input_over {
                // A coprocess answers each received message: it has its N sends to make.
                if self.input_from_child && self.count_reached(self.stats.sent) {
                    input_over = true;
                    break;
                }
                if self.pacer.due().is_some() {
                    break;
                }
                match self.try_send()? {
                    Sent::Done => idle_deadline = self.deadline(),
                    Sent::End => input_over = true,
                    Sent::NeedInput if self.count_done_without_input()? => input_over = true,
                    Sent::NeedInput => {
                        want_in = true;
                        break;
                    }
                    Sent::Blocked => {
                        want_out = true;
                        break;
                    }
                }
            }
            if input_over && self.count_reached(self.stats.received) {
                return Ok(());
            }
            let events = if want_out {
                zmq::POLLIN | zmq::POLLOUT
            } else {
                zmq::POLLIN
            };
            let pace = if input_over { None } else { self.pacer.next() };
            let deadline = match (idle_deadline, pace) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let woke = self.wait(events, want_in, deadline)?;
            if woke.is_some_and(|w| w.stdin) {
                self.input.fill().context("reading stdin")?;
            }
            if idle_deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(self.timed_out("nothing arrived or could be sent"));
            }
        }
    }
}

impl Session<'_> {
    /// Whether a duplex run with its count received may end although stdin is still open: once
    /// as many were sent, or when stdin is a terminal with nothing ready now (what is ready is
    /// read first, and sent by the caller).
    fn count_done_without_input(&mut self) -> Result<bool> {
        if self.input_from_child || !self.count_reached(self.stats.received) {
            return Ok(false);
        }
        let Some(fd) = self.input.fd() else {
            return Ok(true);
        };
        // As many sent as received: a reply to each (router -n 2 answering two requests from
        // a script that writes the replies after reading the requests).
        if self.count_reached(self.stats.sent) {
            return Ok(true);
        }
        // A terminal nobody types into ends the run; a pipe still open may bring the replies
        // yet, so the run waits for them (or for its end).
        // SAFETY: isatty(3) only inspects the descriptor.
        if unsafe { libc::isatty(fd) } != 1 {
            return Ok(false);
        }
        let mut items = [wait::read_item(fd)];
        match zmq::poll(&mut items, 0) {
            Ok(_) | Err(zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("polling stdin"),
        }
        if items[0].get_revents().is_empty() {
            return Ok(true);
        }
        self.input.fill().context("reading stdin")?;
        Ok(false)
    }
}

/// A routing id as router prints it (as-is when printable, else `0x…`), for a diagnostic.
fn shown_id(frame: &[u8]) -> String {
    let mut id = Vec::new();
    let _ = write_id(&mut id, frame);
    String::from_utf8_lossy(&id).into_owned()
}

enum Sent {
    Done,
    Blocked,
    NeedInput,
    End,
}

/// Prints a sent message (`--tee`, after a `>` field) and traces it (`--trace`).
fn show_sent<'f>(
    output: &mut Output,
    tee: bool,
    trace: bool,
    parts: impl Iterator<Item = &'f [u8]>,
) -> Result<()> {
    let parts: Vec<&[u8]> = parts.collect();
    let n = parts.len();
    if tee {
        output.frame(b">", 0, true)?;
    }
    for (i, part) in parts.iter().enumerate() {
        let more = i + 1 < n;
        if trace {
            trace::frame(trace::Way::Sent, None, i, more, part);
        }
        if tee {
            output.frame(part, i + 1, more)?;
        }
    }
    Ok(())
}

/// Sends the `n` given frames as one message without blocking (EAGAIN: nothing was sent; libzmq
/// takes a message whole or not at all).
pub fn send_parts<'f>(
    sock: &zmq::Socket,
    n: usize,
    parts: impl Iterator<Item = &'f [u8]>,
) -> zmq::Result<()> {
    if n == 0 {
        // Decoders never produce an empty message; libzmq could not send one.
        return Err(zmq::Error::EINVAL);
    }
    for (i, part) in parts.enumerate() {
        let more = if i + 1 < n { zmq::SNDMORE } else { 0 };
        loop {
            match sock.send(part, zmq::DONTWAIT | more) {
                Err(zmq::Error::EINTR) => continue,
                Err(zmq::Error::EAGAIN) if i > 0 => {
                    // Not expected: wait for room and send the rest of this message.
                    sock.poll(zmq::POLLOUT, 100)?;
                    continue;
                }
                other => break other?,
            }
        }
    }
    Ok(())
}
