//! Exit statuses: the table of what each means, and the error markers that stand for them
//! (which error in a chain decides the status: see `app::status_of`). A leaf module.

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

/// One row of the exit-status table.
pub struct Status {
    /// The status, or statuses, as written in the docs.
    pub codes: &'static str,
    /// A few words for the one-line summary in `--help`.
    pub brief: &'static str,
    /// The whole meaning, for the man pages and README; `--option`s in backticks.
    pub meaning: &'static str,
}

/// The one table of exit statuses: `--help`, the man pages and README are made or checked from it.
pub const STATUSES: &[Status] = &[
    Status {
        codes: "0",
        brief: "done",
        meaning: "done: input ended, `--count` reached, or stdout closed by its reader (`| head -1`)",
    },
    Status {
        codes: "1",
        brief: "runtime failure",
        meaning: "runtime failure: cannot bind, socket error, queued messages not delivered within the linger period",
    },
    Status {
        codes: "2",
        brief: "usage error",
        meaning: "usage error: bad option, malformed endpoint, unknown socket option",
    },
    Status {
        codes: "3",
        brief: "timeout",
        meaning: "timeout: no reply, or nothing arrived or could be sent within `--timeout` (queued messages not delivered within it included)",
    },
    Status {
        codes: "4",
        brief: "malformed input",
        meaning: "malformed input on stdin (the message number is named; every message before it was sent)",
    },
    Status {
        codes: "5",
        brief: "--deadline reached",
        meaning: "`--deadline` reached (received messages flushed, queued ones given up to 1 s)",
    },
    Status {
        codes: "130, 143",
        brief: "interrupted by SIGINT/SIGTERM",
        meaning: "interrupted by SIGINT / SIGTERM, after flushing what was received; a second signal exits at once",
    },
];

/// `Exit status: 0 done, 1 runtime failure, …`, for the end of `--help`.
pub fn summary() -> String {
    let items: Vec<String> = STATUSES
        .iter()
        .map(|s| format!("{} {}", s.codes.replace(", ", "/"), s.brief))
        .collect();
    format!("Exit status: {}.", items.join(", "))
}

/// The table as README shows it, under `## Exit status`.
#[cfg(test)]
pub fn markdown_table() -> String {
    let mut t = String::from("| status | meaning |\n|---|---|\n");
    for s in STATUSES {
        let codes = s.codes.replace(", ", " / ");
        let meaning = s.meaning.replace('|', "\\|");
        t.push_str(&format!("| {codes} | {meaning} |\n"));
    }
    t
}

/// How a command ended without an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Interrupted(i32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_every_status_once_and_in_order() {
        let codes: Vec<&str> = STATUSES.iter().flat_map(|s| s.codes.split(", ")).collect();
        let named = [FAILURE, USAGE, TIMEOUT, BAD_INPUT, DEADLINE].map(|c| c.to_string());
        for c in &named {
            assert_eq!(codes.iter().filter(|x| *x == c).count(), 1, "status {c}");
        }
        assert_eq!(codes, ["0", "1", "2", "3", "4", "5", "130", "143"]);
    }

    #[test]
    fn readme_shows_the_exit_status_table() {
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md's exit-status table differs from src/exit.rs; it should read:\n{}",
            markdown_table()
        );
    }
}
