//! The only place socket options are set, and where sockets bind and connect.
//!
//! Options go through one table of libzmq option names, so `--hwm` and `--set sndhwm=…` are the
//! same code path, and any option libzmq knows can be set by name even where rust-zmq has no
//! setter for it.

use std::ffi::c_int;
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::cli::SocketArgs;
use crate::codec::read_id;
use crate::diag::log;
use crate::endpoint::{Direction, Endpoint};
use crate::exit::Usage;
use crate::monitor::{Monitor, Watch};
use zmq_sys as z;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Int64,
    Bool,
    /// An int in milliseconds; `2s` style durations accepted too.
    Millis,
    Bytes,
    /// Like Bytes, but never shown: keys and passwords.
    Secret,
}

/// libzmq socket options by name (lowercase, without the `ZMQ_` prefix).
const OPTIONS: &[(&str, u32, Kind)] = &[
    ("affinity", z::ZMQ_AFFINITY, Kind::Int64),
    ("routing_id", z::ZMQ_ROUTING_ID, Kind::Bytes),
    ("identity", z::ZMQ_ROUTING_ID, Kind::Bytes),
    ("subscribe", z::ZMQ_SUBSCRIBE, Kind::Bytes),
    ("unsubscribe", z::ZMQ_UNSUBSCRIBE, Kind::Bytes),
    ("rate", z::ZMQ_RATE, Kind::Int),
    ("recovery_ivl", z::ZMQ_RECOVERY_IVL, Kind::Millis),
    ("sndbuf", z::ZMQ_SNDBUF, Kind::Int),
    ("rcvbuf", z::ZMQ_RCVBUF, Kind::Int),
    ("linger", z::ZMQ_LINGER, Kind::Millis),
    ("reconnect_ivl", z::ZMQ_RECONNECT_IVL, Kind::Millis),
    ("backlog", z::ZMQ_BACKLOG, Kind::Int),
    ("reconnect_ivl_max", z::ZMQ_RECONNECT_IVL_MAX, Kind::Millis),
    ("maxmsgsize", z::ZMQ_MAXMSGSIZE, Kind::Int64),
    ("sndhwm", z::ZMQ_SNDHWM, Kind::Int),
    ("rcvhwm", z::ZMQ_RCVHWM, Kind::Int),
    ("multicast_hops", z::ZMQ_MULTICAST_HOPS, Kind::Int),
    ("rcvtimeo", z::ZMQ_RCVTIMEO, Kind::Millis),
    ("sndtimeo", z::ZMQ_SNDTIMEO, Kind::Millis),
    ("router_mandatory", z::ZMQ_ROUTER_MANDATORY, Kind::Bool),
    ("tcp_keepalive", z::ZMQ_TCP_KEEPALIVE, Kind::Int),
    ("tcp_keepalive_cnt", z::ZMQ_TCP_KEEPALIVE_CNT, Kind::Int),
    ("tcp_keepalive_idle", z::ZMQ_TCP_KEEPALIVE_IDLE, Kind::Int),
    ("tcp_keepalive_intvl", z::ZMQ_TCP_KEEPALIVE_INTVL, Kind::Int),
    ("immediate", z::ZMQ_IMMEDIATE, Kind::Bool),
    ("xpub_verbose", z::ZMQ_XPUB_VERBOSE, Kind::Bool),
    ("ipv6", z::ZMQ_IPV6, Kind::Bool),
    ("plain_server", z::ZMQ_PLAIN_SERVER, Kind::Bool),
    ("plain_username", z::ZMQ_PLAIN_USERNAME, Kind::Bytes),
    ("plain_password", z::ZMQ_PLAIN_PASSWORD, Kind::Secret),
    ("curve_server", z::ZMQ_CURVE_SERVER, Kind::Bool),
    ("curve_publickey", z::ZMQ_CURVE_PUBLICKEY, Kind::Bytes),
    ("curve_secretkey", z::ZMQ_CURVE_SECRETKEY, Kind::Secret),
    ("curve_serverkey", z::ZMQ_CURVE_SERVERKEY, Kind::Bytes),
    ("probe_router", z::ZMQ_PROBE_ROUTER, Kind::Bool),
    ("req_correlate", z::ZMQ_REQ_CORRELATE, Kind::Bool),
    ("req_relaxed", z::ZMQ_REQ_RELAXED, Kind::Bool),
    ("conflate", z::ZMQ_CONFLATE, Kind::Bool),
    ("zap_domain", z::ZMQ_ZAP_DOMAIN, Kind::Bytes),
    ("router_handover", z::ZMQ_ROUTER_HANDOVER, Kind::Bool),
    ("tos", z::ZMQ_TOS, Kind::Int),
    ("connect_routing_id", z::ZMQ_CONNECT_ROUTING_ID, Kind::Bytes),
    ("handshake_ivl", z::ZMQ_HANDSHAKE_IVL, Kind::Millis),
    ("socks_proxy", z::ZMQ_SOCKS_PROXY, Kind::Bytes),
    ("xpub_nodrop", z::ZMQ_XPUB_NODROP, Kind::Bool),
    ("xpub_manual", z::ZMQ_XPUB_MANUAL, Kind::Bool),
    ("xpub_welcome_msg", z::ZMQ_XPUB_WELCOME_MSG, Kind::Bytes),
    ("invert_matching", z::ZMQ_INVERT_MATCHING, Kind::Bool),
    ("heartbeat_ivl", z::ZMQ_HEARTBEAT_IVL, Kind::Millis),
    ("heartbeat_ttl", z::ZMQ_HEARTBEAT_TTL, Kind::Millis),
    ("heartbeat_timeout", z::ZMQ_HEARTBEAT_TIMEOUT, Kind::Millis),
    ("xpub_verboser", z::ZMQ_XPUB_VERBOSER, Kind::Bool),
    ("connect_timeout", z::ZMQ_CONNECT_TIMEOUT, Kind::Millis),
    ("tcp_maxrt", z::ZMQ_TCP_MAXRT, Kind::Millis),
    ("multicast_maxtpdu", z::ZMQ_MULTICAST_MAXTPDU, Kind::Int),
    ("bindtodevice", z::ZMQ_BINDTODEVICE, Kind::Bytes),
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Int(i32),
    Int64(i64),
    Bytes(Vec<u8>),
}

