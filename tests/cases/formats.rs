//! The message formats end to end: `-f quoted|json|zmtp|raw|text`, `-0`, `--frame-sep`, routing
//! ids, malformed input and `--max-msg-size`.
//!
//! The encoders and decoders below are the test's own, written from the documented formats and
//! independent of src/codec: what zmqcat prints is compared byte for byte with the test's own
//! encoding, and decoded back with the test's own decoder.

use std::io::Write as _;
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

use super::{ctx, repeat_until, PACE};
use crate::support::assert_one_stderr_line;
use crate::support::{bound, connected, recv, recv_within, send, socket, Msg, Proc, T};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

// ---------------------------------------------------------------------------------------------
// the corpus

fn all_bytes() -> Vec<u8> {
    (0..=255).collect()
}

/// Awkward messages every lossless format must carry exactly.
fn corpus() -> Vec<Msg> {
    // 100 KiB of scrambled bytes: mostly invalid UTF-8, every special byte many times.
    let big: Vec<u8> = (0..100 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let ascii: Vec<u8> = (0u8..0x80).collect();
    vec![
        vec![vec![]],
        vec![vec![], vec![]],
        vec![vec![], vec![], vec![]],
        vec![b"\t\t\t".to_vec()],
        vec![b"\n\n\n".to_vec()],
        vec![vec![0; 3]],
        vec![b"\\\\\\".to_vec()],
        vec![b"\r\r".to_vec(), b"\r\n".to_vec()],
        // Text that looks like escapes must come back as that text.
        vec![
            b"\\t".to_vec(),
            b"\\x41\\0".to_vec(),
            b"\\".to_vec(),
            b"x\\".to_vec(),
        ],
        vec![vec![0xff, 0xfe]],
        vec![all_bytes()],
        vec![big],
        vec![
            ascii,
            "\"é\u{2028}😀\u{7f}\"".as_bytes().to_vec(),
            vec![0xc3],
            b"[\"not\",\"json\"]".to_vec(),
            b"{\"base64\":\"AA==\"}".to_vec(),
        ],
        // zmtp: the last short size, the first long one.
        vec![vec![b'x'; 255], vec![b'y'; 256], vec![0x80; 300]],
        vec![
            b"a".to_vec(),
            vec![],
            b"\t".to_vec(),
            vec![0xff],
            "héllo".as_bytes().to_vec(),
            vec![0],
            all_bytes(),
            b"end".to_vec(),
        ],
        vec![b"plain".to_vec()],
    ]
}

/// The corpus without TAB and newline bytes, which `text` cannot carry.
fn text_corpus() -> Vec<Msg> {
    corpus()
        .into_iter()
        .map(|m| {
            m.into_iter()
                .map(|f| f.into_iter().filter(|b| !b"\t\n".contains(b)).collect())
                .collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// the test's own codecs

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fmt {
    Text,
    Quoted,
    /// quoted with `-0`
    QuotedNull,
    Json,
    Zmtp,
    Raw,
}

impl Fmt {
    fn args(self) -> &'static [&'static str] {
        match self {
            Fmt::Text => &["-f", "text"],
            Fmt::Quoted => &["-f", "quoted"],
            Fmt::QuotedNull => &["-f", "quoted", "-0"],
            Fmt::Json => &["-f", "json"],
            Fmt::Zmtp => &["-f", "zmtp"],
            Fmt::Raw => &["-f", "raw"],
        }
    }

    /// The canonical encoding: exactly what zmqcat prints.
    fn encode(self, msgs: &[Msg]) -> Vec<u8> {
        match self {
            Fmt::Text => lines(msgs, b'\n', |f, out| out.extend_from_slice(f)),
            Fmt::Quoted => lines(msgs, b'\n', quote),
            Fmt::QuotedNull => lines(msgs, 0, quote),
            Fmt::Json => json_encode(msgs, false),
            Fmt::Zmtp => zmtp_encode(msgs, false),
            Fmt::Raw => msgs.iter().flatten().flatten().copied().collect(),
        }
    }

    /// Another valid encoding of the same messages, as unlike the canonical one as the format
    /// allows: every byte as `\xNN`, every frame as base64 or `\uXXXX` escapes with blank lines
    /// and CRLF, every zmtp size in 8 bytes.
    fn encode_alternate(self, msgs: &[Msg]) -> Vec<u8> {
        match self {
            Fmt::Quoted => lines(msgs, b'\n', hex_quote),
            Fmt::QuotedNull => lines(msgs, 0, hex_quote),
            Fmt::Json => json_encode(msgs, true),
            Fmt::Zmtp => zmtp_encode(msgs, true),
            Fmt::Text | Fmt::Raw => unreachable!("{self:?} has one encoding"),
        }
    }

    /// Decodes zmqcat's output strictly: anything but the canonical shapes fails.
    fn decode(self, bytes: &[u8]) -> Vec<Msg> {
        match self {
            Fmt::Text => split_lines(bytes, b'\n')
                .map(|l| l.split(|&b| b == b'\t').map(<[u8]>::to_vec).collect())
                .collect(),
            Fmt::Quoted => quoted_decode(bytes, b'\n'),
            Fmt::QuotedNull => quoted_decode(bytes, 0),
            Fmt::Json => json_decode(bytes),
            Fmt::Zmtp => zmtp_decode(bytes),
            Fmt::Raw => unreachable!("raw output has no message boundaries"),
        }
    }
}

/// Messages as lines: frames joined by TAB, each message ended by `term`.
fn lines(msgs: &[Msg], term: u8, frame: impl Fn(&[u8], &mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::new();
    for m in msgs {
        for (i, f) in m.iter().enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            frame(f, &mut out);
        }
        out.push(term);
    }
    out
}

/// The pieces of `bytes` ended by `term`; the last one must be ended too.
fn split_lines(bytes: &[u8], term: u8) -> impl Iterator<Item = &[u8]> {
    assert!(
        bytes.is_empty() || bytes.last() == Some(&term),
        "output does not end with its terminator"
    );
    let mut pieces: Vec<&[u8]> = bytes.split(move |&b| b == term).collect();
    pieces.pop();
    pieces.into_iter()
}

/// quoted: escapes backslash, TAB, LF, CR and NUL by name, every other C0 control byte and DEL
/// as lowercase `\xNN`.
fn quote(f: &[u8], out: &mut Vec<u8>) {
    for &b in f {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0 => out.extend_from_slice(b"\\0"),
            b if b < 0x20 || b == 0x7f => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
            _ => out.push(b),
        }
    }
}

/// quoted, every byte as `\xNN`, in both letter cases.
fn hex_quote(f: &[u8], out: &mut Vec<u8>) {
    for (i, &b) in f.iter().enumerate() {
        let esc = if i % 2 == 0 {
            format!("\\x{b:02X}")
        } else {
            format!("\\x{b:02x}")
        };
        out.extend_from_slice(esc.as_bytes());
    }
}

fn unquote(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < field.len() {
        let b = field[i];
        if b != b'\\' {
            assert!(
                b >= 0x20 && b != 0x7f,
                "quoted output holds a raw control byte {b:#04x}"
            );
            out.push(b);
            i += 1;
            continue;
        }
        let byte = match field.get(i + 1) {
            Some(b'\\') => b'\\',
            Some(b't') => b'\t',
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b'0') => 0,
            Some(b'x') => {
                let hex = std::str::from_utf8(&field[i + 2..i + 4]).expect("\\x escape is ASCII");
                let byte = u8::from_str_radix(hex, 16).expect("\\x escape is hex");
                assert!(
                    byte < 0x20 || byte == 0x7f,
                    "quoted output escapes {byte:#04x}, which is not a control byte"
                );
                out.push(byte);
                i += 4;
                continue;
            }
            other => panic!("quoted output holds an unexpected escape \\{other:?}"),
        };
        out.push(byte);
        i += 2;
    }
    out
}

fn quoted_decode(bytes: &[u8], term: u8) -> Vec<Msg> {
    split_lines(bytes, term)
        .map(|l| l.split(|&b| b == b'\t').map(unquote).collect())
        .collect()
}

/// A JSON string as serde_json writes one: `"`, `\` and control characters escaped (short
/// forms where JSON has them, else `\u00xx`), everything else as UTF-8.
fn json_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\u{c}' => out.extend_from_slice(b"\\f"),
            c if (c as u32) < 0x20 => {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes())
            }
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out.push(b'"');
}

