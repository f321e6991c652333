//! The socket commands, as data: which socket, which natural direction, which loop. Eleven
//! commands differ only in this; everything they do is in the shared loops.

use crate::cli::Kind;
use crate::endpoint::Direction;

/// Which of the shared loops a command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loop {
    SendOnly,
    RecvOnly,
    /// Request, then reply (REQ).
    Client,
    /// Request in, reply out (REP).
    Server,
    Duplex,
}

#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    pub socket: zmq::SocketType,
    /// What a bare positional endpoint does.
    pub natural: Direction,
    pub run: Loop,
}

impl Pattern {
    /// Whether the socket sends, so that queued messages deserve a drain at exit.
    pub fn sends(&self) -> bool {
        self.run != Loop::RecvOnly
    }
}

pub fn pattern(kind: Kind) -> Pattern {
    use Direction::{Bind, Connect};
    let (socket, natural, run) = match kind {
        Kind::Req => (zmq::REQ, Connect, Loop::Client),
        Kind::Rep => (zmq::REP, Bind, Loop::Server),
        Kind::Pub => (zmq::PUB, Bind, Loop::SendOnly),
        Kind::Sub => (zmq::SUB, Connect, Loop::RecvOnly),
        Kind::Push => (zmq::PUSH, Connect, Loop::SendOnly),
        Kind::Pull => (zmq::PULL, Bind, Loop::RecvOnly),
        Kind::Router => (zmq::ROUTER, Bind, Loop::Duplex),
        Kind::Dealer => (zmq::DEALER, Connect, Loop::Duplex),
        Kind::Pair => (zmq::PAIR, Connect, Loop::Duplex),
        Kind::Xpub => (zmq::XPUB, Bind, Loop::Duplex),
        Kind::Xsub => (zmq::XSUB, Connect, Loop::Duplex),
    };
    Pattern {
        socket,
        natural,
        run,
    }
}
