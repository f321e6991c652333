//! The benchmark's baseline: the minimal Rust program on the same `zmq` crate that zmqcat is
//! measured against (see bench/README.md). Deliberately plain: no options, no error recovery.
//!
//!   baseline push EP          stdin lines -> PUSH (connect)
//!   baseline pull EP N        PULL (bind) -> N lines on stdout
//!   baseline pushbin EP       stdin ZMTP frames -> PUSH (connect)
//!   baseline pullbin EP N     PULL (bind) -> N messages as ZMTP frames on stdout
//!   baseline rep EP           REP (bind), echoes forever
//!   baseline req EP N         REQ (connect), N round trips of 8 bytes, timing on stderr
//!   baseline oneshot EP       REQ (connect), one round trip, prints the reply
//!   baseline proxy F B rr|xx  zmq::proxy ROUTER@F/DEALER@B or XSUB@F/XPUB@B
//!
//! With the draft API (`cfg(zmq_draft)`, the default build), over zmq-sys's draft functions:
//!
//!   baseline radio EP G RATE  stdin lines -> RADIO (connect), group G, at most RATE a second
//!   baseline dish EP G N MS   DISH (bind), joins G -> `G<TAB>line` on stdout; ends after N
//!                             messages (status 0) or MS ms without one (status 3)
//!   baseline server EP        SERVER (bind), echoes every message to the client it came from
//!   baseline client EP N      CLIENT (connect), N round trips of 8 bytes, timing on stderr
//!
//! Endpoints may carry `@` (bind) or `>` (connect) to override the default direction; `push`
//! and `pull` take an optional last argument naming another socket type (`dealer`, `pub`
//! (an XPUB that waits for one subscription), `sub` (subscribes to everything)), for the proxy
//! workloads.
//! Bound endpoints are announced on stderr as `baseline: bound EP`. `HWM=N` in the
//! environment sets every socket's high-water marks (some workloads use 0).

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::time::Instant;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let ctx = zmq::Context::new();
    match a[..] {
        ["push", ep, ref kind @ ..] => push(&ctx, ep, kind.first().copied(), false),
        ["pushbin", ep] => push(&ctx, ep, None, true),
        ["pull", ep, n, ref kind @ ..] => pull(&ctx, ep, n.parse()?, kind.first().copied(), false),
        ["pullbin", ep, n] => pull(&ctx, ep, n.parse()?, None, true),
        ["rep", ep] => rep(&ctx, ep),
        ["req", ep, n] => req(&ctx, ep, n.parse()?),
        ["oneshot", ep] => oneshot(&ctx, ep),
        ["proxy", front, back, kind] => proxy(&ctx, front, back, kind),
        #[cfg(zmq_draft)]
        ["radio", ep, group, rate] => draft::radio(ep, group, rate.parse()?),
        #[cfg(zmq_draft)]
        ["dish", ep, group, n, ms] => draft::dish(ep, group, n.parse()?, ms.parse()?),
        #[cfg(zmq_draft)]
        ["server", ep] => draft::server(ep),
        #[cfg(zmq_draft)]
        ["client", ep, n] => draft::client(ep, n.parse()?),
        _ => Err(
            "usage: baseline push|pushbin|pull|pullbin|rep|req|oneshot|proxy|radio|dish|\
             server|client ... (see source)"
                .into(),
        ),
    }
}

/// Binds or connects `s` to `ep` (`@EP` binds, `>EP` connects, else as `bind` says); a bound
/// endpoint is announced on stderr.
fn attach(s: &zmq::Socket, ep: &str, bind: bool) -> Result {
    let (ep, bind) = match ep.as_bytes().first() {
        Some(b'@') => (&ep[1..], true),
        Some(b'>') => (&ep[1..], false),
        _ => (ep, bind),
    };
    if bind {
        s.bind(ep)?;
        let bound = s.get_last_endpoint()?.unwrap_or_default();
        eprintln!("baseline: bound {bound}");
    } else {
        s.connect(ep)?;
    }
    Ok(())
}