/// One socket option, parsed and ready to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetOpt {
    name: &'static str,
    id: c_int,
    value: Value,
    secret: bool,
    /// Applied after the connects, before the binds (see [`open`]).
    binds_only: bool,
}

impl SetOpt {
    pub fn int(name: &str, value: i64) -> Result<SetOpt, Usage> {
        SetOpt::parse(name, &value.to_string())
    }

    pub fn millis(name: &str, d: Duration) -> Result<SetOpt, Usage> {
        let ms = i32::try_from(d.as_millis()).map_err(|_| {
            Usage(format!(
                "--{name}: {} is too long",
                humantime::format_duration(d)
            ))
        })?;
        SetOpt::int(name, i64::from(ms))
    }

    pub fn bytes(name: &str, value: &[u8]) -> Result<SetOpt, Usage> {
        let (name, id, kind) = lookup(name)?;
        Ok(SetOpt {
            name,
            id,
            value: Value::Bytes(value.to_vec()),
            secret: kind == Kind::Secret,
            binds_only: false,
        })
    }

    /// Parses `--set NAME=VALUE`.
    pub fn parse_assignment(s: &str) -> Result<SetOpt, Usage> {
        let (name, value) = s
            .split_once('=')
            .ok_or_else(|| Usage(format!("--set '{s}': expected NAME=VALUE")))?;
        SetOpt::parse(name.trim(), value)
    }

