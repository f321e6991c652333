//! Features beyond the usual socket commands: message templates, `--deadline`, topics as frames
//! (`pub --topic`, `sub --strip-topic`, `sub --exclude`), `--tee` and `--trace`.

use std::time::{Duration, Instant};

use crate::support::{bound, recv, Proc, T};

fn ipc(dir: &tempfile::TempDir, name: &str) -> String {
    format!("ipc://{}", dir.path().join(name).display())
}

/// A zmq PULL bound on a fresh port, and its endpoint.
fn pull() -> (zmq::Context, zmq::Socket, String) {
    let ctx = zmq::Context::new();
    let (sock, ep) = bound(&ctx, zmq::PULL);
    (ctx, sock, ep)
}

fn text(frames: &[Vec<u8>]) -> Vec<String> {
    frames
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect()
}

#[test]
fn templates_fill_in_sequence_time_randomness_host_and_pid() {
    let (_ctx, sink, ep) = pull();
    let mut push = Proc::spawn(&[
        "push",
        "-n",
        "3",
        "-m",
        "n={seq} t={ts} ms={ts:ms} r={rand:4} h={hostname} p={pid} {{seq}",
        &ep,
    ]);
    push.close_stdin();
    let started = std::time::SystemTime::now();
    let mut randoms = Vec::new();
    for n in 1..=3 {
        let msg = text(&recv(&sink));
        assert_eq!(msg.len(), 1);
        let fields: Vec<&str> = msg[0].split(' ').collect();
        assert_eq!(fields[0], format!("n={n}"));
        let ts = fields[1].strip_prefix("t=").expect("t=");
        let at = humantime::parse_rfc3339(ts).expect("an RFC 3339 time");
        let skew = at.duration_since(started).unwrap_or_else(|e| e.duration());
        assert!(skew < Duration::from_secs(60), "{ts}");
        let ms: u128 = fields[2]
            .strip_prefix("ms=")
            .expect("ms=")
            .parse()
            .expect("ms");
        assert!(ms > 1_700_000_000_000, "{ms}");
        let r = fields[3].strip_prefix("r=").expect("r=");
        assert_eq!(r.len(), 8);
        assert!(r.bytes().all(|b| b.is_ascii_hexdigit()));
        randoms.push(r.to_string());
        assert!(fields[4].len() > 2, "hostname");
        assert_eq!(fields[5], format!("p={}", push.pid()));
        assert_eq!(fields[6], "{seq}", "{{ is a literal brace");
    }
    randoms.dedup();
    assert_eq!(randoms.len(), 3, "random bytes differ per message");
    push.expect_exit(0, T);
}

#[test]
fn json_messages_with_braces_are_not_templates_unless_asked() {
    let (_ctx, sink, ep) = pull();
    let mut push = Proc::spawn(&[
        "push",
        "-f",
        "json",
        "-n",
        "2",
        "-m",
        r#"["{seq}",{"base64":"aGk="}]"#,
        &ep,
    ]);
    push.close_stdin();
    assert_eq!(text(&recv(&sink)), ["1", "hi"]);
    assert_eq!(text(&recv(&sink)), ["2", "hi"]);
    push.expect_exit(0, T);
}

#[test]
fn a_bad_template_is_a_usage_error_before_anything_is_sent() {
    let mut push = Proc::spawn(&["push", "-m", "x{rand:0}", "tcp://127.0.0.1:1"]);
    push.close_stdin();
    push.expect_exit(2, T);
    assert!(push.stderr().contains("{rand:0}"), "{}", push.dump());
}

