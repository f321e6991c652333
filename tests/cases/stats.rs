//! `--stats` counts exactly; `--progress` draws only on a terminal (a pty from `script(1)`).

use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{bin, Proc, T};

#[test]
fn stats_count_exactly_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/s.sock", dir.path().display());
    let mut pull = Proc::spawn(&[
        "pull",
        "--stats",
        "-f",
        "json",
        "-n",
        "1000",
        &format!("@{ep}"),
    ]);
    let mut push = Proc::spawn(&["push", "--stats", &format!(">{ep}")]);
    let input: String = (0..1000).map(|i| format!("{i:04}\n")).collect();
    push.feed_stdin_and_close(input.into_bytes());
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    let line = push.stderr();
    assert!(
        line.contains("sent 1000 messages (4000 bytes)"),
        "{}",
        push.dump()
    );
    let json = pull.stderr();
    let v: serde_json::Value = serde_json::from_str(json.trim()).expect("one JSON object");
    assert_eq!(v["received"], 1000);
    assert_eq!(v["bytes_received"], 4000);
    assert_eq!(v["sent"], 0);
}

#[test]
fn progress_is_silent_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/p.sock", dir.path().display());
    let mut pull = Proc::spawn(&["pull", "--progress", "-n", "100", &format!("@{ep}")]);
    let mut push = Proc::spawn(&["push", "--progress", &format!(">{ep}")]);
    push.feed_stdin_and_close(
        (0..100)
            .map(|i| format!("{i}\n"))
            .collect::<String>()
            .into_bytes(),
    );
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert_eq!(pull.stderr(), "", "{}", pull.dump());
    assert_eq!(push.stderr(), "", "{}", push.dump());
}

#[test]
fn progress_line_shows_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        crate::support::skip(crate::support::Need::Pty, "script(1) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/t.sock", dir.path().display());
    // The receiver runs under a pty; a paced sender keeps it busy for about a second, so the
    // line is drawn several times (8 per second).
    let inner = format!("{} pull --progress -n 400 @{ep} > /dev/null", bin());
    let mut pty = Proc::spawn_program("script", &["-qfec", &inner, "/dev/null"]);
    let started = Instant::now();
    let mut push = Proc::spawn(&[
        "push",
        "-m",
        "tick",
        "-n",
        "400",
        "--rate",
        "400",
        &format!(">{ep}"),
    ]);
    push.expect_exit(0, T);
    pty.expect_exit(0, T);
    assert!(started.elapsed() < Duration::from_secs(10));
    let screen = pty.stdout_text();
    assert!(
        screen.contains("msgs"),
        "no progress line on the terminal:\n{}",
        pty.dump()
    );
    assert!(
        screen.contains("/400"),
        "no total in the bar:\n{}",
        pty.dump()
    );
}
