//! Tells zmqcat which libzmq it links: the one zmq-sys/ builds (with CURVE and the draft API),
//! or a system libzmq through the packagers' `links = "zmq"` override, which skips
//! zmq-sys/build.rs and so leaves its metadata unset. `--version` and the tests read it as
//! `env!("ZMQCAT_LIBZMQ")`; what libzmq can do is still asked of libzmq at run time.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_ZMQ_DRAFT");
    let build = match std::env::var_os("DEP_ZMQ_DRAFT") {
        Some(_) => {
            // zmq-sys declares the draft functions (linked statically): src/draft.rs calls them
            // directly instead of looking them up in a shared libzmq.
            println!("cargo:rustc-cfg=zmq_draft");
            "built in"
        }
        None => "system",
    };
    println!("cargo:rustc-env=ZMQCAT_LIBZMQ={build}");
}
