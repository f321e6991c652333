//! End-to-end tests of the zmqcat binary: every command against a peer written with the zmq
//! crate, zmqcat against zmqcat, and the edges (volume, ipc, closed stdout, signals, errors,
//! framing). See tests/support/mod.rs for the harness and its rules (no fixed ports, no sleeps
//! for synchronisation, every wait bounded).

mod support;

#[path = "cases/architecture.rs"]
mod architecture;
#[path = "cases/bench.rs"]
mod bench;
#[path = "cases/draft.rs"]
mod draft;
#[path = "cases/extras.rs"]
mod extras;
#[path = "cases/faults.rs"]
mod faults;
#[path = "cases/formats.rs"]
mod formats;
#[path = "cases/interop.rs"]
mod interop;
#[path = "cases/lockstep.rs"]
mod lockstep;
#[path = "cases/network.rs"]
mod network;
#[path = "cases/newuser.rs"]
mod newuser;
#[path = "cases/security.rs"]
mod security;
#[path = "cases/stats.rs"]
mod stats;
#[path = "cases/topologies.rs"]
mod topologies;
#[path = "cases/wording.rs"]
mod wording;

use std::io::{BufRead, BufReader};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use support::{
    assert_one_stderr_line, bound, connected, msg, recv, recv_within, send, send_text, socket,
    Proc, T,
};

/// A pause between sends when a sender must repeat until a subscription has arrived.
const PACE: Duration = Duration::from_millis(20);

fn ctx() -> zmq::Context {
    zmq::Context::new()
}

/// Calls `step` every `pace` until `done` says so; panics after [`T`].
fn repeat_until(
    pace: Duration,
    what: &str,
    mut step: impl FnMut(),
    mut done: impl FnMut() -> bool,
) {
    support::repeat_until(what, T, pace, || {
        let finished = done();
        if !finished {
            step();
        }
        finished
    });
}

// ---------------------------------------------------------------------------------------------
// req

#[test]
fn req_sends_requests_and_prints_replies_from_zmq_rep() {
    let ctx = ctx();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::feeding(&["req", &ep], b"hello\nmulti\tpart\n");
    assert_eq!(recv(&rep), msg(&["hello"]));
    send_text(&rep, &["HELLO"]);
    assert_eq!(recv(&rep), msg(&["multi", "part"]));
    send_text(&rep, &["reply", "in", "three"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "HELLO\nreply\tin\tthree\n");
}

#[test]
fn req_count_stops_after_n_round_trips() {
    let ctx = ctx();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["req", "-m", "ping", "-n", "3", &ep]);
    for i in 0..3 {
        assert_eq!(recv(&rep), msg(&["ping"]));
        send_text(&rep, &[&format!("pong{i}")]);
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "pong0\npong1\npong2\n");
    // zmqcat has exited: a fourth request would already be here.
    assert_eq!(recv_within(&rep, Duration::ZERO), None, "{}", p.dump());
}

#[test]
fn req_count_limits_round_trips_from_stdin() {
    let ctx = ctx();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["req", "-n", "2", &ep]);
    p.write_stdin(b"a\nb\nc\nd\n");
    for want in ["a", "b"] {
        assert_eq!(recv(&rep), msg(&[want]));
        send_text(&rep, &[&want.to_uppercase()]);
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "A\nB\n");
}

#[test]
fn req_without_server_times_out_with_status_3() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/nobody.sock", dir.path().display());
    let mut p = Proc::feeding(&["req", "-t", "200ms", &ep], b"anyone?\n");
    p.expect_exit(3, T);
    assert!(p.stderr().contains("no reply"), "{}", p.dump());
    assert!(p.stdout().is_empty(), "{}", p.dump());
}

// ---------------------------------------------------------------------------------------------
// rep

#[test]
fn rep_echo_answers_zmq_req() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["rep", "--echo", "-n", "2", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let req = connected(&ctx, zmq::REQ, &ep);
    send_text(&req, &["hello"]);
    assert_eq!(recv(&req), msg(&["hello"]));
    send_text(&req, &["a", "", "b"]);
    assert_eq!(recv(&req), msg(&["a", "", "b"]));
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "hello\na\t\tb\n");
}

#[test]
fn rep_message_answers_zmq_req() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["rep", "-m", "World\tagain", "-n", "2", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let req = connected(&ctx, zmq::REQ, &ep);
    for q in ["Hello", "Hi"] {
        send_text(&req, &[q]);
        assert_eq!(recv(&req), msg(&["World", "again"]));
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "Hello\nHi\n");
}

