//! Messages to send: read from stdin, or one fixed message (`-m`) repeated.
//!
//! stdin is read straight from file descriptor 0 into one growing buffer, only after `poll` said
//! it is readable, so the event loops can wait on stdin, the socket and the signal pipe at once
//! without a thread. Decoded frames are slices of that buffer: nothing is copied per message.

use std::io;
use std::os::fd::RawFd;

use crate::codec::{DecodeError, Decoded, Decoder, Frames};
use crate::template::Template;

const READ_SIZE: usize = 64 * 1024;

/// Malformed input, with the number of the message it was found in.
#[derive(Debug, thiserror::Error)]
#[error("malformed input in message {number}: {error}")]
pub struct InputError {
    pub number: u64,
    pub error: DecodeError,
}

/// What the input holds now.
pub enum Next<'a> {
    /// A whole message; call [`Input::advance`] once it is sent.
    Message(Frames<'a>),
    /// Nothing whole yet: wait for stdin to be readable, then [`Input::fill`].
    Pending,
    /// No more messages.
    End,
}

enum Source {
    Stdin {
        fd: RawFd,
        eof: bool,
    },
    /// The `-m` message, `remaining` more times (`None`: forever).
    Fixed {
        remaining: Option<u64>,
    },
    /// The `-m` template, rendered anew for each message (into `buf`, when `rendered` is false).
    Template {
        template: Template,
        remaining: Option<u64>,
        rendered: bool,
    },
}

/// The input formats with a fast path for single-frame messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plain {
    No,
    Text,
    Zmtp,
}

pub struct Input {
    source: Source,
    /// Which fast path [`Input::plain_message`] takes.
    plain: Plain,
    decoder: Decoder,
    buf: Vec<u8>,
    start: usize,
    /// Bytes of the message last returned by `peek`.
    pending: usize,
    /// Messages taken so far.
    taken: u64,
}

impl Input {
    pub fn stdin(decoder: Decoder) -> Input {
        Input::from_fd(0, decoder)
    }

    /// Messages read from any descriptor the process keeps open (a coprocess's stdout).
    pub fn from_fd(fd: RawFd, decoder: Decoder) -> Input {
        let style = decoder.style();
        let plain = match style.format {
            crate::codec::Format::Text if !style.id_field => Plain::Text,
            crate::codec::Format::Zmtp => Plain::Zmtp,
            _ => Plain::No,
        };
        Input {
            plain,
            source: Source::Stdin { fd, eof: false },
            decoder,
            buf: Vec::with_capacity(READ_SIZE),
            start: 0,
            pending: 0,
            taken: 0,
        }
    }

    /// One message given on the command line, sent `times` times (`None`: until stopped).
    /// It is decoded once here so that a malformed one is reported before anything is sent.
    pub fn fixed(decoder: Decoder, data: &[u8], times: Option<u64>) -> Result<Input, InputError> {
        let data = one_message(&decoder, data.to_vec());
        check_one(&decoder, &data)?;
        Ok(Input {
            source: Source::Fixed { remaining: times },
            plain: Plain::No,
            decoder,
            buf: data,
            start: 0,
            pending: 0,
            taken: 0,
        })
    }

    /// A message template given on the command line, rendered for each of `times` messages.
    /// Its first rendering is checked here, so that a malformed one is reported at once.
    pub fn template(
        decoder: Decoder,
        mut template: Template,
        times: Option<u64>,
    ) -> Result<Input, InputError> {
        let mut first = Vec::new();
        template.render(1, &mut first);
        check_one(&decoder, &one_message(&decoder, first))?;
        Ok(Input {
            source: Source::Template {
                template,
                remaining: times,
                rendered: false,
            },
            plain: Plain::No,
            decoder,
            buf: Vec::new(),
            start: 0,
            pending: 0,
            taken: 0,
        })
    }

    /// The descriptor to poll while [`Next::Pending`], if any.
    pub fn fd(&self) -> Option<RawFd> {
        match self.source {
            Source::Stdin { fd, eof: false, .. } => Some(fd),
            _ => None,
        }
    }

    /// Messages taken (sent) so far.
    pub fn taken(&self) -> u64 {
        self.taken
    }

