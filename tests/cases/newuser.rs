//! What a new user meets in the first hour (issue 15): ipc files, duplex commands with `-n`,
//! an `xsub` whose upstream left, exit statuses of `-t` and of a signal during the final
//! delivery, the examples and the README tour.
//!
//! The harness rules hold: ipc paths in a `TempDir` or `ipc://*`, loopback tcp with wildcard
//! ports, every wait bounded and for an observable event, every process killed on drop.

use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{bin, bound, connected, msg, recv, send_text, socket, Proc, T};

fn ctx() -> zmq::Context {
    zmq::Context::new()
}

fn ipc_in(dir: &Path, name: &str) -> String {
    format!("ipc://{}", dir.join(name).display())
}

// ---------------------------------------------------------------------------------------------
// ipc: the wildcard, cleanup, a live listener

#[test]
fn ipc_wildcard_binds_in_a_private_directory_and_leaves_nothing_behind() {
    let ctx = ctx();
    let cwd = tempfile::tempdir().unwrap();
    // zmqcat runs in an empty directory of its own, which must stay empty.
    let script = "cd \"$1\" && exec \"$2\" pull -n 1 'ipc://*'";
    let cwd_arg = cwd.path().display().to_string();
    let mut p = Proc::spawn_program("sh", &["-c", script, "sh", &cwd_arg, bin()]);
    let ep = p.wait_bound(T);
    let path = Path::new(ep.strip_prefix("ipc://").expect("an ipc endpoint")).to_path_buf();
    assert!(
        path.is_absolute(),
        "not an absolute path: {ep}\n{}",
        p.dump()
    );
    let dir = path.parent().unwrap().to_path_buf();
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "{}\n{}", dir.display(), p.dump());
    // A peer elsewhere (this test runs in another directory) reaches it.
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["via wildcard"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "via wildcard\n");
    assert!(!dir.exists(), "{} left behind", dir.display());
    let left: Vec<_> = std::fs::read_dir(cwd.path()).unwrap().collect();
    assert!(
        left.is_empty(),
        "files left in the working directory: {left:?}"
    );
}

#[test]
fn explicit_ipc_path_is_removed_at_exit_and_after_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    // An ordinary end.
    let ep = ipc_in(dir.path(), "done.sock");
    let mut pull = Proc::spawn(&["pull", "-v", "-n", "1", &ep]);
    pull.wait_bound(T);
    assert!(dir.path().join("done.sock").exists());
    let mut push = Proc::spawn(&["push", "-m", "x", &ep]);
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    assert!(!dir.path().join("done.sock").exists(), "{}", pull.dump());
    // A signal.
    let ep = ipc_in(dir.path(), "term.sock");
    let mut pull = Proc::spawn(&["pull", "-v", &ep]);
    pull.wait_bound(T);
    assert!(dir.path().join("term.sock").exists());
    pull.signal(libc::SIGTERM);
    pull.expect_exit(143, T);
    assert!(!dir.path().join("term.sock").exists(), "{}", pull.dump());
}

#[test]
fn binding_an_ipc_path_a_live_process_listens_on_is_refused() {
    let ctx = ctx();
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc_in(dir.path(), "live.sock");
    let mut first = Proc::spawn(&["pull", "-v", "-n", "1", &ep]);
    first.wait_bound(T);
    let mut second = Proc::spawn(&["pull", &format!("@{ep}")]);
    second.expect_exit(1, T);
    let err = second.stderr();
    assert_eq!(err.lines().count(), 1, "{}", second.dump());
    assert!(err.contains("address in use") && err.contains(&ep), "{err}");
    // The first one still owns the address.
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["still mine"]);
    first.expect_exit(0, T);
    assert_eq!(first.stdout_text(), "still mine\n");
}

#[test]
fn a_stale_ipc_file_without_listener_is_replaced() {
    let ctx = ctx();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stale.sock");
    drop(UnixListener::bind(&path).unwrap());
    assert!(path.exists(), "the stale socket file stays");
    let ep = ipc_in(dir.path(), "stale.sock");
    let mut p = Proc::spawn(&["pull", "-v", "-n", "1", &ep]);
    p.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["fresh"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "fresh\n");
}

