//! The draft socket commands (server, client, scatter, gather, radio, dish) against peers of
//! their own, written here with the zmq crate plus the draft functions zmq-sys/ declares over
//! the same libzmq (`cfg(zmq_draft)`, the default build); and their refusal where the linked
//! libzmq has no draft API (the packagers' build on Debian's libzmq).

use std::process::Command;

use crate::support::{bin, Proc, T};

/// Whether the linked libzmq has the draft API (the test binary links the same one zmqcat does).
fn draft() -> bool {
    zmq::has("draft") == Some(true)
}

#[test]
fn without_the_draft_api_every_draft_command_is_refused_in_one_line() {
    if draft() {
        return;
    }
    for args in [
        &["server", "5555"][..],
        &["client", "5555"],
        &["scatter", "5555"],
        &["gather", "5555"],
        &["radio", "-g", "g", "5555"],
        &["dish", "-j", "g", "5555"],
        &["channel", "5555"],
        &["peer", "5555"],
    ] {
        let out = Command::new(bin()).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!("zmqcat: {} needs libzmq's draft API", args[0]))
                && err.contains("the default build (cargo install --path .) has it"),
            "{args:?}: {err}"
        );
    }
    for (args, what) in [
        (
            &["poll", "client@tcp://127.0.0.1:*"][..],
            "poll's client socket",
        ),
        (
            &["poll", "pull@tcp://127.0.0.1:*", "server@tcp://127.0.0.1:*"],
            "poll's server socket",
        ),
        (
            &["poll", "-j", "g", "dish@tcp://127.0.0.1:*"],
            "poll's dish socket",
        ),
        (
            &["poll", "radio>tcp://127.0.0.1:5556"],
            "poll's radio socket",
        ),
        (&["poll", "peer>tcp://127.0.0.1:5556"], "poll's peer socket"),
        (
            &[
                "proxy",
                "-j",
                "g",
                "dish@tcp://127.0.0.1:*",
                "radio@tcp://127.0.0.1:*",
            ],
            "proxy's dish socket",
        ),
    ] {
        let out = Command::new(bin()).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!("zmqcat: {what} needs libzmq's draft API")),
            "{args:?}: {err}"
        );
    }
}