    fn parse(name: &str, value: &str) -> Result<SetOpt, Usage> {
        let (canonical, id, kind) = lookup(name)?;
        let bad = |what: &str| Usage(format!("--set {canonical}={value}: expected {what}"));
        let value = match kind {
            Kind::Int => Value::Int(value.trim().parse().map_err(|_| bad("an integer"))?),
            Kind::Int64 => Value::Int64(value.trim().parse().map_err(|_| bad("an integer"))?),
            Kind::Bool => Value::Int(match value.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "on" | "yes" => 1,
                "0" | "false" | "off" | "no" => 0,
                _ => return Err(bad("1/0, true/false, on/off")),
            }),
            Kind::Millis => {
                let v = value.trim();
                let ms = match v.parse::<i64>() {
                    Ok(ms) => ms,
                    Err(_) => humantime::parse_duration(v)
                        .map_err(|_| bad("milliseconds or a duration such as 2s"))?
                        .as_millis()
                        .try_into()
                        .map_err(|_| bad("a shorter duration"))?,
                };
                Value::Int(i32::try_from(ms).map_err(|_| bad("a shorter duration"))?)
            }
            Kind::Bytes | Kind::Secret => Value::Bytes(value.as_bytes().to_vec()),
        };
        Ok(SetOpt {
            name: canonical,
            id,
            value,
            secret: kind == Kind::Secret,
            binds_only: false,
        })
    }

    /// The libzmq name of the option.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The value as shown to people: secrets redacted.
    pub fn shown(&self) -> String {
        match &self.value {
            _ if self.secret => "<redacted>".into(),
            Value::Int(v) => v.to_string(),
            Value::Int64(v) => v.to_string(),
            // CURVE public keys are binary: shown as people write them.
            Value::Bytes(b) if self.name.starts_with("curve_") && b.len() == 32 => {
                zmq::z85_encode(b).unwrap_or_default()
            }
            Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        }
    }

    /// Sets the option; an error is the raw errno (rust-zmq's mapping panics on unknown ones).
    fn apply(&self, sock: &mut zmq::Socket) -> Result<(), i32> {
        let (ptr, len) = match &self.value {
            Value::Int(v) => ((v as *const i32).cast(), std::mem::size_of::<i32>()),
            Value::Int64(v) => ((v as *const i64).cast(), std::mem::size_of::<i64>()),
            // An empty value is passed as NULL: libzmq refuses other pointers with no bytes
            // for the options that may be cleared (zap_domain, socks_proxy, …).
            Value::Bytes(b) if b.is_empty() => (std::ptr::null(), 0),
            Value::Bytes(b) => (b.as_ptr().cast(), b.len()),
        };
        // SAFETY: `ptr` points at `len` readable bytes that outlive the call; libzmq copies them.
        let rc = unsafe { zmq_sys::zmq_setsockopt(sock.as_mut_ptr(), self.id, ptr, len) };
        if rc == -1 {
            Err(unsafe { zmq_sys::zmq_errno() })
        } else {
            Ok(())
        }
    }
}

fn lookup(name: &str) -> Result<(&'static str, c_int, Kind), Usage> {
    let key = name.trim().to_ascii_lowercase().replace('-', "_");
    let key = key.strip_prefix("zmq_").unwrap_or(&key);
    OPTIONS
        .iter()
        .find(|(n, _, _)| *n == key)
        .map(|&(n, id, kind)| (n, id as c_int, kind))
        .ok_or_else(|| {
            Usage(format!(
                "unknown socket option '{}' (see zmq_setsockopt(3); e.g. sndbuf, tcp_keepalive_idle, xpub_verbose)",
                name.escape_debug()
            ))
        })
}

/// The ZAP domain bound endpoints have unless a security policy or `--set` gives another.
pub const DEFAULT_ZAP_DOMAIN: &[u8] = b"zmqcat";

