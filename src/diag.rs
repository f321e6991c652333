//! Diagnostics on stderr: `log!` lines and raw stderr text, written around the live progress
//! line when one is shown, so that neither tears the other. A leaf: every module may use it.

use std::io::Write as _;
use std::sync::OnceLock;

use indicatif::ProgressBar;

/// The live progress line, once `--progress` draws one.
static BAR: OnceLock<ProgressBar> = OnceLock::new();

/// Makes `bar` the progress line that diagnostics print around; the first one stays.
pub fn show_bar(bar: ProgressBar) -> &'static ProgressBar {
    BAR.get_or_init(|| bar)
}

/// Runs `f` with the progress line (if any) hidden.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    match BAR.get() {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// Writes `text` to stderr in one write, around the progress line.
pub fn stderr(text: &str) {
    suspend(|| {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    });
}

/// One diagnostic line on stderr, prefixed with `zmqcat: `.
macro_rules! log {
    ($($arg:tt)*) => {
        $crate::diag::stderr(&format!("zmqcat: {}\n", format_args!($($arg)*)))
    };
}

pub(crate) use log;
