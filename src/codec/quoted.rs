//! `quoted`: like `text`, but lossless: inside a frame `\\ \t \n \r \0` and `\xNN` escapes.
//! Output escapes the backslash, every C0 control byte (0x00–0x1f) and DEL (0x7f), so a frame
//! can neither be mistaken for structure (TAB, newline, NUL) nor drive the terminal it is
//! printed on (ESC sequences, backspace, bell); bytes from 0x80 up, UTF-8 included, are written
//! as they are. The only control bytes in the output are the frame separator and terminator.

use std::io::{self, Write};

use super::{hex_value as hex, next_line, read_id, write_id, DecodeError, Decoder, Style};

pub(super) fn decode(
    d: &mut Decoder,
    input: &[u8],
    eof: bool,
) -> Result<Option<usize>, DecodeError> {
    let Some((line, consumed)) = next_line(input, d.style.terminator, eof) else {
        return Ok(None);
    };
    let plain = memchr::memchr(b'\\', line).is_none();
    let mut start = 0;
    let mut first = true;
    for end in memchr::memchr_iter(b'\t', line).chain(std::iter::once(line.len())) {
        let field = &line[start..end];
        if first && d.style.id_field {
            // Ids are written by `write_id` (printable as-is, else hex), never escaped.
            let from = d.scratch.len();
            read_id(field, &mut d.scratch)?;
            d.push_scratch_from(from);
        } else if plain {
            // No escapes anywhere: frames are slices of the input, as in `text`.
            d.push_input(start, end);
        } else {
            let from = d.scratch.len();
            unescape(field, &mut d.scratch)?;
            d.push_scratch_from(from);
        }
        first = false;
        start = end + 1;
    }
    Ok(Some(consumed))
}

fn unescape(field: &[u8], out: &mut Vec<u8>) -> Result<(), DecodeError> {
    let mut rest = field;
    while let Some(i) = memchr::memchr(b'\\', rest) {
        out.extend_from_slice(&rest[..i]);
        let (byte, used) = match rest.get(i + 1) {
            Some(b'\\') => (b'\\', 2),
            Some(b't') => (b'\t', 2),
            Some(b'n') => (b'\n', 2),
            Some(b'r') => (b'\r', 2),
            Some(b'0') => (0, 2),
            Some(b'x') => match (
                rest.get(i + 2).and_then(|&b| hex(b)),
                rest.get(i + 3).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => (h << 4 | l, 4),
                _ => return Err(DecodeError("bad escape: \\x needs two hex digits".into())),
            },
            Some(&other) => {
                return Err(DecodeError(format!(
                    "bad escape '\\{}' (known: \\\\ \\t \\n \\r \\0 \\xNN)",
                    (other as char).escape_default()
                )))
            }
            None => {
                return Err(DecodeError(
                    "a backslash ends the frame: write \\\\ for a backslash".into(),
                ))
            }
        };
        out.push(byte);
        rest = &rest[i + used..];
    }
    out.extend_from_slice(rest);
    Ok(())
}

#[inline]
pub(super) fn encode(
    style: &Style,
    w: &mut impl Write,
    data: &[u8],
    index: usize,
    more: bool,
) -> io::Result<()> {
    if index == 0 && style.id_field {
        write_id(w, data)?;
    } else {
        let mut rest = data;
        while let Some(i) = rest.iter().position(|&b| needs_escape(b)) {
            w.write_all(&rest[..i])?;
            write_escape(w, rest[i])?;
            rest = &rest[i + 1..];
        }
        w.write_all(rest)?;
    }
    w.write_all(if more {
        b"\t"
    } else {
        std::slice::from_ref(&style.terminator)
    })
}

/// Whether `encode` writes `b` as an escape: the backslash itself, C0 controls and DEL.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == b'\\'
}

fn write_escape(w: &mut impl Write, b: u8) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'\\' => w.write_all(b"\\\\"),
        b'\t' => w.write_all(b"\\t"),
        b'\n' => w.write_all(b"\\n"),
        b'\r' => w.write_all(b"\\r"),
        0 => w.write_all(b"\\0"),
        _ => w.write_all(&[b'\\', b'x', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]),
    }
}
