//! Exit statuses: which error means which status, and how zmqcat says what went wrong.

use std::process::ExitCode;

use crate::endpoint::EndpointError;
use crate::io::InputError;

/// Bad usage: a malformed option, endpoint or key. Exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// Nothing arrived, or nothing could be sent, in time. Exit status 3.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Timeout(pub String);

pub const FAILURE: u8 = 1;
pub const USAGE: u8 = 2;
pub const TIMEOUT: u8 = 3;
pub const BAD_INPUT: u8 = 4;
/// `--deadline` ended the run.
pub const DEADLINE: u8 = 5;

/// How a command ended without an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Interrupted(i32),
}

/// The exit status an error stands for: the first marker found in its chain decides.
pub fn status_of(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<Usage>() || cause.is::<EndpointError>() {
            return USAGE;
        }
        if cause.is::<Timeout>() {
            return TIMEOUT;
        }
        if cause.is::<InputError>() {
            return BAD_INPUT;
        }
    }
    FAILURE
}

/// Reports an error on one line (hints follow on their own lines) and gives its status.
pub fn report(err: &anyhow::Error) -> ExitCode {
    crate::log!("{err:#}");
    ExitCode::from(status_of(err))
}

/// One diagnostic line on stderr, prefixed with `zmqcat: `.
#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!("zmqcat: {}\n", format_args!($($arg)*));
        $crate::progress::suspend(|| {
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
        });
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn markers_decide_the_status_anywhere_in_the_chain() {
        let e: anyhow::Error = Usage("x".into()).into();
        assert_eq!(status_of(&e), USAGE);
        let e = Err::<(), _>(Timeout("t".into()))
            .context("waiting")
            .unwrap_err();
        assert_eq!(status_of(&e), TIMEOUT);
        assert_eq!(status_of(&anyhow::anyhow!("plain")), FAILURE);
    }
}
