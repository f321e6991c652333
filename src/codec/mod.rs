//! Bytes ↔ messages, for every format zmqcat speaks on stdin and stdout. Pure: no I/O here.
//!
//! A decoder looks at the front of a byte buffer and either finds one whole message there, says it
//! needs more bytes, or reports malformed input. Frames come back as spans into the input buffer
//! itself where the format allows it (text never copies), or into the decoder's own scratch buffer
//! (escapes, hex ids), so the hot path allocates nothing once the buffers have grown.
//!
//! An encoder writes one frame at a time, as frames are received, into any `io::Write`.

use std::io::{self, Write};

mod text;

/// How messages look on stdin and stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One message per line, frames separated by TAB; bytes otherwise untouched
    #[default]
    Text,
}

/// Options shared by the encoder and the decoder of one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub format: Format,
    /// Ends a message (newline, or NUL with `--null`).
    pub terminator: u8,
    /// Separates frames in `text`.
    pub separator: u8,
    /// The first frame is a routing id: printed as-is when printable, else as `0x` + hex.
    pub id_field: bool,
}

impl Style {
    pub fn new(format: Format) -> Style {
        Style {
            format,
            terminator: b'\n',
            separator: b'\t',
            id_field: false,
        }
    }
}

/// Where a decoded frame's bytes live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Src {
    Input,
    Scratch,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    src: Src,
    start: usize,
    end: usize,
}

/// The frames of one decoded message, borrowed from the input and the decoder's scratch space.
#[derive(Debug, Clone, Copy)]
pub struct Frames<'a> {
    input: &'a [u8],
    scratch: &'a [u8],
    spans: &'a [Span],
}

impl<'a> Frames<'a> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn get(&self, i: usize) -> &'a [u8] {
        let s = self.spans[i];
        let base = match s.src {
            Src::Input => self.input,
            Src::Scratch => self.scratch,
        };
        &base[s.start..s.end]
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }

    /// Total payload size in bytes.
    pub fn bytes(&self) -> usize {
        self.spans.iter().map(|s| s.end - s.start).sum()
    }
}

/// What a decoder found at the front of its input.
#[derive(Debug)]
pub enum Decoded<'a> {
    /// One whole message, which took `consumed` bytes of input.
    Message { consumed: usize, frames: Frames<'a> },
    /// The input holds only part of a message.
    NeedMore,
    /// The input is empty and no more will come.
    End,
}

/// Malformed input; the caller adds the message number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub String);

/// Turns bytes into messages.
#[derive(Debug)]
pub struct Decoder {
    style: Style,
    max_size: Option<usize>,
    scratch: Vec<u8>,
    spans: Vec<Span>,
}

impl Decoder {
    pub fn new(style: Style, max_size: Option<usize>) -> Decoder {
        Decoder {
            style,
            max_size,
            scratch: Vec::new(),
            spans: Vec::with_capacity(8),
        }
    }

    /// The byte that ends a message in line-oriented formats.
    pub fn terminator(&self) -> u8 {
        self.style.terminator
    }

    /// Decodes the message at the front of `input`; `eof` says no more bytes will follow it.
    pub fn decode<'a>(
        &'a mut self,
        input: &'a [u8],
        eof: bool,
    ) -> Result<Decoded<'a>, DecodeError> {
        self.scratch.clear();
        self.spans.clear();
        let consumed = match self.style.format {
            Format::Text => text::decode(self, input, eof)?,
        };
        let Some(consumed) = consumed else {
            if let Some(max) = self.max_size {
                if input.len() > max.saturating_add(16) {
                    return Err(too_big(input.len(), max, "and counting"));
                }
            }
            return Ok(if eof && input.is_empty() {
                Decoded::End
            } else {
                Decoded::NeedMore
            });
        };
        let frames = Frames {
            input,
            scratch: &self.scratch,
            spans: &self.spans,
        };
        if let Some(max) = self.max_size {
            let size = frames.bytes();
            if size > max {
                return Err(too_big(size, max, "in all"));
            }
        }
        Ok(Decoded::Message { consumed, frames })
    }

    fn push_input(&mut self, start: usize, end: usize) {
        self.spans.push(Span {
            src: Src::Input,
            start,
            end,
        });
    }

    /// Appends bytes written into `scratch` since `start` as one frame.
    fn push_scratch_from(&mut self, start: usize) {
        let end = self.scratch.len();
        self.spans.push(Span {
            src: Src::Scratch,
            start,
            end,
        });
    }
}

