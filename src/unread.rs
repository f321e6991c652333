//! Waiting at exit until peers have read what the kernel still holds for them.
//!
//! Closing a socket with a linger period only waits until libzmq has moved the queued messages
//! out of its pipes. Two things can still go missing after that:
//!
//! * the sending engine's last batch, when the kernel's send buffer was full: the engine is
//!   destroyed with it once its pipe is empty;
//! * over `ipc://`, everything in the kernel's buffer when the receiving engine had stopped
//!   reading because its queue was at the high-water mark: the sender's close reaches it as a
//!   hang-up, and the engine gives up on the connection without reading the rest (libzmq #4660).
//!
//! Both are avoided when the sender does not close while its connections still hold unread
//! bytes. Linux tells how many bytes a stream socket holds that its peer has not consumed
//! (`SIOCOUTQ`, for tcp the bytes not yet acknowledged); libzmq's connections are descriptors
//! of this process, so before closing, zmqcat waits until every one of them reads zero.

use std::time::{Duration, Instant};

/// How often the connections are looked at while a peer is still reading.
const POLL_EVERY: Duration = Duration::from_millis(1);

/// How a wait for the peers ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Waited {
    /// No connection holds unread bytes.
    Read,
    /// The deadline passed first.
    Expired,
    /// The given stop condition fired (a signal).
    Stopped,
}

/// Waits until no network connection of this process holds bytes its peer has not read, or
/// the deadline passes, or `stop` returns true. `stop` is given how long it may block.
///
/// A connection counts as read only after two looks a millisecond apart, so that a batch libzmq
/// is about to write after the first look is seen by the second.
pub fn wait_until_read(deadline: Option<Instant>, stop: impl FnMut(Duration) -> bool) -> Waited {
    wait_until_zero(unread_bytes, deadline, stop)
}

/// Like [`wait_until_read`], and also until `settled` says so (e.g. a handshake was seen).
pub fn wait_until_read_and(
    deadline: Option<Instant>,
    mut settled: impl FnMut() -> bool,
    stop: impl FnMut(Duration) -> bool,
) -> Waited {
    let probe = || {
        if settled() {
            unread_bytes()
        } else {
            usize::MAX
        }
    };
    wait_until_zero(probe, deadline, stop)
}

fn wait_until_zero(
    mut unread: impl FnMut() -> usize,
    deadline: Option<Instant>,
    mut stop: impl FnMut(Duration) -> bool,
) -> Waited {
    let mut clear_once = false;
    loop {
        if unread() == 0 {
            if clear_once {
                return Waited::Read;
            }
            clear_once = true;
        } else {
            clear_once = false;
        }
        let nap = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Waited::Expired;
                }
                left.min(POLL_EVERY)
            }
            None => POLL_EVERY,
        };
        if stop(nap) {
            return Waited::Stopped;
        }
    }
}

/// The bytes this process's tcp and ipc connections hold that their peers have not read.
#[cfg(target_os = "linux")]
pub fn unread_bytes() -> usize {
    use std::os::fd::RawFd;
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else {
        return 0;
    };
    let mut total = 0usize;
    for entry in dir.flatten() {
        let Some(fd) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<RawFd>().ok())
        else {
            continue;
        };
        if fd > 2 {
            total += unread_on(fd).unwrap_or(0);
        }
    }
    total
}

/// The bytes connection `fd` holds that its peer has not read (`None`: not a connection).
#[cfg(target_os = "linux")]
fn unread_on(fd: std::os::fd::RawFd) -> Option<usize> {
    if !is_connection(fd) {
        return None;
    }
    let mut queued: libc::c_int = 0;
    // SAFETY: TIOCOUTQ (SIOCOUTQ) writes one int through the pointer; a descriptor closed
    // meanwhile by libzmq's I/O thread makes it fail with EBADF, which is read as zero.
    let rc = unsafe { libc::ioctl(fd, libc::TIOCOUTQ, &mut queued) };
    Some(if rc == 0 { queued.max(0) as usize } else { 0 })
}

#[cfg(not(target_os = "linux"))]
pub fn unread_bytes() -> usize {
    0
}

