//! Tests that cannot run on this machine: each says why, the run ends with their count, and on
//! a machine set up to run them (CI) a skip is a failure.
//!
//! libtest knows no skip at run time: a test that returns early passes, and what it printed is
//! captured, so nobody sees it. [`skip`] records the test instead, and a handler run at the exit
//! of the test binary (after libtest's own summary) prints one line per missing thing and a last
//! line with the count: the last words of `cargo test`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::sync::{Mutex, Once};

/// What a test needs that a machine may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// pyzmq, for peers written in another binding.
    Pyzmq,
    /// CURVE in the linked libzmq (both builds have it).
    Curve,
    /// Network namespaces for partitions: root, iproute2 and CAP_NET_ADMIN.
    Netns,
    /// The opt-in long runs.
    Long,
    /// script(1), for a pseudo-terminal.
    Pty,
}

impl Need {
    /// What is missing, and how to get it.
    fn missing(self) -> &'static str {
        match self {
            Need::Pyzmq => "without pyzmq (python3 -m pip install pyzmq)",
            Need::Curve => "without CURVE in the linked libzmq (the default build has it)",
            Need::Netns => "without network namespaces (root, iproute2 and CAP_NET_ADMIN)",
            Need::Long => "without ZMQCAT_LONG=1 (the long runs are opt-in)",
            Need::Pty => "without script(1) for a pseudo-terminal (util-linux)",
        }
    }

    /// The variable that, set to 1, makes a skip for want of this a failure.
    fn expected_by(self) -> Option<&'static str> {
        match self {
            Need::Pyzmq => Some("ZMQCAT_EXPECT_PYZMQ"),
            Need::Curve => Some("ZMQCAT_EXPECT_CURVE"),
            Need::Netns => Some("ZMQCAT_EXPECT_NETNS"),
            Need::Long | Need::Pty => None,
        }
    }

    /// Whether this machine was set up to have it, so that its absence is a failure.
    fn expected(self) -> Option<String> {
        if let Some(var) = self.expected_by() {
            if std::env::var(var).is_ok_and(|v| v == "1") {
                return Some(format!("{var}=1"));
            }
        }
        // CI installs pyzmq (.ci/run).
        if self == Need::Pyzmq && std::env::var("CI").is_ok_and(|v| v == "true") {
            return Some("CI=true".into());
        }
        None
    }
}

/// The tests skipped so far: (what they lack, test name).
static SKIPPED: Mutex<Vec<(Need, String)>> = Mutex::new(Vec::new());
static REPORT_AT_EXIT: Once = Once::new();

/// The running test cannot run here for want of `need` (`why` says more): it is named on
/// stderr now (shown with --nocapture), counted at the end of the run, and a failure instead
/// when the machine was set up to have what it needs (see [`Need::expected_by`]). The caller
/// returns right after.
pub fn skip(need: Need, why: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    if let Some(setting) = need.expected() {
        panic!("{setting}, but {test} would be skipped: {why}");
    }
    eprintln!("skipped {test}: {why}; {}", need.missing());
    SKIPPED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((need, test));
    REPORT_AT_EXIT.call_once(|| {
        // SAFETY: `report` takes nothing and cannot unwind into C (it formats and writes,
        // ignoring errors); what it uses, a static and the unbuffered stderr, outlives exit.
        unsafe { libc::atexit(report) };
    });
}

/// The skipped tests by what they lack, then their count (see [`summary`]).
extern "C" fn report() {
    let skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    let _ = std::io::stderr().write_all(summary(&skipped).as_bytes());
}

/// What the end of the run says: a line per missing thing naming the tests, then the count.
fn summary(skipped: &[(Need, String)]) -> String {
    let mut by_need: BTreeMap<Need, Vec<&str>> = BTreeMap::new();
    for (need, test) in skipped {
        by_need.entry(*need).or_default().push(test);
    }
    let mut out = String::from("skipped (counted as passed above, but not run):\n");
    for (need, tests) in &by_need {
        out.push_str(&format!(
            "  {} {}: {}\n",
            tests.len(),
            need.missing(),
            tests.join(", ")
        ));
    }
    let variables: Vec<&str> = by_need.keys().filter_map(|n| n.expected_by()).collect();
    let hint = match variables.is_empty() {
        true => String::new(),
        false => format!(
            " ({}=1 makes such a skip a failure)",
            variables.join("=1, ")
        ),
    };
    let n = skipped.len();
    let tests = if n == 1 { "test" } else { "tests" };
    out.push_str(&format!("integration: {n} {tests} skipped{hint}\n"));
    out
}