/// The options of `SocketArgs` but `--set`, linger first.
fn options_from(s: &SocketArgs, linger: Option<Duration>) -> Result<Vec<SetOpt>, Usage> {
    let ms = linger.map_or(-1, |d| d.as_millis().min(i32::MAX as u128) as i64);
    let mut opts = vec![SetOpt::int("linger", ms)?];
    // A ZAP domain makes libzmq refuse peers older than ZMTP 3.0 (libzmq 3.x, JeroMQ 0.3)
    // instead of taking any byte stream as the unframed ZMTP 1.0: garbage sent to a bound port
    // must not come out as messages. No ZAP handler is needed for it. It guards binds only:
    // strangers reach a bound port, while a connect goes to the peer the user named, whatever
    // ZMTP version it speaks. (libzmq cannot clear the option once set, hence a flag to leave
    // it out of binds too.)
    let mut zap = SetOpt::bytes("zap_domain", DEFAULT_ZAP_DOMAIN)?;
    zap.binds_only = true;
    if !s.legacy_peers {
        opts.push(zap);
    }
    if let Some(h) = s.hwm {
        opts.push(SetOpt::int("sndhwm", h.into())?);
        opts.push(SetOpt::int("rcvhwm", h.into())?);
    }
    if let Some(h) = s.sndhwm {
        opts.push(SetOpt::int("sndhwm", h.into())?);
    }
    if let Some(h) = s.rcvhwm {
        opts.push(SetOpt::int("rcvhwm", h.into())?);
    }
    if let Some(id) = &s.identity {
        let mut bytes = Vec::new();
        read_id(id.as_bytes(), &mut bytes).map_err(|e| Usage(format!("--identity: {e}")))?;
        if bytes.is_empty() || bytes.len() > 255 {
            return Err(Usage("--identity must be 1 to 255 bytes long".into()));
        }
        if bytes[0] == 0 {
            return Err(Usage(
                "--identity may not start with a zero byte (libzmq reserves those)".into(),
            ));
        }
        opts.push(SetOpt::bytes("routing_id", &bytes)?);
    }
    if let Some(d) = s.reconnect_ivl {
        opts.push(SetOpt::millis("reconnect_ivl", d)?);
    }
    if let Some(d) = s.reconnect_ivl_max {
        opts.push(SetOpt::millis("reconnect_ivl_max", d)?);
    }
    if let Some(d) = s.heartbeat {
        opts.push(SetOpt::millis("heartbeat_ivl", d)?);
    }
    for (on, name) in [
        (s.immediate, "immediate"),
        (s.conflate, "conflate"),
        (s.ipv6, "ipv6"),
        (s.tcp_keepalive, "tcp_keepalive"),
    ] {
        if on {
            opts.push(SetOpt::int(name, 1)?);
        }
    }
    if let Some(n) = s.max_msg_size {
        // libzmq applies its limit to handshake commands too: below a few hundred bytes no
        // connection completes. Peers are held to at least MIN_PEER_MSG_LIMIT; input to N.
        let limit = if n < 0 { n } else { n.max(MIN_PEER_MSG_LIMIT) };
        opts.push(SetOpt::int("maxmsgsize", limit)?);
    }
    Ok(opts)
}

/// The smallest ZMQ_MAXMSGSIZE zmqcat sets, so that handshakes still fit.
const MIN_PEER_MSG_LIMIT: i64 = 4096;

/// `--set NAME=VALUE` assignments.
fn user_options(s: &SocketArgs) -> Result<Vec<SetOpt>, Usage> {
    s.set.iter().map(|a| SetOpt::parse_assignment(a)).collect()
}

/// Every socket's options, in the order they are set: linger and the rest of `SocketArgs`,
/// then what the command adds (`own`), then the security policy's, and the `--set`
/// assignments last so that they win. A ZAP domain from the policy or `--set` replaces the
/// default one: a socket has one domain, and `--explain` lists it once.
pub fn options_for(
    s: &SocketArgs,
    linger: Option<Duration>,
    own: Vec<SetOpt>,
    security: &[SetOpt],
) -> Result<Vec<SetOpt>, Usage> {
    let mut opts = options_from(s, linger)?;
    opts.extend(own);
    let user = user_options(s)?;
    let zap = SetOpt::bytes("zap_domain", DEFAULT_ZAP_DOMAIN)?.id;
    if security.iter().chain(&user).any(|o| o.id == zap) {
        opts.retain(|o| o.id != zap);
    }
    opts.extend(security.iter().cloned());
    opts.extend(user);
    Ok(opts)
}