#[test]
fn rep_replies_from_stdin_until_input_is_exhausted() {
    let ctx = ctx();
    let mut p = Proc::feeding(&["rep", "tcp://127.0.0.1:*"], b"r1\nr2\tmore");
    let ep = p.wait_bound(T);
    let req = connected(&ctx, zmq::REQ, &ep);
    send_text(&req, &["q1"]);
    assert_eq!(recv(&req), msg(&["r1"]));
    send_text(&req, &["q2"]);
    assert_eq!(recv(&req), msg(&["r2", "more"]));
    // The third request has no reply left: zmqcat says so and ends.
    send_text(&req, &["q3"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "q1\nq2\nq3\n");
    assert!(p.stderr().contains("unanswered"), "{}", p.dump());
}

// ---------------------------------------------------------------------------------------------
// pub

#[test]
fn pub_message_with_interval_reaches_zmq_sub() {
    let ctx = ctx();
    let mut p = Proc::spawn(&[
        "pub",
        "-m",
        "A\tbody",
        "--interval",
        "50ms",
        "tcp://127.0.0.1:*",
    ]);
    let ep = p.wait_bound(T);
    let sub = socket(&ctx, zmq::SUB);
    sub.set_subscribe(b"A").unwrap();
    sub.connect(&ep).unwrap();
    // The publisher repeats, so the first one after the subscription arrives.
    assert_eq!(recv(&sub), msg(&["A", "body"]));
    assert_eq!(recv(&sub), msg(&["A", "body"]));
    assert!(p.try_wait().is_none(), "pub ended early\n{}", p.dump());
}

#[test]
fn pub_sends_stdin_envelopes_to_zmq_xsub() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pub", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let xsub = connected(&ctx, zmq::XSUB, &ep);
    send(&xsub, &[b"\x01t"]);
    // Slow joiner: publish warm-up messages until one gets through, so the subscription is in.
    let mut got = None;
    repeat_until(
        PACE,
        "a warm-up message through pub",
        || p.write_stdin(b"t\twarm\n"),
        || {
            got = recv_within(&xsub, Duration::ZERO);
            got.is_some()
        },
    );
    p.write_stdin(b"t\tone\nu\tnot subscribed\nt\ttwo\tthree\n");
    p.close_stdin();
    let mut received = Vec::new();
    while received.len() < 2 {
        let m = recv(&xsub);
        if m != msg(&["t", "warm"]) {
            received.push(m);
        }
    }
    assert_eq!(
        received,
        vec![msg(&["t", "one"]), msg(&["t", "two", "three"])]
    );
    p.expect_exit(0, T);
}

// ---------------------------------------------------------------------------------------------
// sub

#[test]
fn sub_with_two_prefixes_prints_only_matching_messages_from_zmq_xpub() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    let mut p = Proc::spawn(&["sub", "-s", "A", "-s", "B", "-n", "3", &ep]);
    let mut subs = vec![recv(&xpub), recv(&xpub)];
    subs.sort();
    assert_eq!(subs, vec![vec![b"\x01A".to_vec()], vec![b"\x01B".to_vec()]]);
    for m in [&["A1"][..], &["C1"], &["B1"], &["xA"], &["Ax", "body"]] {
        send_text(&xpub, m);
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "A1\nB1\nAx\tbody\n");
}

#[test]
fn sub_without_prefix_prints_everything_from_zmq_pub() {
    let ctx = ctx();
    let (publisher, ep) = bound(&ctx, zmq::PUB);
    let mut p = Proc::spawn(&["sub", "-n", "4", &ep]);
    let mut i = 0u32;
    repeat_until(
        PACE,
        "sub to print 4 messages",
        || {
            let topic = if i.is_multiple_of(2) { "even" } else { "odd" };
            send_text(&publisher, &[topic, &i.to_string()]);
            i += 1;
        },
        || p.try_wait().is_some(),
    );
    p.expect_exit(0, T);
    let lines = support::whole_lines(&p.stdout());
    assert_eq!(lines.len(), 4, "{}", p.dump());
    // Once subscribed, nothing is lost: consecutive numbers, both topics.
    let first: u32 = lines[0].split('\t').nth(1).unwrap().parse().unwrap();
    for (k, line) in lines.iter().enumerate() {
        let n = first + k as u32;
        let topic = if n.is_multiple_of(2) { "even" } else { "odd" };
        assert_eq!(line, &format!("{topic}\t{n}"), "{}", p.dump());
    }
}

