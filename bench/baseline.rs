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
        _ => Err(
            "usage: baseline push|pushbin|pull|pullbin|rep|req|oneshot|proxy ... (see source)"
                .into(),
        ),
    }
}

/// A socket of `kind`, bound or connected to `ep` (`@EP` binds, `>EP` connects, else `bind`).
fn open(ctx: &zmq::Context, kind: zmq::SocketType, ep: &str, bind: bool) -> Result<zmq::Socket> {
    let s = ctx.socket(kind)?;
    s.set_linger(-1)?;
    if let Ok(hwm) = std::env::var("HWM") {
        s.set_sndhwm(hwm.parse()?)?; // some workloads need 0: see bench/README.md
        s.set_rcvhwm(hwm.parse()?)?;
    }
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
