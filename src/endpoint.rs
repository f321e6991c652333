//! The endpoint grammar: `@EP` binds, `>EP` connects, a bare EP takes the command's natural
//! direction; `5555`, `:5555` and `host:port` are tcp shorthands.
//!
//! Everything is validated here, before libzmq sees it: rust-zmq panics on an interior NUL, and
//! libzmq's own errors ("Invalid argument") do not say which part of an address is wrong.

use std::fmt;

pub use crate::patterns::Direction;
use crate::patterns::Kind;

/// One resolved endpoint: a full libzmq address and what to do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub direction: Direction,
    pub address: String,
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sigil = match self.direction {
            Direction::Bind => '@',
            Direction::Connect => '>',
        };
        write!(f, "{sigil}{}", self.address)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad endpoint '{spec}': {reason}")]
pub struct EndpointError {
    pub spec: String,
    pub reason: String,
}

fn bad(spec: &str, reason: impl Into<String>) -> EndpointError {
    EndpointError {
        spec: spec.escape_debug().to_string(),
        reason: reason.into(),
    }
}

/// The transports libzmq knows about, and the capability name that says whether it is built in.
const TRANSPORTS: &[(&str, Option<&str>)] = &[
    ("tcp", None),
    ("ipc", Some("ipc")),
    ("inproc", None),
    ("pgm", Some("pgm")),
    ("epgm", Some("pgm")),
    ("tipc", Some("tipc")),
    ("vmci", Some("vmci")),
    ("norm", Some("norm")),
    ("ws", Some("draft")),
    ("wss", Some("draft")),
    ("udp", Some("draft")),
];

/// Longest `ipc://` path the kernel accepts (`sun_path` is 108 bytes with its NUL).
const IPC_PATH_MAX: usize = 107;

/// Parses every endpoint of a command: `-b`, `-c` and positional ones, each possibly a comma list.
pub fn parse_all(
    bind: &[String],
    connect: &[String],
    positional: &[String],
    natural: Direction,
    has: &dyn Fn(&str) -> bool,
) -> Result<Vec<Endpoint>, EndpointError> {
    let mut out = Vec::new();
    for (args, dir) in [(bind, Direction::Bind), (connect, Direction::Connect)] {
        for arg in args {
            for spec in split_list(arg) {
                let plain = match (dir, spec.as_bytes().first()) {
                    (Direction::Bind, Some(b'@')) | (Direction::Connect, Some(b'>')) => &spec[1..],
                    (_, Some(b'@' | b'>')) => {
                        return Err(bad(spec, format!("given to --{dir} with the other sigil")))
                    }
                    _ => spec,
                };
                out.push(resolve(plain, dir, has).map_err(|r| bad(spec, r))?);
            }
        }
    }
    for arg in positional {
        for spec in split_list(arg) {
            out.push(parse_positional(spec, natural, has)?);
        }
    }
    if out.is_empty() {
        return Err(bad(
            "",
            "no endpoint given: name one, e.g. 5555, @tcp://*:5555, >ipc:///tmp/x.sock, or use -b/-c",
        ));
    }
    Ok(out)
}

fn split_list(arg: &str) -> impl Iterator<Item = &str> {
    arg.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A socket of `proxy` or `poll`: `[LABEL=]TYPE@EP` binds, `[LABEL=]TYPE>EP` connects; the
/// endpoint part may be a comma list, each item with its own sigil if wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocketSpec {
    pub label: Option<String>,
    pub kind: Kind,
    pub endpoints: Vec<Endpoint>,
}

pub fn parse_spec(spec: &str, has: &dyn Fn(&str) -> bool) -> Result<SocketSpec, EndpointError> {
    let (label, rest) = match spec.split_once('=') {
        // A '=' after the sigil belongs to the endpoint, not to a label.
        Some((label, rest)) if !label.contains(['@', '>']) => (Some(label), rest),
        _ => (None, spec),
    };
    let Some(at) = rest.find(['@', '>']) else {
        return Err(bad(
            spec,
            "expected TYPE@ENDPOINT (bind) or TYPE>ENDPOINT (connect), e.g. router@tcp://*:5559",
        ));
    };
    let (name, eps) = rest.split_at(at);
    let kind = Kind::named(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        bad(
            spec,
            format!(
                "unknown socket type '{}' (known: {})",
                name.escape_debug(),
                names.join(", ")
            ),
        )
    })?;
    if label.is_some_and(|l| l.is_empty() || l.contains(['\t', '\n'])) {
        return Err(bad(
            spec,
            "a label must be non-empty, without TAB or newline",
        ));
    }
    let natural = if eps.starts_with('@') {
        Direction::Bind
    } else {
        Direction::Connect
    };
    let mut endpoints = Vec::new();
    for (i, item) in eps[1..].split(',').map(str::trim).enumerate() {
        if item.is_empty() {
            continue;
        }
        let ep = if i == 0 {
            resolve(item, natural, has).map_err(|r| bad(spec, r))?
        } else {
            parse_positional(item, natural, has).map_err(|e| bad(spec, e.reason))?
        };
        endpoints.push(ep);
    }
    if endpoints.is_empty() {
        return Err(bad(spec, "no endpoint after the sigil"));
    }
    Ok(SocketSpec {
        label: label.map(str::to_owned),
        kind,
        endpoints,
    })
}