/// A JSON string with every character as a `\uXXXX` escape (surrogate pairs beyond the BMP).
fn json_string_escaped(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for unit in s.encode_utf16() {
        out.extend_from_slice(format!("\\u{unit:04X}").as_bytes());
    }
    out.push(b'"');
}

fn json_encode(msgs: &[Msg], alternate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for m in msgs {
        if alternate {
            // Blank lines carry no message.
            out.extend_from_slice(b"\n  \t\r\n");
        }
        out.push(b'[');
        for (i, f) in m.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(if alternate { b" , " } else { b"," });
            }
            match (std::str::from_utf8(f), alternate) {
                (Ok(s), false) => json_string(s, &mut out),
                (Ok(s), true) if i % 2 == 0 => json_string_escaped(s, &mut out),
                _ if alternate => out.extend_from_slice(
                    format!("{{ \"base64\" : \"{}\" }}", B64.encode(f)).as_bytes(),
                ),
                _ => out
                    .extend_from_slice(format!("{{\"base64\":\"{}\"}}", B64.encode(f)).as_bytes()),
            }
        }
        out.extend_from_slice(if alternate { b" ]\r\n" } else { b"]\n" });
    }
    out
}

fn json_frame(v: &Value) -> Vec<u8> {
    match v {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Object(o) => {
            assert_eq!(o.len(), 1, "a binary frame is {{\"base64\": …}} only: {v}");
            let b64 = o["base64"].as_str().expect("base64 is a string");
            let bytes = B64.decode(b64).expect("valid base64");
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "a UTF-8 frame was written as base64: {v}"
            );
            bytes
        }
        other => panic!("a frame is a string or an object, not {other}"),
    }
}

fn json_decode(bytes: &[u8]) -> Vec<Msg> {
    split_lines(bytes, b'\n')
        .map(|l| {
            let v: Value = serde_json::from_slice(l).unwrap_or_else(|e| {
                panic!("invalid JSON line ({e}): {}", String::from_utf8_lossy(l))
            });
            let frames = v.as_array().expect("a message is an array");
            assert!(!frames.is_empty(), "a message has frames");
            frames.iter().map(json_frame).collect()
        })
        .collect()
}

const MORE: u8 = 0x01;
const LONG: u8 = 0x02;

fn zmtp_encode(msgs: &[Msg], all_long: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for m in msgs {
        for (i, f) in m.iter().enumerate() {
            let more = if i + 1 < m.len() { MORE } else { 0 };
            match u8::try_from(f.len()) {
                Ok(short) if !all_long => out.extend_from_slice(&[more, short]),
                _ => {
                    out.push(more | LONG);
                    out.extend_from_slice(&(f.len() as u64).to_be_bytes());
                }
            }
            out.extend_from_slice(f);
        }
    }
    out
}

