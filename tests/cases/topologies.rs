//! The guide's topologies (docs TOPOLOGIES.md, sections 1–11), each built for real: the recipes
//! in `examples/` run under `sh` with ipc endpoints in a `TempDir`, the experiments people run on
//! them, and in every topology at least one role played by a Python program (pyzmq), so that
//! zmqcat is shown to interoperate with a second binding.
//!
//! The harness rules hold here too: no fixed TCP ports (ipc paths in a `TempDir`), every wait is
//! for an observable event and bounded, and every process is killed on drop — a recipe or a
//! Python peer runs in a process group of its own, killed as a whole.
//!
//! pyzmq: CI installs it, and there a missing pyzmq fails the tests (`CI=true`); elsewhere the
//! tests that need it say so on stderr and pass without running.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, OnceLock};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::{self, Proc, T};

/// How long a whole recipe may take, on a loaded machine (each one takes a few seconds).
const RECIPE: Duration = Duration::from_secs(40);

/// A pause between two steps of a loop that repeats until something happens (bounded by T).
const PACE: Duration = Duration::from_millis(20);

// ---------------------------------------------------------------------------------------------
// harness: process groups (recipes, Python peers)

#[derive(Default)]
struct Captured {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// How many of the two pipes reached end of file (every process holding them is gone).
    closed: u8,
}

type Shared = support::Watched<Captured>;

/// A command run in a process group of its own, with stdout and stderr collected. On drop the
/// whole group is killed (SIGKILL) and reaped; a failing test prints what it said first.
struct Group {
    what: String,
    pgid: i32,
    shared: Arc<Shared>,
    exited: mpsc::Receiver<ExitStatus>,
    status: Option<ExitStatus>,
    threads: Vec<JoinHandle<()>>,
}

