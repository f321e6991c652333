//! Fault injection: what zmqcat delivers, loses and says when things go wrong around it.
//!
//! - bulk: a million lines push→pull over tcp and ipc, each side binding in turn, and into a
//!   throttled receiver written with the zmq crate (the ipc tail of libzmq #4660);
//! - a receiver killed with SIGKILL and restarted mid-stream, and a broker killed under Lazy
//!   Pirate clients;
//! - SIGINT and SIGTERM at every stage of a pipeline (source, middle `pull | push`, proxy, sink),
//!   a sender's grace at exit, and the second signal that ends everything at once;
//! - a consumer that stops reading (memory stays bounded), an endless input line, and, with
//!   `ZMQCAT_LONG=1`, a gigabyte at flat memory.
//!
//! Streams are numbered lines: a writer thread generates them into the sender's stdin
//! ([`Feeder`]) and a reader thread checks every line the receiver prints ([`Reader`], [`Tally`]),
//! so nothing is held whole in memory and every figure is exact. The figures each test measures
//! are printed on stderr (`cargo test --test integration faults -- --nocapture` shows them).
//!
//! The harness rules hold (tests/support/mod.rs): no fixed ports, every wait bounded and for
//! something observable, every child killed on drop. A few waits are for conditions no event
//! announces (a pipe filling up, an exit without output): those look every few milliseconds,
//! bounded by a deadline.

use std::io::{self, BufWriter, Read, Write};
use std::ops::RangeInclusive;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::process::ExitStatusExt;
use std::process::{ChildStdin, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::support::{self, Proc, T};

/// The bound on a bulk transfer (a million short lines take 2 s in a debug build).
const BULK_T: Duration = Duration::from_secs(120);

/// The pause between two looks at a condition that no event announces.
const LOOK: Duration = Duration::from_millis(5);

/// A free port on the loopback interface, announced by zmqcat.
const LOCAL: &str = "tcp://127.0.0.1:*";

/// Lines a mid-stream test lets through before it strikes.
const MIDSTREAM: u64 = 10_000;

/// A stream that does not end within any test: the feeder stops when its reader goes away.
const ENDLESS: u64 = u64::MAX / 2;

// ---------------------------------------------------------------------------------------------
// numbered lines

/// How line `n` of a stream looks.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// `seq`: the number in decimal.
    Seq,
    /// The number zero-padded to this many digits.
    Digits(usize),
    /// The number zero-padded to 10 digits, then `x` up to this many bytes.
    Filled(usize),
}

impl Form {
    /// Appends line `n`, without its newline.
    fn put(self, n: u64, out: &mut Vec<u8>) {
        let start = out.len();
        // Writing to a Vec cannot fail.
        let _ = match self {
            Form::Seq => write!(out, "{n}"),
            Form::Digits(w) => write!(out, "{n:0w$}"),
            Form::Filled(_) => write!(out, "{n:010}"),
        };
        if let Form::Filled(w) = self {
            out.resize(start + w.max(out.len() - start), b'x');
        }
    }

    /// The number a line says it is (not checked against the rest of the line).
    fn number(self, line: &[u8]) -> Option<u64> {
        let digits = match self {
            Form::Seq => line,
            Form::Digits(w) => line.get(..w)?,
            Form::Filled(_) => line.get(..10)?,
        };
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    }

    /// The bytes of one line with its newline (for the fixed-width forms).
    fn width(self) -> usize {
        match self {
            Form::Seq => 0,
            Form::Digits(w) => w + 1,
            Form::Filled(w) => w.max(10) + 1,
        }
    }
}

/// What a stream of numbered lines held, checked line by line.
#[derive(Debug, Clone, Default)]
struct Tally {
    lines: u64,
    /// Bytes of the whole lines, newlines included.
    bytes: u64,
    first: Option<u64>,
    last: Option<u64>,
    /// Numbers skipped between two lines, in all.
    missing: u64,
    /// The first few skipped ranges.
    gaps: Vec<(u64, u64)>,
    /// Lines whose number was not above the one before (duplicates, reordering).
    disorder: u64,
    /// Lines that are not a line of the stream (corrupted, truncated, glued together).
    malformed: u64,
    /// The first line that was out of order or malformed.
    bad: Option<String>,
    /// Bytes after the last newline when the stream ended.
    partial: usize,
    eof: bool,
}

impl Tally {
    /// Counts one line (without its newline) that should read `label` + a line of `form`.
    fn add(&mut self, form: Form, label: &[u8], line: &[u8], scratch: &mut Vec<u8>) {
        self.lines += 1;
        self.bytes += line.len() as u64 + 1;
        let n = line.strip_prefix(label).and_then(|rest| {
            let n = form.number(rest)?;
            scratch.clear();
            form.put(n, scratch);
            (scratch[..] == *rest).then_some(n)
        });
        let Some(n) = n else {
            self.malformed += 1;
            self.note_bad(line);
            return;
        };
        match self.last {
            None => self.first = Some(n),
            Some(last) if n <= last => {
                self.disorder += 1;
                self.note_bad(line);
                return;
            }
            Some(last) if n > last + 1 => {
                self.missing += n - last - 1;
                if self.gaps.len() < 8 {
                    self.gaps.push((last + 1, n - 1));
                }
            }
            Some(_) => {}
        }
        self.last = Some(n);
    }

    fn note_bad(&mut self, line: &[u8]) {
        if self.bad.is_none() {
            let shown = &line[..line.len().min(60)];
            self.bad = Some(String::from_utf8_lossy(shown).into_owned());
        }
    }

    /// Exactly the lines `from..=to`, each once, intact and in order.
    fn is_run(&self, from: u64, to: u64) -> bool {
        if to < from {
            return self.lines == 0 && self.malformed == 0;
        }
        self.missing == 0
            && self.disorder == 0
            && self.malformed == 0
            && self.lines == to - from + 1
            && self.first == Some(from)
            && self.last == Some(to)
    }
}

// ---------------------------------------------------------------------------------------------
// reading a child's stdout, writing its stdin

struct ReaderState {
    tally: Tally,
    /// Stop reading once this many lines were counted (until released).
    hold_at: Option<u64>,
}

type ReaderShared = support::Watched<ReaderState>;

/// Counts and checks, on a thread of its own, the numbered lines a child writes to a pipe.
/// Dropping it releases the thread, which reads on until the pipe's end.
struct Reader {
    what: String,
    shared: Arc<ReaderShared>,
    /// The pipe, for a look at how full it is (valid while the reader holds it: until EOF).
    fd: RawFd,
}

impl Reader {
    fn start(what: &str, pipe: impl Read + AsRawFd + Send + 'static, form: Form) -> Reader {
        Reader::spawn(what, pipe, form, b"", None)
    }

    /// A reader that stops reading after `at` lines, until [`Reader::release`]: a consumer
    /// that stops consuming.
    fn holding(
        what: &str,
        pipe: impl Read + AsRawFd + Send + 'static,
        form: Form,
        at: u64,
    ) -> Reader {
        Reader::spawn(what, pipe, form, b"", Some(at))
    }

    /// Lines that read `label` and then a line of `form`.
    fn labelled(
        what: &str,
        pipe: impl Read + AsRawFd + Send + 'static,
        form: Form,
        label: &'static [u8],
    ) -> Reader {
        Reader::spawn(what, pipe, form, label, None)
    }

    fn spawn(
        what: &str,
        pipe: impl Read + AsRawFd + Send + 'static,
        form: Form,
        label: &'static [u8],
        hold_at: Option<u64>,
    ) -> Reader {
        let fd = pipe.as_raw_fd();
        let shared = Arc::new(ReaderShared::new(ReaderState {
            tally: Tally::default(),
            hold_at,
        }));
        let s = Arc::clone(&shared);
        thread::spawn(move || read_lines(pipe, form, label, &s));
        Reader {
            what: what.to_string(),
            shared,
            fd,
        }
    }