/// SUB subscriptions: each prefix, or everything when none is given.
pub fn subscriptions(prefixes: &[String]) -> Result<Vec<SetOpt>, Usage> {
    if prefixes.is_empty() {
        return Ok(vec![SetOpt::bytes("subscribe", b"")?]);
    }
    prefixes
        .iter()
        .map(|p| SetOpt::bytes("subscribe", p.as_bytes()))
        .collect()
}

/// Creates a socket, applies `options` in order, starts its monitor (when `watch` is given,
/// reporting as it says), then connects and binds. A bound wildcard is announced on stderr
/// (even with -q: a script has no other way to learn the port) unless the socket is `private`,
/// one of zmqcat's own (bench's link to its peer); with -v every endpoint is.
///
/// libzmq copies a socket's options into each connection when `zmq_connect`/`zmq_bind` is
/// called, so the options meant for binds only (the default ZAP domain) are set between the
/// connects and the binds, unless a later option of the same name (a security policy's
/// domain, `--set`) replaces them for every endpoint.
pub fn open(
    ctx: &crate::context::Context,
    kind: crate::context::SocketType,
    options: &[SetOpt],
    endpoints: &[Endpoint],
    verbose: u8,
    private: bool,
    watch: Option<Watch>,
) -> Result<(crate::context::Socket, Option<Monitor>)> {
    let mut sock = ctx.socket(kind).context("creating the socket")?;
    let (now, later) = split_binds_only(options);
    for opt in now {
        set(&mut sock, opt)?;
    }
    let monitor = match watch {
        Some(w) => Some(Monitor::attach(ctx, &sock, w)?),
        None => None,
    };
    let connects = endpoints
        .iter()
        .filter(|e| e.direction == Direction::Connect);
    for ep in connects {
        if kind == crate::context::PEER {
            connect_peer(&mut sock, ep)?;
        } else {
            attach(&sock, ep, verbose, private)?;
        }
    }
    for opt in later {
        set(&mut sock, opt)?;
    }
    for ep in endpoints.iter().filter(|e| e.direction == Direction::Bind) {
        attach(&sock, ep, verbose, private)?;
    }
    Ok((sock, monitor))
}

/// The options to set at once, and those for binds only that no later option overrides.
fn split_binds_only(options: &[SetOpt]) -> (Vec<&SetOpt>, Vec<&SetOpt>) {
    let mut now = Vec::new();
    let mut later = Vec::new();
    for (i, opt) in options.iter().enumerate() {
        if !opt.binds_only {
            now.push(opt);
        } else if !options[i + 1..].iter().any(|o| o.id == opt.id) {
            later.push(opt);
        }
    }
    (now, later)
}

fn set(sock: &mut zmq::Socket, opt: &SetOpt) -> Result<()> {
    opt.apply(sock).map_err(|errno| -> anyhow::Error {
        let e = std::io::Error::from_raw_os_error(errno);
        let msg = format!("cannot set socket option {}={}: {e}", opt.name, opt.shown());
        if errno == libc::EINVAL {
            Usage(msg).into()
        } else {
            anyhow::anyhow!(msg)
        }
    })
}

fn attach(sock: &zmq::Socket, ep: &Endpoint, verbose: u8, private: bool) -> Result<()> {
    let result = match ep.direction {
        Direction::Bind => {
            // ipc files: `ipc://*` in a private directory, a live listener's path refused.
            let address = crate::ipc::prepare_bind(&ep.address)
                .map_err(|why| anyhow::anyhow!("cannot bind {}: {why}", ep.address))?;
            let result = sock.bind(&address);
            if result.is_ok() {
                crate::ipc::bound(&address);
            }
            result
        }
        Direction::Connect => sock.connect(&ep.address),
    };
    result.map_err(|e| attach_error(ep, e))?;
    match ep.direction {
        Direction::Bind => {
            let resolved = match sock.get_last_endpoint() {
                Ok(Ok(s)) => s,
                _ => ep.address.clone(),
            };
            if is_wildcard(&ep.address) && !private || verbose > 0 {
                log!("bound {resolved}");
            }
        }
        Direction::Connect => {
            if verbose > 0 {
                log!("connecting to {}", ep.address);
            }
        }
    }
    Ok(())
}

