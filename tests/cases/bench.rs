//! `zmqcat bench`: exact counts with both ends in zmqcat (one command, or two processes), round
//! trips against `zmqcat rep --echo` and against a zmq-crate responder, the `--raw` wire format
//! libzmq's perf programs expect, ordered percentiles, and the usage, timeout and signal edges.
//! Counts stay small: the tests run in debug builds on a shared two-core machine.

use std::time::Duration;

use crate::support::{assert_one_stderr_line, bound, connected, recv, recv_within, send, Proc, T};

/// The one JSON object `bench -f json` prints on stdout.
fn report(p: &Proc) -> serde_json::Value {
    serde_json::from_str(p.stdout_text().trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e})\n{}", p.dump()))
}

/// Messages and bytes are exact.
fn assert_counts(p: &Proc, v: &serde_json::Value, messages: u64, size: u64) {
    assert_eq!(v["messages"], messages, "{}", p.dump());
    assert_eq!(v["bytes"], messages * size, "{}", p.dump());
}

/// p50 <= p90 <= p99 <= p99.9 <= max, min first, over `samples` samples of `kind`.
fn assert_latency(p: &Proc, v: &serde_json::Value, kind: &str, samples: u64) {
    let l = &v["latency_us"];
    assert_eq!(l["kind"], kind, "{}", p.dump());
    assert_eq!(l["samples"], samples, "{}", p.dump());
    let at = |k: &str| {
        l[k].as_f64()
            .unwrap_or_else(|| panic!("latency_us.{k} is not a number\n{}", p.dump()))
    };
    let order = ["min", "p50", "p90", "p99", "p99_9", "max"].map(at);
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "percentiles out of order: {order:?}\n{}",
        p.dump()
    );
    assert!(order[0] >= 0.0, "{}", p.dump());
}

#[test]
fn one_command_push_pull_counts_exactly_over_tcp_and_ipc() {
    for transport in ["tcp", "ipc"] {
        let args = [
            "bench",
            "push",
            "-n",
            "3000",
            "--size",
            "32",
            "--warmup",
            "100",
            "--transport",
            transport,
            "-f",
            "json",
        ];
        let mut p = Proc::spawn(&args);
        p.expect_exit(0, 3 * T);
        let v = report(&p);
        assert_counts(&p, &v, 3000, 32);
        assert_eq!(v["role"], "pull", "{}", p.dump());
        assert_eq!(v["peer"], "push", "{}", p.dump());
        assert_eq!(v["transport"], transport, "{}", p.dump());
        assert_eq!(v["size"], 32, "{}", p.dump());
        assert_eq!(v["sender"]["messages"], 3000, "{}", p.dump());
        assert_eq!(v["lost"], 0, "{}", p.dump());
        assert_latency(&p, &v, "one-way", 3000);
        assert!(
            v["msg_per_sec"].as_f64().unwrap_or(0.0) > 0.0,
            "{}",
            p.dump()
        );
        assert_eq!(p.stderr(), "", "{}", p.dump());
    }
}

#[test]
fn one_command_pub_sub_loses_nothing() {
    let mut p = Proc::spawn(&["bench", "pub", "-n", "3000", "--size", "16", "-f", "json"]);
    p.expect_exit(0, 3 * T);
    let v = report(&p);
    assert_counts(&p, &v, 3000, 16);
    assert_eq!(v["role"], "sub", "{}", p.dump());
    assert_eq!(v["lost"], 0, "{}", p.dump());
    assert_latency(&p, &v, "one-way", 3000);
}

#[test]
fn one_command_req_rep_times_every_round_trip() {
    let args = [
        "bench", "req", "-n", "300", "--size", "20", "--warmup", "10", "-f", "json",
    ];
    let mut p = Proc::spawn(&args);
    p.expect_exit(0, 3 * T);
    let v = report(&p);
    assert_counts(&p, &v, 300, 20);
    assert_eq!(v["peer"], "rep", "{}", p.dump());
    assert_latency(&p, &v, "round-trip", 300);
    let half = v["latency_us"]["remote_lat_average"]
        .as_f64()
        .unwrap_or(-1.0);
    let mean = v["latency_us"]["mean"].as_f64().unwrap_or(-1.0);
    assert!((half * 2.0 - mean).abs() < 0.01, "{}", p.dump());
}

#[test]
fn text_report_names_rates_and_percentiles() {
    let mut p = Proc::spawn(&["bench", "pull", "-n", "500", "--size", "16"]);
    p.expect_exit(0, 3 * T);
    let out = p.stdout_text();
    for needle in [
        "push → pull over tcp",
        "500 messages received of 16 B (8000 bytes)",
        "msg/s",
        "MB/s",
        "p50",
        "p99.9",
        "max",
        "lost 0",
    ] {
        assert!(out.contains(needle), "no {needle:?} in\n{}", p.dump());
    }
}