    /// Waits until `done` holds; panics with the tally after `timeout` or at the end of the
    /// stream.
    fn wait(&self, what: &str, timeout: Duration, done: impl Fn(&Tally) -> bool) -> Tally {
        let result = self.shared.wait_until(
            timeout,
            |st| done(&st.tally).then(|| st.tally.clone()),
            |st| st.tally.eof,
        );
        let why = match result {
            Ok(tally) => return tally,
            Err(support::Unmet::Ended) => "the stream ended".to_string(),
            Err(support::Unmet::TimedOut) => format!("timed out after {timeout:?}"),
        };
        panic!(
            "{}: {why} waiting for {what}; so far {:?}",
            self.what,
            self.tally()
        );
    }

    /// Waits for at least `n` lines.
    fn lines(&self, n: u64, timeout: Duration) -> Tally {
        self.wait(&format!("{n} lines"), timeout, |t| t.lines >= n)
    }

    /// The tally so far.
    fn tally(&self) -> Tally {
        self.shared.lock().tally.clone()
    }

    /// Reads on after a [`Reader::holding`] stop.
    fn release(&self) {
        self.shared.lock().hold_at = None;
        self.shared.notify();
    }

    /// Reads to the end of the stream and returns the tally.
    fn finish(&self, timeout: Duration) -> Tally {
        self.release();
        self.wait("the end of the stream", timeout, |t| t.eof)
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.release();
    }
}

fn read_lines(mut pipe: impl Read, form: Form, label: &[u8], shared: &ReaderShared) {
    let mut buf = vec![0u8; 256 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    let mut scratch = Vec::new();
    loop {
        {
            let mut st = shared.lock();
            while st.hold_at.is_some_and(|h| st.tally.lines >= h) {
                st = shared.wait(st);
            }
        }
        let n = loop {
            match pipe.read(&mut buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // A read error ends the stream like EOF; the tally shows what came before.
                other => break other.unwrap_or(0),
            }
        };
        let mut st = shared.lock();
        if n == 0 {
            st.tally.partial = carry.len();
            st.tally.eof = true;
            shared.notify();
            return;
        }
        let mut chunk = &buf[..n];
        if !carry.is_empty() {
            match memchr::memchr(b'\n', chunk) {
                Some(i) => {
                    carry.extend_from_slice(&chunk[..i]);
                    st.tally.add(form, label, &carry, &mut scratch);
                    carry.clear();
                    chunk = &chunk[i + 1..];
                }
                None => {
                    carry.extend_from_slice(chunk);
                    chunk = &[];
                }
            }
        }
        while let Some(i) = memchr::memchr(b'\n', chunk) {
            st.tally.add(form, label, &chunk[..i], &mut scratch);
            chunk = &chunk[i + 1..];
        }
        carry.extend_from_slice(chunk);
        shared.notify();
    }
}

/// Writes into a child's stdin on a thread of its own, then closes it. Dropping it leaves the
/// thread to end by itself: the child's end (killed on drop) makes its next write fail.
struct Feeder {
    /// The pipe, for a look at how full it is (valid while the thread runs).
    fd: RawFd,
    /// Lines handed over so far.
    lines: Arc<AtomicU64>,
    /// Bytes handed over so far.
    bytes: Arc<AtomicU64>,
    handle: Option<JoinHandle<io::Result<()>>>,
}

/// What a feeder's body writes through, and its counters.
struct Feed<'a> {
    w: BufWriter<ChildStdin>,
    lines: &'a AtomicU64,
    bytes: &'a AtomicU64,
}

impl Feed<'_> {
    fn put(&mut self, data: &[u8], lines: u64) -> io::Result<()> {
        self.w.write_all(data)?;
        self.lines.fetch_add(lines, Ordering::Relaxed);
        self.bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        Ok(())
    }
}

impl Feeder {
    /// Lines `range` of `form`.
    fn lines(stdin: ChildStdin, form: Form, range: RangeInclusive<u64>) -> Feeder {
        Feeder::spawn(stdin, move |f| {
            let mut line = Vec::new();
            for n in range {
                line.clear();
                form.put(n, &mut line);
                line.push(b'\n');
                f.put(&line, 1)?;
            }
            Ok(())
        })
    }

