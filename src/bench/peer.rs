//! The peer process of a run with both ends, and the private directory of its ipc endpoint.

use std::io::Read as _;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context as _, Result};

use crate::cli::{BenchRole, Limit};
use crate::exit::Timeout;

use super::role_name;
use super::tally::wall_nanos;

/// Once the peer process has ended, how long what it sent may still take to show up.
const PEER_GONE_GRACE: Duration = Duration::from_secs(1);
/// How long the peer process may take to exit after the run.
const PEER_EXIT: Duration = Duration::from_secs(10);

/// A duration as the peer process's command line takes it.
pub(super) fn limit_arg(l: Limit) -> String {
    match l {
        Limit::After(d) => format!("{}us", d.as_micros()),
        Limit::Never => "inf".into(),
    }
}

/// A directory only this process uses, removed with everything in it when dropped.
pub(super) struct PrivateDir {
    pub(super) path: std::path::PathBuf,
}

impl PrivateDir {
    pub(super) fn create() -> Result<PrivateDir> {
        use std::os::unix::fs::DirBuilderExt as _;
        let base = std::env::temp_dir();
        let mut last = None;
        for attempt in 0..100u32 {
            let path = base.join(format!(
                "zmqcat-bench-{}-{}",
                std::process::id(),
                wall_nanos().wrapping_add(u64::from(attempt)) % 1_000_000_007
            ));
            match std::fs::DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => return Ok(PrivateDir { path }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    return Err(e).with_context(|| format!("creating {}", path.display()));
                }
            }
        }
        Err(anyhow!(
            "cannot create a private directory in {}: {}",
            base.display(),
            last.map_or_else(String::new, |e| e.to_string())
        ))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The peer process of a run with both ends.
pub(super) struct PeerProcess {
    pub(super) role: BenchRole,
    pub(super) child: Child,
    pub(super) stderr: Option<JoinHandle<String>>,
    /// When it was seen to have ended, and how.
    pub(super) ended: Option<(ExitStatus, Instant)>,
}

impl PeerProcess {
    pub(super) fn spawn(role: BenchRole, args: &[String]) -> Result<PeerProcess> {
        let exe = std::env::current_exe().context("finding the zmqcat executable")?;
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {} bench {}", exe.display(), role_name(role)))?;
        let stderr = child.stderr.take().map(|mut pipe| {
            std::thread::spawn(move || {
                let mut said = String::new();
                let _ = pipe.read_to_string(&mut said);
                said
            })
        });
        Ok(PeerProcess {
            role,
            child,
            stderr,
            ended: None,
        })
    }

    /// Fails when the process has failed, or ended some time ago while still awaited.
    pub(super) fn check(&mut self) -> Result<()> {
        if self.ended.is_none() {
            if let Some(status) = self.child.try_wait().context("watching the peer process")? {
                self.ended = Some((status, Instant::now()));
            }
        }
        match self.ended {
            Some((status, _)) if !status.success() => Err(self.failure(status)),
            Some((_, at)) if at.elapsed() >= PEER_GONE_GRACE => Err(anyhow!(
                "the {} process ended before the run was complete",
                role_name(self.role)
            )),
            _ => Ok(()),
        }
    }

    pub(super) fn failure(&mut self, status: ExitStatus) -> anyhow::Error {
        let said = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let line = said
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| l.strip_prefix("zmqcat: ").unwrap_or(l).to_string());
        let why = match status.code() {
            Some(code) => format!("exit status {code}"),
            None => status.to_string(),
        };
        let msg = match line {
            Some(line) => format!(
                "the {} process failed ({why}): {line}",
                role_name(self.role)
            ),
            None => format!("the {} process failed ({why})", role_name(self.role)),
        };
        // Its timeout is this run's timeout (status 3); anything else is a failure here.
        match status.code() {
            Some(c) if c == i32::from(crate::exit::TIMEOUT) => Timeout(msg).into(),
            _ => anyhow!(msg),
        }
    }

    /// After the run: waits (bounded) for the process to end, and says if it failed.
    pub(super) fn finish(&mut self) -> Result<()> {
        let deadline = Instant::now() + PEER_EXIT;
        loop {
            if let Some((status, _)) = self.ended {
                return if status.success() {
                    Ok(())
                } else {
                    Err(self.failure(status))
                };
            }
            if let Some(status) = self.child.try_wait().context("watching the peer process")? {
                self.ended = Some((status, Instant::now()));
                continue;
            }
            if Instant::now() >= deadline {
                return Err(anyhow!(
                    "the {} process did not end within {} after the run",
                    role_name(self.role),
                    humantime::format_duration(PEER_EXIT)
                ));
            }
            // It has finished its part and is closing; look again shortly.
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        if self.ended.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}