#[test]
fn sub_prefix_filters_messages_from_zmq_pub() {
    let ctx = ctx();
    let (publisher, ep) = bound(&ctx, zmq::PUB);
    let mut p = Proc::spawn(&["sub", "-s", "yes", "-n", "3", &ep]);
    repeat_until(
        PACE,
        "sub to print 3 messages",
        || {
            send_text(&publisher, &["no", "x"]);
            send_text(&publisher, &["yes", "y"]);
        },
        || p.try_wait().is_some(),
    );
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "yes\ty\n".repeat(3));
}

// ---------------------------------------------------------------------------------------------
// push / pull

#[test]
fn push_sends_stdin_to_zmq_pull() {
    let ctx = ctx();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::feeding(&["push", &ep], b"1\n2\tframes\n3");
    assert_eq!(recv(&pull), msg(&["1"]));
    assert_eq!(recv(&pull), msg(&["2", "frames"]));
    assert_eq!(recv(&pull), msg(&["3"]));
    p.expect_exit(0, T);
    assert_eq!(p.stderr(), "", "{}", p.dump());
}

#[test]
fn pull_prints_messages_from_zmq_push() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pull", "-n", "3", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["a"]);
    send_text(&push, &["b", "c"]);
    send_text(&push, &[""]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "a\nb\tc\n\n");
}

#[test]
fn pull_timeout_exits_3() {
    let mut p = Proc::spawn(&["pull", "-t", "200ms", "tcp://127.0.0.1:*"]);
    p.expect_exit(3, T);
    assert!(p.stdout().is_empty(), "{}", p.dump());
}

// ---------------------------------------------------------------------------------------------
// router / dealer

#[test]
fn router_prints_envelopes_and_routes_replies_to_zmq_dealer_and_req() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["router", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);

    let dealer = socket(&ctx, zmq::DEALER);
    dealer.set_identity(b"cook").unwrap();
    dealer.connect(&ep).unwrap();
    send_text(&dealer, &["hi"]);
    p.wait_stdout_contains(b"cook\thi\n", T);

    let req = connected(&ctx, zmq::REQ, &ep);
    send_text(&req, &["question"]);
    let lines = p.wait_stdout_lines(2, T);
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(
        fields.len(),
        3,
        "REQ envelope: id, delimiter, body\n{}",
        p.dump()
    );
    let id = fields[0];
    assert!(
        id.len() > 2 && id.starts_with("0x") && id[2..].bytes().all(|b| b.is_ascii_hexdigit()),
        "a generated REQ id is binary, shown as 0x + hex\n{}",
        p.dump()
    );
    assert_eq!(&fields[1..], ["", "question"], "{}", p.dump());

    // Replies go to the peer named by the first field.
    p.write_stdin(format!("{id}\t\tanswer\n").as_bytes());
    assert_eq!(recv(&req), msg(&["answer"]));
    p.write_stdin(b"cook\tfor\tcook\n");
    assert_eq!(recv(&dealer), msg(&["for", "cook"]));

    // An unknown id is reported, and the router goes on.
    p.write_stdin(b"nobody\tlost\n");
    p.wait_stderr_contains("no peer with routing id nobody", T);
    p.write_stdin(b"cook\tstill here\n");
    assert_eq!(recv(&dealer), msg(&["still here"]));
    assert!(p.try_wait().is_none(), "router ended\n{}", p.dump());
    assert_eq!(recv_within(&req, Duration::ZERO), None);

    p.signal(libc::SIGTERM);
    p.expect_exit(143, T);
    assert_eq!(support::whole_lines(&p.stdout()).len(), 2, "{}", p.dump());
}

#[test]
fn router_reports_unknown_id_on_a_line_without_frames() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["router", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let dealer = socket(&ctx, zmq::DEALER);
    dealer.set_identity(b"cook").unwrap();
    dealer.connect(&ep).unwrap();
    send_text(&dealer, &["hi"]);
    p.wait_stdout_contains(b"cook\thi\n", T);
    // A line holding only an id names no connected peer: it must not vanish silently.
    p.write_stdin(b"nobody\ncook\tafter\n");
    // Lines are handled in order: once `after` arrived, `nobody` was dealt with.
    assert_eq!(recv(&dealer), msg(&["after"]));
    p.wait_stderr_contains("nobody", T);
}

