//! The libzmq C API as the `zmq` 0.10 crate and zmqcat call it, declared by hand from zmq.h
//! (libzmq 4.3): constants, the two structs whose layout Rust must know, and the functions.
//!
//! Constants are `u32` (socket types, options, events, protocol errors), as the `zmq` crate
//! expects: it casts them to `c_int` where libzmq wants one. Draft-API functions are declared
//! only under `cfg(zmq_draft)`, which build.rs sets when it builds libzmq with the draft API: a
//! binary that referenced them would not link against a libzmq without it (the packagers'
//! system-libzmq build skips build.rs, so the cfg stays unset there).

#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_int, c_long, c_short, c_uchar, c_void};

pub use std::os::unix::io::RawFd;

pub mod errno;

/// Declares `pub const NAME: u32 = value;` for each pair.
macro_rules! constants {
    ($($name:ident = $value:expr,)*) => { $(pub const $name: u32 = $value;)* };
}

pub const ZMQ_VERSION_MAJOR: u32 = 4;
pub const ZMQ_VERSION_MINOR: u32 = 3;
pub const ZMQ_VERSION_PATCH: u32 = 5;
pub const ZMQ_HAUSNUMERO: u32 = 156_384_712;

// Context options and their defaults.
constants! {
    ZMQ_IO_THREADS = 1,
    ZMQ_MAX_SOCKETS = 2,
    ZMQ_SOCKET_LIMIT = 3,
    ZMQ_THREAD_PRIORITY = 3,
    ZMQ_THREAD_SCHED_POLICY = 4,
    ZMQ_MAX_MSGSZ = 5,
    ZMQ_MSG_T_SIZE = 6,
    ZMQ_THREAD_AFFINITY_CPU_ADD = 7,
    ZMQ_THREAD_AFFINITY_CPU_REMOVE = 8,
    ZMQ_THREAD_NAME_PREFIX = 9,
    ZMQ_IO_THREADS_DFLT = 1,
    ZMQ_MAX_SOCKETS_DFLT = 1023,
}
pub const ZMQ_THREAD_PRIORITY_DFLT: i32 = -1;
pub const ZMQ_THREAD_SCHED_POLICY_DFLT: i32 = -1;

// Socket types. 12 to 20 exist only in a libzmq built with the draft API: zmq_socket answers
// EINVAL for them elsewhere, so declaring them is harmless.
constants! {
    ZMQ_PAIR = 0,
    ZMQ_PUB = 1,
    ZMQ_SUB = 2,
    ZMQ_REQ = 3,
    ZMQ_REP = 4,
    ZMQ_DEALER = 5,
    ZMQ_ROUTER = 6,
    ZMQ_PULL = 7,
    ZMQ_PUSH = 8,
    ZMQ_XPUB = 9,
    ZMQ_XSUB = 10,
    ZMQ_STREAM = 11,
    ZMQ_SERVER = 12,
    ZMQ_CLIENT = 13,
    ZMQ_RADIO = 14,
    ZMQ_DISH = 15,
    ZMQ_GATHER = 16,
    ZMQ_SCATTER = 17,
    ZMQ_DGRAM = 18,
    ZMQ_PEER = 19,
    ZMQ_CHANNEL = 20,
}

