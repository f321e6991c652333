//! `--echo` (a server that answers every message with itself, to its sender) and `--lockstep`
//! (a client with one request in flight) on the duplex sockets: against zmq-crate peers, and
//! the draft CLIENT/SERVER pair where the linked libzmq has it.

use std::time::Duration;

use crate::support::{bound, connected, msg, recv, recv_within, send_text, socket, Proc, T};

/// How long a peer waits to see that nothing more comes before the reply it holds back (a
/// message sent out of turn arrives within microseconds on loopback).
const QUIET: Duration = Duration::from_millis(300);

#[test]
fn router_echo_answers_each_of_three_dealers_with_its_own_messages() {
    let mut z = Proc::spawn(&["router", "--echo", "-n", "9", "@tcp://127.0.0.1:*"]);
    let ep = z.wait_bound(T);
    let ctx = zmq::Context::new();
    let dealers: Vec<zmq::Socket> = (0..3).map(|_| connected(&ctx, zmq::DEALER, &ep)).collect();
    for round in 0..3 {
        for (k, d) in dealers.iter().enumerate() {
            send_text(d, &[&format!("d{k}-m{round}"), "second frame"]);
        }
    }
    for (k, d) in dealers.iter().enumerate() {
        for round in 0..3 {
            let want = format!("d{k}-m{round}");
            assert_eq!(recv(d), msg(&[&want, "second frame"]), "dealer {k}");
        }
        assert_eq!(recv_within(d, Duration::ZERO), None, "dealer {k} got more");
    }
    // -n 9: nine replies, then the run ends; every request was printed after its routing id.
    z.expect_exit(0, T);
    let out = z.stdout_text();
    assert_eq!(out.lines().count(), 9, "{out}");
    assert!(out.lines().all(|l| l.ends_with("\tsecond frame")), "{out}");
}

#[test]
fn router_echo_to_peers_that_left_goes_on_serving_the_others() {
    let mut z = Proc::spawn(&["router", "--echo", "@tcp://127.0.0.1:*"]);
    let ep = z.wait_bound(T);
    let ctx = zmq::Context::new();
    // Peers that send one message and close at once: many are gone before their echo leaves,
    // which must cost that echo only.
    for k in 0..20 {
        let d = ctx.socket(zmq::DEALER).unwrap();
        d.set_linger(1000).unwrap();
        d.connect(&ep).unwrap();
        send_text(&d, &[&format!("gone-{k}")]);
    }
    // A REQ peer is a DEALER with an envelope: its echo comes back as its reply.
    let req = connected(&ctx, zmq::REQ, &ep);
    send_text(&req, &["ping"]);
    assert_eq!(recv(&req), msg(&["ping"]));
    z.wait_stdout_contains(b"ping", T);
    z.signal(libc::SIGTERM);
    z.wait_exit(T);
    assert_eq!(z.stdout_text().lines().count(), 21, "{}", z.dump());
    // What stderr says is only the bound line, drops and the interruption.
    for line in z.stderr().lines() {
        assert!(
            line.contains("bound ")
                || line.contains("any more: the reply to message")
                || line.contains("interrupted"),
            "{line}\n{}",
            z.dump()
        );
    }
}

#[test]
fn dealer_lockstep_sends_the_next_message_only_after_a_reply() {
    let ctx = zmq::Context::new();
    let (router, ep) = bound(&ctx, zmq::ROUTER);
    let mut z = Proc::feeding(
        &["dealer", "--lockstep", "-t", "10s", &ep],
        b"one\ntwo\nthree\n",
    );
    for (i, body) in ["one", "two", "three"].iter().enumerate() {
        let m = recv(&router);
        assert_eq!(m[1..], msg(&[body])[..], "request {i}");
        // Nothing more comes until this one is answered.
        assert_eq!(recv_within(&router, QUIET), None, "sent before reply {i}");
        router
            .send_multipart([&m[0][..], format!("re-{body}").as_bytes()], 0)
            .unwrap();
    }
    z.expect_exit(0, T);
    assert_eq!(z.stdout_text(), "re-one\nre-two\nre-three\n");
}

#[test]
fn lockstep_without_a_reply_times_out_with_status_3() {
    let ctx = zmq::Context::new();
    let (router, ep) = bound(&ctx, zmq::ROUTER);
    let mut z = Proc::spawn(&[
        "dealer",
        "--lockstep",
        "-m",
        "hi",
        "-n",
        "2",
        "-t",
        "300ms",
        &ep,
    ]);
    assert_eq!(recv(&router)[1..], msg(&["hi"])[..]);
    z.expect_exit(3, T);
    assert!(z.stderr().contains("no reply"), "{}", z.dump());
    assert_eq!(recv_within(&router, Duration::ZERO), None);
}

#[test]
fn echo_and_lockstep_are_refused_where_they_mean_nothing() {
    for (args, needle) in [
        (&["xpub", "--echo", "5556"][..], "xpub --echo"),
        (&["xpub", "--lockstep", "5556"], "xpub --lockstep"),
        (
            &["dealer", "--echo", "--lockstep", "5556"],
            "cannot be used with",
        ),
        (
            &["router", "--echo", "-m", "x", "5556"],
            "cannot be used with",
        ),
        (
            &["pair", "--lockstep", "--coproc", "cat", "5556"],
            "cannot be used with",
        ),
    ] {
        let mut p = Proc::spawn(args);
        p.expect_exit(2, T);
        assert!(p.stderr().contains(needle), "{args:?}\n{}", p.dump());
    }
}