    /// The next message, without taking it.
    // Always inlined into the send loop (measured: 46 instructions a message as a call).
    #[inline(always)]
    pub fn peek(&mut self) -> Result<Next<'_>, InputError> {
        if matches!(
            self.source,
            Source::Template {
                rendered: false,
                ..
            }
        ) {
            self.render_template();
        }
        let (data, eof) = match &self.source {
            Source::Stdin { eof, .. } => (&self.buf[self.start..], *eof),
            Source::Fixed { remaining: Some(0) }
            | Source::Template {
                remaining: Some(0), ..
            } => return Ok(Next::End),
            Source::Fixed { .. } | Source::Template { .. } => (&self.buf[..], true),
        };
        match self.decoder.decode(data, eof) {
            Ok(Decoded::Message { consumed, frames }) => {
                self.pending = consumed;
                Ok(Next::Message(frames))
            }
            Ok(Decoded::NeedMore) => Ok(Next::Pending),
            Ok(Decoded::End) => Ok(Next::End),
            Err(error) => Err(InputError {
                number: self.taken + 1,
                error,
            }),
        }
    }

    /// Renders the template's next message into `buf` (kept out of line: the stdin path is hot).
    #[cold]
    #[inline(never)]
    fn render_template(&mut self) {
        let Source::Template {
            template, rendered, ..
        } = &mut self.source
        else {
            return;
        };
        template.render(self.taken + 1, &mut self.buf);
        self.buf = one_message(&self.decoder, std::mem::take(&mut self.buf));
        *rendered = true;
    }

    /// The fast path of the most common inputs: the next message of stdin when it is whole, one
    /// frame, within the size limit, and either a line of `text` (without routing ids) or one
    /// `zmtp` frame without MORE. Gives the frame and the input bytes it takes; `None` means
    /// "use [`Input::peek`]", which decides everything else the same way.
    #[inline(always)]
    pub fn plain_message(&self) -> Option<(&[u8], usize)> {
        let data = &self.buf[self.start..];
        let (frame, taken) = match self.plain {
            Plain::No => return None,
            Plain::Text => {
                let style = self.decoder.style();
                let end = memchr::memchr2(style.separator, style.terminator, data)?;
                if data[end] != style.terminator {
                    return None;
                }
                (&data[..end], end + 1)
            }
            Plain::Zmtp => crate::codec::zmtp_single_frame(data)?,
        };
        let fits = self.decoder.max_size().is_none_or(|max| frame.len() <= max);
        fits.then_some((frame, taken))
    }

    /// Takes the message last returned by [`Input::plain_message`] (`taken` input bytes).
    #[inline(always)]
    pub fn advance_plain(&mut self, taken: usize) {
        self.taken += 1;
        self.start += taken;
    }

    /// Takes the message last returned by [`Input::peek`].
    pub fn advance(&mut self) {
        self.taken += 1;
        self.decoder.taken();
        match &mut self.source {
            Source::Stdin { .. } => self.start += std::mem::take(&mut self.pending),
            Source::Fixed { remaining } => {
                if let Some(n) = remaining {
                    *n = n.saturating_sub(1);
                }
            }
            Source::Template {
                remaining,
                rendered,
                ..
            } => {
                *rendered = false;
                if let Some(n) = remaining {
                    *n = n.saturating_sub(1);
                }
            }
        }
    }

    /// Reads once from stdin (call after poll said it is readable, so it does not block).
    pub fn fill(&mut self) -> io::Result<()> {
        let Source::Stdin { fd, eof } = &mut self.source else {
            return Ok(());
        };
        if *eof {
            return Ok(());
        }
        // Move the unread tail to the front when all is consumed or room runs short.
        let room = self.buf.capacity() - self.buf.len();
        if self.start > 0 && (self.start == self.buf.len() || room < READ_SIZE / 2) {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        if self.buf.capacity() - self.buf.len() < READ_SIZE / 2 {
            self.buf.reserve(READ_SIZE.max(self.buf.len()));
        }
        let spare = self.buf.spare_capacity_mut();
        let n = loop {
            // SAFETY: reads at most `spare.len()` bytes into memory owned by `buf`.
            let n = unsafe { libc::read(*fd, spare.as_mut_ptr().cast(), spare.len()) };
            if n >= 0 {
                break n as usize;
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                // No stdin at all (a closed descriptor) reads as empty input.
                Some(libc::EBADF) => break 0,
                _ => return Err(e),
            }
        };
        // SAFETY: the kernel initialised the first `n` spare bytes.
        unsafe { self.buf.set_len(self.buf.len() + n) };
        if n == 0 {
            *eof = true;
        }
        Ok(())
    }
}

/// A `-m` message as the decoder takes it: an empty one is one message of one empty frame, as an
/// empty line is.
fn one_message(decoder: &Decoder, data: Vec<u8>) -> Vec<u8> {
    match decoder.style().format.has_terminator() {
        true if data.is_empty() => vec![decoder.style().terminator],
        _ => data,
    }
}

/// Checks that `data` holds exactly one message.
fn check_one(decoder: &Decoder, data: &[u8]) -> Result<(), InputError> {
    let mut decoder = decoder.clone();
    let problem = match decoder.decode(data, true) {
        Ok(Decoded::Message { consumed, .. }) if consumed == data.len() => return Ok(()),
        Ok(Decoded::End) => "--message holds no message",
        Ok(_) => "--message holds more than one message",
        Err(error) => return Err(InputError { number: 1, error }),
    };
    Err(InputError {
        number: 1,
        error: DecodeError(problem.into()),
    })
}