#[test]
fn deadline_ends_a_busy_or_idle_run_with_status_5_and_keeps_what_arrived() {
    // Idle: a receiver with nothing to read.
    let started = Instant::now();
    let mut idle = Proc::spawn(&["pull", "--deadline", "300ms", "tcp://127.0.0.1:*"]);
    idle.close_stdin();
    idle.expect_exit(5, T);
    assert!(started.elapsed() >= Duration::from_millis(300));

    // Busy: a receiver fed a steady stream; what it got before the deadline is all printed.
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "busy");
    let mut sink = Proc::spawn(&["pull", "--deadline", "700ms", "--bind", &ep]);
    let mut source = Proc::spawn(&["push", "-m", "tick {seq}", "--interval", "5ms", "-c", &ep]);
    source.close_stdin();
    sink.expect_exit(5, T);
    let lines = crate::support::whole_lines(&sink.stdout());
    assert!(!lines.is_empty(), "{}", sink.dump());
    let expected: Vec<String> = (1..=lines.len()).map(|n| format!("tick {n}")).collect();
    assert_eq!(lines, expected, "in order, none lost, nothing cut");
    // --deadline is separate from the idle --timeout: the source never idles, and stops at it.
    source.signal(libc::SIGTERM);
    source.expect_exit(143, T);
}

#[test]
fn pub_topic_frames_and_sub_strip_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let ep = ipc(&dir, "topics");
    let mut sub = Proc::spawn(&[
        "sub",
        "--bind",
        &ep,
        "-n",
        "3",
        "-s",
        "weather",
        "--strip-topic",
        "--exclude",
        "weather.debug",
    ]);
    let mut publisher = Proc::spawn(&["pub", "--wait-peers", "1", "--topic", "weather", "-c", &ep]);
    publisher.feed_stdin_and_close(b"21C\nsunny\tdry\n".to_vec());
    publisher.expect_exit(0, T);
    let mut noisy = Proc::spawn(&["pub", "--wait-peers", "1", "-c", &ep]);
    noisy.feed_stdin_and_close(b"weather.debug\tignored\nweather-pt 17C\n".to_vec());
    noisy.expect_exit(0, T);
    sub.expect_exit(0, T);
    // Multi-frame: the topic frame goes; single frame: the subscribed prefix goes.
    assert_eq!(sub.stdout_text(), "21C\nsunny\tdry\n-pt 17C\n");
}

#[test]
fn topic_frames_reach_a_zmq_subscriber() {
    let ctx = zmq::Context::new();
    let (sub, ep) = bound(&ctx, zmq::SUB);
    sub.set_subscribe(b"news").unwrap();
    let mut publisher = Proc::spawn(&[
        "pub",
        "--wait-peers",
        "1",
        "--topic",
        "news",
        "-m",
        "item {seq}",
        "-n",
        "2",
        "-c",
        &ep,
    ]);
    publisher.close_stdin();
    assert_eq!(text(&recv(&sub)), ["news", "item 1"]);
    assert_eq!(text(&recv(&sub)), ["news", "item 2"]);
    publisher.expect_exit(0, T);
}

#[test]
fn tee_prints_what_is_sent_after_a_marker_field() {
    let (_ctx, sink, ep) = pull();
    let mut push = Proc::spawn(&["push", "--tee", &ep]);
    push.feed_stdin_and_close(b"one\ntwo\tframes\n".to_vec());
    assert_eq!(text(&recv(&sink)), ["one"]);
    assert_eq!(text(&recv(&sink)), ["two", "frames"]);
    push.expect_exit(0, T);
    assert_eq!(push.stdout_text(), ">\tone\n>\ttwo\tframes\n");

    // A duplex command shows both directions: received as they are, sent after `>`.
    let ctx = zmq::Context::new();
    let (peer, ep) = bound(&ctx, zmq::PAIR);
    let mut pair = Proc::spawn(&["pair", "--tee", "-n", "1", &ep]);
    pair.feed_stdin_and_close(b"ping\n".to_vec());
    assert_eq!(text(&recv(&peer)), ["ping"]);
    peer.send("pong", 0).unwrap();
    pair.expect_exit(0, T);
    let out = pair.stdout_text();
    assert!(
        out == ">\tping\npong\n" || out == "pong\n>\tping\n",
        "{out}"
    );
}