/// Whether `fd` is a connected tcp socket or a unix stream socket with a path on one side:
/// the kind of descriptor a libzmq engine owns. Unnamed socket pairs (zmqcat's own signal and
/// wake-up pipes) and listening sockets are not.
#[cfg(target_os = "linux")]
fn is_connection(fd: std::os::fd::RawFd) -> bool {
    // SAFETY: plain getsockopt/getsockname/getpeername calls into properly sized buffers; any
    // failure (not a socket, closed meanwhile) means "not a connection".
    unsafe {
        let mut listening: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        if libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_ACCEPTCONN,
            (&mut listening as *mut libc::c_int).cast(),
            &mut len,
        ) != 0
            || listening != 0
        {
            return false;
        }
        let named = |get: unsafe extern "C" fn(
            libc::c_int,
            *mut libc::sockaddr,
            *mut libc::socklen_t,
        ) -> libc::c_int| {
            let mut addr: libc::sockaddr_storage = std::mem::zeroed();
            let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            if get(
                fd,
                (&mut addr as *mut libc::sockaddr_storage).cast(),
                &mut len,
            ) != 0
            {
                return None;
            }
            Some(match i32::from(addr.ss_family) {
                libc::AF_INET | libc::AF_INET6 => true,
                // An unnamed unix socket's address is the family alone.
                libc::AF_UNIX => len as usize > std::mem::size_of::<libc::sa_family_t>(),
                _ => false,
            })
        };
        match named(libc::getsockname) {
            None => false,
            Some(true) => true,
            Some(false) => named(libc::getpeername) == Some(true),
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::os::fd::AsRawFd;
    use std::os::unix::net::{UnixListener, UnixStream};

    #[test]
    fn counts_what_a_named_peer_has_not_read_and_ignores_socket_pairs() {
        let path = std::env::temp_dir().join(format!("zmqcat-unread-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path).expect("bind");
        assert_eq!(unread_on(listener.as_raw_fd()), None, "a listener");
        let mut client = UnixStream::connect(&path).expect("connect");
        let (mut server, _) = listener.accept().expect("accept");
        let _ = std::fs::remove_file(&path);
        assert_eq!(unread_on(client.as_raw_fd()), Some(0));
        client.write_all(&[7u8; 1000]).expect("write");
        assert!(unread_on(client.as_raw_fd()).is_some_and(|n| n >= 1000));
        // The accepted side is named too, by the path it was accepted on.
        assert_eq!(unread_on(server.as_raw_fd()), Some(0));
        let mut buf = [0u8; 1000];
        server.read_exact(&mut buf).expect("read");
        assert_eq!(unread_on(client.as_raw_fd()), Some(0));

        let (mut a, _b) = UnixStream::pair().expect("pair");
        a.write_all(&[1u8; 100]).expect("write");
        assert_eq!(unread_on(a.as_raw_fd()), None, "an unnamed pair");

        let tcp = std::net::TcpListener::bind("127.0.0.1:0").expect("tcp bind");
        let mut out = std::net::TcpStream::connect(tcp.local_addr().expect("addr")).expect("conn");
        assert_eq!(unread_on(tcp.as_raw_fd()), None, "a tcp listener");
        out.write_all(&[1u8; 10]).expect("write");
        assert!(unread_on(out.as_raw_fd()).is_some());
    }

    #[test]
    fn a_wait_needs_two_clear_looks_and_ends_at_its_deadline_or_when_stopped() {
        let mut looks = [5usize, 0, 3, 0, 0, 9].into_iter();
        let mut seen = 0;
        let probe = || {
            seen += 1;
            looks.next().unwrap_or(9)
        };
        assert_eq!(wait_until_zero(probe, None, |_| false), Waited::Read);
        assert_eq!(seen, 5);
        let soon = Instant::now() + Duration::from_millis(20);
        assert_eq!(
            wait_until_zero(|| 1, Some(soon), |_| false),
            Waited::Expired
        );
        assert!(Instant::now() >= soon);
        assert_eq!(wait_until_zero(|| 1, None, |_| true), Waited::Stopped);
    }
}
