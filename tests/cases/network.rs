//! Fault injection: network partitions between two network namespaces, and peers that break the
//! ZMTP protocol against a bound zmqcat.
//!
//! Partitions. Each test creates two network namespaces with names of its own
//! (`zc-PID-N-a`, `zc-PID-N-b`) joined by a veth pair on a private /30, and a guard deletes them
//! on drop, also when the test panics (processes first: they are declared after the guard).
//! zmqcat runs inside through `ip netns exec NS zmqcat …`, which execs zmqcat in place, so the
//! pid the harness kills is zmqcat's own (each test checks `/proc/PID/exe`). A partition is
//! silent: a `blackhole` qdisc (or `netem loss 100%` where blackhole is missing) on both ends
//! drops every packet while the interfaces stay up, so neither side gets a reset, an ICMP error
//! or a carrier change; only ZMTP heartbeats or timeouts can tell. No traffic leaves the
//! namespaces. The tests need root and iproute2 (`ip`, `tc`); without them they are skipped
//! (named and counted at the end of the run), unless ZMQCAT_EXPECT_NETNS=1 (then a skip is a
//! failure).
//!
//! Misbehaving peers. Raw TCP clients (std::net) against `zmqcat pull` and `zmqcat rep` bound
//! on 127.0.0.1, while a well-behaved zmq-crate peer keeps talking: garbage, truncated greetings
//! (closed, or stalled), and a hand-made ZMTP 3.0 NULL handshake followed by a frame over
//! `--max-msg-size`. The ZMTP bytes are written here from the spec (RFC 23/ZMTP). zmqcat must
//! drop each bad peer, report it with `-v`, and deliver every message of the good peer, in
//! order, without exiting.
//!
//! Lazy Pirate. A retry must really close the socket it gives up (checked against a hand-made
//! ZMTP server on 127.0.0.1), or a healed network revives it.
//!
//! The harness rules hold: no fixed port (wildcard binds, the announced endpoint is read back),
//! every wait bounded by a deadline, no sleep as synchronisation (conditions without an event
//! to wait on are polled, with a deadline), every child killed on drop.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::support::{self, connected, recv, send_text, socket, whole_lines, Proc, T};

/// A pause between two looks at a condition that has no event to wait on (always under a
/// deadline).
const POLL: Duration = Duration::from_millis(5);

/// The heartbeat interval of the partition tests.
const HEARTBEAT: &str = "200ms";

/// "Within a few heartbeat intervals": the bound on detecting a partition (10 intervals, room
/// for a loaded machine; TCP alone would not notice for many minutes).
const DETECT_WITHIN: Duration = Duration::from_secs(2);

/// Waits until `p` printed more than `n` lines; returns the moment it was seen.
fn wait_lines_beyond(p: &Proc, n: usize, timeout: Duration) -> Instant {
    p.wait_stdout_lines(n + 1, timeout);
    Instant::now()
}

fn count(p: &Proc, needle: &str) -> usize {
    p.stderr().matches(needle).count()
}

fn ms(d: Duration) -> u128 {
    d.as_millis()
}

/// Asserts that `p` (started through `ip netns exec`) is zmqcat itself: `ip` exec'd it in
/// place, so killing the pid kills zmqcat.
fn assert_is_zmqcat(p: &Proc) {
    let exe = std::fs::read_link(format!("/proc/{}/exe", p.pid()))
        .unwrap_or_else(|e| panic!("reading /proc/{}/exe: {e}\n{}", p.pid(), p.dump()));
    let want = std::fs::canonicalize(support::bin()).expect("canonical path of zmqcat");
    assert_eq!(
        exe,
        want,
        "`ip netns exec` did not exec zmqcat in place\n{}",
        p.dump()
    );
}

// ---------------------------------------------------------------------------------------------
// network namespaces