// ---------------------------------------------------------------------------------------------
// duplex commands and -n: received messages count

#[test]
fn pair_n_ends_after_n_received_although_stdin_stays_open() {
    let ctx = ctx();
    let (peer, ep) = bound(&ctx, zmq::PAIR);
    let mut p = Proc::spawn(&["pair", "-n", "1", &ep]);
    // stdin stays open after one message: one sent, one received, the run is over.
    p.write_stdin(b"hello\n");
    assert_eq!(recv(&peer), msg(&["hello"]));
    send_text(&peer, &["only"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "only\n");
}

#[test]
fn xsub_n_ends_after_n_received_although_stdin_stays_open() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    let mut p = Proc::spawn(&["xsub", "-n", "3", &ep]);
    assert_eq!(recv(&xpub), vec![b"\x01".to_vec()]);
    // Three subscriptions written, stdin kept open: three sent, three received, the end.
    p.write_stdin(b"\x01a\n\x01b\n\x01c\n");
    for want in ["\x01a", "\x01b", "\x01c"] {
        assert_eq!(recv(&xpub), vec![want.as_bytes().to_vec()]);
    }
    for m in ["a", "b", "c"] {
        send_text(&xpub, &[m]);
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "a\nb\nc\n");
}

#[test]
fn dealer_n_counts_replies_not_requests() {
    let ctx = ctx();
    let (router, ep) = bound(&ctx, zmq::ROUTER);
    let mut p = Proc::feeding(&["dealer", "-n", "2", &ep], b"one request\n");
    let got = recv(&router);
    assert_eq!(got[1..], msg(&["one request"])[..]);
    // Two replies to one request: the run ends at the second reply, not at the first send.
    for r in ["first", "second"] {
        router
            .send_multipart([&got[0][..], r.as_bytes()], 0)
            .unwrap();
    }
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "first\nsecond\n");
}

#[test]
fn dealer_n_1_with_m_exits_after_one_reply() {
    let ctx = ctx();
    let (router, ep) = bound(&ctx, zmq::ROUTER);
    let mut p = Proc::spawn(&["dealer", "-n", "1", "-m", "hi", &ep]);
    let got = recv(&router);
    assert_eq!(got[1..], msg(&["hi"])[..]);
    router
        .send_multipart([&got[0][..], b"ho".as_slice()], 0)
        .unwrap();
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "ho\n");
}

// ---------------------------------------------------------------------------------------------
// xsub whose upstream left

#[test]
fn xsub_whose_upstream_left_does_not_hang_at_exit() {
    let ctx = ctx();
    let (xpub, ep) = bound(&ctx, zmq::XPUB);
    // The subscription sent by -m goes out after the upstream is gone (the delay is far longer
    // than the few steps below; if they ever took longer, it would simply be delivered).
    let mut p = Proc::spawn(&["xsub", "-n", "1", "-m", "\u{1}late", "--delay", "2s", &ep]);
    assert_eq!(recv(&xpub), vec![b"\x01".to_vec()]);
    send_text(&xpub, &["data"]);
    p.wait_stdout_contains(b"data\n", T);
    drop(xpub);
    let started = Instant::now();
    // The delay, then at most a second for subscriptions no one will take.
    p.expect_exit(0, T);
    assert!(started.elapsed() < T, "{}", p.dump());
    assert_eq!(p.stdout_text(), "data\n");
}

// ---------------------------------------------------------------------------------------------
// exit statuses: -t in the final delivery, a signal during it

#[test]
fn timeout_gives_3_on_the_connect_side_as_on_the_bind_side() {
    let dir = tempfile::tempdir().unwrap();
    for ep in [
        format!(">{}", ipc_in(dir.path(), "absent.sock")),
        format!("@{}", ipc_in(dir.path(), "nobody-connects.sock")),
    ] {
        let mut p = Proc::spawn(&["push", "-t", "500ms", &ep]);
        p.write_stdin(b"lost\n");
        p.close_stdin();
        p.expect_exit(3, T);
        assert_eq!(p.stderr().lines().count(), 1, "{}", p.dump());
    }
}