fn zmtp_decode(bytes: &[u8]) -> Vec<Msg> {
    let mut msgs = Vec::new();
    let mut frames = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let flags = bytes[pos];
        assert_eq!(
            flags & !(MORE | LONG),
            0,
            "flags {flags:#04x} at offset {pos}"
        );
        let (size, header) = if flags & LONG != 0 {
            let be: [u8; 8] = bytes[pos + 1..pos + 9].try_into().expect("8-byte size");
            let size = u64::from_be_bytes(be) as usize;
            assert!(size > 255, "a short frame written long at offset {pos}");
            (size, 9)
        } else {
            (bytes[pos + 1] as usize, 2)
        };
        let start = pos + header;
        frames.push(bytes[start..start + size].to_vec());
        pos = start + size;
        if flags & MORE == 0 {
            msgs.push(std::mem::take(&mut frames));
        }
    }
    assert!(frames.is_empty(), "output ends inside a message");
    msgs
}

// ---------------------------------------------------------------------------------------------
// helpers

/// `zmqcat CMD -f … REST…` as arguments.
fn args<'a>(cmd: &'a str, fmt: Fmt, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![cmd];
    v.extend_from_slice(fmt.args());
    v.extend_from_slice(rest);
    v
}

fn send_msg(sock: &zmq::Socket, m: &Msg) {
    let frames: Vec<&[u8]> = m.iter().map(Vec::as_slice).collect();
    send(sock, &frames);
}

/// A short, readable view of bytes around `at`.
fn around(bytes: &[u8], at: usize) -> String {
    let from = at.saturating_sub(40);
    let to = (at + 40).min(bytes.len());
    format!("\"{}\"", bytes[from..to].escape_ascii())
}

/// Asserts equal bytes, showing where they first differ (never megabytes of both).
fn assert_bytes(actual: &[u8], expected: &[u8], what: &str) {
    if actual == expected {
        return;
    }
    let at = actual
        .iter()
        .zip(expected)
        .position(|(a, e)| a != e)
        .unwrap_or(actual.len().min(expected.len()));
    panic!(
        "{what}: {} bytes, expected {}; first difference at offset {at}:\n  got      {}\n  expected {}",
        actual.len(),
        expected.len(),
        around(actual, at),
        around(expected, at)
    );
}

/// Asserts equal messages, naming the first one that differs.
fn assert_msgs(actual: &[Msg], expected: &[Msg], what: &str) {
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(
            a.len(),
            e.len(),
            "{what}: message {i} has {} frames, expected {}",
            a.len(),
            e.len()
        );
        for (j, (fa, fe)) in a.iter().zip(e).enumerate() {
            assert_bytes(fa, fe, &format!("{what}: message {i} frame {j}"));
        }
    }
    assert_eq!(actual.len(), expected.len(), "{what}: number of messages");
}

// ---------------------------------------------------------------------------------------------
// 1. the corpus through zmqcat push | zmqcat pull

fn corpus_through_push_pull(fmt: Fmt) {
    let corpus = corpus();
    let canonical = fmt.encode(&corpus);
    // The canonical encoding, then the alternate one: both decode to the corpus, so the output
    // is the canonical encoding twice.
    let mut input = canonical.clone();
    input.extend_from_slice(&fmt.encode_alternate(&corpus));
    let n = (2 * corpus.len()).to_string();

    let mut pull = Proc::spawn(&args("pull", fmt, &["-n", &n, "tcp://127.0.0.1:*"]));
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&args("push", fmt, &[&ep]));
    push.feed_stdin_and_close(input);
    push.expect_exit(0, T);
    pull.expect_exit(0, T);

    let out = pull.stdout();
    assert_bytes(
        &out,
        &[&canonical[..], &canonical[..]].concat(),
        "pull's stdout",
    );
    let back = fmt.decode(&out);
    assert_msgs(&back[..corpus.len()], &corpus, "canonical input");
    assert_msgs(&back[corpus.len()..], &corpus, "alternate input");
    assert_eq!(push.stderr(), "", "{}", push.dump());
}

#[test]
fn corpus_round_trips_push_pull_quoted() {
    corpus_through_push_pull(Fmt::Quoted);
}

#[test]
fn corpus_round_trips_push_pull_quoted_null() {
    corpus_through_push_pull(Fmt::QuotedNull);
}

#[test]
fn corpus_round_trips_push_pull_json() {
    corpus_through_push_pull(Fmt::Json);
}

#[test]
fn corpus_round_trips_push_pull_zmtp() {
    corpus_through_push_pull(Fmt::Zmtp);
}

// ---------------------------------------------------------------------------------------------
// 2. zmq XPUB → zmqcat sub | zmqcat pub → zmq SUB