    fn spawn(
        stdin: ChildStdin,
        body: impl FnOnce(&mut Feed<'_>) -> io::Result<()> + Send + 'static,
    ) -> Feeder {
        let fd = stdin.as_raw_fd();
        let lines = Arc::new(AtomicU64::new(0));
        let bytes = Arc::new(AtomicU64::new(0));
        let (l, b) = (Arc::clone(&lines), Arc::clone(&bytes));
        let handle = thread::spawn(move || {
            let mut feed = Feed {
                w: BufWriter::with_capacity(64 * 1024, stdin),
                lines: &l,
                bytes: &b,
            };
            body(&mut feed)?;
            feed.w.flush()
        });
        Feeder {
            fd,
            lines,
            bytes,
            handle: Some(handle),
        }
    }

    fn written_lines(&self) -> u64 {
        self.lines.load(Ordering::Relaxed)
    }

    fn written_bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    fn is_done(&self) -> bool {
        self.handle.as_ref().is_none_or(|h| h.is_finished())
    }

    /// Waits for the writer to end; its result (an error: the child stopped reading).
    fn finish(&mut self, timeout: Duration) -> io::Result<()> {
        wait_until("the stdin writer to end", timeout, || self.is_done());
        match self.handle.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => panic!("the stdin writer panicked"),
            None => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// looking at processes and pipes

/// Looks at `cond` every [`LOOK`] until it holds; panics after `timeout`.
fn wait_until(what: &str, timeout: Duration, cond: impl FnMut() -> bool) {
    support::repeat_until(what, timeout, LOOK, cond);
}

/// The exit status, if `p` ends within `within` (an absence that can only be waited out).
fn exits_within(p: &mut Proc, within: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = p.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(LOOK);
    }
}

/// Bytes waiting in a pipe (either end), and its capacity.
fn pipe_fill(fd: RawFd) -> (usize, usize) {
    let mut queued: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int through the pointer; F_GETPIPE_SZ takes no argument.
    // `fd` is a pipe end this process holds open.
    let (rc, capacity) = unsafe {
        (
            libc::ioctl(fd, libc::FIONREAD, &mut queued),
            libc::fcntl(fd, libc::F_GETPIPE_SZ),
        )
    };
    assert!(rc == 0 && capacity > 0, "fd {fd} is not a pipe");
    (queued as usize, capacity as usize)
}

/// Whether a pipe is full (within a page: the kernel fills it by pages).
fn pipe_full(fd: RawFd) -> bool {
    let (queued, capacity) = pipe_fill(fd);
    queued + 4096 >= capacity
}

/// Where a process's main thread sleeps in the kernel (`/proc/PID/wchan`): a function such
/// as `anon_pipe_write` or `poll_schedule_timeout`, `0` while it runs, empty once it is gone.
fn wchan(pid: i32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default()
}

/// Whether this kernel names where a process sleeps (else only pipe fills can be looked at):
/// asked of a thread of our own, blocked on a channel.
fn wchan_works() -> bool {
    static WORKS: OnceLock<bool> = OnceLock::new();
    *WORKS.get_or_init(|| {
        let (tid_tx, tid_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let sleeper = thread::spawn(move || {
            // SAFETY: gettid has no preconditions.
            let _ = tid_tx.send(unsafe { libc::gettid() });
            let _ = stop_rx.recv();
        });
        let tid = tid_rx.recv().expect("the sleeping thread says its id");
        let path = format!("/proc/self/task/{tid}/wchan");
        let deadline = Instant::now() + Duration::from_secs(1);
        let works = loop {
            let w = std::fs::read_to_string(&path).unwrap_or_default();
            if !w.is_empty() && w != "0" {
                break true;
            }
            if Instant::now() >= deadline {
                break false;
            }
            thread::sleep(LOOK);
        };
        drop(stop_tx);
        let _ = sleeper.join();
        works
    })
}

/// A zmqcat stuck on a pipe: sleeping in a write to it (its stdout, which nobody reads), or
/// not reading it (its stdin, full) while it sleeps in poll (waiting for room on its socket).
struct Stuck<'a> {
    what: &'a str,
    pid: i32,
    pipe: RawFd,
    /// The process writes the pipe (else it reads it).
    writes: bool,
}

impl Stuck<'_> {
    fn holds(&self) -> bool {
        let known = wchan_works();
        let sleeps_in = wchan(self.pid);
        if self.writes {
            // Without wchan, a pipe full by its bytes (it can be full by its slots before).
            if known {
                sleeps_in.contains("pipe_write")
            } else {
                pipe_full(self.pipe)
            }
        } else {
            pipe_full(self.pipe) && (!known || sleeps_in.contains("poll"))
        }
    }

    fn describe(&self) -> String {
        let (queued, capacity) = pipe_fill(self.pipe);
        format!(
            "{}: {queued} of {capacity} bytes in its pipe, sleeping in {:?}",
            self.what,
            wchan(self.pid).trim()
        )
    }
}

/// How long a stall must last before it counts.
const QUIET: Duration = Duration::from_millis(200);

/// Waits until every process is stuck on its pipe and `progress` (e.g. the bytes the sender
/// took from its input) has not moved for [`QUIET`]: the pipeline between them has stalled.
fn wait_stalled(stuck: &[Stuck<'_>], progress: impl Fn() -> u64, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    let mut since: Option<(Instant, u64)> = None;
    loop {
        let now = Instant::now();
        let at = progress();
        if stuck.iter().all(Stuck::holds) {
            match since {
                Some((t, p)) if p == at => {
                    if now.duration_since(t) >= QUIET {
                        return;
                    }
                }
                _ => since = Some((now, at)),
            }
        } else {
            since = None;
        }
        if now >= deadline {
            let states: Vec<String> = stuck.iter().map(Stuck::describe).collect();
            panic!(
                "timed out after {timeout:?} waiting for a stall: {}",
                states.join("; ")
            );
        }
        thread::sleep(LOOK);
    }
}

/// Waits until signal `sig` sent to `p` is no longer pending: delivered, its handler run.
fn wait_delivered(p: &Proc, sig: i32) {
    let bit = 1u64 << (sig - 1);
    let path = format!("/proc/{}/status", p.pid());
    wait_until(&format!("signal {sig} to be delivered"), T, || {
        let status = std::fs::read_to_string(&path).unwrap_or_default();
        status
            .lines()
            .filter_map(|l| l.strip_prefix("SigPnd:").or(l.strip_prefix("ShdPnd:")))
            .filter_map(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .all(|mask| mask & bit == 0)
    });
}

/// A process's resident memory in KiB (`None` once it is gone).
fn rss_kib(pid: i32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?;
    line.trim().strip_suffix("kB")?.trim().parse().ok()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Samples the resident memory of processes at a steady pace, on a thread of its own.
struct Sampler {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<Vec<Vec<u64>>>>,
}

impl Sampler {
    fn start(pids: &[i32], every: Duration) -> Sampler {
        let pids = pids.to_vec();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let handle = thread::spawn(move || {
            let mut samples = vec![Vec::new(); pids.len()];
            while !stopped.load(Ordering::SeqCst) {
                for (s, &pid) in samples.iter_mut().zip(&pids) {
                    s.extend(rss_kib(pid));
                }
                // The sampling period, not a synchronisation.
                thread::sleep(every);
            }
            samples
        });
        Sampler {
            stop,
            handle: Some(handle),
        }
    }

    /// Stops and returns the samples (KiB), one list per process.
    fn finish(mut self) -> Vec<Vec<u64>> {
        self.stop.store(true, Ordering::SeqCst);
        let handle = self.handle.take().expect("a sampler is finished once");
        handle.join().expect("the memory sampler panicked")
    }
}

impl Drop for Sampler {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// A count from zmqcat's `--stats` line on stderr: `sent` or `received` messages.
fn stat(p: &Proc, what: &str) -> u64 {
    let err = p.stderr();
    let found = err
        .lines()
        .find_map(|l| l.strip_prefix("zmqcat: stats: "))
        .and_then(|l| l.split(&format!("{what} ")).nth(1))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok());
    match found {
        Some(n) => n,
        None => panic!("no `{what}` count in a stats line\n{}", p.dump()),
    }
}

/// The exit status of death by signal `sig` as zmqcat reports it.
fn status_of(sig: i32) -> i32 {
    128 + sig
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGINT => "SIGINT",
        libc::SIGTERM => "SIGTERM",
        libc::SIGKILL => "SIGKILL",
        _ => "a signal",
    }
}

/// The endpoint to give peers: the announced one for a wildcard, else `bind_at` itself.
fn announced(p: &Proc, bind_at: &str) -> String {
    if bind_at.ends_with(":*") {
        p.wait_bound(T)
    } else {
        bind_at.to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transport {
    Tcp,
    Ipc,
}

impl Transport {
    /// Where to bind: a free tcp port, or a socket file in `dir`.
    fn bind_at(self, dir: &tempfile::TempDir, name: &str) -> String {
        match self {
            Transport::Tcp => LOCAL.to_string(),
            Transport::Ipc => format!("ipc://{}/{name}.sock", dir.path().display()),
        }
    }
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("creating a temporary directory")
}

// ---------------------------------------------------------------------------------------------
// 1. bulk: a million lines, the sender ending right after its last send

/// `zmqcat push` → `zmqcat pull -n N` with a million `seq` lines: every one arrives, in order.
fn bulk(transport: Transport, pull_binds: bool) {
    const N: u64 = 1_000_000;
    let dir = tempdir();
    let bind_at = transport.bind_at(&dir, "bulk");
    let count = N.to_string();
    let started = Instant::now();
    let (mut pull, out, mut push) = if pull_binds {
        let (pull, out) = Proc::spawn_with_stdout(&["pull", "-n", &count, "--bind", &bind_at]);
        let ep = announced(&pull, &bind_at);
        let push = Proc::spawn(&["push", "--connect", &ep]);
        (pull, out, push)
    } else {
        let push = Proc::spawn(&["push", "--bind", &bind_at]);
        let ep = announced(&push, &bind_at);
        let (pull, out) = Proc::spawn_with_stdout(&["pull", "-n", &count, "--connect", &ep]);
        (pull, out, push)
    };
    let reader = Reader::start("pull", out, Form::Seq);
    let mut feeder = Feeder::lines(push.take_stdin(), Form::Seq, 1..=N);
    push.expect_exit(0, BULK_T);
    let pushed = started.elapsed();
    // The sender is gone: whatever it did not deliver will never come.
    let t = reader.wait("every line, or the end", T, |t| t.lines >= N || t.eof);
    pull.expect_exit(0, T);
    let t = reader.finish(T).max_by_lines(t);
    feeder.finish(T).expect("writing the sender's stdin");
    assert!(
        t.is_run(1, N) && t.partial == 0,
        "{transport:?}, pull binds: {pull_binds}: not lines 1..={N}: {t:?}"
    );
    eprintln!(
        "bulk {transport:?} ({} binds): {N} lines, {} bytes: sender done after {:.2?}, all \
         received after {:.2?}",
        if pull_binds { "pull" } else { "push" },
        t.bytes,
        pushed,
        started.elapsed()
    );
}

impl Tally {
    /// The later of two tallies of one stream.
    fn max_by_lines(self, other: Tally) -> Tally {
        if other.lines > self.lines {
            other
        } else {
            self
        }
    }
}

#[test]
fn bulk_million_lines_tcp_pull_binds() {
    bulk(Transport::Tcp, true);
}

#[test]
fn bulk_million_lines_tcp_push_binds() {
    bulk(Transport::Tcp, false);
}

#[test]
fn bulk_million_lines_ipc_pull_binds() {
    bulk(Transport::Ipc, true);
}

#[test]
fn bulk_million_lines_ipc_push_binds() {
    bulk(Transport::Ipc, false);
}

/// zmqcat push into a zmq-crate PULL (RCVHWM 1000) that reads nothing until the sender has
/// handed over its last line and is on its way out (its `--stats` line, printed before the
/// exit wait, says so), then reads slowly at first: the receiver is at its high-water mark with
/// the rest in the kernel's buffers when the sender closes (libzmq #4660 loses that tail over
/// ipc unless the sender waits until its peer has read it). Every line must arrive, in three
/// rounds (before the fix, a round over ipc lost its last ~500 lines 8 times out of 10).
fn into_a_throttled_zmq_pull(transport: Transport) {
    // Twice the receiver's queue: what the two queues hold for sure (the kernel's share varies
    // with how the sender's writes fell into socket buffers), so the sender always gets to its
    // end with nothing read, and whatever the kernel took is the tail at stake.
    const N: u64 = 2000;
    const RCVHWM: i32 = 1000;
    const ROUNDS: usize = 3;
    let dir = tempdir();
    let ctx = zmq::Context::new();
    for round in 1..=ROUNDS {
        let pull = support::socket(&ctx, zmq::PULL);
        pull.set_rcvhwm(RCVHWM).expect("setting RCVHWM");
        let ep = match transport {
            Transport::Tcp => support::bind_local(&pull),
            Transport::Ipc => {
                let ep = transport.bind_at(&dir, &format!("throttled-{round}"));
                pull.bind(&ep).expect("binding the ipc endpoint");
                ep
            }
        };
        let started = Instant::now();
        let mut push = Proc::spawn(&["push", "--stats", "--connect", &ep]);
        let mut feeder = Feeder::lines(push.take_stdin(), Form::Seq, 1..=N);
        push.wait_stderr_contains("stats: sent", T);
        let handed_over = started.elapsed();
        assert_eq!(stat(&push, "sent"), N, "{}", push.dump());
        // Usually the sender is still waiting for its peer to read; on a loaded machine the
        // receiver's engine may already have taken every byte out of the kernel (6.9 kB), and
        // then the sender may go. Either way every line must arrive.
        let waited = push.try_wait().is_none();

        let mut tally = Tally::default();
        let mut scratch = Vec::new();
        let mut msg = zmq::Message::new();
        while tally.lines < N {
            // Slowly at first: a millisecond every hundred messages for the first thousand.
            if tally.lines < 1000 && tally.lines % 100 == 0 {
                thread::sleep(Duration::from_millis(1));
            }
            if let Err(e) = pull.recv(&mut msg, 0) {
                panic!(
                    "{transport:?}, round {round}: no message within {T:?} ({e}) after \
                     {tally:?}\n{}",
                    push.dump()
                );
            }
            tally.add(Form::Seq, b"", &msg, &mut scratch);
        }
        push.expect_exit(0, T);
        feeder.finish(T).expect("writing the sender's stdin");
        assert!(
            tally.is_run(1, N),
            "{transport:?}, round {round}: {tally:?}"
        );
        let extra = support::recv_within(&pull, Duration::from_millis(50));
        assert!(
            extra.is_none(),
            "{transport:?}: a message after the last: {extra:?}"
        );
        eprintln!(
            "throttled zmq PULL over {transport:?}, round {round}: {N} lines handed over after \
             {handed_over:.2?} with none read (sender waiting for the reader: {waited}), all {} \
             received in order after {:.2?}",
            tally.lines,
            started.elapsed()
        );
    }
}

#[test]
fn push_into_a_throttled_zmq_pull_at_its_hwm_over_ipc_loses_nothing() {
    into_a_throttled_zmq_pull(Transport::Ipc);
}

#[test]
fn push_into_a_throttled_zmq_pull_at_its_hwm_over_tcp_loses_nothing() {
    into_a_throttled_zmq_pull(Transport::Tcp);
}

// ---------------------------------------------------------------------------------------------
// 2. a receiver and a broker killed and restarted

/// The kernel's default send buffer of a socket, in bytes.
fn default_sndbuf() -> usize {
    std::fs::read_to_string("/proc/sys/net/core/wmem_default")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(212_992)
}

/// `push --connect --sndhwm 1000` feeds `pull --bind` on a fixed ipc path. The receiver stops
/// being read after its first lines, everything fills up and the sender blocks; then the
/// receiver is killed (SIGKILL) and a new one binds the same path. ZeroMQ's promise: what the
/// dead receiver held (its queue, its output buffer) and what was in flight (kernel buffers,
/// both engines' batches) is lost; everything the sender still held is delivered, in order,
/// without duplicates.
#[test]
fn receiver_sigkilled_mid_stream_and_restarted_loses_only_what_it_held() {
    const N: u64 = 200_000;
    const K: u64 = 1000;
    const SNDHWM: u64 = 1000;
    const RCVHWM: u64 = 1000;
    // Fixed-width lines, so that bytes convert to messages: 8 digits, 9 bytes with the newline,
    // 10 bytes on the wire (flags, size, body).
    let form = Form::Digits(8);
    let dir = tempdir();
    let ep = format!("ipc://{}/restart.sock", dir.path().display());
    let rcvhwm = RCVHWM.to_string();
    let (mut first, out) = Proc::spawn_with_stdout(&["pull", "--rcvhwm", &rcvhwm, "--bind", &ep]);
    let first_reader = Reader::holding("first pull", out, form, K);
    let mut push = Proc::spawn(&["push", "--sndhwm", &SNDHWM.to_string(), "--connect", &ep]);
    let mut feeder = Feeder::lines(push.take_stdin(), form, 1..=N);
    first_reader.lines(K, T);
    // Nobody reads the receiver's output any more: its stdout pipe fills, then its queue, the
    // kernel's buffers, the sender's queue, and the sender's stdin pipe.
    wait_stalled(
        &[
            Stuck {
                what: "the receiver",
                pid: first.pid(),
                pipe: first_reader.fd,
                writes: true,
            },
            Stuck {
                what: "the sender",
                pid: push.pid(),
                pipe: feeder.fd,
                writes: false,
            },
        ],
        || feeder.written_bytes(),
        T,
    );
    let offered = feeder.written_lines();
    first.signal(libc::SIGKILL);
    let status = first.wait_exit(T);
    assert_eq!(status.signal(), Some(libc::SIGKILL), "{}", first.dump());
    let t1 = first_reader.finish(T);
    let a = t1.lines;
    assert!(
        t1.is_run(1, a),
        "the first receiver printed a prefix: {t1:?}"
    );

    // The sender blocks while nobody receives.
    assert!(push.try_wait().is_none(), "{}", push.dump());
    assert!(!feeder.is_done(), "the sender read all its input");

    let (mut second, out) = Proc::spawn_with_stdout(&["pull", "--bind", &ep]);
    let second_reader = Reader::start("second pull", out, form);
    push.expect_exit(0, BULK_T);
    feeder.finish(T).expect("writing the sender's stdin");
    second_reader.wait(&format!("line {N}"), T, |t| t.last == Some(N));
    second.signal(libc::SIGTERM);
    second.expect_exit(143, T);
    let t2 = second_reader.finish(T);
    let b = t2.first.expect("the second receiver got lines");
    let lost = b - a - 1;

    // In messages: the dead receiver's queue (a pipe may run past its HWM by up to its
    // low-water batch, so twice the HWM), its 64 KiB output buffer, the kernel's send buffer
    // (which bounds the payload a unix socket holds), and the 8 KiB batches of both engines.
    let wire = 2 + form.width() - 1;
    let in_flight_bytes = default_sndbuf() + 2 * 8192 + 64 * 1024;
    let bound = 2 * RCVHWM + (in_flight_bytes / (form.width().min(wire))) as u64 + 1;
    eprintln!(
        "receiver SIGKILL/restart over ipc: sent {N}; the first receiver printed {a} (lines \
         1..={a}, {} bytes of a partial line) and was killed with the sender blocked after \
         {offered} lines were offered; the second received {} (lines {b}..={N}); lost {lost} \
         (lines {}..={}), bound {bound}",
        t1.partial,
        t2.lines,
        a + 1,
        b - 1
    );
    assert!(b > a, "a line came twice: {t1:?} {t2:?}");
    assert!(
        t2.is_run(b, N),
        "the second receiver got a gap, a duplicate or a reordering: {t2:?}"
    );
    assert!(
        lost <= bound,
        "lost {lost} lines, more than the dead receiver and the kernel held ({bound})"
    );
    // Everything the sender had not handed to the kernel arrives: at least its full queue.
    assert!(N - b + 1 >= SNDHWM, "{t2:?}");
}

/// The shared-queue broker (`zmqcat proxy router@FRONT dealer@BACK`) between Lazy Pirate clients
/// (`zmqcat req --retries -t`) and slow echo workers, killed with SIGKILL twice while requests
/// are inside it and restarted: every request is answered, exactly once, in order.
#[test]
fn broker_sigkilled_twice_under_lazy_pirate_clients_every_request_answered_once() {
    const CLIENTS: usize = 3;
    const REQUESTS: usize = 12;
    let dir = tempdir();
    let front = format!("ipc://{}/front.sock", dir.path().display());
    let back = format!("ipc://{}/back.sock", dir.path().display());
    let broker_args = [
        "proxy".to_string(),
        "-v".to_string(),
        format!("router@{front}"),
        format!("dealer@{back}"),
    ];
    let start_broker = || {
        let args: Vec<&str> = broker_args.iter().map(String::as_str).collect();
        let p = Proc::spawn(&args);
        p.wait_stderr_contains(&format!("bound {back}"), T);
        p
    };
    let started = Instant::now();
    let mut broker = start_broker();
    // Each worker takes 50 ms per request, so that requests are inside the broker and the
    // workers when it dies.
    let _workers: Vec<Proc> = (0..2)
        .map(|_| {
            Proc::spawn(&[
                "rep",
                "--coproc",
                "while read -r r; do sleep 0.05; echo \"$r\"; done",
                "--connect",
                &back,
            ])
        })
        .collect();
    let expected: Vec<String> = (1..=CLIENTS)
        .map(|c| (1..=REQUESTS).map(|i| format!("c{c}-{i}\n")).collect())
        .collect();
    let mut clients: Vec<Proc> = expected
        .iter()
        .map(|input| {
            let p = Proc::feeding(
                &[
                    "req",
                    "--retries",
                    "10",
                    "-t",
                    "1500ms",
                    "--connect",
                    &front,
                ],
                input.as_bytes(),
            );
            p
        })
        .collect();
    let mut kills = 0;
    for answered in [3, 7] {
        for c in &clients {
            c.wait_stdout_lines(answered, 3 * T);
        }
        broker.signal(libc::SIGKILL);
        let _ = broker.wait_exit(T);
        kills += 1;
        broker = start_broker();
    }
    let mut retries = Vec::new();
    for (c, input) in clients.iter_mut().zip(&expected) {
        c.expect_exit(0, 6 * T);
        assert_eq!(&c.stdout_text(), input, "{}", c.dump());
        retries.push(c.stderr().matches("retrying").count());
    }
    broker.signal(libc::SIGTERM);
    broker.expect_exit(143, T);
    let total: usize = retries.iter().sum();
    eprintln!(
        "broker SIGKILLed {kills} times: {} requests from {CLIENTS} clients all answered once, \
         in order; lost in the broker and resent: {total} (per client {retries:?}); {:.2?}",
        CLIENTS * REQUESTS,
        started.elapsed()
    );
    assert!(
        total >= 1,
        "no request was lost with the broker: the kills did not test the retries"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. SIGINT and SIGTERM at every stage of a pipeline

/// `zmqcat pull --bind` on a free port, its output checked by a reader: (process, endpoint,
/// reader).
fn sink(extra: &[&str]) -> (Proc, String, Reader) {
    let mut args = vec!["pull"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--bind", LOCAL]);
    let (p, out) = Proc::spawn_with_stdout(&args);
    let ep = p.wait_bound(T);
    let reader = Reader::start("sink", out, Form::Seq);
    (p, ep, reader)
}

/// `zmqcat push ARGS` fed `seq` lines without end.
fn source(args: &[&str]) -> (Proc, Feeder) {
    let mut args = args.to_vec();
    args.insert(0, "push");
    let mut p = Proc::spawn(&args);
    let feeder = Feeder::lines(p.take_stdin(), Form::Seq, 1..=ENDLESS);
    (p, feeder)
}

/// Ends a sink that has printed everything it will, and returns its tally.
fn end_sink(sink: &mut Proc, reader: &Reader) -> Tally {
    sink.signal(libc::SIGTERM);
    sink.expect_exit(143, T);
    reader.finish(T)
}

/// The sink (`pull`) is signalled mid-stream: it prints every message it received (as many as
/// its `--stats` counted), whole lines only, and exits 128+signal.
fn signal_the_sink(sig: i32) {
    let (mut sink, ep, reader) = sink(&["--stats"]);
    let (_source, _feeder) = source(&["--connect", &ep]);
    reader.lines(MIDSTREAM, T);
    sink.signal(sig);
    sink.expect_exit(status_of(sig), T);
    let t = reader.finish(T);
    let received = stat(&sink, "received");
    eprintln!(
        "{} to the sink mid-stream: received {received}, printed {}",
        signal_name(sig),
        t.lines
    );
    assert!(
        t.is_run(1, received) && t.partial == 0,
        "received {received}: {t:?}\n{}",
        sink.dump()
    );
}

#[test]
fn sigint_to_the_sink_mid_stream_prints_all_it_received() {
    signal_the_sink(libc::SIGINT);
}

#[test]
fn sigterm_to_the_sink_mid_stream_prints_all_it_received() {
    signal_the_sink(libc::SIGTERM);
}

/// The source (`push`) is signalled mid-stream: it stops reading, what it sent (its `--stats`
/// count) is delivered, and it exits 128+signal.
fn signal_the_source(sig: i32) {
    let (mut sink, ep, reader) = sink(&[]);
    let (mut source, _feeder) = source(&["--stats", "--connect", &ep]);
    reader.lines(MIDSTREAM, T);
    source.signal(sig);
    source.expect_exit(status_of(sig), T);
    let sent = stat(&source, "sent");
    reader.lines(sent, T);
    let t = end_sink(&mut sink, &reader);
    eprintln!(
        "{} to the source mid-stream: sent {sent}, the sink got {}",
        signal_name(sig),
        t.lines
    );
    assert!(t.is_run(1, sent), "sent {sent}: {t:?}");
    assert!(
        !source.stderr().contains("not all delivered"),
        "{}",
        source.dump()
    );
}

#[test]
fn sigint_to_the_source_mid_stream_delivers_all_it_sent() {
    signal_the_source(libc::SIGINT);
}

#[test]
fn sigterm_to_the_source_mid_stream_delivers_all_it_sent() {
    signal_the_source(libc::SIGTERM);
}

/// source push → `pull --stats --bind A | push --stats --connect B` → sink pull, streaming.
struct Chain {
    _source: Proc,
    _feeder: Feeder,
    mid_pull: Proc,
    mid_push: Proc,
    sink: Proc,
    reader: Reader,
}

fn chain() -> Chain {
    let (sink, b, reader) = sink(&[]);
    let (mid_pull, mid_out) = Proc::spawn_with_stdout(&["pull", "--stats", "--bind", LOCAL]);
    let a = mid_pull.wait_bound(T);
    let mid_push =
        Proc::spawn_with_stdin(&["push", "--stats", "--connect", &b], Stdio::from(mid_out));
    let (source, feeder) = source(&["--connect", &a]);
    reader.lines(MIDSTREAM, T);
    Chain {
        _source: source,
        _feeder: feeder,
        mid_pull,
        mid_push,
        sink,
        reader,
    }
}

/// The middle stage's `pull` is signalled: it flushes all it received into the pipe and exits
/// 128+signal; its `push` reads to the end and delivers it all, then exits 0.
fn signal_the_middle_pull(sig: i32) {
    // The whole chain lives to the end: the source must go on streaming.
    let mut c = chain();
    let (mid_pull, mid_push, reader) = (&mut c.mid_pull, &mut c.mid_push, &c.reader);
    mid_pull.signal(sig);
    mid_pull.expect_exit(status_of(sig), T);
    let received = stat(mid_pull, "received");
    mid_push.expect_exit(0, T);
    let sent = stat(mid_push, "sent");
    reader.lines(received, T);
    let t = end_sink(&mut c.sink, reader);
    eprintln!(
        "{} to the middle pull: it received {received}, its push sent {sent}, the sink got {}",
        signal_name(sig),
        t.lines
    );
    assert_eq!(sent, received, "{}\n{}", mid_pull.dump(), mid_push.dump());
    assert!(t.is_run(1, received), "received {received}: {t:?}");
}

#[test]
fn sigint_to_the_middle_pull_flushes_into_the_pipe_and_the_next_stage_delivers_it() {
    signal_the_middle_pull(libc::SIGINT);
}

#[test]
fn sigterm_to_the_middle_pull_flushes_into_the_pipe_and_the_next_stage_delivers_it() {
    signal_the_middle_pull(libc::SIGTERM);
}

/// The middle stage's `push` is signalled: it stops reading, delivers what it sent and exits
/// 128+signal; its `pull`, whose reader is gone, ends quietly with 0 at its next write.
fn signal_the_middle_push(sig: i32) {
    // The whole chain lives to the end: the source must go on streaming.
    let mut c = chain();
    let (mid_pull, mid_push, reader) = (&mut c.mid_pull, &mut c.mid_push, &c.reader);
    mid_push.signal(sig);
    mid_push.expect_exit(status_of(sig), T);
    let sent = stat(mid_push, "sent");
    reader.lines(sent, T);
    let t = end_sink(&mut c.sink, reader);
    mid_pull.expect_exit(0, T);
    let received = stat(mid_pull, "received");
    eprintln!(
        "{} to the middle push: it sent {sent} (its pull received {received}), the sink got {}",
        signal_name(sig),
        t.lines
    );
    assert!(t.is_run(1, sent), "sent {sent}: {t:?}");
    assert!(
        !mid_push.stderr().contains("not all delivered"),
        "{}",
        mid_push.dump()
    );
    assert!(
        mid_pull
            .stderr()
            .lines()
            .all(|l| l.starts_with("zmqcat: stats: ") || l.starts_with("zmqcat: bound ")),
        "a closed stdout ends quietly\n{}",
        mid_pull.dump()
    );
}

#[test]
fn sigint_to_the_middle_push_delivers_what_it_sent_and_its_pull_ends_quietly() {
    signal_the_middle_push(libc::SIGINT);
}

#[test]
fn sigterm_to_the_middle_push_delivers_what_it_sent_and_its_pull_ends_quietly() {
    signal_the_middle_push(libc::SIGTERM);
}

/// `zmqcat proxy --capture --linger 5s pull@A push>B` in the middle, signalled: it prints every
/// message it forwarded, exits 128+signal, and every forwarded message reaches the sink.
fn signal_the_capturing_proxy(sig: i32, linger: Option<&str>) {
    let (mut sink, b, reader) = sink(&[]);
    let back = format!("push>{b}");
    let mut args = vec!["proxy", "--capture"];
    if let Some(l) = linger {
        args.extend_from_slice(&["--linger", l]);
    }
    args.extend_from_slice(&["pull@tcp://127.0.0.1:*", &back]);
    let (mut proxy, out) = Proc::spawn_with_stdout(&args);
    let a = proxy.wait_bound(T);
    let capture = Reader::labelled("proxy --capture", out, Form::Seq, b"front\t");
    let (_source, _feeder) = source(&["--connect", &a]);
    reader.lines(MIDSTREAM, T);
    proxy.signal(sig);
    proxy.expect_exit(status_of(sig), T);
    let c = capture.finish(T);
    let forwarded = c.lines;
    assert!(
        c.is_run(1, forwarded) && c.partial == 0,
        "capture: {c:?}\n{}",
        proxy.dump()
    );
    let t = reader.wait("every forwarded line", T, |t| t.lines >= forwarded);
    let t = end_sink(&mut sink, &reader).max_by_lines(t);
    eprintln!(
        "{} to proxy --capture (linger {}): it forwarded {forwarded}, the sink got {}",
        signal_name(sig),
        linger.unwrap_or("default"),
        t.lines
    );
    assert!(t.is_run(1, forwarded), "forwarded {forwarded}: {t:?}");
}

#[test]
fn sigint_to_a_capturing_proxy_with_linger_delivers_all_it_forwarded() {
    signal_the_capturing_proxy(libc::SIGINT, Some("5s"));
}

#[test]
fn sigterm_to_a_capturing_proxy_with_linger_delivers_all_it_forwarded() {
    signal_the_capturing_proxy(libc::SIGTERM, Some("5s"));
}

/// `proxy --capture --linger 5s` whose back peer stopped reading: forwarding blocks once the
/// back queue is full. A signal then must still end it with 128+signal, and every message
/// --capture printed as forwarded must reach the sink once it reads again (within the linger):
/// the message in hand when the signal came is not dropped, nor is the back queue.
#[test]
fn sigterm_to_a_capturing_proxy_blocked_by_a_stalled_sink_exits_143_and_delivers_what_it_printed() {
    let (mut sink, out) = Proc::spawn_with_stdout(&["pull", "--bind", LOCAL]);
    let b = sink.wait_bound(T);
    let reader = Reader::holding("sink", out, Form::Seq, MIDSTREAM);
    let back = format!("push>{b}");
    let (mut proxy, capture_out) = Proc::spawn_with_stdout(&[
        "proxy",
        "--capture",
        "--linger",
        "5s",
        "pull@tcp://127.0.0.1:*",
        &back,
    ]);
    let a = proxy.wait_bound(T);
    let capture = Reader::labelled("proxy --capture", capture_out, Form::Seq, b"front\t");
    let (_source, _feeder) = source(&["--connect", &a]);
    reader.lines(MIDSTREAM, T);
    // The sink sleeps writing its full stdout; the proxy forwards nothing more.
    wait_stalled(
        &[Stuck {
            what: "the sink",
            pid: sink.pid(),
            pipe: reader.fd,
            writes: true,
        }],
        || capture.tally().lines,
        T,
    );
    proxy.signal(libc::SIGTERM);
    wait_delivered(&proxy, libc::SIGTERM);
    reader.release();
    proxy.expect_exit(143, T);
    let c = capture.finish(T);
    assert!(c.is_run(1, c.lines) && c.partial == 0, "capture: {c:?}");
    let t = reader.wait("every line --capture printed", T, |t| t.lines >= c.lines);
    let t = end_sink(&mut sink, &reader).max_by_lines(t);
    eprintln!(
        "SIGTERM to proxy --capture blocked by a stalled sink: it printed {} as forwarded, the \
         sink got {}",
        c.lines, t.lines
    );
    assert!(t.is_run(1, c.lines), "printed {}: {t:?}", c.lines);
}

/// `zmqcat proxy --stats --linger 5s pull@A push>B` (libzmq's own proxy) in the middle of a
/// stream, signalled: it exits 128+signal; the sink gets an unbroken run from line 1 on; returns
/// the proxy's front→back count and the sink's tally.
fn signal_the_proxy(sig: i32) -> (u64, Tally) {
    let (mut sink, b, reader) = sink(&[]);
    let back = format!("push>{b}");
    let mut proxy = Proc::spawn(&[
        "proxy",
        "--stats",
        "--linger",
        "5s",
        "pull@tcp://127.0.0.1:*",
        &back,
    ]);
    let a = proxy.wait_bound(T);
    let (_source, _feeder) = source(&["--connect", &a]);
    reader.lines(MIDSTREAM, T);
    proxy.signal(sig);
    proxy.expect_exit(status_of(sig), T);
    let err = proxy.stderr();
    let counted: u64 = err
        .split("front→back ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no front→back count\n{}", proxy.dump()));
    let t = reader.wait("every counted line", T, |t| t.lines >= counted);
    let t = end_sink(&mut sink, &reader).max_by_lines(t);
    eprintln!(
        "{} to proxy --stats --linger 5s: its stats say front→back {counted}, the sink got {}",
        signal_name(sig),
        t.lines
    );
    assert!(t.is_run(1, t.lines), "{t:?}");
    (counted, t)
}

#[test]
fn sigint_to_the_proxy_mid_stream_exits_130_and_delivers_an_unbroken_run() {
    signal_the_proxy(libc::SIGINT);
}

#[test]
fn sigterm_to_the_proxy_mid_stream_exits_143_and_delivers_an_unbroken_run() {
    signal_the_proxy(libc::SIGTERM);
}

/// The front→back count of `proxy --stats` is what went through: the proxy is paused before it
/// is asked for its statistics, so no batch slips through between the count and the end.
#[test]
fn proxy_stats_count_every_message_forwarded_before_a_signal() {
    for round in 1..=5 {
        let (counted, t) = signal_the_proxy(libc::SIGTERM);
        assert_eq!(
            t.lines, counted,
            "round {round}: the sink got {} lines, the stats line counted {counted}",
            t.lines
        );
    }
}

/// A sender signalled while its queue waits for a peer that is not there yet: with `--linger`,
/// it stays to deliver (its input still open), and a receiver that binds within the linger
/// period gets every message; then it exits 128+signal.
fn signalled_sender_delivers_to_a_late_peer_within_linger(sig: i32) {
    const N: u64 = 100;
    let dir = tempdir();
    let ep = format!("ipc://{}/late.sock", dir.path().display());
    let mut push = Proc::spawn(&["push", "--stats", "--linger", "10s", "--connect", &ep]);
    let mut stdin = push.take_stdin();
    // One write under PIPE_BUF: zmqcat reads it at once and queues all of it before it looks
    // at the signal pipe again.
    let mut input = Vec::new();
    for n in 1..=N {
        Form::Seq.put(n, &mut input);
        input.push(b'\n');
    }
    assert!(input.len() < libc::PIPE_BUF);
    stdin.write_all(&input).expect("writing the sender's stdin");
    wait_until("the sender to read its input", T, || {
        pipe_fill(stdin.as_raw_fd()).0 == 0
    });
    let asked = Instant::now();
    push.signal(sig);
    let (mut pull, out) = Proc::spawn_with_stdout(&["pull", "-n", &N.to_string(), "--bind", &ep]);
    let reader = Reader::start("late pull", out, Form::Seq);
    pull.expect_exit(0, T);
    push.expect_exit(status_of(sig), T);
    let took = asked.elapsed();
    drop(stdin);
    let t = reader.finish(T);
    eprintln!(
        "{} to a sender with {N} queued for an absent peer, --linger 10s: the late peer got {}, \
         the sender exited {took:.2?} after the signal",
        signal_name(sig),
        t.lines
    );
    assert!(t.is_run(1, N), "{t:?}");
    assert_eq!(stat(&push, "sent"), N, "{}", push.dump());
    assert!(
        !push.stderr().contains("not all delivered"),
        "{}",
        push.dump()
    );
}

#[test]
fn sigint_to_a_sender_with_a_queue_delivers_it_to_a_peer_arriving_within_linger() {
    signalled_sender_delivers_to_a_late_peer_within_linger(libc::SIGINT);
}

#[test]
fn sigterm_to_a_sender_with_a_queue_delivers_it_to_a_peer_arriving_within_linger() {
    signalled_sender_delivers_to_a_late_peer_within_linger(libc::SIGTERM);
}

/// A `push` blocked for ever on an absent peer, with `extra` options: returns it once its
/// queue and its stdin pipe are full.
fn blocked_sender(dir: &tempfile::TempDir, extra: &[&str]) -> (Proc, Feeder) {
    let ep = format!("ipc://{}/absent.sock", dir.path().display());
    // -v: "connecting to" says that zmqcat is up, its signal handlers in place.
    let mut args = vec!["-v", "--connect", ep.as_str()];
    args.extend_from_slice(extra);
    let (p, feeder) = source(&args);
    p.wait_stderr_contains("connecting to", T);
    wait_stalled(
        &[Stuck {
            what: "the sender",
            pid: p.pid(),
            pipe: feeder.fd,
            writes: false,
        }],
        || feeder.written_bytes(),
        T,
    );
    (p, feeder)
}

/// A sender blocked for ever on an absent peer, its linger unbounded by default: the first
/// signal gives its queue a grace of about a second, then it says what was not delivered and
/// exits 128+signal; a second signal within the grace ends it at once.
fn blocked_sender_grace_then_second_signal(sig: i32) {
    let dir = tempdir();
    let (mut push, _feeder) = blocked_sender(&dir, &[]);
    let asked = Instant::now();
    push.signal(sig);
    push.expect_exit(status_of(sig), T);
    let grace = asked.elapsed();
    assert!(
        push.stderr()
            .contains("not all delivered within the linger period"),
        "{}",
        push.dump()
    );

    let (mut push, _feeder) = blocked_sender(&dir, &[]);
    push.signal(sig);
    // Two signals sent back to back could merge into one before delivery.
    wait_delivered(&push, sig);
    let again = Instant::now();
    push.signal(sig);
    push.expect_exit(status_of(sig), T);
    let second = again.elapsed();
    eprintln!(
        "{} to a sender blocked on an absent peer: one signal: exit after {grace:.2?} (the \
         grace); two signals: exit {second:.2?} after the second",
        signal_name(sig)
    );
    assert!(
        grace >= Duration::from_millis(900) && grace < Duration::from_secs(5),
        "the grace took {grace:?}\n{}",
        push.dump()
    );
    assert!(
        second < Duration::from_millis(500),
        "the second signal took {second:?}"
    );
}

#[test]
fn sigint_to_a_sender_blocked_on_an_absent_peer_grace_then_second_signal() {
    blocked_sender_grace_then_second_signal(libc::SIGINT);
}

#[test]
fn sigterm_to_a_sender_blocked_on_an_absent_peer_grace_then_second_signal() {
    blocked_sender_grace_then_second_signal(libc::SIGTERM);
}

/// With `--linger inf` the user asked to wait for delivery for ever: the first signal does not
/// cut the wait short, the second ends it at once.
#[test]
fn sender_with_linger_inf_waits_after_one_signal_and_a_second_ends_it_at_once() {
    let dir = tempdir();
    for sig in [libc::SIGINT, libc::SIGTERM] {
        let (mut push, _feeder) = blocked_sender(&dir, &["--linger", "inf"]);
        push.signal(sig);
        wait_delivered(&push, sig);
        let early = exits_within(&mut push, Duration::from_millis(1500));
        assert!(
            early.is_none(),
            "{}: exited {early:?} with its queue undelivered\n{}",
            signal_name(sig),
            push.dump()
        );
        let again = Instant::now();
        push.signal(sig);
        push.expect_exit(status_of(sig), T);
        let second = again.elapsed();
        eprintln!(
            "{} ×2 to a sender with --linger inf on an absent peer: still waiting 1.5 s after \
             the first, exit {second:.2?} after the second",
            signal_name(sig)
        );
        assert!(second < Duration::from_millis(500), "{second:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. a consumer that stops reading

/// `zmqcat pull` whose stdout nobody reads for a while, fed 1 KiB lines (200 MB offered): the
/// sender blocks at the high-water mark, both processes' memory stays small, nothing crashes,
/// and once the output is read again the stream completes, in order, every line.
#[test]
fn slow_consumer_holds_memory_bounded_and_the_stream_resumes_complete() {
    const N: u64 = 200_000;
    const LIMIT_KIB: u64 = 32 * 1024;
    let form = Form::Filled(1023);
    let (mut pull, out) = Proc::spawn_with_stdout(&["pull", "-n", &N.to_string(), "--bind", LOCAL]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&["push", "--connect", &ep]);
    let mut feeder = Feeder::lines(push.take_stdin(), form, 1..=N);
    let out_fd = out.as_raw_fd();
    let started = Instant::now();
    wait_stalled(
        &[
            Stuck {
                what: "the receiver",
                pid: pull.pid(),
                pipe: out_fd,
                writes: true,
            },
            Stuck {
                what: "the sender",
                pid: push.pid(),
                pipe: feeder.fd,
                writes: false,
            },
        ],
        || feeder.written_bytes(),
        T,
    );
    let stalled_after = started.elapsed();
    let offered_at_stall = feeder.written_bytes();
    // Stalled: look at memory for half a second; the sender takes nothing more meanwhile.
    let (mut pull_kib, mut push_kib) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        pull_kib.extend(rss_kib(pull.pid()));
        push_kib.extend(rss_kib(push.pid()));
        thread::sleep(Duration::from_millis(100));
    }
    // TCP may still open its window a little (autotuning): the sender takes a few more
    // batches at most, never the stream.
    let taken_while_stalled = feeder.written_bytes();
    let pull_stalled = pull_kib.iter().copied().max().unwrap_or(0);
    let push_stalled = push_kib.iter().copied().max().unwrap_or(0);
    assert!(pull.try_wait().is_none() && push.try_wait().is_none());

    let resumed = Instant::now();
    let sampler = Sampler::start(&[pull.pid(), push.pid()], Duration::from_millis(100));
    let reader = Reader::start("pull", out, form);
    push.expect_exit(0, BULK_T);
    let t = reader.wait("every line, or the end", T, |t| t.lines >= N || t.eof);
    pull.expect_exit(0, T);
    let t = reader.finish(T).max_by_lines(t);
    feeder.finish(T).expect("writing the sender's stdin");
    let samples = sampler.finish();
    let took = resumed.elapsed();
    let max_of = |s: &[u64]| s.iter().copied().max().unwrap_or(0);
    let (pull_max, push_max) = (max_of(&samples[0]), max_of(&samples[1]));
    eprintln!(
        "slow consumer: {N} × 1 KiB lines ({} MB) offered; stalled after {stalled_after:.2?} \
         with {:.1} MiB taken from the sender's input ({:.1} MiB after half a second more); RSS \
         while stalled: pull {:.1} MiB, push {:.1} MiB; after resuming: pull ≤ {:.1} MiB, push \
         ≤ {:.1} MiB; all {} lines in order {took:.2?} after resuming ({:.0} MB/s)",
        N * 1024 / 1_000_000,
        mib(offered_at_stall / 1024),
        mib(taken_while_stalled / 1024),
        mib(pull_stalled),
        mib(push_stalled),
        mib(pull_max),
        mib(push_max),
        t.lines,
        t.bytes as f64 / 1e6 / took.as_secs_f64()
    );
    assert!(t.is_run(1, N) && t.partial == 0, "{t:?}");
    assert!(
        taken_while_stalled < N * 1024 / 10,
        "the sender took {taken_while_stalled} of {} bytes while its receiver was stalled",
        N * 1024
    );
    for (what, kib) in [
        ("pull while stalled", pull_stalled),
        ("push while stalled", push_stalled),
        ("pull", pull_max),
        ("push", push_max),
    ] {
        assert!(kib > 0, "no memory sample of {what}");
        assert!(kib < LIMIT_KIB, "{what}: RSS {:.1} MiB", mib(kib));
    }
}

// ---------------------------------------------------------------------------------------------
// 5. bad input

/// 1000 good lines, then a line without end (no newline, stdin left open) far over
/// `--max-msg-size 65536`: the sender says so on one line and exits 4 long before the line's
/// 10 MB were written, and the receiver gets every good line.
#[test]
fn endless_line_over_max_msg_size_exits_4_after_delivering_the_good_lines() {
    const GOOD: u64 = 1000;
    const ENDLESS_BYTES: u64 = 10 * 1024 * 1024;
    let (mut pull, ep, reader) = sink(&["-n", &GOOD.to_string()]);
    let mut push = Proc::spawn(&["push", "--max-msg-size", "65536", "--connect", &ep]);
    let mut feeder = Feeder::spawn(push.take_stdin(), |f| {
        let mut line = Vec::new();
        for n in 1..=GOOD {
            line.clear();
            Form::Seq.put(n, &mut line);
            line.push(b'\n');
            f.put(&line, 1)?;
        }
        let chunk = vec![b'a'; 64 * 1024];
        for _ in 0..ENDLESS_BYTES / chunk.len() as u64 {
            f.put(&chunk, 0)?;
        }
        // Not refused by now: keep stdin open, as an endless line would (the child's end, at
        // the latest when it is killed, ends the wait).
        f.w.flush()?;
        let mut probe = f.w.get_ref();
        loop {
            probe.write_all(b"a")?;
        }
    });
    push.expect_exit(4, T);
    let err = push.stderr();
    assert_eq!(err.lines().count(), 1, "{}", push.dump());
    assert!(
        err.contains("message 1001") && err.contains("--max-msg-size 65536"),
        "{}",
        push.dump()
    );
    assert!(!err.contains("panicked"), "{}", push.dump());
    pull.expect_exit(0, T);
    let t = reader.finish(T);
    assert!(t.is_run(1, GOOD), "{t:?}");
    // The writer ends with a broken pipe once the sender is gone.
    let _ = feeder.finish(T);
    let endless_written = feeder.written_bytes() - good_bytes(GOOD);
    eprintln!(
        "endless line: exit 4 with {err:?}; {} good lines delivered; {} bytes of the endless \
         line written before the sender stopped reading",
        t.lines, endless_written
    );
    // zmqcat refuses an unfinished message once its input passes 6 × the limit + 1 KiB (room
    // for the wordiest encoding); add its last 64 KiB read, the pipe and our write buffer.
    let refused_by = 6 * 65536 + 1024 + 3 * 65536;
    assert!(
        endless_written <= refused_by,
        "{endless_written} bytes of the endless line were taken"
    );
}

/// Bytes of `seq 1 n`.
fn good_bytes(n: u64) -> u64 {
    (1..=n).map(|i| i.to_string().len() as u64 + 1).sum()
}

// ---------------------------------------------------------------------------------------------
// 6. a gigabyte at flat memory (ZMQCAT_LONG=1)

/// 1 GiB (a million 1 KiB lines) push→pull over tcp, both processes' memory sampled every
/// 100 ms: every byte arrives in order, and memory stays small and flat.
#[test]
fn long_run_gigabyte_at_flat_memory() {
    if std::env::var("ZMQCAT_LONG").as_deref() != Ok("1") {
        crate::support::skip(
            crate::support::Need::Long,
            "the gigabyte run needs ZMQCAT_LONG=1",
        );
        return;
    }
    const N: u64 = 1 << 20;
    const LIMIT_KIB: u64 = 16 * 1024;
    let form = Form::Filled(1023);
    let (mut pull, out) = Proc::spawn_with_stdout(&["pull", "-n", &N.to_string(), "--bind", LOCAL]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&["push", "--connect", &ep]);
    let started = Instant::now();
    let sampler = Sampler::start(&[pull.pid(), push.pid()], Duration::from_millis(100));
    let reader = Reader::start("pull", out, form);
    let mut feeder = Feeder::lines(push.take_stdin(), form, 1..=N);
    push.expect_exit(0, Duration::from_secs(1800));
    let t = reader.wait("every line, or the end", T, |t| t.lines >= N || t.eof);
    pull.expect_exit(0, T);
    let t = reader.finish(T).max_by_lines(t);
    let took = started.elapsed();
    feeder.finish(T).expect("writing the sender's stdin");
    let samples = sampler.finish();
    assert!(t.is_run(1, N) && t.partial == 0, "{t:?}");
    assert_eq!(t.bytes, N * 1024);
    for (what, s) in ["pull", "push"].iter().zip(&samples) {
        assert!(s.len() >= 10, "{what}: only {} memory samples", s.len());
        // The first half second is the start (exec, libzmq's threads): not in the minimum.
        let steady = &s[s.len().min(5)..];
        let min = steady.iter().min().copied().unwrap_or(0);
        let max = s.iter().max().copied().unwrap_or(0);
        // Flat: the last tenth of the run holds no more than the first half's peak and 1 MiB.
        let tenth = (s.len() / 10).max(1);
        let early = s[..s.len() / 2].iter().copied().max().unwrap_or(0);
        let late = s[s.len() - tenth..].iter().copied().max().unwrap_or(0);
        eprintln!(
            "gigabyte run: {what}: RSS min {:.1} MiB, max {:.1} MiB, first half ≤ {:.1} MiB, \
             last tenth ≤ {:.1} MiB ({} samples)",
            mib(min),
            mib(max),
            mib(early),
            mib(late),
            s.len()
        );
        assert!(max <= LIMIT_KIB, "{what}: RSS reached {:.1} MiB", mib(max));
        assert!(
            late <= early + 1024,
            "{what}: RSS grew from {:.1} MiB to {:.1} MiB",
            mib(early),
            mib(late)
        );
    }
    eprintln!(
        "gigabyte run: {} lines, {} bytes in {took:.2?}: {:.0} MB/s",
        t.lines,
        t.bytes,
        t.bytes as f64 / 1e6 / took.as_secs_f64()
    );
}
