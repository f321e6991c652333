//! CURVE and PLAIN, and the ZAP handler that admits or refuses peers.
//!
//! Keys are Z85 text (40 characters), given on the command line or read from a file (`@FILE`).
//! A secret never appears in any message: errors name the option, never the value.
//! The ZAP handler runs inside zmqcat on its own thread, bound to `inproc://zeromq.zap.01` in
//! the same context, and is stopped and joined before the context ends.

use std::ffi::{CStr, CString};
use std::net::IpAddr;
use std::os::unix::fs::PermissionsExt;
use std::thread::JoinHandle;

use anyhow::{Context as _, Result};

use crate::cli::{Scoped, SecurityArgs};
use crate::diag::log;
use crate::exit::Usage;
use crate::socket::SetOpt;

/// Why CURVE is missing and what to do about it. The default build links a libzmq with CURVE,
/// and so does Debian's: only a system libzmq built without libsodium lacks it.
const NO_CURVE: &str = "this zmqcat is linked with a libzmq without CURVE (a system libzmq \
built without libsodium); the default build has CURVE (cargo install --path . --locked), as \
does Debian's libzmq (apt-get install libzmq3-dev; see README, Packaging)";

pub fn has_curve() -> bool {
    zmq::has("curve").unwrap_or(false)
}

/// Refuses a CURVE request when the linked libzmq has no CURVE (`has` is [`has_curve`]).
fn require_curve(has: bool) -> Result<(), Usage> {
    match has {
        true => Ok(()),
        false => Err(Usage(NO_CURVE.into())),
    }
}