fn corpus_through_sub_pipe_pub(fmt: Fmt) {
    let ctx = ctx();
    let (source, source_ep) = bound(&ctx, zmq::XPUB);
    let (sink, sink_ep) = bound(&ctx, zmq::SUB);
    sink.set_subscribe(b"").unwrap();

    let (_sub, sub_stdout) = Proc::spawn_with_stdout(&args("sub", fmt, &[&source_ep]));
    let to_sink = format!(">{sink_ep}");
    // A real pipe from one child to the other, as a shell would make.
    let _publisher =
        Proc::spawn_with_stdin(&args("pub", fmt, &[&to_sink]), Stdio::from(sub_stdout));

    // First hop: once the subscription reached the source, nothing sent is dropped there.
    assert_eq!(recv(&source), vec![vec![1u8]]);
    // Second hop: zmqcat pub drops messages until it has its subscriber; warm up until one
    // comes through.
    let warm_up: Msg = vec![b"warm-up".to_vec()];
    repeat_until(
        PACE,
        "a warm-up message through sub | pub",
        || send_msg(&source, &warm_up),
        || recv_within(&sink, Duration::ZERO).is_some_and(|m| m == warm_up),
    );

    let corpus = corpus();
    for m in &corpus {
        send_msg(&source, m);
    }
    // Warm-ups still on their way come first; then the corpus, in order.
    let mut got = Vec::new();
    while got.len() < corpus.len() {
        let m = recv(&sink);
        if got.is_empty() && m == warm_up {
            continue;
        }
        got.push(m);
    }
    assert_msgs(&got, &corpus, "at the end of sub | pub");
    assert!(recv_within(&sink, Duration::ZERO).is_none());
}

#[test]
fn corpus_through_sub_pipe_pub_quoted() {
    corpus_through_sub_pipe_pub(Fmt::Quoted);
}

#[test]
fn corpus_through_sub_pipe_pub_quoted_null() {
    corpus_through_sub_pipe_pub(Fmt::QuotedNull);
}

#[test]
fn corpus_through_sub_pipe_pub_json() {
    corpus_through_sub_pipe_pub(Fmt::Json);
}

#[test]
fn corpus_through_sub_pipe_pub_zmtp() {
    corpus_through_sub_pipe_pub(Fmt::Zmtp);
}

// ---------------------------------------------------------------------------------------------
// 3. zmq PUSH → zmqcat pull, decoded by the test

fn zmq_push_to_pull(fmt: Fmt, msgs: &[Msg]) {
    let ctx = ctx();
    let n = msgs.len().to_string();
    let mut pull = Proc::spawn(&args("pull", fmt, &["-n", &n, "tcp://127.0.0.1:*"]));
    let ep = pull.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    for m in msgs {
        send_msg(&push, m);
    }
    pull.expect_exit(0, T);
    let out = pull.stdout();
    assert_bytes(
        &out,
        &fmt.encode(msgs),
        &format!("pull {:?}'s stdout", fmt.args()),
    );
    if fmt != Fmt::Raw {
        assert_msgs(&fmt.decode(&out), msgs, &format!("{fmt:?} decoded"));
    }
}

#[test]
fn zmq_push_to_pull_text() {
    zmq_push_to_pull(Fmt::Text, &text_corpus());
}

#[test]
fn zmq_push_to_pull_quoted() {
    zmq_push_to_pull(Fmt::Quoted, &corpus());
}

/// A frame that would recolour and retitle a terminal comes out as plain escapes.
#[test]
fn quoted_output_escapes_terminal_control_bytes() {
    let ctx = ctx();
    let mut pull = Proc::spawn(&args(
        "pull",
        Fmt::Quoted,
        &["-n", "1", "tcp://127.0.0.1:*"],
    ));
    let ep = pull.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send(&push, &[b"\x1b[31mred\x1b]0;title\x07\x08\x7f\x1f"]);
    pull.expect_exit(0, T);
    assert_bytes(
        &pull.stdout(),
        b"\\x1b[31mred\\x1b]0;title\\x07\\x08\\x7f\\x1f\n",
        "pull -f quoted's stdout",
    );
}

#[test]
fn zmq_push_to_pull_quoted_null() {
    zmq_push_to_pull(Fmt::QuotedNull, &corpus());
}

#[test]
fn zmq_push_to_pull_json() {
    zmq_push_to_pull(Fmt::Json, &corpus());
}

#[test]
fn zmq_push_to_pull_zmtp() {
    zmq_push_to_pull(Fmt::Zmtp, &corpus());
}

#[test]
fn zmq_push_to_pull_raw() {
    zmq_push_to_pull(Fmt::Raw, &corpus());
}

// ---------------------------------------------------------------------------------------------
// 4. ROUTER with a binary routing id

/// libzmq reserves ids starting with a zero byte; this one has a TAB and a newline in it.
const BIN_ID: &[u8] = &[0xff, 0x01, 0x09, 0x0a];

/// A zmq DEALER with [`BIN_ID`] connected to a `zmqcat router` started with `fmt`.
fn router_with_binary_dealer(fmt: Fmt) -> (zmq::Context, zmq::Socket, Proc) {
    let ctx = ctx();
    let router = Proc::spawn(&args("router", fmt, &["tcp://127.0.0.1:*"]));
    let ep = router.wait_bound(T);
    let dealer = socket(&ctx, zmq::DEALER);
    dealer.set_identity(BIN_ID).unwrap();
    dealer.connect(&ep).unwrap();
    (ctx, dealer, router)
}

#[test]
fn router_json_binary_id_is_a_base64_frame_and_routes_replies() {
    let (_ctx, dealer, mut router) = router_with_binary_dealer(Fmt::Json);
    send(&dealer, &[b"hello", &[0xfe]]);
    let line = router.wait_stdout_lines(1, T).remove(0);
    let v: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    let frames = v.as_array().expect("an array");
    assert_eq!(
        v,
        json!([{"base64": B64.encode(BIN_ID)}, "hello", {"base64": "/g=="}]),
        "{}",
        router.dump()
    );
    // The id frame goes back as printed.
    let reply = format!("[{},\"reply\",{{\"base64\":\"AP8=\"}}]\n", frames[0]);
    router.write_stdin(reply.as_bytes());
    assert_eq!(recv(&dealer), vec![b"reply".to_vec(), vec![0x00, 0xff]]);
}

