//! `--progress` (a live line on stderr, only on a terminal) and `--stats` (one summary line at
//! exit). Both read the session's counters; the hot path only bumps integers, and the progress
//! line is redrawn by indicatif at a fixed rate, never per message.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counters kept while running.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub sent: u64,
    pub received: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
}

pub struct Progress {
    bar: Option<&'static ProgressBar>,
    started: Instant,
}

impl Progress {
    /// Shows a progress line when asked to and stderr is a terminal. With a known `total`
    /// (`--count`), a bar with an ETA.
    pub fn start(wanted: bool, total: Option<u64>) -> Progress {
        let started = Instant::now();
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress { bar: None, started };
        }
        let bar = match total {
            Some(n) => {
                ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr_with_hz(8))
                    .with_style(
                        ProgressStyle::with_template(
                            "{bar:30} {human_pos}/{human_len} msgs {msg} {elapsed} ETA {eta}",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    )
            }
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(8))
                .with_style(
                    ProgressStyle::with_template("{spinner} {human_pos} msgs {msg} {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                ),
        };
        bar.enable_steady_tick(Duration::from_millis(125));
        let bar = crate::diag::show_bar(bar);
        Progress {
            bar: Some(bar),
            started,
        }
    }

    /// Brings the line up to date (cheap: call it at waits and every few thousand messages).
    pub fn update(&self, s: &Stats) {
        if let Some(bar) = self.bar {
            let messages = s.sent + s.received;
            let bytes = s.bytes_sent + s.bytes_received;
            bar.set_position(messages);
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} ({} msg/s)",
                indicatif::HumanBytes(bytes),
                rate(messages as f64 / secs)
            ));
        }
    }

    /// Clears the line.
    pub fn finish(&self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// A rate (or any figure per second) for people: whole numbers from 100 up, three significant
/// digits below (`0.25 msg/s`, not `0 msg/s`), and `0` only for nothing at all.
pub fn rate(per_second: f64) -> String {
    if !per_second.is_finite() || per_second <= 0.0 {
        return "0".into();
    }
    if per_second >= 99.95 {
        return format!("{per_second:.0}");
    }
    let decimals = (2 - per_second.log10().floor() as i32).clamp(0, 12) as usize;
    let text = format!("{per_second:.decimals$}");
    match text.contains('.') {
        true => text.trim_end_matches('0').trim_end_matches('.').to_string(),
        false => text,
    }
}

/// The `--stats` line: human words, or one JSON object with `-f json`.
pub fn summary(s: &Stats, elapsed: Duration, json: bool) -> String {
    let secs = elapsed.as_secs_f64();
    let per_second = |n: u64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
    if json {
        serde_json::json!({
            "sent": s.sent,
            "bytes_sent": s.bytes_sent,
            "received": s.received,
            "bytes_received": s.bytes_received,
            "seconds": secs,
            "sent_per_second": per_second(s.sent),
            "received_per_second": per_second(s.received),
        })
        .to_string()
    } else {
        format!(
            "stats: sent {} messages ({} bytes), received {} messages ({} bytes) in {:.3} s: {} msg/s out, {} msg/s in",
            s.sent,
            s.bytes_sent,
            s.received,
            s.bytes_received,
            secs,
            self::rate(per_second(s.sent)),
            self::rate(per_second(s.received))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_is_exact_and_parsable() {
        let s = Stats {
            sent: 3,
            received: 2,
            bytes_sent: 30,
            bytes_received: 20,
        };
        let line = summary(&s, Duration::from_secs(2), true);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["sent"], 3);
        assert_eq!(v["bytes_received"], 20);
        assert_eq!(v["sent_per_second"], 1.5);
        let text = summary(&s, Duration::from_secs(2), false);
        assert!(text.contains("sent 3 messages (30 bytes)"), "{text}");
    }

    #[test]
    fn small_rates_keep_their_digits() {
        let cases = [
            (0.0, "0"),
            (f64::NAN, "0"),
            (0.1, "0.1"),
            (0.25, "0.25"),
            (1.0 / 3.0, "0.333"),
            (0.000_123_4, "0.000123"),
            (1.0, "1"),
            (2.5, "2.5"),
            (12.345, "12.3"),
            (99.96, "100"),
            (1234.5, "1234"),
            (1e6, "1000000"),
        ];
        for (r, want) in cases {
            assert_eq!(rate(r), want, "{r}");
        }
        // One message in 10 s is no `0 msg/s`.
        let s = Stats {
            sent: 1,
            ..Stats::default()
        };
        let text = summary(&s, Duration::from_secs(10), false);
        assert!(text.ends_with("0.1 msg/s out, 0 msg/s in"), "{text}");
    }

    #[test]
    fn no_terminal_no_line() {
        // Tests run with stderr captured or piped: never a terminal here.
        let p = Progress::start(true, Some(10));
        if !std::io::stderr().is_terminal() {
            assert!(p.bar.is_none());
        }
    }
}
