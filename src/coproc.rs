//! Child processes that answer messages: `rep --exec CMD` (one process per request) and
//! `--coproc CMD` (one long-running process whose stdin receives messages and whose stdout
//! supplies the messages to send). Both run `sh -c CMD`, so any shell one-liner works.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::codec::{Decoded, Decoder, Encoder, Format, Style};

/// Runs CMD with the request on its stdin (in the chosen format) and returns its stdout as
/// the reply's frames. In `text`, the whole output (less one final newline) is the reply, TABs
/// separating frames, so a multi-line output stays one message. A command that cannot start
/// or fails yields `Err` with the reason; the caller answers with an empty reply.
pub fn exec(cmd: &str, style: Style, request: &[&[u8]]) -> Result<Vec<Vec<u8>>, String> {
    let mut input = Vec::new();
    let mut enc = Encoder::new(style);
    for (i, f) in request.iter().enumerate() {
        let _ = enc.frame(&mut input, f, i, i + 1 < request.len());
    }
    let mut child = shell(cmd)
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    // Feed stdin from a thread: a command may write before it has read everything.
    let mut stdin = child.stdin.take();
    let feeder = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let mut out = Vec::new();
    if let Some(mut stdout) = child.stdout.take() {
        let _ = stdout.read_to_end(&mut out);
    }
    let _ = feeder.join();
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("failed ({status})"));
    }
    Ok(reply_frames(style, out))
}

/// `sh -c CMD` with stdin and stdout piped to zmqcat, stderr shared.
fn shell(cmd: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(cmd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    c
}

fn reply_frames(style: Style, mut out: Vec<u8>) -> Vec<Vec<u8>> {
    if style.format == Format::Text {
        if out.last() == Some(&style.terminator) {
            out.pop();
        }
        return out
            .split(|b| *b == style.separator)
            .map(<[u8]>::to_vec)
            .collect();
    }
    let mut dec = Decoder::new(style, None);
    match dec.decode(&out, true) {
        Ok(Decoded::Message { frames, .. }) => frames.iter().map(<[u8]>::to_vec).collect(),
        _ => vec![Vec::new()],
    }
}

/// A long-running child: zmqcat writes received messages to its stdin and sends what it writes
/// to its stdout.
pub struct Coproc {
    cmd: String,
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: ChildStdout,
}

impl Coproc {
    pub fn spawn(cmd: &str) -> Result<Coproc> {
        let mut child = shell(cmd)
            .spawn()
            .with_context(|| format!("starting coprocess '{cmd}'"))?;
        let stdin = child.stdin.take().context("coprocess stdin")?;
        let stdout = child.stdout.take().context("coprocess stdout")?;
        Ok(Coproc {
            cmd: cmd.to_string(),
            child,
            stdin: Some(stdin),
            stdout,
        })
    }

    /// Where messages for the child go.
    pub fn stdin_fd(&self) -> RawFd {
        self.stdin.as_ref().map_or(-1, |s| s.as_raw_fd())
    }

    /// Where the child's messages come from.
    pub fn stdout_fd(&self) -> RawFd {
        self.stdout.as_raw_fd()
    }

    /// Why the child ended, for the error that ends zmqcat.
    pub fn ended(&mut self) -> String {
        self.stdin = None;
        let status = wait_bounded(&mut self.child, Duration::from_secs(1));
        format!("coprocess '{}' ended ({status})", self.cmd)
    }

    /// Closes the child's stdin and lets it finish (briefly), then makes sure it is gone.
    pub fn finish(mut self) {
        self.stdin = None;
        wait_bounded(&mut self.child, Duration::from_secs(1));
    }
}

fn wait_bounded(child: &mut Child, limit: Duration) -> String {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.to_string(),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return "still running: killed".into();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_replies_with_the_output() {
        let style = Style::new(Format::Text);
        assert_eq!(
            exec("tr a-z A-Z", style, &[b"ab", b"c"]).unwrap(),
            vec![b"AB".to_vec(), b"C".to_vec()]
        );
        assert_eq!(
            exec("printf 'two\\nlines\\n'", style, &[b"x"]).unwrap(),
            vec![b"two\nlines".to_vec()]
        );
        assert!(exec("exit 3", style, &[b"x"])
            .unwrap_err()
            .contains("exit status: 3"));
        let json = Style::new(Format::Json);
        assert_eq!(
            exec("cat", json, &[b"a", &[0xff]]).unwrap(),
            vec![b"a".to_vec(), vec![0xff]]
        );
    }
}
