//! The few draft-API functions the draft socket types need: groups (RADIO/DISH) and routing ids
//! (SERVER/CLIENT), on messages zmqcat manages itself (the `zmq` crate's `Message` hides its
//! `zmq_msg_t`).
//!
//! The default build links zmq-sys/'s static libzmq, which declares them (`cfg(zmq_draft)`).
//! The packagers' build links a shared system libzmq that may lack them (Debian's does): there
//! they are looked up at run time with `dlsym`, so the binary links either way and a system
//! libzmq built with the draft API still gets the draft commands.

use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};
use std::sync::OnceLock;

use zmq_sys::zmq_msg_t;

use crate::exit::Usage;

/// The longest group name (`ZMQ_GROUP_MAX_LENGTH`).
pub const GROUP_MAX: usize = zmq_sys::ZMQ_GROUP_MAX_LENGTH as usize;

type GroupFn = unsafe extern "C" fn(*mut c_void, *const c_char) -> c_int;

/// The draft functions, found once.
struct Api {
    join: GroupFn,
    leave: GroupFn,
    set_routing_id: unsafe extern "C" fn(*mut zmq_msg_t, u32) -> c_int,
    routing_id: unsafe extern "C" fn(*mut zmq_msg_t) -> u32,
    set_group: unsafe extern "C" fn(*mut zmq_msg_t, *const c_char) -> c_int,
    group: unsafe extern "C" fn(*mut zmq_msg_t) -> *const c_char,
    connect_peer: unsafe extern "C" fn(*mut c_void, *const c_char) -> u32,
}

#[cfg(zmq_draft)]
fn resolve() -> Option<Api> {
    Some(Api {
        join: zmq_sys::zmq_join,
        leave: zmq_sys::zmq_leave,
        set_routing_id: zmq_sys::zmq_msg_set_routing_id,
        routing_id: zmq_sys::zmq_msg_routing_id,
        set_group: zmq_sys::zmq_msg_set_group,
        group: zmq_sys::zmq_msg_group,
        connect_peer: zmq_sys::zmq_connect_peer,
    })
}

#[cfg(not(zmq_draft))]
fn resolve() -> Option<Api> {
    /// The address of `name` (NUL-terminated) in the loaded libraries, as a function pointer
    /// of type `F`.
    fn find<F: Copy>(name: &CStr) -> Option<F> {
        // SAFETY: a NUL-terminated name; RTLD_DEFAULT searches the process's libraries.
        let ptr = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
        assert_eq!(std::mem::size_of::<F>(), std::mem::size_of::<*mut c_void>());
        // SAFETY: F is the function pointer type zmq.h declares for `name` (the callers
        // below), and a non-null result of dlsym is that function's address.
        (!ptr.is_null()).then(|| unsafe { std::mem::transmute_copy::<*mut c_void, F>(&ptr) })
    }
    Some(Api {
        join: find(c"zmq_join")?,
        leave: find(c"zmq_leave")?,
        set_routing_id: find(c"zmq_msg_set_routing_id")?,
        routing_id: find(c"zmq_msg_routing_id")?,
        set_group: find(c"zmq_msg_set_group")?,
        group: find(c"zmq_msg_group")?,
        connect_peer: find(c"zmq_connect_peer")?,
    })
}

fn api() -> Option<&'static Api> {
    static API: OnceLock<Option<Api>> = OnceLock::new();
    API.get_or_init(|| {
        if zmq::has("draft") == Some(true) {
            resolve()
        } else {
            None
        }
    })
    .as_ref()
}

/// Whether the linked libzmq has the draft API; a usage error (status 2) naming what is
/// missing and the build that has it when not.
pub fn require(command: &str) -> Result<(), Usage> {
    if api().is_some() {
        return Ok(());
    }
    let (a, b, c) = zmq::version();
    Err(Usage(format!(
        "{command} needs libzmq's draft API, which the linked libzmq {a}.{b}.{c} ({}) lacks; \
         the default build (cargo install --path .) has it",
        env!("ZMQCAT_LIBZMQ")
    )))
}

fn errno() -> zmq::Error {
    // SAFETY: reads libzmq's thread-local errno.
    zmq::Error::from_raw(unsafe { zmq_sys::zmq_errno() })
}

fn check(rc: c_int) -> zmq::Result<()> {
    if rc == -1 {
        Err(errno())
    } else {
        Ok(())
    }
}

fn api_or_err() -> zmq::Result<&'static Api> {
    api().ok_or(zmq::Error::ENOTSUP)
}

/// Joins (or with `join` false, leaves) a DISH socket's group.
pub fn membership(sock: &mut zmq::Socket, group: &CStr, join: bool) -> zmq::Result<()> {
    let api = api_or_err()?;
    let f = if join { api.join } else { api.leave };
    // SAFETY: a live socket and a NUL-terminated group; libzmq checks the socket's type.
    check(unsafe { f(sock.as_mut_ptr(), group.as_ptr()) })
}

