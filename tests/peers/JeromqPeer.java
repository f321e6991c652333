// A JeroMQ peer for zmqcat's interoperability tests: one socket, by argument.
//
//   java -cp DIR:jeromq.jar JeromqPeer ROLE bind|connect ENDPOINT [KEY=VALUE...]
//
// ROLE is rep, router, pull, sub, pub, push, req or dealer (or pair, xpub, xsub with hold=1).
// On bind, ENDPOINT is a tcp address
// without a port ("tcp://127.0.0.1"): a free port is bound and announced on stderr as
// "jeromq: bound tcp://127.0.0.1:PORT". Messages are lines on stdout and stdin, frames
// separated by a TAB. Options:
//   count=N    receivers exit after N messages (req/dealer: N replies)
//   summary=1  receivers print only "messages N bytes B" (frames' bytes) at the end
//   gen=N      push sends N generated two-frame messages "kI<TAB>vI" instead of reading stdin
//   sub=P      sub subscribes to P (default: everything)
//   id=NAME    the routing id of the socket
//   hold=1     only bind or connect, then wait until killed
// A connect is announced as "jeromq: connecting ENDPOINT" on stderr.
// rep echoes each request; router replies to each message with its frames behind "re";
// pub (an XPUB) waits for a first subscription before it sends.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zeromq.ZMQ;

public class JeromqPeer {
    private static BufferedWriter out;
    private static long messages = 0;
    private static long bytes = 0;
    private static boolean summary = false;

    public static void main(String[] args) throws Exception {
        String role = args[0];
        boolean bind = args[1].equals("bind");
        String endpoint = args[2];
        Map<String, String> opts = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        long count = Long.parseLong(opts.getOrDefault("count", "-1"));
        summary = opts.containsKey("summary");
        out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));

        ZMQ.Context ctx = ZMQ.context(1);
        ZMQ.Socket sock = ctx.socket(type(role));
        sock.setLinger(10000);
        if (opts.containsKey("id")) {
            sock.setIdentity(opts.get("id").getBytes(StandardCharsets.UTF_8));
        }
        if (role.equals("sub")) {
            sock.subscribe(opts.getOrDefault("sub", "").getBytes(StandardCharsets.UTF_8));
        }
        if (bind) {
            int port = sock.bindToRandomPort(endpoint);
            System.err.println("jeromq: bound " + endpoint + ":" + port);
            System.err.flush();
        } else {
            sock.connect(endpoint);
            System.err.println("jeromq: connecting " + endpoint);
            System.err.flush();
        }
        if (opts.containsKey("hold")) {
            // The tests kill the peer; it has nothing to do until then.
            Thread.sleep(Long.MAX_VALUE);
        }
        switch (role) {
            case "rep":
                while (count < 0 || messages < count) {
                    List<byte[]> m = recv(sock);
                    print(m);
                    send(sock, m);
                }
                break;
            case "router":
                while (count < 0 || messages < count) {
                    List<byte[]> m = recv(sock);
                    print(m);
                    List<byte[]> reply = new ArrayList<>();
                    reply.add(m.get(0));
                    reply.add("re".getBytes(StandardCharsets.UTF_8));
                    reply.addAll(m.subList(1, m.size()));
                    send(sock, reply);
                }
                break;
            case "pull":
            case "sub":
                while (count < 0 || messages < count) {
                    print(recv(sock));
                }
                break;
            case "pub":
                sock.recv(0);
                sendLines(sock);
                break;
            case "push":
                if (opts.containsKey("gen")) {
                    long n = Long.parseLong(opts.get("gen"));
                    for (long i = 0; i < n; i++) {
                        sock.send(("k" + i).getBytes(StandardCharsets.UTF_8), ZMQ.SNDMORE);
                        sock.send(("v" + i).getBytes(StandardCharsets.UTF_8), 0);
                    }
                } else {
                    sendLines(sock);
                }
                break;
            case "req":
                BufferedReader in = stdin();
                for (String line; (line = in.readLine()) != null; ) {
                    send(sock, frames(line));
                    print(recv(sock));
                }
                break;
            case "dealer":
                sendLines(sock);
                while (count < 0 || messages < count) {
                    print(recv(sock));
                }
                break;
            default:
                throw new IllegalArgumentException("unknown role " + role);
        }
        if (summary) {
            out.write("messages " + messages + " bytes " + bytes + "\n");
        }
        out.flush();
        sock.close();
        ctx.term();
    }

    private static int type(String role) {
        switch (role) {
            case "rep": return ZMQ.REP;
            case "router": return ZMQ.ROUTER;
            case "pull": return ZMQ.PULL;
            case "sub": return ZMQ.SUB;
            case "pub": return ZMQ.XPUB;
            case "push": return ZMQ.PUSH;
            case "req": return ZMQ.REQ;
            case "dealer": return ZMQ.DEALER;
            case "pair": return ZMQ.PAIR;
            case "xpub": return ZMQ.XPUB;
            case "xsub": return ZMQ.XSUB;
            default: throw new IllegalArgumentException("unknown role " + role);
        }
    }

    private static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private static List<byte[]> frames(String line) {
        List<byte[]> m = new ArrayList<>();
        for (String f : line.split("\t", -1)) {
            m.add(f.getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void sendLines(ZMQ.Socket sock) throws Exception {
        BufferedReader in = stdin();
        for (String line; (line = in.readLine()) != null; ) {
            send(sock, frames(line));
        }
    }

    private static void send(ZMQ.Socket sock, List<byte[]> m) {
        for (int i = 0; i < m.size(); i++) {
            sock.send(m.get(i), i + 1 < m.size() ? ZMQ.SNDMORE : 0);
        }
    }

    private static List<byte[]> recv(ZMQ.Socket sock) {
        List<byte[]> m = new ArrayList<>();
        do {
            m.add(sock.recv(0));
        } while (sock.hasReceiveMore());
        return m;
    }

    private static void print(List<byte[]> m) throws Exception {
        messages++;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            bytes += m.get(i).length;
            if (i > 0) {
                line.append('\t');
            }
            line.append(new String(m.get(i), StandardCharsets.UTF_8));
        }
        if (!summary) {
            out.write(line.append('\n').toString());
            out.flush();
        }
    }
}