/// `-j` belongs to dish sockets: poll and proxy refuse it without one, and a dish without it
/// (it would receive nothing), in one line with status 2; server, client and peer pairs are
/// not proxied, with the reason. (Without the draft API, the dish is refused for that first.)
#[test]
fn joins_are_for_dishes_and_property_pairs_are_not_proxied() {
    let long = "g".repeat(256);
    for (args, why) in [
        (
            &["poll", "-j", "a", "pull@tcp://127.0.0.1:*"][..],
            "-j/--join is for dish sockets, and no SPEC is a dish",
        ),
        (
            &[
                "poll",
                "pull@tcp://127.0.0.1:*",
                "in=dish@tcp://127.0.0.1:*",
            ],
            "poll's dish socket 'in' joins no group, so it would receive nothing",
        ),
        (
            &["poll", "-j", &long, "dish@tcp://127.0.0.1:*"],
            "group 'ggg",
        ),
        (
            &["proxy", "dish@tcp://127.0.0.1:*", "radio@tcp://127.0.0.1:*"],
            "proxy dish→radio: the dish joins no group",
        ),
        (
            &[
                "proxy",
                "-j",
                "a",
                "pull@tcp://127.0.0.1:*",
                "push@tcp://127.0.0.1:*",
            ],
            "-j/--join is for a dish front (dish→radio); the front is a pull socket",
        ),
        (
            &[
                "proxy",
                "server@tcp://127.0.0.1:*",
                "client@tcp://127.0.0.1:*",
            ],
            "a client cannot route a reply back to the server's original client",
        ),
        (
            &["proxy", "dish@tcp://127.0.0.1:*", "pub@tcp://127.0.0.1:*"],
            "use dish→radio with -j",
        ),
    ] {
        let out = Command::new(bin()).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        let draft_first = !draft() && args.iter().any(|a| a.contains("dish@"));
        assert!(
            err.contains(why) || draft_first && err.contains("needs libzmq's draft API"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn udp_is_only_for_radio_and_dish_in_their_own_direction() {
    for (args, why) in [
        (
            &["pub", "udp://127.0.0.1:5556"][..],
            "udp:// is for radio and dish, not pub",
        ),
        (
            &["push", ">udp://127.0.0.1:5556"],
            "udp:// is for radio and dish, not push",
        ),
        (&["dish", "-j", "g", "udp://*:*"], "fixed port"),
    ] {
        let out = Command::new(bin()).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(why) || !draft(), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

#[cfg(zmq_draft)]
pub(crate) mod peers {
    //! Draft sockets for the tests: one context each, the socket closed before it.

    use std::ffi::CString;
    use std::os::raw::{c_int, c_void};
    use std::time::Duration;

    use crate::support::T;

    pub struct Peer {
        sock: Option<zmq::Socket>,
        ctx: *mut c_void,
    }

    impl Peer {
        /// A draft socket of libzmq type `kind` (zmq.h's number), with linger 0.
        pub fn new(kind: c_int) -> Peer {
            // SAFETY: a fresh context, and a socket created in it, owned by the zmq::Socket.
            unsafe {
                let ctx = zmq_sys::zmq_ctx_new();
                assert!(!ctx.is_null());
                let raw = zmq_sys::zmq_socket(ctx, kind);
                assert!(!raw.is_null(), "zmq_socket({kind})");
                let sock = zmq::Socket::from_raw(raw);
                sock.set_linger(0).unwrap();
                sock.set_sndtimeo(T.as_millis() as i32).unwrap();
                Peer {
                    sock: Some(sock),
                    ctx,
                }
            }
        }

        pub fn sock(&mut self) -> &mut zmq::Socket {
            self.sock.as_mut().unwrap()
        }

        pub fn bind_local(&mut self) -> String {
            let s = self.sock();
            s.bind("tcp://127.0.0.1:*").unwrap();
            s.get_last_endpoint().unwrap().unwrap()
        }

        /// Connects a PEER socket: the routing id the peer has here.
        pub fn connect_peer(&mut self, ep: &str) -> u32 {
            let e = CString::new(ep).unwrap();
            // SAFETY: a live PEER socket and a NUL-terminated endpoint.
            let id = unsafe { zmq_sys::zmq_connect_peer(self.sock().as_mut_ptr(), e.as_ptr()) };
            assert_ne!(id, 0, "zmq_connect_peer({ep})");
            id
        }

        pub fn join(&mut self, group: &str) {
            let g = CString::new(group).unwrap();
            // SAFETY: a live DISH socket and a NUL-terminated group.
            let rc = unsafe { zmq_sys::zmq_join(self.sock().as_mut_ptr(), g.as_ptr()) };
            assert_eq!(rc, 0, "zmq_join({group})");
        }

        /// Sends `body` with a routing id (SERVER) or a group (RADIO), or neither.
        pub fn send(&mut self, body: &[u8], routing_id: Option<u32>, group: Option<&str>) {
            let group = group.map(|g| CString::new(g).unwrap());
            // SAFETY: a message initialised with `body`'s bytes, given to libzmq by the send
            // (closed here if the send failed).
            unsafe {
                let mut msg = zmq_sys::zmq_msg_t::default();
                assert_eq!(zmq_sys::zmq_msg_init_size(&mut msg, body.len()), 0);
                let data = zmq_sys::zmq_msg_data(&mut msg) as *mut u8;
                std::ptr::copy_nonoverlapping(body.as_ptr(), data, body.len());
                if let Some(id) = routing_id {
                    assert_eq!(zmq_sys::zmq_msg_set_routing_id(&mut msg, id), 0);
                }
                if let Some(g) = &group {
                    assert_eq!(zmq_sys::zmq_msg_set_group(&mut msg, g.as_ptr()), 0);
                }
                let rc = zmq_sys::zmq_msg_send(&mut msg, self.sock().as_mut_ptr(), 0);
                if rc < 0 {
                    zmq_sys::zmq_msg_close(&mut msg);
                    panic!(
                        "zmq_msg_send: {}",
                        zmq::Error::from_raw(zmq_sys::zmq_errno())
                    );
                }
            }
        }

        /// One message within `within`: its body, routing id and group.
        pub fn recv(&mut self, within: Duration) -> Option<(Vec<u8>, u32, String)> {
            let ready = self
                .sock()
                .poll(zmq::POLLIN, within.as_millis() as i64)
                .unwrap();
            if ready == 0 {
                return None;
            }
            // SAFETY: a message initialised, received into, read and closed here.
            unsafe {
                let mut msg = zmq_sys::zmq_msg_t::default();
                zmq_sys::zmq_msg_init(&mut msg);
                let rc = zmq_sys::zmq_msg_recv(&mut msg, self.sock().as_mut_ptr(), 0);
                assert!(rc >= 0, "zmq_msg_recv");
                let size = zmq_sys::zmq_msg_size(&msg);
                let data = zmq_sys::zmq_msg_data(&mut msg) as *const u8;
                let body = std::slice::from_raw_parts(data, size).to_vec();
                let id = zmq_sys::zmq_msg_routing_id(&mut msg);
                let g = zmq_sys::zmq_msg_group(&mut msg);
                let group = if g.is_null() {
                    String::new()
                } else {
                    std::ffi::CStr::from_ptr(g).to_string_lossy().into_owned()
                };
                zmq_sys::zmq_msg_close(&mut msg);
                Some((body, id, group))
            }
        }
    }

    impl Drop for Peer {
        fn drop(&mut self) {
            drop(self.sock.take());
            // SAFETY: the context's only socket is closed.
            unsafe { zmq_sys::zmq_ctx_term(self.ctx) };
        }
    }

    pub const SERVER: c_int = 12;
    pub const CLIENT: c_int = 13;
    pub const RADIO: c_int = 14;
    pub const DISH: c_int = 15;
    pub const GATHER: c_int = 16;
    pub const SCATTER: c_int = 17;
    pub const PEER: c_int = 19;
    pub const CHANNEL: c_int = 20;
}

#[cfg(zmq_draft)]
mod with_draft {
    use std::collections::HashMap;
    use std::time::{Duration, Instant};

    use super::peers::{Peer, CHANNEL, CLIENT, DISH, GATHER, PEER, RADIO, SCATTER, SERVER};
    use crate::support::{repeat_until, Proc, T};

    /// A UDP port on 127.0.0.1 that was free a moment ago (libzmq cannot bind udp://…:*).
    fn free_udp_port() -> u16 {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.local_addr().unwrap().port()
    }

    #[test]
    fn server_routes_each_reply_to_the_client_that_asked_among_three() {
        let mut server = Proc::spawn(&["server", "@tcp://127.0.0.1:*"]);
        let ep = server.wait_bound(T);
        let mut clients: Vec<Peer> = (0..3).map(|_| Peer::new(CLIENT)).collect();
        for (k, c) in clients.iter_mut().enumerate() {
            c.sock().connect(&ep).unwrap();
            c.send(format!("from-{k}").as_bytes(), None, None);
        }
        // Each line is `id<TAB>from-k`: the id is how a reply finds client k.
        let lines = server.wait_stdout_lines(3, T);
        let ids: HashMap<String, String> = lines
            .iter()
            .map(|l| {
                let (id, body) = l.split_once('\t').expect("id<TAB>body");
                assert!(id.parse::<u32>().is_ok_and(|n| n > 0), "{l}");
                (body.to_string(), id.to_string())
            })
            .collect();
        assert_eq!(ids.len(), 3, "{lines:?}");
        // Replies in another order than the requests came.
        for k in [2, 0, 1] {
            let id = &ids[&format!("from-{k}")];
            server.write_stdin(format!("{id}\treply-{k}\n").as_bytes());
        }
        for (k, c) in clients.iter_mut().enumerate() {
            let (body, _, _) = c.recv(T).expect("a reply");
            assert_eq!(body, format!("reply-{k}").as_bytes());
        }
        // A multi-frame reply is refused, naming the message (the fourth line of input).
        server.write_stdin(b"1\ttoo\tmany\n");
        server.expect_exit(4, T);
        assert!(server.stderr().contains("message 4"), "{}", server.stderr());
    }

    #[test]
    fn client_talks_to_a_server_peer() {
        let mut server = Peer::new(SERVER);
        let ep = server.bind_local();
        let mut client = Proc::spawn(&["client", "-m", "hello", "-n", "1", &ep]);
        let (body, id, _) = server.recv(T).expect("a request");
        assert_eq!(body, b"hello");
        assert_ne!(id, 0);
        server.send(b"world", Some(id), None);
        client.expect_exit(0, T);
        assert_eq!(client.stdout_text(), "world\n");
    }

    #[test]
    fn channel_talks_both_ways_with_a_channel_peer() {
        // zmqcat bound, a CHANNEL peer connecting: what each sends, the other gets.
        let mut z = Proc::spawn(&["channel", "-n", "2", "@tcp://127.0.0.1:*"]);
        let ep = z.wait_bound(T);
        let mut peer = Peer::new(CHANNEL);
        peer.sock().connect(&ep).unwrap();
        peer.send(b"one", None, None);
        z.wait_stdout_lines(1, T);
        z.write_stdin(b"back\n");
        let (body, _, _) = peer.recv(T).expect("zmqcat's message");
        assert_eq!(body, b"back");
        peer.send(b"two", None, None);
        z.close_stdin();
        z.expect_exit(0, T);
        assert_eq!(z.stdout_text(), "one\ntwo\n");
        // zmqcat connecting to a bound peer, one message each way; more frames are refused.
        let mut bound = Peer::new(CHANNEL);
        let ep = bound.bind_local();
        let mut z = Proc::spawn(&["channel", "-m", "hi", "-n", "1", &ep]);
        let (body, _, _) = bound.recv(T).expect("hi");
        assert_eq!(body, b"hi");
        bound.send(b"answer", None, None);
        z.expect_exit(0, T);
        assert_eq!(z.stdout_text(), "answer\n");
        let mut z = Proc::feeding(&["channel", &ep], b"a\tb\n");
        z.expect_exit(4, T);
        assert!(z.stderr().contains("message 1"), "{}", z.stderr());
    }

    /// zmqcat peer, bound and connecting, against PEER sockets: each side addresses the other
    /// by the routing id it has for it; a connect's id is announced before anything arrives.
    #[test]
    fn peer_talks_both_ways_by_routing_id() {
        let mut z = Proc::spawn(&["peer", "-n", "1", "@tcp://127.0.0.1:*"]);
        let ep = z.wait_bound(T);
        let mut other = Peer::new(PEER);
        let to_z = other.connect_peer(&ep);
        other.send(b"one", Some(to_z), None);
        let line = z.wait_stdout_lines(1, T).remove(0);
        let (id, body) = line.split_once('\t').expect("id<TAB>body");
        assert_eq!(body, "one");
        z.write_stdin(format!("{id}\tback\n").as_bytes());
        let (body, from, _) = other.recv(T).expect("zmqcat's reply");
        assert_eq!((body.as_slice(), from), (&b"back"[..], to_z));
        z.close_stdin();
        z.expect_exit(0, T);

        let mut bound = Peer::new(PEER);
        let ep = bound.bind_local();
        let mut z = Proc::spawn(&["peer", "-n", "1", &ep]);
        z.wait_stderr_contains(" as peer ", T);
        let id = z
            .stderr()
            .lines()
            .find_map(|l| l.strip_prefix(&format!("zmqcat: connected {ep} as peer ")))
            .expect("the announced routing id")
            .to_string();
        z.write_stdin(format!("{id}\thello\n").as_bytes());
        let (body, from, _) = bound.recv(T).expect("zmqcat's message");
        assert_eq!(body, b"hello");
        bound.send(b"answer", Some(from), None);
        z.close_stdin();
        z.expect_exit(0, T);
        assert_eq!(z.stdout_text(), format!("{id}\tanswer\n"));
    }

    /// proxy streams gather→scatter (the thread-safe pipeline), every message counted, and
    /// --capture shows them.
    #[test]
    fn proxy_streams_gather_to_scatter() {
        let mut proxy = Proc::spawn(&[
            "proxy",
            "--capture",
            "gather@tcp://127.0.0.1:*",
            "scatter@tcp://127.0.0.1:*",
        ]);
        let eps = proxy.wait_bound_all(2, T);
        let mut sink = Peer::new(GATHER);
        sink.sock().connect(&eps[1]).unwrap();
        let mut source = Peer::new(SCATTER);
        source.sock().connect(&eps[0]).unwrap();
        for i in 1..=200 {
            source.send(format!("{i}").as_bytes(), None, None);
        }
        let got: Vec<Vec<u8>> = (0..200)
            .map(|_| sink.recv(T).expect("a message").0)
            .collect();
        assert_eq!(got[0], b"1");
        assert_eq!(got[199], b"200");
        proxy.wait_stdout_contains(b"front\t200\n", T);
        proxy.signal(libc::SIGTERM);
        proxy.expect_exit(143, T);
    }

    /// poll reads a gather and answers through a client, both single-frame draft sockets; a
    /// message of two frames for the client is refused (status 4), not split.
    #[test]
    fn poll_takes_the_single_frame_draft_sockets() {
        let mut server = Peer::new(SERVER);
        let server_ep = server.bind_local();
        let mut p = Proc::spawn(&[
            "poll",
            "in=gather@tcp://127.0.0.1:*",
            &format!("out=client>{server_ep}"),
        ]);
        let ep = p.wait_bound(T);
        let mut scatter = Peer::new(SCATTER);
        scatter.sock().connect(&ep).unwrap();
        scatter.send(b"job", None, None);
        p.wait_stdout_contains(b"in\tjob\n", T);
        p.write_stdin(b"out\tdone\n");
        let (body, id, _) = server.recv(T).expect("the client's message");
        assert_eq!(body, b"done");
        server.send(b"ack", Some(id), None);
        p.wait_stdout_contains(b"out\tack\n", T);
        p.write_stdin(b"out\ttwo\tframes\n");
        p.expect_exit(4, T);
        assert!(p.stderr().contains("message 2"), "{}", p.dump());
        assert!(
            server.recv(Duration::from_millis(100)).is_none(),
            "nothing of it went"
        );
    }

    #[test]
    fn a_multi_frame_message_is_refused_with_its_number_not_split() {
        let gather = Proc::spawn(&["gather", "@tcp://127.0.0.1:*"]);
        let ep = gather.wait_bound(T);
        let mut scatter = Proc::feeding(&["scatter", &ep], b"one\ntwo\tthree\nfour\n");
        scatter.expect_exit(4, T);
        let err = scatter.stderr();
        assert!(
            err.contains(
                "malformed input in message 2: 2 frames; this socket carries single-frame messages"
            ),
            "{err}"
        );
        gather.wait_stdout_lines(1, T);
        assert_eq!(gather.stdout_text(), "one\n", "nothing of message 2 went");
        let mut client = Proc::feeding(&["client", &ep], b"a\tb\n");
        client.expect_exit(4, T);
        assert!(client.stderr().contains("message 1"), "{}", client.stderr());
    }

    #[test]
    fn scatter_and_gather_deliver_exact_counts_both_ways() {
        // zmqcat scatter → a GATHER peer.
        let mut gather = Peer::new(GATHER);
        let ep = gather.bind_local();
        let input: String = (1..=500).map(|i| format!("{i}\n")).collect();
        let mut scatter = Proc::feeding(&["scatter", &ep], input.as_bytes());
        let got: Vec<Vec<u8>> = (0..500)
            .map(|_| gather.recv(T).expect("a message").0)
            .collect();
        scatter.expect_exit(0, T);
        assert_eq!(got.last().unwrap(), b"500");
        assert!(
            gather.recv(Duration::from_millis(100)).is_none(),
            "no 501st"
        );
        // A SCATTER peer → zmqcat gather -n 500.
        let mut out = Proc::spawn(&["gather", "-n", "500", "@tcp://127.0.0.1:*"]);
        let ep = out.wait_bound(T);
        let mut scatter = Peer::new(SCATTER);
        scatter.sock().connect(&ep).unwrap();
        for i in 1..=500 {
            scatter.send(format!("{i}").as_bytes(), None, None);
        }
        out.expect_exit(0, T);
        assert_eq!(out.stdout_text(), input);
    }

    /// Sends a, b and c messages from `radio` until `dish` printed both joined groups; the
    /// group it did not join never shows.
    fn groups_reach_the_dish(radio: &mut Peer, dish: &Proc) {
        joined_groups_show(radio, dish, "");
        let out = dish.stdout_text();
        assert!(!out.contains('c'), "{out}");
        for line in out.lines() {
            let (group, body) = line.split_once('\t').unwrap();
            assert!(body.starts_with(&format!("{group}-")), "{line}");
        }
    }

    #[test]
    fn dish_prints_the_groups_it_joined_over_udp_and_tcp() {
        let port = free_udp_port();
        let dish = Proc::spawn(&[
            "dish",
            "-j",
            "a",
            "-j",
            "b",
            &format!("udp://127.0.0.1:{port}"),
        ]);
        let mut radio = Peer::new(RADIO);
        radio
            .sock()
            .connect(&format!("udp://127.0.0.1:{port}"))
            .unwrap();
        groups_reach_the_dish(&mut radio, &dish);

        let mut radio = Peer::new(RADIO);
        let ep = radio.bind_local();
        let dish = Proc::spawn(&["dish", "-j", "a", "-j", "b", &format!(">{ep}")]);
        groups_reach_the_dish(&mut radio, &dish);
    }

    /// Receives on `dish` until a message of `group` comes, within [`T`].
    fn wait_for_group(dish: &mut Peer, group: &str) -> Vec<u8> {
        let deadline = Instant::now() + T;
        loop {
            assert!(Instant::now() < deadline, "no message of group {group}");
            if let Some((body, _, g)) = dish.recv(Duration::from_millis(100)) {
                assert_eq!(g, group);
                return body;
            }
        }
    }

    #[test]
    fn radio_sends_to_a_group_given_or_named_by_the_first_field() {
        // udp, -g: the DISH peer binds, zmqcat's radio connects and repeats.
        let port = free_udp_port();
        let mut dish = Peer::new(DISH);
        dish.sock()
            .bind(&format!("udp://127.0.0.1:{port}"))
            .unwrap();
        dish.join("news");
        let ep = format!("udp://127.0.0.1:{port}");
        let _radio = Proc::spawn(&["radio", "-g", "news", "-m", "hi", "--interval", "20ms", &ep]);
        assert_eq!(wait_for_group(&mut dish, "news"), b"hi");

        // tcp, the first field: zmqcat's radio binds, the DISH peer connects.
        let radio = Proc::spawn(&[
            "radio",
            "-m",
            "x\tfor x",
            "--interval",
            "20ms",
            "@tcp://127.0.0.1:*",
        ]);
        let ep = radio.wait_bound(T);
        let mut dish = Peer::new(DISH);
        dish.sock().connect(&ep).unwrap();
        dish.join("x");
        assert_eq!(wait_for_group(&mut dish, "x"), b"for x");
    }

    /// `label<TAB>id<TAB>body` lines of `label` in `lines`: body → routing id.
    fn ids_by_body(lines: &[String], label: &str) -> HashMap<String, String> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(&format!("{label}\t")))
            .map(|rest| {
                let (id, body) = rest.split_once('\t').expect("id<TAB>body");
                assert!(id.parse::<u32>().is_ok_and(|n| n > 0), "{rest}");
                (body.to_string(), id.to_string())
            })
            .collect()
    }

    /// poll with a SERVER next to a PULL: three CLIENT peers' requests show as
    /// `srv<TAB>id<TAB>body`, replies by id reach exactly the client that asked, an unknown id
    /// is reported and dropped, and the PULL goes on being read.
    #[test]
    fn poll_serves_three_clients_by_routing_id_next_to_a_pull() {
        let mut p = Proc::spawn(&[
            "poll",
            "srv=server@tcp://127.0.0.1:*",
            "tasks=pull@tcp://127.0.0.1:*",
        ]);
        let eps = p.wait_bound_all(2, T);
        let ctx = zmq::Context::new();
        let push = crate::support::connected(&ctx, zmq::PUSH, &eps[1]);
        crate::support::send_text(&push, &["job"]);
        let mut clients: Vec<Peer> = (0..3).map(|_| Peer::new(CLIENT)).collect();
        for (k, c) in clients.iter_mut().enumerate() {
            c.sock().connect(&eps[0]).unwrap();
            c.send(format!("from-{k}").as_bytes(), None, None);
        }
        let lines = p.wait_stdout_lines(4, T);
        assert!(lines.contains(&"tasks\tjob".to_string()), "{lines:?}");
        let ids = ids_by_body(&lines, "srv");
        assert_eq!(ids.len(), 3, "{lines:?}");
        let distinct: std::collections::HashSet<&String> = ids.values().collect();
        assert_eq!(distinct.len(), 3, "{lines:?}");
        // An id no client has first: reported, dropped, and the replies after it still go.
        p.write_stdin(b"srv\t4000000000\tlost\n");
        for k in [2, 0, 1] {
            let id = &ids[&format!("from-{k}")];
            p.write_stdin(format!("srv\t{id}\treply-{k}\n").as_bytes());
        }
        for (k, c) in clients.iter_mut().enumerate() {
            let (body, _, _) = c.recv(T).expect("a reply");
            assert_eq!(body, format!("reply-{k}").as_bytes());
        }
        p.wait_stderr_contains(
            "message 1: no peer with that routing id on 'srv': dropped",
            T,
        );
        for c in &mut clients {
            assert!(
                c.recv(Duration::from_millis(100)).is_none(),
                "one reply each"
            );
        }
        // The clients again, and the pull: both still read.
        clients[1].send(b"again", None, None);
        crate::support::send_text(&push, &["job2"]);
        p.wait_stdout_contains(format!("srv\t{}\tagain\n", ids["from-1"]).as_bytes(), T);
        p.wait_stdout_contains(b"tasks\tjob2\n", T);
    }

    /// Bad shapes for a server or radio socket in poll are malformed input (status 4), named
    /// by their message number; the messages before them were sent.
    #[test]
    fn poll_refuses_bad_shapes_for_routing_ids_and_groups() {
        let long = "g".repeat(256);
        for (spec, format, input, why) in [
            (
                "srv=server@tcp://127.0.0.1:*",
                "text",
                "srv\tnope\tx",
                "routing id 'nope'",
            ),
            ("srv=server@tcp://127.0.0.1:*", "text", "srv\t7", "1 frames"),
            (
                "srv=server@tcp://127.0.0.1:*",
                "text",
                "srv\t7\ta\tb",
                "3 frames",
            ),
            ("r=radio@tcp://127.0.0.1:*", "text", "r\tg", "no group"),
            (
                "r=radio@tcp://127.0.0.1:*",
                "text",
                "r\tg\ta\tb",
                "3 frames",
            ),
            (
                "r=radio@tcp://127.0.0.1:*",
                "text",
                &format!("r\t{long}\tx"),
                "256 bytes",
            ),
            ("r=radio@tcp://127.0.0.1:*", "quoted", "r\ta\\0b\tx", "NUL"),
        ] {
            // A good message first (to nobody: dropped by the server, unheard by the radio).
            let first = if spec.starts_with("srv") {
                "srv\t9\tfine"
            } else {
                "r\tg\tfine"
            };
            let mut p = Proc::feeding(
                &["poll", "-f", format, spec],
                format!("{first}\n{input}\n").as_bytes(),
            );
            p.expect_exit(4, T);
            let err = p.stderr();
            assert!(
                err.contains("malformed input in message 2"),
                "{input:?}: {err}"
            );
            assert!(err.contains(why), "{input:?}: {err}");
            let label = spec.split('=').next().unwrap();
            assert!(
                err.contains(&format!("socket '{label}'")),
                "{input:?}: {err}"
            );
        }
    }

    /// Sends a, b and c messages from `radio` until `p` printed both joined groups for `label`.
    fn joined_groups_reach_poll(radio: &mut Peer, p: &Proc, label: &str) {
        joined_groups_show(radio, p, &format!("{label}\t"));
    }

    /// Sends a, b and c messages from `radio` until `p` printed groups a and b, each line
    /// starting with `prefix` and the group.
    fn joined_groups_show(radio: &mut Peer, p: &Proc, prefix: &str) {
        let mut n = 0;
        let (a, b) = (format!("{prefix}a\ta-"), format!("{prefix}b\tb-"));
        repeat_until(
            "messages of groups a and b",
            T,
            Duration::from_millis(20),
            || {
                n += 1;
                for g in ["a", "b", "c"] {
                    radio.send(format!("{g}-{n}").as_bytes(), None, Some(g));
                }
                let out = p.stdout_text();
                out.contains(&a) && out.contains(&b)
            },
        );
    }

    /// poll with two dish sockets joined to a and b (one over udp, one over tcp) and a radio:
    /// a RADIO peer's messages in three groups show as `label<TAB>group<TAB>body` for the
    /// joined groups only, and input `r<TAB>group<TAB>body` reaches a DISH peer in its group.
    #[test]
    fn poll_dishes_print_the_joined_groups_and_its_radio_sends_to_one() {
        let port = free_udp_port();
        let mut upstream = Peer::new(RADIO);
        let radio_ep = upstream.bind_local();
        let mut downstream = Peer::new(DISH);
        let dish_ep = downstream.bind_local();
        downstream.join("news");
        let mut p = Proc::spawn(&[
            "poll",
            "-j",
            "a",
            "--join",
            "b",
            &format!("u=dish@udp://127.0.0.1:{port}"),
            &format!("t=dish>{radio_ep}"),
            &format!("r=radio>{dish_ep}"),
        ]);
        let mut udp = Peer::new(RADIO);
        udp.sock()
            .connect(&format!("udp://127.0.0.1:{port}"))
            .unwrap();
        joined_groups_reach_poll(&mut udp, &p, "u");
        joined_groups_reach_poll(&mut upstream, &p, "t");
        let out = p.stdout_text();
        for line in out.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(["u", "t"].contains(&fields[0]), "{line}");
            assert!(
                ["a", "b"].contains(&fields[1]),
                "only joined groups: {line}"
            );
            assert!(fields[2].starts_with(&format!("{}-", fields[1])), "{line}");
        }
        // The radio: repeated until the DISH peer's join reached it (a radio drops before).
        let deadline = Instant::now() + T;
        let got = loop {
            assert!(
                Instant::now() < deadline,
                "nothing reached the dish\n{}",
                p.dump()
            );
            p.write_stdin(b"r\tsports\tnot joined\nr\tnews\thello\n");
            if let Some(got) = downstream.recv(Duration::from_millis(50)) {
                break got;
            }
        };
        assert_eq!((got.0.as_slice(), got.2.as_str()), (&b"hello"[..], "news"));
    }

    /// poll with a PEER that connects announces the id the bound PEER has, as `zmqcat peer`
    /// does, and talks both ways by it; a bound one in the same poll answers by the id it
    /// prints.
    #[test]
    fn poll_peers_announce_their_connects_and_talk_both_ways() {
        let mut bound = Peer::new(PEER);
        let ep = bound.bind_local();
        let mut p = Proc::spawn(&[
            "poll",
            &format!("out=peer>{ep}"),
            "in=peer@tcp://127.0.0.1:*",
        ]);
        let in_ep = p.wait_bound(T);
        p.wait_stderr_contains(" as peer ", T);
        let id = p
            .stderr()
            .lines()
            .find_map(|l| l.strip_prefix(&format!("zmqcat: connected {ep} as peer ")))
            .expect("the announced routing id")
            .to_string();
        p.write_stdin(format!("out\t{id}\thello\n").as_bytes());
        let (body, from, _) = bound.recv(T).expect("poll's message");
        assert_eq!(body, b"hello");
        bound.send(b"answer", Some(from), None);
        p.wait_stdout_contains(format!("out\t{id}\tanswer\n").as_bytes(), T);

        let mut other = Peer::new(PEER);
        let to_poll = other.connect_peer(&in_ep);
        other.send(b"knock", Some(to_poll), None);
        let line = p.wait_stdout_lines(2, T).remove(1);
        let rest = line.strip_prefix("in\t").expect("in<TAB>id<TAB>body");
        let (their_id, body) = rest.split_once('\t').expect("id<TAB>body");
        assert_eq!(body, "knock");
        p.write_stdin(format!("in\t{their_id}\twho's there\n").as_bytes());
        let (body, from, _) = other.recv(T).expect("poll's answer");
        assert_eq!((body.as_slice(), from), (&b"who's there"[..], to_poll));
    }

    /// Runs a RADIO peer (tcp) → `proxy -j a -j b [--capture] dish radio` → a DISH peer (udp,
    /// joined to a, b and c before the proxy starts, so that everything the proxy forwards
    /// arrives), and checks every message in its group, none of c, and --stats counting them
    /// all; returns the proxy's stdout and the number of messages the dish got.
    fn through_the_group_forwarder(capture: bool) -> (String, usize) {
        let port = free_udp_port();
        let mut downstream = Peer::new(DISH);
        downstream
            .sock()
            .bind(&format!("udp://127.0.0.1:{port}"))
            .unwrap();
        for g in ["a", "b", "c"] {
            downstream.join(g);
        }
        let mut upstream = Peer::new(RADIO);
        let ep = upstream.bind_local();
        let front = format!("dish>{ep}");
        let back = format!("radio>udp://127.0.0.1:{port}");
        let mut args = vec!["proxy", "--stats", "-j", "a", "-j", "b", &front, &back];
        if capture {
            args.insert(1, "--capture");
        }
        let mut proxy = Proc::spawn(&args);
        // Warm-up until the proxy's joins reached the upstream radio, which drops before.
        let mut got: Vec<(Vec<u8>, String)> = Vec::new();
        let mut n = 0;
        repeat_until(
            "a message through the proxy",
            T,
            Duration::from_millis(20),
            || {
                n += 1;
                for g in ["a", "b", "c"] {
                    upstream.send(format!("{g}-w{n}").as_bytes(), None, Some(g));
                }
                while let Some((body, _, g)) = downstream.recv(Duration::from_millis(1)) {
                    got.push((body, g));
                }
                ["a", "b"].iter().all(|g| got.iter().any(|(_, h)| h == g))
            },
        );
        const N: usize = 100;
        for i in 0..N {
            for g in ["a", "b", "c"] {
                upstream.send(format!("{g}-{i}").as_bytes(), None, Some(g));
            }
        }
        let last = |got: &[(Vec<u8>, String)]| {
            got.iter().filter(|(b, _)| !b.contains(&b'w')).count() == 2 * N
        };
        let deadline = Instant::now() + T;
        while !last(&got) {
            assert!(
                Instant::now() < deadline,
                "{} of {}\n{}",
                got.len(),
                2 * N,
                proxy.dump()
            );
            if let Some((body, _, g)) = downstream.recv(Duration::from_millis(100)) {
                got.push((body, g));
            }
        }
        assert!(
            downstream.recv(Duration::from_millis(100)).is_none(),
            "no more"
        );
        for (body, g) in &got {
            let body = String::from_utf8_lossy(body);
            assert!(
                g != "c" && body.starts_with(&format!("{g}-")),
                "{g}: {body}"
            );
        }
        proxy.signal(libc::SIGTERM);
        proxy.expect_exit(143, T);
        let err = proxy.stderr();
        let forwarded: usize = err
            .lines()
            .find_map(|l| l.strip_prefix("zmqcat: proxy stats: front→back "))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a stats line\n{}", proxy.dump()));
        assert_eq!(forwarded, got.len(), "{err}");
        (proxy.stdout_text(), got.len())
    }

    #[test]
    fn proxy_forwards_dish_to_radio_keeping_each_group() {
        let (out, _) = through_the_group_forwarder(false);
        assert_eq!(out, "");
    }

    #[test]
    fn proxy_capture_shows_each_message_in_its_group() {
        let (out, forwarded) = through_the_group_forwarder(true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), forwarded, "{out}");
        for line in &lines {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert_eq!(fields[0], "front", "{line}");
            assert!(["a", "b"].contains(&fields[1]), "{line}");
            assert!(fields[2].starts_with(&format!("{}-", fields[1])), "{line}");
        }
        assert!(
            lines.contains(&"front\ta\ta-99") && lines.contains(&"front\tb\tb-0"),
            "{out}"
        );
    }
}

#[test]
fn explain_of_poll_and_proxy_shows_the_joins() {
    if !draft() {
        return;
    }
    let mut p = Proc::spawn(&[
        "poll",
        "--explain",
        "-j",
        "a",
        "-j",
        "b",
        "in=dish@udp://*:5556",
        "srv=server@tcp://*:5557",
    ]);
    p.expect_exit(0, T);
    let plan: serde_json::Value = serde_json::from_str(&p.stdout_text()).unwrap();
    assert_eq!(plan["groups"]["join"], serde_json::json!(["a", "b"]));
    assert_eq!(plan["groups"]["dishes"], serde_json::json!(["in"]));
    assert_eq!(plan["sockets"][0]["type"], "DISH");
    assert_eq!(plan["sockets"][1]["type"], "SERVER");
    let mut p = Proc::spawn(&[
        "proxy",
        "--explain",
        "-j",
        "a",
        "dish@udp://*:5556",
        "radio@tcp://*:5557",
    ]);
    p.expect_exit(0, T);
    let plan: serde_json::Value = serde_json::from_str(&p.stdout_text()).unwrap();
    assert_eq!(plan["groups"]["join"], serde_json::json!(["a"]));
}

#[test]
fn explain_shows_the_groups_and_the_socket_type() {
    if !draft() {
        return;
    }
    let mut p = Proc::spawn(&["dish", "--explain", "-j", "a", "-j", "b", "udp://*:5556"]);
    p.expect_exit(0, T);
    let plan: serde_json::Value = serde_json::from_str(&p.stdout_text()).unwrap();
    assert_eq!(plan["socket"]["type"], "DISH");
    assert_eq!(plan["groups"]["join"], serde_json::json!(["a", "b"]));
}