// Socket options.
constants! {
    ZMQ_AFFINITY = 4,
    ZMQ_ROUTING_ID = 5,
    ZMQ_SUBSCRIBE = 6,
    ZMQ_UNSUBSCRIBE = 7,
    ZMQ_RATE = 8,
    ZMQ_RECOVERY_IVL = 9,
    ZMQ_SNDBUF = 11,
    ZMQ_RCVBUF = 12,
    ZMQ_RCVMORE = 13,
    ZMQ_FD = 14,
    ZMQ_EVENTS = 15,
    ZMQ_TYPE = 16,
    ZMQ_LINGER = 17,
    ZMQ_RECONNECT_IVL = 18,
    ZMQ_BACKLOG = 19,
    ZMQ_RECONNECT_IVL_MAX = 21,
    ZMQ_MAXMSGSIZE = 22,
    ZMQ_SNDHWM = 23,
    ZMQ_RCVHWM = 24,
    ZMQ_MULTICAST_HOPS = 25,
    ZMQ_RCVTIMEO = 27,
    ZMQ_SNDTIMEO = 28,
    ZMQ_LAST_ENDPOINT = 32,
    ZMQ_ROUTER_MANDATORY = 33,
    ZMQ_TCP_KEEPALIVE = 34,
    ZMQ_TCP_KEEPALIVE_CNT = 35,
    ZMQ_TCP_KEEPALIVE_IDLE = 36,
    ZMQ_TCP_KEEPALIVE_INTVL = 37,
    ZMQ_IMMEDIATE = 39,
    ZMQ_XPUB_VERBOSE = 40,
    ZMQ_ROUTER_RAW = 41,
    ZMQ_IPV6 = 42,
    ZMQ_MECHANISM = 43,
    ZMQ_PLAIN_SERVER = 44,
    ZMQ_PLAIN_USERNAME = 45,
    ZMQ_PLAIN_PASSWORD = 46,
    ZMQ_CURVE_SERVER = 47,
    ZMQ_CURVE_PUBLICKEY = 48,
    ZMQ_CURVE_SECRETKEY = 49,
    ZMQ_CURVE_SERVERKEY = 50,
    ZMQ_PROBE_ROUTER = 51,
    ZMQ_REQ_CORRELATE = 52,
    ZMQ_REQ_RELAXED = 53,
    ZMQ_CONFLATE = 54,
    ZMQ_ZAP_DOMAIN = 55,
    ZMQ_ROUTER_HANDOVER = 56,
    ZMQ_TOS = 57,
    ZMQ_CONNECT_ROUTING_ID = 61,
    ZMQ_GSSAPI_SERVER = 62,
    ZMQ_GSSAPI_PRINCIPAL = 63,
    ZMQ_GSSAPI_SERVICE_PRINCIPAL = 64,
    ZMQ_GSSAPI_PLAINTEXT = 65,
    ZMQ_HANDSHAKE_IVL = 66,
    ZMQ_SOCKS_PROXY = 68,
    ZMQ_XPUB_NODROP = 69,
    ZMQ_BLOCKY = 70,
    ZMQ_XPUB_MANUAL = 71,
    ZMQ_XPUB_WELCOME_MSG = 72,
    ZMQ_STREAM_NOTIFY = 73,
    ZMQ_INVERT_MATCHING = 74,
    ZMQ_HEARTBEAT_IVL = 75,
    ZMQ_HEARTBEAT_TTL = 76,
    ZMQ_HEARTBEAT_TIMEOUT = 77,
    ZMQ_XPUB_VERBOSER = 78,
    ZMQ_CONNECT_TIMEOUT = 79,
    ZMQ_TCP_MAXRT = 80,
    ZMQ_THREAD_SAFE = 81,
    ZMQ_MULTICAST_MAXTPDU = 84,
    ZMQ_VMCI_BUFFER_SIZE = 85,
    ZMQ_VMCI_BUFFER_MIN_SIZE = 86,
    ZMQ_VMCI_BUFFER_MAX_SIZE = 87,
    ZMQ_VMCI_CONNECT_TIMEOUT = 88,
    ZMQ_USE_FD = 89,
    ZMQ_GSSAPI_PRINCIPAL_NAMETYPE = 90,
    ZMQ_GSSAPI_SERVICE_PRINCIPAL_NAMETYPE = 91,
    ZMQ_BINDTODEVICE = 92,
}

// Message properties, send/recv flags, security mechanisms.
constants! {
    ZMQ_MORE = 1,
    ZMQ_SHARED = 3,
    ZMQ_DONTWAIT = 1,
    ZMQ_SNDMORE = 2,
    ZMQ_NULL = 0,
    ZMQ_PLAIN = 1,
    ZMQ_CURVE = 2,
    ZMQ_GSSAPI = 3,
    ZMQ_GROUP_MAX_LENGTH = 255,
}

// Socket monitor events.
constants! {
    ZMQ_EVENT_CONNECTED = 0x0001,
    ZMQ_EVENT_CONNECT_DELAYED = 0x0002,
    ZMQ_EVENT_CONNECT_RETRIED = 0x0004,
    ZMQ_EVENT_LISTENING = 0x0008,
    ZMQ_EVENT_BIND_FAILED = 0x0010,
    ZMQ_EVENT_ACCEPTED = 0x0020,
    ZMQ_EVENT_ACCEPT_FAILED = 0x0040,
    ZMQ_EVENT_CLOSED = 0x0080,
    ZMQ_EVENT_CLOSE_FAILED = 0x0100,
    ZMQ_EVENT_DISCONNECTED = 0x0200,
    ZMQ_EVENT_MONITOR_STOPPED = 0x0400,
    ZMQ_EVENT_ALL = 0xFFFF,
    ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL = 0x0800,
    ZMQ_EVENT_HANDSHAKE_SUCCEEDED = 0x1000,
    ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL = 0x2000,
    ZMQ_EVENT_HANDSHAKE_FAILED_AUTH = 0x4000,
}

// The value of a ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL event.
constants! {
    ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED = 0x1000_0000,
    ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND = 0x1000_0001,
    ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE = 0x1000_0002,
    ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE = 0x1000_0003,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED = 0x1000_0011,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE = 0x1000_0012,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO = 0x1000_0013,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE = 0x1000_0014,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR = 0x1000_0015,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY = 0x1000_0016,
    ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME = 0x1000_0017,
    ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA = 0x1000_0018,
    ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC = 0x1100_0001,
    ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH = 0x1100_0002,
    ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED = 0x2000_0000,
    ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY = 0x2000_0001,
    ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID = 0x2000_0002,
    ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION = 0x2000_0003,
    ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE = 0x2000_0004,
    ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA = 0x2000_0005,
}