#[test]
fn pair_echo_and_pair_lockstep_talk_to_each_other() {
    let mut echo = Proc::spawn(&["pair", "--echo", "@tcp://127.0.0.1:*"]);
    let ep = echo.wait_bound(T);
    let input: String = (1..=200).map(|i| format!("m{i}\n")).collect();
    let mut client = Proc::feeding(&["pair", "--lockstep", "-t", "10s", &ep], input.as_bytes());
    client.expect_exit(0, T);
    assert_eq!(client.stdout_text(), input);
    echo.signal(libc::SIGTERM);
    echo.wait_exit(T);
    assert_eq!(echo.stdout_text(), input);
    // The peer side of a pair: a zmq-crate PAIR sees each message come back.
    let ctx = zmq::Context::new();
    let mut echo = Proc::spawn(&["pair", "--echo", "-n", "1", "@tcp://127.0.0.1:*"]);
    let ep = echo.wait_bound(T);
    let pair = socket(&ctx, zmq::PAIR);
    pair.connect(&ep).unwrap();
    send_text(&pair, &["a", "b"]);
    assert_eq!(recv(&pair), msg(&["a", "b"]));
    echo.expect_exit(0, T);
}

#[cfg(zmq_draft)]
mod with_draft {
    use std::collections::HashMap;

    use super::QUIET;
    use crate::draft::peers::{Peer, CHANNEL, CLIENT, PEER, SERVER};
    use crate::support::{Proc, T};

    #[test]
    fn server_echo_answers_each_of_three_clients_with_its_own() {
        let mut z = Proc::spawn(&["server", "--echo", "-n", "6", "@tcp://127.0.0.1:*"]);
        let ep = z.wait_bound(T);
        let mut clients: Vec<Peer> = (0..3).map(|_| Peer::new(CLIENT)).collect();
        for c in clients.iter_mut() {
            c.sock().connect(&ep).unwrap();
        }
        for round in 0..2 {
            for (k, c) in clients.iter_mut().enumerate() {
                c.send(format!("c{k}-{round}").as_bytes(), None, None);
            }
        }
        for (k, c) in clients.iter_mut().enumerate() {
            for round in 0..2 {
                let (body, _, _) = c.recv(T).expect("an echo");
                assert_eq!(body, format!("c{k}-{round}").as_bytes(), "client {k}");
            }
            assert!(c.recv(std::time::Duration::ZERO).is_none(), "client {k}");
        }
        z.expect_exit(0, T);
        // Printed as server prints: `id<TAB>body`, one id per client.
        let mut ids: HashMap<String, Vec<String>> = HashMap::new();
        for line in z.stdout_text().lines() {
            let (id, body) = line.split_once('\t').expect("id<TAB>body");
            ids.entry(id.to_string())
                .or_default()
                .push(body.to_string());
        }
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert!(ids.values().all(|b| b.len() == 2), "{ids:?}");
    }

    #[test]
    fn client_lockstep_waits_for_each_reply_of_a_server_peer() {
        let mut server = Peer::new(SERVER);
        let ep = server.bind_local();
        let mut z = Proc::spawn(&["client", "--lockstep", "-m", "q", "-n", "3", &ep]);
        for i in 0..3 {
            let (body, id, _) = server.recv(T).expect("a request");
            assert_eq!(body, b"q");
            assert!(
                server.recv(QUIET).is_none(),
                "request {} before reply {i}",
                i + 1
            );
            server.send(format!("a{i}").as_bytes(), Some(id), None);
        }
        z.expect_exit(0, T);
        assert_eq!(z.stdout_text(), "a0\na1\na2\n");
    }

    #[test]
    fn client_lockstep_against_server_echo_round_trips_exactly() {
        let mut server = Proc::spawn(&["server", "--echo", "@tcp://127.0.0.1:*"]);
        let ep = server.wait_bound(T);
        let input: String = (1..=500).map(|i| format!("r{i}\n")).collect();
        let mut z = Proc::feeding(
            &["client", "--lockstep", "-t", "10s", &ep],
            input.as_bytes(),
        );
        z.expect_exit(0, T);
        assert_eq!(z.stdout_text(), input);
        server.signal(libc::SIGTERM);
        server.wait_exit(T);
        assert_eq!(server.stdout_text().lines().count(), 500);
    }

    #[test]
    fn peer_and_channel_echo_answer_their_peers() {
        let mut z = Proc::spawn(&["peer", "--echo", "-n", "2", "@tcp://127.0.0.1:*"]);
        let ep = z.wait_bound(T);
        let mut a = Peer::new(PEER);
        let mut b = Peer::new(PEER);
        let (to_z_a, to_z_b) = (a.connect_peer(&ep), b.connect_peer(&ep));
        a.send(b"from a", Some(to_z_a), None);
        b.send(b"from b", Some(to_z_b), None);
        assert_eq!(
            a.recv(T).map(|m| (m.0, m.1)),
            Some((b"from a".to_vec(), to_z_a))
        );
        assert_eq!(
            b.recv(T).map(|m| (m.0, m.1)),
            Some((b"from b".to_vec(), to_z_b))
        );
        z.expect_exit(0, T);

        let mut z = Proc::spawn(&["channel", "--echo", "-n", "1", "@tcp://127.0.0.1:*"]);
        let ep = z.wait_bound(T);
        let mut c = Peer::new(CHANNEL);
        c.sock().connect(&ep).unwrap();
        c.send(b"hi", None, None);
        assert_eq!(c.recv(T).map(|m| m.0), Some(b"hi".to_vec()));
        z.expect_exit(0, T);
    }
}
