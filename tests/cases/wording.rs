//! What zmqcat says (issue 15, items 8-12): messages name the endpoint a wildcard bind got,
//! usage errors name what was wrong on one line, small rates keep their digits, templates
//! escape both braces, and what `--help`, the man pages and the README promise.
//!
//! The harness rules hold: loopback tcp with wildcard ports, every wait bounded and for an
//! observable event, every process killed on drop.

use crate::support::{bound, Proc, T};

// ---------------------------------------------------------------------------------------------
// the endpoint a wildcard bind got, in messages

#[test]
fn timeout_line_names_the_endpoint_the_wildcard_bind_got() {
    let mut p = Proc::spawn(&["pull", "-t", "300ms", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    p.expect_exit(3, T);
    let err = p.stderr();
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.contains("no message arrived within 300ms"),
        "{}",
        p.dump()
    );
    assert!(last.contains(&format!("({ep})")), "{}", p.dump());
    assert!(!err.contains(":*"), "{}", p.dump());
}

#[test]
fn undelivered_queue_line_names_the_endpoint_the_wildcard_bind_got() {
    // Nobody connects: the queued message is not delivered within -t, status 3.
    let mut p = Proc::spawn(&["push", "-t", "300ms", "@tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    p.write_stdin(b"lost\n");
    p.close_stdin();
    p.expect_exit(3, T);
    let err = p.stderr();
    assert!(
        err.lines().last().unwrap_or_default().contains(&ep),
        "{}",
        p.dump()
    );
    assert!(!err.contains(":*"), "{}", p.dump());
}

#[test]
fn bench_names_the_endpoint_the_wildcard_bind_got() {
    let mut p = Proc::spawn(&["bench", "rep", "@tcp://127.0.0.1:*", "-f", "json"]);
    let ep = p.wait_bound(T);
    p.signal(libc::SIGINT);
    p.expect_exit(130, T);
    let v: serde_json::Value = serde_json::from_str(p.stdout_text().trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e})\n{}", p.dump()));
    assert_eq!(v["endpoint"], format!("@{ep}"), "{}", p.dump());

    let mut p = Proc::spawn(&["bench", "pull", "@tcp://127.0.0.1:*", "-t", "300ms"]);
    let ep = p.wait_bound(T);
    p.expect_exit(3, T);
    assert!(
        p.stderr().trim_end().ends_with(&format!("({ep})")),
        "{}",
        p.dump()
    );

    // Connected endpoints are named as given.
    let ctx = zmq::Context::new();
    let (_silent, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["bench", "req", &ep, "-n", "1", "-t", "300ms"]);
    p.expect_exit(3, T);
    assert!(
        p.stderr().trim_end().ends_with(&format!("({ep})")),
        "{}",
        p.dump()
    );
}
