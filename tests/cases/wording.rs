//! What zmqcat says (issue 15, items 8-12): messages name the endpoint a wildcard bind got,
//! usage errors name what was wrong on one line, small rates keep their digits, templates
//! escape both braces, and what `--help`, the man pages and the README promise.
//!
//! The harness rules hold: loopback tcp with wildcard ports, every wait bounded and for an
//! observable event, every process killed on drop.

use crate::support::{bound, Proc, T};

// ---------------------------------------------------------------------------------------------
// the endpoint a wildcard bind got, in messages

#[test]
fn timeout_line_names_the_endpoint_the_wildcard_bind_got() {
    let mut p = Proc::spawn(&["pull", "-t", "300ms", "tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    p.expect_exit(3, T);
    let err = p.stderr();
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.contains("no message arrived within 300ms"),
        "{}",
        p.dump()
    );
    assert!(last.contains(&format!("({ep})")), "{}", p.dump());
    assert!(!err.contains(":*"), "{}", p.dump());
}

#[test]
fn undelivered_queue_line_names_the_endpoint_the_wildcard_bind_got() {
    // Nobody connects: the queued message is not delivered within -t, status 3.
    let mut p = Proc::spawn(&["push", "-t", "300ms", "@tcp://127.0.0.1:*"]);
    let ep = p.wait_bound(T);
    p.write_stdin(b"lost\n");
    p.close_stdin();
    p.expect_exit(3, T);
    let err = p.stderr();
    assert!(
        err.lines().last().unwrap_or_default().contains(&ep),
        "{}",
        p.dump()
    );
    assert!(!err.contains(":*"), "{}", p.dump());
}

#[test]
fn bench_names_the_endpoint_the_wildcard_bind_got() {
    let mut p = Proc::spawn(&["bench", "rep", "@tcp://127.0.0.1:*", "-f", "json"]);
    let ep = p.wait_bound(T);
    p.signal(libc::SIGINT);
    p.expect_exit(130, T);
    let v: serde_json::Value = serde_json::from_str(p.stdout_text().trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e})\n{}", p.dump()));
    assert_eq!(v["endpoint"], format!("@{ep}"), "{}", p.dump());

    let mut p = Proc::spawn(&["bench", "pull", "@tcp://127.0.0.1:*", "-t", "300ms"]);
    let ep = p.wait_bound(T);
    p.expect_exit(3, T);
    assert!(
        p.stderr().trim_end().ends_with(&format!("({ep})")),
        "{}",
        p.dump()
    );

    // Connected endpoints are named as given.
    let ctx = zmq::Context::new();
    let (_silent, ep) = bound(&ctx, zmq::REP);
    let mut p = Proc::spawn(&["bench", "req", &ep, "-n", "1", "-t", "300ms"]);
    p.expect_exit(3, T);
    assert!(
        p.stderr().trim_end().ends_with(&format!("({ep})")),
        "{}",
        p.dump()
    );
}

// ---------------------------------------------------------------------------------------------
// usage errors name what was wrong, on one line

/// Asserts exit status 2 with one stderr line that mentions every needle.
fn assert_usage_line(p: &mut Proc, needles: &[&str]) {
    p.expect_exit(2, T);
    let err = p.stderr();
    assert_eq!(err.lines().count(), 1, "expected one line\n{}", p.dump());
    assert!(err.starts_with("zmqcat: "), "{}", p.dump());
    for needle in needles {
        assert!(
            err.contains(needle),
            "stderr lacks {needle:?}\n{}",
            p.dump()
        );
    }
}

#[test]
fn a_bad_value_from_the_environment_names_the_variable() {
    let env = [("ZMQCAT_FORMAT", "yaml")];
    let mut p = Proc::spawn_with_env(&["pull", "@tcp://127.0.0.1:*"], &env);
    assert_usage_line(&mut p, &["ZMQCAT_FORMAT", "yaml", "text"]);
    let env = [("ZMQCAT_TIMEOUT", "soon")];
    let mut p = Proc::spawn_with_env(&["pull", "@tcp://127.0.0.1:*"], &env);
    assert_usage_line(&mut p, &["ZMQCAT_TIMEOUT", "soon"]);
    // A good value still applies.
    let env = [("ZMQCAT_FORMAT", "json")];
    let mut p = Proc::spawn_with_env(&["sub", "--explain", "5556"], &env);
    p.expect_exit(0, T);
    assert!(p.stdout_text().contains("ZMQCAT_FORMAT"), "{}", p.dump());
}

#[test]
fn a_count_below_one_is_a_one_line_usage_error() {
    for n in ["-1", "0", "-5", "1.5", "lots"] {
        let mut p = Proc::spawn(&["pull", "-n", n, "@tcp://127.0.0.1:*"]);
        assert_usage_line(&mut p, &["--count", &format!("'{n}'"), "1 or more"]);
        assert!(!p.stderr().contains("-- "), "no clap tip\n{}", p.dump());
    }
    let mut p = Proc::spawn(&["push", "--count=-1", "-m", "x", "tcp://127.0.0.1:1"]);
    assert_usage_line(&mut p, &["--count", "'-1'"]);
    let mut p = Proc::spawn(&["bench", "push", "-n", "-1"]);
    assert_usage_line(&mut p, &["--count", "'-1'"]);
}

