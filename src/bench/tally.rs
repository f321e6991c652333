//! What one run counted and timed: message counts, send times and the latency histogram.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A send time further than this from the receiver's clock is no send time (e.g. the zeros or
/// leftovers of a sender that writes none, such as remote_thr).
const PLAUSIBLE: u64 = 3600 * 1_000_000_000;

/// The wall clock in nanoseconds since the Unix epoch: the send time written into messages.
/// (A monotonic clock would do on one host, but the wall clock also serves hosts whose clocks
/// are synchronised.)
pub(super) fn wall_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

pub(super) fn nanos_of(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// What the sender said in its end mark.
#[derive(Debug, Clone, Copy)]
pub(super) struct SenderSide {
    pub(super) messages: u64,
    pub(super) nanos: u64,
}

/// Counts and times of one run, as seen by this process.
pub(super) struct Tally {
    pub(super) messages: u64,
    pub(super) bytes: u64,
    /// The size of the first message, and whether every other one had it too.
    pub(super) size: Option<usize>,
    pub(super) uneven: bool,
    pub(super) first: Option<Instant>,
    pub(super) last: Option<Instant>,
    pub(super) latency: Histogram,
    /// Messages without a plausible send time.
    pub(super) unstamped: u64,
    /// Send times in the receiver's future.
    pub(super) skewed: u64,
    pub(super) sender: Option<SenderSide>,
}

impl Tally {
    pub(super) fn new() -> Tally {
        Tally {
            messages: 0,
            bytes: 0,
            size: None,
            uneven: false,
            first: None,
            last: None,
            latency: Histogram::new(),
            unstamped: 0,
            skewed: 0,
            sender: None,
        }
    }

    /// Forgets everything so far (the warm-up), keeping the histogram's memory.
    pub(super) fn restart(&mut self) {
        self.messages = 0;
        self.bytes = 0;
        self.size = None;
        self.uneven = false;
        self.first = None;
        self.last = None;
        self.latency.clear();
        self.unstamped = 0;
        self.skewed = 0;
    }

    #[inline]
    pub(super) fn count(&mut self, bytes: usize) {
        if self.messages == 0 {
            self.first = Some(Instant::now());
            self.size = Some(bytes);
        } else if self.size != Some(bytes) {
            self.uneven = true;
        }
        self.messages += 1;
        self.bytes += bytes as u64;
    }

    #[inline]
    pub(super) fn stamp(&mut self, sent: u64, now: u64) {
        if sent == 0 || sent.abs_diff(now) > PLAUSIBLE {
            self.unstamped += 1;
        } else if now >= sent {
            self.latency.record(now - sent);
        } else {
            self.skewed += 1;
            self.latency.record(0);
        }
    }

    pub(super) fn seconds(&self) -> f64 {
        match (self.first, self.last) {
            (Some(a), Some(b)) => b.saturating_duration_since(a).as_secs_f64(),
            _ => 0.0,
        }
    }

    /// Messages the sender sent that did not arrive (known from its end mark).
    pub(super) fn lost(&self) -> u64 {
        self.sender
            .map_or(0, |s| s.messages.saturating_sub(self.messages))
    }
}

/// A latency histogram: exact below 256 ns, then 128 buckets per power of two (each at most
/// 1/128 of its values wide, so any percentile is within 0.8 % of the true one). Fixed size:
/// recording allocates nothing.
pub(super) struct Histogram {
    pub(super) counts: Vec<u64>,
    pub(super) total: u64,
    pub(super) sum: u128,
    pub(super) min: u64,
    pub(super) max: u64,
}

pub(super) const SUB_BITS: u32 = 7;
pub(super) const SUB: usize = 1 << SUB_BITS;
/// Values below this have a bucket each.
pub(super) const LINEAR: usize = 2 << SUB_BITS;
pub(super) const BUCKETS: usize = LINEAR + (64 - SUB_BITS as usize - 1) * SUB;

pub(super) fn bucket(v: u64) -> usize {
    if v < LINEAR as u64 {
        return v as usize;
    }
    let e = 63 - v.leading_zeros();
    let shift = e - SUB_BITS;
    let mantissa = (v >> shift) as usize;
    LINEAR + (e - SUB_BITS - 1) as usize * SUB + (mantissa - SUB)
}

/// The highest value that falls into bucket `i`.
pub(super) fn highest(i: usize) -> u64 {
    if i < LINEAR {
        return i as u64;
    }
    let j = i - LINEAR;
    let e = (j / SUB) as u32 + SUB_BITS + 1;
    let mantissa = (SUB + j % SUB) as u128;
    let shift = e - SUB_BITS;
    u64::try_from(((mantissa + 1) << shift) - 1).unwrap_or(u64::MAX)
}

impl Histogram {
    pub(super) fn new() -> Histogram {
        Histogram {
            counts: vec![0; BUCKETS],
            total: 0,
            sum: 0,
            min: u64::MAX,
            max: 0,
        }
    }

    pub(super) fn clear(&mut self) {
        self.counts.iter_mut().for_each(|c| *c = 0);
        self.total = 0;
        self.sum = 0;
        self.min = u64::MAX;
        self.max = 0;
    }

    #[inline]
    pub(super) fn record(&mut self, nanos: u64) {
        self.counts[bucket(nanos)] += 1;
        self.total += 1;
        self.sum += u128::from(nanos);
        self.min = self.min.min(nanos);
        self.max = self.max.max(nanos);
    }

    /// The value at or below which a fraction `q` of the samples lie (never above the maximum).
    pub(super) fn percentile(&self, q: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((self.total as f64 * q).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return highest(i).clamp(self.min, self.max);
            }
        }
        self.max
    }

    pub(super) fn mean(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.sum as f64 / self.total as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::report::PERCENTILES;

    #[test]
    fn buckets_cover_every_value_in_order() {
        for v in (0..5000u64).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let i = bucket(v);
            assert!(i < BUCKETS, "{v} → {i}");
            assert!(highest(i) >= v, "{v}: bucket {i} ends at {}", highest(i));
            if i > 0 {
                assert!(highest(i - 1) < v, "{v} belongs below bucket {i}");
            }
        }
        assert_eq!(bucket(u64::MAX), BUCKETS - 1);
        assert_eq!(highest(BUCKETS - 1), u64::MAX);
    }

    #[test]
    fn percentiles_are_within_one_percent_and_ordered() {
        let mut h = Histogram::new();
        for v in 1..=100_000u64 {
            h.record(v * 10);
        }
        for (_, _, q) in PERCENTILES {
            let want = (q * 100_000.0).ceil() * 10.0;
            let got = h.percentile(q) as f64;
            assert!((got - want).abs() / want < 0.01, "q {q}: {got} vs {want}");
        }
        let ps: Vec<u64> = PERCENTILES.iter().map(|p| h.percentile(p.2)).collect();
        assert!(ps.windows(2).all(|w| w[0] <= w[1]), "{ps:?}");
        assert!(ps[3] <= h.max);
        assert_eq!(h.max, 1_000_000);
        assert_eq!(h.min, 10);
        assert!((h.mean() - 500_005.0).abs() < 1e-6);
    }

    #[test]
    fn small_values_are_exact_and_empty_is_zero() {
        let mut h = Histogram::new();
        assert_eq!(h.percentile(0.5), 0);
        for v in [3, 3, 3, 200] {
            h.record(v);
        }
        assert_eq!(h.percentile(0.5), 3);
        assert_eq!(h.percentile(0.999), 200);
        h.clear();
        assert_eq!(h.total, 0);
    }

    #[test]
    fn send_times_are_judged() {
        let mut t = Tally::new();
        let now = 1_700_000_000_000_000_000;
        t.stamp(now - 5_000, now);
        t.stamp(0, now);
        t.stamp(12345, now);
        t.stamp(now + 10, now);
        assert_eq!(t.latency.total, 2);
        assert_eq!(t.unstamped, 2);
        assert_eq!(t.skewed, 1);
        assert_eq!(t.latency.max, 5_000);
    }
}
