//! zmqcat against ZMTP implementations that share no code with libzmq: JeroMQ 0.3.6 (Java, ZMTP
//! 2.0, Debian's `libjeromq-java`, driven through tests/peers/JeromqPeer.java) and zmq.rs (the
//! pure-Rust `zeromq` crate, ZMTP 3.0, run inside the test on its own tokio runtime).
//!
//! A peer missing on the machine skips its tests with a message, unless ZMQCAT_EXPECT_PEERS=1
//! (CI), where it fails them. README's "Interoperability" table is checked against [`MATRIX`].

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use crate::support::{connected, recv, send_text, socket, Proc, T};

/// One row of README's "Interoperability" table: what the tests below prove.
struct Row {
    implementation: &'static str,
    version: &'static str,
    zmtp: &'static str,
    tested: &'static str,
    result: &'static str,
}

const MATRIX: &[Row] = &[
    Row {
        implementation: "JeroMQ (Java)",
        version: "0.3.6",
        zmtp: "2.0",
        tested: "req↔rep, push→pull (50,000 two-frame messages), pub→sub (envelopes, prefix filter), \
                 dealer↔router (multi-frame); zmqcat connecting and bound; tcp",
        result: "works with no flag when zmqcat connects; a bound zmqcat needs --legacy-peers \
                 and says so (every command, proxy, poll); no ipc (JeroMQ 0.3 emulates it over tcp), no CURVE (JeroMQ 0.3 has none)",
    },
    Row {
        implementation: "zmq.rs (Rust `zeromq` crate)",
        version: "0.6.0",
        zmtp: "3.0",
        tested: "req↔rep, push→pull (50,000 two-frame messages), pub→sub (envelopes, prefix filter), \
                 dealer↔router (multi-frame); zmqcat connecting and bound; tcp and ipc",
        result: "works with no flag; no CURVE (zmq.rs 0.6 speaks only the NULL mechanism)",
    },
];

/// The table as README shows it.
fn matrix_table() -> String {
    let mut t = String::from(
        "| implementation | version | ZMTP | tested | result |\n|---|---|---|---|---|\n",
    );
    for r in MATRIX {
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.implementation, r.version, r.zmtp, r.tested, r.result
        ));
    }
    t
}

#[test]
fn readme_interoperability_table_is_what_the_tests_prove() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = readme
        .split("\n## Interoperability\n")
        .nth(1)
        .expect("README has an \"## Interoperability\" section");
    let table: String = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    let expected = matrix_table();
    assert!(
        table == expected,
        "README's Interoperability table differs from tests/cases/interop.rs MATRIX; it should be:\n\n{expected}"
    );
}

/// Whether a missing peer fails the test (CI) instead of skipping it.
fn peers_expected() -> bool {
    std::env::var("ZMQCAT_EXPECT_PEERS").is_ok_and(|v| v == "1")
}

const JEROMQ_JAR: &str = "/usr/share/java/jeromq.jar";

/// The compiled Java peer (once per test run), or why there is none.
fn jeromq_classes() -> Result<&'static Path, String> {
    static CLASSES: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            if !Path::new(JEROMQ_JAR).exists() {
                return Err(format!(
                    "{JEROMQ_JAR} is missing (apt-get install libjeromq-java)"
                ));
            }
            // Kept for the whole run: every test shares the classes.
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?.keep();
            let source = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers/JeromqPeer.java");
            let out = std::process::Command::new("javac")
                .args(["-d", &dir.display().to_string(), "-cp", JEROMQ_JAR, source])
                .output()
                .map_err(|e| format!("javac: {e} (apt-get install default-jdk-headless)"))?;
            if !out.status.success() {
                return Err(format!(
                    "javac failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            Ok(dir)
        })
        .as_ref()
        .map(PathBuf::as_path)
        .map_err(Clone::clone)
}

