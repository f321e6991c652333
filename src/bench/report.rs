//! What a bench run prints: text or one JSON object.

use crate::cli::{BenchRole, BenchTransport};
use crate::progress::rate;

use super::tally::Tally;
use super::{role_name, sends_stream};

/// The percentiles reported, with their names in text and JSON.
pub(super) const PERCENTILES: [(&str, &str, f64); 4] = [
    ("p50", "p50", 0.50),
    ("p90", "p90", 0.90),
    ("p99", "p99", 0.99),
    ("p99.9", "p99_9", 0.999),
];

/// What is printed at the end.
pub(super) struct Report {
    /// The role of this process.
    pub(super) role: BenchRole,
    /// With both ends run here: the peer process's role and the transport.
    pub(super) peer: Option<(BenchRole, BenchTransport)>,
    pub(super) endpoint: String,
    pub(super) size: usize,
    pub(super) tally: Tally,
}

/// Nanoseconds as microseconds, to the nanosecond.
pub(super) fn micros(nanos: f64) -> f64 {
    nanos.round() / 1000.0
}

impl Report {
    pub(super) fn latency_kind(&self) -> Option<&'static str> {
        match self.role {
            BenchRole::Req => Some("round-trip"),
            BenchRole::Pull | BenchRole::Sub => Some("one-way"),
            _ => None,
        }
    }

    pub(super) fn rate(&self, n: u64) -> f64 {
        let secs = self.tally.seconds();
        if secs > 0.0 {
            n as f64 / secs
        } else {
            0.0
        }
    }

    pub(super) fn json(&self, interrupted: bool) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let t = &self.tally;
        let h = &t.latency;
        let latency = match self.latency_kind() {
            Some(kind) if h.total > 0 => {
                let mut m = Map::new();
                m.insert("kind".into(), json!(kind));
                m.insert("samples".into(), json!(h.total));
                m.insert("min".into(), json!(micros(h.min as f64)));
                m.insert("mean".into(), json!(micros(h.mean())));
                for (_, key, q) in PERCENTILES {
                    m.insert(key.into(), json!(micros(h.percentile(q) as f64)));
                }
                m.insert("max".into(), json!(micros(h.max as f64)));
                if self.role == BenchRole::Req {
                    // What remote_lat prints as "average latency": half the mean round trip.
                    m.insert("remote_lat_average".into(), json!(micros(h.mean() / 2.0)));
                }
                Value::Object(m)
            }
            _ => Value::Null,
        };
        let sender = t.sender.map(|s| {
            let secs = s.nanos as f64 / 1e9;
            json!({
                "messages": s.messages,
                "seconds": secs,
                "msg_per_sec": if secs > 0.0 { s.messages as f64 / secs } else { 0.0 },
            })
        });
        let bytes_rate = self.rate(t.bytes);
        json!({
            "role": role_name(self.role),
            "peer": self.peer.map(|(r, _)| role_name(r)),
            "transport": self.peer.map(|(_, tr)| transport_name(tr)),
            "endpoint": self.endpoint,
            "messages": t.messages,
            "size": if t.uneven { Value::Null } else { json!(t.size.unwrap_or(self.size)) },
            "bytes": t.bytes,
            "seconds": t.seconds(),
            "msg_per_sec": self.rate(t.messages),
            "mb_per_sec": bytes_rate / 1e6,
            "mbit_per_sec": bytes_rate * 8.0 / 1e6,
            "latency_us": latency,
            "sender": sender,
            "lost": t.sender.map(|_| t.lost()),
            "interrupted": interrupted,
        })
    }

    /// What was measured, between which ends, how much and how long.
    fn headline(&self, interrupted: bool) -> String {
        let t = &self.tally;
        let what = match self.role {
            BenchRole::Req => "round trips",
            BenchRole::Rep => "requests answered",
            BenchRole::Push | BenchRole::Pub => "messages sent",
            BenchRole::Pull | BenchRole::Sub => "messages received",
        };
        let size = match (t.uneven, t.size) {
            (true, _) => "of varying sizes".to_string(),
            (false, Some(s)) => format!("of {s} B"),
            (false, None) => format!("of {} B", self.size),
        };
        let head = match self.peer {
            Some((peer, transport)) => {
                let (from, to) = if sends_stream(peer) {
                    (peer, self.role)
                } else {
                    (self.role, peer)
                };
                format!(
                    "{} → {} over {} ({})",
                    role_name(from),
                    role_name(to),
                    transport_name(transport),
                    self.endpoint
                )
            }
            None => format!("{} {}", role_name(self.role), self.endpoint),
        };
        format!(
            "bench {head}: {} {what} {size} ({} bytes) in {:.3} s{}",
            t.messages,
            t.bytes,
            t.seconds(),
            if interrupted { " (interrupted)" } else { "" }
        )
    }

    /// The latency percentiles, or why there are none.
    fn latency_lines(&self, lines: &mut Vec<String>) {
        let h = &self.tally.latency;
        match self.latency_kind() {
            Some(kind) if h.total > 0 => {
                let mut l = format!("  {kind} latency µs:");
                for (name, _, q) in PERCENTILES {
                    l.push_str(&format!(" {name} {:.1}", h.percentile(q) as f64 / 1000.0));
                }
                l.push_str(&format!(
                    " max {:.1} mean {:.1}",
                    h.max as f64 / 1000.0,
                    h.mean() / 1000.0
                ));
                lines.push(l);
                if self.role == BenchRole::Req {
                    lines.push(format!(
                        "  (remote_lat's \"average latency\", half the mean round trip: {:.1} µs)",
                        h.mean() / 2000.0
                    ));
                } else {
                    lines.push(
                        "  (from send times written by the sender: sender and receiver must share \
                         a clock, i.e. run on one host)"
                            .into(),
                    );
                }
            }
            Some("one-way") => lines.push(
                "  one-way latency: not measured (no send times in the messages: --raw, a size \
                 under 8 bytes, or a sender other than zmqcat)"
                    .into(),
            ),
            _ => {}
        }
    }

    pub(super) fn text(&self, interrupted: bool) -> String {
        let t = &self.tally;
        let mut lines = vec![self.headline(interrupted)];
        let unit = match self.role {
            BenchRole::Req => "round trips/s",
            BenchRole::Rep => "requests/s",
            _ => "msg/s",
        };
        let bytes_rate = self.rate(t.bytes);
        lines.push(format!(
            "  throughput: {} {unit}, {} MB/s, {} Mbit/s",
            rate(self.rate(t.messages)),
            rate(bytes_rate / 1e6),
            rate(bytes_rate * 8.0 / 1e6)
        ));
        self.latency_lines(&mut lines);
        if let Some(s) = t.sender {
            let secs = s.nanos as f64 / 1e9;
            let per_second = if secs > 0.0 {
                s.messages as f64 / secs
            } else {
                0.0
            };
            lines.push(format!(
                "  sender: {} messages in {secs:.3} s, {} msg/s; lost {}",
                s.messages,
                rate(per_second),
                t.lost()
            ));
        }
        lines.join("\n")
    }
}

pub(super) fn transport_name(t: BenchTransport) -> &'static str {
    match t {
        BenchTransport::Tcp => "tcp",
        BenchTransport::Ipc => "ipc",
    }
}
