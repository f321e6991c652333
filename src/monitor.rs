//! Socket monitor events: one line each on stderr with `-v`, one JSON object per line with
//! `--events`, and the count of connected peers behind `--wait-peers`. Events are parsed here
//! (two frames: a 16-bit event id and a 32-bit value, little-endian, then the endpoint), so
//! unknown ids are shown, never a panic.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::diag::log;

/// Where `--events` go: a file, or stderr for `-`. Shared by the monitors of one command.
#[derive(Clone)]
pub struct EventLog(Arc<Mutex<Box<dyn Write + Send>>>);

impl std::fmt::Debug for EventLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventLog")
    }
}

impl EventLog {
    pub fn open(path: &Path) -> Result<EventLog> {
        let sink: Box<dyn Write + Send> = if path == Path::new("-") {
            Box::new(std::io::stderr())
        } else {
            Box::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .with_context(|| format!("cannot open --events file {}", path.display()))?,
            )
        };
        Ok(EventLog(Arc::new(Mutex::new(sink))))
    }

    /// Writes one event as a line of JSON, in one write.
    fn write(&self, record: &serde_json::Value) {
        let mut line = record.to_string();
        line.push('\n');
        let mut sink = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let _ = crate::diag::suspend(|| sink.write_all(line.as_bytes()));
    }
}

/// What a monitor reports, and how.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    pub verbose: u8,
    pub events: Option<EventLog>,
    /// The socket's label, for commands with several (proxy).
    pub label: Option<String>,
    /// The socket uses CURVE or PLAIN: a handshake cut short may be a key or password mismatch.
    pub secured: bool,
    /// The security mechanism of the socket (`NULL`, `PLAIN`, `CURVE`), named in diagnoses.
    pub mechanism: &'static str,
    /// `-q`: no diagnosis lines (the `--events` records stay).
    pub quiet: bool,
}

/// How often a failing endpoint is reported again with `-v`.
const RETELL: Duration = Duration::from_secs(5);

/// What the monitor knows of the connections to one endpoint that have not (yet) shaken hands.
#[derive(Debug, Default)]
struct Trouble {
    /// Connections made or accepted whose handshake has neither succeeded nor ended.
    pending: u32,
    /// Connections whose handshake succeeded and that have not ended. libzmq's events do not
    /// say which connection shook hands (HANDSHAKE_SUCCEEDED carries no descriptor), so a
    /// disconnection while some are live is taken for one of theirs: many clients coming and
    /// going on a bound endpoint are not mistaken for refusals, and a refusal among live peers
    /// is told at the latest when the last of them leaves.
    shaken: u32,
    /// A handshake failure event explained the next disconnection already.
    explained: bool,
    /// The one diagnosis line was printed.
    diagnosed: bool,
    /// Why the endpoint fails, once it does: later events about it are counted, not told.
    failing: Option<String>,
    /// When a line about the failure was last printed, and attempts since.
    told_at: Option<Instant>,
    attempts: u32,
    /// The endpoint is one the socket bound.
    bound: bool,
}

impl Trouble {
    /// Notes that the endpoint is a bound one when `event` says so.
    fn mark_bound(&mut self, event: u32) {
        self.bound |= matches!(
            event,
            zmq_sys::ZMQ_EVENT_LISTENING | zmq_sys::ZMQ_EVENT_ACCEPTED
        );
    }
}

/// Events subscribed to: all (they come per connection, not per message); `-v` and its level
/// decide what is printed.
const EVENTS: i32 = zmq_sys::ZMQ_EVENT_ALL as i32;

pub struct Monitor {
    sock: crate::context::Socket,
    watch: Watch,
    /// Peers whose handshake succeeded, less those that disconnected since.
    peers: u64,
    /// Handshakes that ever succeeded.
    handshakes: u64,
    /// Connections that ended without a handshake (refused, failed, or a ZMTP 1.0/2.0 peer's).
    ended_unshaken: u64,
    /// When the last connection was made or accepted.
    last_connection: Option<Instant>,
    msg: zmq::Message,
    /// Per endpoint: connections in their handshake, and failures being reported.
    trouble: HashMap<String, Trouble>,
}