/// The Java peer, or `None` (skip) when JeroMQ or a JDK is missing and not expected.
fn jeromq() -> Option<&'static Path> {
    match jeromq_classes() {
        Ok(p) => Some(p),
        Err(why) if peers_expected() => panic!("ZMQCAT_EXPECT_PEERS=1 but no JeroMQ peer: {why}"),
        Err(why) => {
            eprintln!("skipped: no JeroMQ peer: {why}");
            None
        }
    }
}

/// Starts the JeroMQ peer: `ROLE bind|connect ENDPOINT OPTIONS…` (see JeromqPeer.java).
fn java(classes: &Path, args: &[&str]) -> Proc {
    let cp = format!("{}:{JEROMQ_JAR}", classes.display());
    let mut all = vec![
        "-Xss512k",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        &cp,
        "JeromqPeer",
    ];
    all.extend_from_slice(args);
    Proc::spawn_program("java", &all)
}

/// The endpoint a bound JeroMQ peer announced.
fn java_bound(p: &Proc) -> String {
    p.wait_stderr_contains("jeromq: bound ", T);
    p.stderr()
        .lines()
        .find_map(|l| l.strip_prefix("jeromq: bound "))
        .expect("announced")
        .trim()
        .to_string()
}

/// `n` two-frame messages `kI<TAB>vI` as lines, and the bytes of their frames.
fn two_frame_lines(n: usize) -> (Vec<u8>, usize) {
    let mut text = String::new();
    let mut bytes = 0;
    for i in 0..n {
        let (k, v) = (format!("k{i}"), format!("v{i}"));
        bytes += k.len() + v.len();
        text.push_str(&format!("{k}\t{v}\n"));
    }
    (text.into_bytes(), bytes)
}

const BULK: usize = 50_000;

/// How long a step with a JeroMQ peer may take: a JVM starts in a second or so, several times
/// that on a loaded 2-core machine with the rest of the suite running.
const JVM_T: Duration = Duration::from_secs(30);

#[test]
fn zmqcat_clients_talk_to_jeromq_servers_with_no_flag() {
    let Some(classes) = jeromq() else { return };
    // req -> REP (the peer echoes), one and two frames.
    let rep = java(classes, &["rep", "bind", "tcp://127.0.0.1"]);
    let ep = java_bound(&rep);
    let mut req = Proc::spawn(&["req", &ep]);
    req.feed_stdin_and_close(b"q1\na\tb\n".to_vec());
    req.expect_exit(0, JVM_T);
    assert_eq!(req.stdout_text(), "q1\na\tb\n");

    // push -> PULL: every message, exact bytes.
    let n = BULK.to_string();
    let count = format!("count={n}");
    let mut pull = java(
        classes,
        &["pull", "bind", "tcp://127.0.0.1", &count, "summary=1"],
    );
    let ep = java_bound(&pull);
    let (lines, bytes) = two_frame_lines(BULK);
    let mut push = Proc::spawn(&["push", &ep]);
    push.feed_stdin_and_close(lines);
    push.expect_exit(0, T * 3);
    pull.expect_exit(0, T * 3);
    assert_eq!(
        pull.stdout_text(),
        format!("messages {BULK} bytes {bytes}\n")
    );

    // sub -> PUB (an XPUB that waits for the subscription): envelopes, a prefix filter.
    let mut publisher = java(classes, &["pub", "bind", "tcp://127.0.0.1"]);
    let ep = java_bound(&publisher);
    let mut sub = Proc::spawn(&["sub", "-s", "A", "-n", "2", &ep]);
    publisher.feed_stdin_and_close(b"A\tone\nB\tnot this\nA\ttwo\n".to_vec());
    sub.expect_exit(0, JVM_T);
    assert_eq!(sub.stdout_text(), "A\tone\nA\ttwo\n");
    publisher.expect_exit(0, JVM_T);

    // dealer -> ROUTER: multi-frame both ways (the ROUTER answers "re" and the frames).
    let _router = java(classes, &["router", "bind", "tcp://127.0.0.1"]);
    let ep = java_bound(&_router);
    let mut dealer = Proc::spawn(&["dealer", "-n", "1", &ep]);
    dealer.write_stdin(b"x\ty\tz\n");
    dealer.wait_stdout_lines(1, JVM_T);
    dealer.close_stdin();
    dealer.expect_exit(0, JVM_T);
    assert_eq!(dealer.stdout_text(), "re\tx\ty\tz\n");
}