/// Parses one positional endpoint with its optional `@` / `>` sigil.
pub fn parse_positional(
    spec: &str,
    natural: Direction,
    has: &dyn Fn(&str) -> bool,
) -> Result<Endpoint, EndpointError> {
    let (dir, rest) = match spec.as_bytes().first() {
        Some(b'@') => (Direction::Bind, &spec[1..]),
        Some(b'>') => (Direction::Connect, &spec[1..]),
        _ => (natural, spec),
    };
    resolve(rest, dir, has).map_err(|r| bad(spec, r))
}

/// Expands shorthands and validates a full address.
fn resolve(spec: &str, dir: Direction, has: &dyn Fn(&str) -> bool) -> Result<Endpoint, String> {
    if spec.contains('\0') {
        return Err("contains a NUL byte".into());
    }
    if spec.is_empty() {
        return Err("empty endpoint".into());
    }
    let address = match spec.split_once("://") {
        Some((transport, rest)) => {
            validate(transport, rest, dir, has)?;
            spec.to_string()
        }
        None => expand_shorthand(spec, dir)?,
    };
    Ok(Endpoint {
        direction: dir,
        address,
    })
}

fn expand_shorthand(spec: &str, dir: Direction) -> Result<String, String> {
    let port = spec.strip_prefix(':').unwrap_or(spec);
    if port.bytes().all(|b| b.is_ascii_digit()) || port == "*" {
        check_port(port, dir)?;
        let host = match dir {
            Direction::Bind => "*",
            Direction::Connect => "127.0.0.1",
        };
        return Ok(format!("tcp://{host}:{port}"));
    }
    if spec.contains(':') {
        check_tcp(spec, dir)?;
        return Ok(format!("tcp://{spec}"));
    }
    Err("not an endpoint (expected TRANSPORT://ADDRESS, PORT, :PORT or HOST:PORT)".into())
}

fn validate(
    transport: &str,
    rest: &str,
    dir: Direction,
    has: &dyn Fn(&str) -> bool,
) -> Result<(), String> {
    let Some(&(_, capability)) = TRANSPORTS.iter().find(|(name, _)| *name == transport) else {
        let known: Vec<&str> = TRANSPORTS.iter().map(|(n, _)| *n).collect();
        return Err(format!(
            "unknown transport '{}' (known: {})",
            transport.escape_debug(),
            known.join(", ")
        ));
    };
    if let Some(cap) = capability {
        if !has(cap) {
            let (a, b, c) = zmq::version();
            return Err(format!(
                "transport '{transport}' is not built into the linked libzmq {a}.{b}.{c}"
            ));
        }
    }
    match transport {
        "tcp" => check_tcp(rest, dir),
        "ipc" => {
            if rest.is_empty() {
                Err("ipc needs a path, e.g. ipc:///tmp/zmqcat.sock".into())
            } else if rest == "*" && dir == Direction::Connect {
                Err("cannot connect to a wildcard ipc path".into())
            } else if rest.len() > IPC_PATH_MAX {
                Err(format!(
                    "ipc path is {} bytes long; the limit is {IPC_PATH_MAX}",
                    rest.len()
                ))
            } else {
                Ok(())
            }
        }
        "udp" => check_udp_address(rest),
        _ if rest.is_empty() => Err(format!("{transport} needs an address after {transport}://")),
        _ => Ok(()),
    }
}

/// udp's `host:port` (`*:port` binds every address, a multicast host joins that group),
/// possibly after an interface or source and `;`. The port is fixed: libzmq does not tell
/// which port a wildcard got, so nobody could send to it.
fn check_udp_address(rest: &str) -> Result<(), String> {
    let target = rest.rsplit(';').next().unwrap_or(rest);
    let Some((host, port)) = target.rsplit_once(':') else {
        return Err("missing port (udp endpoints are HOST:PORT, e.g. udp://*:5556)".into());
    };
    if host.is_empty() {
        return Err("missing host before the port (udp://*:PORT binds every address)".into());
    }
    if port == "*" || port == "0" {
        return Err(
            "udp needs a fixed port: libzmq does not tell which port a wildcard got".into(),
        );
    }
    check_port(port, Direction::Connect)
}