#[test]
fn two_processes_push_into_a_measuring_pull() {
    let mut pull = Proc::spawn(&["bench", "pull", "@tcp://127.0.0.1:*", "-f", "json"]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&[
        "bench",
        "push",
        &format!(">{ep}"),
        "-n",
        "1000",
        "--size",
        "24",
        "--warmup",
        "50",
        "-f",
        "json",
    ]);
    push.expect_exit(0, 3 * T);
    pull.expect_exit(0, T);
    let v = report(&pull);
    assert_counts(&pull, &v, 1000, 24);
    assert_eq!(v["sender"]["messages"], 1000, "{}", pull.dump());
    assert_eq!(v["lost"], 0, "{}", pull.dump());
    assert_latency(&pull, &v, "one-way", 1000);
    let sent = report(&push);
    assert_counts(&push, &sent, 1000, 24);
    assert!(sent["latency_us"].is_null(), "{}", push.dump());
}

#[test]
fn two_processes_pub_waits_for_its_subscriber() {
    let mut publisher = Proc::spawn(&[
        "bench",
        "pub",
        "@tcp://127.0.0.1:*",
        "-n",
        "1000",
        "--size",
        "16",
        "--subscribers",
        "1",
        "-f",
        "json",
    ]);
    let ep = publisher.wait_bound(T);
    let mut sub = Proc::spawn(&["bench", "sub", &ep, "-f", "json"]);
    publisher.expect_exit(0, 3 * T);
    sub.expect_exit(0, T);
    let v = report(&sub);
    assert_counts(&sub, &v, 1000, 16);
    assert_eq!(v["lost"], 0, "{}", sub.dump());
    assert_latency(&sub, &v, "one-way", 1000);
}

#[test]
fn req_against_zmqcat_rep_echo() {
    let rep = Proc::spawn(&["rep", "--echo", "@tcp://127.0.0.1:*"]);
    let ep = rep.wait_bound(T);
    let mut p = Proc::spawn(&[
        "bench", "req", &ep, "-n", "200", "--size", "10", "-f", "json",
    ]);
    p.expect_exit(0, 3 * T);
    let v = report(&p);
    assert_counts(&p, &v, 200, 10);
    assert_latency(&p, &v, "round-trip", 200);
    assert!(v["peer"].is_null(), "{}", p.dump());
}

#[test]
fn req_against_a_zmq_crate_responder() {
    let ctx = zmq::Context::new();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&[
        "bench", "req", &ep, "-n", "100", "--size", "12", "-f", "json",
    ]);
    for _ in 0..100 {
        let request = recv(&rep);
        assert_eq!(request, vec![vec![0u8; 12]], "{}", p.dump());
        send(&rep, &[&request[0]]);
    }
    p.expect_exit(0, T);
    let v = report(&p);
    assert_counts(&p, &v, 100, 12);
    assert_latency(&p, &v, "round-trip", 100);
}

#[test]
fn req_refuses_a_peer_that_does_not_echo() {
    let ctx = zmq::Context::new();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["bench", "req", &ep, "-n", "5", "--size", "12"]);
    recv(&rep);
    send(&rep, &[b"World"]);
    p.expect_exit(1, T);
    assert_one_stderr_line(&p, "echo server");
    assert_eq!(p.stdout_text(), "", "{}", p.dump());
}

#[test]
fn bench_rep_echoes_any_request() {
    let mut p = Proc::spawn(&[
        "bench",
        "rep",
        "@tcp://127.0.0.1:*",
        "-n",
        "2",
        "-f",
        "json",
    ]);
    let ep = p.wait_bound(T);
    let ctx = zmq::Context::new();
    let req = connected(&ctx, zmq::REQ, &ep);
    send(&req, &[b"hello"]);
    assert_eq!(recv(&req), vec![b"hello".to_vec()]);
    send(&req, &[b"two", b"frames"]);
    assert_eq!(recv(&req), vec![b"two".to_vec(), b"frames".to_vec()]);
    p.expect_exit(0, T);
    let v = report(&p);
    assert_eq!(v["messages"], 2, "{}", p.dump());
    assert_eq!(v["bytes"], 14, "{}", p.dump());
}

