//! SIGINT and SIGTERM, delivered as a readable self-pipe that the event loops poll beside their
//! sockets. A blocking libzmq call returns EINTR only on the thread that took the signal, so a
//! flag alone could be missed; the pipe wakes `zmq_poll` wherever the signal landed.
//!
//! The first signal asks zmqcat to stop cleanly (flush stdout, drain sends within linger); a
//! second one ends the process at once with the same status.

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use signal_hook::consts::{SIGINT, SIGTERM};

pub struct Signals {
    pipe: UnixStream,
    /// The write end, for the deadline timer.
    wake: UnixStream,
    which: Arc<AtomicUsize>,
}

/// What `--deadline` raises when the run time is up: it stops zmqcat as SIGTERM does (received
/// messages flushed, queued ones delivered within the grace), with its own exit status.
pub const DEADLINE: i32 = 0x100;

/// The conventional exit status for death by a signal; [`crate::exit::DEADLINE`] for the deadline.
pub fn status_for(signal: i32) -> u8 {
    if signal == DEADLINE {
        return crate::exit::DEADLINE;
    }
    (128 + signal) as u8
}

impl Signals {
    pub fn install() -> io::Result<Signals> {
        let (read, write) = UnixStream::pair()?;
        read.set_nonblocking(true)?;
        write.set_nonblocking(true)?;
        let which = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGTERM] {
            // Registered first, so that it sees the flag as the previous signal left it.
            signal_hook::flag::register_conditional_shutdown(
                sig,
                i32::from(status_for(sig)),
                Arc::clone(&seen),
            )?;
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
            signal_hook::flag::register_usize(sig, Arc::clone(&which), sig as usize)?;
            signal_hook::low_level::pipe::register(sig, write.try_clone()?)?;
        }
        Ok(Signals {
            pipe: read,
            wake: write,
            which,
        })
    }

    /// Raises [`DEADLINE`] after `after`, unless a signal came first.
    pub fn arm_deadline(&self, after: std::time::Duration) -> io::Result<()> {
        let wake = self.wake.try_clone()?;
        let which = Arc::clone(&self.which);
        std::thread::Builder::new()
            .name("deadline".into())
            .spawn(move || {
                std::thread::sleep(after);
                let _ = which.compare_exchange(
                    0,
                    DEADLINE as usize,
                    Ordering::SeqCst,
                    Ordering::SeqCst,
                );
                let _ = (&wake).write(&[1]);
            })?;
        Ok(())
    }

    /// The descriptor that becomes readable when a signal arrives.
    pub fn fd(&self) -> RawFd {
        self.pipe.as_raw_fd()
    }

    /// The signal received, if any.
    pub fn pending(&self) -> Option<i32> {
        let mut sink = [0u8; 16];
        while matches!((&self.pipe).read(&mut sink), Ok(n) if n > 0) {}
        match self.which.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(sig as i32),
        }
    }
}
