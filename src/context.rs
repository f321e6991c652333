//! zmqcat's libzmq context: the `zmq` crate's `Context` cannot create the draft socket types
//! (its `SocketType` has none) and hides its `zmq_ctx`, so zmqcat owns the context itself and
//! hands out ordinary `zmq::Socket`s of any type, all in the one context (monitors and the ZAP
//! handler talk over inproc://, which only works within a context).

use std::ops::{Deref, DerefMut};
use std::os::raw::{c_int, c_void};
use std::sync::Arc;

/// The libzmq socket types, with zmq.h's numbers; SERVER and up exist only in a libzmq built
/// with the draft API. Shown by name in `--explain`.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocketType {
    PAIR = 0,
    PUB = 1,
    SUB = 2,
    REQ = 3,
    REP = 4,
    DEALER = 5,
    ROUTER = 6,
    PULL = 7,
    PUSH = 8,
    XPUB = 9,
    XSUB = 10,
    // 11 is STREAM, 18 DGRAM: no command uses them.
    SERVER = 12,
    CLIENT = 13,
    RADIO = 14,
    DISH = 15,
    GATHER = 16,
    SCATTER = 17,
    PEER = 19,
    CHANNEL = 20,
}

pub use SocketType::*;

impl SocketType {
    /// Whether this type is in the draft API (and so thread-safe: single-frame messages).
    pub fn is_draft(self) -> bool {
        self as c_int >= SERVER as c_int
    }
}

/// The `zmq_ctx` itself, terminated when the last handle and socket are gone.
struct Raw(*mut c_void);

// SAFETY: a libzmq context is thread-safe: any thread may create sockets in it or end it.
unsafe impl Send for Raw {}
// SAFETY: as above; `Raw` only hands the pointer to libzmq.
unsafe impl Sync for Raw {}

impl Drop for Raw {
    fn drop(&mut self) {
        // Blocks until libzmq delivered within each socket's linger (app::drain_context runs
        // this on a helper thread); EINTR only means a signal arrived meanwhile.
        loop {
            // SAFETY: the context is valid and every socket of it is closed (each holds a
            // `Context`, so this drop comes after theirs).
            let rc = unsafe { zmq_sys::zmq_ctx_term(self.0) };
            if rc == 0 || zmq::Error::from_raw(last_errno()) != zmq::Error::EINTR {
                return;
            }
        }
    }
}

fn last_errno() -> c_int {
    // SAFETY: reads libzmq's thread-local errno; no arguments.
    unsafe { zmq_sys::zmq_errno() }
}

/// A handle on one libzmq context; clones share it.
#[derive(Clone)]
pub struct Context {
    raw: Arc<Raw>,
}

impl Default for Context {
    fn default() -> Self {
        Context::new()
    }
}

impl Context {
    pub fn new() -> Context {
        // SAFETY: no arguments; a null result (out of memory) surfaces at the first socket.
        let ctx = unsafe { zmq_sys::zmq_ctx_new() };
        Context {
            raw: Arc::new(Raw(ctx)),
        }
    }

    /// A new socket of any type the linked libzmq knows (EINVAL for a draft type without the
    /// draft API).
    pub fn socket(&self, kind: SocketType) -> zmq::Result<Socket> {
        if self.raw.0.is_null() {
            return Err(zmq::Error::ENOMEM);
        }
        // SAFETY: a live context; libzmq checks the type.
        let ptr = unsafe { zmq_sys::zmq_socket(self.raw.0, kind as c_int) };
        if ptr.is_null() {
            return Err(zmq::Error::from_raw(last_errno()));
        }
        Ok(Socket {
            // SAFETY: a socket just created by zmq_socket, owned by nothing else: the
            // `zmq::Socket` closes it when dropped.
            sock: unsafe { zmq::Socket::from_raw(ptr) },
            _ctx: self.clone(),
        })
    }
}

/// A `zmq::Socket` that keeps its context alive: the context ends only after every socket
/// closed (fields drop in order: the socket first), however the owners are ordered.
pub struct Socket {
    sock: zmq::Socket,
    _ctx: Context,
}

impl Deref for Socket {
    type Target = zmq::Socket;
    fn deref(&self) -> &zmq::Socket {
        &self.sock
    }
}

impl DerefMut for Socket {
    fn deref_mut(&mut self) -> &mut zmq::Socket {
        &mut self.sock
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sockets_of_one_context_talk_over_inproc_and_outlive_its_handle() {
        let ctx = Context::new();
        let a = ctx.socket(PAIR).unwrap();
        let b = ctx.socket(PAIR).unwrap();
        drop(ctx);
        a.bind("inproc://context-test").unwrap();
        b.connect("inproc://context-test").unwrap();
        a.send("x", 0).unwrap();
        assert_eq!(b.recv_bytes(0).unwrap(), b"x");
    }

    #[test]
    fn draft_types_exist_with_the_draft_api() {
        // Debian's libzmq 4.3.4 creates SERVER sockets without the draft API (only the draft
        // functions are missing), so only one direction holds everywhere.
        let ctx = Context::new();
        if zmq::has("draft") == Some(true) {
            assert!(ctx.socket(SERVER).is_ok());
        }
        assert!(SERVER.is_draft() && !XSUB.is_draft());
    }
}