// zmq_poll.
constants! {
    ZMQ_POLLIN = 1,
    ZMQ_POLLOUT = 2,
    ZMQ_POLLERR = 4,
    ZMQ_POLLPRI = 8,
    ZMQ_POLLITEMS_DFLT = 16,
}

/// A message: 64 opaque bytes, 8-aligned, that only libzmq reads or writes.
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct zmq_msg_t {
    pub __: [c_uchar; 64],
}

impl Default for zmq_msg_t {
    fn default() -> Self {
        zmq_msg_t { __: [0; 64] }
    }
}

/// Frees the buffer of a message made with `zmq_msg_init_data`.
pub type zmq_free_fn = Option<unsafe extern "C" fn(data: *mut c_void, hint: *mut c_void)>;

/// One entry of the set `zmq_poll` waits on: a socket, or a file descriptor when `socket` is
/// null.
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct zmq_pollitem_t {
    pub socket: *mut c_void,
    pub fd: c_int,
    pub events: c_short,
    pub revents: c_short,
}

impl Default for zmq_pollitem_t {
    fn default() -> Self {
        zmq_pollitem_t {
            socket: std::ptr::null_mut(),
            fd: 0,
            events: 0,
            revents: 0,
        }
    }
}

pub use libc::iovec;

extern "C" {
    // Errors and version.
    pub fn zmq_errno() -> c_int;
    pub fn zmq_strerror(errnum: c_int) -> *const c_char;
    pub fn zmq_version(major: *mut c_int, minor: *mut c_int, patch: *mut c_int);
    pub fn zmq_has(capability: *const c_char) -> c_int;

    // Contexts.
    pub fn zmq_ctx_new() -> *mut c_void;
    pub fn zmq_ctx_term(context: *mut c_void) -> c_int;
    pub fn zmq_ctx_shutdown(context: *mut c_void) -> c_int;
    pub fn zmq_ctx_set(context: *mut c_void, option: c_int, optval: c_int) -> c_int;
    pub fn zmq_ctx_get(context: *mut c_void, option: c_int) -> c_int;

    // Messages.
    pub fn zmq_msg_init(msg: *mut zmq_msg_t) -> c_int;
    pub fn zmq_msg_init_size(msg: *mut zmq_msg_t, size: usize) -> c_int;
    pub fn zmq_msg_init_data(
        msg: *mut zmq_msg_t,
        data: *mut c_void,
        size: usize,
        ffn: zmq_free_fn,
        hint: *mut c_void,
    ) -> c_int;
    pub fn zmq_msg_send(msg: *mut zmq_msg_t, socket: *mut c_void, flags: c_int) -> c_int;
    pub fn zmq_msg_recv(msg: *mut zmq_msg_t, socket: *mut c_void, flags: c_int) -> c_int;
    pub fn zmq_msg_close(msg: *mut zmq_msg_t) -> c_int;
    pub fn zmq_msg_move(dest: *mut zmq_msg_t, src: *mut zmq_msg_t) -> c_int;
    pub fn zmq_msg_copy(dest: *mut zmq_msg_t, src: *mut zmq_msg_t) -> c_int;
    pub fn zmq_msg_data(msg: *mut zmq_msg_t) -> *mut c_void;
    pub fn zmq_msg_size(msg: *const zmq_msg_t) -> usize;
    pub fn zmq_msg_more(msg: *const zmq_msg_t) -> c_int;
    pub fn zmq_msg_get(msg: *const zmq_msg_t, property: c_int) -> c_int;
    pub fn zmq_msg_set(msg: *mut zmq_msg_t, property: c_int, optval: c_int) -> c_int;
    pub fn zmq_msg_gets(msg: *const zmq_msg_t, property: *const c_char) -> *const c_char;

    // Sockets.
    pub fn zmq_socket(context: *mut c_void, kind: c_int) -> *mut c_void;
    pub fn zmq_close(socket: *mut c_void) -> c_int;
    pub fn zmq_setsockopt(
        socket: *mut c_void,
        option: c_int,
        optval: *const c_void,
        optvallen: usize,
    ) -> c_int;
    pub fn zmq_getsockopt(
        socket: *mut c_void,
        option: c_int,
        optval: *mut c_void,
        optvallen: *mut usize,
    ) -> c_int;
    pub fn zmq_bind(socket: *mut c_void, endpoint: *const c_char) -> c_int;
    pub fn zmq_connect(socket: *mut c_void, endpoint: *const c_char) -> c_int;
    pub fn zmq_unbind(socket: *mut c_void, endpoint: *const c_char) -> c_int;
    pub fn zmq_disconnect(socket: *mut c_void, endpoint: *const c_char) -> c_int;
    pub fn zmq_send(socket: *mut c_void, buf: *const c_void, len: usize, flags: c_int) -> c_int;
    pub fn zmq_send_const(
        socket: *mut c_void,
        buf: *const c_void,
        len: usize,
        flags: c_int,
    ) -> c_int;
    pub fn zmq_recv(socket: *mut c_void, buf: *mut c_void, len: usize, flags: c_int) -> c_int;
    pub fn zmq_socket_monitor(socket: *mut c_void, endpoint: *const c_char, events: c_int)
        -> c_int;
    pub fn zmq_sendmsg(socket: *mut c_void, msg: *mut zmq_msg_t, flags: c_int) -> c_int;
    pub fn zmq_recvmsg(socket: *mut c_void, msg: *mut zmq_msg_t, flags: c_int) -> c_int;
    pub fn zmq_sendiov(socket: *mut c_void, iov: *mut iovec, count: usize, flags: c_int)
        -> c_int;
    pub fn zmq_recviov(
        socket: *mut c_void,
        iov: *mut iovec,
        count: *mut usize,
        flags: c_int,
    ) -> c_int;

    // Polling and proxies.
    pub fn zmq_poll(items: *mut zmq_pollitem_t, nitems: c_int, timeout: c_long) -> c_int;
    pub fn zmq_proxy(frontend: *mut c_void, backend: *mut c_void, capture: *mut c_void) -> c_int;
    pub fn zmq_proxy_steerable(
        frontend: *mut c_void,
        backend: *mut c_void,
        capture: *mut c_void,
        control: *mut c_void,
    ) -> c_int;
    pub fn zmq_device(kind: c_int, frontend: *mut c_void, backend: *mut c_void) -> c_int;

    // Z85 and CURVE keys (zmq_curve_keypair/public answer ENOTSUP without CURVE).
    pub fn zmq_z85_encode(dest: *mut c_char, data: *const u8, size: usize) -> *mut c_char;
    pub fn zmq_z85_decode(dest: *mut u8, string: *const c_char) -> *mut u8;
    pub fn zmq_curve_keypair(z85_public: *mut c_char, z85_secret: *mut c_char) -> c_int;
    pub fn zmq_curve_public(z85_public: *mut c_char, z85_secret: *const c_char) -> c_int;
}