/// A socket of `kind`, bound or connected to `ep` (`@EP` binds, `>EP` connects, else `bind`).
fn open(ctx: &zmq::Context, kind: zmq::SocketType, ep: &str, bind: bool) -> Result<zmq::Socket> {
    let s = ctx.socket(kind)?;
    s.set_linger(-1)?;
    if let Ok(hwm) = std::env::var("HWM") {
        s.set_sndhwm(hwm.parse()?)?; // some workloads need 0: see bench/README.md
        s.set_rcvhwm(hwm.parse()?)?;
    }
    attach(&s, ep, bind)?;
    Ok(s)
}

fn push(ctx: &zmq::Context, ep: &str, kind: Option<&str>, zmtp: bool) -> Result {
    let s = match kind {
        None => open(ctx, zmq::PUSH, ep, false)?,
        Some("dealer") => open(ctx, zmq::DEALER, ep, false)?,
        Some("pub") => {
            // An XPUB, so it can wait for the first subscription instead of dropping messages.
            let s = open(ctx, zmq::XPUB, ep, false)?;
            s.recv_msg(0)?;
            s
        }
        Some(other) => return Err(format!("push: unknown socket type {other}").into()),
    };
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut buf = Vec::new();
    if zmtp {
        let mut head = [0u8; 9];
        while input.read(&mut head[..1])? == 1 {
            let flags = head[0];
            let size = if flags & 0x02 != 0 {
                input.read_exact(&mut head[1..9])?;
                u64::from_be_bytes(head[1..9].try_into()?) as usize
            } else {
                input.read_exact(&mut head[1..2])?;
                usize::from(head[1])
            };
            buf.resize(size, 0);
            input.read_exact(&mut buf)?;
            s.send(&buf[..], if flags & 0x01 != 0 { zmq::SNDMORE } else { 0 })?;
        }
    } else {
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            s.send(&buf[..], 0)?;
        }
    }
    drop(s); // linger -1: returns once everything queued is delivered (with the context's drop)
    Ok(())
}

fn pull(ctx: &zmq::Context, ep: &str, n: u64, kind: Option<&str>, zmtp: bool) -> Result {
    let s = match kind {
        None => open(ctx, zmq::PULL, ep, true)?,
        Some("dealer") => open(ctx, zmq::DEALER, ep, true)?,
        Some("sub") => {
            let s = open(ctx, zmq::SUB, ep, true)?;
            s.set_subscribe(b"")?;
            s
        }
        Some(other) => return Err(format!("pull: unknown socket type {other}").into()),
    };
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut msg = zmq::Message::new();
    let mut received = 0;
    while received < n {
        match s.recv(&mut msg, zmq::DONTWAIT) {
            Ok(()) => {}
            Err(zmq::Error::EAGAIN) => {
                out.flush()?;
                s.recv(&mut msg, 0)?;
            }
            Err(e) => return Err(e.into()),
        }
        let more = msg.get_more();
        if zmtp {
            let flags = u8::from(more) | if msg.len() > 255 { 0x02 } else { 0 };
            out.write_all(&[flags])?;
            if msg.len() > 255 {
                out.write_all(&(msg.len() as u64).to_be_bytes())?;
            } else {
                out.write_all(&[msg.len() as u8])?;
            }
            out.write_all(&msg)?;
        } else {
            out.write_all(&msg)?;
            out.write_all(if more { b"\t" } else { b"\n" })?;
        }
        if !more {
            received += 1;
        }
    }
    out.flush()?;
    Ok(())
}

fn rep(ctx: &zmq::Context, ep: &str) -> Result {
    let s = open(ctx, zmq::REP, ep, true)?;
    loop {
        let msg = s.recv_msg(0)?;
        s.send(msg, 0)?;
    }
}

fn req(ctx: &zmq::Context, ep: &str, n: u32) -> Result {
    let s = open(ctx, zmq::REQ, ep, false)?;
    let mut msg = zmq::Message::new();
    let start = Instant::now();
    for _ in 0..n {
        s.send(&b"12345678"[..], 0)?;
        s.recv(&mut msg, 0)?;
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "baseline: {n} round trips in {secs:.3} s, {:.1} us each",
        secs * 1e6 / f64::from(n.max(1))
    );
    Ok(())
}