/// Connects a PEER socket to `endpoint`: the routing id the peer has on this socket.
pub fn connect_peer(sock: &mut zmq::Socket, endpoint: &str) -> zmq::Result<u32> {
    let api = api_or_err()?;
    let endpoint = std::ffi::CString::new(endpoint).map_err(|_| zmq::Error::EINVAL)?;
    // SAFETY: a live socket and a NUL-terminated endpoint; 0 means failure (errno set).
    let id = unsafe { (api.connect_peer)(sock.as_mut_ptr(), endpoint.as_ptr()) };
    if id == 0 {
        Err(errno())
    } else {
        Ok(id)
    }
}

/// Where a message goes: a SERVER's peer, or a RADIO's group.
#[derive(Debug, Clone, Copy)]
pub enum To<'a> {
    RoutingId(u32),
    Group(&'a CStr),
}

/// One received message with its draft properties.
pub struct Msg(zmq_msg_t);

impl Msg {
    pub fn new() -> Msg {
        let mut msg = zmq_msg_t::default();
        // SAFETY: initialises the message just made; zmq_msg_init cannot fail.
        unsafe { zmq_sys::zmq_msg_init(&mut msg) };
        Msg(msg)
    }

    /// Receives the next message into this one (its previous content is released).
    pub fn recv(&mut self, sock: &mut zmq::Socket, flags: i32) -> zmq::Result<()> {
        // SAFETY: an initialised message and a live socket.
        check(unsafe { zmq_sys::zmq_msg_recv(&mut self.0, sock.as_mut_ptr(), flags) })
    }

    /// Sends this message on, its properties (a DISH's group) with it, as libzmq's own proxy
    /// does: on success the content moved to libzmq and this message is empty; on failure
    /// (EAGAIN with DONTWAIT) it is unchanged, to be sent again.
    pub fn send(&mut self, sock: &mut zmq::Socket, flags: i32) -> zmq::Result<()> {
        // SAFETY: an initialised message and a live socket; zmq_msg_send leaves the message
        // initialised (empty) when it took it, untouched when it did not.
        check(unsafe { zmq_sys::zmq_msg_send(&mut self.0, sock.as_mut_ptr(), flags) })
    }

    pub fn data(&self) -> &[u8] {
        // SAFETY: an initialised message: libzmq gives its buffer and size, valid until the
        // message changes, which needs `&mut self`.
        unsafe {
            let size = zmq_sys::zmq_msg_size(&self.0);
            let data = zmq_sys::zmq_msg_data(self.ptr());
            if size == 0 {
                &[]
            } else {
                std::slice::from_raw_parts(data as *const u8, size)
            }
        }
    }

    /// The routing id of the peer a SERVER received this from (0: none).
    pub fn routing_id(&self) -> u32 {
        // SAFETY: an initialised message, which libzmq only reads here (zmq.h's getters take
        // non-const pointers all the same).
        api().map_or(0, |api| unsafe { (api.routing_id)(self.ptr()) })
    }

    fn ptr(&self) -> *mut zmq_msg_t {
        &self.0 as *const zmq_msg_t as *mut zmq_msg_t
    }

    /// The group a DISH received this in (empty: none); libzmq only reads the message.
    pub fn group(&self) -> &[u8] {
        let Some(api) = api() else { return b"" };
        // SAFETY: an initialised message; the group is a NUL-terminated string inside the
        // message, valid while it is unchanged (borrowed from `self`).
        unsafe {
            let g = (api.group)(self.ptr());
            if g.is_null() {
                b""
            } else {
                CStr::from_ptr(g).to_bytes()
            }
        }
    }
}

impl Drop for Msg {
    fn drop(&mut self) {
        // SAFETY: an initialised message, closed once.
        unsafe { zmq_sys::zmq_msg_close(&mut self.0) };
    }
}

/// Sends `body` as one message to `to` (EAGAIN with DONTWAIT: nothing was sent).
pub fn send(sock: &mut zmq::Socket, body: &[u8], to: To<'_>, flags: i32) -> zmq::Result<()> {
    let api = api_or_err()?;
    let mut msg = Msg(zmq_msg_t::default());
    // SAFETY: a fresh message of `body.len()` bytes, filled from `body`; `Msg` closes it
    // whether or not the send took it.
    unsafe {
        check(zmq_sys::zmq_msg_init_size(&mut msg.0, body.len()))?;
        let data = zmq_sys::zmq_msg_data(&mut msg.0) as *mut u8;
        std::ptr::copy_nonoverlapping(body.as_ptr(), data, body.len());
        match to {
            To::RoutingId(id) => check((api.set_routing_id)(&mut msg.0, id))?,
            To::Group(g) => check((api.set_group)(&mut msg.0, g.as_ptr()))?,
        }
        check(zmq_sys::zmq_msg_send(&mut msg.0, sock.as_mut_ptr(), flags))
    }
}
