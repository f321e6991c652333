//! Security end to end: CURVE (with and without an allowlist), PLAIN, address filters, keygen,
//! bad keys, and a pyzmq CURVE peer. Both builds have CURVE: the default one (libzmq built by
//! zmq-sys/ with libsodium) and the packagers' (Debian's libzmq). CI sets ZMQCAT_EXPECT_CURVE=1
//! for both, so that no CURVE test is silently skipped; a libzmq without CURVE must refuse
//! CURVE options cleanly instead.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::time::Duration;

use crate::support::{skip, Need, Proc, T};

fn has_curve() -> bool {
    zmq::has("curve").unwrap_or(false)
}

/// Whether the linked libzmq has CURVE; when not, the test is skipped (a failure with
/// ZMQCAT_EXPECT_CURVE=1) and returns.
fn needs_curve() -> bool {
    let has = has_curve();
    if !has {
        skip(Need::Curve, "the linked libzmq has no CURVE");
    }
    has
}

struct Pair {
    public: String,
    secret: String,
}

fn keygen() -> Pair {
    let out = Command::new(crate::support::bin())
        .arg("keygen")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {text}"))
            .trim()
            .to_string()
    };
    let pair = Pair {
        public: field("public:"),
        secret: crate::support::secret(&field("secret:")),
    };
    assert_eq!(pair.public.len(), 40);
    assert_eq!(pair.secret.len(), 40);
    pair
}

/// No secret may appear anywhere in what the processes printed.
fn assert_no_secret(procs: &[&Proc], secrets: &[&str]) {
    for p in procs {
        let all = format!("{}{}", p.stdout_text(), p.stderr());
        for s in secrets {
            assert!(!all.contains(s), "a secret leaked:\n{}", p.dump());
        }
    }
}

/// What `--version` reports is what the build promises: the built-in libzmq has CURVE and the
/// draft API; Debian's has CURVE and no draft API. `ZMQCAT_LIBZMQ` comes from build.rs, which
/// tells the two builds apart without asking libzmq.
#[test]
fn version_reports_the_capabilities_of_the_build() {
    let out = Command::new(crate::support::bin())
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("libzmq 4.3."))
        .unwrap_or_else(|| panic!("no libzmq line in {text}"));
    let build = env!("ZMQCAT_LIBZMQ");
    assert!(line.contains(&format!(" {build} (")), "{line}");
    let expect: &[&str] = match build {
        "built in" => &["curve=yes", "draft=yes", "ipc=yes"],
        _ => &["curve=yes", "draft=no", "ipc=yes"],
    };
    for cap in expect {
        assert!(
            line.split([' ', '(', ')']).any(|w| w == *cap),
            "{cap} not in {line}"
        );
    }
}

#[test]
fn a_libzmq_without_curve_refuses_curve_clearly() {
    if has_curve() {
        return;
    }
    let key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    for args in [
        vec![
            "rep",
            "--curve-server",
            "--curve-secret",
            key,
            "tcp://127.0.0.1:*",
        ],
        vec!["req", "--curve-server-key", key, "tcp://127.0.0.1:1"],
        vec!["keygen"],
    ] {
        let mut p = Proc::spawn(&args);
        p.close_stdin();
        p.expect_exit(2, T);
        let err = p.stderr();
        assert!(
            err.contains("without CURVE") && err.contains("libzmq3-dev"),
            "{}",
            p.dump()
        );
        assert_eq!(err.lines().count(), 1, "{}", p.dump());
        assert!(!err.contains(key), "{}", p.dump());
        if args[0] == "keygen" {
            continue;
        }
        // The plan opens nothing: it is shown, saying that a run is refused.
        let mut p = Proc::spawn(&[&["--explain"], &args[..]].concat());
        p.close_stdin();
        p.expect_exit(0, T);
        assert!(p.stdout_text().contains("without CURVE"), "{}", p.dump());
        assert!(
            !p.stdout_text().contains(key) || args[0] == "req",
            "{}",
            p.dump()
        );
    }
}