/// A program on PATH, or in the sbin directories a non-root PATH may lack.
fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs a short administrative command (ip, tc) to its end, bounded by [`T`]; its stdout, or
/// what went wrong.
fn run(program: &Path, args: &[&str]) -> Result<String, String> {
    let what = format!("{} {}", program.display(), args.join(" "));
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: {e}"))?;
    let deadline = Instant::now() + T;
    while child
        .try_wait()
        .map_err(|e| format!("{what}: {e}"))?
        .is_none()
    {
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{what}: no exit within {T:?}"));
        }
        thread::sleep(POLL);
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{what}: {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// How a partition is made.
#[derive(Debug, Clone, Copy)]
enum Cut {
    /// A qdisc that drops every outgoing packet (`blackhole`, or `netem loss 100%`); the links
    /// stay up.
    Qdisc(&'static [&'static str]),
    /// Links down: the last resort where no dropping qdisc exists.
    LinkDown,
}

/// Two network namespaces joined by a veth pair, deleted on drop.
struct Net {
    ip: PathBuf,
    tc: Option<PathBuf>,
    /// Namespace names, side a and side b.
    ns: [String; 2],
    /// The veth end in each namespace.
    dev: [String; 2],
    /// The address of each end.
    addr: [String; 2],
    /// Namespaces created so far (for the drop).
    created: Vec<String>,
    /// The partition in place, if any.
    cut: Option<Cut>,
}

/// Says why a namespace test did not run (or fails, when ZMQCAT_EXPECT_NETNS=1).
fn skip(test: &str, why: &str) {
    crate::support::skip(
        crate::support::Need::Netns,
        &format!("{test} cannot create network namespaces ({why})"),
    );
}

impl Net {
    /// Creates the namespaces and the link, with lo and the veth ends up; `None` (after saying
    /// so) when this machine cannot.
    fn create(test: &str) -> Option<Net> {
        // SAFETY: geteuid(2) has no preconditions and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            skip(test, "not root");
            return None;
        }
        let Some(ip) = tool("ip") else {
            skip(test, "no `ip` program: apt-get install iproute2");
            return None;
        };
        remove_stale_namespaces(&ip);
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let pid = std::process::id();
        // 10.A.B.0/30 inside the namespaces only: varied per run and per test so that even a
        // leaked pair would not clash with the next one.
        let (a, b) = (64 + pid % 128, n % 256);
        let mut net = Net {
            tc: tool("tc"),
            ip,
            ns: [format!("zc-{pid}-{n}-a"), format!("zc-{pid}-{n}-b")],
            // Interface names have at most 15 bytes: "zc" + pid (≤ 7) + "x" + n + side.
            dev: [format!("zc{pid}x{n}a"), format!("zc{pid}x{n}b")],
            addr: [format!("10.{a}.{b}.1"), format!("10.{a}.{b}.2")],
            created: Vec::new(),
            cut: None,
        };
        if let Err(why) = net.set_up() {
            skip(test, &why);
            return None;
        }
        Some(net)
    }

    fn set_up(&mut self) -> Result<(), String> {
        for side in 0..2 {
            let ns = self.ns[side].clone();
            run(&self.ip, &["netns", "add", &ns])?;
            self.created.push(ns);
        }
        let [ns_a, ns_b] = &self.ns;
        let [dev_a, dev_b] = &self.dev;
        // Created directly inside the namespaces: the ends never exist in the host's.
        run(
            &self.ip,
            &[
                "link", "add", dev_a, "netns", ns_a, "type", "veth", "peer", "name", dev_b,
                "netns", ns_b,
            ],
        )?;
        for side in 0..2 {
            let (ns, dev) = (&self.ns[side], &self.dev[side]);
            let cidr = format!("{}/30", self.addr[side]);
            run(&self.ip, &["-n", ns, "addr", "add", &cidr, "dev", dev])?;
            run(&self.ip, &["-n", ns, "link", "set", "lo", "up"])?;
            run(&self.ip, &["-n", ns, "link", "set", dev, "up"])?;
        }
        Ok(())
    }

    /// `zmqcat ARGS…` inside the namespace of `side` (0 or 1).
    fn zmqcat(&self, side: usize, args: &[&str]) -> Proc {
        let mut full = vec!["netns", "exec", self.ns[side].as_str(), support::bin()];
        full.extend_from_slice(args);
        Proc::spawn_program(self.ip.to_str().expect("UTF-8 path of ip"), &full)
    }

    /// `tc ARGS…` inside the namespace of `side`.
    fn tc(&self, side: usize, args: &[&str]) -> Result<String, String> {
        let tc = self.tc.as_ref().ok_or("no `tc` program")?;
        let mut full = vec![
            "netns",
            "exec",
            self.ns[side].as_str(),
            tc.to_str().expect("UTF-8"),
        ];
        full.extend_from_slice(args);
        run(&self.ip, &full)
    }

    fn qdisc(&self, side: usize, add: bool, kind: &[&str]) -> Result<String, String> {
        let mut args = vec![
            "qdisc",
            if add { "add" } else { "del" },
            "dev",
            self.dev[side].as_str(),
            "root",
        ];
        if add {
            args.extend_from_slice(kind);
        }
        self.tc(side, &args)
    }

    /// Partitions the two namespaces: every packet either way is dropped from now on, in
    /// silence. Returns how.
    fn partition(&mut self) -> String {
        assert!(self.cut.is_none(), "already partitioned");
        const BLACKHOLE: &[&str] = &["blackhole"];
        const NETEM: &[&str] = &["netem", "loss", "100%"];
        let mut tried = Vec::new();
        for kind in [BLACKHOLE, NETEM] {
            match self.qdisc(0, true, kind) {
                Ok(_) => {
                    if let Err(e) = self.qdisc(1, true, kind) {
                        panic!("{} on one end only: {e}", kind.join(" "));
                    }
                    self.cut = Some(Cut::Qdisc(kind));
                    return format!("{} qdisc on both ends", kind.join(" "));
                }
                Err(e) => tried.push(e),
            }
        }
        eprintln!(
            "no dropping qdisc ({}): taking the links down instead",
            tried.join("; ")
        );
        for side in 0..2 {
            let (ns, dev) = (&self.ns[side], &self.dev[side]);
            run(&self.ip, &["-n", ns, "link", "set", dev, "down"]).expect("link down");
        }
        self.cut = Some(Cut::LinkDown);
        "links down".into()
    }

    /// Ends the partition.
    fn heal(&mut self) {
        match self.cut.take().expect("not partitioned") {
            Cut::Qdisc(kind) => {
                for side in 0..2 {
                    self.qdisc(side, false, kind).expect("removing the qdisc");
                }
            }
            Cut::LinkDown => {
                for side in 0..2 {
                    let (ns, dev) = (&self.ns[side], &self.dev[side]);
                    run(&self.ip, &["-n", ns, "link", "set", dev, "up"]).expect("link up");
                }
            }
        }
    }
}

impl Drop for Net {
    fn drop(&mut self) {
        if self.created.len() == 2 {
            // Deleting one end removes both; errors only mean it is gone already.
            let _ = run(&self.ip, &["-n", &self.ns[0], "link", "del", &self.dev[0]]);
        }
        for ns in self.created.drain(..) {
            if let Err(e) = run(&self.ip, &["netns", "delete", &ns]) {
                eprintln!("cleanup: {e}");
            }
        }
    }
}

/// Deletes `zc-PID-…` namespaces left by a test process that no longer exists (one that was
/// killed before its guards ran).
fn remove_stale_namespaces(ip: &Path) {
    let Ok(list) = run(ip, &["netns", "list"]) else {
        return;
    };
    for name in list.lines().filter_map(|l| l.split_whitespace().next()) {
        let Some(pid) = name
            .strip_prefix("zc-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = run(ip, &["netns", "delete", name]);
        }
    }
}

