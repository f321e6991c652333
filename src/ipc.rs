//! The file side of ipc endpoints that zmqcat binds: where `ipc://*` goes, refusing a path a
//! live process listens on, and removing what zmqcat created when it exits.
//!
//! libzmq binds `ipc://*` to a relative name in the working directory (a peer elsewhere cannot
//! reach it, and the file stays), unlinks whatever file is at an explicit path before binding
//! (so a second bind silently takes the address from a live listener), and leaves the socket
//! file behind at exit. zmqcat does all three itself.

use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStringExt as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The socket file's name inside a private directory made for `ipc://*`.
const WILDCARD_NAME: &str = "zmqcat.sock";

/// What to remove at exit.
enum Created {
    /// A socket file zmqcat bound, known by its inode (a file another process put there later
    /// is not ours).
    Socket { path: PathBuf, dev: u64, ino: u64 },
    /// A private directory made for `ipc://*`.
    Dir(PathBuf),
}

static CREATED: Mutex<Vec<Created>> = Mutex::new(Vec::new());

fn created() -> std::sync::MutexGuard<'static, Vec<Created>> {
    CREATED.lock().unwrap_or_else(|e| e.into_inner())
}

/// The filesystem path of an ipc address, when it has one (not the abstract namespace).
fn path_of(address: &str) -> Option<&Path> {
    let rest = address.strip_prefix("ipc://")?;
    (rest != "*" && !rest.starts_with('@') && !rest.is_empty()).then(|| Path::new(rest))
}

/// The address to hand to libzmq's bind for `address`: `ipc://*` becomes a socket in a new
/// private directory (mode 0700) under the temporary directory, an explicit ipc path is
/// refused when a live process listens on it. Other addresses are returned as they are.
pub fn prepare_bind(address: &str) -> Result<String, String> {
    if address == "ipc://*" {
        let dir = private_dir()?;
        let path = dir.join(WILDCARD_NAME);
        created().push(Created::Dir(dir));
        return Ok(format!("ipc://{}", path.display()));
    }
    if let Some(path) = path_of(address) {
        if listened_on(path) {
            return Err(format!(
                "address in use: a process is listening on {}",
                path.display()
            ));
        }
    }
    Ok(address.to_string())
}

/// Records that `address` (as given to libzmq's bind) was bound, to remove its file at exit.
pub fn bound(address: &str) {
    let Some(path) = path_of(address) else {
        return;
    };
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.file_type().is_socket() {
            created().push(Created::Socket {
                path: path.to_path_buf(),
                dev: m.dev(),
                ino: m.ino(),
            });
        }
    }
}

/// Removes the socket files zmqcat bound and the private directories it made, newest first.
/// Called on every ordinary exit path (an end, an error, a first signal).
pub fn cleanup() {
    let mut list = created();
    while let Some(c) = list.pop() {
        match c {
            Created::Socket { path, dev, ino } => {
                let ours = std::fs::symlink_metadata(&path)
                    .is_ok_and(|m| m.file_type().is_socket() && m.dev() == dev && m.ino() == ino);
                if ours {
                    let _ = std::fs::remove_file(&path);
                }
            }
            Created::Dir(dir) => {
                let _ = std::fs::remove_file(dir.join(WILDCARD_NAME));
                let _ = std::fs::remove_dir(&dir);
            }
        }
    }
}

/// Whether a process accepts connections on the unix socket at `path`. A stale file (nobody
/// listening: connection refused) is not, and libzmq replaces it.
fn listened_on(path: &Path) -> bool {
    let is_socket = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_socket());
    is_socket && UnixStream::connect(path).is_ok()
}

/// A new directory only this user can enter, for the socket of an `ipc://*` bind.
fn private_dir() -> Result<PathBuf, String> {
    let mut base = std::env::temp_dir();
    // A socket path must fit in sun_path: a long $TMPDIR falls back to /tmp.
    if base.as_os_str().len() > 64 {
        base = PathBuf::from("/tmp");
    }
    let template = base.join("zmqcat-ipc.XXXXXX");
    let template = CString::new(template.into_os_string().into_vec())
        .map_err(|_| "the temporary directory's name holds a NUL byte".to_string())?;
    let mut bytes = template.into_bytes_with_nul();
    // SAFETY: `bytes` is a NUL-terminated template that mkdtemp rewrites in place.
    let made = unsafe { libc::mkdtemp(bytes.as_mut_ptr().cast()) };
    if made.is_null() {
        return Err(format!(
            "cannot create a private directory in {} for ipc://*: {}",
            base.display(),
            std::io::Error::last_os_error()
        ));
    }
    bytes.pop();
    Ok(PathBuf::from(OsString::from_vec(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;
    use std::os::unix::net::UnixListener;

    #[test]
    fn wildcard_gets_a_private_absolute_path() {
        let address = prepare_bind("ipc://*").unwrap();
        let path = path_of(&address).unwrap().to_path_buf();
        assert!(path.is_absolute(), "{address}");
        let dir = path.parent().unwrap();
        let mode = std::fs::metadata(dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", dir.display());
        cleanup();
        assert!(!dir.exists(), "{} is left", dir.display());
    }

    #[test]
    fn live_listener_is_refused_and_stale_file_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sock");
        let address = format!("ipc://{}", path.display());
        let listener = UnixListener::bind(&path).unwrap();
        let err = prepare_bind(&address).unwrap_err();
        assert!(err.contains("address in use"), "{err}");
        drop(listener);
        // The file stays, with nobody listening: stale.
        assert!(path.exists());
        assert_eq!(prepare_bind(&address).unwrap(), address);
    }

    #[test]
    fn other_addresses_pass_through() {
        for a in ["tcp://*:1", "ipc://@abstract", "inproc://x"] {
            assert_eq!(prepare_bind(a).unwrap(), a);
        }
    }
}
