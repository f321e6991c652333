//! Message templates for generated traffic: `-m 'tick {seq} at {ts}'`.
//!
//! Placeholders: `{seq}` (1, 2, …), `{ts}` (RFC 3339, UTC, microseconds), `{ts:ms}` and `{ts:us}`
//! (Unix time in milliseconds or microseconds), `{rand:N}` (N random bytes as 2N hex digits),
//! `{hostname}` and `{pid}`. Doubled braces are literal braces: `{{` is a `{`, and a `}}` after
//! it is a `}` (`{{seq}}` is the text `{seq}`, as in format strings). Every other brace is left
//! alone, a `}}` too, so message formats that use braces (JSON, whose objects end in `}}` but
//! never begin with `{{`) need no escaping, with placeholders or without.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::exit::Usage;

/// The largest `{rand:N}`.
const MAX_RANDOM: usize = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(Vec<u8>),
    Seq,
    Rfc3339,
    UnixMillis,
    UnixMicros,
    Random(usize),
    Hostname,
    Pid,
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    parts: Vec<Part>,
    hostname: String,
    rng: u64,
}

impl Template {
    /// Parses `text`; `None` when it holds no placeholder and no `{{` (a plain message).
    pub fn parse(text: &[u8]) -> Result<Option<Template>, Usage> {
        let mut parts: Vec<Part> = Vec::new();
        let mut literal: Vec<u8> = Vec::new();
        let mut special = false;
        // `{{` not yet closed by a `}}`.
        let mut open = 0usize;
        let mut i = 0;
        while i < text.len() {
            if text[i] == b'}' && open > 0 && text.get(i + 1) == Some(&b'}') {
                literal.push(b'}');
                open -= 1;
                i += 2;
                continue;
            }
            if text[i] == b'{' {
                if text.get(i + 1) == Some(&b'{') {
                    literal.push(b'{');
                    special = true;
                    open += 1;
                    i += 2;
                    continue;
                }
                let close = text[i..].iter().position(|&b| b == b'}');
                if let Some(part) = close.and_then(|c| placeholder(&text[i + 1..i + c]).transpose())
                {
                    let part = part?;
                    if !literal.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut literal)));
                    }
                    parts.push(part);
                    special = true;
                    i += close.unwrap_or(0) + 1;
                    continue;
                }
            }
            literal.push(text[i]);
            i += 1;
        }
        if !special {
            return Ok(None);
        }
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        let hostname = if parts.contains(&Part::Hostname) {
            hostname()
        } else {
            String::new()
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Ok(Some(Template {
            parts,
            hostname,
            rng: now ^ (u64::from(std::process::id()) << 32) | 1,
        }))
    }

    /// Writes message number `seq` (from 1) into `out`, replacing its contents.
    pub fn render(&mut self, seq: u64, out: &mut Vec<u8>) {
        out.clear();
        let mut now: Option<SystemTime> = None;
        let mut clock = || *now.get_or_insert_with(SystemTime::now);
        let mut text = String::new();
        for part in &self.parts {
            text.clear();
            match part {
                Part::Text(t) => {
                    out.extend_from_slice(t);
                    continue;
                }
                Part::Seq => {
                    let _ = write!(text, "{seq}");
                }
                Part::Rfc3339 => {
                    let _ = write!(text, "{}", humantime::format_rfc3339_micros(clock()));
                }
                Part::UnixMillis => {
                    let t = clock().duration_since(UNIX_EPOCH).unwrap_or_default();
                    let _ = write!(text, "{}", t.as_millis());
                }
                Part::UnixMicros => {
                    let t = clock().duration_since(UNIX_EPOCH).unwrap_or_default();
                    let _ = write!(text, "{}", t.as_micros());
                }
                Part::Random(n) => {
                    for _ in 0..*n {
                        let _ = write!(text, "{:02x}", next_random(&mut self.rng) as u8);
                    }
                }
                Part::Hostname => text.push_str(&self.hostname),
                Part::Pid => {
                    let _ = write!(text, "{}", std::process::id());
                }
            }
            out.extend_from_slice(text.as_bytes());
        }
    }
}

/// xorshift64*: fast, and plenty for test traffic (not for secrets).
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 24
}

/// The placeholder named by the text between braces; `None` when it is not one (literal text).
fn placeholder(name: &[u8]) -> Result<Option<Part>, Usage> {
    let Ok(name) = std::str::from_utf8(name) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "seq" => Part::Seq,
        "ts" => Part::Rfc3339,
        "ts:ms" => Part::UnixMillis,
        "ts:us" => Part::UnixMicros,
        "hostname" => Part::Hostname,
        "pid" => Part::Pid,
        _ => match name.strip_prefix("rand:") {
            Some(n) => match n.parse::<usize>() {
                Ok(n) if (1..=MAX_RANDOM).contains(&n) => Part::Random(n),
                _ => {
                    return Err(Usage(format!(
                        "--message: {{rand:{n}}} needs a byte count from 1 to {MAX_RANDOM}"
                    )))
                }
            },
            None => return Ok(None),
        },
    }))
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into buf.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "localhost".into();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, seq: u64) -> String {
        let mut t = Template::parse(text.as_bytes()).unwrap().unwrap();
        let mut out = Vec::new();
        t.render(seq, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_messages_and_json_braces_are_not_templates() {
        for text in [
            "hello",
            r#"{"base64":"aGk="}"#,
            "{unknown}",
            "a } b",
            "a }} b",
            r#"{"a":{"b":1}}"#,
            "{seq",
        ] {
            assert!(
                Template::parse(text.as_bytes()).unwrap().is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn placeholders_are_replaced() {
        assert_eq!(render("tick {seq}", 7), "tick 7");
        assert_eq!(render("{{seq}} is {seq}", 2), "{seq} is 2");
        assert_eq!(render("{{{seq}}}", 4), "{4}");
        assert_eq!(render("{{ and {{ts}} and {{", 1), "{ and {ts} and {");
        // A `}}` no `{{` opened is left alone: JSON objects end that way.
        assert_eq!(render(r#"{"a":{"n":{seq}}}"#, 5), r#"{"a":{"n":5}}"#);
        assert_eq!(render("{seq} }}", 6), "6 }}");
        assert_eq!(
            render("pid {pid}", 1),
            format!("pid {}", std::process::id())
        );
        let r = render("{rand:4}", 1);
        assert_eq!(r.len(), 8);
        assert!(r.bytes().all(|b| b.is_ascii_hexdigit()));
        let ts = render("{ts}", 1);
        assert!(humantime::parse_rfc3339(&ts).is_ok(), "{ts}");
        let ms: u128 = render("{ts:ms}", 1).parse().unwrap();
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        assert!(now.as_millis().abs_diff(ms) < 60_000);
        assert!(!render("{hostname}", 1).is_empty());
        assert_eq!(
            render(r#"["{seq}",{"base64":"aGk="}]"#, 3),
            r#"["3",{"base64":"aGk="}]"#
        );
    }

    #[test]
    fn random_bytes_differ_between_messages() {
        let mut t = Template::parse(b"{rand:8}").unwrap().unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        t.render(1, &mut a);
        t.render(2, &mut b);
        assert_ne!(a, b);
    }

    #[test]
    fn bad_random_sizes_are_usage_errors() {
        for text in ["{rand:0}", "{rand:x}", "{rand:99999999}"] {
            assert!(Template::parse(text.as_bytes()).is_err(), "{text}");
        }
    }
}