#[test]
fn help_shows_escapes_as_they_are_typed() {
    let cases: [(&[&str], &str); 3] = [
        (&["--help"], r"\x01 subscribe"),
        (&["xpub", "-h"], r"\x01 subscribe"),
        (&["xpub", "--help"], r"`\x01PREFIX`"),
    ];
    for (args, shown) in cases {
        let mut p = Proc::spawn(args);
        p.expect_exit(0, T);
        let out = p.stdout_text();
        assert!(out.contains(shown), "{}", p.dump());
        assert!(!out.contains(r"\\x"), "a doubled backslash\n{}", p.dump());
    }
}

// ---------------------------------------------------------------------------------------------
// templates

#[test]
fn doubled_braces_are_literal_braces_in_templates() {
    let ctx = zmq::Context::new();
    let (pull, ep) = bound(&ctx, zmq::PULL);
    let template = r#"{{seq}} is {seq}; {"n":{"seq":{seq}}}"#;
    let mut p = Proc::spawn(&["push", "-m", template, "-n", "2", &ep]);
    for n in [1, 2] {
        let want = format!(r#"{{seq}} is {n}; {{"n":{{"seq":{n}}}}}"#);
        assert_eq!(crate::support::recv(&pull), crate::support::msg(&[&want]));
    }
    p.expect_exit(0, T);
}

// ---------------------------------------------------------------------------------------------
// README's keys: what `keygen -o` writes is what the examples read

/// The README code line holding `needle`, without its comment.
fn readme_line(needle: &str) -> String {
    include_str!("../../README.md")
        .lines()
        .filter(|l| l.starts_with("    "))
        .find(|l| l.contains(needle))
        .map(|l| match l.find("  #") {
            Some(i) => l[..i].trim().to_string(),
            None => l.trim().to_string(),
        })
        .unwrap_or_else(|| panic!("README has no code line with {needle:?}"))
}

#[test]
fn readme_keygen_writes_the_files_its_examples_read() {
    let bindir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(crate::support::bin(), bindir.path().join("zmqcat")).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let run = |cmd: &str| {
        let script = format!("PATH=\"$1:$PATH\"; cd \"$2\" || exit 99; {cmd}");
        let (b, c) = (
            bindir.path().display().to_string(),
            cwd.path().display().to_string(),
        );
        Proc::spawn_program("sh", &["-c", &script, "sh", &b, &c])
    };
    let mut keygen = run(&readme_line("zmqcat keygen -o"));
    keygen.expect_exit(0, T);
    let key_file = std::fs::read_to_string(cwd.path().join("server.key")).unwrap();
    let secret = key_file
        .lines()
        .find_map(|l| l.strip_prefix("secret: "))
        .unwrap_or_else(|| panic!("no secret in server.key: {key_file}"));

    // Every README line reading @server.pub works as written, run with --explain.
    let mut explain = run(&readme_line("--explain --curve-server-key @server.pub"));
    explain.expect_exit(0, T);
    let plan: serde_json::Value = serde_json::from_str(&explain.stdout_text())
        .unwrap_or_else(|e| panic!("not a JSON plan ({e})\n{}", explain.dump()));
    let security = &plan["socket"]["security"];
    let public = std::fs::read_to_string(cwd.path().join("server.pub")).unwrap();
    assert_eq!(
        Some(security["server_key"].as_str().unwrap_or_default()),
        public.trim().strip_prefix("public: "),
        "{}",
        explain.dump()
    );
    assert!(
        !explain.stdout_text().contains(secret),
        "{}",
        explain.dump()
    );
    let client = readme_line("--curve-server-key @server.pub 5555");
    let mut req = run(&format!("{client} --explain"));
    req.expect_exit(0, T);
}

// ---------------------------------------------------------------------------------------------
// the test run itself: skips are counted at its end

/// This test binary again, running only `test` with `env` set (and `CI` and every
/// `ZMQCAT_EXPECT_*` cleared, unless `env` sets them).
fn run_alone(test: &str, env: &[(&str, &str)]) -> Proc {
    let exe = std::env::current_exe().unwrap();
    let mut all = vec![
        ("CI", ""),
        ("ZMQCAT_EXPECT_PYZMQ", ""),
        ("ZMQCAT_EXPECT_CURVE", ""),
        ("ZMQCAT_EXPECT_NETNS", ""),
        ("ZMQCAT_LONG", ""),
    ];
    all.extend_from_slice(env);
    let exe = exe.to_str().unwrap();
    Proc::spawn_program_with_env(exe, &["--exact", test, "--test-threads", "1"], &all)
}

#[test]
fn skipped_tests_are_counted_at_the_end_of_the_run() {
    let mut p = run_alone("faults::long_run_gigabyte_at_flat_memory", &[]);
    p.expect_exit(0, 3 * T);
    let err = p.stderr();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.last().copied(),
        Some("integration: 1 test skipped"),
        "{}",
        p.dump()
    );
    assert!(
        err.contains("1 without ZMQCAT_LONG=1 (the long runs are opt-in): faults::long_run_gigabyte_at_flat_memory"),
        "{}",
        p.dump()
    );

    // Without pyzmq (python3 not even on PATH): skipped, and the way to make it a failure said.
    let nowhere = tempfile::tempdir().unwrap();
    let path = nowhere.path().to_str().unwrap();
    let mut p = run_alone("security::pyzmq_curve_interop", &[("PATH", path)]);
    p.expect_exit(0, 3 * T);
    let last = p.stderr().lines().last().unwrap_or_default().to_string();
    assert_eq!(
        last,
        "integration: 1 test skipped (ZMQCAT_EXPECT_PYZMQ=1 makes such a skip a failure)",
        "{}",
        p.dump()
    );

    // Where pyzmq is expected, the same skip fails the run.
    let env = [("PATH", path), ("ZMQCAT_EXPECT_PYZMQ", "1")];
    let mut p = run_alone("security::pyzmq_curve_interop", &env);
    let status = p.wait_exit(3 * T);
    assert!(!status.success(), "{}", p.dump());
    assert!(
        p.stdout_text().contains("ZMQCAT_EXPECT_PYZMQ=1, but"),
        "{}",
        p.dump()
    );
}

