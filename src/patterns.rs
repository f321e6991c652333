//! The socket commands, as data: which socket, which natural direction, which loop. Eleven
//! commands differ only in this; everything they do is in the shared loops.

use std::fmt;

/// Whether a socket binds or connects to an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Bind,
    Connect,
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::Bind => "bind",
            Direction::Connect => "connect",
        })
    }
}

/// The socket commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Req,
    Rep,
    Pub,
    Sub,
    Push,
    Pull,
    Router,
    Dealer,
    Pair,
    Xpub,
    Xsub,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Req,
        Kind::Rep,
        Kind::Pub,
        Kind::Sub,
        Kind::Push,
        Kind::Pull,
        Kind::Router,
        Kind::Dealer,
        Kind::Pair,
        Kind::Xpub,
        Kind::Xsub,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Req => "req",
            Kind::Rep => "rep",
            Kind::Pub => "pub",
            Kind::Sub => "sub",
            Kind::Push => "push",
            Kind::Pull => "pull",
            Kind::Router => "router",
            Kind::Dealer => "dealer",
            Kind::Pair => "pair",
            Kind::Xpub => "xpub",
            Kind::Xsub => "xsub",
        }
    }

    /// The command named `name` (case-insensitive).
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// Whether this socket type can receive messages.
    pub fn receives(self) -> bool {
        !matches!(self, Kind::Push | Kind::Pub)
    }

    /// Whether this socket type can send messages.
    pub fn sends(self) -> bool {
        !matches!(self, Kind::Pull | Kind::Sub)
    }
}

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