#[test]
fn tee_and_coproc_do_not_mix() {
    let mut p = Proc::spawn(&["dealer", "--tee", "--coproc", "cat", "tcp://127.0.0.1:1"]);
    p.close_stdin();
    p.expect_exit(2, T);
    assert!(p.stderr().contains("--tee"), "{}", p.dump());
}

#[test]
fn trace_hexdumps_every_frame_both_ways() {
    let ctx = zmq::Context::new();
    let (rep, ep) = bound(&ctx, zmq::REP);
    let mut req = Proc::spawn(&["req", "--trace", "-m", "Hi\\x00there", "-f", "quoted", &ep]);
    req.close_stdin();
    let got = recv(&rep);
    assert_eq!(got, vec![b"Hi\x00there".to_vec()]);
    rep.send("ok", 0).unwrap();
    req.expect_exit(0, T);
    let err = req.stderr();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].contains(" > frame 1, 8 bytes"), "{err}");
    assert_eq!(
        lines[1].trim_end(),
        "  000000  48 69 00 74 68 65 72 65                          |Hi.there|"
    );
    assert!(lines[2].contains(" < frame 1, 2 bytes"), "{err}");
}

/// Runs zmqcat to completion with `env` set, no stdin; returns (status, stdout, stderr).
fn run_with(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = std::process::Command::new(crate::support::bin());
    cmd.args(args).stdin(std::process::Stdio::null());
    for var in [
        "ZMQCAT_FORMAT",
        "ZMQCAT_PROFILE",
        "ZMQCAT_CONFIG",
        "ZMQCAT_TIMEOUT",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("zmqcat runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn explain(args: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--explain");
    let (status, out, err) = run_with(&all, env);
    assert_eq!(status, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn explain_lists_one_zap_domain_for_a_plain_server() {
    let plan = explain(
        &[
            "pull",
            "--plain-server",
            "--plain-user",
            "u",
            "--plain-pass",
            "p",
            "@tcp://127.0.0.1:9",
        ],
        &[],
    );
    let options = plan["socket"]["options"].as_array().unwrap();
    let zap: Vec<_> = options.iter().filter(|o| o[0] == "zap_domain").collect();
    assert_eq!(zap.len(), 1, "{options:?}");
}

#[test]
fn explain_shows_the_plan_without_touching_the_network() {
    // A port nobody listens on, with an infinite linger: a real run would wait forever.
    let plan = explain(
        &[
            "push",
            "--linger",
            "inf",
            "--sndhwm",
            "10",
            "-m",
            "x {seq}",
            "-n",
            "3",
            "--plain-user",
            "app",
            "--plain-pass",
            "pw-never-shown",
            "tcp://127.0.0.1:9",
            "@ipc:///tmp/zmqcat-explain",
        ],
        &[],
    );
    assert_eq!(plan["command"], "push");
    assert_eq!(plan["socket"]["type"], "PUSH");
    assert_eq!(
        plan["socket"]["endpoints"],
        serde_json::json!([{"connect": "tcp://127.0.0.1:9"}, {"bind": "ipc:///tmp/zmqcat-explain"}])
    );
    let options = plan["socket"]["options"].as_array().unwrap();
    assert!(
        options.contains(&serde_json::json!(["sndhwm", "10"])),
        "{options:?}"
    );
    assert!(options.contains(&serde_json::json!(["plain_password", "<redacted>"])));
    assert_eq!(plan["socket"]["security"]["mechanism"], "PLAIN");
    assert_eq!(plan["input"]["template"], true);
    assert_eq!(plan["limits"]["linger"], "infinite");
    assert!(!plan.to_string().contains("pw-never-shown"));
    assert!(
        !std::path::Path::new("/tmp/zmqcat-explain").exists(),
        "nothing was bound"
    );
}

#[test]
fn explain_checks_like_a_real_run_and_covers_proxy_and_poll() {
    let (status, _, err) = run_with(&["push", "--explain", "tcp://nohost"], &[]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("missing port"), "{err}");
    let plan = explain(
        &[
            "proxy",
            "router@tcp://127.0.0.1:*",
            "dealer@tcp://127.0.0.1:*",
            "--for",
            "back",
            "--deny-ip",
            "10.0.0.0/8",
        ],
        &[],
    );
    assert_eq!(plan["sockets"][0]["label"], "front");
    assert_eq!(plan["sockets"][1]["type"], "DEALER");
    assert_eq!(
        plan["sockets"][1]["security"]["admits"]["deny_ip"],
        serde_json::json!(["10.0.0.0/8"])
    );
    assert!(plan["sockets"][0]["security"].get("admits").is_none());
    let plan = explain(
        &["poll", "a=pull@ipc:///tmp/x", "b=sub>tcp://h:1", "-s", "k"],
        &[],
    );
    assert_eq!(plan["sockets"][1]["label"], "b");
    let options = plan["sockets"][1]["options"].as_array().unwrap();
    assert!(options.contains(&serde_json::json!(["subscribe", "k"])));
}

#[test]
fn environment_and_profiles_supply_defaults_and_the_command_line_wins() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[profile.prod]\nformat = \"json\"\ntimeout = \"5s\"\nsubscribe = [\"a\", \"b\"]\n\
         immediate = true\ntopic = \"for-pub-only\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    // The environment alone.
    let plan = explain(&["sub", "5556"], &[("ZMQCAT_FORMAT", "quoted")]);
    assert_eq!(plan["format"]["name"], "quoted");
    assert_eq!(plan["environment"][0]["variable"], "ZMQCAT_FORMAT");
    // A profile beats the environment; the command line beats the profile.
    let env = [("ZMQCAT_CONFIG", config), ("ZMQCAT_FORMAT", "quoted")];
    let plan = explain(&["sub", "--profile", "prod", "-t", "2s", "5556"], &env);
    assert_eq!(plan["format"]["name"], "json");
    assert_eq!(plan["limits"]["timeout"], "2s");
    assert_eq!(plan["profile"]["skipped"], serde_json::json!(["topic"]));
    let options = plan["socket"]["options"].as_array().unwrap();
    assert!(options.contains(&serde_json::json!(["subscribe", "b"])));
    assert!(options.contains(&serde_json::json!(["immediate", "1"])));
    // ZMQCAT_PROFILE picks the profile too.
    let env = [("ZMQCAT_CONFIG", config), ("ZMQCAT_PROFILE", "prod")];
    let plan = explain(&["pub", "5556"], &env);
    assert_eq!(plan["sending"]["topic"], "for-pub-only");
    // Mistakes name the profile and the file.
    let (status, _, err) = run_with(&["pub", "--profile", "dev", "5556"], &env);
    assert_eq!(status, 2);
    assert!(
        err.contains("no profile 'dev'") && err.contains("(profiles: prod)"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("config.toml"),
        "[profile.prod]\nfromat = 1\n",
    )
    .unwrap();
    let (status, _, err) = run_with(&["pub", "5556"], &env);
    assert_eq!(status, 2);
    assert!(err.contains("'fromat' is not a zmqcat option"), "{err}");
}

#[test]
fn events_are_json_lines_a_script_can_follow() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("events.jsonl");
    let log_arg = log.to_str().unwrap();
    let mut pull = Proc::spawn(&["pull", "-n", "1", "--events", "-", "tcp://127.0.0.1:*"]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&["push", "--events", log_arg, &ep]);
    push.feed_stdin_and_close(b"hi\n".to_vec());
    push.expect_exit(0, T);
    pull.expect_exit(0, T);
    let records = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    };
    let names = |recs: &[serde_json::Value]| -> Vec<String> {
        recs.iter()
            .map(|r| r["event"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let sender = records(&std::fs::read_to_string(&log).unwrap());
    let sender_names = names(&sender);
    assert!(
        sender_names.contains(&"connected".to_string()),
        "{sender_names:?}"
    );
    assert!(
        sender_names.contains(&"handshake_succeeded".to_string()),
        "{sender_names:?}"
    );
    for r in &sender {
        assert_eq!(r["endpoint"], ep.as_str());
        assert!(humantime::parse_rfc3339(r["time"].as_str().unwrap()).is_ok());
    }
    let receiver = names(&records(&pull.stderr()));
    assert!(receiver.contains(&"accepted".to_string()), "{receiver:?}");
    assert!(
        receiver.contains(&"handshake_succeeded".to_string()),
        "{receiver:?}"
    );
}

#[test]
fn a_failed_handshake_event_carries_the_reason() {
    crate::support::secret("right-pw-zq");
    crate::support::secret("wrong-pw-zq");
    let mut pull = Proc::spawn(&[
        "pull",
        "--events",
        "-",
        "--plain-server",
        "--plain-user",
        "u",
        "--plain-pass",
        "right-pw-zq",
        "tcp://127.0.0.1:*",
    ]);
    let ep = pull.wait_bound(T);
    let mut push = Proc::spawn(&[
        "push",
        "--linger",
        "300ms",
        "--plain-user",
        "u",
        "--plain-pass",
        "wrong-pw-zq",
        &ep,
    ]);
    push.feed_stdin_and_close(b"x\n".to_vec());
    push.wait_exit(T);
    pull.wait_stderr_contains("\"event\":\"handshake_failed_auth\"", T);
    let line = pull
        .stderr()
        .lines()
        .find(|l| l.contains("handshake_failed_auth"))
        .unwrap_or_default()
        .to_string();
    let record: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(record["reason"], "authentication refused (ZAP status 400)");
    pull.signal(libc::SIGTERM);
    pull.expect_exit(143, T);
}

#[test]
fn examples_print_every_recipe_or_one() {
    let (status, all, _) = run_with(&["examples"], &[]);
    assert_eq!(status, 0);
    for name in [
        "hello",
        "weather",
        "pipeline",
        "broker",
        "lazy-pirate",
        "foodtruck",
    ] {
        assert!(all.contains(&format!("{name} — ")), "{name} missing");
    }
    let (status, one, _) = run_with(&["examples", "broker"], &[]);
    assert_eq!(status, 0);
    assert!(one.contains("proxy 'router@") && !one.contains("hello — "));
    let (status, _, err) = run_with(&["examples", "nope"], &[]);
    assert_eq!(status, 2, "{err}");
}

/// The recipes shown by `zmqcat examples` work as printed (here: identities, on a free port
/// instead of the guide's).
#[test]
fn example_recipes_work_as_printed() {
    let mut router = Proc::spawn(&[
        "router",
        "tcp://127.0.0.1:*",
        "--coproc",
        "sed -u 's/\\t/\\tok /'",
    ]);
    let ep = router.wait_bound(T);
    let mut dealer = Proc::spawn(&["dealer", "--identity", "cook", "-n", "1", &ep]);
    dealer.feed_stdin_and_close(b"burger\n".to_vec());
    dealer.expect_exit(0, T);
    assert_eq!(dealer.stdout_text(), "ok burger\n");
    router.signal(libc::SIGTERM);
    router.expect_exit(143, T);
}

#[test]
fn every_socket_has_a_zap_domain_unless_legacy_peers_are_admitted() {
    let domain = serde_json::json!(["zap_domain", "zmqcat"]);
    let plan = explain(&["pull", "5558"], &[]);
    assert!(plan["socket"]["options"]
        .as_array()
        .unwrap()
        .contains(&domain));
    let plan = explain(&["pull", "--legacy-peers", "5558"], &[]);
    assert!(!plan["socket"]["options"]
        .as_array()
        .unwrap()
        .contains(&domain));
}

/// Plain lines take a shorter path than the general decoder; both must agree on every edge:
/// empty lines, frames, the size limit exactly, one byte over it, and a last line without end.
#[test]
fn plain_lines_and_the_general_decoder_agree_on_the_edges() {
    let (_ctx, sink, ep) = pull();
    let mut push = Proc::spawn(&["push", "--max-msg-size", "5", &ep]);
    push.feed_stdin_and_close(b"12345\n\nab\tcd\n\t\nx\n123456\nnever\n".to_vec());
    assert_eq!(text(&recv(&sink)), ["12345"]);
    assert_eq!(text(&recv(&sink)), [""]);
    assert_eq!(text(&recv(&sink)), ["ab", "cd"]);
    assert_eq!(text(&recv(&sink)), ["", ""]);
    assert_eq!(text(&recv(&sink)), ["x"]);
    push.expect_exit(4, T);
    assert!(push.stderr().contains("message 6"), "{}", push.dump());

    let mut push = Proc::spawn(&["push", &ep]);
    push.feed_stdin_and_close(b"a\nlast without end".to_vec());
    assert_eq!(text(&recv(&sink)), ["a"]);
    assert_eq!(text(&recv(&sink)), ["last without end"]);
    push.expect_exit(0, T);
}

/// The same agreement for `zmtp` input: short and long single frames, a two-frame message,
/// the size limit exactly and one byte over it.
#[test]
fn plain_zmtp_frames_and_the_general_decoder_agree_on_the_edges() {
    let (_ctx, sink, ep) = pull();
    let mut input = Vec::new();
    input.extend_from_slice(&[0x00, 3]);
    input.extend_from_slice(b"abc");
    input.push(0x02);
    input.extend_from_slice(&5u64.to_be_bytes());
    input.extend_from_slice(b"long!");
    input.extend_from_slice(&[0x01, 1, b'x', 0x00, 2, b'y', b'z']);
    input.extend_from_slice(&[0x00, 0]);
    input.extend_from_slice(&[0x00, 6]);
    input.extend_from_slice(b"sixsix");
    let mut push = Proc::spawn(&["push", "-f", "zmtp", "--max-msg-size", "5", &ep]);
    push.feed_stdin_and_close(input);
    assert_eq!(text(&recv(&sink)), ["abc"]);
    assert_eq!(text(&recv(&sink)), ["long!"]);
    assert_eq!(text(&recv(&sink)), ["x", "yz"]);
    assert_eq!(text(&recv(&sink)), [""]);
    push.expect_exit(4, T);
    assert!(push.stderr().contains("message 5"), "{}", push.dump());
}

/// Runs zmqcat with stdout a pipe whose reader is already gone, as in `zmqcat … | true`.
fn status_into_a_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) writes.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe(2)");
    // SAFETY: both descriptors were just created and are owned here alone.
    let (reader, writer) = unsafe {
        (
            std::fs::File::from_raw_fd(fds[0]),
            std::fs::File::from_raw_fd(fds[1]),
        )
    };
    drop(reader);
    let out = std::process::Command::new(crate::support::bin())
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("zmqcat runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn printing_commands_exit_0_when_the_reader_of_stdout_is_gone() {
    for args in [
        &["push", "--explain", "5555"][..],
        &[
            "proxy",
            "--explain",
            "router@tcp://127.0.0.1:*",
            "dealer@tcp://127.0.0.1:*",
        ],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["examples"],
        &["--help"],
        &["push", "--help"],
    ] {
        let (status, err) = status_into_a_closed_pipe(args);
        assert_eq!(status, Some(0), "zmqcat {}: {err}", args.join(" "));
        assert!(
            !err.contains("panicked"),
            "zmqcat {}: {err}",
            args.join(" ")
        );
    }
}

#[test]
fn poll_sends_on_a_push_socket_next_to_a_pull() {
    // A send-only socket in poll is never asked to receive (libzmq would refuse: ENOTSUP).
    let ctx = zmq::Context::new();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let spec = format!("out=push>{ep}");
    let mut z = Proc::feeding(
        &["poll", "-t", "2s", &spec, "in=pull@tcp://127.0.0.1:*"],
        b"out\tone\nout\ttwo\n",
    );
    assert_eq!(recv(&pull), crate::support::msg(&["one"]));
    assert_eq!(recv(&pull), crate::support::msg(&["two"]));
    z.expect_exit(3, T);
    assert!(!z.stderr().contains("not supported"), "{}", z.dump());
}