impl Monitor {
    /// Starts monitoring `target`; call before it binds or connects so no event is missed.
    pub fn attach(
        ctx: &crate::context::Context,
        target: &zmq::Socket,
        watch: Watch,
    ) -> Result<Monitor> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let address = format!(
            "inproc://zmqcat-monitor-{}",
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        target
            .monitor(&address, EVENTS)
            .context("starting the socket monitor")?;
        let sock = ctx
            .socket(crate::context::PAIR)
            .context("creating the monitor socket")?;
        sock.set_linger(0)?;
        sock.connect(&address)
            .context("connecting the socket monitor")?;
        Ok(Monitor {
            sock,
            watch,
            peers: 0,
            handshakes: 0,
            ended_unshaken: 0,
            last_connection: None,
            msg: zmq::Message::new(),
            trouble: HashMap::new(),
        })
    }

    /// Stops monitoring `target` and ends the monitor. A monitored socket must not be closed
    /// after its monitor's reader is gone: libzmq would block on the next event (#3575).
    pub fn detach(self, target: &mut zmq::Socket) {
        // SAFETY: a null address with no events stops the monitor of a live socket.
        unsafe {
            zmq_sys::zmq_socket_monitor(target.as_mut_ptr(), std::ptr::null(), 0);
        }
        drop(self);
    }