/// Writes the numbers 1, 2, 3… one line each to a child's stdin at a steady pace, from a
/// thread, until stopped; then closes it (end of input).
struct Feeder {
    stop: Arc<AtomicBool>,
    written: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl Feeder {
    fn start(mut stdin: ChildStdin, pace: Duration) -> Feeder {
        let stop = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, written) = (Arc::clone(&stop), Arc::clone(&written));
            thread::spawn(move || {
                let mut i = 0u64;
                while !stop.load(Ordering::SeqCst) {
                    i += 1;
                    // One write per line: the reader never sees half a number.
                    if stdin.write_all(format!("{i}\n").as_bytes()).is_err() {
                        return;
                    }
                    written.store(i, Ordering::SeqCst);
                    // Load generation, not synchronisation: a sender at a steady rate.
                    thread::sleep(pace);
                }
            })
        };
        Feeder {
            stop,
            written,
            thread: Some(thread),
        }
    }

    /// Messages written so far.
    fn written(&self) -> u64 {
        self.written.load(Ordering::SeqCst)
    }

    /// Stops writing, closes the child's stdin and returns how many messages were written.
    fn finish(mut self) -> u64 {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            t.join().expect("feeder thread");
        }
        self.written()
    }
}

impl Drop for Feeder {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// partitions

/// push → pull across the veth link, both with heartbeats: the partition is noticed on both
/// sides within a few heartbeat intervals, the connection comes back after the heal, messages
/// queued meanwhile are delivered, and the only loss is one contiguous run: what was inside the
/// dead TCP connection when it was given up.
#[test]
fn partition_is_detected_by_heartbeats_and_push_pull_recover() {
    let test = "partition_is_detected_by_heartbeats_and_push_pull_recover";
    let Some(mut net) = Net::create(test) else {
        return;
    };
    let bind = format!("tcp://{}:*", net.addr[0]);
    let mut pull = net.zmqcat(
        0,
        &["pull", "-v", "--heartbeat", HEARTBEAT, "--bind", &bind],
    );
    let ep = pull.wait_bound(T);
    assert!(
        ep.starts_with(&format!("tcp://{}:", net.addr[0])),
        "{}",
        pull.dump()
    );
    assert_is_zmqcat(&pull);
    let mut push = net.zmqcat(
        1,
        &["push", "-v", "--heartbeat", HEARTBEAT, "--connect", &ep],
    );
    push.wait_stderr_count("succeeded", 1, T);
    assert_is_zmqcat(&push);
    let feeder = Feeder::start(push.take_stdin(), Duration::from_millis(10));
    pull.wait_stdout_lines(20, T);

    let how = net.partition();
    let cut = Instant::now();
    let received_at_cut = pull.stdout_line_count();
    let pull_saw = pull.wait_stderr_count("disconnected from", 1, T) - cut;
    let push_saw = push.wait_stderr_count("disconnected from", 1, T) - cut;
    // Everything written from here on was read by push after it gave the connection up; the
    // feeder may be inside one more write that it has not counted yet.
    let written_at_detection = feeder.written() + 1;
    assert!(
        pull_saw < DETECT_WITHIN && push_saw < DETECT_WITHIN,
        "partition noticed after {pull_saw:?} (pull) and {push_saw:?} (push), heartbeat {HEARTBEAT}\n{}\n{}",
        pull.dump(),
        push.dump()
    );
    let received_before_heal = pull.stdout_line_count();

    net.heal();
    let healed = Instant::now();
    let rejoined = push.wait_stderr_count("succeeded", 2, T) - healed;
    let flowing = wait_lines_beyond(&pull, received_before_heal, T) - healed;
    pull.wait_stdout_lines(received_before_heal + 20, T);

    let sent = feeder.finish();
    push.expect_exit(0, T);
    pull.wait_stdout_contains(format!("\n{sent}\n").as_bytes(), T);
    assert!(pull.try_wait().is_none(), "pull ended\n{}", pull.dump());

    let got: Vec<u64> = whole_lines(&pull.stdout())
        .iter()
        .map(|l| {
            l.parse()
                .unwrap_or_else(|_| panic!("line {l:?}\n{}", pull.dump()))
        })
        .collect();
    assert!(
        got.windows(2).all(|w| w[0] < w[1]),
        "messages duplicated or reordered\n{}",
        pull.dump()
    );
    assert_eq!(got.first(), Some(&1), "{}", pull.dump());
    assert_eq!(got.last(), Some(&sent), "{}", pull.dump());
    let gaps: Vec<(u64, u64)> = got
        .windows(2)
        .filter(|w| w[1] != w[0] + 1)
        .map(|w| (w[0] + 1, w[1] - 1))
        .collect();
    assert!(
        gaps.len() <= 1,
        "loss in more than one run: {gaps:?}\n{}",
        pull.dump()
    );
    let lost = sent - got.len() as u64;
    if let Some(&(first, last)) = gaps.first() {
        assert!(
            first > received_at_cut as u64,
            "messages delivered before the partition were lost: {first}..={last}\n{}",
            pull.dump()
        );
        assert!(
            last <= written_at_detection,
            "messages written after push saw the disconnection were lost: {first}..={last} \
             (written before: {written_at_detection})\n{}",
            pull.dump()
        );
        assert_eq!(lost, last - first + 1);
    }
    // Both sides: one disconnection for the partition, a second handshake after the heal; pull
    // also sees push leave at its end.
    pull.wait_stderr_count("disconnected from", 2, T);
    assert_eq!(count(&pull, "disconnected from"), 2, "{}", pull.dump());
    assert_eq!(count(&pull, " succeeded"), 2, "{}", pull.dump());
    assert_eq!(count(&push, "disconnected from"), 1, "{}", push.dump());
    assert_eq!(count(&push, " succeeded"), 2, "{}", push.dump());
    assert!(!pull.stderr().contains("panicked"), "{}", pull.dump());
    assert!(!push.stderr().contains("panicked"), "{}", push.dump());
    eprintln!(
        "{test}: partition by {how}, heartbeat {HEARTBEAT}: detected after {} ms (pull) and {} ms \
         (push); after the heal push reconnected in {} ms, messages flowed again after {} ms; \
         sent {sent}, received {}, lost {lost} {gaps:?} (received before the cut: \
         {received_at_cut}, written before push saw it: {written_at_detection})",
        ms(pull_saw),
        ms(push_saw),
        ms(rejoined),
        ms(flowing),
        got.len()
    );
}

/// The Lazy Pirate client across a partition: the request has reached the server and the
/// partition swallows the reply; `req --retries 5 -t 500ms` resends on new sockets, which the
/// partition swallows too, until the link heals; then the request gets its answer and req ends
/// with 0. The server sees the request again after the heal (at least once, as Lazy Pirate
/// promises), and the lost reply never shows up at the client.
#[test]
fn lazy_pirate_req_retries_across_a_partition_until_it_heals() {
    let test = "lazy_pirate_req_retries_across_a_partition_until_it_heals";
    let Some(mut net) = Net::create(test) else {
        return;
    };
    let bind = format!("tcp://{}:*", net.addr[0]);
    // Replies come from stdin: the test decides when the server answers.
    let mut rep = net.zmqcat(0, &["rep", "-v", "--bind", &bind]);
    let ep = rep.wait_bound(T);
    assert_is_zmqcat(&rep);
    // No -v on req: see lazy_pirate_with_v_closes_the_sockets_it_gives_up.
    let mut req = net.zmqcat(1, &["req", "--retries", "5", "-t", "500ms", &ep]);

    req.write_stdin(b"request 1\n");
    rep.wait_stdout_contains(b"request 1\n", T);
    assert_is_zmqcat(&req);
    rep.write_stdin(b"reply 1\n");
    req.wait_stdout_contains(b"reply 1\n", T);

    // The second request reaches the server; then the network fails before the reply.
    let asked = Instant::now();
    req.write_stdin(b"request 2\n");
    req.close_stdin();
    rep.wait_stdout_contains(b"request 2\n", T);
    let how = net.partition();
    let cut = Instant::now();
    rep.write_stdin(b"lost reply\n");
    // Two resends into the partition (their connections never get past SYN).
    req.wait_stderr_count("retrying on a new socket", 2, T);
    let retries_in_partition = count(&req, "retrying on a new socket");
    let partition_lasted = cut.elapsed();
    net.heal();
    let healed = Instant::now();

    // Every copy of the request that reaches the server gets a reply, until req is done.
    let mut replies = 1;
    let mut answered = None;
    let deadline = Instant::now() + T;
    while req.try_wait().is_none() {
        if answered.is_none() && req.stdout_text().contains("reply 2\n") {
            answered = Some(healed.elapsed());
        }
        assert!(
            Instant::now() < deadline,
            "req did not finish within {T:?} after the heal\n{}\n{}",
            req.dump(),
            rep.dump()
        );
        let seen = rep.stdout_text().matches("request 2\n").count();
        if seen > replies {
            rep.write_stdin(b"reply 2\n");
            replies += 1;
        }
        thread::sleep(POLL);
    }
    req.expect_exit(0, T);
    let answered = answered.unwrap_or_else(|| healed.elapsed());
    assert_eq!(req.stdout_text(), "reply 1\nreply 2\n", "{}", req.dump());
    let retries = count(&req, "retrying on a new socket");
    assert!(
        (2..=5).contains(&retries),
        "{retries} retries\n{}",
        req.dump()
    );
    assert!(!req.stderr().contains("giving up"), "{}", req.dump());
    let copies = rep.stdout_text().matches("request 2\n").count();
    assert!(
        copies >= 2,
        "the resent request never arrived\n{}",
        rep.dump()
    );
    assert!(
        rep.stdout_text().starts_with("request 1\nrequest 2\n"),
        "{}",
        rep.dump()
    );
    assert!(rep.try_wait().is_none(), "rep ended\n{}", rep.dump());
    eprintln!(
        "{test}: partition by {how} for {} ms ({retries_in_partition} resends inside it); \
         reply {} ms after the heal, {} ms after the request; {retries} retries of 5 in all; \
         the server saw the request {copies} times",
        ms(partition_lasted),
        ms(answered),
        ms(asked.elapsed()),
    );
}

// ---------------------------------------------------------------------------------------------
// ZMTP 3.0 by hand (RFC 23/ZMTP)

/// Frame flags: more frames follow; the size is 8 octets; a command, not a message frame.
const MORE: u8 = 0x01;
const LONG: u8 = 0x02;
const COMMAND: u8 = 0x04;

/// The 64-octet greeting of a NULL-mechanism client: signature (`%xFF`, 8 octets of padding,
/// `%x7F`), version 3.0, the mechanism name padded with zeros to 20 octets, as-server 0, and
/// 31 octets of zero filler.
fn greeting() -> Vec<u8> {
    let mut g = vec![0xFF];
    g.extend_from_slice(&[0; 8]);
    g.push(0x7F);
    g.extend_from_slice(&[3, 0]);
    let mut mechanism = [0u8; 20];
    mechanism[..4].copy_from_slice(b"NULL");
    g.extend_from_slice(&mechanism);
    g.push(0);
    g.extend_from_slice(&[0; 31]);
    assert_eq!(g.len(), 64);
    g
}

/// A frame header: the flags, then the size in one octet, or in eight (network order) with
/// the LONG flag when it does not fit in one.
fn header(flags: u8, size: u64) -> Vec<u8> {
    match u8::try_from(size) {
        Ok(short) => vec![flags, short],
        Err(_) => {
            let mut h = vec![flags | LONG];
            h.extend_from_slice(&size.to_be_bytes());
            h
        }
    }
}

/// A message: every frame but the last carries MORE.
fn message(frames: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        let flags = if i + 1 < frames.len() { MORE } else { 0 };
        out.extend(header(flags, f.len() as u64));
        out.extend_from_slice(f);
    }
    out
}