#[test]
fn dealer_talks_with_zmq_router() {
    let ctx = ctx();
    let (router, ep) = bound(&ctx, zmq::ROUTER);
    let mut p = Proc::feeding(
        &["dealer", "--identity", "d1", "-n", "1", &ep],
        b"hello\tthere\n",
    );
    assert_eq!(recv(&router), msg(&["d1", "hello", "there"]));
    send_text(&router, &["d1", "world"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "world\n");
}

// ---------------------------------------------------------------------------------------------
// pair

#[test]
fn pair_connecting_talks_with_zmq_pair() {
    let ctx = ctx();
    let (pair, ep) = bound(&ctx, zmq::PAIR);
    let mut p = Proc::feeding(&["pair", "-n", "1", &ep], b"from zmqcat\n");
    assert_eq!(recv(&pair), msg(&["from zmqcat"]));
    send_text(&pair, &["from", "test"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "from\ttest\n");
}

#[test]
fn pair_binding_talks_with_zmq_pair() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pair", "-n", "2", "@tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let pair = connected(&ctx, zmq::PAIR, &ep);
    send_text(&pair, &["first"]);
    p.wait_stdout_contains(b"first\n", T);
    p.write_stdin(b"reply\n");
    assert_eq!(recv(&pair), msg(&["reply"]));
    send_text(&pair, &["second"]);
    p.close_stdin();
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "first\nsecond\n");
}

// ---------------------------------------------------------------------------------------------
// xpub / xsub

#[test]
fn xpub_prints_subscriptions_and_publishes_to_zmq_sub() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["xpub", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let sub = socket(&ctx, zmq::SUB);
    sub.set_subscribe(b"news").unwrap();
    sub.connect(&ep).unwrap();
    // Seeing the subscription means it is in place: no slow joiner.
    p.wait_stdout_contains(b"\x01news\n", T);
    p.write_stdin(b"news\tflash\nsports\tscore\nnews\tlate\n");
    assert_eq!(recv(&sub), msg(&["news", "flash"]));
    assert_eq!(recv(&sub), msg(&["news", "late"]));

    sub.set_unsubscribe(b"news").unwrap();
    p.wait_stdout_contains(b"\x00news\n", T);
    assert_eq!(p.stdout(), b"\x01news\n\x00news\n", "{}", p.dump());
}

#[test]
fn xsub_subscribes_upstream_and_prints_from_zmq_xpub() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    let mut p = Proc::spawn(&["xsub", "-s", "news", "-n", "2", &ep]);
    assert_eq!(recv(&xpub), vec![b"\x01news".to_vec()]);
    // Input goes upstream as is: a subscription by hand.
    p.write_stdin(b"\x01extra\n");
    assert_eq!(recv(&xpub), vec![b"\x01extra".to_vec()]);
    p.close_stdin();
    send_text(&xpub, &["news", "x"]);
    send_text(&xpub, &["other", "y"]);
    send_text(&xpub, &["news2", "z"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "news\tx\nnews2\tz\n");
}

#[test]
fn xsub_no_subscribe_sends_only_subscriptions_from_stdin() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    let mut p = Proc::feeding(&["xsub", "--no-subscribe", "-n", "1", &ep], b"\x01only\n");
    // The first subscription upstream is the one from stdin, not a subscribe-to-all.
    assert_eq!(recv(&xpub), vec![b"\x01only".to_vec()]);
    send_text(&xpub, &["other"]);
    send_text(&xpub, &["only", "this"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "only\tthis\n");
}

#[test]
fn xsub_without_prefix_subscribes_to_everything() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    let mut p = Proc::spawn(&["xsub", "-n", "1", &ep]);
    p.close_stdin();
    assert_eq!(recv(&xpub), vec![b"\x01".to_vec()]);
    send_text(&xpub, &["anything"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "anything\n");
}

// ---------------------------------------------------------------------------------------------
// zmqcat with zmqcat

#[test]
fn zmqcat_req_with_zmqcat_rep() {
    let rep = Proc::spawn(&["rep", "--echo", "tcp://127.0.0.1:*"]);
    let ep = rep.wait_bound(T);
    let mut req = Proc::feeding(&["req", &ep], b"one\ntwo\tframes\n\n");
    req.expect_exit(0, T);
    assert_eq!(req.stdout_text(), "one\ntwo\tframes\n\n");
    assert_eq!(rep.wait_stdout_lines(3, T), ["one", "two\tframes", ""]);
}