#[test]
fn router_quoted_binary_id_is_hex_and_routes_replies() {
    let (_ctx, dealer, mut router) = router_with_binary_dealer(Fmt::Quoted);
    send(&dealer, &[b"hello", b"a\tb\\"]);
    router.wait_stdout_lines(1, T);
    let out = router.stdout();
    assert_bytes(&out, b"0xff01090a\thello\ta\\tb\\\\\n", "router's stdout");
    let id = out.split(|&b| b == b'\t').next().unwrap();
    let mut reply = id.to_vec();
    reply.extend_from_slice(b"\tre\\tply\\x00\\n\n");
    router.write_stdin(&reply);
    assert_eq!(recv(&dealer), vec![b"re\tply\0\n".to_vec()]);
}

#[test]
fn router_text_binary_id_is_hex_and_routes_replies() {
    let (_ctx, dealer, mut router) = router_with_binary_dealer(Fmt::Text);
    send(&dealer, &[b"hello"]);
    router.wait_stdout_lines(1, T);
    assert_bytes(&router.stdout(), b"0xff01090a\thello\n", "router's stdout");
    router.write_stdin(b"0xFF01090A\treply\n");
    assert_eq!(recv(&dealer), vec![b"reply".to_vec()]);
}

/// `proxy --capture` between a ROUTER and a DEALER prints the routing id of each message as
/// `router` would: a binary id (with a TAB and a newline in it) as hex, in both directions, so
/// every capture line keeps its fields.
#[test]
fn proxy_capture_prints_binary_routing_ids_as_hex() {
    for (fmt, hello, world) in [
        (Fmt::Text, "hello", "world"),
        (Fmt::Quoted, "he\\tllo", "wor\\x1bld"),
    ] {
        let ctx = ctx();
        let proxy = Proc::spawn(&args(
            "proxy",
            fmt,
            &[
                "--capture",
                "router@tcp://127.0.0.1:*",
                "dealer@tcp://127.0.0.1:*",
            ],
        ));
        let eps = proxy.wait_bound_all(2, T);
        let worker = connected(&ctx, zmq::REP, &eps[1]);
        let client = socket(&ctx, zmq::DEALER);
        client.set_identity(BIN_ID).unwrap();
        client.connect(&eps[0]).unwrap();
        let (hello_raw, world_raw): (&[u8], &[u8]) = match fmt {
            Fmt::Text => (b"hello", b"world"),
            _ => (b"he\tllo", b"wor\x1bld"),
        };
        send(&client, &[b"", hello_raw]);
        assert_eq!(recv(&worker), vec![hello_raw.to_vec()]);
        send(&worker, &[world_raw]);
        assert_eq!(recv(&client), vec![vec![], world_raw.to_vec()]);
        proxy.wait_stdout_lines(2, T);
        let expected = format!("front\t0xff01090a\t\t{hello}\nback\t0xff01090a\t\t{world}\n");
        assert_bytes(
            &proxy.stdout(),
            expected.as_bytes(),
            "proxy --capture's stdout",
        );
    }
}

#[test]
fn router_zmtp_binary_id_is_the_first_frame() {
    let (_ctx, dealer, mut router) = router_with_binary_dealer(Fmt::Zmtp);
    send(&dealer, &[b"hello"]);
    let expected = zmtp_encode(&[vec![BIN_ID.to_vec(), b"hello".to_vec()]], false);
    router.wait_stdout_contains(&expected, T);
    assert_bytes(&router.stdout(), &expected, "router's stdout");
    let back = zmtp_decode(&router.stdout());
    router.write_stdin(&zmtp_encode(
        &[vec![back[0][0].clone(), b"reply".to_vec()]],
        false,
    ));
    assert_eq!(recv(&dealer), vec![b"reply".to_vec()]);
}

#[test]
fn router_malformed_hex_ids_are_malformed_input() {
    for (fmt, input, needle) in [
        (Fmt::Text, &b"0xzz\tx\n"[..], "non-hex"),
        (Fmt::Quoted, &b"0xabc\tx\n"[..], "odd number"),
    ] {
        let mut router = Proc::spawn(&args("router", fmt, &["tcp://127.0.0.1:*"]));
        router.write_stdin(input);
        router.close_stdin();
        router.expect_exit(4, T);
        let err = router.stderr();
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.contains("malformed input in message 1:") && last.contains(needle),
            "{}",
            router.dump()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 5. malformed input

struct Bad {
    args: &'static [&'static str],
    input: Vec<u8>,
    /// The number of the malformed message.
    n: u64,
    /// The messages before it, all sent.
    before: Vec<Msg>,
    needle: &'static str,
}

fn bad(
    args: &'static [&'static str],
    input: &[u8],
    n: u64,
    before: &[&[&str]],
    needle: &'static str,
) -> Bad {
    Bad {
        args,
        input: input.to_vec(),
        n,
        before: before
            .iter()
            .map(|m| m.iter().map(|f| f.as_bytes().to_vec()).collect())
            .collect(),
        needle,
    }
}

