//! zmqcat: a Swiss-army knife for ZeroMQ. See README.md and `zmqcat --help`.

mod app;
mod cli;
mod codec;
mod coproc;
mod endpoint;
mod event_loop;
mod exit;
mod generate;
mod io;
mod monitor;
mod patterns;
mod poll;
mod progress;
mod proxy;
mod security;
mod signals;
mod socket;

use std::process::ExitCode;

fn main() -> ExitCode {
    app::run(cli::parse())
}
