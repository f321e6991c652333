//! `text`: one message per line, frames separated by TAB. Bytes pass through untouched, so it is
//! lossless for every frame that holds neither the separator nor the terminator.

use std::io::{self, Write};

use super::{read_id, write_id, DecodeError, Decoder, Style};

/// Finds one line at the front of `input` and splits it into frames, all spans into `input`.
/// One pass finds both separators and the terminator (short lines are the common case, and one
/// search per frame costs less than a search for the line end and another for its separators).
pub(super) fn decode(
    d: &mut Decoder,
    input: &[u8],
    eof: bool,
) -> Result<Option<usize>, DecodeError> {
    let (sep, term) = (d.style.separator, d.style.terminator);
    let mut start = 0;
    loop {
        let (end, last) = match memchr::memchr2(sep, term, &input[start..]) {
            Some(i) => (start + i, input[start + i] == term),
            // At the end of input the last line needs no terminator.
            None if eof && !input.is_empty() => (input.len(), true),
            // Frames found so far are dropped with the rest by the next decode.
            None => return Ok(None),
        };
        if start == 0 && d.style.id_field {
            let from = d.scratch.len();
            read_id(&input[..end], &mut d.scratch)?;
            d.push_scratch_from(from);
        } else {
            d.push_input(start, end);
        }
        if last {
            return Ok(Some((end + 1).min(input.len())));
        }
        start = end + 1;
    }
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
        w.write_all(data)?;
    }
    w.write_all(if more {
        std::slice::from_ref(&style.separator)
    } else {
        std::slice::from_ref(&style.terminator)
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Decoded, Format};
    use super::*;

    fn style() -> Style {
        Style::new(Format::Text)
    }

    fn decode_all(style: Style, input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut d = Decoder::new(style, None);
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            match d.decode(&input[pos..], true).unwrap() {
                Decoded::Message { consumed, frames } => {
                    out.push(frames.iter().map(<[u8]>::to_vec).collect());
                    pos += consumed;
                }
                Decoded::End => return out,
                Decoded::NeedMore => panic!("need more at eof"),
            }
        }
    }

    fn encode_all(style: Style, msgs: &[Vec<Vec<u8>>]) -> Vec<u8> {
        let mut out = Vec::new();
        for m in msgs {
            for (i, f) in m.iter().enumerate() {
                encode(&style, &mut out, f, i, i + 1 < m.len()).unwrap();
            }
        }
        out
    }

    fn v(frames: &[&[u8]]) -> Vec<Vec<u8>> {
        frames.iter().map(|f| f.to_vec()).collect()
    }

    #[test]
    fn lines_and_frames() {
        let msgs = decode_all(style(), b"a\tb\n\nc\t\t\nlast");
        assert_eq!(
            msgs,
            vec![
                v(&[b"a", b"b"]),
                v(&[b""]),
                v(&[b"c", b"", b""]),
                v(&[b"last"])
            ]
        );
    }

    #[test]
    fn partial_line_needs_more_until_eof() {
        let mut d = Decoder::new(style(), None);
        assert!(matches!(d.decode(b"abc", false), Ok(Decoded::NeedMore)));
        assert!(matches!(d.decode(b"", false), Ok(Decoded::NeedMore)));
        assert!(matches!(d.decode(b"", true), Ok(Decoded::End)));
        match d.decode(b"abc", true).unwrap() {
            Decoded::Message { consumed, frames } => {
                assert_eq!(consumed, 3);
                assert_eq!(frames.get(0), b"abc");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_bytes_pass_untouched() {
        let frame: Vec<u8> = (0u8..=255).filter(|b| *b != b'\t' && *b != b'\n').collect();
        let msgs = vec![vec![frame.clone(), frame.clone()], vec![frame]];
        let bytes = encode_all(style(), &msgs);
        assert_eq!(decode_all(style(), &bytes), msgs);
    }

    #[test]
    fn null_terminator_and_other_separator() {
        let s = Style {
            terminator: 0,
            separator: b'|',
            ..style()
        };
        let msgs = decode_all(s, b"a|b\nc\0d\0");
        assert_eq!(msgs, vec![v(&[b"a", b"b\nc"]), v(&[b"d"])]);
        assert_eq!(encode_all(s, &msgs), b"a|b\nc\0d\0");
    }

    #[test]
    fn router_ids() {
        let s = Style {
            id_field: true,
            ..style()
        };
        let msgs = decode_all(s, b"0x0080000001\t\thello\ncook\tx\n");
        assert_eq!(
            msgs,
            vec![
                v(&[b"\x00\x80\x00\x00\x01", b"", b"hello"]),
                v(&[b"cook", b"x"])
            ]
        );
        assert_eq!(
            encode_all(s, &msgs),
            b"0x0080000001\t\thello\ncook\tx\n".to_vec()
        );
        let mut d = Decoder::new(s, None);
        assert!(d.decode(b"0xzz\tx\n", false).is_err());
    }

    #[test]
    fn max_size_is_enforced() {
        let mut d = Decoder::new(style(), Some(4));
        assert!(matches!(
            d.decode(b"abcd\n", false),
            Ok(Decoded::Message { .. })
        ));
        let err = d.decode(b"abcde\n", false).unwrap_err();
        assert!(err.0.contains("max-msg-size 4"), "{err}");
        // An endless line is refused before it is complete.
        let long = vec![b'x'; 4 * 6 + 1024 + 1];
        assert!(d.decode(&long, false).is_err());
    }
}
