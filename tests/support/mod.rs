//! Test harness: zmqcat child processes with captured output, and zmq-crate peers.
//!
//! Rules every test follows:
//! - no fixed TCP port: bind `tcp://127.0.0.1:*` and read the announced endpoint, or use ipc://
//!   paths in a `TempDir`;
//! - no sleeping for synchronisation: every wait is for an observable event (a stderr line, a
//!   stdout line, a received message, an exit), bounded by a deadline;
//! - every child is killed and reaped on drop, and when a test fails its children's stdout and
//!   stderr are printed (see [`Proc`]'s `Drop`).

mod skip;

pub use skip::{skip, Need};

use std::cell::Cell;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The default bound of every wait: far above what any step needs, even on a loaded machine.
pub const T: Duration = Duration::from_secs(10);

/// The zmqcat binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_zmqcat")
}

#[derive(Default)]
struct State {
    stdout: Vec<u8>,
    stderr: String,
    stdout_eof: bool,
    stderr_eof: bool,
}

/// State that reader threads fill in, with a condition variable they signal after each change:
/// the one way tests wait for what a child process says.
#[derive(Default)]
pub struct Watched<S> {
    state: Mutex<S>,
    cv: Condvar,
}

/// Why [`Watched::wait_until`] gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmet {
    TimedOut,
    /// The state can no longer change (the pipes it is read from have ended).
    Ended,
}