/// Why `ep` could not be attached: a usage error for a bad address.
fn attach_error(ep: &Endpoint, e: zmq::Error) -> anyhow::Error {
    let reason = match e {
        zmq::Error::EINVAL => "invalid address".to_string(),
        zmq::Error::ENODEV => "no such interface or address on this host".to_string(),
        other => other.to_string(),
    };
    let msg = format!("cannot {} {}: {reason}", ep.direction, ep.address);
    match e {
        zmq::Error::EINVAL | zmq::Error::EPROTONOSUPPORT | zmq::Error::ENOCOMPATPROTO => {
            Usage(msg).into()
        }
        _ => anyhow::anyhow!(msg),
    }
}

/// A PEER connects through `zmq_connect_peer`, which gives the routing id the peer has here at
/// once: it is announced on stderr (like a wildcard's port, even with -q), since input can only
/// address the peer by it.
fn connect_peer(sock: &mut zmq::Socket, ep: &Endpoint) -> Result<()> {
    let id = crate::draft::connect_peer(sock, &ep.address).map_err(|e| attach_error(ep, e))?;
    log!("connected {} as peer {id}", ep.address);
    Ok(())
}

/// A bind address whose port or path libzmq chooses.
fn is_wildcard(address: &str) -> bool {
    address.ends_with(":*") || address.ends_with(":0") || address == "ipc://*"
}

/// `endpoints` as messages should name them once `sock` is attached: a wildcard bind by the
/// address it got. libzmq reports only the last endpoint attached (ZMQ_LAST_ENDPOINT), which
/// is the last bind ([`open`] binds after the connects), so an earlier wildcard keeps its `*`
/// (its `bound` line on stderr names it).
pub fn resolved(sock: &zmq::Socket, endpoints: &[Endpoint]) -> Vec<Endpoint> {
    let mut out = endpoints.to_vec();
    let last_bind = out
        .iter_mut()
        .rev()
        .find(|e| e.direction == Direction::Bind);
    if let Some(last) = last_bind {
        if last.direction == Direction::Bind && is_wildcard(&last.address) {
            if let Ok(Ok(address)) = sock.get_last_endpoint() {
                last.address = address;
            }
        }
    }
    out
}

