//! Received messages to stdout, through one large buffer flushed when no further message is
//! ready: a live pipeline sees each message at once, a bulk transfer makes few `write(2)` calls.

use std::io::{self, BufWriter, Write};
use std::os::fd::RawFd;

use crate::codec::Encoder;

const BUF_SIZE: usize = 64 * 1024;

/// The reader of stdout went away (`| head -1`): a normal, quiet end.
#[derive(Debug, thiserror::Error)]
#[error("stdout was closed by its reader")]
pub struct Closed;

pub struct Output {
    w: BufWriter<RawFdWriter>,
    encoder: Encoder,
    /// Bytes written since the last flush.
    dirty: bool,
}

fn map(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Closed.into()
    } else {
        anyhow::Error::new(e).context("writing to stdout")
    }
}

/// Writes a whole report (a plan, completions, a recipe) to stdout at once. A reader that went
/// away (`| true`, `| head -1`) is no failure: the command still exits 0.
pub fn print(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing to stdout"))
        }
        _ => Ok(()),
    }
}

impl Output {
    pub fn stdout(encoder: Encoder) -> Output {
        Output::to_fd(1, encoder)
    }

    /// Messages written to any descriptor the process keeps open (a coprocess's stdin).
    pub fn to_fd(fd: RawFd, encoder: Encoder) -> Output {
        Output {
            w: BufWriter::with_capacity(BUF_SIZE, RawFdWriter(fd)),
            encoder,
            dirty: false,
        }
    }

    /// Writes frame `index` of a message; `more` says another frame follows.
    #[inline]
    pub fn frame(&mut self, data: &[u8], index: usize, more: bool) -> anyhow::Result<()> {
        self.dirty = true;
        self.encoder
            .frame(&mut self.w, data, index, more)
            .map_err(map)
    }

    /// Writes frame `index` as a routing id (see [`Encoder::id_frame`]).
    pub fn id_frame(&mut self, data: &[u8], index: usize, more: bool) -> anyhow::Result<()> {
        self.dirty = true;
        self.encoder
            .id_frame(&mut self.w, data, index, more)
            .map_err(map)
    }

    /// Pushes everything buffered to stdout.
    pub fn flush(&mut self) -> anyhow::Result<()> {
        if self.dirty {
            self.dirty = false;
            self.w.flush().map_err(map)?;
        }
        Ok(())
    }
}

/// A descriptor written directly: for stdout, without std's line buffering (std's `Stdout` writes once per line).
struct RawFdWriter(RawFd);

impl Write for RawFdWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        loop {
            // SAFETY: writes from a valid slice; fd 1 is never closed by zmqcat.
            let n = unsafe { libc::write(self.0, buf.as_ptr().cast(), buf.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
