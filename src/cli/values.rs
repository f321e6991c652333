//! Parsers of option values: durations, limits, separators, rates.

use std::time::Duration;

/// A duration that may also be `inf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    After(Duration),
    Never,
}

impl Limit {
    /// The bound it sets (`None`: `inf`, no bound).
    pub fn bound(self) -> Option<Duration> {
        match self {
            Limit::After(d) => Some(d),
            Limit::Never => None,
        }
    }

    /// A `--timeout`: absent and `inf` alike mean none.
    pub fn timeout(given: Option<Limit>) -> Option<Duration> {
        given.and_then(Limit::bound)
    }

    /// The one linger rule: `--linger` when given (`inf`: as long as it takes), else the
    /// command's own `default`.
    pub fn linger(given: Option<Limit>, default: Option<Duration>) -> Option<Duration> {
        given.map_or(default, Limit::bound)
    }
}

pub(super) fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s.trim()).map_err(|e| format!("{e} (examples: 250ms, 2s, 1m30s)"))
}

pub(super) fn parse_limit(s: &str) -> Result<Limit, String> {
    match s.trim() {
        "inf" | "infinite" | "forever" | "-1" => Ok(Limit::Never),
        other => parse_duration(other).map(Limit::After),
    }
}

pub(super) fn parse_separator(s: &str) -> Result<u8, String> {
    match s.as_bytes() {
        b"\\t" => Ok(b'\t'),
        &[b] => Ok(b),
        _ => Err("expected a single byte, such as ',' or '|' (\\t for TAB)".into()),
    }
}

/// `-n N`: a number of messages, 1 or more (leaving `-n` out is "no limit").
pub(super) fn parse_count(s: &str) -> Result<u64, String> {
    match s.trim().parse::<i128>() {
        Ok(n) if n >= 1 => u64::try_from(n).map_err(|_| format!("at most {}", u64::MAX)),
        _ => Err("expected a number of messages, 1 or more (without -n: no limit)".into()),
    }
}

pub(super) fn parse_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err("expected a positive number of messages per second".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_parse() {
        assert_eq!(parse_limit("inf"), Ok(Limit::Never));
        assert_eq!(
            parse_limit("250ms"),
            Ok(Limit::After(Duration::from_millis(250)))
        );
        assert!(parse_limit("soon").is_err());
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("nan").is_err());
        assert_eq!(parse_rate("1000"), Ok(1000.0));
    }

    #[test]
    fn counts_are_one_or_more() {
        assert_eq!(parse_count("1"), Ok(1));
        assert_eq!(parse_count(" 1000000 "), Ok(1_000_000));
        assert_eq!(parse_count("18446744073709551615"), Ok(u64::MAX));
        for bad in ["0", "-1", "1.5", "lots", "", "18446744073709551616"] {
            assert!(parse_count(bad).is_err(), "{bad}");
        }
    }
}