/// A push with three messages queued for an ipc peer that is not there yet, at its final
/// delivery (its `--stats` line is printed right before it).
fn push_in_final_delivery(dir: &Path) -> (Proc, String) {
    let ep = ipc_in(dir, "late.sock");
    let mut p = Proc::spawn(&["push", "--stats", "--reconnect-ivl", "20ms", &ep]);
    p.write_stdin(b"1\n2\n3\n");
    p.close_stdin();
    p.wait_stderr_contains("stats:", T);
    (p, ep)
}

#[test]
fn one_sigint_during_the_final_delivery_drains_within_the_grace() {
    let ctx = ctx();
    let dir = tempfile::tempdir().unwrap();
    let (mut p, ep) = push_in_final_delivery(dir.path());
    p.signal(libc::SIGINT);
    // The peer arrives after the signal: what was queued still reaches it.
    let pull = socket(&ctx, zmq::PULL);
    pull.bind(&ep).unwrap();
    for m in ["1", "2", "3"] {
        assert_eq!(recv(&pull), msg(&[m]), "{}", p.dump());
    }
    p.expect_exit(130, T);
    assert!(!p.stderr().contains("abandoned"), "{}", p.dump());
}

#[test]
fn sigint_during_the_final_delivery_abandons_after_the_grace_or_at_once_on_a_second() {
    let dir = tempfile::tempdir().unwrap();
    // Nobody comes: the grace runs out, and zmqcat says what it abandoned.
    let (mut p, _) = push_in_final_delivery(dir.path());
    p.signal(libc::SIGINT);
    p.expect_exit(130, T);
    assert!(p.stderr().contains("abandoned"), "{}", p.dump());
    // A second signal ends the process in its handler, without waiting for the grace.
    let dir = tempfile::tempdir().unwrap();
    let (mut p, _) = push_in_final_delivery(dir.path());
    p.signal(libc::SIGINT);
    p.wait_stderr_contains("a second signal abandons them", T);
    p.signal(libc::SIGINT);
    p.expect_exit(130, T);
    assert!(!p.stderr().contains("rest is abandoned"), "{}", p.dump());
}

// ---------------------------------------------------------------------------------------------
// examples/: a failing role fails the recipe, and no role outlives it

/// `sh examples/NAME` in a process group of its own, killed as a whole on drop.
struct Recipe {
    child: std::process::Child,
    out: tempfile::NamedTempFile,
}