fn malformed_cases() -> Vec<Bad> {
    const Q: &[&str] = &["-f", "quoted"];
    const Q0: &[&str] = &["-f", "quoted", "-0"];
    const J: &[&str] = &["-f", "json"];
    const Z: &[&str] = &["-f", "zmtp"];
    let zmtp_ok = [0u8, 1, b'a'];
    let z = |rest: &[u8]| [&zmtp_ok[..], rest].concat();
    vec![
        // quoted
        bad(
            Q,
            b"one\ntwo\\tx\nbad\\q\nnever\n",
            3,
            &[&["one"], &["two\tx"]],
            "bad escape",
        ),
        bad(Q, b"a\n\\x4g\n", 2, &[&["a"]], "two hex digits"),
        bad(Q, b"a\nb\tc\\x4", 2, &[&["a"]], "two hex digits"),
        bad(Q, b"a\nb\\", 2, &[&["a"]], "backslash ends"),
        bad(Q, b"\\X41\n", 1, &[], "bad escape"),
        bad(Q0, b"a\nb\0c\\z\0", 2, &[&["a\nb"]], "bad escape"),
        // json
        bad(
            J,
            b"[\"a\"]\n{not json\n[\"never\"]\n",
            2,
            &[&["a"]],
            "invalid JSON",
        ),
        bad(J, b"[\"a\"]\n{\"a\":1}\n", 2, &[&["a"]], "invalid JSON"),
        bad(J, b"\"just a string\"\n", 1, &[], "invalid JSON"),
        bad(
            J,
            b"[\"a\"]\n\n  \n[\"b\",\"c\"]\n[]\n[\"never\"]\n",
            3,
            &[&["a"], &["b", "c"]],
            "at least one frame",
        ),
        bad(
            J,
            b"[\"a\"]\n[{\"base64\":\"!!\"}]\n",
            2,
            &[&["a"]],
            "bad base64",
        ),
        bad(J, b"[{\"base64\":\"AA=\"}]\n", 1, &[], "bad base64"),
        bad(
            J,
            b"[\"a\"]\n[{\"base64\":\"AA==\",\"x\":1}]\n",
            2,
            &[&["a"]],
            "nothing else",
        ),
        bad(J, b"[\"a\"]\n[1]\n", 2, &[&["a"]], "invalid JSON"),
        bad(J, b"[\"a\"]\n[\"b\"] x\n", 2, &[&["a"]], "invalid JSON"),
        bad(J, b"[\"a\"]\n[\"b\"", 2, &[&["a"]], "invalid JSON"),
        bad(J, b"[\"a\"]\n[\"\\ud800\"]\n", 2, &[&["a"]], "invalid JSON"),
        // zmtp
        bad(Z, &z(&[0, 5, b'a', b'b']), 2, &[&["a"]], "truncated"),
        bad(Z, &z(&[MORE, 1, b'b']), 2, &[&["a"]], "truncated"),
        bad(Z, &z(&[MORE]), 2, &[&["a"]], "truncated"),
        bad(Z, &z(&[LONG, 0, 0]), 2, &[&["a"]], "truncated"),
        bad(Z, &z(&[0x04, 0]), 2, &[&["a"]], "command frame"),
        bad(Z, &z(&[0x80, 0]), 2, &[&["a"]], "reserved bits"),
        bad(
            Z,
            &z(&[MORE, 1, b'b', 0x08, 0]),
            2,
            &[&["a"]],
            "reserved bits",
        ),
        // --max-msg-size (64: see max_msg_size_10_* for smaller limits)
        bad(
            &["--max-msg-size", "64"],
            format!("{}\n{}\n", "x".repeat(64), "y".repeat(65)).as_bytes(),
            2,
            &[&[&"x".repeat(64)]],
            "over --max-msg-size 64",
        ),
        bad(
            &["-f", "quoted", "--max-msg-size", "64"],
            format!("{}\\t\\t\\t\\t\n{}\\t\n", "q".repeat(60), "r".repeat(64)).as_bytes(),
            2,
            &[&[&format!("{}\t\t\t\t", "q".repeat(60))]],
            "over --max-msg-size 64",
        ),
        bad(
            &["-f", "json", "--max-msg-size", "64"],
            format!(
                "[\"{0}\",\"{0}\"]\n[\"{1}\",\"\"]\n",
                "j".repeat(32),
                "k".repeat(65)
            )
            .as_bytes(),
            2,
            &[&[&"j".repeat(32), &"j".repeat(32)]],
            "over --max-msg-size 64",
        ),
        bad(
            &["-f", "zmtp", "--max-msg-size", "64"],
            &zmtp_encode(
                &[
                    vec![vec![b'z'; 64]],
                    // Each frame is under the limit, the message is not.
                    vec![vec![b'w'; 40], vec![b'w'; 40]],
                ],
                false,
            ),
            2,
            &[&[&"z".repeat(64)]],
            "over --max-msg-size 64",
        ),
        bad(
            &["-f", "raw", "--max-msg-size", "64"],
            &[7u8; 65],
            1,
            &[],
            "over --max-msg-size 64",
        ),
    ]
}