impl Group {
    fn spawn(what: &str, mut cmd: Command) -> Group {
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let pgid = child.id() as i32;
        let shared = Arc::new(Shared::default());
        let mut threads = Vec::new();
        let stdout = child.stdout.take().expect("stdout is piped");
        let stderr = child.stderr.take().expect("stderr is piped");
        for (mut pipe, is_stdout) in [
            (Box::new(stdout) as Box<dyn Read + Send>, true),
            (Box::new(stderr), false),
        ] {
            let shared = Arc::clone(&shared);
            threads.push(thread::spawn(move || {
                let mut buf = vec![0u8; 16 * 1024];
                loop {
                    let n = pipe.read(&mut buf).unwrap_or(0);
                    let mut state = shared.lock();
                    if n == 0 {
                        state.closed += 1;
                        shared.notify();
                        return;
                    }
                    let out = if is_stdout {
                        &mut state.stdout
                    } else {
                        &mut state.stderr
                    };
                    out.extend_from_slice(&buf[..n]);
                    shared.notify();
                }
            }));
        }
        let (tx, exited) = mpsc::channel();
        threads.push(thread::spawn(move || {
            if let Ok(status) = child.wait() {
                let _ = tx.send(status);
            }
        }));
        Group {
            what: what.to_string(),
            pgid,
            shared,
            exited,
            status: None,
            threads,
        }
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.shared.lock().stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.shared.lock().stderr).into_owned()
    }

    /// What the group said, for failure messages.
    fn dump(&self) -> String {
        format!(
            "---- {}\n---- stdout:\n{}\n---- stderr:\n{}\n---- end",
            self.what,
            self.stdout(),
            self.stderr()
        )
    }

    /// Waits until `found` holds on the output so far; panics after `timeout`.
    fn wait_for(&self, what: &str, timeout: Duration, mut found: impl FnMut(&Captured) -> bool) {
        let result = self
            .shared
            .wait_until(timeout, |c| found(c).then_some(()), |c| c.closed == 2);
        let why = match result {
            Ok(()) => return,
            Err(support::Unmet::TimedOut) => format!("timed out after {timeout:?}"),
            Err(support::Unmet::Ended) => "output ended".to_string(),
        };
        panic!("{why} waiting for {what}\n{}", self.dump());
    }

    fn wait_stdout(&self, needle: &str, timeout: Duration) {
        self.wait_for(&format!("{needle:?} on stdout"), timeout, |c| {
            String::from_utf8_lossy(&c.stdout).contains(needle)
        });
    }

    fn wait_stderr_count(&self, needle: &str, n: usize, timeout: Duration) {
        self.wait_for(&format!("{n} × {needle:?} on stderr"), timeout, |c| {
            String::from_utf8_lossy(&c.stderr).matches(needle).count() >= n
        });
    }

    /// Waits for the leader to exit, then for every other process of the group to let go of
    /// the output (a recipe stops what it started); panics after `timeout`.
    fn finish(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = match self.status {
            Some(s) => s,
            None => match self.exited.recv_timeout(timeout) {
                Ok(s) => *self.status.insert(s),
                Err(_) => panic!(
                    "{} still running after {timeout:?}\n{}",
                    self.what,
                    self.dump()
                ),
            },
        };
        // Processes stopped by the recipe's cleanup take a moment to go.
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_secs(5));
        self.wait_for(
            "every process of the group to end (left running by the recipe?)",
            left,
            |c| c.closed == 2,
        );
        status
    }

    /// Waits for a successful end and returns stdout.
    fn success(&mut self, timeout: Duration) -> String {
        let status = self.finish(timeout);
        assert!(
            status.success(),
            "{} failed: {status}\n{}",
            self.what,
            self.dump()
        );
        self.stdout()
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        if thread::panicking() {
            eprintln!("{}", self.dump());
        }
        // SAFETY: kill(2) on the process group this Group created. Its id stays taken while any
        // member lives (and once none does, there is nothing left to kill).
        unsafe { libc::kill(-self.pgid, libc::SIGKILL) };
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// `sh examples/NAME` with the zmqcat under test and `vars`, in a clean environment (nothing
/// from the caller's shell leaks into the recipe's settings); TMPDIR is `dir`.
fn recipe(name: &str, dir: &TempDir, vars: &[(&str, &str)]) -> Group {
    let mut cmd = Command::new("sh");
    cmd.arg(format!("examples/{name}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TMPDIR", dir.path())
        .env("ZMQCAT", support::bin());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let vars: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
    Group::spawn(&format!("{} sh examples/{name}", vars.join(" ")), cmd)
}

/// `sh -c SCRIPT` with `$Z` the zmqcat under test: for roles that are shell pipelines.
fn shell(script: &str, vars: &[(&str, &str)]) -> Group {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(script).env("Z", support::bin());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    Group::spawn(&format!("sh -c {script:?}"), cmd)
}

/// A free ipc endpoint in `dir`.
fn ipc(dir: &TempDir, name: &str) -> String {
    format!("ipc://{}/{name}", dir.path().display())
}

// ---------------------------------------------------------------------------------------------
// harness: Python peers

/// Whether pyzmq can be imported. Without it, the test is skipped (see `support::skip`), except
/// where pyzmq is expected (`ZMQCAT_EXPECT_PYZMQ=1`, or `CI=true`): there its absence fails.
fn pyzmq() -> bool {
    static HAVE: OnceLock<bool> = OnceLock::new();
    let have = *HAVE.get_or_init(|| {
        Command::new("python3")
            .args(["-c", "import zmq"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    if !have {
        support::skip(
            support::Need::Pyzmq,
            "pyzmq is not installed (`python3 -c 'import zmq'` fails)",
        );
    }
    have
}

/// The start of every Python peer: `sock(kind)` makes a socket whose every wait is bounded.
macro_rules! py {
    ($body:literal) => {
        concat!(
            "import json, random, sys, time, zmq\n",
            "ctx = zmq.Context()\n",
            "def sock(kind):\n",
            "    s = ctx.socket(kind)\n",
            "    s.linger = 2000\n",
            "    s.rcvtimeo = 10000\n",
            "    s.sndtimeo = 10000\n",
            "    return s\n",
            $body
        )
    };
}

/// `python3 -u -c CODE ARGS…` in a process group of its own.
fn python(code: &str, args: &[&str]) -> Group {
    let mut cmd = Command::new("python3");
    cmd.arg("-u").arg("-c").arg(code).args(args);
    Group::spawn(&format!("python3 -c … {}", args.join(" ")), cmd)
}

/// Calls `attempt` every [`PACE`] until it says it is done; panics after [`T`].
fn repeat_until(what: &str, attempt: impl FnMut() -> bool) {
    support::repeat_until(what, T, PACE, attempt);
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// The lines of `text` that start with `prefix`, without it.
fn after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|l| l.strip_prefix(prefix))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Hello World — REQ/REP

#[test]
fn hello_world_recipe() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "hello");
    let mut g = recipe("hello-world.sh", &dir, &[("EP", &ep)]);
    let out = g.success(RECIPE);
    assert_eq!(
        after(&out, "client got: "),
        vec!["World"; 10],
        "{}",
        g.dump()
    );
    assert_eq!(
        after(&out, "server got: "),
        vec!["Hello"; 10],
        "{}",
        g.dump()
    );
}

/// The client starts first (it is seen retrying its connection), then a pyzmq REP server binds:
/// every request is answered.
#[test]
fn req_started_before_a_pyzmq_rep_server_gets_its_replies() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "hello");
    let mut client = Proc::spawn(&["req", "-v", "-m", "Hello", "-n", "3", "-t", "10s", &ep]);
    client.wait_stderr_contains("retrying", T);
    let mut server = python(
        py!(r#"
rep = sock(zmq.REP)
rep.bind(sys.argv[1])
for _ in range(3):
    print("server got", rep.recv_multipart())
    rep.send(b"World")
"#),
        &[&ep],
    );
    client.expect_exit(0, T);
    assert_eq!(client.stdout_text(), "World\nWorld\nWorld\n");
    let out = server.success(T);
    assert_eq!(lines(&out), vec!["server got [b'Hello']"; 3]);
}

// ---------------------------------------------------------------------------------------------
// 2. Weather updates — PUB/SUB

#[test]
fn weather_recipe_averages_the_temperature_of_10001() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "weather");
    let mut g = recipe("weather.sh", &dir, &[("EP", &ep), ("UPDATES", "5")]);
    let out = g.success(RECIPE);
    let updates = after(&out, "  ");
    assert_eq!(updates.len(), 5, "{}", g.dump());
    let mut total = 0;
    for u in &updates {
        let f: Vec<&str> = u.split(' ').collect();
        assert_eq!((f.len(), f[0]), (3, "10001"), "{}", g.dump());
        total += f[1].parse::<i64>().unwrap();
    }
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!(
            "Average temperature for zipcode 10001 was {}F (5 updates)",
            total / 5
        ),
        "{}",
        g.dump()
    );
}