#[test]
fn bound_zmqcat_serves_jeromq_clients_with_legacy_peers() {
    let Some(classes) = jeromq() else { return };
    let lp = "--legacy-peers";
    let mut rep = Proc::spawn(&["rep", lp, "--echo", "-n", "2", "tcp://127.0.0.1:*"]);
    let ep = rep.wait_bound(T);
    let mut req = java(classes, &["req", "connect", &ep]);
    req.feed_stdin_and_close(b"q1\na\tb\n".to_vec());
    req.expect_exit(0, JVM_T);
    assert_eq!(req.stdout_text(), "q1\na\tb\n");
    rep.expect_exit(0, JVM_T);

    let n = BULK.to_string();
    let mut pull = Proc::spawn(&["pull", lp, "-n", &n, "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let gen = format!("gen={n}");
    let mut push = java(classes, &["push", "connect", &ep, &gen]);
    pull.expect_exit(0, T * 3);
    push.expect_exit(0, JVM_T);
    let (lines, _) = two_frame_lines(BULK);
    assert!(pull.stdout() == lines, "50,000 messages, in order, exactly");

    let mut publisher = Proc::spawn(&["pub", lp, "--wait-peers", "1", "tcp://127.0.0.1:*"]);
    let ep = publisher.wait_bound(T);
    let mut sub = java(classes, &["sub", "connect", &ep, "sub=A", "count=2"]);
    publisher.feed_stdin_and_close(b"A\tone\nB\tnot this\nA\ttwo\n".to_vec());
    sub.expect_exit(0, JVM_T);
    assert_eq!(sub.stdout_text(), "A\tone\nA\ttwo\n");
    publisher.expect_exit(0, JVM_T);

    let mut router = Proc::spawn(&["router", lp, "tcp://127.0.0.1:*"]);
    let ep = router.wait_bound(T);
    let mut dealer = java(classes, &["dealer", "connect", &ep, "id=jd", "count=1"]);
    dealer.feed_stdin_and_close(b"x\ty\n".to_vec());
    assert_eq!(router.wait_stdout_lines(1, JVM_T), ["jd\tx\ty"]);
    router.write_stdin(b"jd\tre\tx\ty\n");
    dealer.expect_exit(0, JVM_T);
    assert_eq!(dealer.stdout_text(), "re\tx\ty\n");
}

const DIAGNOSIS: &str = "peer closed during the ZMTP handshake (a ZMTP 1.0/2.0 peer";

/// A bound zmqcat (`args`, with `--events -`) refuses a JeroMQ client playing `jeromq_role`:
/// one line within 1 s, once however often the client retries (the --events records count the
/// refusals), then `serve` proves that the socket still serves a ZMTP 3 peer.
fn refuses_a_jeromq_client(args: &[&str], jeromq_role: &str, serve: impl FnOnce(&mut Proc, &str)) {
    let Some(classes) = jeromq() else { return };
    let mut all = args.to_vec();
    all.extend(["--events", "-"]);
    let mut zmqcat = Proc::spawn(&all);
    let ep = zmqcat.wait_bound(T);
    let client = java(classes, &[jeromq_role, "connect", &ep, "hold=1"]);
    let connecting = client.wait_stderr_count("jeromq: connecting", 1, T);
    let told = zmqcat.wait_stderr_count(DIAGNOSIS, 1, T);
    let delay = told.saturating_duration_since(connecting);
    assert!(delay < Duration::from_secs(1), "diagnosis after {delay:?}");
    // JeroMQ retries every 100 ms: a few refusals later, still one line.
    zmqcat.wait_stderr_count("\"event\":\"handshake_refused\"", 3, T);
    let lines = zmqcat
        .stderr()
        .lines()
        .filter(|l| l.starts_with("zmqcat: ") && l.contains(DIAGNOSIS))
        .count();
    assert_eq!(lines, 1, "{}", zmqcat.dump());
    serve(&mut zmqcat, &ep);
    drop(client);
}

fn zmq_peer(kind: zmq::SocketType, ep: &str) -> (zmq::Context, zmq::Socket) {
    let ctx = zmq::Context::new();
    let sock = connected(&ctx, kind, ep);
    (ctx, sock)
}

#[test]
fn bound_rep_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["rep", "--echo", "tcp://127.0.0.1:*"], "req", |_, ep| {
        let (_ctx, req) = zmq_peer(zmq::REQ, ep);
        send_text(&req, &["still here"]);
        assert_eq!(recv(&req), [b"still here".to_vec()]);
    });
}

