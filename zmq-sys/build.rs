//! Builds a static libzmq 4.3 with CURVE (over libsodium) and the draft API.
//!
//! The packagers' build replaces this script entirely with
//! `--config 'target.<triple>.zmq.rustc-link-lib=["zmq"]'` (the `links = "zmq"` override):
//! then the system libzmq is linked and nothing here runs.

use std::env;
use std::path::PathBuf;

fn dep_dir(name: &str) -> PathBuf {
    match env::var_os(name) {
        Some(dir) => PathBuf::from(dir),
        // Set by libsodium-sys-stable's build script (links = "sodium"), a direct dependency.
        None => panic!("{name} is not set: libsodium-sys-stable did not report its directories"),
    }
}

/// libzmq's sources draw a few compiler warnings that are libzmq's business, and Cargo repeats
/// a path dependency's build warnings on every build: `-w` keeps zmqcat's build output for
/// zmqcat. A `CXXFLAGS` the user set is kept, `-w` goes after it.
fn quiet_cxx_warnings() {
    let flags = env::var("CXXFLAGS").unwrap_or_default();
    // Read by the cc crate that zeromq-src compiles with; no other thread runs yet.
    env::set_var("CXXFLAGS", format!("{flags} -w").trim_start());
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    quiet_cxx_warnings();
    let sodium = zeromq_src::LibLocation::new(
        dep_dir("DEP_SODIUM_LIB"),
        dep_dir("DEP_SODIUM_INCLUDE"),
    );
    zeromq_src::Build::new()
        .enable_draft(true)
        .with_libsodium(Some(sodium))
        .build();
    // Metadata for dependents' build scripts (DEP_ZMQ_CURVE, DEP_ZMQ_DRAFT). zmqcat itself asks
    // libzmq at run time (`zmq_has`), which is also right for the system-libzmq build.
    println!("cargo:curve=1");
    println!("cargo:draft=1");
    // The draft functions are declared only where they exist (see lib.rs).
    println!("cargo:rustc-cfg=zmq_draft");
}