impl<S> Watched<S> {
    pub fn new(state: S) -> Watched<S> {
        Watched {
            state: Mutex::new(state),
            cv: Condvar::new(),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, S> {
        // A panicking reader thread must not hide the output of the others.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wakes every waiter: call after changing the state.
    pub fn notify(&self) {
        self.cv.notify_all();
    }

    /// Sleeps until the next [`Watched::notify`] (for a reader thread that is held back).
    pub fn wait<'g>(&self, guard: MutexGuard<'g, S>) -> MutexGuard<'g, S> {
        self.cv.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until `found` gives `Some`, within `timeout`; gives up early once `ended` says the
    /// state cannot change any more.
    pub fn wait_until<R>(
        &self,
        timeout: Duration,
        mut found: impl FnMut(&S) -> Option<R>,
        mut ended: impl FnMut(&S) -> bool,
    ) -> Result<R, Unmet> {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        loop {
            if let Some(r) = found(&state) {
                return Ok(r);
            }
            if ended(&state) {
                return Err(Unmet::Ended);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Unmet::TimedOut);
            }
            state = self
                .cv
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

type Shared = Watched<State>;

/// Calls `attempt` every `pace` until it says it is done; panics after `timeout`. For what can
/// only be retried (a subscription that may not have arrived, a port that may not be free yet),
/// never to wait out time.
pub fn repeat_until(
    what: &str,
    timeout: Duration,
    pace: Duration,
    mut attempt: impl FnMut() -> bool,
) {
    let deadline = Instant::now() + timeout;
    while !attempt() {
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?}: {what}"
        );
        thread::sleep(pace);
    }
}

/// A running zmqcat with piped stdin, stdout and stderr, read by background threads.
///
/// On drop the child is killed (SIGKILL) and reaped; if the test is failing (panicking), its
/// command line, stdout and stderr are printed first, so every failure shows what zmqcat said.
pub struct Proc {
    child: Child,
    args: Vec<String>,
    stdin: Option<ChildStdin>,
    shared: Arc<Shared>,
    readers: Vec<JoinHandle<()>>,
    stdin_writer: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    /// The dump was already put into a panic message.
    dumped: Cell<bool>,
}

impl Proc {
    /// Starts `zmqcat ARGS…`, collecting stdout and stderr.
    pub fn spawn(args: &[&str]) -> Proc {
        let (mut p, stdout) = Proc::start(args);
        let shared = Arc::clone(&p.shared);
        p.readers
            .push(thread::spawn(move || read_stdout(stdout, shared)));
        p
    }

    /// Starts `zmqcat ARGS…` with `input` on its stdin, then closes stdin: the usual start of
    /// a sender.
    pub fn feeding(args: &[&str], input: &[u8]) -> Proc {
        let mut p = Proc::spawn(args);
        p.write_stdin(input);
        p.close_stdin();
        p
    }

    /// Starts `zmqcat ARGS…` but hands its stdout pipe to the caller (stderr is still
    /// collected): for tests about the reader of stdout going away.
    pub fn spawn_with_stdout(args: &[&str]) -> (Proc, ChildStdout) {
        let (p, stdout) = Proc::start(args);
        // Nobody collects stdout here: mark it over so that waits for the exit do not wait on it.
        p.shared.lock().stdout_eof = true;
        (p, stdout)
    }

    /// Starts `zmqcat ARGS…` reading `stdin` (e.g. another child's stdout, for a real shell-like
    /// pipe between two zmqcat processes), collecting stdout and stderr.
    pub fn spawn_with_stdin(args: &[&str], stdin: Stdio) -> Proc {
        let (mut p, stdout) = Proc::start_with(args, stdin);
        let shared = Arc::clone(&p.shared);
        p.readers
            .push(thread::spawn(move || read_stdout(stdout, shared)));
        p
    }

    /// Starts another program (a peer in another binding, e.g. python3 with pyzmq) under the
    /// same guard: output collected, killed on drop.
    pub fn spawn_program(program: &str, args: &[&str]) -> Proc {
        Proc::spawn_program_with_env(program, args, &[])
    }

    /// Starts `zmqcat ARGS…` with the variables `env` set, collecting stdout and stderr.
    pub fn spawn_with_env(args: &[&str], env: &[(&str, &str)]) -> Proc {
        Proc::spawn_program_with_env(bin(), args, env)
    }

    /// [`Proc::spawn_program`] with the variables `env` set.
    pub fn spawn_program_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Proc {
        let (mut p, stdout) = Proc::start_program(program, args, Stdio::piped(), env);
        let shared = Arc::clone(&p.shared);
        p.readers
            .push(thread::spawn(move || read_stdout(stdout, shared)));
        p
    }

    fn start(args: &[&str]) -> (Proc, ChildStdout) {
        Proc::start_with(args, Stdio::piped())
    }

    fn start_with(args: &[&str], stdin: Stdio) -> (Proc, ChildStdout) {
        Proc::start_program(bin(), args, stdin, &[])
    }

    fn start_program(
        program: &str,
        args: &[&str],
        stdin: Stdio,
        env: &[(&str, &str)],
    ) -> (Proc, ChildStdout) {
        let mut child = Command::new(program)
            .args(args)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env_remove("RUST_BACKTRACE")
            .envs(env.iter().copied())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} {args:?}: {e}"));
        let shared = Arc::new(Shared::default());
        let stderr = child.stderr.take().expect("stderr is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let stdin = child.stdin.take();
        let reader = {
            let shared = Arc::clone(&shared);
            thread::spawn(move || read_stderr(stderr, shared))
        };
        let p = Proc {
            child,
            args: args.iter().map(|s| s.to_string()).collect(),
            stdin,
            shared,
            readers: vec![reader],
            stdin_writer: None,
            status: None,
            dumped: Cell::new(false),
        };
        (p, stdout)
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Writes `bytes` to the child's stdin (blocking while the pipe is full).
    pub fn write_stdin(&mut self, bytes: &[u8]) {
        let result = match self.stdin.as_mut() {
            Some(stdin) => stdin.write_all(bytes).and_then(|()| stdin.flush()),
            None => panic!("stdin already closed\n{}", self.dump()),
        };
        if let Err(e) = result {
            panic!("writing to stdin: {e}\n{}", self.dump());
        }
    }

    /// Takes the child's stdin, for a test that writes it from a thread of its own and keeps it
    /// open for as long as it likes.
    pub fn take_stdin(&mut self) -> ChildStdin {
        match self.stdin.take() {
            Some(stdin) => stdin,
            None => panic!("stdin already taken or closed\n{}", self.dump()),
        }
    }

    /// Closes the child's stdin: end of input.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Writes `bytes` to stdin from a background thread, then closes stdin: for inputs larger
    /// than a pipe buffer, which the child consumes while the test does other things.
    pub fn feed_stdin_and_close(&mut self, bytes: Vec<u8>) {
        let mut stdin = self.stdin.take().expect("stdin already closed");
        self.stdin_writer = Some(thread::spawn(move || {
            // An early exit of the child shows up as a wrong output or status, with a dump.
            let _ = stdin.write_all(&bytes);
        }));
    }

    /// Sends a signal to the child.
    pub fn signal(&self, sig: i32) {
        // SAFETY: kill(2) with the pid of our own child, which is not reaped before drop.
        let rc = unsafe { libc::kill(self.pid(), sig) };
        assert_eq!(rc, 0, "kill({}, {sig}) failed", self.pid());
    }

    /// Waits for `found` to return `Some` on the captured state, or panics with `what` and a
    /// dump after `timeout` or once the child can say nothing more.
    fn wait_for<R>(
        &self,
        timeout: Duration,
        what: &str,
        mut found: impl FnMut(&State) -> Option<R>,
    ) -> R {
        let result = self
            .shared
            .wait_until(timeout, &mut found, |s| s.stdout_eof && s.stderr_eof);
        match result {
            Ok(r) => r,
            Err(Unmet::Ended) => panic!("zmqcat ended its output before {what}\n{}", self.dump()),
            Err(Unmet::TimedOut) => panic!(
                "timed out after {timeout:?} waiting for {what}\n{}",
                self.dump()
            ),
        }
    }

    /// Waits for `zmqcat: bound ENDPOINT` on stderr and returns ENDPOINT.
    pub fn wait_bound(&self, timeout: Duration) -> String {
        self.wait_for(timeout, "a `zmqcat: bound` line on stderr", |s| {
            s.stderr
                .lines()
                .find_map(|l| l.strip_prefix("zmqcat: bound "))
                .map(|ep| ep.trim().to_string())
        })
    }

    /// Waits for `n` `zmqcat: bound ENDPOINT` lines on stderr and returns the endpoints, in
    /// order (a command with several sockets announces each).
    pub fn wait_bound_all(&self, n: usize, timeout: Duration) -> Vec<String> {
        self.wait_for(
            timeout,
            &format!("{n} `zmqcat: bound` lines on stderr"),
            |s| {
                let eps: Vec<String> = s
                    .stderr
                    .lines()
                    .filter_map(|l| l.strip_prefix("zmqcat: bound "))
                    .map(|ep| ep.trim().to_string())
                    .collect();
                (eps.len() >= n).then_some(eps)
            },
        )
    }

    /// Waits until `needle` occurs at least `n` times on stderr; returns the moment it was seen.
    pub fn wait_stderr_count(&self, needle: &str, n: usize, timeout: Duration) -> Instant {
        let what = format!("{n} × {needle:?} on stderr");
        self.wait_for(timeout, &what, |s| {
            (s.stderr.matches(needle).count() >= n).then(Instant::now)
        })
    }

    /// Waits until stderr contains `needle`.
    pub fn wait_stderr_contains(&self, needle: &str, timeout: Duration) {
        self.wait_for(timeout, &format!("{needle:?} on stderr"), |s| {
            s.stderr.contains(needle).then_some(())
        })
    }

    /// Waits until stdout contains `needle`.
    pub fn wait_stdout_contains(&self, needle: &[u8], timeout: Duration) {
        let what = format!("{:?} on stdout", String::from_utf8_lossy(needle));
        self.wait_for(timeout, &what, |s| {
            s.stdout
                .windows(needle.len().max(1))
                .any(|w| w == needle)
                .then_some(())
        })
    }

    /// Waits until stdout holds at least `n` whole lines and returns all whole lines so far
    /// (lossily decoded, without their newline).
    pub fn wait_stdout_lines(&self, n: usize, timeout: Duration) -> Vec<String> {
        self.wait_for(timeout, &format!("{n} lines on stdout"), |s| {
            let lines = whole_lines(&s.stdout);
            (lines.len() >= n).then_some(lines)
        })
    }

    /// Number of whole lines on stdout so far.
    pub fn stdout_line_count(&self) -> usize {
        self.shared
            .lock()
            .stdout
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }

    /// The exit status if the child has ended, without waiting.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("try_wait");
        }
        self.status
    }

    /// Waits for the child to exit and for its output to be collected; panics with a dump
    /// after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        // The pipes reach EOF when the child exits (nothing else holds their write ends).
        let closed = self.shared.wait_until(
            timeout,
            |s| (s.stdout_eof && s.stderr_eof).then_some(()),
            |_| false,
        );
        if closed.is_err() {
            panic!(
                "timed out after {timeout:?} waiting for zmqcat to exit\n{}",
                self.dump()
            );
        }
        // Output is closed, so the process is exiting; reaping it takes a moment at most.
        loop {
            if let Some(status) = self.try_wait() {
                for r in self.readers.drain(..) {
                    let _ = r.join();
                }
                return status;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for zmqcat to exit\n{}",
                    self.dump()
                );
            }
            // Bounded polling for the reap only: the exit itself was observed above.
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits for the exit and asserts its status code, with a dump on mismatch.
    pub fn expect_exit(&mut self, code: i32, timeout: Duration) {
        let status = self.wait_exit(timeout);
        assert_eq!(
            status.code(),
            Some(code),
            "unexpected exit status {status}\n{}",
            self.dump()
        );
    }

    /// Everything captured on stdout so far.
    pub fn stdout(&self) -> Vec<u8> {
        self.shared.lock().stdout.clone()
    }

    /// Everything captured on stdout so far, lossily decoded.
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.shared.lock().stdout).into_owned()
    }

    /// Everything captured on stderr so far.
    pub fn stderr(&self) -> String {
        self.shared.lock().stderr.clone()
    }

    /// The command line, stdout and stderr, for failure messages.
    /// Called only to build a failure message (assertion messages are evaluated lazily).
    pub fn dump(&self) -> String {
        self.dumped.set(true);
        let state = self.shared.lock();
        let mut s = String::new();
        let _ = writeln!(s, "---- zmqcat {}", self.args.join(" "));
        let _ = writeln!(s, "---- stdout ({} bytes):", state.stdout.len());
        s.push_str(&abbreviate(&state.stdout));
        let _ = writeln!(s, "\n---- stderr:");
        s.push_str(&state.stderr);
        let _ = writeln!(s, "---- end");
        s
    }
}

