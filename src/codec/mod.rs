//! Bytes ↔ messages, for every format zmqcat speaks on stdin and stdout. Pure: no I/O here.
//!
//! A decoder looks at the front of a byte buffer and either finds one whole message there, says it
//! needs more bytes, or reports malformed input. Frames come back as spans into the input buffer
//! itself where the format allows it (text never copies), or into the decoder's own scratch buffer
//! (escapes, hex ids), so the hot path allocates nothing once the buffers have grown.
//!
//! An encoder writes one frame at a time, as frames are received, into any `io::Write`.

use std::io::{self, Write};

mod json;
mod quoted;
mod text;
mod zmtp;

pub use zmtp::single_frame as zmtp_single_frame;

/// How messages look on stdin and stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One message per line, frames separated by TAB; bytes otherwise untouched
    #[default]
    Text,
    /// One message per line, frames separated by TAB, with \\ \t \n \r \0 \xNN escapes (lossless)
    Quoted,
    /// One JSON array per line; a frame is a string, or {"base64": "…"} when not UTF-8 (lossless)
    Json,
    /// Input: all of stdin is one single-frame message; output: frame bytes back to back (lossy)
    Raw,
    /// Binary ZMTP/3.x frames: flags byte (MORE, LONG), 1- or 8-byte size, body (lossless, fastest)
    Zmtp,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Quoted,
        Format::Json,
        Format::Raw,
        Format::Zmtp,
    ];

    /// The name on the command line and in `ZMQCAT_FORMAT`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Quoted => "quoted",
            Format::Json => "json",
            Format::Raw => "raw",
            Format::Zmtp => "zmtp",
        }
    }

    /// Whether messages are separated by a terminator byte (and `--null` applies).
    pub fn has_terminator(self) -> bool {
        matches!(self, Format::Text | Format::Quoted)
    }
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

    pub fn get(&self, i: usize) -> &'a [u8] {
        let s = self.spans[i];
        let base = match s.src {
            Src::Input => self.input,
            Src::Scratch => self.scratch,
        };
        &base[s.start..s.end]
    }

    /// The frames after the first (none when there is at most one): what follows a label.
    pub fn after_first(&self) -> Frames<'a> {
        Frames {
            spans: self.spans.get(1..).unwrap_or_default(),
            ..*self
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a [u8]> + '_ {
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
#[derive(Debug, Clone)]
pub struct Decoder {
    style: Style,
    max_size: Option<usize>,
    scratch: Vec<u8>,
    spans: Vec<Span>,
    /// `raw`: the single message was taken.
    raw_taken: bool,
}

impl Decoder {
    pub fn new(style: Style, max_size: Option<usize>) -> Decoder {
        Decoder {
            style,
            max_size,
            scratch: Vec::new(),
            spans: Vec::with_capacity(8),
            raw_taken: false,
        }
    }

    /// Tells the decoder that the message it returned last was taken.
    pub fn taken(&mut self) {
        self.raw_taken = true;
    }

    pub fn style(&self) -> &Style {
        &self.style
    }

    /// The largest message taken (`--max-msg-size`).
    pub fn max_size(&self) -> Option<usize> {
        self.max_size
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
            Format::Quoted => quoted::decode(self, input, eof)?,
            Format::Json => json::decode(self, input, eof)?,
            Format::Zmtp => zmtp::decode(self, input, eof)?,
            Format::Raw => self.raw(input, eof),
        };
        let Some(consumed) = consumed else {
            if let Some(max) = self.max_size {
                // The exact check is on the decoded message; this one only stops an endless
                // message from filling memory. Encodings take up to 6 bytes per byte (json's
                // \u00XX), so only input well beyond that is refused before its end.
                let bound = max.saturating_mul(ENCODED_MAX_RATIO).saturating_add(1024);
                if input.len() > bound {
                    return Err(DecodeError(format!(
                        "message is over --max-msg-size {max}: {} bytes of input and no end yet",
                        input.len()
                    )));
                }
            }
            let blank =
                self.style.format == Format::Json && input.iter().all(u8::is_ascii_whitespace);
            return Ok(if eof && (input.is_empty() || blank) {
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

    /// `raw`: everything up to the end of input is one frame (an empty input is one empty frame).
    fn raw(&mut self, input: &[u8], eof: bool) -> Option<usize> {
        if !eof || (input.is_empty() && self.raw_taken) {
            return None;
        }
        self.push_input(0, input.len());
        Some(input.len())
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

/// How many input bytes one message byte may take in the wordiest format.
const ENCODED_MAX_RATIO: usize = 6;

fn too_big(size: usize, max: usize, how: &str) -> DecodeError {
    DecodeError(format!(
        "message is {size} bytes {how}, over --max-msg-size {max}"
    ))
}

/// Turns messages into bytes, one frame at a time.
#[derive(Debug, Clone)]
pub struct Encoder {
    style: Style,
    b64: String,
}

impl Encoder {
    pub fn new(style: Style) -> Encoder {
        Encoder {
            style,
            b64: String::new(),
        }
    }

    /// Writes frame number `index` of a message; `more` says another frame follows.
    // Always inlined: the receive loop is the hot path (measured: 54 instructions a message
    // more when this became a call).
    #[inline(always)]
    pub fn frame(
        &mut self,
        w: &mut impl Write,
        data: &[u8],
        index: usize,
        more: bool,
    ) -> io::Result<()> {
        match self.style.format {
            Format::Text => text::encode(&self.style, w, data, index, more),
            Format::Quoted => quoted::encode(&self.style, w, data, index, more),
            Format::Json => json::encode(w, &mut self.b64, data, index, more),
            Format::Zmtp => zmtp::encode(w, data, more),
            Format::Raw => w.write_all(data),
        }
    }
}

impl Encoder {
    /// Writes frame `index` as a routing id even where the style has no id field (`proxy
    /// --capture`, whose first field is the side): in `text` and `quoted` as [`write_id`] shows
    /// it, in the other formats as any frame.
    pub fn id_frame(
        &mut self,
        w: &mut impl Write,
        data: &[u8],
        index: usize,
        more: bool,
    ) -> io::Result<()> {
        let style = Style {
            id_field: true,
            ..self.style
        };
        match self.style.format {
            Format::Text => text::encode(&style, w, data, 0, more),
            Format::Quoted => quoted::encode(&style, w, data, 0, more),
            _ => self.frame(w, data, index, more),
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

/// The line at the front of `input` (without its terminator) and the bytes it takes; at the end
/// of input the last line needs no terminator.
fn next_line(input: &[u8], terminator: u8, eof: bool) -> Option<(&[u8], usize)> {
    match memchr::memchr(terminator, input) {
        Some(end) => Some((&input[..end], end + 1)),
        None if eof && !input.is_empty() => Some((input, input.len())),
        None => None,
    }
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
    fn after_first_is_what_follows_a_label() {
        let mut d = Decoder::new(Style::new(Format::Quoted), None);
        let Decoded::Message { frames, .. } = d.decode(b"label\tid\tbo\\tdy\n", true).unwrap()
        else {
            panic!("one message");
        };
        let rest = frames.after_first();
        assert_eq!(rest.iter().collect::<Vec<_>>(), [&b"id"[..], b"bo\tdy"]);
        assert_eq!(rest.bytes(), 7);
        let none = rest.after_first().after_first();
        assert_eq!((none.len(), none.after_first().len()), (0, 0));
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

#[cfg(test)]
mod roundtrip {
    //! Property tests: every lossless format carries any message exactly, and no decoder panics
    //! on arbitrary bytes.

    use super::*;
    use proptest::prelude::*;

    type Msg = Vec<Vec<u8>>;

    fn encode_all(style: Style, msgs: &[Msg]) -> Vec<u8> {
        let mut enc = Encoder::new(style);
        let mut out = Vec::new();
        for m in msgs {
            for (i, f) in m.iter().enumerate() {
                enc.frame(&mut out, f, i, i + 1 < m.len()).unwrap();
            }
        }
        out
    }

    /// Decodes everything, feeding the input in chunks of `chunk` bytes as a pipe would.
    fn decode_all(style: Style, bytes: &[u8], chunk: usize) -> Result<Vec<Msg>, DecodeError> {
        let mut d = Decoder::new(style, None);
        let mut out = Vec::new();
        let mut pos = 0;
        let mut avail = chunk.min(bytes.len());
        loop {
            let eof = avail == bytes.len();
            match d.decode(&bytes[pos..avail], eof)? {
                Decoded::Message { consumed, frames } => {
                    out.push((0..frames.len()).map(|i| frames.get(i).to_vec()).collect());
                    pos += consumed;
                    d.taken();
                }
                Decoded::End => return Ok(out),
                Decoded::NeedMore => {
                    assert!(!eof, "NeedMore at end of input");
                    avail = (avail + chunk).min(bytes.len());
                }
            }
        }
    }

    fn frame() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            4 => proptest::collection::vec(any::<u8>(), 0..64),
            1 => proptest::collection::vec(any::<u8>(), 0..2048),
            1 => proptest::collection::vec(prop_oneof![Just(b'\t'), Just(b'\n'), Just(0u8), Just(b'\\')], 0..8),
            1 => Just(vec![0xff, 0xfe, 0xc3]),
            1 => "\\PC{0,16}".prop_map(String::into_bytes),
        ]
    }

    fn messages() -> impl Strategy<Value = Vec<Msg>> {
        proptest::collection::vec(proptest::collection::vec(frame(), 1..8), 0..6)
    }

    fn lossless_styles() -> Vec<Style> {
        let mut styles = vec![
            Style::new(Format::Quoted),
            Style::new(Format::Json),
            Style::new(Format::Zmtp),
        ];
        styles.push(Style {
            terminator: 0,
            ..Style::new(Format::Quoted)
        });
        styles.push(Style {
            id_field: true,
            ..Style::new(Format::Quoted)
        });
        styles
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn lossless_formats_round_trip(msgs in messages(), chunk in 1usize..300) {
            for style in lossless_styles() {
                let bytes = encode_all(style, &msgs);
                let back = decode_all(style, &bytes, chunk).unwrap();
                prop_assert_eq!(&back, &msgs, "{:?}", style);
            }
        }

        #[test]
        fn text_round_trips_frames_without_separators(msgs in messages(), chunk in 1usize..300) {
            let msgs: Vec<Msg> = msgs
                .into_iter()
                .map(|m| m.into_iter().map(|f| f.into_iter().filter(|b| *b != b'\t' && *b != b'\n').collect()).collect())
                .collect();
            let style = Style::new(Format::Text);
            let bytes = encode_all(style, &msgs);
            prop_assert_eq!(decode_all(style, &bytes, chunk).unwrap(), msgs);
        }

        #[test]
        fn quoted_output_has_no_control_bytes_but_structure(msgs in messages()) {
            // Terminal safety: the only control bytes `quoted` writes are its own TABs and
            // terminators, one per frame boundary and one per message; never ESC, DEL and the like.
            for terminator in [b'\n', 0] {
                for id_field in [false, true] {
                    let style = Style { terminator, id_field, ..Style::new(Format::Quoted) };
                    let bytes = encode_all(style, &msgs);
                    let stray = bytes
                        .iter()
                        .find(|&&b| (b < 0x20 || b == 0x7f) && b != b'\t' && b != terminator);
                    prop_assert_eq!(stray, None, "{:?}", style);
                    let tabs = bytes.iter().filter(|&&b| b == b'\t').count();
                    let ends = bytes.iter().filter(|&&b| b == terminator).count();
                    let boundaries: usize = msgs.iter().map(|m| m.len() - 1).sum();
                    prop_assert_eq!((tabs, ends), (boundaries, msgs.len()));
                }
            }
        }

        #[test]
        fn decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), chunk in 1usize..64) {
            for format in [Format::Text, Format::Quoted, Format::Json, Format::Zmtp, Format::Raw] {
                for id_field in [false, true] {
                    let style = Style { id_field, ..Style::new(format) };
                    let _ = decode_all(style, &bytes, chunk);
                }
            }
        }
    }

    #[test]
    fn json_shape_is_documented_one() {
        let bytes = encode_all(
            Style::new(Format::Json),
            &[vec![
                b"caf\xc3\xa9".to_vec(),
                vec![0xff, 0x00],
                b"\"q\"\n".to_vec(),
            ]],
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "[\"café\",{\"base64\":\"/wA=\"},\"\\\"q\\\"\\n\"]\n"
        );
    }

    #[test]
    fn malformed_input_is_reported() {
        let cases: &[(Format, &[u8], &str)] = &[
            (Format::Quoted, b"a\\q\n", "bad escape"),
            (Format::Quoted, b"a\\\n", "backslash ends"),
            (Format::Quoted, b"\\x4g\n", "two hex digits"),
            (Format::Json, b"{\"a\":1}\n", "invalid JSON"),
            (Format::Json, b"[1]\n", "invalid JSON"),
            (Format::Json, b"[\"a\"\n", "invalid JSON"),
            (Format::Json, b"[]\n", "at least one frame"),
            (Format::Json, b"[{\"base64\":\"!!\"}]\n", "bad base64"),
            (Format::Json, b"[{\"b64\":\"AA==\"}]\n", "nothing else"),
            (Format::Json, b"[\"a\"] x\n", "invalid JSON"),
            (Format::Zmtp, b"\x00\x05ab", "truncated"),
            (Format::Zmtp, b"\x04\x00", "command frame"),
            (Format::Zmtp, b"\x80\x00", "reserved bits"),
            (Format::Zmtp, b"\x01\x01a", "truncated"),
        ];
        for (format, input, want) in cases {
            let err = decode_all(Style::new(*format), input, 1000).unwrap_err();
            assert!(
                err.0.contains(want),
                "{format:?} {input:?}: {err} lacks {want:?}"
            );
        }
    }

    #[test]
    fn json_skips_blank_lines_and_accepts_both_shapes() {
        let msgs = decode_all(
            Style::new(Format::Json),
            b"\n[\"a\",{\"base64\":\"AAE=\"}]\n\n  \n[\"\"]",
            7,
        )
        .unwrap();
        assert_eq!(
            msgs,
            vec![vec![b"a".to_vec(), vec![0, 1]], vec![Vec::<u8>::new()]]
        );
    }

    #[test]
    fn raw_is_all_input_as_one_frame() {
        let style = Style::new(Format::Raw);
        assert_eq!(
            decode_all(style, b"a\tb\nc\0", 3).unwrap(),
            vec![vec![b"a\tb\nc\0".to_vec()]]
        );
        assert_eq!(
            decode_all(style, b"", 3).unwrap(),
            vec![vec![Vec::<u8>::new()]]
        );
        assert_eq!(
            encode_all(style, &[vec![b"x".to_vec(), b"y".to_vec()]]),
            b"xy"
        );
    }

    #[test]
    fn zmtp_long_frames() {
        let big = vec![7u8; 300];
        let bytes = encode_all(Style::new(Format::Zmtp), &[vec![big.clone(), vec![]]]);
        assert_eq!(&bytes[..9], &[0x03, 0, 0, 0, 0, 0, 0, 1, 44]);
        assert_eq!(bytes.len(), 9 + 300 + 2);
        assert_eq!(
            decode_all(Style::new(Format::Zmtp), &bytes, 10).unwrap(),
            vec![vec![big, vec![]]]
        );
    }
}