#[test]
fn bound_req_diagnoses_a_jeromq_server_and_serves_the_next_peer() {
    let args = ["req", "@tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "rep", |zmqcat, ep| {
        let (_ctx, rep) = zmq_peer(zmq::REP, ep);
        zmqcat.write_stdin(b"still here\n");
        assert_eq!(recv(&rep), [b"still here".to_vec()]);
        send_text(&rep, &["yes"]);
        zmqcat.wait_stdout_contains(b"yes\n", T);
    });
}

#[test]
fn bound_pull_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["pull", "tcp://127.0.0.1:*"], "push", |zmqcat, ep| {
        let (_ctx, push) = zmq_peer(zmq::PUSH, ep);
        send_text(&push, &["still here"]);
        zmqcat.wait_stdout_contains(b"still here\n", T);
    });
}

#[test]
fn bound_push_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["push", "@tcp://127.0.0.1:*"], "pull", |zmqcat, ep| {
        let (_ctx, pull) = zmq_peer(zmq::PULL, ep);
        zmqcat.feed_stdin_and_close(b"still here\n".to_vec());
        assert_eq!(recv(&pull), [b"still here".to_vec()]);
        zmqcat.expect_exit(0, T);
    });
}

#[test]
fn bound_pub_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    let args = ["pub", "--wait-peers", "1", "tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "sub", |zmqcat, ep| {
        let (_ctx, sub) = zmq_peer(zmq::SUB, ep);
        sub.set_subscribe(b"").unwrap();
        zmqcat.feed_stdin_and_close(b"still here\n".to_vec());
        assert_eq!(recv(&sub), [b"still here".to_vec()]);
    });
}

#[test]
fn bound_sub_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["sub", "@tcp://127.0.0.1:*"], "pub", |zmqcat, ep| {
        let (_ctx, xpub) = zmq_peer(zmq::XPUB, ep);
        // The subscription shows that zmqcat took this peer.
        assert_eq!(recv(&xpub), [b"\x01".to_vec()]);
        send_text(&xpub, &["still here"]);
        zmqcat.wait_stdout_contains(b"still here\n", T);
    });
}

#[test]
fn bound_router_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["router", "tcp://127.0.0.1:*"], "dealer", |zmqcat, ep| {
        let ctx = zmq::Context::new();
        let dealer = socket(&ctx, zmq::DEALER);
        dealer.set_identity(b"d3").unwrap();
        dealer.connect(ep).unwrap();
        send_text(&dealer, &["still here"]);
        zmqcat.wait_stdout_contains(b"d3\tstill here\n", T);
    });
}

/// The duplex commands bound: a ZMTP 3 peer's message reaches stdout.
fn duplex_serves(kind: zmq::SocketType) -> impl FnOnce(&mut Proc, &str) {
    move |zmqcat, ep| {
        let (_ctx, peer) = zmq_peer(kind, ep);
        send_text(&peer, &["still here"]);
        zmqcat.wait_stdout_contains(b"still here\n", T);
    }
}

#[test]
fn bound_dealer_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    let args = ["dealer", "@tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "router", duplex_serves(zmq::DEALER));
}

#[test]
fn bound_pair_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    let args = ["pair", "@tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "pair", duplex_serves(zmq::PAIR));
}

