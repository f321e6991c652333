//! The one wait of every loop, and the one pacer of every sender.
//!
//! A wait is a single `zmq_poll` over the signal self-pipe (always first) and whatever the
//! caller watches — sockets, stdin, monitors, a pipe — until one is ready, a signal arrives or
//! the deadline passes. EINTR is retried, and a deadline is rounded up to whole milliseconds so
//! that no wake-up comes before it.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

use crate::monitor::Monitor;
use crate::signals::Signals;

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// Something the caller watches is ready: look at the items' events.
    Ready,
    /// SIGINT, SIGTERM or the `--deadline` timer.
    Signal(i32),
    /// The deadline passed with nothing ready.
    Expired,
}

/// The first item of every wait: the signal self-pipe.
pub fn signal_item(signals: &Signals) -> zmq::PollItem<'static> {
    zmq::PollItem::from_fd(signals.fd(), zmq::POLLIN)
}

/// An item for a descriptor to read (stdin, a pipe): ready on data, end of file or hang-up.
///
/// POLLERR is asked for as well: with a thread-safe (draft) socket in the set, libzmq's poller
/// reports a hang-up as POLLERR and drops what was not asked for, so an ended stdin would go
/// unnoticed with POLLIN alone (poll(2) and the classic `zmq_poll` report it either way).
pub fn read_item(fd: std::os::fd::RawFd) -> zmq::PollItem<'static> {
    zmq::PollItem::from_fd(fd, zmq::POLLIN | zmq::POLLERR)
}

/// An item that watches nothing, to keep a fixed layout when something is absent.
///
/// Its descriptor is a pipe of zmqcat's own that never becomes ready, not -1: with a
/// thread-safe (draft) socket in the set, `zmq_poll` goes through libzmq's poller, which
/// refuses a negative descriptor (EBADF) where poll(2) would skip it.
pub fn no_item() -> zmq::PollItem<'static> {
    zmq::PollItem::from_fd(idle_fd(), zmq::PollEvents::empty())
}

/// The read end of a pipe whose write end stays open and unused: never readable, never hung up.
fn idle_fd() -> std::os::fd::RawFd {
    use std::os::fd::{AsRawFd, OwnedFd};
    static PIPE: std::sync::OnceLock<Option<(OwnedFd, OwnedFd)>> = std::sync::OnceLock::new();
    let pipe = PIPE.get_or_init(|| {
        let (r, w) = std::os::unix::net::UnixStream::pair().ok()?;
        Some((r.into(), w.into()))
    });
    // Without descriptors left, -1 still serves every socket but the draft ones.
    pipe.as_ref().map_or(-1, |(r, _)| r.as_raw_fd())
}

/// The item of a monitor, or [`no_item`] without one.
pub fn monitor_item<'m>(monitor: Option<&'m Monitor>) -> zmq::PollItem<'m> {
    match monitor {
        Some(m) => m.poll_item(),
        None => no_item(),
    }
}

/// Milliseconds until `deadline` for `zmq_poll` (-1: none), rounded up; `None` once it passed.
pub fn millis_until(deadline: Option<Instant>) -> Option<i64> {
    match deadline {
        None => Some(-1),
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            (!left.is_zero()).then(|| left.as_micros().div_ceil(1000).min(i64::MAX as u128) as i64)
        }
    }
}

/// Waits on `items`, whose first is [`signal_item`], until one is ready, a signal arrives or
/// `deadline` passes. `what` names the wait in an error.
pub fn wait(
    signals: &Signals,
    items: &mut [zmq::PollItem],
    deadline: Option<Instant>,
    what: &str,
) -> Result<Wake> {
    loop {
        let Some(ms) = millis_until(deadline) else {
            return Ok(Wake::Expired);
        };
        let ready = match zmq::poll(items, ms) {
            Ok(n) => n,
            Err(zmq::Error::EINTR) => continue,
            Err(e) => return Err(e).with_context(|| format!("waiting: {what}")),
        };
        if ready == 0 {
            // The timeout ran out; the next turn says so (or polls the rest of a rounding).
            continue;
        }
        if items[0].get_revents().bits() != 0 {
            if let Some(sig) = signals.pending() {
                return Ok(Wake::Signal(sig));
            }
            if ready == 1 {
                // A wake-up of the pipe with no signal behind it (already taken).
                continue;
            }
        }
        return Ok(Wake::Ready);
    }
}