fn oneshot(ctx: &zmq::Context, ep: &str) -> Result {
    let s = open(ctx, zmq::REQ, ep, false)?;
    s.send("x", 0)?;
    let reply = s.recv_msg(0)?;
    let mut out = io::stdout().lock();
    out.write_all(&reply)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn proxy(ctx: &zmq::Context, front: &str, back: &str, kind: &str) -> Result {
    let (f, b) = match kind {
        "rr" => (zmq::ROUTER, zmq::DEALER),
        "xx" => (zmq::XSUB, zmq::XPUB),
        _ => return Err("proxy: TYPE is rr (router/dealer) or xx (xsub/xpub)".into()),
    };
    let front = open(ctx, f, front, true)?;
    let back = open(ctx, b, back, true)?;
    zmq::proxy(&front, &back)?;
    Ok(())
}

/// The draft roles: sockets created with `zmq_socket` in a context of their own (the zmq
/// crate's `Context` cannot make draft types), messages sent and received with `zmq_msg_*` so
/// that groups and routing ids can be set and read.
#[cfg(zmq_draft)]
mod draft {
    use std::ffi::{CStr, CString};
    use std::io::{self, BufRead, BufReader, BufWriter, Write};
    use std::os::raw::{c_int, c_void};
    use std::time::{Duration, Instant};

    use super::{attach, Result};

    const SERVER: c_int = 12;
    const CLIENT: c_int = 13;
    const RADIO: c_int = 14;
    const DISH: c_int = 15;

    /// A draft socket in a context of its own; the socket closes before the context ends.
    struct Draft {
        sock: Option<zmq::Socket>,
        raw: *mut c_void,
        ctx: *mut c_void,
    }

    impl Draft {
        fn new(kind: c_int, ep: &str, bind: bool) -> Result<Draft> {
            // SAFETY: a fresh context, and a socket created in it, owned by the zmq::Socket.
            let d = unsafe {
                let ctx = zmq_sys::zmq_ctx_new();
                let raw = zmq_sys::zmq_socket(ctx, kind);
                if raw.is_null() {
                    return Err(format!("zmq_socket({kind}): {}", errno()).into());
                }
                Draft {
                    sock: Some(zmq::Socket::from_raw(raw)),
                    raw,
                    ctx,
                }
            };
            let s = d.sock();
            s.set_linger(-1)?;
            if let Ok(hwm) = std::env::var("HWM") {
                s.set_sndhwm(hwm.parse()?)?;
                s.set_rcvhwm(hwm.parse()?)?;
            }
            attach(s, ep, bind)?;
            Ok(d)
        }

        fn sock(&self) -> &zmq::Socket {
            self.sock.as_ref().unwrap()
        }

        fn raw(&self) -> *mut c_void {
            self.raw
        }
    }

    impl Drop for Draft {
        fn drop(&mut self) {
            drop(self.sock.take());
            // SAFETY: the context's only socket is closed; this waits for its linger.
            unsafe { zmq_sys::zmq_ctx_term(self.ctx) };
        }
    }

    fn errno() -> zmq::Error {
        // SAFETY: no arguments.
        zmq::Error::from_raw(unsafe { zmq_sys::zmq_errno() })
    }

    fn last_error() -> Box<dyn std::error::Error> {
        errno().into()
    }

    /// A message holding a copy of `body`.
    fn message(body: &[u8]) -> Result<zmq_sys::zmq_msg_t> {
        let mut msg = zmq_sys::zmq_msg_t::default();
        // SAFETY: a message initialised with room for `body`, which is copied into it.
        unsafe {
            if zmq_sys::zmq_msg_init_size(&mut msg, body.len()) != 0 {
                return Err(last_error());
            }
            let data = zmq_sys::zmq_msg_data(&mut msg) as *mut u8;
            std::ptr::copy_nonoverlapping(body.as_ptr(), data, body.len());
        }
        Ok(msg)
    }

    /// Sends `msg` (given to libzmq, or closed here when the send fails).
    fn send(s: *mut c_void, msg: &mut zmq_sys::zmq_msg_t) -> Result {
        // SAFETY: an initialised message and a live socket.
        unsafe {
            if zmq_sys::zmq_msg_send(msg, s, 0) < 0 {
                let e = last_error();
                zmq_sys::zmq_msg_close(msg);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Receives into `msg` (initialised; its previous content is released by libzmq).
    fn recv(s: *mut c_void, msg: &mut zmq_sys::zmq_msg_t, flags: c_int) -> Result<bool> {
        // SAFETY: an initialised message and a live socket.
        if unsafe { zmq_sys::zmq_msg_recv(msg, s, flags) } >= 0 {
            return Ok(true);
        }
        match errno() {
            zmq::Error::EAGAIN if flags != 0 => Ok(false),
            e => Err(e.into()),
        }
    }

    fn body(msg: &mut zmq_sys::zmq_msg_t) -> &[u8] {
        // SAFETY: the message's data, valid until it is received into again or closed.
        unsafe {
            let size = zmq_sys::zmq_msg_size(msg);
            std::slice::from_raw_parts(zmq_sys::zmq_msg_data(msg) as *const u8, size)
        }
    }

    pub fn radio(ep: &str, group: &str, rate: f64) -> Result {
        let d = Draft::new(RADIO, ep, false)?;
        let g = CString::new(group)?;
        let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
        let mut buf = Vec::new();
        let start = Instant::now();
        let mut sent = 0u64;
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            // Paced: message k leaves no earlier than k / rate seconds after the first.
            let due = start + Duration::from_secs_f64(sent as f64 / rate);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            let mut msg = message(&buf)?;
            // SAFETY: an initialised message and a NUL-terminated group.
            if unsafe { zmq_sys::zmq_msg_set_group(&mut msg, g.as_ptr()) } != 0 {
                return Err(last_error());
            }
            send(d.raw(), &mut msg)?;
            sent += 1;
        }
        Ok(())
    }

    pub fn dish(ep: &str, group: &str, n: u64, idle_ms: i64) -> Result {
        let d = Draft::new(DISH, ep, true)?;
        let g = CString::new(group)?;
        // SAFETY: a live DISH socket and a NUL-terminated group.
        if unsafe { zmq_sys::zmq_join(d.raw(), g.as_ptr()) } != 0 {
            return Err(last_error());
        }
        let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
        let mut msg = zmq_sys::zmq_msg_t::default();
        // SAFETY: a message to receive into, closed at the end.
        unsafe { zmq_sys::zmq_msg_init(&mut msg) };
        let mut received = 0;
        let mut status = 0;
        while received < n {
            if !recv(d.raw(), &mut msg, zmq_sys::ZMQ_DONTWAIT as c_int)? {
                out.flush()?;
                if d.sock().poll(zmq::POLLIN, idle_ms)? == 0 {
                    status = 3; // nothing for idle_ms: the rest was lost
                    break;
                }
                continue;
            }
            // SAFETY: a received DISH message carries its group, NUL-terminated.
            let group = unsafe { CStr::from_ptr(zmq_sys::zmq_msg_group(&mut msg)) };
            out.write_all(group.to_bytes())?;
            out.write_all(b"\t")?;
            out.write_all(body(&mut msg))?;
            out.write_all(b"\n")?;
            received += 1;
        }
        out.flush()?;
        // SAFETY: the message was initialised above.
        unsafe { zmq_sys::zmq_msg_close(&mut msg) };
        eprintln!("baseline: received {received} of {n}");
        drop(d);
        std::process::exit(status);
    }

    pub fn server(ep: &str) -> Result {
        let d = Draft::new(SERVER, ep, true)?;
        loop {
            let mut msg = zmq_sys::zmq_msg_t::default();
            // SAFETY: a message initialised to receive into; sending it back gives it to libzmq
            // with its routing id, so it goes to the client it came from.
            unsafe { zmq_sys::zmq_msg_init(&mut msg) };
            recv(d.raw(), &mut msg, 0)?;
            send(d.raw(), &mut msg)?;
        }
    }

    pub fn client(ep: &str, n: u32) -> Result {
        let d = Draft::new(CLIENT, ep, false)?;
        let mut reply = zmq_sys::zmq_msg_t::default();
        // SAFETY: a message to receive into, closed at the end.
        unsafe { zmq_sys::zmq_msg_init(&mut reply) };
        let start = Instant::now();
        for _ in 0..n {
            send(d.raw(), &mut message(b"12345678")?)?;
            recv(d.raw(), &mut reply, 0)?;
        }
        let secs = start.elapsed().as_secs_f64();
        // SAFETY: initialised above.
        unsafe { zmq_sys::zmq_msg_close(&mut reply) };
        eprintln!(
            "baseline: {n} round trips in {secs:.3} s, {:.1} us each",
            secs * 1e6 / f64::from(n.max(1))
        );
        Ok(())
    }
}