#[test]
fn malformed_input_exits_4_naming_the_message_after_sending_the_earlier_ones() {
    let ctx = ctx();
    // All cases at once, each with its own zmq PULL.
    let runs: Vec<(Bad, zmq::Socket, Proc)> = malformed_cases()
        .into_iter()
        .map(|case| {
            let (pull, ep) = bound(&ctx, zmq::PULL);
            let mut argv = vec!["push"];
            argv.extend_from_slice(case.args);
            argv.push(&ep);
            let mut p = Proc::spawn(&argv);
            p.feed_stdin_and_close(case.input.clone());
            (case, pull, p)
        })
        .collect();
    for (case, pull, mut p) in runs {
        p.expect_exit(4, T);
        assert_one_stderr_line(
            &p,
            &format!("zmqcat: malformed input in message {}: ", case.n),
        );
        assert!(
            p.stderr().contains(case.needle),
            "stderr lacks {:?}\n{}",
            case.needle,
            p.dump()
        );
        for m in &case.before {
            assert_eq!(&recv(&pull), m, "{}", p.dump());
        }
        if let Some(m) = recv_within(&pull, Duration::ZERO) {
            panic!(
                "a message after the malformed one was sent: {m:?}\n{}",
                p.dump()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 6. -0 and --frame-sep

#[test]
fn null_terminated_text_carries_newlines() {
    let input: &[u8] = b"line one\nstill one\tframe two\0second\0\0last\twith\nnewline\0";
    let expected: Vec<Msg> = vec![
        vec![b"line one\nstill one".to_vec(), b"frame two".to_vec()],
        vec![b"second".to_vec()],
        vec![vec![]],
        vec![b"last".to_vec(), b"with\nnewline".to_vec()],
    ];
    // On the wire, with a zmq peer.
    let ctx = ctx();
    let (peer, peer_ep) = bound(&ctx, zmq::PULL);
    let mut to_peer = Proc::spawn(&["push", "-0", &peer_ep]);
    to_peer.write_stdin(input);
    to_peer.close_stdin();
    for m in &expected {
        assert_eq!(&recv(&peer), m);
    }
    to_peer.expect_exit(0, T);

    // push -0 | pull -0.
    let mut pull = Proc::spawn(&["pull", "--null", "-n", "4", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&["push", "--null", &ep]);
    push.write_stdin(input);
    push.close_stdin();
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert_bytes(&pull.stdout(), input, "pull -0's stdout");
}

#[test]
fn frame_sep_splits_and_joins_frames() {
    let ctx = ctx();
    let (peer, peer_ep) = bound(&ctx, zmq::PULL);
    let mut push = Proc::spawn(&["push", "--frame-sep", ",", &peer_ep]);
    push.write_stdin(b"a,b,,c\tstill c\n,\n");
    push.close_stdin();
    assert_eq!(
        recv(&peer),
        vec![b"a".to_vec(), b"b".to_vec(), vec![], b"c\tstill c".to_vec()]
    );
    assert_eq!(recv(&peer), vec![Vec::<u8>::new(), vec![]]);
    push.expect_exit(0, T);

    // With -0 as well: newlines are data, commas split.
    let mut push = Proc::spawn(&["push", "-0", "--frame-sep", ",", &peer_ep]);
    push.write_stdin(b"a,b\nc\0");
    push.close_stdin();
    assert_eq!(recv(&peer), vec![b"a".to_vec(), b"b\nc".to_vec()]);
    push.expect_exit(0, T);

    let mut pull = Proc::spawn(&["pull", "--frame-sep", ",", "-n", "1", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let zpush = connected(&ctx, zmq::PUSH, &ep);
    send(&zpush, &[b"x", b"y\tz", b""]);
    pull.expect_exit(0, T);
    assert_bytes(&pull.stdout(), b"x,y\tz,\n", "pull --frame-sep ,'s stdout");
}

#[test]
fn null_and_frame_sep_misuse_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/never.sock", dir.path().display());
    let cases: &[(&[&str], &str)] = &[
        (&["--null", "-f", "json"], "--null"),
        (&["-0", "-f", "zmtp"], "--null"),
        (&["-0", "-f", "raw"], "--null"),
        (&["--frame-sep", ",", "-f", "quoted"], "--frame-sep"),
        (&["--frame-sep", ",", "-f", "json"], "--frame-sep"),
        (&["--frame-sep", "\n"], "--frame-sep"),
    ];
    for (opts, needle) in cases {
        for cmd in ["push", "pull"] {
            let mut argv = vec![cmd];
            argv.extend_from_slice(opts);
            argv.push(&ep);
            let mut p = Proc::spawn(&argv);
            p.close_stdin();
            p.expect_exit(2, T);
            assert_one_stderr_line(&p, needle);
            assert!(p.stdout().is_empty(), "{}", p.dump());
        }
    }
    // A separator of more than one byte is refused by the argument parser.
    let mut p = Proc::spawn(&["push", "--frame-sep", ",,", &ep]);
    p.close_stdin();
    p.expect_exit(2, T);
}

// ---------------------------------------------------------------------------------------------
// 7. raw

#[test]
fn raw_push_sends_all_of_stdin_as_one_frame() {
    let data: Vec<u8> = (0..200 * 1024u32)
        .map(|i| (i % 251) as u8 ^ (i >> 9) as u8)
        .collect();
    let ctx = ctx();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&["push", "-f", "raw", &ep]);
    p.feed_stdin_and_close(data.clone());
    let m = recv(&pull);
    assert_eq!(m.len(), 1, "one frame, got {}", m.len());
    assert_bytes(&m[0], &data, "the raw frame");
    p.expect_exit(0, T);
    assert!(recv_within(&pull, Duration::ZERO).is_none());

    // Empty input is one empty frame.
    let mut p = Proc::spawn(&["push", "-f", "raw", &ep]);
    p.close_stdin();
    assert_eq!(recv(&pull), vec![Vec::<u8>::new()]);
    p.expect_exit(0, T);
}

#[test]
fn raw_pull_prints_frames_back_to_back() {
    let ctx = ctx();
    let mut pull = Proc::spawn(&["pull", "-f", "raw", "-n", "2", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send(&push, &[b"ab", &[0, 0xff]]);
    send(&push, &[b"\n", b"", b"cd"]);
    send(&push, &[b"not printed"]);
    pull.expect_exit(0, T);
    assert_bytes(&pull.stdout(), b"ab\x00\xff\ncd", "pull -f raw's stdout");
}

// ---------------------------------------------------------------------------------------------
// 8. --max-msg-size on input

/// Writes `bytes` to the child's stdin from a thread and keeps stdin open afterwards, until the
/// returned handle is joined (and its result dropped).
fn write_keeping_open(
    p: &mut Proc,
    bytes: Vec<u8>,
) -> thread::JoinHandle<std::process::ChildStdin> {
    let mut stdin = p.take_stdin();
    thread::spawn(move || {
        // zmqcat stops reading and exits partway: the rest cannot be written.
        let _ = stdin.write_all(&bytes);
        stdin
    })
}

fn endless_messages(limit: usize) -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
    const MIB: usize = 1 << 20;
    let ok = vec![b'o'; limit];
    let mut zmtp_endless = vec![LONG];
    zmtp_endless.extend_from_slice(&(MIB as u64).to_be_bytes());
    zmtp_endless.resize(9 + MIB, b'z');
    let mut json_endless = b"[\"".to_vec();
    json_endless.resize(MIB, b'j');
    let okq = String::from_utf8(ok.clone()).unwrap();
    vec![
        ("text", [&ok[..], b"\n"].concat(), vec![b'x'; MIB]),
        ("quoted", [&ok[..], b"\n"].concat(), vec![b'x'; MIB]),
        ("json", format!("[\"{okq}\"]\n").into_bytes(), json_endless),
        (
            "zmtp",
            zmtp_encode(&[vec![ok.clone()]], false),
            zmtp_endless,
        ),
    ]
}

fn max_msg_size(limit: usize) {
    let ctx = ctx();
    let limit_arg = limit.to_string();
    // A line one byte over the limit, after one at the limit.
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let at = "a".repeat(limit);
    let mut p = Proc::spawn(&["push", "--max-msg-size", &limit_arg, &ep]);
    p.write_stdin(format!("{at}\n{at}b\nnever\n").as_bytes());
    p.close_stdin();
    p.expect_exit(4, T);
    assert_one_stderr_line(&p, "malformed input in message 2: ");
    assert_eq!(recv(&pull), vec![at.into_bytes()], "{}", p.dump());

    // An endless message, stdin left open: refused long before its end.
    for (format, first, endless) in endless_messages(limit) {
        let (pull, ep) = bound(&ctx, zmq::PULL);
        let mut p = Proc::spawn(&["push", "-f", format, "--max-msg-size", &limit_arg, &ep]);
        let started = Instant::now();
        let writer = write_keeping_open(&mut p, [first.clone(), endless].concat());
        p.expect_exit(4, T);
        assert_one_stderr_line(&p, "malformed input in message 2: ");
        assert!(
            p.stderr().contains(&format!("--max-msg-size {limit}")),
            "{}",
            p.dump()
        );
        assert!(started.elapsed() < T);
        let m = recv(&pull);
        assert_eq!(m, vec![vec![b'o'; limit]], "{format}\n{}", p.dump());
        // stdin was open all along: closed only now.
        drop(writer.join());
    }
}

#[test]
fn max_msg_size_refuses_long_and_endless_input_messages() {
    max_msg_size(64);
}

#[test]
fn max_msg_size_10_refuses_long_and_endless_input_messages() {
    max_msg_size(10);
}

/// `push -f FORMAT --max-msg-size 64` given the message `first`, then `part` of a second one
/// (`second`, of at most 64 bytes), then its `rest`: both must arrive.
fn arrives_in_pieces(
    ctx: &zmq::Context,
    format: &str,
    first: &[u8],
    part: &[u8],
    rest: &[u8],
    second: &[Vec<u8>],
) {
    let (pull, ep) = bound(ctx, zmq::PULL);
    let mut p = Proc::spawn(&["push", "-f", format, "--max-msg-size", "64", &ep]);
    let mut stdin = p.take_stdin();
    // One write of less than PIPE_BUF bytes is read whole: once the first message arrived,
    // zmqcat has seen the incomplete second one.
    let _ = stdin.write_all(&[first, part].concat());
    recv(&pull);
    let _ = stdin.write_all(rest);
    drop(stdin);
    p.expect_exit(0, T);
    assert_eq!(recv(&pull), second, "{format}\n{}", p.dump());
}

#[test]
fn max_msg_size_limits_decoded_bytes_not_encoded_bytes() {
    let ctx = ctx();
    // 64 bytes each, much longer when encoded.
    let zeros = vec![0u8; 64];
    let json_msg = format!("[{{\"base64\":\"{}\"}}]", B64.encode(&zeros)).into_bytes();
    arrives_in_pieces(&ctx, "json", b"[\"first\"]\n", &json_msg, b"\n", &[zeros]);
    let quoted_msg = "\\xff".repeat(64).into_bytes();
    arrives_in_pieces(
        &ctx,
        "quoted",
        b"first\n",
        &quoted_msg,
        b"\n",
        &[vec![0xff; 64]],
    );
    let zmtp_frames: Msg = vec![vec![b'z'; 2]; 32];
    let zmtp_all = zmtp_encode(std::slice::from_ref(&zmtp_frames), false);
    let (part, rest) = zmtp_all.split_at(zmtp_all.len() - 4);
    let first = zmtp_encode(&[vec![b"first".to_vec()]], false);
    arrives_in_pieces(&ctx, "zmtp", &first, part, rest, &zmtp_frames);
}

#[test]
fn json_blank_lines_do_not_count_against_max_msg_size() {
    let ctx = ctx();
    // Blank lines are not a message: at the end of input they are nothing at all.
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&["push", "-f", "json", "--max-msg-size", "64", &ep]);
    p.write_stdin(&[&b"[\"a\"]"[..], &[b'\n'; 101]].concat());
    p.close_stdin();
    p.expect_exit(0, T);
    assert_eq!(recv(&pull), vec![b"a".to_vec()]);
}
