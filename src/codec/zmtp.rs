//! `zmtp`: binary, each frame as a ZMTP/3.x frame: a flags byte (0x01 MORE, 0x02 LONG), the body
//! size in 1 byte (short) or 8 big-endian bytes (long), then the body. The fastest lossless way
//! to carry binary messages through a pipe; frames are decoded in place, without copies.

use std::io::{self, Write};

use super::{DecodeError, Decoder};

const MORE: u8 = 0x01;
const LONG: u8 = 0x02;
const COMMAND: u8 = 0x04;

pub(super) fn decode(
    d: &mut Decoder,
    input: &[u8],
    eof: bool,
) -> Result<Option<usize>, DecodeError> {
    if input.is_empty() {
        return Ok(None);
    }
    let mut pos = 0;
    loop {
        let Some(&flags) = input.get(pos) else {
            return truncated(eof, "a frame header");
        };
        if flags & COMMAND != 0 {
            return Err(DecodeError(format!(
                "frame flags 0x{flags:02x}: a ZMTP command frame is not a message"
            )));
        }
        if flags & !(MORE | LONG) != 0 {
            return Err(DecodeError(format!(
                "frame flags 0x{flags:02x}: reserved bits are set"
            )));
        }
        let Some((size, header)) = frame_header(flags, input, pos) else {
            let what = if flags & LONG != 0 {
                "a long frame size"
            } else {
                "a frame size"
            };
            return truncated(eof, what);
        };
        if let Some(max) = d.max_size {
            if size > max as u64 {
                return Err(DecodeError(format!(
                    "frame of {size} bytes is over --max-msg-size {max}"
                )));
            }
        }
        let start = pos + header;
        let Some(end) = usize::try_from(size)
            .ok()
            .and_then(|s| start.checked_add(s))
        else {
            return Err(DecodeError(format!("frame size {size} is too large")));
        };
        if end > input.len() {
            return truncated(eof, "a frame body");
        }
        d.push_input(start, end);
        pos = end;
        if flags & MORE == 0 {
            return Ok(Some(pos));
        }
    }
}

/// The body size and header length of the frame whose flags byte is `input[pos]`; `None`
/// while the size is not all there.
#[inline(always)]
fn frame_header(flags: u8, input: &[u8], pos: usize) -> Option<(u64, usize)> {
    if flags & LONG != 0 {
        let be: [u8; 8] = input.get(pos + 1..pos + 9)?.try_into().ok()?;
        Some((u64::from_be_bytes(be), 9))
    } else {
        Some((u64::from(*input.get(pos + 1)?), 2))
    }
}

/// A whole message of one frame at the start of `input` (no MORE, no COMMAND, no reserved
/// flag): its body and the input bytes it takes. `None` for anything else, which
/// [`decode`] then judges.
#[inline(always)]
pub fn single_frame(input: &[u8]) -> Option<(&[u8], usize)> {
    let flags = *input.first()?;
    if flags & !LONG != 0 {
        return None;
    }
    let (size, header) = frame_header(flags, input, 0)?;
    let end = header.checked_add(usize::try_from(size).ok()?)?;
    Some((input.get(header..end)?, end))
}

fn truncated(eof: bool, what: &str) -> Result<Option<usize>, DecodeError> {
    if eof {
        Err(DecodeError(format!(
            "truncated zmtp frame: input ended inside {what}"
        )))
    } else {
        Ok(None)
    }
}

#[inline]
pub(super) fn encode(w: &mut impl Write, data: &[u8], more: bool) -> io::Result<()> {
    let more = if more { MORE } else { 0 };
    if let Ok(short) = u8::try_from(data.len()) {
        w.write_all(&[more, short])?;
    } else {
        let mut header = [0u8; 9];
        header[0] = more | LONG;
        header[1..].copy_from_slice(&(data.len() as u64).to_be_bytes());
        w.write_all(&header)?;
    }
    w.write_all(data)
}
