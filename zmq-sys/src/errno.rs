//! Error numbers libzmq reports through `zmq_errno`: the platform's, plus libzmq's own above
//! `ZMQ_HAUSNUMERO`, and the stand-ins libzmq uses where the platform lacks a number.

use libc as sys;

const BASE: i32 = super::ZMQ_HAUSNUMERO as i32;

pub const EACCES: i32 = sys::EACCES;
pub const EADDRINUSE: i32 = sys::EADDRINUSE;
pub const EAGAIN: i32 = sys::EAGAIN;
pub const EBUSY: i32 = sys::EBUSY;
pub const ECONNREFUSED: i32 = sys::ECONNREFUSED;
pub const EFAULT: i32 = sys::EFAULT;
pub const EINTR: i32 = sys::EINTR;
pub const EHOSTUNREACH: i32 = sys::EHOSTUNREACH;
pub const EINPROGRESS: i32 = sys::EINPROGRESS;
pub const EINVAL: i32 = sys::EINVAL;
pub const EMFILE: i32 = sys::EMFILE;
pub const EMSGSIZE: i32 = sys::EMSGSIZE;
pub const ENAMETOOLONG: i32 = sys::ENAMETOOLONG;
pub const ENODEV: i32 = sys::ENODEV;
pub const ENOENT: i32 = sys::ENOENT;
pub const ENOMEM: i32 = sys::ENOMEM;
pub const ENOTCONN: i32 = sys::ENOTCONN;
pub const ENOTSOCK: i32 = sys::ENOTSOCK;
pub const EPROTO: i32 = sys::EPROTO;
pub const EPROTONOSUPPORT: i32 = sys::EPROTONOSUPPORT;
pub const ENOTSUP: i32 = sys::ENOTSUP;
pub const ENOBUFS: i32 = sys::ENOBUFS;
pub const ENETDOWN: i32 = sys::ENETDOWN;
pub const EADDRNOTAVAIL: i32 = sys::EADDRNOTAVAIL;

// libzmq's own.
pub const EFSM: i32 = BASE + 51;
pub const ENOCOMPATPROTO: i32 = BASE + 52;
pub const ETERM: i32 = BASE + 53;
pub const EMTHREAD: i32 = BASE + 54;

// Stand-ins for numbers a platform may not define (libzmq's zmq.h fallbacks).
pub const ENOTSUP_ALT: i32 = BASE + 1;
pub const EPROTONOSUPPORT_ALT: i32 = BASE + 2;
pub const ENOBUFS_ALT: i32 = BASE + 3;
pub const ENETDOWN_ALT: i32 = BASE + 4;
pub const EADDRINUSE_ALT: i32 = BASE + 5;
pub const EADDRNOTAVAIL_ALT: i32 = BASE + 6;
pub const ECONNREFUSED_ALT: i32 = BASE + 7;
pub const EINPROGRESS_ALT: i32 = BASE + 8;
pub const ENOTSOCK_ALT: i32 = BASE + 9;
pub const EMSGSIZE_ALT: i32 = BASE + 10;
pub const EAFNOSUPPORT_ALT: i32 = BASE + 11;
pub const ENETUNREACH_ALT: i32 = BASE + 12;
pub const ECONNABORTED_ALT: i32 = BASE + 13;
pub const ECONNRESET_ALT: i32 = BASE + 14;
pub const ENOTCONN_ALT: i32 = BASE + 15;
pub const ETIMEDOUT_ALT: i32 = BASE + 16;
pub const EHOSTUNREACH_ALT: i32 = BASE + 17;
pub const ENETRESET_ALT: i32 = BASE + 18;