#[test]
fn keygen_prints_and_writes_protected_files() {
    if !needs_curve() {
        return;
    }
    let a = keygen();
    let b = keygen();
    assert_ne!(a.secret, b.secret);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.key");
    let out = Command::new(crate::support::bin())
        .args(["keygen", "-f", "json", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["public"].as_str().unwrap().len(), 40);
    assert!(
        v.get("secret").is_none(),
        "the secret goes to the file only"
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Never overwrite a key file.
    let again = Command::new(crate::support::bin())
        .args(["keygen", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

/// A CURVE server bound on a free port, with its keys.
fn curve_server(args: &[&str], server: &Pair) -> (Proc, String) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend([
        "--curve-server",
        "--curve-secret",
        &server.secret,
        "tcp://127.0.0.1:*",
    ]);
    let p = Proc::spawn(&all);
    let ep = p.wait_bound(T);
    (p, ep)
}

#[test]
fn curve_req_rep_push_pull_pub_sub_carry_messages() {
    if !needs_curve() {
        return;
    }
    let server = keygen();
    // req/rep
    let (mut rep, ep) = curve_server(&["rep", "--echo"], &server);
    let mut req = Proc::spawn(&["req", "-t", "5s", "--curve-server-key", &server.public, &ep]);
    req.write_stdin(b"sealed\n");
    req.close_stdin();
    req.expect_exit(0, T);
    assert_eq!(req.stdout_text(), "sealed\n");
    rep.signal(libc::SIGTERM);
    rep.expect_exit(143, T);
    assert_no_secret(&[&rep, &req], &[&server.secret]);

    // push/pull: the puller is the server
    let (mut pull, ep) = curve_server(&["pull", "-n", "3"], &server);
    let mut push = Proc::spawn(&["push", "--curve-server-key", &server.public, &ep]);
    push.write_stdin(b"1\n2\n3\n");
    push.close_stdin();
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert_eq!(pull.stdout_text(), "1\n2\n3\n");

    // pub/sub: the publisher is the server and waits for its subscriber
    let (mut publisher, ep) = curve_server(
        &["pub", "--wait-peers", "1", "-t", "10s", "-m", "news"],
        &server,
    );
    let mut sub = Proc::spawn(&["sub", "-n", "1", "--curve-server-key", &server.public, &ep]);
    sub.expect_exit(0, T);
    assert_eq!(sub.stdout_text(), "news\n");
    publisher.expect_exit(0, T);
    assert_no_secret(&[&pull, &push, &publisher, &sub], &[&server.secret]);
}

#[test]
fn curve_allowlist_admits_only_listed_clients() {
    if !needs_curve() {
        return;
    }
    let server = keygen();
    let friend = keygen();
    let stranger = keygen();
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("allowed");
    std::fs::write(&list, format!("# clients\n{}\n", friend.public)).unwrap();
    let allow = format!("@{}", list.display());
    let (mut rep, ep) = curve_server(&["rep", "--echo", "-v", "--curve-allow", &allow], &server);

    let mut ok = Proc::spawn(&[
        "req",
        "-t",
        "5s",
        "--curve-server-key",
        &server.public,
        "--curve-secret",
        &friend.secret,
        &ep,
    ]);
    ok.write_stdin(b"friend\n");
    ok.close_stdin();
    ok.expect_exit(0, T);
    assert_eq!(ok.stdout_text(), "friend\n");

    let mut refused = Proc::spawn(&[
        "req",
        "-t",
        "700ms",
        "-v",
        "--curve-server-key",
        &server.public,
        "--curve-secret",
        &stranger.secret,
        &ep,
    ]);
    refused.write_stdin(b"stranger\n");
    refused.close_stdin();
    refused.expect_exit(3, T);
    assert_eq!(refused.stdout_text(), "");
    assert!(
        refused.stderr().contains("authentication refused"),
        "{}",
        refused.dump()
    );
    rep.wait_stderr_contains("is not on the --curve-allow list", T);
    rep.signal(libc::SIGTERM);
    rep.expect_exit(143, T);
    // The server printed exactly one request: the friend's.
    assert_eq!(rep.stdout_text(), "friend\n");
    assert_no_secret(
        &[&rep, &ok, &refused],
        &[&server.secret, &friend.secret, &stranger.secret],
    );
}

#[test]
fn wrong_server_key_times_out_with_a_handshake_failure() {
    if !needs_curve() {
        return;
    }
    let server = keygen();
    let other = keygen();
    let (_rep, ep) = curve_server(&["rep", "--echo"], &server);
    let mut req = Proc::spawn(&[
        "req",
        "-t",
        "700ms",
        "-v",
        "--curve-server-key",
        &other.public,
        &ep,
    ]);
    req.write_stdin(b"x\n");
    req.close_stdin();
    req.expect_exit(3, T);
    assert!(req.stderr().contains("handshake with"), "{}", req.dump());
    assert!(req.stderr().contains("failed"), "{}", req.dump());
}

/// A push whose handshake fails (a CURVE client against a NULL server, or with the wrong server
/// key) cannot deliver: libzmq drops what was queued for that connection. It says so and exits 1
/// instead of exiting 0 as if delivered; -q leaves the one error line, with the reason.
#[test]
fn a_push_whose_handshake_fails_says_nothing_was_delivered() {
    if !has_curve() {
        return;
    }
    let server = keygen();
    let other = keygen();
    let null = Proc::spawn(&["pull", "tcp://127.0.0.1:*"]);
    let null_ep = null.wait_bound(T);
    let (curve, curve_ep) = curve_server(&["pull"], &server);
    for (ep, quiet) in [(&null_ep, false), (&curve_ep, false), (&curve_ep, true)] {
        let mut args = vec!["push", "--curve-server-key", &other.public, ep];
        if quiet {
            args.insert(1, "-q");
        }
        let mut push = Proc::feeding(&args, b"lost\n");
        push.expect_exit(1, T);
        let err = push.stderr();
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.contains("queued messages were not delivered") && last.contains(ep.as_str()),
            "{}",
            push.dump()
        );
        if quiet {
            assert_eq!(err.lines().count(), 1, "{}", push.dump());
            assert!(last.contains("handshake failed"), "{}", push.dump());
        }
    }
    assert_eq!(null.stdout_text(), "", "{}", null.dump());
    assert_eq!(curve.stdout_text(), "", "{}", curve.dump());
}

#[test]
fn plain_right_and_wrong_passwords() {
    crate::support::secret("hunter2-zq");
    crate::support::secret("guess-zq");
    let dir = tempfile::tempdir().unwrap();
    let pass_file = dir.path().join("pass");
    std::fs::write(&pass_file, "hunter2-zq\n").unwrap();
    std::fs::set_permissions(&pass_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let pass_arg = format!("@{}", pass_file.display());
    let mut rep = Proc::spawn(&[
        "rep",
        "--echo",
        "-v",
        "--plain-server",
        "--plain-user",
        "admin",
        "--plain-pass",
        &pass_arg,
        "tcp://127.0.0.1:*",
    ]);
    let ep = rep.wait_bound(T);
    let mut good = Proc::spawn(&[
        "req",
        "-t",
        "5s",
        "--plain-user",
        "admin",
        "--plain-pass",
        "hunter2-zq",
        &ep,
    ]);
    good.write_stdin(b"in\n");
    good.close_stdin();
    good.expect_exit(0, T);
    assert_eq!(good.stdout_text(), "in\n");
    let mut bad = Proc::spawn(&[
        "req",
        "-t",
        "700ms",
        "--plain-user",
        "admin",
        "--plain-pass",
        "guess-zq",
        &ep,
    ]);
    bad.write_stdin(b"out\n");
    bad.close_stdin();
    bad.expect_exit(3, T);
    rep.wait_stderr_contains("wrong user name or password", T);
    rep.signal(libc::SIGTERM);
    rep.expect_exit(143, T);
    assert_eq!(rep.stdout_text(), "in\n");
    assert_no_secret(&[&rep], &["hunter2-zq", "guess-zq"]);
}

#[test]
fn deny_ip_refuses_a_loopback_client_and_allow_ip_admits_it() {
    let mut denied = Proc::spawn(&[
        "pull",
        "-v",
        "--deny-ip",
        "127.0.0.0/8",
        "tcp://127.0.0.1:*",
    ]);
    let ep = denied.wait_bound(T);
    let mut push = Proc::spawn(&["push", "--linger", "300ms", &ep]);
    push.write_stdin(b"blocked\n");
    push.close_stdin();
    push.wait_exit(T);
    denied.wait_stderr_contains("address 127.0.0.1 is denied", T);
    denied.signal(libc::SIGINT);
    denied.expect_exit(130, T);
    assert_eq!(denied.stdout_text(), "");

    let mut allowed = Proc::spawn(&[
        "pull",
        "-n",
        "1",
        "--allow-ip",
        "127.0.0.1",
        "tcp://127.0.0.1:*",
    ]);
    let ep = allowed.wait_bound(T);
    let mut push = Proc::spawn(&["push", &ep]);
    push.write_stdin(b"welcome\n");
    push.close_stdin();
    push.expect_exit(0, T);
    allowed.expect_exit(0, T);
    assert_eq!(allowed.stdout_text(), "welcome\n");
}

#[test]
fn bad_keys_are_usage_errors_that_do_not_echo_the_key() {
    if !needs_curve() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let open_file = dir.path().join("open.key");
    let pair = keygen();
    std::fs::write(&open_file, format!("secret: {}\n", pair.secret)).unwrap();
    std::fs::set_permissions(&open_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let open_arg = format!("@{}", open_file.display());
    let not_z85 = "~".repeat(40);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["rep", "--curve-server", "--curve-secret", "short", "5555"],
            "expected 40",
        ),
        (
            vec!["rep", "--curve-server", "--curve-secret", &not_z85, "5555"],
            "Z85",
        ),
        (
            vec!["rep", "--curve-server", "--curve-secret", &open_arg, "5555"],
            "chmod 600",
        ),
        (
            vec!["rep", "--curve-server", "5555"],
            "needs --curve-secret",
        ),
        (
            vec!["req", "--curve-server-key", "short", "5555"],
            "expected 40",
        ),
        (
            vec!["pull", "--allow-ip", "300.1.1.1", "5555"],
            "--allow-ip",
        ),
    ];
    for (args, want) in cases {
        let mut p = Proc::spawn(&args);
        p.close_stdin();
        p.expect_exit(2, T);
        let err = p.stderr();
        assert!(err.contains(want), "{want}: {}", p.dump());
        assert_eq!(err.lines().count(), 1, "{}", p.dump());
        assert!(
            !err.contains(&pair.secret) && !err.contains(&not_z85),
            "{}",
            p.dump()
        );
    }
}

/// A pyzmq CURVE peer, both ways: pyzmq server with a zmqcat client, zmqcat server with a
/// pyzmq client.
#[test]
fn pyzmq_curve_interop() {
    if !needs_curve() {
        return;
    }
    let probe = Command::new("python3").args(["-c", "import zmq"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skip(
            Need::Pyzmq,
            "pyzmq is not installed (`python3 -c 'import zmq'` fails)",
        );
        return;
    }
    let server = keygen();
    // pyzmq REP server, zmqcat REQ client.
    let script = r#"
import sys, zmq
pub, sec = sys.argv[1].encode(), sys.argv[2].encode()
ctx = zmq.Context()
s = ctx.socket(zmq.REP)
s.linger = 0
s.curve_server = True
s.curve_secretkey = sec
s.curve_publickey = pub
port = s.bind_to_random_port("tcp://127.0.0.1")
print("zmqcat: bound tcp://127.0.0.1:%d" % port, file=sys.stderr, flush=True)
s.rcvtimeo = 10000
m = s.recv()
s.send(b"py:" + m)
"#;
    let mut py = Proc::spawn_program("python3", &["-c", script, &server.public, &server.secret]);
    let ep = py.wait_bound(T);
    let mut req = Proc::spawn(&["req", "-t", "5s", "--curve-server-key", &server.public, &ep]);
    req.write_stdin(b"hello\n");
    req.close_stdin();
    req.expect_exit(0, T);
    assert_eq!(req.stdout_text(), "py:hello\n");
    py.expect_exit(0, T);

    // zmqcat REP server, pyzmq REQ client.
    let (mut rep, ep) = curve_server(&["rep", "-m", "from zmqcat"], &server);
    let client = r#"
import sys, zmq
ctx = zmq.Context()
s = ctx.socket(zmq.REQ)
s.linger = 0
pub, sec = zmq.curve_keypair()
s.curve_publickey, s.curve_secretkey = pub, sec
s.curve_serverkey = sys.argv[1].encode()
s.rcvtimeo = 10000
s.connect(sys.argv[2])
s.send(b"from python")
print(s.recv().decode())
"#;
    let out = Command::new("python3")
        .args(["-c", client, &server.public, &ep])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}\n{}", rep.dump());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from zmqcat\n");
    rep.wait_stdout_contains(b"from python\n", T);
    rep.signal(libc::SIGTERM);
    rep.expect_exit(143, Duration::from_secs(5));
}

/// One request through a client, answered or not within `wait`.
fn ask(ep: &str, extra: &[&str], wait: &str, request: &str) -> Proc {
    let mut args = vec!["req", "-t", wait];
    args.extend_from_slice(extra);
    args.push(ep);
    let mut req = Proc::spawn(&args);
    req.write_stdin(format!("{request}\n").as_bytes());
    req.close_stdin();
    req
}

#[test]
fn proxy_security_applies_per_side_with_for() {
    crate::support::secret("s3cret-front");
    crate::support::secret("guessed-pw");
    // PLAIN on the front only: clients must log in, the NULL worker on the back still serves.
    let mut proxy = Proc::spawn(&[
        "proxy",
        "router@tcp://127.0.0.1:*",
        "dealer@tcp://127.0.0.1:*",
        "-v",
        "--for",
        "front",
        "--plain-server",
        "--plain-user",
        "ops",
        "--plain-pass",
        "s3cret-front",
    ]);
    let eps = proxy.wait_bound_all(2, T);
    let mut worker = Proc::spawn(&["rep", "--echo", "--connect", &eps[1]]);
    let mut good = ask(
        &eps[0],
        &["--plain-user", "ops", "--plain-pass", "s3cret-front"],
        "5s",
        "through",
    );
    good.expect_exit(0, T);
    assert_eq!(good.stdout_text(), "through\n");
    let mut wrong = ask(
        &eps[0],
        &["--plain-user", "ops", "--plain-pass", "guessed-pw"],
        "700ms",
        "wrong",
    );
    wrong.expect_exit(3, T);
    let mut anonymous = ask(&eps[0], &[], "700ms", "anonymous");
    anonymous.expect_exit(3, T);
    proxy.wait_stderr_contains("front: refused a PLAIN client", T);
    worker.signal(libc::SIGTERM);
    worker.expect_exit(143, T);
    assert_eq!(
        worker.stdout_text(),
        "through\n",
        "only the logged-in request"
    );
    proxy.signal(libc::SIGTERM);
    proxy.expect_exit(143, T);
    assert_no_secret(&[&proxy, &good, &wrong], &["s3cret-front", "guessed-pw"]);
}

#[test]
fn poll_security_applies_to_the_labelled_socket_and_shared_options_to_all() {
    let dir = tempfile::tempdir().unwrap();
    let ipc = format!("ipc://{}", dir.path().join("open").display());
    // Shared: nothing. `guarded` denies loopback; `open` admits everyone.
    let mut poll = Proc::spawn(&[
        "poll",
        "-v",
        "guarded=pull@tcp://127.0.0.1:*",
        &format!("open=pull@{ipc}"),
        "--for",
        "guarded",
        "--deny-ip",
        "127.0.0.0/8",
    ]);
    let ep = poll.wait_bound(T);
    let mut blocked = Proc::spawn(&["push", "--linger", "300ms", &ep]);
    blocked.write_stdin(b"blocked\n");
    blocked.close_stdin();
    blocked.wait_exit(T);
    poll.wait_stderr_contains("guarded: refused a NULL client from 127.0.0.1", T);
    let mut through = Proc::spawn(&["push", &ipc]);
    through.write_stdin(b"through\n");
    through.close_stdin();
    through.expect_exit(0, T);
    poll.wait_stdout_contains(b"through", T);
    poll.signal(libc::SIGINT);
    poll.expect_exit(130, T);
    assert_eq!(poll.stdout_text(), "open\tthrough\n");

    // A shared --deny-ip reaches every socket, scoped ones too.
    let mut poll = Proc::spawn(&[
        "poll",
        "-v",
        "--deny-ip",
        "127.0.0.0/8",
        "a=pull@tcp://127.0.0.1:*",
        "b=pull@tcp://127.0.0.1:*",
        "--for",
        "a",
        "--allow-ip",
        "127.0.0.1",
    ]);
    let ep = poll.wait_bound(T);
    let mut blocked = Proc::spawn(&["push", "--linger", "300ms", &ep]);
    blocked.write_stdin(b"blocked\n");
    blocked.close_stdin();
    blocked.wait_exit(T);
    poll.wait_stderr_contains(
        "a: refused a NULL client from 127.0.0.1: address 127.0.0.1 is denied",
        T,
    );
    poll.signal(libc::SIGINT);
    poll.expect_exit(130, T);
    assert_eq!(poll.stdout_text(), "");
}

#[test]
fn for_with_an_unknown_label_is_a_usage_error() {
    let mut p = Proc::spawn(&[
        "proxy",
        "router@tcp://127.0.0.1:*",
        "dealer@tcp://127.0.0.1:*",
        "--for",
        "middle",
        "--plain-server",
    ]);
    p.close_stdin();
    p.expect_exit(2, T);
    assert!(
        p.stderr()
            .contains("--for middle: no socket has that label (labels: front, back)"),
        "{}",
        p.dump()
    );
}

#[test]
fn curve_on_one_side_of_a_proxy() {
    if !needs_curve() {
        return;
    }
    let server = keygen();
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("server.key");
    std::fs::write(&secret_file, format!("{}\n", server.secret)).unwrap();
    std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let secret_arg = format!("@{}", secret_file.display());
    // Subscribers reach the publishing side over CURVE; the publisher feeds the proxy in clear.
    let mut proxy = Proc::spawn(&[
        "proxy",
        "in=xsub@tcp://127.0.0.1:*",
        "out=xpub@tcp://127.0.0.1:*",
        "-v",
        "--for",
        "out",
        "--curve-server",
        "--curve-secret",
        &secret_arg,
    ]);
    let eps = proxy.wait_bound_all(2, T);
    proxy.wait_stderr_contains(&format!("out: CURVE public key {}", server.public), T);
    let mut sub = Proc::spawn(&[
        "sub",
        "-n",
        "1",
        "-t",
        "5s",
        "--curve-server-key",
        &server.public,
        &eps[1],
    ]);
    let mut publisher = Proc::spawn(&["pub", "--wait-peers", "1", "--connect", &eps[0]]);
    publisher.write_stdin(b"sealed\n");
    publisher.close_stdin();
    publisher.expect_exit(0, T);
    sub.expect_exit(0, T);
    assert_eq!(sub.stdout_text(), "sealed\n");
    proxy.signal(libc::SIGTERM);
    proxy.expect_exit(143, T);
    assert_no_secret(&[&proxy, &sub, &publisher], &[&server.secret]);
}

/// The suite-wide check behind `support::secret` does fail when a secret is printed.
#[test]
#[should_panic(expected = "a secret appeared in zmqcat's output")]
fn the_secret_check_catches_a_printed_secret() {
    let canary = crate::support::secret("canary-7f3a9c-not-a-real-secret");
    let mut p = Proc::spawn_program("echo", &[&canary]);
    p.expect_exit(0, T);
}