/// Which of `items` are readable, as bits (item `i` is bit `i`; at most 64 items).
pub fn readable(items: &[zmq::PollItem]) -> u64 {
    items
        .iter()
        .take(64)
        .enumerate()
        .filter(|(_, i)| i.is_readable())
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Handles the events of the monitors whose bit is set in `ready` (from [`readable`] over
/// their items, in the same order).
pub fn drain_monitors<'m>(
    monitors: impl IntoIterator<Item = &'m mut Monitor>,
    ready: u64,
) -> Result<()> {
    for (i, m) in monitors.into_iter().take(64).enumerate() {
        if ready & (1 << i) != 0 {
            m.drain()?;
        }
    }
    Ok(())
}

/// After a stall, the most a rate may catch up by: a few milliseconds cover poll's millisecond
/// wake-ups without allowing a real burst.
const RATE_CREDIT: Duration = Duration::from_millis(5);

/// Spaces sends out: a first delay, then a fixed interval after each send, or a rate on an
/// absolute schedule (so that the average rate is exact).
#[derive(Debug, Clone, Default)]
pub struct Pacer {
    interval: Option<Duration>,
    period: Option<Duration>,
    next: Option<Instant>,
}

impl Pacer {
    pub fn new(delay: Option<Duration>, interval: Option<Duration>, rate: Option<f64>) -> Pacer {
        Pacer {
            interval,
            period: rate.map(|r| Duration::from_secs_f64(1.0 / r)),
            next: delay.map(|d| Instant::now() + d),
        }
    }

    /// When the next send is due, if a wait is needed first. poll(2) sleeps in whole
    /// milliseconds: a send due within one goes now.
    pub fn due(&self) -> Option<Instant> {
        let due = self.next?;
        (Instant::now() + Duration::from_millis(1) < due).then_some(due)
    }

    /// The next send time, due or not.
    pub fn next(&self) -> Option<Instant> {
        self.next
    }

    /// Schedules the next send after one went out.
    #[inline]
    pub fn sent(&mut self) {
        if self.next.is_none() && self.interval.is_none() && self.period.is_none() {
            // No pacing: no clock read on the hot path.
            return;
        }
        let now = Instant::now();
        self.next = if let Some(interval) = self.interval {
            Some(now + interval)
        } else if let Some(period) = self.period {
            let floor = now.checked_sub(period.max(RATE_CREDIT)).unwrap_or(now);
            let base = self.next.map_or(now, |due| due.max(floor));
            Some(base + period)
        } else {
            None
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_keeps_an_absolute_schedule_and_a_small_credit() {
        let mut p = Pacer::new(None, None, Some(1000.0));
        assert_eq!(p.due(), None, "the first send goes at once");
        p.sent();
        let first = p.next().expect("scheduled");
        p.sent();
        let second = p.next().expect("scheduled");
        assert_eq!(second - first, Duration::from_millis(1), "one period apart");
        // After a long stall, at most RATE_CREDIT of sends may follow back to back.
        let mut p = Pacer {
            next: Instant::now().checked_sub(Duration::from_secs(1)),
            ..Pacer::new(None, None, Some(1000.0))
        };
        p.sent();
        let next = p.next().expect("scheduled");
        assert!(next + RATE_CREDIT + Duration::from_millis(2) >= Instant::now());
    }

    #[test]
    fn an_interval_counts_from_the_send_and_no_pacing_reads_no_clock() {
        let mut p = Pacer::new(None, Some(Duration::from_secs(5)), None);
        p.sent();
        assert!(p.due().is_some());
        let mut none = Pacer::default();
        none.sent();
        assert_eq!(none.next(), None);
        let delayed = Pacer::new(Some(Duration::from_secs(5)), None, None);
        assert!(delayed.due().is_some());
    }

    #[test]
    fn deadlines_round_up_and_expire() {
        assert_eq!(millis_until(None), Some(-1));
        let soon = Instant::now() + Duration::from_micros(1500);
        assert!(matches!(millis_until(Some(soon)), Some(1 | 2)));
        let past = Instant::now().checked_sub(Duration::from_millis(1));
        assert_eq!(millis_until(past), None);
    }
}