/// READY with its one property, `Socket-Type`: name (size octet + text), then each property as
/// name (size octet + text) and value (4-octet size in network order + bytes).
fn ready(socket_type: &str) -> Vec<u8> {
    let mut body = vec![5];
    body.extend_from_slice(b"READY");
    let name = b"Socket-Type";
    body.push(name.len() as u8);
    body.extend_from_slice(name);
    body.extend_from_slice(&(socket_type.len() as u32).to_be_bytes());
    body.extend_from_slice(socket_type.as_bytes());
    let mut out = header(COMMAND, body.len() as u64);
    out.extend(body);
    out
}

/// A command's name and properties.
fn parse_command(body: &[u8]) -> (String, Vec<(String, Vec<u8>)>) {
    let take = |at: &mut usize, n: usize| -> &[u8] {
        let piece = body
            .get(*at..*at + n)
            .unwrap_or_else(|| panic!("malformed command {body:?}"));
        *at += n;
        piece
    };
    let mut at = 0;
    let len = take(&mut at, 1)[0] as usize;
    let name = String::from_utf8_lossy(take(&mut at, len)).into_owned();
    let mut props = Vec::new();
    while at < body.len() {
        let len = take(&mut at, 1)[0] as usize;
        let key = String::from_utf8_lossy(take(&mut at, len)).into_owned();
        let size = u32::from_be_bytes(take(&mut at, 4).try_into().unwrap()) as usize;
        props.push((key, take(&mut at, size).to_vec()));
    }
    (name, props)
}