/// udp:// belongs to RADIO, which connects it, and DISH, which binds it (`allowed`: the
/// direction the command may use it in, `None` for every other command).
pub fn check_udp(
    endpoints: &[Endpoint],
    allowed: Option<Direction>,
    command: &str,
) -> Result<(), EndpointError> {
    for e in endpoints.iter().filter(|e| e.address.starts_with("udp://")) {
        let why = match allowed {
            None => format!("udp:// is for radio and dish, not {command}"),
            Some(dir) if dir != e.direction => {
                format!("{command} can only {dir} udp:// (a dish binds it, a radio connects)")
            }
            Some(_) => continue,
        };
        return Err(bad(&e.address, why));
    }
    Ok(())
}

/// `host:port`, where a connect may name a source first (`src;host:port`).
fn check_tcp(rest: &str, dir: Direction) -> Result<(), String> {
    let target = match dir {
        Direction::Connect => rest.rsplit(';').next().unwrap_or(rest),
        Direction::Bind => rest,
    };
    let Some((host, port)) = target.rsplit_once(':') else {
        return Err("missing port (tcp endpoints are HOST:PORT)".into());
    };
    if host.is_empty() {
        return Err("missing host before the port".into());
    }
    if host.starts_with('[') != host.ends_with(']') {
        return Err(format!("unbalanced brackets in host '{host}'"));
    }
    check_port(port, dir)
}