/// Secrets (secret keys, passwords) that tests handed to zmqcat: see [`secret`].
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Registers `text` as a secret that no zmqcat process of the whole suite may print, on stdout
/// or stderr: every [`Proc`] checks its output against all of them when it is dropped.
pub fn secret(text: &str) -> String {
    SECRETS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(text.to_string());
    text.to_string()
}

impl Drop for Proc {
    fn drop(&mut self) {
        if thread::panicking() && !self.dumped.get() {
            eprintln!("{}", self.dump());
        }
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(w) = self.stdin_writer.take() {
            let _ = w.join();
        }
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        if !thread::panicking() {
            let leaked = {
                let state = self.shared.lock();
                let out = String::from_utf8_lossy(&state.stdout);
                let secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
                secrets
                    .iter()
                    .any(|s| out.contains(s.as_str()) || state.stderr.contains(s.as_str()))
            };
            assert!(
                !leaked,
                "a secret appeared in zmqcat's output\n{}",
                self.dump()
            );
        }
    }
}

fn read_stdout(mut stdout: ChildStdout, shared: Arc<Shared>) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = stdout.read(&mut buf).unwrap_or(0);
        let mut state = shared.lock();
        if n == 0 {
            state.stdout_eof = true;
            shared.notify();
            return;
        }
        state.stdout.extend_from_slice(&buf[..n]);
        shared.notify();
    }
}

