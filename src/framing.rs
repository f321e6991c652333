//! What an input message means on a thread-safe (draft) socket, whose messages are one frame
//! each: CLIENT, SCATTER and GATHER send the lone frame; SERVER reads a decimal routing id as
//! the first field, RADIO a group (unless `-g` gave one). More frames than that are refused
//! (status 4, naming the message): libzmq would otherwise take each frame for a message.

use std::borrow::Cow;
use std::ffi::{CStr, CString};

use crate::codec::{DecodeError, Frames};
use crate::draft::{self, To};
use crate::exit::Usage;
use crate::io::InputError;
use crate::patterns::Addressing;

/// Where the body goes, owned when it came from the message itself.
#[derive(Debug)]
pub enum Target<'g> {
    /// Wherever the socket sends (CLIENT's server, SCATTER's next peer).
    Any,
    RoutingId(u32),
    Group(Cow<'g, CStr>),
}

/// The body of message `number` and its target, or why it cannot be sent.
pub fn outgoing<'f, 'g>(
    addressing: Addressing,
    group: Option<&'g CStr>,
    frames: &Frames<'f>,
    number: u64,
) -> Result<(&'f [u8], Target<'g>), InputError> {
    let bad = |why: String| InputError {
        number,
        error: DecodeError(why),
    };
    let fields = match (addressing, group) {
        (Addressing::ByRoutingId, _) | (Addressing::ByGroup, None) => 2,
        _ => 1,
    };
    if frames.len() != fields {
        return Err(bad(match (addressing, group) {
            (Addressing::ByGroup, None) if frames.len() == 1 => {
                "no group: give -g GROUP, or the group as a first field".into()
            }
            (Addressing::ByRoutingId, _) => format!(
                "{} frames; a server or peer sends a routing id and one frame (its socket \
                 carries single-frame messages)",
                frames.len()
            ),
            _ => format!(
                "{} frames; this socket carries single-frame messages{}",
                frames.len(),
                if fields == 2 { " after the group" } else { "" }
            ),
        }));
    }
    let body = frames.get(fields - 1);
    let target = match (addressing, group) {
        (Addressing::ByRoutingId, _) => Target::RoutingId(routing_id(frames.get(0)).map_err(bad)?),
        (Addressing::ByGroup, Some(g)) => Target::Group(Cow::Borrowed(g)),
        (Addressing::ByGroup, None) => {
            Target::Group(Cow::Owned(group_name(frames.get(0)).map_err(bad)?))
        }
        _ => Target::Any,
    };
    Ok((body, target))
}

/// A routing id as SERVER prints it: decimal, from 1.
fn routing_id(field: &[u8]) -> Result<u32, String> {
    std::str::from_utf8(field)
        .ok()
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse::<u32>().ok())
        .filter(|id| *id != 0)
        .ok_or_else(|| {
            format!(
                "routing id '{}' is not a number from 1 to {} (as server prints them)",
                String::from_utf8_lossy(field).escape_debug(),
                u32::MAX
            )
        })
}

/// A group name: at most 255 bytes, no NUL.
pub fn group_name(field: &[u8]) -> Result<CString, String> {
    if field.len() > draft::GROUP_MAX {
        return Err(format!(
            "group is {} bytes long; the limit is {}",
            field.len(),
            draft::GROUP_MAX
        ));
    }
    CString::new(field).map_err(|_| "a group cannot hold a NUL byte".into())
}

/// Group names (`radio -g`, `dish -j`, `poll -j`, `proxy -j`), checked: at most 255 bytes, no
/// NUL; a usage error naming the first bad one.
pub fn groups<S: AsRef<str>>(names: &[S]) -> Result<Vec<CString>, Usage> {
    names
        .iter()
        .map(|g| {
            let g = g.as_ref();
            group_name(g.as_bytes())
                .map_err(|why| Usage(format!("group '{}': {why}", g.escape_debug())))
        })
        .collect()
}

/// Sends `body` to `target` without blocking.
pub fn send(sock: &mut zmq::Socket, body: &[u8], target: &Target<'_>) -> zmq::Result<()> {
    loop {
        let result = match target {
            Target::Any => sock.send(body, zmq::DONTWAIT),
            Target::RoutingId(id) => draft::send(sock, body, To::RoutingId(*id), zmq::DONTWAIT),
            Target::Group(g) => draft::send(sock, body, To::Group(g), zmq::DONTWAIT),
        };
        match result {
            Err(zmq::Error::EINTR) => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routing_ids_are_positive_decimal_numbers() {
        assert_eq!(routing_id(b"42"), Ok(42));
        for bad in [&b""[..], b"0", b"-1", b"0x2a", b"4294967296", b"7 "] {
            assert!(routing_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn group_names_are_short_and_without_nul() {
        assert!(group_name(b"weather").is_ok());
        assert!(group_name(&[b'g'; 255]).is_ok());
        assert!(group_name(&[b'g'; 256]).is_err());
        assert!(group_name(b"a\0b").is_err());
    }
}
