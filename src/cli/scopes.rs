//! `--for LABEL`: the security options of one socket of `proxy` or `poll`.

use super::options::SecurityArgs;
use clap::{ArgAction, Args, Parser};

/// Security options given for one socket of `proxy` or `poll` with `--for LABEL`, merged after
/// the shared ones (those before any `--for`).
#[derive(Debug, Clone, Default)]
pub struct Scoped {
    pub label: String,
    pub args: SecurityArgs,
}

/// Splits the security options of `proxy` or `poll` by `--for LABEL`: those before the first
/// `--for` are shared by every socket; those after `--for LABEL` belong to LABEL's socket, which
/// gets them after the shared ones.
pub(super) fn split_scopes(
    m: &clap::ArgMatches,
) -> Result<(SecurityArgs, Vec<Scoped>), clap::Error> {
    use clap::parser::ValueSource;
    use std::ffi::OsString;

    let scopes: Vec<(usize, String)> = match (m.indices_of("scope"), m.get_many::<String>("scope"))
    {
        (Some(at), Some(labels)) => at.zip(labels.cloned()).collect(),
        _ => Vec::new(),
    };
    // Every security option given, as its own `--name[=VALUE]` word, with where it stood.
    let mut given: Vec<(usize, OsString)> = Vec::new();
    let defs = SecurityArgs::augment_args(clap::Command::new("security"));
    for arg in defs.get_arguments() {
        let id = arg.get_id().as_str();
        let (Some(long), Some(ValueSource::CommandLine)) = (arg.get_long(), m.value_source(id))
        else {
            continue;
        };
        let Some(at) = m.indices_of(id) else { continue };
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            given.extend(at.map(|i| (i, OsString::from(format!("--{long}")))));
        } else {
            let values = m.get_raw(id).into_iter().flatten();
            given.extend(at.zip(values).map(|(i, v)| {
                let mut word = OsString::from(format!("--{long}="));
                word.push(v);
                (i, word)
            }));
        }
    }
    given.sort_by_key(|(i, _)| *i);
    let scope_at = |i: usize| scopes.iter().rev().find(|(at, _)| *at < i).map(|(_, l)| l);
    let words_for = |label: Option<&String>| -> Vec<OsString> {
        given
            .iter()
            .filter(|(i, _)| {
                let scope = scope_at(*i);
                scope.is_none() || scope == label
            })
            .map(|(_, w)| w.clone())
            .collect()
    };
    #[derive(Parser)]
    struct Only {
        #[command(flatten)]
        security: SecurityArgs,
    }
    let parse = |words: Vec<OsString>| {
        Only::try_parse_from(std::iter::once(OsString::from("zmqcat")).chain(words))
            .map(|o| o.security)
    };
    let shared = parse(words_for(None))?;
    let mut per_socket: Vec<Scoped> = Vec::new();
    for (_, label) in &scopes {
        if per_socket.iter().any(|s| &s.label == label) {
            continue;
        }
        per_socket.push(Scoped {
            label: label.clone(),
            args: parse(words_for(Some(label)))?,
        });
    }
    Ok((shared, per_socket))
}