/// A 32-byte CURVE key.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Key {
    pub fn z85(&self) -> String {
        zmq::z85_encode(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

/// Decodes a Z85 key, naming `what` (never the value) when it is not one.
pub fn decode_key(text: &str, what: &str) -> Result<Key, Usage> {
    let text = text.trim();
    if text.len() != 40 {
        return Err(Usage(format!(
            "{what}: not a CURVE key (expected 40 Z85 characters, got {})",
            text.len()
        )));
    }
    let c = CString::new(text).map_err(|_| Usage(format!("{what}: not a CURVE key (NUL byte)")))?;
    let mut out = [0u8; 32];
    // SAFETY: 40 Z85 characters decode to exactly 32 bytes; `c` is NUL-terminated.
    let ok = unsafe { zmq_sys::zmq_z85_decode(out.as_mut_ptr(), c.as_ptr()) };
    if ok.is_null() {
        return Err(Usage(format!(
            "{what}: not a CURVE key (a character outside the Z85 alphabet)"
        )));
    }
    Ok(Key(out))
}

/// The public key that goes with a secret key.
pub fn public_of(secret: &Key) -> Result<Key> {
    let secret_z = CString::new(secret.z85()).context("encoding the key")?;
    let mut public = [0 as libc::c_char; 41];
    // SAFETY: both buffers hold 40 characters and a NUL.
    let rc = unsafe { zmq_sys::zmq_curve_public(public.as_mut_ptr(), secret_z.as_ptr()) };
    if rc != 0 {
        anyhow::bail!("{NO_CURVE}");
    }
    // SAFETY: libzmq wrote a NUL-terminated string.
    let text = unsafe { CStr::from_ptr(public.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    Ok(decode_key(&text, "derived public key")?)
}

/// A new key pair (public, secret).
pub fn generate() -> Result<(Key, Key)> {
    require_curve(has_curve())?;
    let pair = zmq::CurveKeyPair::new().context("generating a CURVE key pair")?;
    Ok((Key(pair.public_key), Key(pair.secret_key)))
}

/// Reads a key given as `KEY` or `@FILE`. In a file, a line `secret: KEY` / `public: KEY`
/// (as `zmqcat keygen` writes), `secret-key = "KEY"` / `public-key = "KEY"` (zcert files), or
/// a line holding only the key. Secret files must not be readable by others.
fn read_key(arg: &str, what: &str, secret: bool) -> Result<Key, Usage> {
    // '@' is a Z85 character too: a valid 40-character key is a key, not a file name.
    let path = match arg.strip_prefix('@') {
        Some(path) if decode_key(arg, what).is_err() => path,
        _ => return decode_key(arg, what),
    };
    let text = read_file(path, what, secret)?;
    let label = if secret { "secret" } else { "public" };
    let mut bare = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with(&format!("{label}:")) || lower.starts_with(&format!("{label}-key")) {
            let value = line
                .split_once([':', '='])
                .map_or("", |(_, v)| v)
                .trim()
                .trim_matches('"');
            return decode_key(value, what);
        }
        if line.len() == 40 && bare.is_none() {
            bare = Some(line.to_string());
        }
    }
    match bare {
        Some(k) => decode_key(&k, what),
        None => Err(Usage(format!("{what}: no {label} key found in {path}"))),
    }
}

fn read_file(path: &str, what: &str, secret: bool) -> Result<String, Usage> {
    let meta =
        std::fs::metadata(path).map_err(|e| Usage(format!("{what}: cannot read {path}: {e}")))?;
    if secret && meta.permissions().mode() & 0o004 != 0 {
        return Err(Usage(format!(
            "{what}: {path} is readable by everyone; protect it first: chmod 600 {path}"
        )));
    }
    std::fs::read_to_string(path).map_err(|e| Usage(format!("{what}: cannot read {path}: {e}")))
}

/// An address rule: an address, or a network in CIDR notation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl std::fmt::Display for Net {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl Net {
    fn parse(s: &str, what: &str) -> Result<Net, Usage> {
        let bad = || {
            Usage(format!(
                "{what} '{s}': expected an address or ADDRESS/PREFIX"
            ))
        };
        let (a, p) = s.split_once('/').map_or((s, None), |(a, p)| (a, Some(p)));
        let addr: IpAddr = a.trim().parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match p {
            None => max,
            Some(p) => p
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(bad)?,
        };
        Ok(Net { addr, prefix })
    }

    fn contains(&self, ip: IpAddr) -> bool {
        let ip = match (self.addr, ip) {
            // An IPv4 peer may show up as ::ffff:a.b.c.d on a dual-stack socket.
            (IpAddr::V4(_), IpAddr::V6(v6)) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            _ => ip,
        };
        let (a, b, bits) = match (self.addr, ip) {
            (IpAddr::V4(a), IpAddr::V4(b)) => (
                u128::from(u32::from(a)) << 96,
                u128::from(u32::from(b)) << 96,
                self.prefix,
            ),
            (IpAddr::V6(a), IpAddr::V6(b)) => (u128::from(a), u128::from(b), self.prefix),
            _ => return false,
        };
        let mask = if bits == 0 {
            0
        } else {
            u128::MAX << (128 - u32::from(bits))
        };
        a & mask == b & mask
    }
}

/// What the ZAP handler checks.
#[derive(Debug, Clone, Default)]
struct Policy {
    curve_allow: Vec<[u8; 32]>,
    plain: Option<(String, String)>,
    allow: Vec<Net>,
    deny: Vec<Net>,
    verbose: u8,
    /// The ZAP domain of the sockets this policy guards.
    domain: String,
    /// Named in refusals when a command's sockets have policies of their own (`--for`).
    label: Option<String>,
}

impl Policy {
    fn is_needed(&self) -> bool {
        !self.curve_allow.is_empty()
            || self.plain.is_some()
            || !self.allow.is_empty()
            || !self.deny.is_empty()
    }

    /// Status and reason for one ZAP request.
    fn decide(
        &self,
        address: &str,
        mechanism: &[u8],
        credentials: &[&[u8]],
    ) -> (&'static str, String) {
        let ip = address.parse::<IpAddr>().ok();
        if let Some(ip) = ip {
            if self.deny.iter().any(|n| n.contains(ip)) {
                return ("400", format!("address {address} is denied"));
            }
            if !self.allow.is_empty() && !self.allow.iter().any(|n| n.contains(ip)) {
                return ("400", format!("address {address} is not allowed"));
            }
        } else if !self.allow.is_empty() {
            return (
                "400",
                format!("address '{address}' is not an IP address on the allow list"),
            );
        }
        match mechanism {
            b"CURVE" if !self.curve_allow.is_empty() => {
                let key = credentials.first().copied().unwrap_or_default();
                if self.curve_allow.iter().any(|k| k[..] == *key) {
                    ("200", String::new())
                } else {
                    let shown = zmq::z85_encode(key).unwrap_or_default();
                    (
                        "400",
                        format!("client key {shown} is not on the --curve-allow list"),
                    )
                }
            }
            b"PLAIN" => match &self.plain {
                Some((user, pass)) => {
                    let ok = credentials.len() == 2
                        && credentials[0] == user.as_bytes()
                        && credentials[1] == pass.as_bytes();
                    if ok {
                        ("200", String::new())
                    } else {
                        let who = String::from_utf8_lossy(
                            credentials.first().copied().unwrap_or_default(),
                        )
                        .into_owned();
                        ("400", format!("wrong user name or password (user '{who}')"))
                    }
                }
                None => ("200", String::new()),
            },
            _ => ("200", String::new()),
        }
    }
}

/// The security settings of one socket command, validated.
#[derive(Debug, Clone, Default)]
pub struct Security {
    options: Vec<SetOpt>,
    policy: Policy,
    /// Shown with -v: a CURVE server's public key.
    public: Option<Key>,
    /// CURVE was asked for and the linked libzmq has none: the plan can still be shown
    /// (`--explain`), a run is refused before any socket exists ([`start_zap`]).
    curve_missing: bool,
}

/// The ZAP domain of sockets whose security is the command's own (not scoped by `--for`).
const DOMAIN: &str = "zmqcat";

impl Security {
    pub fn from_args(a: &SecurityArgs, verbose: u8) -> Result<Security> {
        Security::build(a, verbose, None)
    }

    /// The settings of one labelled socket of `proxy` or `poll`: those given for it with
    /// `--for LABEL` (after the shared ones) or, without any, the shared ones.
    pub fn for_socket(
        shared: &SecurityArgs,
        scoped: &[Scoped],
        label: &str,
        verbose: u8,
    ) -> Result<Security> {
        match scoped.iter().find(|s| s.label == label) {
            Some(s) => Security::build(&s.args, verbose, Some(label)),
            None => Security::from_args(shared, verbose),
        }
    }

    /// Checks that every `--for LABEL` names one of `labels`.
    pub fn check_scopes(scoped: &[Scoped], labels: &[&str]) -> Result<(), Usage> {
        match scoped.iter().find(|s| !labels.contains(&s.label.as_str())) {
            Some(s) => Err(Usage(format!(
                "--for {}: no socket has that label (labels: {})",
                s.label,
                labels.join(", ")
            ))),
            None => Ok(()),
        }
    }

    fn build(a: &SecurityArgs, verbose: u8, label: Option<&str>) -> Result<Security> {
        Security::assemble(a, verbose, label, has_curve())
    }

    /// [`Security::build`] for a libzmq that has CURVE or not (`curve_here`). Without it, the
    /// options are still checked and keys read, but no key can be derived or generated.
    fn assemble(
        a: &SecurityArgs,
        verbose: u8,
        label: Option<&str>,
        curve_here: bool,
    ) -> Result<Security> {
        let curve_wanted = a.curve_server
            || a.curve_secret.is_some()
            || a.curve_server_key.is_some()
            || !a.curve_allow.is_empty();
        let mut s = Security {
            curve_missing: curve_wanted && !curve_here,
            ..Security::default()
        };
        s.policy.verbose = verbose;
        s.policy.label = label.map(str::to_string);
        s.policy.domain = match label {
            Some(l) => format!("{DOMAIN}/{l}"),
            None => DOMAIN.to_string(),
        };
        s.add_curve(a, curve_here)?;
        s.add_curve_allow(a)?;
        s.add_plain(a)?;
        for n in &a.allow_ip {
            s.policy.allow.push(Net::parse(n, "--allow-ip")?);
        }
        for n in &a.deny_ip {
            s.policy.deny.push(Net::parse(n, "--deny-ip")?);
        }
        if s.policy.is_needed() {
            // With a domain set, libzmq asks the handler even for the NULL mechanism.
            s.options
                .push(SetOpt::bytes("zap_domain", s.policy.domain.as_bytes())?);
        }
        Ok(s)
    }

    /// CURVE as a server (its secret key) or as a client (the server key, and own keys given or
    /// new). Without CURVE in libzmq (`here` false) public keys stay unknown and none are made.
    fn add_curve(&mut self, a: &SecurityArgs, here: bool) -> Result<()> {
        let derived = |secret: &Key| match here {
            true => public_of(secret).map(Some),
            false => Ok(None),
        };
        if a.curve_server {
            let secret_arg = a
                .curve_secret
                .as_deref()
                .ok_or_else(|| Usage("--curve-server needs --curve-secret KEY|@FILE".into()))?;
            let secret = read_key(secret_arg, "--curve-secret", true)?;
            self.public = derived(&secret)?;
            self.options.push(SetOpt::int("curve_server", 1)?);
            self.options
                .push(SetOpt::bytes("curve_secretkey", &secret.0)?);
        } else if let Some(server) = &a.curve_server_key {
            let server = read_key(server, "--curve-server-key", false)?;
            let own = match &a.curve_secret {
                Some(arg) => {
                    let secret = read_key(arg, "--curve-secret", true)?;
                    derived(&secret)?.map(|public| (public, secret))
                }
                None if here => Some(generate()?),
                // Nothing to make keys with; a run is refused before it would need them.
                None => None,
            };
            self.options
                .push(SetOpt::bytes("curve_serverkey", &server.0)?);
            if let Some((public, secret)) = own {
                self.options
                    .push(SetOpt::bytes("curve_publickey", &public.0)?);
                self.options
                    .push(SetOpt::bytes("curve_secretkey", &secret.0)?);
                self.public = Some(public);
            }
        } else if a.curve_secret.is_some() {
            return Err(Usage(
                "--curve-secret needs --curve-server (server) or --curve-server-key (client)"
                    .into(),
            )
            .into());
        }
        Ok(())
    }

    /// `--curve-allow`: the client keys a CURVE server admits, given or listed in files.
    fn add_curve_allow(&mut self, a: &SecurityArgs) -> Result<()> {
        for arg in &a.curve_allow {
            if !a.curve_server {
                return Err(Usage("--curve-allow needs --curve-server".into()).into());
            }
            match arg
                .strip_prefix('@')
                .filter(|_| decode_key(arg, "").is_err())
            {
                Some(path) => {
                    let text = read_file(path, "--curve-allow", false)?;
                    for (n, line) in text.lines().map(str::trim).enumerate() {
                        if line.is_empty() || line.starts_with('#') {
                            continue;
                        }
                        let key =
                            decode_key(line, &format!("--curve-allow {path} line {}", n + 1))?;
                        self.policy.curve_allow.push(key.0);
                    }
                }
                None => self
                    .policy
                    .curve_allow
                    .push(decode_key(arg, "--curve-allow")?.0),
            }
        }
        Ok(())
    }

    /// PLAIN as a server (the one user and password it admits) or as a client.
    fn add_plain(&mut self, a: &SecurityArgs) -> Result<()> {
        if a.plain_server {
            let (user, pass) = match (&a.plain_user, &a.plain_pass) {
                (Some(u), Some(p)) => (u.clone(), read_password(p)?),
                _ => {
                    return Err(
                        Usage("--plain-server needs --plain-user and --plain-pass".into()).into(),
                    )
                }
            };
            self.options.push(SetOpt::int("plain_server", 1)?);
            self.policy.plain = Some((user, pass));
        } else if let Some(user) = &a.plain_user {
            let pass = read_password(
                a.plain_pass
                    .as_deref()
                    .ok_or_else(|| Usage("--plain-user needs --plain-pass".into()))?,
            )?;
            self.options
                .push(SetOpt::bytes("plain_username", user.as_bytes())?);
            self.options
                .push(SetOpt::bytes("plain_password", pass.as_bytes())?);
        }
        Ok(())
    }

    pub fn options(&self) -> &[SetOpt] {
        &self.options
    }

    /// The settings as `--explain` shows them: keys public, secrets never.
    pub fn describe(&self) -> serde_json::Value {
        let mut d = serde_json::json!({ "mechanism": self.mechanism() });
        let role = if self.options.iter().any(|o| o.name().ends_with("_server")) {
            "server"
        } else if self.mechanism() == "NULL" {
            "none"
        } else {
            "client"
        };
        d["role"] = role.into();
        if let Some(k) = &self.public {
            d["public_key"] = k.z85().into();
        }
        if self.curve_missing {
            d["unavailable"] = NO_CURVE.into();
        }
        for o in &self.options {
            match o.name() {
                "curve_serverkey" => d["server_key"] = o.shown().into(),
                "plain_username" => d["user"] = o.shown().into(),
                "zap_domain" => d["zap_domain"] = o.shown().into(),
                _ => {}
            }
        }
        let p = &self.policy;
        if p.is_needed() {
            let keys: Vec<String> = p
                .curve_allow
                .iter()
                .map(|k| zmq::z85_encode(k).unwrap_or_default())
                .collect();
            let nets = |n: &[Net]| n.iter().map(Net::to_string).collect::<Vec<_>>();
            d["admits"] = serde_json::json!({
                "curve_keys": keys,
                "plain_user": p.plain.as_ref().map(|(u, _)| u.as_str()),
                "allow_ip": nets(&p.allow),
                "deny_ip": nets(&p.deny),
            });
        }
        d
    }

    /// The security mechanism: NULL, CURVE or PLAIN.
    pub fn mechanism(&self) -> &'static str {
        let set = |name: &str| self.options.iter().any(|o| o.name().starts_with(name));
        if set("curve_") {
            "CURVE"
        } else if set("plain_") {
            "PLAIN"
        } else {
            "NULL"
        }
    }

    /// Says which public key this socket uses (with -v), so clients can be given it.
    pub fn announce(&self, verbose: u8) {
        if let Some(k) = &self.public {
            if verbose > 0 {
                match &self.policy.label {
                    Some(l) => log!("{l}: CURVE public key {}", k.z85()),
                    None => log!("CURVE public key {}", k.z85()),
                }
            }
        }
    }

    /// Starts the ZAP handler when a policy needs one.
    pub fn start_zap(&self, ctx: &crate::context::Context) -> Result<Option<Zap>> {
        start_zap(ctx, [self])
    }
}

/// Says the public keys of a command's sockets (with -v), each once.
pub fn announce_all(all: &[Security], verbose: u8) {
    for (i, s) in all.iter().enumerate() {
        let shown_before = all[..i]
            .iter()
            .any(|o| o.policy.label == s.policy.label && o.public == s.public);
        if !shown_before {
            s.announce(verbose);
        }
    }
}

/// Starts one ZAP handler for the sockets of a command, each judged by its own policy (told
/// apart by ZAP domain), when any policy needs one.
pub fn start_zap<'a>(
    ctx: &crate::context::Context,
    all: impl IntoIterator<Item = &'a Security>,
) -> Result<Option<Zap>> {
    let all: Vec<&Security> = all.into_iter().collect();
    // The capability check of a run, before any socket exists: a plan needs no CURVE to be
    // shown (`--explain`), a run does.
    require_curve(!all.iter().any(|s| s.curve_missing))?;
    let mut policies: Vec<Policy> = Vec::new();
    for s in all {
        if s.policy.is_needed() && !policies.iter().any(|p| p.domain == s.policy.domain) {
            policies.push(s.policy.clone());
        }
    }
    if policies.is_empty() {
        return Ok(None);
    }
    Zap::start(ctx, policies).map(Some)
}

