//! A bench socket and its waits, and how whole messages and marks are received.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::event_loop::Interrupted;
use crate::exit::Timeout;
use crate::monitor::Monitor;
use crate::signals::Signals;
use crate::wait::{self, Pacer, Wake};

use super::peer::PeerProcess;
use super::{END_MARK, START_MARK};

/// How often a process waiting on its socket looks at the peer process it started.
const PEER_TICK: Duration = Duration::from_millis(100);

/// Holds a publisher until `n` subscriptions have arrived (on its XPUB socket).
pub(super) fn wait_subscribers(link: &mut Link<'_>, n: u64) -> Result<()> {
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
pub(super) fn receive_whole(
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
pub(super) fn recv_part(sock: &zmq::Socket, msg: &mut zmq::Message) -> Result<()> {
    loop {
        match sock.recv(msg, zmq::DONTWAIT) {
            Ok(()) => return Ok(()),
            Err(zmq::Error::EAGAIN | zmq::Error::EINTR) => {}
            Err(e) => return Err(e).context("receiving a message"),
        }
    }
}

pub(super) enum Mark {
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
pub(super) fn read_mark(sock: &zmq::Socket, msg: &mut zmq::Message) -> Result<Mark> {
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

/// A socket with what its waits watch: the signal pipe, the monitor (`-v`), `--timeout`, and
/// the peer process when this run started one.
pub(super) struct Link<'a> {
    pub(super) sock: crate::context::Socket,
    pub(super) monitor: Option<Monitor>,
    pub(super) signals: &'a Signals,
    pub(super) timeout: Option<Duration>,
    /// Since when nothing has moved (for `--timeout`).
    pub(super) idle_since: Option<Instant>,
    /// The endpoints, for messages.
    pub(super) endpoint: String,
    pub(super) process: Option<&'a mut PeerProcess>,
}

impl Link<'_> {
    /// Something moved: the `--timeout` clock starts again.
    #[inline]
    pub(super) fn progress(&mut self) {
        self.idle_since = None;
    }

    /// Sends one frame, waiting for room as needed.
    pub(super) fn send(&mut self, data: &[u8], more: bool) -> Result<()> {
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
    pub(super) fn wait(&mut self, events: zmq::PollEvents, what: &str) -> Result<()> {
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
    pub(super) fn nap_until(&mut self, until: Instant) -> Result<()> {
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            self.poll(zmq::PollEvents::empty(), Some(left))?;
        }
    }

    /// Waits while the pacer says a send is not due yet, then schedules the next one.
    pub(super) fn pace(&mut self, pacer: &mut Pacer) -> Result<()> {
        if let Some(due) = pacer.due() {
            self.nap_until(due)?;
        }
        pacer.sent();
        Ok(())
    }

    /// One wait on the signal pipe, the socket (for `events`) and the monitor, for at most
    /// `nap`; true when the socket is ready.
    pub(super) fn poll(&mut self, events: zmq::PollEvents, nap: Option<Duration>) -> Result<bool> {
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
