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
        let (size, header) = if flags & LONG != 0 {
            let Some(bytes) = input.get(pos + 1..pos + 9) else {
                return truncated(eof, "a long frame size");
            };
            let mut be = [0u8; 8];
            be.copy_from_slice(bytes);
            (u64::from_be_bytes(be), 9)
        } else {
            let Some(&b) = input.get(pos + 1) else {
                return truncated(eof, "a frame size");
            };
            (u64::from(b), 2)
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