/// Pseudo-random bytes (xorshift64), the same for the same seed.
fn garbage(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

/// A raw TCP client of a zmqcat endpoint, every read and write bounded by [`T`].
struct Raw {
    stream: TcpStream,
}

impl Raw {
    fn connect(ep: &str) -> Raw {
        let hostport = ep.strip_prefix("tcp://").expect("a tcp endpoint");
        let addr = hostport
            .to_socket_addrs()
            .expect("resolving")
            .next()
            .expect("an address");
        let stream = TcpStream::connect_timeout(&addr, T)
            .unwrap_or_else(|e| panic!("connecting to {ep}: {e}"));
        stream.set_read_timeout(Some(T)).unwrap();
        stream.set_write_timeout(Some(T)).unwrap();
        Raw { stream }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.stream
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("writing to zmqcat: {e}"));
    }

    /// Sends what may well be refused halfway: zmqcat may hang up on it first.
    fn send_lossy(&mut self, bytes: &[u8]) {
        let _ = self.stream.write_all(bytes);
    }

    fn read(&mut self, n: usize) -> Vec<u8> {
        let mut buf = vec![0; n];
        self.stream
            .read_exact(&mut buf)
            .unwrap_or_else(|e| panic!("reading {n} bytes from zmqcat: {e}"));
        buf
    }

    /// Reads zmqcat's greeting and checks it against the spec.
    fn read_greeting(&mut self) {
        let g = self.read(64);
        assert_eq!((g[0], g[9]), (0xFF, 0x7F), "signature {:?}", &g[..10]);
        assert_eq!(g[10], 3, "ZMTP major version {}", g[10]);
        assert_eq!(
            &g[12..32],
            b"NULL\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
            "mechanism"
        );
    }

    /// Reads one frame: its flags and body.
    fn read_frame(&mut self) -> (u8, Vec<u8>) {
        let flags = self.read(1)[0];
        let size = if flags & LONG != 0 {
            u64::from_be_bytes(self.read(8).try_into().unwrap())
        } else {
            u64::from(self.read(1)[0])
        };
        assert!(size <= 1 << 20, "frame of {size} bytes from zmqcat");
        (flags, self.read(size as usize))
    }

    /// Reads one message: its frames.
    fn read_message(&mut self) -> Vec<Vec<u8>> {
        let mut frames = Vec::new();
        loop {
            let (flags, body) = self.read_frame();
            assert_eq!(flags & COMMAND, 0, "a command instead of a message frame");
            frames.push(body);
            if flags & MORE == 0 {
                return frames;
            }
        }
    }

    /// A complete NULL handshake as a `socket_type` peer; returns the properties of zmqcat's
    /// READY.
    fn handshake(&mut self, socket_type: &str) -> Vec<(String, Vec<u8>)> {
        self.send(&greeting());
        self.read_greeting();
        self.send(&ready(socket_type));
        let (flags, body) = self.read_frame();
        assert_eq!(
            flags & COMMAND,
            COMMAND,
            "expected READY, got flags {flags:#x}"
        );
        let (name, props) = parse_command(&body);
        assert_eq!(name, "READY");
        props
    }

    /// Waits until zmqcat hangs up (end of file, or a reset); returns how long that took.
    fn wait_hung_up(&mut self, timeout: Duration) -> Duration {
        hung_up_within(&mut self.stream, timeout)
            .unwrap_or_else(|| panic!("zmqcat kept the connection for {timeout:?}"))
    }

    fn close(self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

/// Reads (and discards) until the other side hangs up (end of file, or a reset); how long that
/// took, or `None` if it did not within `timeout`.
fn hung_up_within(stream: &mut TcpStream, timeout: Duration) -> Option<Duration> {
    let started = Instant::now();
    let deadline = started + timeout;
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return Some(started.elapsed()),
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted
                        | io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return Some(started.elapsed()),
        }
    }
}

