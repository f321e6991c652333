//! `--trace`: every frame sent or received as a hexdump on stderr, with direction and time.

use std::fmt::Write as _;
use std::time::SystemTime;

/// Bytes shown per hexdump line.
const WIDTH: usize = 16;

/// Which way a frame went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Sent,
    Received,
}

/// Writes one frame's trace to stderr: a heading line, then the hexdump.
/// `label` names the socket when a command has several.
pub fn frame(way: Way, label: Option<&str>, index: usize, more: bool, data: &[u8]) {
    let text = render(way, SystemTime::now(), label, index, more, data);
    crate::diag::stderr(&text);
}

fn render(
    way: Way,
    at: SystemTime,
    label: Option<&str>,
    index: usize,
    more: bool,
    data: &[u8],
) -> String {
    let arrow = match way {
        Way::Sent => '>',
        Way::Received => '<',
    };
    let mut out = String::with_capacity(80 + data.len() * 4);
    let _ = writeln!(
        out,
        "zmqcat: {} {arrow} {}frame {}{}, {} bytes",
        humantime::format_rfc3339_micros(at),
        label.map(|l| format!("{l} ")).unwrap_or_default(),
        index + 1,
        if more { " (more)" } else { "" },
        data.len()
    );
    for (line, chunk) in data.chunks(WIDTH).enumerate() {
        let _ = write!(out, "  {:06x} ", line * WIDTH);
        for i in 0..WIDTH {
            match chunk.get(i) {
                Some(b) => {
                    let _ = write!(out, " {b:02x}");
                }
                None => out.push_str("   "),
            }
        }
        out.push_str("  |");
        out.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                '.'
            }
        }));
        out.push_str("|\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_becomes_a_heading_and_hexdump_lines() {
        let at = SystemTime::UNIX_EPOCH;
        let text = render(
            Way::Sent,
            at,
            None,
            0,
            true,
            b"Hello, world!\x00\x01\xffABC",
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "zmqcat: 1970-01-01T00:00:00.000000Z > frame 1 (more), 19 bytes"
        );
        assert_eq!(
            lines[1],
            "  000000  48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 00 01 ff  |Hello, world!...|"
        );
        assert_eq!(
            lines[2],
            "  000010  41 42 43                                         |ABC|"
        );
        let empty = render(Way::Received, at, Some("tasks"), 1, false, b"");
        assert_eq!(
            empty,
            "zmqcat: 1970-01-01T00:00:00.000000Z < tasks frame 2, 0 bytes\n"
        );
    }
}