    pub fn poll_item(&self) -> zmq::PollItem<'_> {
        self.sock.as_poll_item(zmq::POLLIN)
    }

    /// Peers connected now (handshake done, not yet disconnected).
    pub fn peers(&self) -> u64 {
        self.peers
    }

    /// Handshakes that ever succeeded.
    pub fn handshakes(&self) -> u64 {
        self.handshakes
    }

    /// Whether connections made or accepted have not ended and reported no handshake, the
    /// last of them `for` that long at least: a ZMTP 1.0/2.0 peer's connection stays so for
    /// good, a ZMTP 3 one only until its handshake succeeds or fails.
    pub fn unshaken_for(&self, time: Duration) -> bool {
        let pending: u32 = self.trouble.values().map(|t| t.pending).sum();
        pending > 0 && self.last_connection.is_some_and(|at| at.elapsed() >= time)
    }

    /// Connections that ended without reporting a handshake.
    pub fn ended_unshaken(&self) -> u64 {
        self.ended_unshaken
    }

    /// Why the handshakes of an endpoint the socket connects to fail, when no handshake ever
    /// succeeded: libzmq drops what was queued for a connection whose handshake failed, and
    /// keeps trying, so nothing queued is going to leave. The sentence names the endpoint,
    /// and the reason unless the diagnosis line told it already.
    pub fn hopeless(&self) -> Option<String> {
        if self.handshakes > 0 {
            return None;
        }
        let (ep, t) = self
            .trouble
            .iter()
            .find(|(_, t)| !t.bound && t.failing.is_some())?;
        Some(match (&t.failing, t.diagnosed && !self.watch.quiet) {
            (Some(why), false) => format!("{ep}: {why}"),
            _ => format!("{ep}: its handshake failed (see above)"),
        })
    }

    /// Handles every event that is ready.
    pub fn drain(&mut self) -> Result<()> {
        loop {
            match self.sock.recv(&mut self.msg, zmq::DONTWAIT) {
                Ok(()) => {}
                Err(zmq::Error::EAGAIN) => return Ok(()),
                Err(zmq::Error::EINTR) => continue,
                Err(e) => return Err(e).context("reading socket monitor events"),
            }
            let head: [u8; 6] = match self.msg[..].try_into() {
                Ok(h) => h,
                Err(_) => continue,
            };
            // libzmq writes the event number and value in host byte order.
            let event = u16::from_ne_bytes([head[0], head[1]]);
            let value = u32::from_ne_bytes([head[2], head[3], head[4], head[5]]);
            let mut endpoint = String::new();
            while self.msg.get_more() {
                // The rest of a monitor message is already queued: this never waits for long,
                // but a signal may still interrupt it.
                match self.sock.recv(&mut self.msg, 0) {
                    Ok(()) => endpoint = String::from_utf8_lossy(&self.msg).into_owned(),
                    Err(zmq::Error::EINTR) => continue,
                    Err(e) => return Err(e).context("reading socket monitor events"),
                }
            }
            self.handle(event, value, &endpoint);
        }
    }

    fn handle(&mut self, event: u16, value: u32, ep: &str) {
        let e = u32::from(event);
        if matches!(
            e,
            zmq_sys::ZMQ_EVENT_CONNECTED | zmq_sys::ZMQ_EVENT_ACCEPTED
        ) {
            self.last_connection = Some(Instant::now());
        }
        if e == zmq_sys::ZMQ_EVENT_HANDSHAKE_SUCCEEDED {
            self.peers += 1;
            self.handshakes += 1;
        } else if e == zmq_sys::ZMQ_EVENT_DISCONNECTED {
            self.peers = self.peers.saturating_sub(1);
        }
        self.record(
            event_name(e),
            value,
            ep,
            failure(e, value, self.watch.secured),
        );
        // The -v line first, judged on what was known before this event.
        if let Some(line) = self.verbose_line(e, value, ep) {
            self.log(&line);
        }
        match self.judge(e, ep) {
            Verdict::Nothing => {}
            Verdict::Refused => {
                let reason = refusal(self.watch.secured);
                self.record("handshake_refused".into(), value, ep, Some(reason.clone()));
                self.diagnose(ep, format!("{ep}: {reason}"));
            }
            Verdict::Failed => {
                let why = failure(e, value, self.watch.secured).unwrap_or_default();
                let cured = cure(e, value, &why, self.watch.mechanism);
                self.record("handshake_refused".into(), value, ep, Some(cured.clone()));
                self.diagnose(ep, format!("{ep}: {cured}"));
            }
        }
    }

    /// The `-v` line of an event, if the verbosity asks for it and it is not one more attempt
    /// on an endpoint that keeps failing (those are counted, and summed up every 5 s).
    fn verbose_line(&mut self, e: u32, value: u32, ep: &str) -> Option<String> {
        let (level, line) = describe(e, value, ep, self.watch.secured)?;
        if self.watch.verbose < level {
            return None;
        }
        Some(match self.retell(e, ep) {
            Retell::Line => line,
            Retell::First(why) => format!("{line}: {why}"),
            Retell::Summary(n, why) => {
                format!("{ep}: still failing, {n} attempts in the last 5 s ({why})")
            }
            Retell::Counted => return None,
        })
    }

    fn log(&self, line: &str) {
        match &self.watch.label {
            Some(l) => log!("{l}: {line}"),
            None => log!("{line}"),
        }
    }

    fn record(&self, name: String, value: u32, ep: &str, reason: Option<String>) {
        let Some(events) = &self.watch.events else {
            return;
        };
        let mut record = serde_json::json!({
            "time": humantime::format_rfc3339_micros(std::time::SystemTime::now()).to_string(),
            "event": name,
            "endpoint": ep,
            "value": value,
        });
        if let Some(reason) = reason {
            record["reason"] = reason.into();
        }
        if let Some(label) = &self.watch.label {
            record["socket"] = label.as_str().into();
        }
        events.write(&record);
    }

    /// Follows the connections of `ep` through their handshake.
    fn judge(&mut self, e: u32, ep: &str) -> Verdict {
        use zmq_sys as z;
        let t = self.trouble.entry(ep.to_string()).or_default();
        t.mark_bound(e);
        match e {
            z::ZMQ_EVENT_CONNECTED | z::ZMQ_EVENT_ACCEPTED => t.pending += 1,
            z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED => {
                t.pending = t.pending.saturating_sub(1);
                t.shaken += 1;
                t.failing = None;
                t.told_at = None;
                t.attempts = 0;
            }
            // libzmq reports no handshake for ZMTP 1.0/2.0 peers, and the end of such a
            // connection as a failure without detail: that is only a diagnosis when security
            // was asked for (no legacy peer has any).
            z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL => {
                t.explained = true;
                if self.watch.secured {
                    return Verdict::Failed;
                }
            }
            z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH => {
                t.explained = true;
                return Verdict::Failed;
            }
            z::ZMQ_EVENT_DISCONNECTED if t.shaken > 0 => t.shaken -= 1,
            z::ZMQ_EVENT_DISCONNECTED if t.pending > 0 => {
                t.pending -= 1;
                self.ended_unshaken += 1;
                if !std::mem::take(&mut t.explained) {
                    return Verdict::Refused;
                }
            }
            _ => {}
        }
        Verdict::Nothing
    }

    /// Prints the one diagnosis line of an endpoint (without `-v`, unless `-q`), and marks it
    /// failing so that `-v` counts its retries instead of repeating them.
    fn diagnose(&mut self, ep: &str, line: String) {
        let t = self.trouble.entry(ep.to_string()).or_default();
        if t.failing.is_none() {
            t.failing = Some(line.split_once(": ").map_or("", |(_, w)| w).to_string());
        }
        if std::mem::replace(&mut t.diagnosed, true) || self.watch.quiet {
            return;
        }
        t.told_at = Some(Instant::now());
        self.log(&line);
    }

    /// Whether a `-v` line about `ep` is printed as it is, with its reason, or counted.
    fn retell(&mut self, e: u32, ep: &str) -> Retell {
        use zmq_sys as z;
        let t = self.trouble.entry(ep.to_string()).or_default();
        // A bound endpoint's connections are each another peer, told one by one; only a
        // connect's retries of the same failure are counted.
        t.mark_bound(e);
        if t.bound {
            return Retell::Line;
        }
        let attempt = matches!(
            e,
            z::ZMQ_EVENT_CONNECT_RETRIED
                | z::ZMQ_EVENT_CONNECTED
                | z::ZMQ_EVENT_DISCONNECTED
                | z::ZMQ_EVENT_ACCEPTED
                | z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
                | z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
                | z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
        );
        if e == z::ZMQ_EVENT_CONNECTED && t.failing.as_deref() == Some(NOTHING_ACCEPTED) {
            // Something listens now: what follows is told as it comes.
            t.failing = None;
            t.told_at = None;
            t.attempts = 0;
        }
        if e == z::ZMQ_EVENT_CONNECT_RETRIED && t.failing.is_none() && t.pending == 0 {
            // A retry with no connection since the last one: nothing accepted it.
            t.failing = Some(NOTHING_ACCEPTED.to_string());
            t.told_at = Some(Instant::now());
            return Retell::First(NOTHING_ACCEPTED.to_string());
        }
        let Some(why) = t.failing.clone() else {
            return Retell::Line;
        };
        if !attempt {
            return Retell::Line;
        }
        match t.told_at {
            None => {
                t.told_at = Some(Instant::now());
                Retell::Line
            }
            Some(at) if at.elapsed() < RETELL => {
                if e == z::ZMQ_EVENT_CONNECT_RETRIED {
                    t.attempts += 1;
                }
                Retell::Counted
            }
            Some(_) => {
                t.told_at = Some(Instant::now());
                let n = std::mem::take(&mut t.attempts) + 1;
                Retell::Summary(n, why)
            }
        }
    }
}