fn property<'a>(props: &'a [(String, Vec<u8>)], name: &str) -> Option<&'a [u8]> {
    props
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_slice())
}

// ---------------------------------------------------------------------------------------------
// misbehaving peers

/// A well-behaved PUSH peer sending `good 1`, `good 2`… to a `zmqcat pull -f json`.
struct GoodPush {
    sock: zmq::Socket,
    sent: usize,
}

impl GoodPush {
    fn connect(ctx: &zmq::Context, ep: &str) -> GoodPush {
        GoodPush {
            sock: connected(ctx, zmq::PUSH, ep),
            sent: 0,
        }
    }

    fn send(&mut self, n: usize) {
        for _ in 0..n {
            self.sent += 1;
            send_text(&self.sock, &[&format!("good {}", self.sent)]);
        }
    }

    /// Waits for the last message sent: one connection keeps order, so all came before it.
    fn wait_arrived(&self, pull: &Proc) {
        let last = format!("[\"good {}\"]\n", self.sent);
        pull.wait_stdout_contains(last.as_bytes(), T);
    }

    /// Checks that every message arrived exactly once, in order; returns the other lines.
    fn check(&self, pull: &Proc) -> Vec<String> {
        let (good, other): (Vec<String>, Vec<String>) = whole_lines(&pull.stdout())
            .into_iter()
            .partition(|l| l.starts_with("[\"good "));
        let want: Vec<String> = (1..=self.sent).map(|i| format!("[\"good {i}\"]")).collect();
        assert!(
            good == want,
            "the good peer's messages are not all there, once each, in order\n{}",
            pull.dump()
        );
        other
    }
}

/// The end of a misbehaviour test: zmqcat is still serving, printed no panic, and ends on
/// SIGTERM with 143.
fn still_serving_then_stop(mut p: Proc) {
    assert!(p.try_wait().is_none(), "zmqcat ended\n{}", p.dump());
    assert!(!p.stderr().contains("panicked"), "{}", p.dump());
    p.signal(libc::SIGTERM);
    p.expect_exit(143, T);
}

/// Garbage, an HTTP request and truncated greetings (closed, or stalled until zmqcat's
/// handshake timeout) against `zmqcat pull`, while a good peer keeps sending: each bad
/// connection is accepted, reported as a failed handshake and a disconnection, and dropped;
/// every good message arrives, once, in order; zmqcat keeps running.
#[test]
fn pull_drops_garbage_and_truncated_greetings_while_serving_a_good_peer() {
    let test = "pull_drops_garbage_and_truncated_greetings_while_serving_a_good_peer";
    let ctx = zmq::Context::new();
    let pull = Proc::spawn(&[
        "pull",
        "-v",
        "-f",
        "json",
        "--max-msg-size",
        "1024",
        "--set",
        "handshake_ivl=1s",
        "--bind",
        "tcp://127.0.0.1:*",
    ]);
    let ep = pull.wait_bound(T);
    let mut good = GoodPush::connect(&ctx, &ep);
    good.send(20);
    good.wait_arrived(&pull);
    let mut bad = 0;
    let mut dropped_bad = |pull: &Proc| {
        bad += 1;
        pull.wait_stderr_count("disconnected from", bad, T);
        bad
    };

    // (a) garbage: pseudo-random bytes, then an HTTP request (a stray web client, a scanner).
    let http = b"GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: probe\r\n\r\n".to_vec();
    for junk in [garbage(1, 4096), garbage(2, 100), garbage(3, 20_000), http] {
        let mut raw = Raw::connect(&ep);
        raw.send_lossy(&junk);
        good.send(20);
        good.wait_arrived(&pull);
        raw.close();
        dropped_bad(&pull);
    }

    // (b) a greeting cut short after the version, then closed: zmqcat answered with its own
    // signature first.
    let mut raw = Raw::connect(&ep);
    raw.send(&greeting()[..12]);
    let signature = raw.read(10);
    assert_eq!((signature[0], signature[9]), (0xFF, 0x7F));
    good.send(20);
    good.wait_arrived(&pull);
    raw.close();
    dropped_bad(&pull);

    // … and cut short inside the signature, then stalled: the good peer is served meanwhile,
    // and zmqcat hangs up once its handshake timeout (here 1 s) has passed.
    let mut raw = Raw::connect(&ep);
    let stalled = Instant::now();
    raw.send(&greeting()[..5]);
    good.send(20);
    good.wait_arrived(&pull);
    raw.wait_hung_up(T);
    let stall_dropped = stalled.elapsed();
    assert!(
        stall_dropped >= Duration::from_millis(900),
        "dropped after {stall_dropped:?}, before the handshake timeout\n{}",
        pull.dump()
    );
    let bad = dropped_bad(&pull);

    good.send(20);
    good.wait_arrived(&pull);
    let foreign = good.check(&pull);
    // One accepted connection per peer, one handshake (the good peer's), a disconnection for
    // each bad one.
    assert_eq!(
        count(&pull, "accepted a connection"),
        1 + bad,
        "{}",
        pull.dump()
    );
    assert_eq!(count(&pull, " succeeded"), 1, "{}", pull.dump());
    assert_eq!(count(&pull, "disconnected from"), bad, "{}", pull.dump());
    eprintln!(
        "{test}: {} good messages all arrived in order; {bad} bad peers dropped; the stalled \
         one after {} ms; {} foreign messages printed (see \
         pull_prints_nothing_a_non_zmtp_client_sends)",
        good.sent,
        ms(stall_dropped),
        foreign.len()
    );
    still_serving_then_stop(pull);
}