/// The slow joiner: a publisher that sends before anyone subscribed sends into the void; with
/// `--wait-peers 1` the same publisher, started first, holds its message until the subscriber's
/// subscription arrives.
#[test]
fn slow_joiner_misses_the_first_message_and_wait_peers_cures_it() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "lost");
    let mut publisher = Proc::spawn(&["pub", "-m", "first", "-n", "1", &format!("@{ep}")]);
    publisher.expect_exit(0, T);
    let mut late = Proc::spawn(&["sub", "-n", "1", "-t", "300ms", &format!(">{ep}")]);
    late.expect_exit(3, T);
    assert_eq!(late.stdout_text(), "");

    let ep = ipc(&dir, "kept");
    let mut publisher = Proc::spawn(&[
        "pub",
        "-v",
        "--wait-peers",
        "1",
        "-m",
        "first",
        "-n",
        "1",
        "-t",
        "10s",
        &format!("@{ep}"),
    ]);
    publisher.wait_stderr_contains(&format!("bound {ep}"), T);
    let mut sub = Proc::spawn(&["sub", "-n", "1", "-t", "10s", &format!(">{ep}")]);
    sub.expect_exit(0, T);
    assert_eq!(sub.stdout_text(), "first\n");
    publisher.expect_exit(0, T);
}