fn check_port(port: &str, dir: Direction) -> Result<(), String> {
    if port == "*" || port == "0" {
        return match dir {
            Direction::Bind => Ok(()),
            Direction::Connect => Err("cannot connect to a wildcard port".into()),
        };
    }
    match port.parse::<u16>() {
        Ok(p) if p > 0 && port.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        _ if port.is_empty() => Err("missing port".into()),
        _ => Err(format!("bad port '{port}' (expected 1-65535)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(_: &str) -> bool {
        true
    }

    fn none(_: &str) -> bool {
        false
    }

    fn pos(spec: &str, natural: Direction) -> Result<Endpoint, EndpointError> {
        parse_positional(spec, natural, &all)
    }

    fn ep(direction: Direction, address: &str) -> Endpoint {
        Endpoint {
            direction,
            address: address.into(),
        }
    }

    use Direction::{Bind, Connect};

    #[test]
    fn sigils_and_natural_direction() {
        assert_eq!(pos("@tcp://*:5555", Connect), Ok(ep(Bind, "tcp://*:5555")));
        assert_eq!(pos(">tcp://h:1", Bind), Ok(ep(Connect, "tcp://h:1")));
        assert_eq!(pos("ipc:///x", Bind), Ok(ep(Bind, "ipc:///x")));
        assert_eq!(pos("ipc:///x", Connect), Ok(ep(Connect, "ipc:///x")));
    }

    #[test]
    fn shorthands() {
        assert_eq!(pos("5555", Bind), Ok(ep(Bind, "tcp://*:5555")));
        assert_eq!(pos(":5555", Bind), Ok(ep(Bind, "tcp://*:5555")));
        assert_eq!(
            pos("5555", Connect),
            Ok(ep(Connect, "tcp://127.0.0.1:5555"))
        );
        assert_eq!(pos(">:5555", Bind), Ok(ep(Connect, "tcp://127.0.0.1:5555")));
        assert_eq!(pos("@:*", Connect), Ok(ep(Bind, "tcp://*:*")));
        assert_eq!(
            pos("localhost:5555", Connect),
            Ok(ep(Connect, "tcp://localhost:5555"))
        );
        assert_eq!(
            pos("[::1]:5555", Connect),
            Ok(ep(Connect, "tcp://[::1]:5555"))
        );
        assert_eq!(pos("*:7", Bind), Ok(ep(Bind, "tcp://*:7")));
    }

    #[test]
    fn wildcards() {
        assert!(pos("tcp://127.0.0.1:*", Bind).is_ok());
        assert!(pos("tcp://127.0.0.1:0", Bind).is_ok());
        assert!(pos("ipc://*", Bind).is_ok());
        assert!(pos("tcp://127.0.0.1:*", Connect).is_err());
        assert!(pos("ipc://*", Connect).is_err());
        assert!(pos(":*", Connect).is_err());
    }

    #[test]
    fn malformed_endpoints_name_the_reason() {
        let cases = [
            ("tcp://localhost", "missing port"),
            ("tcp://:5555", "missing host"),
            ("tcp://h:", "missing port"),
            ("tcp://h:99999", "bad port"),
            ("tcp://h:12ab", "bad port"),
            ("foo://bar", "unknown transport 'foo'"),
            ("ipc://", "needs a path"),
            ("inproc://", "needs an address"),
            ("tcp://a\0b:1", "NUL"),
            ("nonsense", "not an endpoint"),
            ("@", "empty endpoint"),
            ("tcp://[::1:5", "unbalanced"),
        ];
        for (spec, want) in cases {
            let err = pos(spec, Connect).expect_err(spec);
            assert!(
                err.to_string().contains(want),
                "{spec:?}: {err} does not mention {want:?}"
            );
        }
        let long = format!("ipc:///{}", "x".repeat(200));
        assert!(pos(&long, Bind).unwrap_err().reason.contains("limit"));
    }

    #[test]
    fn missing_capability_is_named() {
        let err = parse_positional("pgm://eth0;239.1.1.1:5555", Bind, &none).unwrap_err();
        assert!(err.reason.contains("not built into"), "{err}");
        assert!(parse_positional("tcp://*:1", Bind, &none).is_ok());
    }

    #[test]
    fn udp_endpoints_have_a_fixed_port_and_belong_to_radio_and_dish() {
        for ok in [
            "udp://*:5556",
            "udp://239.0.0.1:5556",
            "udp://eth0;239.0.0.1:5556",
        ] {
            assert!(parse_positional(ok, Bind, &all).is_ok(), "{ok}");
        }
        for (bad, why) in [
            ("udp://*:*", "fixed port"),
            ("udp://127.0.0.1:0", "fixed port"),
            ("udp://5556", "missing port"),
            ("udp://:5556", "missing host"),
        ] {
            let err = parse_positional(bad, Connect, &all)
                .unwrap_err()
                .to_string();
            assert!(err.contains(why), "{bad}: {err}");
        }
        let eps = [ep(Bind, "udp://*:5556")];
        assert!(check_udp(&eps, Some(Bind), "dish").is_ok());
        let err = check_udp(&eps, Some(Connect), "radio")
            .unwrap_err()
            .to_string();
        assert!(err.contains("radio can only connect udp://"), "{err}");
        let err = check_udp(&eps, None, "pub").unwrap_err().to_string();
        assert!(err.contains("for radio and dish, not pub"), "{err}");
    }

    #[test]
    fn socket_specs() {
        let s = parse_spec("router@tcp://*:5559", &all).unwrap();
        assert_eq!((s.label, s.kind), (None, Kind::Router));
        assert_eq!(s.endpoints, vec![ep(Bind, "tcp://*:5559")]);
        let s = parse_spec("tasks=pull>tcp://localhost:5557", &all).unwrap();
        assert_eq!(s.label.as_deref(), Some("tasks"));
        assert_eq!(s.endpoints, vec![ep(Connect, "tcp://localhost:5557")]);
        let s = parse_spec("XSUB>5556,@ipc:///x", &all).unwrap();
        assert_eq!(s.kind, Kind::Xsub);
        assert_eq!(
            s.endpoints,
            vec![ep(Connect, "tcp://127.0.0.1:5556"), ep(Bind, "ipc:///x")]
        );
        for (spec, want) in [
            ("router", "expected TYPE@ENDPOINT"),
            ("bogus@tcp://*:1", "unknown socket type"),
            ("=pull@tcp://*:1", "label"),
            ("pull@", "no endpoint"),
            ("pull@tcp://h", "missing port"),
        ] {
            let err = parse_spec(spec, &all).unwrap_err();
            assert!(err.to_string().contains(want), "{spec}: {err}");
        }
    }

    #[test]
    fn tcp_source_address_on_connect() {
        assert!(pos("tcp://127.0.0.1:0;127.0.0.1:5555", Connect).is_ok());
    }

    #[test]
    fn flags_lists_and_positionals_combine() {
        let eps = parse_all(
            &["tcp://*:1,ipc:///a".into()],
            &[">tcp://h:2".into()],
            &["3".into(), "@4".into()],
            Connect,
            &all,
        )
        .unwrap();
        assert_eq!(
            eps,
            vec![
                ep(Bind, "tcp://*:1"),
                ep(Bind, "ipc:///a"),
                ep(Connect, "tcp://h:2"),
                ep(Connect, "tcp://127.0.0.1:3"),
                ep(Bind, "tcp://*:4"),
            ]
        );
        assert!(parse_all(&[">tcp://h:2".into()], &[], &[], Bind, &all).is_err());
        let err = parse_all(&[], &[], &[], Bind, &all).unwrap_err();
        assert!(err.reason.contains("no endpoint"));
    }
}