#[test]
fn bound_xpub_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["xpub", "tcp://127.0.0.1:*"], "xsub", |zmqcat, ep| {
        let (_ctx, sub) = zmq_peer(zmq::SUB, ep);
        sub.set_subscribe(b"still here").unwrap();
        zmqcat.wait_stdout_contains(b"still here\n", T);
    });
}

#[test]
fn bound_xsub_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    refuses_a_jeromq_client(&["xsub", "@tcp://127.0.0.1:*"], "xpub", |zmqcat, ep| {
        let (_ctx, xpub) = zmq_peer(zmq::XPUB, ep);
        // The subscription shows that zmqcat took this peer.
        assert_eq!(recv(&xpub), [b"\x01".to_vec()]);
        send_text(&xpub, &["still here"]);
        zmqcat.wait_stdout_contains(b"still here\n", T);
    });
}

#[test]
fn bound_proxy_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    let args = ["proxy", "pull@tcp://127.0.0.1:*", "push@tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "push", |zmqcat, front| {
        let back = zmqcat.wait_bound_all(2, T).pop().expect("two endpoints");
        let ctx = zmq::Context::new();
        let pull = connected(&ctx, zmq::PULL, &back);
        let push = connected(&ctx, zmq::PUSH, front);
        send_text(&push, &["still here"]);
        assert_eq!(recv(&pull), [b"still here".to_vec()]);
    });
}

#[test]
fn bound_poll_diagnoses_a_jeromq_client_and_serves_the_next_peer() {
    let args = ["poll", "tasks=pull@tcp://127.0.0.1:*"];
    refuses_a_jeromq_client(&args, "push", duplex_serves(zmq::PUSH));
}

/// `-v` on a connect that nothing accepts says why once, then sums the retries up every 5 s,
/// instead of a line per retry (10 a second).
#[test]
fn verbose_connect_retries_say_why_once_then_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let ep = format!("ipc://{}/absent", dir.path().display());
    let mut pull = Proc::spawn(&["pull", "-v", "-t", "6s", "-c", &ep]);
    pull.expect_exit(3, T * 2);
    let stderr = pull.stderr();
    let about: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(&ep) && !l.contains("connecting to"))
        .collect();
    assert!(
        about
            .first()
            .is_some_and(|l| l.contains("nothing accepted the connection")),
        "{about:#?}"
    );
    assert!((2..=3).contains(&about.len()), "{about:#?}");
    let summary = about[1];
    assert!(
        summary.contains("still failing") && summary.contains("attempts in the last 5 s"),
        "{summary}"
    );
}

// ---------------------------------------------------------------------------------------------
// zmq.rs: the pure-Rust `zeromq` crate, ZMTP 3.0, NULL security only.

mod zmqrs {
    use std::future::Future;

    use zeromq::{Socket, SocketRecv, SocketSend, ZmqMessage};

    use super::{two_frame_lines, BULK};
    use crate::support::{Proc, T};