/// Why a connect is retried when no connection was made since the last attempt.
const NOTHING_ACCEPTED: &str =
    "nothing accepted the connection (refused, or the host is unreachable)";

/// What a connection's events amount to.
enum Verdict {
    Nothing,
    /// Closed by the peer (or by libzmq) before the handshake, with no reason given.
    Refused,
    /// A handshake failure with a reason.
    Failed,
}

/// How a `-v` line is told.
enum Retell {
    Line,
    /// The first retry of an endpoint, with why.
    First(String),
    /// Attempts counted since the last line, and why they fail.
    Summary(u32, String),
    Counted,
}

/// The diagnosis of a connection closed during its handshake with no reason from libzmq.
fn refusal(secured: bool) -> String {
    let security = if secured {
        "; a wrong CURVE server key, a PLAIN/CURVE mismatch or a refused client shows the same"
    } else {
        "; a security mismatch shows the same"
    };
    format!(
        "peer closed during the ZMTP handshake (a ZMTP 1.0/2.0 peer such as libzmq 3.x or \
         JeroMQ 0.3 needs --legacy-peers{security})"
    )
}

/// A handshake failure with its cure.
fn cure(event: u32, value: u32, why: &str, mechanism: &str) -> String {
    use zmq_sys as z;
    let cure = match (event, value) {
        (z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, z::ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH) => {
            format!(
                "this socket uses {mechanism}, the peer another mechanism: give both sides \
                 matching --curve-*/--plain-* options"
            )
        }
        (z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, z::ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC)
        | (z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, z::ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE) => {
            format!("this socket uses {mechanism}: check the server's public key on the client")
        }
        (z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH, _) => format!(
            "this socket uses {mechanism}: the server's access rules refused the client \
             (--allow-ip, --allow-key, users)"
        ),
        (z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, _) => {
            format!("this socket uses {mechanism}: check that both sides use the same security")
        }
        _ => format!("this socket uses {mechanism}"),
    };
    format!("handshake failed: {why}; {cure}")
}

