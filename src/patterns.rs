//! The socket commands, as data: which socket, which natural direction, which loop, in one
//! table ([`socket_commands!`]). The commands differ only in this; everything they do is in
//! the shared loops.

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

/// Declares the socket commands, one row each: the command's name, its libzmq socket type,
/// what a bare endpoint does, which shared loop runs it and whether messages carry a routing
/// id as their first field. [`Kind`], [`Kind::ALL`],
/// [`Kind::name`] and [`pattern`] all come from the one table, so none can miss a command.
macro_rules! socket_commands {
    ($($kind:ident = $name:literal, $socket:ident, $natural:ident, $run:ident, $ids:ident;)*) => {
        /// The socket commands.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($kind,)*
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name,)*
                }
            }
        }

        pub fn pattern(kind: Kind) -> Pattern {
            match kind {
                $(Kind::$kind => Pattern {
                    socket: crate::context::$socket,
                    natural: Direction::$natural,
                    run: Loop::$run,
                    addressing: Addressing::$ids,
                },)*
            }
        }
    };
}

socket_commands! {
    Req = "req", REQ, Connect, Client, Plain;
    Rep = "rep", REP, Bind, Server, Plain;
    Pub = "pub", PUB, Bind, SendOnly, Plain;
    Sub = "sub", SUB, Connect, RecvOnly, Plain;
    Push = "push", PUSH, Connect, SendOnly, Plain;
    Pull = "pull", PULL, Bind, RecvOnly, Plain;
    Router = "router", ROUTER, Bind, Duplex, ById;
    Dealer = "dealer", DEALER, Connect, Duplex, Plain;
    Pair = "pair", PAIR, Connect, Duplex, Plain;
    Xpub = "xpub", XPUB, Bind, Duplex, Plain;
    Xsub = "xsub", XSUB, Connect, Duplex, Plain;
    Server = "server", SERVER, Bind, Duplex, ByRoutingId;
    Client = "client", CLIENT, Connect, Duplex, Single;
    Scatter = "scatter", SCATTER, Connect, SendOnly, Single;
    Gather = "gather", GATHER, Bind, RecvOnly, Single;
    Radio = "radio", RADIO, Connect, SendOnly, ByGroup;
    Dish = "dish", DISH, Bind, RecvOnly, ByGroup;
    Channel = "channel", CHANNEL, Connect, Duplex, Single;
    Peer = "peer", PEER, Connect, Duplex, ByRoutingId;
}

impl Kind {
    /// The command named `name` (case-insensitive).
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// Whether this socket type can receive messages.
    pub fn receives(self) -> bool {
        pattern(self).run != Loop::SendOnly
    }

    /// Whether this socket type can send messages.
    pub fn sends(self) -> bool {
        pattern(self).run != Loop::RecvOnly
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

/// Whether a socket's messages name their peer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Addressing {
    /// The first frame is the peer's routing id, shown and read as the first field.
    ById,
    #[default]
    Plain,
    /// A thread-safe (draft) socket: every message is one frame, and input of more is refused.
    Single,
    /// Single-frame messages that carry their peer's routing id as a property (SERVER): shown
    /// and read as a decimal first field.
    ByRoutingId,
    /// Single-frame messages that carry a group as a property (RADIO, DISH): shown and read as
    /// the first field.
    ByGroup,
}

impl Addressing {
    /// Whether the peer's routing id or the group is a message property (SERVER, PEER, RADIO,
    /// DISH), shown and read as a field of its own.
    pub fn in_properties(self) -> bool {
        matches!(self, Addressing::ByRoutingId | Addressing::ByGroup)
    }

    /// Whether the socket is thread-safe: one frame per message.
    pub fn single_frame(self) -> bool {
        matches!(
            self,
            Addressing::Single | Addressing::ByRoutingId | Addressing::ByGroup
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    pub socket: crate::context::SocketType,
    /// What a bare positional endpoint does.
    pub natural: Direction,
    pub run: Loop,
    pub addressing: Addressing,
}

impl Pattern {
    /// Whether the socket sends, so that queued messages deserve a drain at exit.
    pub fn sends(&self) -> bool {
        self.run != Loop::RecvOnly
    }
}