#[test]
fn raw_push_sends_only_payloads_as_local_thr_expects() {
    let ctx = zmq::Context::new();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&["bench", "push", &ep, "--raw", "-n", "100", "--size", "16"]);
    for i in 0..100 {
        assert_eq!(
            recv(&pull),
            vec![vec![0u8; 16]],
            "message {i}\n{}",
            p.dump()
        );
    }
    p.expect_exit(0, T);
    // No start or end mark follows (the sender has exited: all it sent has been read).
    assert_eq!(recv_within(&pull, Duration::from_millis(200)), None);
    assert!(
        p.stdout_text().contains("100 messages sent"),
        "{}",
        p.dump()
    );
}

#[test]
fn pull_measures_a_sender_that_writes_no_send_times() {
    // Like libzmq's remote_thr: N plain payloads, nothing else.
    let mut p = Proc::spawn(&[
        "bench",
        "pull",
        "@tcp://127.0.0.1:*",
        "-n",
        "100",
        "--warmup",
        "10",
        "-f",
        "json",
    ]);
    let ep = p.wait_bound(T);
    let ctx = zmq::Context::new();
    let push = connected(&ctx, zmq::PUSH, &ep);
    for _ in 0..110 {
        send(&push, &[&[0u8; 16]]);
    }
    p.expect_exit(0, T);
    let v = report(&p);
    assert_counts(&p, &v, 100, 16);
    assert!(v["latency_us"].is_null(), "{}", p.dump());
    assert!(v["sender"].is_null(), "{}", p.dump());
}

#[test]
fn bad_arguments_are_usage_errors_on_one_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["bench", "push", "-n", "0"], "--count"),
        (
            &["bench", "pull", "--rate", "10", "@tcp://127.0.0.1:*"],
            "--rate",
        ),
        (&["bench", "push", "foo://x"], "foo://x"),
        (
            &["bench", "req", "--transport", "ipc", "tcp://127.0.0.1:1"],
            "--transport",
        ),
        (&["bench", "push", "--curve-server"], "security options"),
        (
            &["bench", "sub", "--subscribers", "2", ">tcp://127.0.0.1:1"],
            "--subscribers",
        ),
        (&["bench", "push", "--set", "nosuch=1"], "nosuch"),
    ];
    for (args, needle) in cases {
        let mut p = Proc::spawn(args);
        p.expect_exit(2, T);
        assert_one_stderr_line(&p, needle);
        assert_eq!(p.stdout_text(), "", "{}", p.dump());
    }
    let mut p = Proc::spawn(&["bench", "nosuchrole"]);
    p.expect_exit(2, T);
}

#[test]
fn timeout_exits_3_with_one_line() {
    // -q keeps only the error, and the port a wildcard got (a script has no other way to it).
    let mut p = Proc::spawn(&["bench", "pull", "-q", "@tcp://127.0.0.1:*", "-t", "300ms"]);
    p.expect_exit(3, T);
    let err = p.stderr();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{}", p.dump());
    assert!(
        lines[0].starts_with("zmqcat: bound tcp://127.0.0.1:"),
        "{}",
        p.dump()
    );
    assert!(
        lines[1].contains("no message arrived within 300ms"),
        "{}",
        p.dump()
    );

    let ctx = zmq::Context::new();
    let (_silent, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["bench", "req", &ep, "-n", "3", "-t", "300ms"]);
    p.expect_exit(3, T);
    assert_one_stderr_line(&p, "no reply within 300ms");
}

#[test]
fn interrupted_echo_server_reports_and_exits_130() {
    let mut p = Proc::spawn(&["bench", "rep", "@tcp://127.0.0.1:*", "-f", "json"]);
    p.wait_bound(T);
    p.signal(libc::SIGINT);
    p.expect_exit(130, T);
    let v = report(&p);
    assert_eq!(v["interrupted"], true, "{}", p.dump());
    assert_eq!(v["messages"], 0, "{}", p.dump());
}

#[test]
fn interrupted_sender_reports_and_exits_at_once() {
    // A receiver that takes one message and then nothing: the sender fills the queues and
    // blocks. SIGTERM must end it at once (nothing queued is owed any more), with its figures.
    let ctx = zmq::Context::new();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&[
        "bench",
        "push",
        &ep,
        "-n",
        "100000000",
        "--size",
        "100",
        "-f",
        "json",
    ]);
    recv(&pull);
    p.signal(libc::SIGTERM);
    p.expect_exit(143, T);
    let v = report(&p);
    assert_eq!(v["interrupted"], true, "{}", p.dump());
    let sent = v["messages"].as_u64().unwrap_or(0);
    assert!(sent >= 1, "{}", p.dump());
    assert_eq!(v["bytes"], sent * 100, "{}", p.dump());
}