/// The name of an event in `--events` records.
fn event_name(event: u32) -> String {
    use zmq_sys as z;
    match event {
        z::ZMQ_EVENT_CONNECTED => "connected",
        z::ZMQ_EVENT_CONNECT_DELAYED => "connect_delayed",
        z::ZMQ_EVENT_CONNECT_RETRIED => "connect_retried",
        z::ZMQ_EVENT_LISTENING => "listening",
        z::ZMQ_EVENT_BIND_FAILED => "bind_failed",
        z::ZMQ_EVENT_ACCEPTED => "accepted",
        z::ZMQ_EVENT_ACCEPT_FAILED => "accept_failed",
        z::ZMQ_EVENT_CLOSED => "closed",
        z::ZMQ_EVENT_CLOSE_FAILED => "close_failed",
        z::ZMQ_EVENT_DISCONNECTED => "disconnected",
        z::ZMQ_EVENT_MONITOR_STOPPED => "monitor_stopped",
        z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED => "handshake_succeeded",
        z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL => "handshake_failed",
        z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL => "handshake_failed_protocol",
        z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH => "handshake_failed_auth",
        other => return format!("event_0x{other:04x}"),
    }
    .to_string()
}

/// Why a connection or handshake failed, for the events that carry a reason.
fn failure(event: u32, value: u32, secured: bool) -> Option<String> {
    use zmq_sys as z;
    // rust-zmq's own errno mapping panics on values it does not know: use the OS's.
    let errno = || std::io::Error::from_raw_os_error(value as i32).to_string();
    Some(match event {
        z::ZMQ_EVENT_BIND_FAILED | z::ZMQ_EVENT_ACCEPT_FAILED | z::ZMQ_EVENT_CLOSE_FAILED => {
            errno()
        }
        z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL => {
            let what = match value as i32 {
                libc::EAGAIN => "the handshake timed out (handshake_ivl)".to_string(),
                libc::EPIPE | libc::ECONNRESET => "the peer closed the connection".to_string(),
                _ => errno(),
            };
            if secured {
                format!("{what} (a wrong CURVE server key or a security mismatch?)")
            } else {
                what
            }
        }
        z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL => protocol_error(value),
        z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH => {
            format!("authentication refused (ZAP status {value})")
        }
        _ => return None,
    })
}