/// A peer that completes a valid NULL handshake by hand (as PUSH), sends two good messages,
/// then announces a 1 MB frame to `zmqcat pull --max-msg-size 1024`: zmqcat takes the good
/// messages, hangs up on the oversized frame, and goes on with the good zmq peer.
#[test]
fn pull_drops_a_peer_announcing_a_frame_over_max_msg_size() {
    let test = "pull_drops_a_peer_announcing_a_frame_over_max_msg_size";
    let ctx = zmq::Context::new();
    let pull = Proc::spawn(&[
        "pull",
        "-v",
        "-f",
        "json",
        "--max-msg-size",
        "1024",
        "--bind",
        "tcp://127.0.0.1:*",
    ]);
    let ep = pull.wait_bound(T);
    let mut good = GoodPush::connect(&ctx, &ep);
    good.send(20);
    good.wait_arrived(&pull);

    let mut raw = Raw::connect(&ep);
    let props = raw.handshake("PUSH");
    assert_eq!(
        property(&props, "Socket-Type"),
        Some(&b"PULL"[..]),
        "{props:?}"
    );
    pull.wait_stderr_count(" succeeded", 2, T);
    // The hand-made framing is right: a one-frame and a two-frame message are printed.
    raw.send(&message(&[b"hand 1"]));
    raw.send(&message(&[b"hand", b"2"]));
    pull.wait_stdout_contains(b"[\"hand\",\"2\"]\n", T);
    good.send(20);
    good.wait_arrived(&pull);

    // A frame header announcing 1 MB (the LONG form, eight size octets), and a first piece.
    let size = 1_000_000u64;
    let mut oversized = header(LONG, size);
    assert_eq!(oversized.len(), 9);
    oversized.extend_from_slice(&[b'x'; 1000]);
    raw.send_lossy(&oversized);
    let hung_up = raw.wait_hung_up(T);
    pull.wait_stderr_count("disconnected from", 1, T);
    good.send(20);
    good.wait_arrived(&pull);

    let other = good.check(&pull);
    assert_eq!(
        other,
        ["[\"hand 1\"]", "[\"hand\",\"2\"]"],
        "the hand-made peer's messages, once each and nothing of the oversized one\n{}",
        pull.dump()
    );
    assert_eq!(count(&pull, "accepted a connection"), 2, "{}", pull.dump());
    assert_eq!(count(&pull, "disconnected from"), 1, "{}", pull.dump());
    eprintln!(
        "{test}: hand-made peer dropped {} ms after announcing {size} bytes; {} good messages \
         all arrived in order",
        ms(hung_up),
        good.sent
    );
    still_serving_then_stop(pull);
}

/// The same against `zmqcat rep --echo`: a hand-made REQ peer's request (empty delimiter frame,
/// body) is printed and echoed back in ZMTP frames; then its oversized frame gets it dropped,
/// while a good zmq REQ peer's round trips go on before, during and after.
#[test]
fn rep_answers_a_hand_made_req_then_drops_it_for_an_oversized_frame() {
    let test = "rep_answers_a_hand_made_req_then_drops_it_for_an_oversized_frame";
    let ctx = zmq::Context::new();
    let rep = Proc::spawn(&[
        "rep",
        "--echo",
        "-v",
        "-f",
        "json",
        "--max-msg-size",
        "1024",
        "--bind",
        "tcp://127.0.0.1:*",
    ]);
    let ep = rep.wait_bound(T);
    let client = socket(&ctx, zmq::REQ);
    client.connect(&ep).unwrap();
    let mut asked = 0;
    let mut round_trips = |n: usize| {
        for _ in 0..n {
            asked += 1;
            let text = format!("good {asked}");
            send_text(&client, &[&text]);
            assert_eq!(recv(&client), vec![text.into_bytes()]);
        }
        asked
    };
    round_trips(10);

    let mut raw = Raw::connect(&ep);
    let props = raw.handshake("REQ");
    assert_eq!(
        property(&props, "Socket-Type"),
        Some(&b"REP"[..]),
        "{props:?}"
    );
    raw.send(&message(&[b"", b"hand"]));
    assert_eq!(raw.read_message(), [b"".to_vec(), b"hand".to_vec()]);
    round_trips(10);

    // The next request: its delimiter, then a frame announced at 1 MB.
    let mut oversized = header(MORE, 0);
    oversized.extend(header(LONG, 1_000_000));
    oversized.extend_from_slice(&[b'x'; 1000]);
    raw.send_lossy(&oversized);
    let hung_up = raw.wait_hung_up(T);
    rep.wait_stderr_count("disconnected from", 1, T);
    let asked = round_trips(10);
    // rep prints a request once it is waiting again, which may be just after its reply left.
    rep.wait_stdout_contains(format!("[\"good {asked}\"]\n").as_bytes(), T);

    let mut want: Vec<String> = (1..=10).map(|i| format!("[\"good {i}\"]")).collect();
    want.push("[\"hand\"]".into());
    want.extend((11..=asked).map(|i| format!("[\"good {i}\"]")));
    assert_eq!(whole_lines(&rep.stdout()), want, "{}", rep.dump());
    assert_eq!(count(&rep, "accepted a connection"), 2, "{}", rep.dump());
    assert_eq!(count(&rep, "disconnected from"), 1, "{}", rep.dump());
    eprintln!(
        "{test}: hand-made REQ answered, then dropped {} ms after its oversized frame; {asked} \
         good round trips",
        ms(hung_up)
    );
    still_serving_then_stop(rep);
}