#[test]
fn sub_reads_weather_from_a_pyzmq_publisher() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "weather");
    let _server = python(
        py!(r#"
pub = sock(zmq.PUB)
pub.bind(sys.argv[1])
end = time.time() + 30
while time.time() < end:
    for _ in range(50):
        zipcode = random.randrange(10000, 10100)
        pub.send_string("%05d %d %d" % (zipcode, random.randrange(-80, 135), random.randrange(10, 60)))
    time.sleep(0.01)
"#),
        &[&ep],
    );
    let mut sub = Proc::spawn(&["sub", "-s", "10001 ", "-n", "5", "-t", "10s", &ep]);
    sub.expect_exit(0, T);
    let out = sub.stdout_text();
    assert_eq!(out.lines().count(), 5, "{}", sub.dump());
    for l in out.lines() {
        let f: Vec<&str> = l.split(' ').collect();
        assert!(f.len() == 3 && f[0] == "10001", "{l:?}\n{}", sub.dump());
        assert!(
            f[1].parse::<i32>().is_ok() && f[2].parse::<i32>().is_ok(),
            "{l:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Divide and conquer — PUSH/PULL

/// The sink's summary, `sink: N results (worker 1: a, worker 2: b, …)`, as (N, [a, b, …]).
fn sink_summary(out: &str) -> Option<(usize, Vec<usize>)> {
    let line = out
        .lines()
        .find(|l| l.starts_with("sink: ") && l.contains("results ("))?;
    let (total, rest) = line.strip_prefix("sink: ")?.split_once(" results (")?;
    let per_worker = rest
        .strip_suffix(')')?
        .split(", ")
        .map(|w| w.rsplit_once(": ").and_then(|(_, n)| n.parse().ok()))
        .collect::<Option<Vec<usize>>>()?;
    Some((total.parse().ok()?, per_worker))
}

#[test]
fn pipeline_recipe_sink_gets_every_result_with_one_two_and_three_workers() {
    for workers in ["1", "2", "3"] {
        let dir = tempfile::tempdir().unwrap();
        let (vent, sink) = (ipc(&dir, "vent"), ipc(&dir, "sink"));
        let mut g = recipe(
            "pipeline.sh",
            &dir,
            &[
                ("VENT", &vent),
                ("SINK", &sink),
                ("WORKERS", workers),
                ("TASKS", "12"),
                ("MAX_MS", "20"),
            ],
        );
        let out = g.success(RECIPE);
        let (total, per_worker) =
            sink_summary(&out).unwrap_or_else(|| panic!("no sink summary\n{}", g.dump()));
        assert_eq!(total, 12, "{}", g.dump());
        assert_eq!(per_worker.len(), workers.parse::<usize>().unwrap());
        // --wait-peers: the ventilator waited for every worker, so none is left idle.
        assert!(per_worker.iter().all(|&n| n > 0), "{}", g.dump());
        assert_eq!(per_worker.iter().sum::<usize>(), 12, "{}", g.dump());
        assert!(out.contains("sink: total elapsed time: "), "{}", g.dump());
    }
}

/// A pyzmq worker next to a worker made of zmqcat and a shell loop: the sink gets every result,
/// from both.
#[test]
fn pipeline_with_a_pyzmq_worker_and_a_shell_worker() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (vent, sink_ep) = (ipc(&dir, "vent"), ipc(&dir, "sink"));
    let mut sink = Proc::spawn(&["pull", "-n", "20", "-t", "10s", &format!("@{sink_ep}")]);
    let mut ventilator = Proc::spawn(&[
        "push",
        "--wait-peers",
        "2",
        "-t",
        "10s",
        &format!("@{vent}"),
    ]);
    ventilator.feed_stdin_and_close("5\n".repeat(20).into_bytes());
    let _shell_worker = shell(
        r#""$Z" pull ">$VENT" | while read -r ms; do echo sh; done | "$Z" push ">$SINK""#,
        &[("VENT", &vent), ("SINK", &sink_ep)],
    );
    let _python_worker = python(
        py!(r#"
tasks = sock(zmq.PULL)
tasks.connect(sys.argv[1])
results = sock(zmq.PUSH)
results.connect(sys.argv[2])
while True:
    ms = int(tasks.recv_string())
    time.sleep(ms / 1000)
    results.send_string("py")
"#),
        &[&vent, &sink_ep],
    );
    ventilator.expect_exit(0, T);
    sink.expect_exit(0, T);
    let out = sink.stdout_text();
    let count = |who: &str| out.lines().filter(|l| *l == who).count();
    let (sh, py) = (count("sh"), count("py"));
    assert_eq!(sh + py, 20, "{}", sink.dump());
    assert!(sh > 0 && py > 0, "a worker got nothing\n{}", sink.dump());
}

// ---------------------------------------------------------------------------------------------
// 4. Request-reply broker — ROUTER/DEALER

/// How many replies each worker sent, from `… World from worker N` lines.
fn replies_per_worker(out: &str, workers: usize) -> Vec<usize> {
    (1..=workers)
        .map(|w| {
            let tail = format!("World from worker {w}");
            out.lines().filter(|l| l.ends_with(&tail)).count()
        })
        .collect()
}

#[test]
fn broker_recipe_spreads_the_requests_over_both_workers() {
    let dir = tempfile::tempdir().unwrap();
    let (front, back) = (ipc(&dir, "front"), ipc(&dir, "back"));
    let mut g = recipe(
        "broker.sh",
        &dir,
        &[("FRONTEND", &front), ("BACKEND", &back), ("WORK", "0.02")],
    );
    let out = g.success(RECIPE);
    assert_eq!(after(&out, "client 1 got: World from worker ").len(), 10);
    assert_eq!(after(&out, "client 2 got: World from worker ").len(), 10);
    let per_worker = replies_per_worker(&out, 2);
    assert!(per_worker.iter().all(|&n| n > 0), "{}", g.dump());
    assert!(
        out.contains(&format!(
            "replies: 20 (worker 1: {}, worker 2: {})",
            per_worker[0], per_worker[1]
        )),
        "{}",
        g.dump()
    );
}

/// A pyzmq REQ client through `zmqcat proxy` to two zmqcat REP workers: every request is
/// answered, and both workers answer some.
#[test]
fn broker_serves_a_pyzmq_client_with_two_zmqcat_workers() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (front, back) = (ipc(&dir, "front"), ipc(&dir, "back"));
    let _broker = Proc::spawn(&[
        "proxy",
        &format!("router@{front}"),
        &format!("dealer@{back}"),
    ]);
    let workers: Vec<Proc> = (1..=2)
        .map(|w| {
            let reply = format!("World from worker {w}");
            let p = Proc::spawn(&["rep", "-v", "-m", &reply, &format!(">{back}")]);
            p.wait_stderr_contains("handshake", T);
            p
        })
        .collect();
    let mut client = python(
        py!(r#"
req = sock(zmq.REQ)
req.connect(sys.argv[1])
for i in range(10):
    req.send_string("Hello %d" % i)
    print(req.recv_string())
"#),
        &[&front],
    );
    let out = client.success(T);
    assert_eq!(out.lines().count(), 10, "{}", client.dump());
    let per_worker = replies_per_worker(&out, 2);
    assert_eq!(per_worker.iter().sum::<usize>(), 10, "{}", client.dump());
    assert!(per_worker.iter().all(|&n| n > 0), "{}", client.dump());
    drop(workers);
}

/// The broker dies (SIGKILL) with a request inside a worker, and a new broker is started on the
/// same endpoints: the client (Lazy Pirate, --retries) resends the lost request, and the same
/// client and worker processes go on working through the new broker, both workers included.
#[test]
fn broker_killed_and_restarted_clients_and_workers_resume() {
    let dir = tempfile::tempdir().unwrap();
    let (front, back) = (ipc(&dir, "front"), ipc(&dir, "back"));
    let broker_args = [
        "proxy".to_string(),
        "-v".to_string(),
        format!("router@{front}"),
        format!("dealer@{back}"),
    ];
    let broker_args: Vec<&str> = broker_args.iter().map(String::as_str).collect();
    let mut broker = Proc::spawn(&broker_args);
    // Two workers; each tells on stderr which request it got, and takes its time over "slow…".
    // --immediate: a worker's connection that breaks takes its queue along, so the reply to a
    // request that came through the dead broker is dropped. (Without it, libzmq keeps the queue
    // for the reconnection, and since every new ROUTER hands out the same generated routing ids
    // in the same order, the late reply could find its way back through the new broker.)
    let workers = shell(
        r#"for w in 1 2; do
    "$Z" rep -v --immediate --coproc '
        while read -r r; do
            echo "worker '$w' got $r" >&2
            case $r in slow*) sleep 0.5 ;; esac
            echo "World from worker '$w'"
        done' ">$BACK" &
done
wait"#,
        &[("BACK", &back)],
    );
    workers.wait_stderr_count("handshake with", 2, T);
    let mut client = Proc::spawn(&["req", "--retries", "5", "-t", "2s", &format!(">{front}")]);
    client.write_stdin(b"r1\n");
    client.wait_stdout_lines(1, T);

    // The request reaches a worker, which replies half a second later: into a dead broker.
    client.write_stdin(b"slow2\n");
    workers.wait_stderr_count("got slow2", 1, T);
    broker.signal(libc::SIGKILL);
    let _ = broker.wait_exit(T);
    let mut broker = Proc::spawn(&broker_args);
    broker.wait_stderr_contains(&format!("bound {back}"), T);

    // The client retries on a new socket; the resent request is answered.
    let got = client.wait_stdout_lines(2, T);
    assert!(
        got[1].starts_with("World from worker "),
        "{}",
        client.dump()
    );
    assert!(client.stderr().contains("retrying"), "{}", client.dump());
    assert!(workers.stderr().matches("got slow2").count() >= 2);

    // Both workers (never restarted) reconnected and take requests again.
    let before = workers.stderr().len();
    let mut sent = 2;
    repeat_until("both workers answering through the new broker", || {
        let err = workers.stderr();
        if err[before..].contains("worker 1 got r") && err[before..].contains("worker 2 got r") {
            return true;
        }
        sent += 1;
        client.write_stdin(format!("r{sent}\n").as_bytes());
        client.wait_stdout_lines(sent, T);
        false
    });
    client.close_stdin();
    client.expect_exit(0, T);
    broker.signal(libc::SIGTERM);
    broker.expect_exit(143, T);
}

// ---------------------------------------------------------------------------------------------
// 5. Multithreaded server

#[test]
fn mtserver_recipe_serves_every_client() {
    let dir = tempfile::tempdir().unwrap();
    let (ep, workers_ep) = (ipc(&dir, "server"), ipc(&dir, "workers"));
    let mut g = recipe(
        "mtserver.sh",
        &dir,
        &[
            ("EP", &ep),
            ("WORKERS_EP", &workers_ep),
            ("WORKERS", "3"),
            ("CLIENTS", "3"),
            ("REQUESTS", "2"),
            ("WORK", "0.1"),
        ],
    );
    let out = g.success(RECIPE);
    for c in 1..=3 {
        let got = after(&out, &format!("client {c} got: World from worker "));
        assert_eq!(got.len(), 2, "{}", g.dump());
    }
    let served = replies_per_worker(&out, 3);
    let workers = served.iter().filter(|&&n| n > 0).count();
    assert!(
        out.contains(&format!("6 replies from {workers} workers")),
        "{}",
        g.dump()
    );
    assert!(out.contains("elapsed: "), "{}", g.dump());
}

/// The server's workers: one zmqcat, one pyzmq; both take requests.
#[test]
fn mtserver_with_a_pyzmq_worker_next_to_a_zmqcat_worker() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (ep, workers_ep) = (ipc(&dir, "server"), ipc(&dir, "workers"));
    let _server = Proc::spawn(&[
        "proxy",
        &format!("router@{ep}"),
        &format!("dealer@{workers_ep}"),
    ]);
    let _zmqcat_worker =
        Proc::spawn(&["rep", "-m", "World from zmqcat", &format!(">{workers_ep}")]);
    let _python_worker = python(
        py!(r#"
rep = sock(zmq.REP)
rep.connect(sys.argv[1])
while True:
    rep.recv_multipart()
    rep.send(b"World from python")
"#),
        &[&workers_ep],
    );
    let mut client = Proc::spawn(&["req", "-t", "10s", &ep]);
    let mut sent = 0;
    repeat_until("replies from both workers", || {
        let out = client.stdout_text();
        if out.contains("World from zmqcat") && out.contains("World from python") {
            return true;
        }
        sent += 1;
        client.write_stdin(b"Hello\n");
        client.wait_stdout_lines(sent, T);
        false
    });
    client.close_stdin();
    client.expect_exit(0, T);
}

// ---------------------------------------------------------------------------------------------
// 6. Weather proxy — XSUB/XPUB

#[test]
fn wuproxy_recipe_gives_each_subscriber_its_own_city() {
    let dir = tempfile::tempdir().unwrap();
    let (front, back) = (ipc(&dir, "front"), ipc(&dir, "back"));
    let mut g = recipe(
        "wuproxy.sh",
        &dir,
        &[("FRONTEND", &front), ("BACKEND", &back), ("UPDATES", "3")],
    );
    let out = g.success(RECIPE);
    let ny = after(&out, "New York subscriber: ");
    let porto = after(&out, "Porto subscriber: ");
    assert_eq!((ny.len(), porto.len()), (3, 3), "{}", g.dump());
    assert!(ny.iter().all(|l| l.starts_with("10001 ")), "{}", g.dump());
    assert!(porto.iter().all(|l| l.starts_with("4000 ")), "{}", g.dump());
}

/// A pyzmq publisher connects to the proxy's XSUB side, a zmqcat subscriber to its XPUB side:
/// the subscription travels up through the proxy, the matching updates down.
#[test]
fn wuproxy_forwards_a_pyzmq_publisher_to_a_zmqcat_subscriber() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (front, back) = (ipc(&dir, "front"), ipc(&dir, "back"));
    let _proxy = Proc::spawn(&["proxy", &format!("xsub@{front}"), &format!("xpub@{back}")]);
    let _publisher = python(
        py!(r#"
pub = sock(zmq.PUB)
pub.connect(sys.argv[1])
end = time.time() + 30
while time.time() < end:
    pub.send_string("10002 20 30")
    pub.send_string("10001 21 31")
    time.sleep(0.01)
"#),
        &[&front],
    );
    let mut sub = Proc::spawn(&["sub", "-s", "10001 ", "-n", "3", "-t", "10s", &back]);
    sub.expect_exit(0, T);
    assert_eq!(sub.stdout_text(), "10001 21 31\n".repeat(3));
}

// ---------------------------------------------------------------------------------------------
// 7. Pub-sub envelopes

#[test]
fn psenv_recipe_subscriber_prints_only_topic_b() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "psenv");
    let mut g = recipe(
        "psenvpub.sh",
        &dir,
        &[("EP", &ep), ("INTERVAL", "5ms"), ("COUNT", "3")],
    );
    let out = g.success(RECIPE);
    assert_eq!(
        lines(&out),
        vec!["[B] We would like to see this"; 3],
        "{}",
        g.dump()
    );
}