fn too_big(size: usize, max: usize, how: &str) -> DecodeError {
    DecodeError(format!(
        "message is {size} bytes {how}, over --max-msg-size {max}"
    ))
}

/// Turns messages into bytes, one frame at a time.
#[derive(Debug, Clone)]
pub struct Encoder {
    style: Style,
}

impl Encoder {
    pub fn new(style: Style) -> Encoder {
        Encoder { style }
    }

    /// Writes frame number `index` of a message; `more` says another frame follows.
    #[inline]
    pub fn frame(
        &mut self,
        w: &mut impl Write,
        data: &[u8],
        index: usize,
        more: bool,
    ) -> io::Result<()> {
        match self.style.format {
            Format::Text => text::encode(&self.style, w, data, index, more),
        }
    }
}

/// A routing id is shown as-is when every byte is printable ASCII (and it cannot be mistaken for
/// a hex id), otherwise as `0x` followed by lowercase hex.
pub fn write_id(w: &mut impl Write, id: &[u8]) -> io::Result<()> {
    let printable = id.iter().all(|b| (0x20..0x7f).contains(b)) && !id.starts_with(b"0x");
    if printable {
        return w.write_all(id);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    w.write_all(b"0x")?;
    let mut buf = [0u8; 128];
    for chunk in id.chunks(64) {
        for (i, &b) in chunk.iter().enumerate() {
            buf[2 * i] = HEX[(b >> 4) as usize];
            buf[2 * i + 1] = HEX[(b & 15) as usize];
        }
        w.write_all(&buf[..2 * chunk.len()])?;
    }
    Ok(())
}

/// Decodes an id field written by [`write_id`]: `0x` + hex, or the bytes themselves.
pub fn read_id(field: &[u8], out: &mut Vec<u8>) -> Result<(), DecodeError> {
    let Some(hex) = field.strip_prefix(b"0x") else {
        out.extend_from_slice(field);
        return Ok(());
    };
    if hex.len() % 2 != 0 {
        return Err(DecodeError(
            "routing id 0x… has an odd number of hex digits".into(),
        ));
    }
    for pair in hex.chunks(2) {
        let hi = hex_value(pair[0]);
        let lo = hex_value(pair[1]);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => {
                return Err(DecodeError(format!(
                    "routing id has a non-hex digit in '{}'",
                    String::from_utf8_lossy(field).escape_debug()
                )))
            }
        }
    }
    Ok(())
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in [
            &b"cook"[..],
            b"\x00\x80\x00\x00\x01",
            b"0xabc",
            b"",
            &[0xff; 100][..],
            b"with space",
            b"tab\there",
        ] {
            let mut shown = Vec::new();
            write_id(&mut shown, id).unwrap();
            assert!(!shown.contains(&b'\t') && !shown.contains(&b'\n'));
            let mut back = Vec::new();
            read_id(&shown, &mut back).unwrap();
            assert_eq!(back, id, "shown as {}", String::from_utf8_lossy(&shown));
        }
        let mut shown = Vec::new();
        write_id(&mut shown, b"\x00\x80\x00\x00\x01").unwrap();
        assert_eq!(shown, b"0x0080000001");
    }

    #[test]
    fn bad_hex_ids_are_reported() {
        let mut out = Vec::new();
        assert!(read_id(b"0xabc", &mut out).is_err());
        assert!(read_id(b"0xzz", &mut out).is_err());
        out.clear();
        read_id(b"0XAB", &mut out).unwrap();
        assert_eq!(out, b"0XAB");
    }
}