/// A client that does not speak ZMTP at all must not get anything printed. libzmq takes a first
/// byte other than 0xFF for a ZMTP/1.0 peer and decodes whatever follows as 1.0 frames, unless a
/// ZAP domain is set: zmqcat sets one on every socket, so an HTTP request is refused.
#[test]
fn pull_prints_nothing_a_non_zmtp_client_sends() {
    let ctx = zmq::Context::new();
    let pull = Proc::spawn(&["pull", "-v", "-f", "json", "--bind", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let mut raw = Raw::connect(&ep);
    raw.send_lossy(
        b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .repeat(20)
            .as_slice(),
    );
    raw.close();
    pull.wait_stderr_count("disconnected from", 1, T);
    let mut good = GoodPush::connect(&ctx, &ep);
    good.send(1);
    good.wait_arrived(&pull);
    assert_eq!(pull.stdout_text(), "[\"good 1\"]\n", "{}", pull.dump());
    still_serving_then_stop(pull);
}

/// `-v` says why a handshake failed, in the socket's terms: on a socket without any security
/// mechanism, a peer that hangs up inside the greeting is not blamed on CURVE, and one that
/// stalls until the handshake timeout is called a timeout (libzmq reports both as bare errnos).
#[test]
fn handshake_failures_on_a_socket_without_security_name_the_real_cause() {
    let pull = Proc::spawn(&[
        "pull",
        "-v",
        "--set",
        "handshake_ivl=500ms",
        "--bind",
        "tcp://127.0.0.1:*",
    ]);
    let ep = pull.wait_bound(T);
    // A greeting cut short after the version, then closed.
    let mut raw = Raw::connect(&ep);
    raw.send(&greeting()[..12]);
    raw.read(10);
    raw.close();
    pull.wait_stderr_count("disconnected from", 1, T);
    // A greeting cut short, then stalled until zmqcat's handshake timeout.
    let mut raw = Raw::connect(&ep);
    raw.send(&greeting()[..5]);
    raw.wait_hung_up(T);
    pull.wait_stderr_count("disconnected from", 2, T);
    let stderr = pull.stderr();
    let failures: Vec<&str> = stderr.lines().filter(|l| l.contains(" failed")).collect();
    assert_eq!(failures.len(), 2, "{}", pull.dump());
    for line in &failures {
        assert!(
            !line.contains("CURVE"),
            "CURVE blamed on a socket without security: {line}\n{}",
            pull.dump()
        );
    }
    assert!(
        failures[1].contains("timed out") || failures[1].contains("timeout"),
        "the stalled handshake is not called a timeout: {}\n{}",
        failures[1],
        pull.dump()
    );
    still_serving_then_stop(pull);
}

// ---------------------------------------------------------------------------------------------
// Lazy Pirate: the sockets given up

/// `req --retries 2 -t 2s` against a hand-made REP server (a TCP listener speaking ZMTP by
/// hand) that answers the first request and no other, then only accepts connections without
/// a word: each retry gives a connection up and opens the next. Returns how many of the two
/// connections given up (the first one, which had a round trip, and the first retry's) zmqcat
/// had closed within a second after its second retry.
fn lazy_pirate_closed_connections(verbose: bool) -> (usize, Proc) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a listener");
    let ep = format!("tcp://{}", listener.local_addr().unwrap());
    let mut args = vec!["req", "--retries", "2", "-t", "2s", &ep];
    if verbose {
        args.insert(1, "-v");
    }
    let mut req = Proc::spawn(&args);
    req.write_stdin(b"one\n");
    // The listener's backlog holds the connection: accept() returns at once.
    let (stream, _) = listener.accept().expect("accept");
    let mut first = Raw { stream };
    first.stream.set_read_timeout(Some(T)).unwrap();
    let props = first.handshake("REP");
    assert_eq!(
        property(&props, "Socket-Type"),
        Some(&b"REQ"[..]),
        "{props:?}"
    );
    assert_eq!(first.read_message(), [b"".to_vec(), b"one".to_vec()]);
    first.send(&message(&[b"", b"answer"]));
    req.wait_stdout_contains(b"answer\n", T);
    req.write_stdin(b"two\n");
    req.close_stdin();
    assert_eq!(first.read_message(), [b"".to_vec(), b"two".to_vec()]);
    // No answer: req gives this connection up, then the first retry's.
    req.wait_stderr_count("retrying on a new socket (2 of 2)", 1, T);
    listener.set_nonblocking(true).unwrap();
    let mut retry = None;
    let deadline = Instant::now() + T;
    while retry.is_none() {
        match listener.accept() {
            Ok((stream, _)) => {
                stream.set_nonblocking(false).unwrap();
                retry = Some(stream);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                assert!(
                    Instant::now() < deadline,
                    "no retry connection\n{}",
                    req.dump()
                );
                thread::sleep(POLL);
            }
            Err(e) => panic!("accept: {e}"),
        }
    }
    let mut closed = 0;
    for conn in [&mut first.stream, retry.as_mut().unwrap()] {
        if hung_up_within(conn, Duration::from_secs(1)).is_some() {
            closed += 1;
        }
    }
    (closed, req)
}

/// A Lazy Pirate retry closes the socket it gives up: its connection ends at once, so a late
/// reply or a healed network cannot revive it.
#[test]
fn lazy_pirate_closes_the_sockets_it_gives_up() {
    let (closed, req) = lazy_pirate_closed_connections(false);
    assert_eq!(
        closed,
        2,
        "connections given up but still open\n{}",
        req.dump()
    );
}

/// The same with `-v`. A monitored socket that is given up must have its monitor stopped before
/// it closes: otherwise libzmq blocks sending a monitor event to a reader that is gone (libzmq
/// #3575), later sockets are never closed, and their connections deliver the old request late
/// across a healed partition.
#[test]
fn lazy_pirate_with_v_closes_the_sockets_it_gives_up() {
    let (closed, req) = lazy_pirate_closed_connections(true);
    assert_eq!(
        closed,
        2,
        "connections given up but still open\n{}",
        req.dump()
    );
}