#[test]
fn zmqcat_pub_with_zmqcat_sub() {
    let publisher = Proc::spawn(&[
        "pub",
        "-m",
        "tick\tdata",
        "--interval",
        "20ms",
        "tcp://127.0.0.1:*",
    ]);
    let ep = publisher.wait_bound(T);
    let mut sub = Proc::spawn(&["sub", "-s", "tick", "-n", "3", &ep]);
    sub.expect_exit(0, T);
    assert_eq!(sub.stdout_text(), "tick\tdata\n".repeat(3));
}

/// `zmqcat push` (stdin = `input`) into `zmqcat pull -n N`: both must end with 0; the pull
/// is returned for its output.
fn push_into_pull(n: usize, input: &[u8]) -> Proc {
    let mut pull = Proc::spawn(&["pull", "-n", &n.to_string(), "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::feeding(&["push", &ep], input);
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    pull
}

#[test]
fn zmqcat_push_with_zmqcat_pull() {
    let pull = push_into_pull(3, b"1\n2\n3\n");
    assert_eq!(pull.stdout_text(), "1\n2\n3\n");
}

#[test]
fn zmqcat_dealer_with_zmqcat_router() {
    let mut router = Proc::spawn(&["router", "tcp://127.0.0.1:*"]);
    let ep = router.wait_bound(T);
    let mut dealer = Proc::feeding(&["dealer", "--identity", "cook", "-n", "1", &ep], b"hi\n");
    router.wait_stdout_contains(b"cook\thi\n", T);
    router.write_stdin(b"cook\tback\tatcha\n");
    dealer.expect_exit(0, T);
    assert_eq!(dealer.stdout_text(), "back\tatcha\n");
}

#[test]
fn zmqcat_pair_with_zmqcat_pair() {
    let mut a = Proc::spawn(&["pair", "-n", "1", "@tcp://127.0.0.1:*"]);
    let ep = a.wait_bound(T);
    let mut b = Proc::spawn(&["pair", "-n", "1", &ep]);
    // b's input is there before a's message can reach it: with its one message received, b
    // sends what stdin has ready and ends.
    b.write_stdin(b"from\tb\n");
    a.write_stdin(b"from a\n");
    a.close_stdin();
    b.close_stdin();
    a.expect_exit(0, T);
    b.expect_exit(0, T);
    assert_eq!(a.stdout_text(), "from\tb\n");
    assert_eq!(b.stdout_text(), "from a\n");
}

#[test]
fn zmqcat_xpub_with_zmqcat_xsub() {
    let mut xpub = Proc::spawn(&["xpub", "tcp://127.0.0.1:*"]);
    let ep = xpub.wait_bound(T);
    let mut xsub = Proc::spawn(&["xsub", "-s", "t", "-n", "1", &ep]);
    xsub.close_stdin();
    xpub.wait_stdout_contains(b"\x01t\n", T);
    xpub.write_stdin(b"u\tnot this\nt\tdata\n");
    xsub.expect_exit(0, T);
    assert_eq!(xsub.stdout_text(), "t\tdata\n");
}

// ---------------------------------------------------------------------------------------------
// volume, transports

#[test]
fn hundred_thousand_messages_arrive_complete_and_in_order() {
    const N: usize = 100_000;
    let input: String = (1..=N).map(|i| format!("{i}\n")).collect();
    let mut pull = Proc::spawn(&["pull", "-n", &N.to_string(), "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&["push", &ep]);
    push.feed_stdin_and_close(input.clone().into_bytes());
    push.expect_exit(0, 3 * T);
    pull.expect_exit(0, 3 * T);
    let out = pull.stdout();
    assert!(
        out == input.as_bytes(),
        "output differs from input\n{}",
        pull.dump()
    );
}

#[test]
fn ipc_in_tempdir_with_natural_directions() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/natural.sock", dir.path().display());
    let mut pull = Proc::spawn(&["pull", "-n", "2", &ep]);
    let mut push = Proc::feeding(&["push", &ep], b"over\tipc\nsecond\n");
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert_eq!(pull.stdout_text(), "over\tipc\nsecond\n");
}

#[test]
fn ipc_bind_and_connect_sigils_override_natural_directions() {
    let dir = tempfile::tempdir().unwrap();
    let path = format!("ipc://{}/sigils.sock", dir.path().display());
    // push binds and pull connects: the opposite of their natural directions.
    let mut push = Proc::feeding(&["push", &format!("@{path}")], b"x\ny\n");
    let mut pull = Proc::spawn(&["pull", "-n", "2", &format!(">{path}")]);
    pull.expect_exit(0, T);
    push.expect_exit(0, T);
    assert_eq!(pull.stdout_text(), "x\ny\n");
}

#[test]
fn ipc_wildcard_bind_is_announced() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pull", "-n", "1", "ipc://*"]);
    let ep = p.wait_bound(T);
    assert!(ep.starts_with("ipc://") && ep != "ipc://*", "{}", p.dump());
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["via wildcard"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "via wildcard\n");
}

// ---------------------------------------------------------------------------------------------
// stdout closed, signals

#[test]
fn closed_stdout_ends_quietly_like_head() {
    let ctx = ctx();
    // A named ipc path is not announced, so stderr has nothing to say at all.
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/head.sock", dir.path().display());
    let (mut p, stdout) = Proc::spawn_with_stdout(&["pull", &ep]);
    let push = connected(&ctx, zmq::PUSH, &ep);
    // `head -1`: read one line, then close the pipe.
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let mut first = None;
    let mut i = 0;
    repeat_until(
        PACE,
        "zmqcat to end after its stdout was closed",
        || {
            // The sender keeps sending; once zmqcat is gone its queue may fill up.
            let _ = push.send(format!("line {i}").as_bytes(), zmq::DONTWAIT);
            i += 1;
            if first.is_none() {
                first = rx.try_recv().ok();
            }
        },
        || p.try_wait().is_some(),
    );
    p.expect_exit(0, T);
    let first = first.or_else(|| rx.recv_timeout(T).ok());
    assert_eq!(first.as_deref(), Some("line 0\n"), "{}", p.dump());
    assert_eq!(p.stderr(), "", "a closed stdout ends quietly\n{}", p.dump());
}

fn signal_ends_blocked_pull(sig: i32, status: i32) {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pull", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["before"]);
    send_text(&push, &["the", "signal"]);
    p.wait_stdout_lines(2, T);
    let sent = Instant::now();
    p.signal(sig);
    // Within a second: the exit takes milliseconds, even on a loaded machine.
    p.expect_exit(status, Duration::from_secs(1));
    assert!(sent.elapsed() < Duration::from_secs(1), "{}", p.dump());
    assert_eq!(p.stdout_text(), "before\nthe\tsignal\n");
}

#[test]
fn sigint_on_blocked_pull_exits_130_after_printing() {
    signal_ends_blocked_pull(libc::SIGINT, 130);
}

#[test]
fn sigterm_on_blocked_pull_exits_143_after_printing() {
    signal_ends_blocked_pull(libc::SIGTERM, 143);
}

#[test]
fn sigint_ends_push_with_a_message_queued_for_an_absent_peer() {
    let dir = tempfile::tempdir().unwrap();
    let nobody = format!("ipc://{}/nobody.sock", dir.path().display());
    let ctx = ctx();
    let (pull, live) = bound(&ctx, zmq::PULL);
    // push round-robins between a live peer and an absent one (no linger: it would wait for
    // the absent one forever). Two messages at the live peer prove that three were sent, so at
    // least one waits in the queue of the absent peer.
    let mut p = Proc::spawn(&["push", &live, &nobody]);
    p.write_stdin(b"1\n2\n3\n4\n");
    recv(&pull);
    recv(&pull);
    // stdin stays open: zmqcat is in its send loop, waiting for input, when the signal comes.
    p.signal(libc::SIGINT);
    p.expect_exit(130, Duration::from_secs(3));
}

// ---------------------------------------------------------------------------------------------
// failures and usage errors

#[test]
fn push_to_nobody_gives_up_after_linger() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/nobody.sock", dir.path().display());
    let started = Instant::now();
    let mut p = Proc::feeding(&["push", "-c", &ep, "--linger", "200ms"], b"lost\n");
    let status = p.wait_exit(Duration::from_secs(5));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        !status.success(),
        "undelivered messages must fail\n{}",
        p.dump()
    );
    assert!(!p.stderr().trim().is_empty(), "{}", p.dump());
    assert!(!p.stderr().contains("panicked"), "{}", p.dump());
}

