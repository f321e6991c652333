//! Defaults from the environment and from configuration-file profiles, inserted into the
//! command line before clap reads it.

use clap::ArgAction;

use super::Origin;
use crate::patterns::Kind;

/// Options taken from the environment when the command line does not give them (the socket
/// commands, proxy and poll): (variable, long option, secret).
pub const ENVIRONMENT: &[(&str, &str, bool)] = &[
    ("ZMQCAT_FORMAT", "format", false),
    ("ZMQCAT_TIMEOUT", "timeout", false),
    ("ZMQCAT_LINGER", "linger", false),
    ("ZMQCAT_HEARTBEAT", "heartbeat", false),
    ("ZMQCAT_CURVE_SERVER_KEY", "curve-server-key", false),
    ("ZMQCAT_PLAIN_USER", "plain-user", false),
    ("ZMQCAT_PLAIN_PASS", "plain-pass", true),
];

/// Whether `word` (`--long=VALUE`) is a value `arg` takes, judged by its own parser: clap would
/// otherwise refuse a bad value from the environment without naming the variable it came from.
fn check_value(arg: &clap::Arg, word: &std::ffi::OsStr) -> Result<(), String> {
    let probe = clap::Command::new("zmqcat")
        .no_binary_name(true)
        .arg(arg.clone().required(false));
    match probe.try_get_matches_from([word]) {
        Ok(_) => Ok(()),
        Err(e) => Err(super::bad_value(&e).unwrap_or_else(|| e.kind().to_string())),
    }
}

/// Commands that take defaults from the environment and profiles.
fn takes_defaults(word: &str) -> bool {
    word == "proxy" || word == "poll" || Kind::ALL.iter().any(|k| k.name() == word)
}

/// Inserts, right after the command name, the options the environment gives, then those of the
/// profile asked for: as a later occurrence wins, the command line overrides both, and a
/// profile overrides the environment.
pub(super) fn with_defaults(
    cmd: &clap::Command,
    args: &mut Vec<std::ffi::OsString>,
) -> Result<Origin, crate::exit::Usage> {
    let mut origin = Origin::default();
    // The command: the first word naming one (options before it are global ones).
    let Some(at) = args
        .iter()
        .skip(1)
        .position(|a| a.to_str().is_some_and(takes_defaults))
        .map(|i| i + 1)
    else {
        return Ok(origin);
    };
    let Some(sub) = cmd.find_subcommand(&args[at]) else {
        return Ok(origin);
    };
    let mut words = from_environment(sub, &mut origin)?;
    if let Some(name) = crate::config::requested(args) {
        words.extend(from_profile(cmd, sub, &name, &mut origin)?);
    }
    args.splice(at + 1..at + 1, words);
    Ok(origin)
}

/// The `--long=VALUE` words the environment gives command `sub`, each checked by its option's
/// parser and noted in `origin` (secrets shown redacted).
fn from_environment(
    sub: &clap::Command,
    origin: &mut Origin,
) -> Result<Vec<std::ffi::OsString>, crate::exit::Usage> {
    use crate::exit::Usage;
    let mut words = Vec::new();
    for (var, long, secret) in ENVIRONMENT {
        let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        let Some(arg) = sub.get_arguments().find(|a| a.get_long() == Some(long)) else {
            continue;
        };
        let mut word = std::ffi::OsString::from(format!("--{long}="));
        word.push(&value);
        let shown = if *secret {
            "<redacted>".to_string()
        } else {
            value.to_string_lossy().into_owned()
        };
        check_value(arg, &word).map_err(|why| {
            let why = if *secret {
                format!("invalid value for --{long}")
            } else {
                why
            };
            Usage(format!("{var}={shown}: {why}"))
        })?;
        words.push(word);
        origin
            .environment
            .push((var.to_string(), format!("--{long}"), shown));
    }
    Ok(words)
}

/// The words of profile `name` for command `sub` (of `cmd`), noted in `origin`.
fn from_profile(
    cmd: &clap::Command,
    sub: &clap::Command,
    name: &str,
    origin: &mut Origin,
) -> Result<Vec<std::ffi::OsString>, crate::exit::Usage> {
    use crate::config::{self, Accepts, Takes};
    use crate::exit::Usage;
    let file = config::file().ok_or_else(|| {
        Usage(format!(
            "--profile {name}: no configuration file (set ZMQCAT_CONFIG, or HOME for ~/.config/zmqcat/config.toml)"
        ))
    })?;
    let text = std::fs::read_to_string(&file).map_err(|e| {
        Usage(format!(
            "--profile {name}: cannot read {}: {e}",
            file.display()
        ))
    })?;
    let longs = |c: &clap::Command| -> Vec<(String, Takes)> {
        c.get_arguments()
            .filter(|a| !matches!(a.get_id().as_str(), "explain" | "profile"))
            .filter_map(|a| {
                let takes = match a.get_action() {
                    ArgAction::SetTrue | ArgAction::SetFalse => Takes::Flag,
                    ArgAction::Count => Takes::Count,
                    ArgAction::Set | ArgAction::Append => Takes::Value,
                    _ => return None,
                };
                a.get_long().map(|l| (l.to_string(), takes))
            })
            .collect()
    };
    let accepts = Accepts {
        options: longs(sub),
        anywhere: cmd
            .get_subcommands()
            .flat_map(|c| longs(c).into_iter().map(|(l, _)| l))
            .collect(),
    };
    let (words, applied) = config::options(name, &file, &text, &accepts)?;
    origin.profile = Some(applied);
    Ok(words)
}
