//! `json`: JSON Lines, one array per message. A frame is a JSON string when its bytes are valid
//! UTF-8, otherwise an object `{"base64": "…"}` holding its bytes in standard base64 (with
//! padding). Input accepts either shape for any frame.
//!
//! Decoding goes straight from the line into the decoder's scratch buffer through serde seeds,
//! so no `Value` tree and no per-message allocation is built.

use std::fmt;
use std::io::{self, Write};

use base64::Engine as _;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{next_line, DecodeError, Decoder, Span, Src};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

pub(super) fn decode(
    d: &mut Decoder,
    input: &[u8],
    eof: bool,
) -> Result<Option<usize>, DecodeError> {
    let mut offset = 0;
    loop {
        let rest = &input[offset..];
        let Some((line, consumed)) = next_line(rest, b'\n', eof) else {
            return Ok(None);
        };
        // Blank lines carry no message: skip them.
        if line.iter().all(u8::is_ascii_whitespace) {
            offset += consumed;
            if offset == input.len() {
                return Ok(None);
            }
            continue;
        }
        let mut de = serde_json::Deserializer::from_slice(line);
        let seed = MessageSeed {
            scratch: &mut d.scratch,
            spans: &mut d.spans,
        };
        seed.deserialize(&mut de)
            .and_then(|()| de.end())
            .map_err(|e| DecodeError(format!("invalid JSON message: {e}")))?;
        if d.spans.is_empty() {
            return Err(DecodeError(
                "a message needs at least one frame, got []".into(),
            ));
        }
        return Ok(Some(offset + consumed));
    }
}

struct MessageSeed<'a> {
    scratch: &'a mut Vec<u8>,
    spans: &'a mut Vec<Span>,
}

impl<'de> DeserializeSeed<'de> for MessageSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MessageSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of frames")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let start = self.scratch.len();
            let frame = FrameSeed {
                scratch: &mut *self.scratch,
            };
            if seq.next_element_seed(frame)?.is_none() {
                return Ok(());
            }
            self.spans.push(Span {
                src: Src::Scratch,
                start,
                end: self.scratch.len(),
            });
        }
    }
}

/// One frame: a string, or `{"base64": "…"}`.
struct FrameSeed<'a> {
    scratch: &'a mut Vec<u8>,
}

impl<'de> DeserializeSeed<'de> for FrameSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FrameSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a frame: a string or {\"base64\": \"…\"}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.scratch.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<KeyName>()? {
            if key.0 || seen {
                return Err(de::Error::custom(
                    "a binary frame is {\"base64\": \"…\"} and nothing else",
                ));
            }
            map.next_value_seed(Base64Seed {
                scratch: &mut *self.scratch,
            })?;
            seen = true;
        }
        if !seen {
            return Err(de::Error::custom(
                "a binary frame needs its \"base64\" field",
            ));
        }
        Ok(())
    }
}

/// A map key: `false` for "base64", `true` for anything else.
struct KeyName(bool);

impl<'de> de::Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyName, E> {
                Ok(KeyName(v != "base64"))
            }
        }
        de.deserialize_str(V)
    }
}

struct Base64Seed<'a> {
    scratch: &'a mut Vec<u8>,
}

impl<'de> DeserializeSeed<'de> for Base64Seed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Base64Seed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a base64 string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        B64.decode_vec(v, self.scratch)
            .map_err(|e| E::custom(format!("bad base64 in a binary frame: {e}")))
    }
}

/// Writes frame `index` of a message; `b64` is a reusable buffer for binary frames.
pub(super) fn encode(
    w: &mut impl Write,
    b64: &mut String,
    data: &[u8],
    index: usize,
    more: bool,
) -> io::Result<()> {
    w.write_all(if index == 0 { b"[" } else { b"," })?;
    match std::str::from_utf8(data) {
        Ok(s) => serde_json::to_writer(&mut *w, s).map_err(io::Error::from)?,
        Err(_) => {
            b64.clear();
            B64.encode_string(data, b64);
            w.write_all(b"{\"base64\":\"")?;
            w.write_all(b64.as_bytes())?;
            w.write_all(b"\"}")?;
        }
    }
    if !more {
        w.write_all(b"]\n")?;
    }
    Ok(())
}