#[test]
fn bad_endpoints_are_usage_errors_naming_the_endpoint() {
    let cases = [
        ("pull", "foo://127.0.0.1:5555", "unknown transport"),
        ("pull", "tcp://127.0.0.1", "missing port"),
        ("push", "tcp://127.0.0.1:99999", "bad port"),
        ("push", "tcp://127.0.0.1:12ab", "bad port"),
        ("sub", "tcp://127.0.0.1:", "missing port"),
        ("req", "nonsense", "not an endpoint"),
    ];
    for (cmd, ep, reason) in cases {
        let mut p = Proc::spawn(&[cmd, ep]);
        p.close_stdin();
        p.expect_exit(2, T);
        assert_one_stderr_line(&p, ep);
        assert!(p.stderr().contains(reason), "{}", p.dump());
    }
}

#[test]
fn address_in_use_is_a_runtime_failure() {
    let ctx = ctx();
    let (_taken, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&["pull", &format!("@{ep}")]);
    p.expect_exit(1, T);
    assert_one_stderr_line(&p, &ep);
}

#[test]
fn unknown_socket_option_is_usage_error() {
    let mut p = Proc::spawn(&["pull", "--set", "no_such_option=1", "tcp://127.0.0.1:*"]);
    p.expect_exit(2, T);
    assert_one_stderr_line(&p, "no_such_option");
}