/// zmqcat publishes `A<TAB>…` and `B<TAB>…` lines; a pyzmq SUB subscribed to B receives only
/// the B envelopes, as two frames.
#[test]
fn psenv_pyzmq_subscriber_receives_two_frame_b_envelopes() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "psenv");
    let mut publisher = Proc::spawn(&["pub", "--wait-peers", "1", "-t", "10s", &ep]);
    publisher.feed_stdin_and_close(
        "A\tWe don't want to see this\nB\tWe would like to see this\n"
            .repeat(3)
            .into_bytes(),
    );
    let mut subscriber = python(
        py!(r#"
sub = sock(zmq.SUB)
sub.setsockopt(zmq.SUBSCRIBE, b"B")
sub.connect(sys.argv[1])
for _ in range(3):
    print(sub.recv_multipart())
"#),
        &[&ep],
    );
    let out = subscriber.success(T);
    assert_eq!(lines(&out), vec!["[b'B', b'We would like to see this']"; 3]);
    publisher.expect_exit(0, T);
}

// ---------------------------------------------------------------------------------------------
// 8. Reading several sockets — zmq_poll

#[test]
fn mspoller_recipe_reads_tasks_and_weather_and_two_publishers() {
    let dir = tempfile::tempdir().unwrap();
    let (vent, weather, pt) = (ipc(&dir, "vent"), ipc(&dir, "us"), ipc(&dir, "pt"));
    let mut g = recipe(
        "mspoller.sh",
        &dir,
        &[
            ("VENT", &vent),
            ("WEATHER", &weather),
            ("PT", &pt),
            ("TASKS", "3"),
            ("UPDATES", "3"),
        ],
    );
    let out = g.success(RECIPE);
    let (part1, part2) = out
        .split_once("2. one SUB socket, two publishers\n")
        .unwrap_or_else(|| panic!("no second part\n{}", g.dump()));
    assert_eq!(
        after(part1, "  tasks:   "),
        vec!["task 1", "task 2", "task 3"],
        "{}",
        g.dump()
    );
    let weather = after(part1, "  weather: ");
    assert!(weather.len() >= 3, "{}", g.dump());
    assert!(
        weather.iter().all(|l| l.starts_with("10001 ")),
        "{}",
        g.dump()
    );
    let updates = after(part2, "  ");
    assert!(
        updates
            .iter()
            .all(|l| l.starts_with("10001 ") || l.starts_with("4000 ")),
        "{}",
        g.dump()
    );
    let us = updates.iter().filter(|l| l.starts_with("10001 ")).count();
    let pt = updates.iter().filter(|l| l.starts_with("4000 ")).count();
    assert!(us >= 3 && pt >= 3, "{}", g.dump());
}

