//! zmqcat: a Swiss-army knife for ZeroMQ. See README.md and `zmqcat --help`.

mod app;
mod bench;
mod cli;
mod codec;
mod config;
mod context;
mod coproc;
mod diag;
mod draft;
mod endpoint;
mod event_loop;
mod examples;
mod exit;
mod explain;
mod framing;
mod generate;
mod io;
mod ipc;
mod monitor;
mod patterns;
mod poll;
mod progress;
mod proxy;
mod security;
mod signals;
mod socket;
mod template;
mod trace;
mod unread;
mod wait;

use std::process::ExitCode;

fn main() -> ExitCode {
    seed_libzmq();
    app::run(cli::parse())
}

/// libzmq draws the routing ids a ROUTER gives its peers from rand() without seeding it, so
/// every process hands out the same ids (0x006b8b4567 first): a restarted router would greet
/// a reconnecting peer with the id its predecessor gave another. A seed per process fixes that.
fn seed_libzmq() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // SAFETY: srand only sets libc's generator state; called before any thread exists.
    unsafe { libc::srand(now ^ std::process::id().rotate_left(16)) };
}