// The draft API's functions (zmq.h under `ZMQ_BUILD_DRAFT_API`) that the draft socket types
// need: groups for RADIO/DISH, routing ids for SERVER/CLIENT.
#[cfg(zmq_draft)]
extern "C" {
    pub fn zmq_join(socket: *mut c_void, group: *const c_char) -> c_int;
    pub fn zmq_leave(socket: *mut c_void, group: *const c_char) -> c_int;
    pub fn zmq_msg_set_routing_id(msg: *mut zmq_msg_t, routing_id: u32) -> c_int;
    pub fn zmq_msg_routing_id(msg: *mut zmq_msg_t) -> u32;
    pub fn zmq_msg_set_group(msg: *mut zmq_msg_t, group: *const c_char) -> c_int;
    pub fn zmq_msg_group(msg: *mut zmq_msg_t) -> *const c_char;
    pub fn zmq_connect_peer(socket: *mut c_void, endpoint: *const c_char) -> u32;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_layouts_match_zmq_h() {
        assert_eq!(std::mem::size_of::<zmq_msg_t>(), 64);
        assert_eq!(std::mem::align_of::<zmq_msg_t>(), 8);
        assert_eq!(std::mem::size_of::<zmq_pollitem_t>(), 16);
        assert_eq!(std::mem::offset_of!(zmq_pollitem_t, fd), 8);
        assert_eq!(std::mem::offset_of!(zmq_pollitem_t, events), 12);
        assert_eq!(std::mem::offset_of!(zmq_pollitem_t, revents), 14);
    }

    #[test]
    fn linked_libzmq_is_4_3_and_agrees_on_the_message_size() {
        let (mut a, mut b, mut c) = (0, 0, 0);
        // SAFETY: three valid out-pointers.
        unsafe { zmq_version(&mut a, &mut b, &mut c) };
        assert_eq!((a, b), (4, 3), "libzmq {a}.{b}.{c}");
        // SAFETY: a fresh context, queried and ended here.
        unsafe {
            let ctx = zmq_ctx_new();
            assert!(!ctx.is_null());
            assert_eq!(zmq_ctx_get(ctx, ZMQ_MSG_T_SIZE as c_int), 64);
            assert_eq!(zmq_ctx_term(ctx), 0);
        }
    }
}