/// zmqcat poll reads a pyzmq PUSH (tasks) and a pyzmq PUB (weather) at once.
#[test]
fn poll_reads_a_pyzmq_push_and_a_pyzmq_pub() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (vent, weather) = (ipc(&dir, "vent"), ipc(&dir, "weather"));
    let _python = python(
        py!(r#"
tasks = sock(zmq.PUSH)
tasks.bind(sys.argv[1])
weather = sock(zmq.PUB)
weather.bind(sys.argv[2])
for i in range(1, 4):
    tasks.send_string("task %d" % i)
end = time.time() + 30
while time.time() < end:
    weather.send_string("10002 1 2")
    weather.send_string("10001 3 4")
    time.sleep(0.02)
"#),
        &[&vent, &weather],
    );
    let mut poll = Proc::spawn(&[
        "poll",
        &format!("tasks=pull>{vent}"),
        &format!("weather=sub>{weather}"),
        "-s",
        "10001 ",
        "-n",
        "6",
        "-t",
        "10s",
    ]);
    poll.expect_exit(0, T);
    let out = poll.stdout_text();
    let mut got = lines(&out);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "tasks\ttask 1",
            "tasks\ttask 2",
            "tasks\ttask 3",
            "weather\t10001 3 4",
            "weather\t10001 3 4",
            "weather\t10001 3 4"
        ],
        "{}",
        poll.dump()
    );
}

// ---------------------------------------------------------------------------------------------
// 9. Reliable request-reply — Lazy Pirate