    /// zmq.rs sockets run on a runtime with a worker thread of its own, so that they go on
    /// connecting and accepting while the test waits for zmqcat.
    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime")
    }

    /// Runs `f` to its end, within the harness's bound.
    fn within<F: Future>(rt: &tokio::runtime::Runtime, f: F) -> F::Output {
        rt.block_on(async { tokio::time::timeout(T, f).await })
            .expect("the zmq.rs peer took longer than the bound")
    }

    /// Where a zmq.rs socket binds: a free tcp port, or an ipc path in `dir`.
    fn local(ipc: bool, dir: &tempfile::TempDir, name: &str) -> String {
        if ipc {
            format!("ipc://{}/{name}", dir.path().display())
        } else {
            "tcp://127.0.0.1:0".to_string()
        }
    }

    /// Where zmqcat binds, and how a peer reaches it: (bind spec, endpoint once bound).
    fn zmqcat_bind(zmqcat_args: &[&str], ipc: bool, dir: &tempfile::TempDir) -> (Proc, String) {
        let spec = if ipc {
            format!("@ipc://{}/zmqcat", dir.path().display())
        } else {
            "@tcp://127.0.0.1:*".to_string()
        };
        let mut args = zmqcat_args.to_vec();
        args.extend(["-v", &spec]);
        let p = Proc::spawn(&args);
        let ep = p.wait_bound(T);
        (p, ep)
    }

    fn frames(m: ZmqMessage) -> Vec<String> {
        m.into_vec()
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect()
    }

    fn message(frames: &[&str]) -> ZmqMessage {
        let v: Vec<_> = frames
            .iter()
            .flat_map(|f| ZmqMessage::from(f.to_string()).into_vec())
            .collect();
        ZmqMessage::try_from(v).expect("frames")
    }

    const BOTH: [bool; 2] = [false, true];

    #[test]
    fn zmqcat_req_and_zmqrs_rep_both_ways_over_tcp_and_ipc() {
        let rt = runtime();
        for ipc in BOTH {
            let dir = tempfile::tempdir().unwrap();
            // zmqcat connects to a zmq.rs REP.
            let mut rep = zeromq::RepSocket::new();
            let ep = within(&rt, rep.bind(&local(ipc, &dir, "rep")))
                .unwrap()
                .to_string();
            let mut req = Proc::spawn(&["req", "-c", &ep]);
            req.feed_stdin_and_close(b"q1\na\tb\n".to_vec());
            for _ in 0..2 {
                within(&rt, async {
                    let m = rep.recv().await.unwrap();
                    rep.send(m).await.unwrap();
                });
            }
            req.expect_exit(0, T);
            assert_eq!(req.stdout_text(), "q1\na\tb\n");
            // A zmq.rs REQ connects to zmqcat rep.
            let (mut zrep, ep) = zmqcat_bind(&["rep", "--echo", "-n", "1"], ipc, &dir);
            let mut zreq = zeromq::ReqSocket::new();
            let reply = within(&rt, async {
                zreq.connect(&ep).await.unwrap();
                zreq.send(message(&["x", "y"])).await.unwrap();
                zreq.recv().await.unwrap()
            });
            assert_eq!(frames(reply), ["x", "y"]);
            zrep.expect_exit(0, T);
        }
    }

    #[test]
    fn zmqcat_push_and_zmqrs_pull_carry_every_message_both_ways_over_tcp_and_ipc() {
        let rt = runtime();
        let (lines, bytes) = two_frame_lines(BULK);
        for ipc in BOTH {
            let dir = tempfile::tempdir().unwrap();
            // zmqcat push connects to a zmq.rs PULL.
            let mut pull = zeromq::PullSocket::new();
            let ep = within(&rt, pull.bind(&local(ipc, &dir, "pull")))
                .unwrap()
                .to_string();
            let mut push = Proc::spawn(&["push", "-c", &ep]);
            push.feed_stdin_and_close(lines.clone());
            let (count, got) = within(&rt, async {
                let (mut count, mut got) = (0, 0);
                while count < BULK {
                    let m = pull.recv().await.unwrap();
                    assert_eq!(m.len(), 2, "two frames");
                    got += m.iter().map(|f| f.len()).sum::<usize>();
                    count += 1;
                }
                (count, got)
            });
            assert_eq!((count, got), (BULK, bytes));
            push.expect_exit(0, T);
            // A zmq.rs PUSH connects to zmqcat pull.
            let n = BULK.to_string();
            let (mut zpull, ep) = zmqcat_bind(&["pull", "-n", &n], ipc, &dir);
            let mut zpush = zeromq::PushSocket::new();
            within(&rt, async {
                zpush.connect(&ep).await.unwrap();
                for i in 0..BULK {
                    let (k, v) = (format!("k{i}"), format!("v{i}"));
                    zpush.send(message(&[&k, &v])).await.unwrap();
                }
            });
            zpull.expect_exit(0, T * 3);
            assert!(
                zpull.stdout() == lines,
                "{BULK} messages, in order, exactly"
            );
        }
    }

    #[test]
    fn zmqcat_sub_and_zmqrs_pub_filter_envelopes_both_ways_over_tcp_and_ipc() {
        let rt = runtime();
        for ipc in BOTH {
            let dir = tempfile::tempdir().unwrap();
            // zmqcat sub connects to a zmq.rs PUB, which cannot tell when the subscription
            // arrived: it publishes until zmqcat has its two messages.
            let mut publisher = zeromq::PubSocket::new();
            let ep = within(&rt, publisher.bind(&local(ipc, &dir, "pub")))
                .unwrap()
                .to_string();
            let mut sub = Proc::spawn(&["sub", "-s", "A", "-n", "2", "-c", &ep]);
            let deadline = std::time::Instant::now() + T;
            while sub.try_wait().is_none() {
                assert!(std::time::Instant::now() < deadline, "{}", sub.dump());
                within(&rt, async {
                    publisher.send(message(&["B", "not this"])).await.unwrap();
                    publisher.send(message(&["A", "one"])).await.unwrap();
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                });
            }
            sub.expect_exit(0, T);
            assert_eq!(sub.stdout_text(), "A\tone\nA\tone\n");
            // A zmq.rs SUB connects to zmqcat pub, which waits for its subscription.
            let (mut zpub, ep) = zmqcat_bind(&["pub", "--wait-peers", "1"], ipc, &dir);
            let mut zsub = zeromq::SubSocket::new();
            within(&rt, async {
                zsub.connect(&ep).await.unwrap();
                zsub.subscribe("A").await.unwrap();
            });
            zpub.feed_stdin_and_close(b"A\tone\nB\tnot this\nA\ttwo\n".to_vec());
            let got = within(&rt, async {
                let first = zsub.recv().await.unwrap();
                let second = zsub.recv().await.unwrap();
                (frames(first), frames(second))
            });
            assert_eq!(
                got,
                (
                    vec!["A".into(), "one".into()],
                    vec!["A".into(), "two".into()]
                )
            );
            zpub.expect_exit(0, T);
        }
    }

    #[test]
    fn zmqcat_dealer_and_zmqrs_router_carry_multi_frame_messages_both_ways_over_tcp_and_ipc() {
        let rt = runtime();
        for ipc in BOTH {
            let dir = tempfile::tempdir().unwrap();
            // zmqcat dealer connects to a zmq.rs ROUTER, which answers "re" and the frames.
            let mut router = zeromq::RouterSocket::new();
            let ep = within(&rt, router.bind(&local(ipc, &dir, "router")))
                .unwrap()
                .to_string();
            let mut dealer = Proc::spawn(&["dealer", "-n", "1", "-c", &ep]);
            dealer.write_stdin(b"x\ty\tz\n");
            let got = within(&rt, async {
                let m = router.recv().await.unwrap();
                let mut reply = m.into_vec();
                let got: Vec<String> = reply[1..]
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                reply.insert(1, ZmqMessage::from("re").into_vec().remove(0));
                router
                    .send(ZmqMessage::try_from(reply).unwrap())
                    .await
                    .unwrap();
                got
            });
            assert_eq!(got, ["x", "y", "z"]);
            dealer.wait_stdout_lines(1, T);
            dealer.close_stdin();
            dealer.expect_exit(0, T);
            assert_eq!(dealer.stdout_text(), "re\tx\ty\tz\n");
            // A zmq.rs DEALER connects to zmqcat router.
            let (mut zrouter, ep) = zmqcat_bind(&["router"], ipc, &dir);
            let mut zdealer = zeromq::DealerSocket::new();
            within(&rt, async {
                zdealer.connect(&ep).await.unwrap();
                zdealer.send(message(&["a", "b"])).await.unwrap();
            });
            let line = zrouter.wait_stdout_lines(1, T).remove(0);
            let (id, rest) = line.split_once('\t').expect("id, then frames");
            assert_eq!(rest, "a\tb");
            zrouter.write_stdin(format!("{id}\tre\ta\tb\n").as_bytes());
            let reply = within(&rt, zdealer.recv()).unwrap();
            assert_eq!(frames(reply), ["re", "a", "b"]);
        }
    }
}