/// The addresses of `endpoints`, for messages: `tcp://a:1, ipc:///b`.
pub fn addresses(endpoints: &[Endpoint]) -> String {
    endpoints
        .iter()
        .map(|e| e.address.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_forgiving() {
        for name in ["sndhwm", "SNDHWM", "zmq_sndhwm", "ZMQ_SNDHWM"] {
            assert_eq!(SetOpt::int(name, 5).unwrap().id, 23);
        }
        assert_eq!(
            SetOpt::parse_assignment("tcp-keepalive-idle=30")
                .unwrap()
                .id,
            36
        );
    }

    #[test]
    fn values_are_checked() {
        assert!(SetOpt::parse_assignment("sndhwm=lots").is_err());
        assert!(SetOpt::parse_assignment("immediate=maybe").is_err());
        assert!(SetOpt::parse_assignment("nosuch=1")
            .unwrap_err()
            .0
            .contains("unknown socket option"));
        assert!(SetOpt::parse_assignment("sndhwm").is_err());
        assert_eq!(
            SetOpt::parse_assignment("linger=2s").unwrap().value,
            Value::Int(2000)
        );
        assert_eq!(
            SetOpt::parse_assignment("immediate=on").unwrap().value,
            Value::Int(1)
        );
        assert_eq!(
            SetOpt::parse_assignment("maxmsgsize=-1").unwrap().value,
            Value::Int64(-1)
        );
    }

    #[test]
    fn secrets_are_redacted() {
        let opt = SetOpt::parse_assignment("plain_password=hunter2").unwrap();
        assert_eq!(opt.shown(), "<redacted>");
        assert!(!opt.shown().contains("hunter2"));
    }

    #[test]
    fn the_default_zap_domain_waits_for_the_binds_unless_replaced() {
        let args = SocketArgs::default();
        let opts = options_from(&args, None).unwrap();
        let (now, later) = split_binds_only(&opts);
        assert!(now.iter().all(|o| o.name != "zap_domain"));
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].value, Value::Bytes(DEFAULT_ZAP_DOMAIN.to_vec()));
        // A security policy's domain, set later, holds for connects and binds alike.
        let mut secured = opts.clone();
        secured.push(SetOpt::bytes("zap_domain", b"global").unwrap());
        let (now, later) = split_binds_only(&secured);
        assert!(later.is_empty());
        assert_eq!(now.iter().filter(|o| o.name == "zap_domain").count(), 1);
    }

    #[test]
    fn options_for_orders_own_security_then_set_with_one_zap_domain() {
        let args = SocketArgs {
            set: vec!["sndhwm=9".into()],
            ..SocketArgs::default()
        };
        let own = vec![SetOpt::int("router_mandatory", 1).unwrap()];
        let names = |opts: &[SetOpt]| opts.iter().map(|o| o.name).collect::<Vec<_>>();
        let plain = options_for(&args, None, own.clone(), &[]).unwrap();
        assert_eq!(
            names(&plain),
            ["linger", "zap_domain", "router_mandatory", "sndhwm"]
        );
        let policy = [SetOpt::bytes("zap_domain", b"global").unwrap()];
        let secured = options_for(&args, None, own, &policy).unwrap();
        assert_eq!(
            names(&secured),
            ["linger", "router_mandatory", "zap_domain", "sndhwm"]
        );
        assert_eq!(secured[2].value, Value::Bytes(b"global".to_vec()));
        let by_set = SocketArgs {
            set: vec!["zap_domain=mine".into()],
            ..SocketArgs::default()
        };
        let opts = options_for(&by_set, None, Vec::new(), &[]).unwrap();
        assert_eq!(names(&opts), ["linger", "zap_domain"]);
    }

    #[test]
    fn the_last_wildcard_bind_is_named_by_the_address_it_got() {
        let ctx = crate::context::Context::new();
        let eps = |list: &[(Direction, &str)]| -> Vec<Endpoint> {
            list.iter()
                .map(|&(direction, a)| Endpoint {
                    direction,
                    address: a.to_string(),
                })
                .collect()
        };
        let given = eps(&[
            (Direction::Bind, "tcp://127.0.0.1:*"),
            (Direction::Bind, "tcp://127.0.0.1:*"),
        ]);
        let (sock, _) = open(&ctx, crate::context::PULL, &[], &given, 0, true, None).unwrap();
        let got = resolved(&sock, &given);
        assert_eq!(got[0], given[0], "libzmq keeps no record of earlier binds");
        let port = got[1].address.strip_prefix("tcp://127.0.0.1:").unwrap();
        assert!(port.parse::<u16>().is_ok_and(|p| p > 0), "{got:?}");

        // A connect after the bind: the bind is still attached last (binds follow connects).
        let (_server, ep) = {
            let s = ctx.socket(crate::context::PUSH).unwrap();
            s.bind("tcp://127.0.0.1:*").unwrap();
            let ep = s.get_last_endpoint().unwrap().unwrap();
            (s, ep)
        };
        let given = eps(&[
            (Direction::Bind, "tcp://127.0.0.1:*"),
            (Direction::Connect, &ep),
        ]);
        let (sock, _) = open(&ctx, crate::context::PULL, &[], &given, 0, true, None).unwrap();
        let got = resolved(&sock, &given);
        assert_ne!(got[0], given[0], "{got:?}");
        assert_eq!(got[1], given[1]);
        assert_eq!(addresses(&given), format!("tcp://127.0.0.1:*, {ep}"));
    }

    #[test]
    fn options_reach_libzmq() {
        let ctx = crate::context::Context::new();
        let mut sock = ctx.socket(crate::context::PUSH).unwrap();
        SetOpt::int("sndhwm", 7).unwrap().apply(&mut sock).unwrap();
        SetOpt::parse_assignment("linger=0")
            .unwrap()
            .apply(&mut sock)
            .unwrap();
        assert_eq!(sock.get_sndhwm().unwrap(), 7);
        assert_eq!(sock.get_linger().unwrap(), 0);
    }
}