#[test]
fn lazy_pirate_recipe_survives_a_stalling_server_then_gives_up() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "pirate");
    let mut g = recipe(
        "lazy-pirate.sh",
        &dir,
        &[("EP", &ep), ("TIMEOUT", "500ms"), ("STALL", "0.7")],
    );
    let out = g.success(RECIPE);
    let ok = after(&out, "client: server replied OK (");
    // Every reply matches its request, in order, stalled ones (3, 5) included.
    assert!(ok.len() >= 5, "{}", g.dump());
    for (i, r) in ok.iter().enumerate() {
        assert_eq!(*r, format!("{})", i + 1), "{}", g.dump());
    }
    assert!(out.contains("server: simulating a crash"), "{}", g.dump());
    assert_eq!(
        out.lines().rfind(|l| l.starts_with("client: ")),
        Some("client: server seems to be offline, abandoning (status 3)"),
        "{}",
        g.dump()
    );
    let err = g.stderr();
    assert!(
        err.contains("retrying on a new socket (1 of 3)"),
        "{}",
        g.dump()
    );
    assert!(err.contains("after 3 retries: giving up"), "{}", g.dump());
}

/// The server is a pyzmq ROUTER that ignores the first copy of every even request and stops
/// after six replies: zmqcat req resends what was ignored, then gives up (status 3) once the
/// server is gone.
#[test]
fn lazy_pirate_survives_a_pyzmq_router_that_drops_requests_and_gives_up_when_it_is_gone() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "pirate");
    let mut server = python(
        py!(r#"
router = sock(zmq.ROUTER)
router.bind(sys.argv[1])
print("ready")
seen = set()
answered = 0
while answered < 6:
    identity, empty, body = router.recv_multipart()
    if int(body) % 2 == 0 and body not in seen:
        seen.add(body)
        print("dropped", body.decode())
        continue
    router.send_multipart([identity, empty, b"reply " + body])
    answered += 1
"#),
        &[&ep],
    );
    // The client's timeout is short: the server must be there before the client starts.
    server.wait_stdout("ready\n", T);
    let mut client = Proc::spawn(&["req", "--retries", "2", "-t", "500ms", &ep]);
    client.feed_stdin_and_close(b"1\n2\n3\n4\n5\n6\n7\n".to_vec());
    client.expect_exit(3, T);
    let want: String = (1..=6).map(|i| format!("reply {i}\n")).collect();
    assert_eq!(client.stdout_text(), want, "{}", client.dump());
    let err = client.stderr();
    assert_eq!(
        err.matches("retrying on a new socket (1 of 2)").count(),
        4,
        "{}",
        client.dump()
    );
    assert!(
        err.contains("after 2 retries: giving up"),
        "{}",
        client.dump()
    );
    let out = server.success(T);
    assert_eq!(
        lines(&out),
        ["ready", "dropped 2", "dropped 4", "dropped 6"]
    );
}

// ---------------------------------------------------------------------------------------------
// 10. ROUTER addressing and identities

#[test]
fn identities_recipe_shows_req_and_dealer_envelopes() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "router");
    let mut g = recipe("identities.sh", &dir, &[("EP", &ep)]);
    let out = g.success(RECIPE);
    let seen = after(&out, "router got: ");
    assert_eq!(seen.len(), 4, "{}", g.dump());
    // A generated identity: 5 bytes, shown as hex.
    let generated = |l: &str, rest: &str| {
        l.strip_prefix("[0x")
            .and_then(|l| l.split_once(']'))
            .is_some_and(|(hex, tail)| {
                hex.len() == 10 && hex.bytes().all(|b| b.is_ascii_hexdigit()) && tail == rest
            })
    };
    assert!(
        generated(seen[0], "[][ROUTER uses a generated 5 byte identity]"),
        "REQ: [id, \"\", body]\n{}",
        g.dump()
    );
    assert_eq!(seen[1], "[PEER2][][ROUTER uses REQ's socket identity]");
    assert!(
        generated(seen[2], "[a DEALER sends no empty delimiter]"),
        "DEALER: [id, body]\n{}",
        g.dump()
    );
    assert_eq!(seen[3], "[cook][DEALER cook checking in]");
    for peer in ["REQ", "REQ PEER2", "DEALER", "DEALER cook"] {
        assert!(
            out.lines().any(|l| l == format!("{peer} got: ack")),
            "{peer}\n{}",
            g.dump()
        );
    }
}

/// pyzmq REQ and DEALER peers with identities: zmqcat router prints `[id, "", body]` for the REQ
/// and `[id, body]` for the DEALER, and routes the replies typed on its stdin back to each.
#[test]
fn router_shows_the_envelopes_of_pyzmq_req_and_dealer_and_routes_replies() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "router");
    let mut router = Proc::spawn(&["router", "-n", "2", "-t", "10s", &ep]);
    let mut peers = python(
        py!(r#"
req = sock(zmq.REQ)
req.setsockopt(zmq.IDENTITY, b"pyreq")
req.connect(sys.argv[1])
dealer = sock(zmq.DEALER)
dealer.setsockopt(zmq.IDENTITY, b"pydealer")
dealer.connect(sys.argv[1])
req.send(b"from REQ")
dealer.send(b"from DEALER")
print("REQ got", req.recv_multipart())
print("DEALER got", dealer.recv_multipart())
"#),
        &[&ep],
    );
    let mut seen = router.wait_stdout_lines(2, T);
    seen.sort_unstable();
    assert_eq!(seen, ["pydealer\tfrom DEALER", "pyreq\t\tfrom REQ"]);
    router.write_stdin(b"pyreq\t\tack for REQ\npydealer\tack for DEALER\n");
    router.close_stdin();
    router.expect_exit(0, T);
    let out = peers.success(T);
    assert_eq!(
        lines(&out),
        ["REQ got [b'ack for REQ']", "DEALER got [b'ack for DEALER']"]
    );
}