/// The line for an event, and the verbosity it needs.
fn describe(event: u32, value: u32, ep: &str, secured: bool) -> Option<(u8, String)> {
    use zmq_sys as z;
    let why = || failure(event, value, secured).unwrap_or_default();
    Some(match event {
        z::ZMQ_EVENT_CONNECTED => (1, format!("connected to {ep}")),
        z::ZMQ_EVENT_CONNECT_DELAYED => (2, format!("connection to {ep} pending")),
        z::ZMQ_EVENT_CONNECT_RETRIED => (1, format!("retrying {ep} in {value} ms")),
        z::ZMQ_EVENT_LISTENING => (2, format!("listening on {ep}")),
        z::ZMQ_EVENT_BIND_FAILED => (1, format!("bind to {ep} failed: {}", why())),
        z::ZMQ_EVENT_ACCEPTED => (1, format!("accepted a connection on {ep}")),
        z::ZMQ_EVENT_ACCEPT_FAILED => (1, format!("accept on {ep} failed: {}", why())),
        z::ZMQ_EVENT_CLOSED => (2, format!("closed a connection on {ep}")),
        z::ZMQ_EVENT_CLOSE_FAILED => (1, format!("close on {ep} failed: {}", why())),
        z::ZMQ_EVENT_DISCONNECTED => (1, format!("disconnected from {ep}")),
        z::ZMQ_EVENT_MONITOR_STOPPED => return None,
        z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED => (1, format!("handshake with {ep} succeeded")),
        z::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
        | z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
        | z::ZMQ_EVENT_HANDSHAKE_FAILED_AUTH => {
            (1, format!("handshake with {ep} failed: {}", why()))
        }
        other => (2, format!("event 0x{other:04x} (value {value}) on {ep}")),
    })
}