impl Recipe {
    fn start(name: &str, tmp: &Path, vars: &[(&str, &str)]) -> Recipe {
        use std::os::unix::process::CommandExt as _;
        let out = tempfile::NamedTempFile::new().unwrap();
        let mut cmd = std::process::Command::new("sh");
        cmd.arg(format!("examples/{name}"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("ZMQCAT", bin())
            .env("TMPDIR", tmp)
            .stdin(std::process::Stdio::null())
            .stdout(out.reopen().unwrap())
            .stderr(out.reopen().unwrap())
            .process_group(0);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("starting sh");
        Recipe { child, out }
    }

    fn output(&self) -> String {
        std::fs::read_to_string(self.out.path()).unwrap_or_default()
    }

    /// The recipe's status, within `within`.
    fn status(&mut self, within: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "the recipe did not end within {within:?}\n{}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The processes left in the recipe's group, as ps shows them.
    fn members(&self) -> String {
        let out = std::process::Command::new("ps")
            .args(["-o", "pid,stat,args", "-g", &self.child.id().to_string()])
            .output();
        out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    /// Whether any process of the recipe's group is still there.
    fn group_alive(&self) -> bool {
        // SAFETY: signal 0 only checks whether the process group exists.
        unsafe { libc::kill(-(self.child.id() as i32), 0) == 0 }
    }
}

impl Drop for Recipe {
    fn drop(&mut self) {
        // SAFETY: the group was created for this recipe.
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

#[test]
fn examples_with_their_port_taken_fail_and_leave_no_process() {
    let ctx = ctx();
    for (name, var, others) in [
        ("hello-world.sh", "EP", &[][..]),
        ("weather.sh", "EP", &[][..]),
        ("broker.sh", "FRONTEND", &["BACKEND"][..]),
        ("pipeline.sh", "SINK", &["VENT"][..]),
        // Over tcp: libzmq binds udp in the background and reports no taken udp port (the
        // dish then times out, status 3).
        ("radio-dish.sh", "EP", &[][..]),
    ] {
        if name == "radio-dish.sh" && zmq::has("draft") != Some(true) {
            continue; // without the draft API it fails before any bind (topologies.rs)
        }
        let tmp = tempfile::tempdir().unwrap();
        // A REP takes the port: no role of the recipe can use it for anything.
        let (_taken, ep) = bound(&ctx, zmq::REP);
        let mut vars = vec![(var, ep.clone())];
        for o in others {
            vars.push((o, ipc_in(tmp.path(), o)));
        }
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut r = Recipe::start(name, tmp.path(), &vars);
        let status = r.status(Duration::from_secs(40));
        let out = r.output();
        assert!(!status.success(), "{name} exited 0 with {ep} taken\n{out}");
        assert!(out.contains("Address already in use"), "{name}\n{out}");
        // Bounded generously: under a loaded CI run one process of pipeline.sh was seen to
        // outlive the recipe by some seconds (it is named here if it happens again).
        let bound = Duration::from_secs(30);
        let deadline = Instant::now() + bound;
        while r.group_alive() {
            assert!(
                Instant::now() < deadline,
                "timed out after {bound:?}: every process of {name} to end; left:\n{}",
                r.members()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// README's tour, every command as written

/// The commands of README's "A short tour" block, without their comments.
fn tour_commands() -> Vec<String> {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("## A short tour")
        .expect("README has a tour section");
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with("    "))
        .take_while(|l| l.starts_with("    "))
        .map(|l| match l.find("  #") {
            Some(i) => l[..i].trim().to_string(),
            None => l.trim().to_string(),
        })
        .collect()
}

/// A tour command with `from` replaced by `to` (only ports and hosts are ever replaced).
fn substitute(cmd: &str, from: &str, to: &str) -> String {
    assert!(
        cmd.contains(from),
        "README's {cmd:?} no longer holds {from:?}"
    );
    cmd.replace(from, to)
}

/// Runs a tour command with `sh -c` in `cwd`, with the zmqcat under test first on PATH.
fn run_tour(cmd: &str, bindir: &Path, cwd: &Path) -> Proc {
    // A lone command replaces the shell, so that killing it on drop ends the zmqcat itself.
    let exec = if cmd.contains('|') { "" } else { "exec " };
    let script = format!("PATH=\"$1:$PATH\"; cd \"$2\" || exit 99; {exec}{cmd}");
    let (b, c) = (bindir.display().to_string(), cwd.display().to_string());
    Proc::spawn_program("sh", &["-c", &script, "sh", &b, &c])
}

/// The port of an announced tcp endpoint.
fn port_of(ep: &str) -> &str {
    ep.rsplit(':').next().unwrap()
}

#[test]
fn every_command_of_the_readme_tour_works_as_written() {
    let cmds = tour_commands();
    let find = |word: &str| -> &String {
        cmds.iter()
            .find(|c| c.contains(&format!("zmqcat {word} ")))
            .unwrap_or_else(|| panic!("no `zmqcat {word}` in the tour: {cmds:?}"))
    };
    let bindir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(bin(), bindir.path().join("zmqcat")).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let (b, c) = (bindir.path(), cwd.path());
    let tested = [
        tour_echo(find("rep"), find("req"), b, c),
        tour_push_pull(find("push"), find("pull"), b, c),
        tour_sub(find("sub"), b, c),
        tour_pub_envelopes(find("pub"), b, c),
        tour_router(find("router"), b, c),
    ];
    // Every line of the tour was run by one of the above.
    let run: Vec<&String> = tested.iter().flatten().collect();
    for cmd in &cmds {
        assert!(run.contains(&cmd), "README tour line not tested: {cmd:?}");
    }
}

fn tour_echo(rep: &str, req: &str, b: &Path, c: &Path) -> Vec<String> {
    // Bound on loopback with a free port rather than on every interface.
    let server = run_tour(&substitute(rep, " 5555", " 127.0.0.1:*"), b, c);
    let port = port_of(&server.wait_bound(T)).to_string();
    let mut client = run_tour(&substitute(req, " 5555", &format!(" {port}")), b, c);
    client.expect_exit(0, T);
    assert_eq!(client.stdout_text(), "Hello\n");
    assert_eq!(server.wait_stdout_lines(1, T), ["Hello"]);
    vec![rep.to_string(), req.to_string()]
}

fn tour_push_pull(push: &str, pull: &str, b: &Path, c: &Path) -> Vec<String> {
    let mut pusher = run_tour(push, b, c);
    let ep = pusher.wait_bound(T);
    let mut puller = run_tour(&substitute(pull, "tcp://127.0.0.1:40831", &ep), b, c);
    puller.expect_exit(0, T);
    pusher.expect_exit(0, T);
    let want: String = (1..=1000).map(|i| format!("{i}\n")).collect();
    let got = std::fs::read_to_string(c.join("out")).unwrap_or_default();
    assert!(
        got == want,
        "out holds {} bytes\n{}",
        got.len(),
        puller.dump()
    );
    vec![push.to_string(), pull.to_string()]
}

fn tour_sub(sub: &str, b: &Path, c: &Path) -> Vec<String> {
    let ctx = ctx();
    let (publisher, ep) = bound(&ctx, zmq::PUB);
    let mut subscriber = run_tour(&substitute(sub, "weather:5556", &ep[6..]), b, c);
    // Until the subscription has arrived, updates are dropped by PUB: publish until one shows.
    let deadline = Instant::now() + T;
    while !subscriber.stdout_text().contains("10001 ") {
        assert!(Instant::now() < deadline, "{}", subscriber.dump());
        send_text(&publisher, &["20000 other"]);
        send_text(&publisher, &["10001 60 40"]);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !subscriber.stdout_text().contains("20000"),
        "{}",
        subscriber.dump()
    );
    assert!(subscriber.try_wait().is_none(), "sub runs until stopped");
    vec![sub.to_string()]
}

fn tour_pub_envelopes(publish: &str, b: &Path, c: &Path) -> Vec<String> {
    let ctx = ctx();
    let mut publisher = run_tour(&substitute(publish, " 5563", " 127.0.0.1:*"), b, c);
    let ep = publisher.wait_bound(T);
    let sub = socket(&ctx, zmq::SUB);
    sub.set_subscribe(b"B").unwrap();
    sub.connect(&ep).unwrap();
    assert_eq!(recv(&sub), msg(&["B", "for you"]), "{}", publisher.dump());
    publisher.expect_exit(0, T);
    vec![publish.to_string()]
}

fn tour_router(router: &str, b: &Path, c: &Path) -> Vec<String> {
    let ctx = ctx();
    let mut r = run_tour(&substitute(router, " 5555", " 127.0.0.1:*"), b, c);
    let ep = r.wait_bound(T);
    let dealer = socket(&ctx, zmq::DEALER);
    dealer.set_identity(b"cook").unwrap();
    dealer.connect(&ep).unwrap();
    send_text(&dealer, &["hi"]);
    r.wait_stdout_contains(b"cook\thi\n", T);
    r.write_stdin(b"cook\tback\tat you\n");
    assert_eq!(recv(&dealer), msg(&["back", "at you"]));
    vec![router.to_string()]
}

// ---------------------------------------------------------------------------------------------
// -q and the port of a wildcard bind

#[test]
fn quiet_still_names_the_port_a_wildcard_bind_got_and_nothing_else() {
    let ctx = ctx();
    let mut p = Proc::spawn(&["pull", "-q", "-n", "1", "@tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    let push = connected(&ctx, zmq::PUSH, &ep);
    send_text(&push, &["one"]);
    p.expect_exit(0, T);
    assert_eq!(p.stdout_text(), "one\n");
    assert_eq!(p.stderr(), format!("zmqcat: bound {ep}\n"), "{}", p.dump());
}
