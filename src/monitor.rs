//! Socket monitor events: one line each on stderr with `-v`, one JSON object per line with
//! `--events`, and the count of connected peers behind `--wait-peers`. Events are parsed here
//! (two frames: a 16-bit event id and a 32-bit value, little-endian, then the endpoint), so
//! unknown ids are shown, never a panic.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

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
}

/// Events subscribed to: everything but the chatty ones below `-vv`.
const EVENTS: i32 = zmq_sys::ZMQ_EVENT_ALL as i32;

pub struct Monitor {
    sock: zmq::Socket,
    watch: Watch,
    /// Peers whose handshake succeeded, less those that disconnected since.
    peers: u64,
    /// Handshakes that ever succeeded.
    handshakes: u64,
    msg: zmq::Message,
}

impl Monitor {
    /// Starts monitoring `target`; call before it binds or connects so no event is missed.
    pub fn attach(ctx: &zmq::Context, target: &zmq::Socket, watch: Watch) -> Result<Monitor> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let address = format!(
            "inproc://zmqcat-monitor-{}",
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        target
            .monitor(&address, EVENTS)
            .context("starting the socket monitor")?;
        let sock = ctx
            .socket(zmq::PAIR)
            .context("creating the monitor socket")?;
        sock.set_linger(0)?;
        sock.connect(&address)
            .context("connecting the socket monitor")?;
        Ok(Monitor {
            sock,
            watch,
            peers: 0,
            handshakes: 0,
            msg: zmq::Message::new(),
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
        if e == zmq_sys::ZMQ_EVENT_HANDSHAKE_SUCCEEDED {
            self.peers += 1;
            self.handshakes += 1;
        } else if e == zmq_sys::ZMQ_EVENT_DISCONNECTED {
            self.peers = self.peers.saturating_sub(1);
        }
        if let Some(events) = &self.watch.events {
            let mut record = serde_json::json!({
                "time": humantime::format_rfc3339_micros(std::time::SystemTime::now()).to_string(),
                "event": event_name(e),
                "endpoint": ep,
                "value": value,
            });
            if let Some(reason) = failure(e, value, self.watch.secured) {
                record["reason"] = reason.into();
            }
            if let Some(label) = &self.watch.label {
                record["socket"] = label.as_str().into();
            }
            events.write(&record);
        }
        if let Some((level, line)) = describe(e, value, ep, self.watch.secured) {
            if self.watch.verbose >= level {
                match &self.watch.label {
                    Some(l) => log!("{l}: {line}"),
                    None => log!("{line}"),
                }
            }
        }
    }
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
    fn peers_are_counted_through_real_events() {
        let ctx = zmq::Context::new();
        let server = ctx.socket(zmq::PULL).unwrap();
        server.set_linger(0).unwrap();
        let mut mon = Monitor::attach(&ctx, &server, Watch::default()).unwrap();
        server.bind("tcp://127.0.0.1:*").unwrap();
        let ep = server.get_last_endpoint().unwrap().unwrap();
        let client = ctx.socket(zmq::PUSH).unwrap();
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