fn read_stderr(stderr: std::process::ChildStderr, shared: Arc<Shared>) {
    let mut r = BufReader::new(stderr);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = r.read_until(b'\n', &mut line).unwrap_or(0);
        let mut state = shared.lock();
        if n == 0 {
            state.stderr_eof = true;
            shared.notify();
            return;
        }
        state.stderr.push_str(&String::from_utf8_lossy(&line));
        shared.notify();
    }
}

/// The whole lines of `bytes`, lossily decoded, without their newline.
pub fn whole_lines(bytes: &[u8]) -> Vec<String> {
    let mut parts: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // The last piece follows the last newline: an unfinished line, or nothing.
    parts.pop();
    parts
        .into_iter()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect()
}

/// Long outputs shown by their head and tail only.
fn abbreviate(bytes: &[u8]) -> String {
    const KEEP: usize = 2000;
    if bytes.len() <= 2 * KEEP {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    format!(
        "{}\n[… {} bytes …]\n{}",
        String::from_utf8_lossy(&bytes[..KEEP]),
        bytes.len() - 2 * KEEP,
        String::from_utf8_lossy(&bytes[bytes.len() - KEEP..])
    )
}

// ---------------------------------------------------------------------------------------------
// zmq-crate peers

/// A message as a list of frames.
pub type Msg = Vec<Vec<u8>>;

/// Builds a message from text frames.
pub fn msg(frames: &[&str]) -> Msg {
    frames.iter().map(|f| f.as_bytes().to_vec()).collect()
}

/// A socket of `kind` with linger 0 and send/receive timeouts of [`T`], so that no call on it
/// blocks without bound.
pub fn socket(ctx: &zmq::Context, kind: zmq::SocketType) -> zmq::Socket {
    let s = ctx.socket(kind).expect("creating a zmq socket");
    s.set_linger(0).unwrap();
    s.set_rcvtimeo(T.as_millis() as i32).unwrap();
    s.set_sndtimeo(T.as_millis() as i32).unwrap();
    s
}

/// Binds `sock` to a free port on the loopback interface and returns the endpoint.
pub fn bind_local(sock: &zmq::Socket) -> String {
    sock.bind("tcp://127.0.0.1:*")
        .expect("binding tcp://127.0.0.1:*");
    sock.get_last_endpoint()
        .expect("get_last_endpoint")
        .expect("endpoint is UTF-8")
}

/// A socket of `kind` bound to a free loopback port, with its endpoint.
pub fn bound(ctx: &zmq::Context, kind: zmq::SocketType) -> (zmq::Socket, String) {
    let s = socket(ctx, kind);
    let ep = bind_local(&s);
    (s, ep)
}

/// A socket of `kind` connected to `ep`.
pub fn connected(ctx: &zmq::Context, kind: zmq::SocketType, ep: &str) -> zmq::Socket {
    let s = socket(ctx, kind);
    s.connect(ep)
        .unwrap_or_else(|e| panic!("connecting to {ep}: {e}"));
    s
}

/// Receives one message, waiting up to [`T`] (the socket's receive timeout).
pub fn recv(sock: &zmq::Socket) -> Msg {
    sock.recv_multipart(0)
        .unwrap_or_else(|e| panic!("no message within {T:?}: {e}"))
}

/// Receives one message if one arrives within `within`.
pub fn recv_within(sock: &zmq::Socket, within: Duration) -> Option<Msg> {
    match sock.poll(zmq::POLLIN, within.as_millis() as i64) {
        Ok(n) if n > 0 => Some(recv(sock)),
        Ok(_) => None,
        Err(e) => panic!("polling a zmq socket: {e}"),
    }
}

/// Sends one message, waiting up to [`T`] (the socket's send timeout).
pub fn send(sock: &zmq::Socket, frames: &[&[u8]]) {
    sock.send_multipart(frames.iter().copied(), 0)
        .unwrap_or_else(|e| panic!("cannot send {frames:?} within {T:?}: {e}"));
}

/// Sends one message of text frames.
pub fn send_text(sock: &zmq::Socket, frames: &[&str]) {
    let frames: Vec<&[u8]> = frames.iter().map(|f| f.as_bytes()).collect();
    send(sock, &frames);
}

/// Asserts that stderr holds exactly one line, mentioning `needle`, and no panic.
pub fn assert_one_stderr_line(p: &Proc, needle: &str) {
    let err = p.stderr();
    assert_eq!(
        err.lines().count(),
        1,
        "expected one stderr line\n{}",
        p.dump()
    );
    assert!(
        err.contains(needle),
        "stderr does not name {needle:?}\n{}",
        p.dump()
    );
    assert!(!err.contains("panicked"), "zmqcat panicked\n{}", p.dump());
}