// ---------------------------------------------------------------------------------------------
// rust-version: what the locked dependencies need, and what README says

/// `1.88` or `1.88.0` as (1, 88, 0).
fn version(v: &str) -> (u64, u64, u64) {
    let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

#[test]
fn rust_version_is_what_the_locked_dependencies_need() {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    // The packages this host builds with: the only ones a fresh machine has downloaded.
    let mut version_info = Proc::spawn_program(env!("CARGO"), &["-vV"]);
    version_info.expect_exit(0, T);
    let info = version_info.stdout_text();
    let host = info
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .unwrap_or_else(|| panic!("cargo -vV names no host\n{}", version_info.dump()));
    let args = [
        "metadata",
        "--locked",
        "--offline",
        "--format-version",
        "1",
        "--filter-platform",
        host,
        "--manifest-path",
        manifest,
    ];
    let mut p = Proc::spawn_program(env!("CARGO"), &args);
    p.expect_exit(0, 3 * T);
    let meta: serde_json::Value = serde_json::from_str(&p.stdout_text())
        .unwrap_or_else(|e| panic!("cargo metadata printed no JSON ({e})\n{}", p.dump()));
    let empty = Vec::new();
    let list = |v: &serde_json::Value| v.as_array().unwrap_or(&empty).clone();
    let packages = list(&meta["packages"]);
    let by_id = |id: &serde_json::Value| packages.iter().find(|p| &p["id"] == id);
    let nodes = list(&meta["resolve"]["nodes"]);
    let deps_of = |id: &serde_json::Value| -> Vec<serde_json::Value> {
        let node = nodes.iter().find(|n| &n["id"] == id);
        node.map(|n| list(&n["deps"]).iter().map(|d| d["pkg"].clone()).collect())
            .unwrap_or_default()
    };
    let ours: Vec<&serde_json::Value> = packages.iter().filter(|p| p["source"].is_null()).collect();
    assert!(ours.iter().any(|p| p["name"] == "zmqcat"), "{}", p.dump());
    for package in ours {
        let name = package["name"].as_str().unwrap_or_default();
        let declared = package["rust_version"].as_str().unwrap_or("none");
        // Everything it builds with, dependencies of dependencies included.
        let mut seen = vec![package["id"].clone()];
        let mut todo = deps_of(&package["id"]);
        let mut needed = ((0, 0, 0), String::from("nothing"));
        while let Some(id) = todo.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id.clone());
            todo.extend(deps_of(&id));
            let Some(dep) = by_id(&id) else { continue };
            if let Some(v) = dep["rust_version"].as_str() {
                if version(v) > needed.0 {
                    needed = (
                        version(v),
                        format!(
                            "{} {} needs {v}",
                            dep["name"].as_str().unwrap_or_default(),
                            dep["version"].as_str().unwrap_or_default()
                        ),
                    );
                }
            }
        }
        assert!(
            version(declared) >= needed.0,
            "{name}'s rust-version is {declared}, but {}",
            needed.1
        );
    }
    let root = packages.iter().find(|p| p["name"] == "zmqcat").unwrap();
    let declared = root["rust_version"].as_str().unwrap_or("none");
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(&format!("Rust {declared} or newer")),
        "README does not say `Rust {declared} or newer`"
    );
}