#[test]
fn bad_socket_option_value_is_usage_error() {
    for (set, name) in [
        ("sndhwm=lots", "sndhwm"),
        ("immediate=maybe", "immediate"),
        ("linger=soon", "linger"),
        ("sndhwm", "sndhwm"),
    ] {
        let mut p = Proc::spawn(&["pull", "--set", set, "tcp://127.0.0.1:*"]);
        p.expect_exit(2, T);
        assert_one_stderr_line(&p, name);
    }
}

// ---------------------------------------------------------------------------------------------
// framing

#[test]
fn multi_frame_and_empty_frames_reach_zmq_pull_exactly() {
    let ctx = ctx();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::feeding(&["push", &ep], b"a\t\tb\n\n\t\n\t\t\nend");
    assert_eq!(recv(&pull), msg(&["a", "", "b"]));
    assert_eq!(recv(&pull), msg(&[""]));
    assert_eq!(recv(&pull), msg(&["", ""]));
    assert_eq!(recv(&pull), msg(&["", "", ""]));
    assert_eq!(recv(&pull), msg(&["end"]));
    p.expect_exit(0, T);
}

#[test]
fn multi_frame_and_empty_frames_round_trip_push_pull() {
    let input = b"a\t\tb\n\n\t\nx\ty\tz\n\t\t\n";
    let pull = push_into_pull(5, input);
    assert_eq!(pull.stdout(), input);
}

#[test]
fn binary_bytes_pass_through_text_unchanged() {
    let frame: Vec<u8> = (0u8..=255).filter(|&b| b != b'\t' && b != b'\n').collect();
    let reversed: Vec<u8> = frame.iter().rev().copied().collect();
    let mut input = Vec::new();
    input.extend_from_slice(&frame);
    input.push(b'\t');
    input.extend_from_slice(&reversed);
    input.push(b'\n');
    input.extend_from_slice(&frame);
    input.push(b'\n');

    let ctx = ctx();
    let mut pull = Proc::spawn(&["pull", "-n", "2", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    // Check the frames on the wire with a zmq peer, then the round trip through zmqcat pull.
    let (peer, peer_ep) = bound(&ctx, zmq::PULL);
    let mut to_peer = Proc::feeding(&["push", &peer_ep], &input);
    assert_eq!(recv(&peer), vec![frame.clone(), reversed]);
    assert_eq!(recv(&peer), vec![frame]);
    to_peer.expect_exit(0, T);

    let mut push = Proc::feeding(&["push", &ep], &input);
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert!(
        pull.stdout() == input,
        "binary bytes altered\n{}",
        pull.dump()
    );
}

#[test]
fn last_line_without_newline_is_sent() {
    let pull = push_into_pull(2, b"first\nno newline\there");
    assert_eq!(pull.stdout_text(), "first\nno newline\there\n");
}

#[test]
fn empty_message_option_is_one_empty_frame() {
    let ctx = ctx();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let mut p = Proc::spawn(&["push", "-m", "", &ep]);
    assert_eq!(recv(&pull), msg(&[""]));
    p.expect_exit(0, T);
}