fn protocol_error(code: u32) -> String {
    use zmq_sys as z;
    let what = match code {
        z::ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED => "ZMTP protocol error",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND => "unexpected ZMTP command",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE => "invalid ZMTP command sequence",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE => "key exchange failed",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY
        | z::ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME => "malformed ZMTP command",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA => "invalid ZMTP metadata",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC => "cryptographic error (wrong key?)",
        z::ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH => {
            "security mechanism mismatch (CURVE/PLAIN/NULL differ between the peers)"
        }
        z::ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED
        | z::ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY
        | z::ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID
        | z::ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION
        | z::ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE
        | z::ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA => "bad reply from the ZAP handler",
        _ => return format!("protocol error 0x{code:08x}"),
    };
    format!("{what} (0x{code:08x})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_is_described_without_panic() {
        for bit in 0..16 {
            let _ = describe(1 << bit, 0, "tcp://x:1", true);
            let _ = event_name(1 << bit);
        }
        assert_eq!(
            describe(zmq_sys::ZMQ_EVENT_CONNECTED, 9, "tcp://h:1", false),
            Some((1, "connected to tcp://h:1".into()))
        );
        let cut = zmq_sys::ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL;
        let plain = describe(cut, libc::EPIPE as u32, "tcp://h:1", false)
            .unwrap()
            .1;
        assert_eq!(
            plain,
            "handshake with tcp://h:1 failed: the peer closed the connection"
        );
        let secured = describe(cut, libc::EPIPE as u32, "tcp://h:1", true)
            .unwrap()
            .1;
        assert!(secured.contains("CURVE"), "{secured}");
        let slow = describe(cut, libc::EAGAIN as u32, "tcp://h:1", false)
            .unwrap()
            .1;
        assert!(slow.contains("timed out"), "{slow}");
        assert!(
            protocol_error(zmq_sys::ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH)
                .contains("mismatch")
        );
        assert!(protocol_error(0x1234).contains("0x00001234"));
    }

    #[test]
    fn a_refused_handshake_is_told_once_and_retries_are_counted() {
        use zmq_sys as z;
        let ctx = crate::context::Context::new();
        let mut target = ctx.socket(crate::context::PUSH).unwrap();
        let watch = Watch {
            verbose: 1,
            ..Default::default()
        };
        let mut m = Monitor::attach(&ctx, &target, watch).unwrap();
        let ep = "tcp://127.0.0.1:9";
        // Connected, then closed with no handshake and no reason: a refusal, each time.
        for _ in 0..3 {
            assert!(matches!(
                m.judge(z::ZMQ_EVENT_CONNECTED, ep),
                Verdict::Nothing
            ));
            assert!(matches!(
                m.judge(z::ZMQ_EVENT_DISCONNECTED, ep),
                Verdict::Refused
            ));
        }
        m.diagnose(ep, format!("{ep}: {}", refusal(false)));
        assert!(m.trouble[ep].diagnosed);
        // Nothing ever shook hands: what is queued for that connect is not going to leave.
        let hopeless = m.hopeless().expect("a failing connect");
        assert!(hopeless.starts_with(ep), "{hopeless}");
        // Its retries are counted, not told, for 5 s.
        assert_eq!(m.verbose_line(z::ZMQ_EVENT_CONNECT_RETRIED, 100, ep), None);
        // A failure with a reason explains the disconnection that follows.
        let other = "tcp://127.0.0.1:10";
        m.judge(z::ZMQ_EVENT_CONNECTED, other);
        let failed = z::ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL;
        assert!(matches!(m.judge(failed, other), Verdict::Failed));
        assert!(matches!(
            m.judge(z::ZMQ_EVENT_DISCONNECTED, other),
            Verdict::Nothing
        ));
        // Nothing listening: the first retry says why, the next ones are counted.
        let absent = "ipc:///nowhere";
        let first = m
            .verbose_line(z::ZMQ_EVENT_CONNECT_RETRIED, 100, absent)
            .unwrap();
        assert!(first.contains("nothing accepted"), "{first}");
        assert_eq!(
            m.verbose_line(z::ZMQ_EVENT_CONNECT_RETRIED, 200, absent),
            None
        );
        // A handshake that succeeds ends the trouble.
        m.judge(z::ZMQ_EVENT_CONNECTED, ep);
        m.handle(z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED as u16, 0, ep);
        assert!(m.trouble[ep].failing.is_none());
        assert_eq!(m.hopeless(), None);
        // Clients coming and going on a bound endpoint, their handshakes interleaved: a client
        // that shook hands and left while another was still shaking is no refusal.
        let busy = "tcp://127.0.0.1:12";
        m.judge(z::ZMQ_EVENT_ACCEPTED, busy);
        m.judge(z::ZMQ_EVENT_ACCEPTED, busy);
        m.judge(z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED, busy);
        assert!(matches!(
            m.judge(z::ZMQ_EVENT_DISCONNECTED, busy),
            Verdict::Nothing
        ));
        m.judge(z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED, busy);
        assert!(matches!(
            m.judge(z::ZMQ_EVENT_DISCONNECTED, busy),
            Verdict::Nothing
        ));
        // A refusal while a good peer is live is told once that peer is gone.
        m.judge(z::ZMQ_EVENT_ACCEPTED, busy);
        m.judge(z::ZMQ_EVENT_HANDSHAKE_SUCCEEDED, busy);
        m.judge(z::ZMQ_EVENT_ACCEPTED, busy);
        assert!(matches!(
            m.judge(z::ZMQ_EVENT_DISCONNECTED, busy),
            Verdict::Nothing
        ));
        assert!(matches!(
            m.judge(z::ZMQ_EVENT_DISCONNECTED, busy),
            Verdict::Refused
        ));
        // A bound endpoint's connections are told one by one.
        let bound = "tcp://127.0.0.1:11";
        m.judge(z::ZMQ_EVENT_ACCEPTED, bound);
        m.judge(z::ZMQ_EVENT_DISCONNECTED, bound);
        m.diagnose(bound, "refused".into());
        assert!(m.verbose_line(z::ZMQ_EVENT_ACCEPTED, 0, bound).is_some());
        m.detach(&mut target);
    }

    #[test]
    fn peers_are_counted_through_real_events() {
        let ctx = crate::context::Context::new();
        let server = ctx.socket(crate::context::PULL).unwrap();
        server.set_linger(0).unwrap();
        let mut mon = Monitor::attach(&ctx, &server, Watch::default()).unwrap();
        server.bind("tcp://127.0.0.1:*").unwrap();
        let ep = server.get_last_endpoint().unwrap().unwrap();
        let client = ctx.socket(crate::context::PUSH).unwrap();
        client.set_linger(0).unwrap();
        client.connect(&ep).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while mon.peers() == 0 {
            assert!(std::time::Instant::now() < deadline, "no handshake event");
            mon.sock.poll(zmq::POLLIN, 100).unwrap();
            mon.drain().unwrap();
        }
        assert_eq!(mon.peers(), 1);
    }
}