fn read_password(arg: &str) -> Result<String, Usage> {
    match arg.strip_prefix('@') {
        Some(path) => Ok(read_file(path, "--plain-pass", true)?
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()),
        None => Ok(arg.to_string()),
    }
}

/// The running ZAP handler; dropping it stops and joins the thread.
pub struct Zap {
    stop: crate::context::Socket,
    thread: Option<JoinHandle<()>>,
}

impl Zap {
    fn start(ctx: &crate::context::Context, policies: Vec<Policy>) -> Result<Zap> {
        let handler = ctx.socket(crate::context::REP)?;
        handler.set_linger(0)?;
        handler
            .bind("inproc://zeromq.zap.01")
            .context("starting the ZAP handler")?;
        let address = format!("inproc://zmqcat-zap-stop-{}", std::process::id());
        let stop = ctx.socket(crate::context::PAIR)?;
        stop.set_linger(0)?;
        stop.bind(&address)?;
        let listen = ctx.socket(crate::context::PAIR)?;
        listen.set_linger(0)?;
        listen.connect(&address)?;
        let thread = std::thread::spawn(move || serve(&handler, &listen, &policies));
        Ok(Zap {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Zap {
    fn drop(&mut self) {
        let _ = self.stop.send("stop", 0);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(handler: &zmq::Socket, stop: &zmq::Socket, policies: &[Policy]) {
    loop {
        let mut items = [
            handler.as_poll_item(zmq::POLLIN),
            stop.as_poll_item(zmq::POLLIN),
        ];
        if zmq::poll(&mut items, -1).is_err() || items[1].is_readable() {
            return;
        }
        if !items[0].is_readable() {
            continue;
        }
        let Ok(frames) = handler.recv_multipart(0) else {
            return;
        };
        // version, request id, domain, address, identity, mechanism, credentials…
        if frames.len() < 6 {
            let _ = handler.send_multipart(["1.0", "", "500", "malformed ZAP request", "", ""], 0);
            continue;
        }
        let address = String::from_utf8_lossy(&frames[3]).into_owned();
        let creds: Vec<&[u8]> = frames[6..].iter().map(Vec::as_slice).collect();
        // A socket without a policy of its own has no domain, and is not asked about.
        let Some(policy) = policies.iter().find(|p| p.domain.as_bytes() == frames[2]) else {
            let _ =
                handler.send_multipart(["1.0".as_bytes(), &frames[1], b"200", b"", b"", b""], 0);
            continue;
        };
        let (status, reason) = policy.decide(&address, &frames[5], &creds);
        if status != "200" && policy.verbose > 0 {
            let on = policy
                .label
                .as_deref()
                .map(|l| format!("{l}: "))
                .unwrap_or_default();
            log!(
                "{on}refused a {} client from {address}: {reason}",
                String::from_utf8_lossy(&frames[5])
            );
        }
        let reply: [&[u8]; 6] = [
            b"1.0",
            &frames[1],
            status.as_bytes(),
            reason.as_bytes(),
            b"",
            b"",
        ];
        if handler.send_multipart(reply, 0).is_err() {
            return;
        }
    }
}

/// `zmqcat keygen`: a new key pair on stdout, or written to a file only its owner can read.
pub fn keygen(a: &crate::cli::KeygenArgs) -> Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt;
    let json = a.format == crate::cli::KeyFormat::Json;
    let (public, secret) = generate()?;
    let mut out = std::io::stdout().lock();
    match &a.output {
        Some(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(|e| Usage(format!("keygen: cannot create {}: {e}", path.display())))?;
            writeln!(
                file,
                "# zmqcat CURVE key pair: keep this file secret\npublic: {}\nsecret: {}",
                public.z85(),
                secret.z85()
            )
            .with_context(|| format!("writing {}", path.display()))?;
            if json {
                let v =
                    serde_json::json!({"public": public.z85(), "file": path.display().to_string()});
                writeln!(out, "{v}")?;
            } else {
                writeln!(out, "public: {}", public.z85())?;
            }
        }
        None if json => {
            let v = serde_json::json!({"public": public.z85(), "secret": secret.z85()});
            writeln!(out, "{v}")?;
        }
        None => writeln!(out, "public: {}\nsecret: {}", public.z85(), secret.z85())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No build this project makes lacks CURVE any more, so the refusal a libzmq without
    /// libsodium gets is checked here: one line, naming the cause and the builds that have it.
    #[test]
    fn a_libzmq_without_curve_is_refused_in_one_line_naming_the_builds() {
        assert!(require_curve(true).is_ok());
        let e = require_curve(false).unwrap_err().0;
        assert_eq!(e.lines().count(), 1, "{e}");
        for part in ["without CURVE", "cargo install --path .", "libzmq3-dev"] {
            assert!(e.contains(part), "{part:?} missing from {e}");
        }
    }

    /// The plan of CURVE options is the same without CURVE in libzmq (keys read and checked,
    /// none derived or made); only a run is refused, before any socket exists.
    #[test]
    fn a_plan_with_curve_needs_no_curve_in_libzmq_but_a_run_does() {
        let pair = zmq::CurveKeyPair::new().unwrap();
        let secret = zmq::z85_encode(&pair.secret_key).unwrap();
        let public = zmq::z85_encode(&pair.public_key).unwrap();
        let server = SecurityArgs {
            curve_server: true,
            curve_secret: Some(secret.clone()),
            curve_allow: vec![public.clone()],
            ..SecurityArgs::default()
        };
        let client = SecurityArgs {
            curve_server_key: Some(public.clone()),
            ..SecurityArgs::default()
        };
        let own_keys = SecurityArgs {
            curve_secret: Some(secret),
            ..client.clone()
        };
        let ctx = crate::context::Context::new();
        for (args, role) in [(server, "server"), (client, "client"), (own_keys, "client")] {
            let plan = Security::assemble(&args, 0, None, false).unwrap();
            let d = plan.describe();
            assert_eq!(d["mechanism"], "CURVE", "{d}");
            assert_eq!(d["role"], role, "{d}");
            assert!(
                d["unavailable"]
                    .as_str()
                    .is_some_and(|u| u.contains("without CURVE")),
                "{d}"
            );
            let Err(e) = start_zap(&ctx, [&plan]) else {
                panic!("a run without CURVE in libzmq started");
            };
            assert!(e.is::<Usage>(), "a usage error (status 2): {e}");
            assert!(e.to_string().contains("without CURVE"), "{e}");

            let run = Security::assemble(&args, 0, None, true).unwrap();
            let d = run.describe();
            assert!(d["unavailable"].is_null(), "{d}");
            assert!(d["public_key"].is_string(), "{d}");
            assert!(start_zap(&ctx, [&run]).is_ok_and(|zap| zap.is_some() == (role == "server")));
        }
    }

    #[test]
    fn keys_are_validated_without_echoing_them() {
        let e = decode_key("tooshort", "--curve-secret").unwrap_err().0;
        assert!(e.contains("expected 40") && !e.contains("tooshort"), "{e}");
        let bad = "~".repeat(40);
        let e = decode_key(&bad, "--curve-secret").unwrap_err().0;
        assert!(e.contains("Z85") && !e.contains(&bad), "{e}");
        let good = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
        assert_eq!(decode_key(good, "x").unwrap().z85(), good);
        assert_eq!(
            format!("{:?}", decode_key(good, "x").unwrap()),
            "Key(<redacted>)"
        );
    }

    #[test]
    fn networks_match() {
        let n = Net::parse("127.0.0.0/8", "--allow-ip").unwrap();
        assert!(n.contains("127.1.2.3".parse().unwrap()));
        assert!(n.contains("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!n.contains("10.0.0.1".parse().unwrap()));
        let one = Net::parse("::1", "--deny-ip").unwrap();
        assert!(one.contains("::1".parse().unwrap()));
        assert!(Net::parse("1.2.3.4/33", "x").is_err());
        assert!(Net::parse("nope", "x").is_err());
        assert!(Net::parse("0.0.0.0/0", "x")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
    }

    #[test]
    fn policy_decides() {
        let p = Policy {
            plain: Some(("admin".into(), "s3cret".into())),
            deny: vec![Net::parse("10.0.0.0/8", "x").unwrap()],
            ..Policy::default()
        };
        assert_eq!(
            p.decide("127.0.0.1", b"PLAIN", &[b"admin", b"s3cret"]).0,
            "200"
        );
        let (code, why) = p.decide("127.0.0.1", b"PLAIN", &[b"admin", b"guess"]);
        assert_eq!(code, "400");
        assert!(!why.contains("guess") && !why.contains("s3cret"));
        assert_eq!(p.decide("10.1.1.1", b"NULL", &[]).0, "400");
    }

    #[test]
    fn key_files_in_every_shape() {
        let dir = tempfile::tempdir().unwrap();
        let key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
        for body in [
            format!("secret: {key}\npublic: {key}\n"),
            format!("# zcert\ncurve\n    secret-key = \"{key}\"\n"),
            format!("{key}\n"),
        ] {
            let path = dir.path().join("k");
            std::fs::write(&path, body).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            let arg = format!("@{}", path.display());
            assert_eq!(read_key(&arg, "--curve-secret", true).unwrap().z85(), key);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let e = read_key(&arg, "--curve-secret", true).unwrap_err().0;
            assert!(e.contains("chmod 600"), "{e}");
        }
    }
}