// ---------------------------------------------------------------------------------------------
// 11. The food truck

const FINISHED: [&str; 3] = [
    r#"customer got: {"item": "hotdog", "order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"}"#,
    r#"customer got: {"item": "burger", "order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"}"#,
    r#"customer got: {"item": "fries", "order": "ok", "ing": "ok", "cook": "ok", "prep": "ok"}"#,
];

fn food_truck(script: &str, endpoints: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let eps: Vec<(&str, String)> = endpoints.iter().map(|&v| (v, ipc(&dir, v))).collect();
    let vars: Vec<(&str, &str)> = eps.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut g = recipe(script, &dir, &vars);
    let out = g.success(RECIPE);
    let mut got = lines(&out);
    if script != "foodtruck-reqrep.sh" {
        // Only the REQ/REP design serves the orders strictly one after the other.
        got.sort_unstable();
    }
    let mut want = FINISHED.to_vec();
    if script != "foodtruck-reqrep.sh" {
        want.sort_unstable();
    }
    assert_eq!(got, want, "{}", g.dump());
}

#[test]
fn foodtruck_reqrep_recipe() {
    food_truck(
        "foodtruck-reqrep.sh",
        &["ORDER", "INGREDIENTS", "COOK", "PREPARE"],
    );
}

#[test]
fn foodtruck_pipeline_recipe() {
    food_truck(
        "foodtruck-pipeline.sh",
        &["ORDER", "INGREDIENTS", "COOK", "PREPARE", "DONE"],
    );
}

#[test]
fn foodtruck_pubsub_recipe() {
    food_truck("foodtruck-pubsub.sh", &["CHEF_IN", "CHEF_OUT"]);
}

#[test]
fn foodtruck_router_recipe() {
    food_truck("foodtruck-router.sh", &["EP"]);
}

/// The ROUTER/DEALER food truck with its cook played by a pyzmq DEALER called "cook".
#[test]
fn foodtruck_router_with_a_pyzmq_cook() {
    if !pyzmq() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "truck");
    let mut cook = python(
        py!(r#"
cook = sock(zmq.DEALER)
cook.setsockopt(zmq.IDENTITY, b"cook")
cook.connect(sys.argv[1])
for _ in range(3):
    order = json.loads(cook.recv())
    order["cook"] = "ok"
    cook.send(json.dumps(order).encode())
    print("cooked", order["item"])
"#),
        &[&ep],
    );
    let mut g = recipe(
        "foodtruck-router.sh",
        &dir,
        &[("EP", &ep), ("STAGES", "order ingredients prepare")],
    );
    let out = g.success(RECIPE);
    let mut got = lines(&out);
    got.sort_unstable();
    let mut want = FINISHED.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "{}", g.dump());
    let cooked = cook.success(T);
    assert_eq!(
        lines(&cooked),
        ["cooked hotdog", "cooked burger", "cooked fries"]
    );
}

// ---------------------------------------------------------------------------------------------
// Radio and dish (draft API). No pyzmq role here: pyzmq's wheels have no draft API; the
// zmq-crate draft peers are in draft.rs.

/// The dish prints COUNT messages, every one of a group it joined (weather, news), both of them
/// seen, sports never: over udp on 127.0.0.1, and over ipc. Without the draft API (the system
/// build) the recipe fails with the one line that says so.
#[test]
fn radio_dish_recipe_prints_only_the_groups_the_dish_joined() {
    let dir = tempfile::tempdir().unwrap();
    // libzmq cannot bind udp on a wildcard port: a port that was free a moment ago.
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    if zmq::has("draft") != Some(true) {
        let mut g = recipe("radio-dish.sh", &dir, &[("PORT", &port)]);
        let status = g.finish(RECIPE);
        assert!(!status.success(), "{}", g.dump());
        assert!(
            g.stderr().contains("needs libzmq's draft API"),
            "{}",
            g.dump()
        );
        return;
    }
    let ipc_ep = ipc(&dir, "radio");
    for vars in [
        &[("PORT", port.as_str()), ("COUNT", "8")][..],
        &[("EP", ipc_ep.as_str()), ("COUNT", "8")],
    ] {
        let mut g = recipe("radio-dish.sh", &dir, vars);
        let out = g.success(RECIPE);
        let got = after(&out, "dish got: ");
        assert_eq!(got.len(), 8, "{}", g.dump());
        for line in &got {
            let ok = match line.split_once('\t') {
                Some(("weather", body)) => body.strip_prefix("sunny ").is_some(),
                Some(("news", body)) => body.strip_prefix("headline ").is_some(),
                _ => false,
            };
            assert!(ok, "{line:?}\n{}", g.dump());
        }
        for group in ["weather\t", "news\t"] {
            assert!(got.iter().any(|l| l.starts_with(group)), "{}", g.dump());
        }
        assert!(!out.contains("sports"), "{}", g.dump());
    }
}
