//! Named profiles: sets of options kept in a TOML file and applied with `--profile NAME`.
//!
//! ```toml
//! [profile.prod]
//! curve-server-key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
//! format = "json"
//! timeout = "5s"
//! subscribe = ["weather", "news"]   # repeated options
//! immediate = true                  # flags
//! ```
//!
//! A profile's options go on the command line right after the command name, so options given on
//! the command line win over them (later occurrences override), and they win over the
//! environment (`ZMQCAT_FORMAT`…) and the defaults. Options a command does not have are skipped
//! (one profile serves `pub` and `sub`); a key that no command has is an error.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::exit::Usage;

/// A profile that was applied, for `--explain`.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub name: String,
    pub file: PathBuf,
    /// The options added to the command line.
    pub options: Vec<String>,
    /// Keys the command has no option for.
    pub skipped: Vec<String>,
}

/// Where the configuration file is: `$ZMQCAT_CONFIG`, else `$XDG_CONFIG_HOME/zmqcat/config.toml`,
/// else `~/.config/zmqcat/config.toml`.
pub fn file() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(path) = var("ZMQCAT_CONFIG") {
        return Some(PathBuf::from(path));
    }
    let base = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("zmqcat").join("config.toml"))
}

/// The profile asked for: `--profile NAME` (or `--profile=NAME`) before a `--` on the command
/// line, else `$ZMQCAT_PROFILE`.
pub fn requested(args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        if w == "--profile" {
            return words.next().map(|n| n.into_owned());
        }
        if let Some(name) = w.strip_prefix("--profile=") {
            return Some(name.to_string());
        }
    }
    std::env::var("ZMQCAT_PROFILE")
        .ok()
        .filter(|p| !p.is_empty())
}

/// What the command at hand accepts: its long options, each with whether it takes a value
/// and whether it counts occurrences (`-v`).
pub struct Accepts {
    pub options: Vec<(String, Takes)>,
    /// Long options of any command (for telling a typo from an option of another command).
    pub anywhere: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    Value,
    Flag,
    Count,
}

/// Loads profile `name` from `text` (the file at `file`) and turns it into options for the
/// command described by `accepts`.
pub fn options(
    name: &str,
    file: &std::path::Path,
    text: &str,
    accepts: &Accepts,
) -> Result<(Vec<OsString>, Applied), Usage> {
    let here = || format!("profile '{name}' in {}", file.display());
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| Usage(format!("{}: {}", file.display(), e.message())))?;
    let profiles = table.get("profile").and_then(|p| p.as_table());
    let Some(profile) = profiles
        .and_then(|p| p.get(name))
        .and_then(|p| p.as_table())
    else {
        let known: Vec<&str> = profiles
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        return Err(Usage(format!(
            "no profile '{name}' in {} (profiles: {})",
            file.display(),
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    };
    let mut out = Vec::new();
    let mut applied = Applied {
        name: name.to_string(),
        file: file.to_path_buf(),
        ..Applied::default()
    };
    for (key, value) in profile {
        let Some((_, takes)) = accepts.options.iter().find(|(long, _)| long == key) else {
            if accepts.anywhere.iter().any(|long| long == key) {
                applied.skipped.push(key.clone());
                continue;
            }
            return Err(Usage(format!("{}: '{key}' is not a zmqcat option", here())));
        };
        let bad = |what: &str| Usage(format!("{}: '{key}' {what}", here()));
        let values: Vec<&toml::Value> = match value {
            toml::Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        for v in values {
            match (takes, v) {
                (Takes::Flag, toml::Value::Boolean(true)) => out.push(format!("--{key}")),
                (Takes::Flag, toml::Value::Boolean(false)) => {}
                (Takes::Flag, _) => return Err(bad("is a flag: give true or false")),
                (Takes::Count, toml::Value::Integer(n)) if (0..=8).contains(n) => {
                    out.extend(std::iter::repeat_n(format!("--{key}"), *n as usize));
                }
                (Takes::Count, toml::Value::Boolean(b)) => {
                    out.extend(std::iter::repeat_n(format!("--{key}"), usize::from(*b)));
                }
                (Takes::Count, _) => return Err(bad("counts: give a number from 0 to 8")),
                (Takes::Value, toml::Value::String(s)) => out.push(format!("--{key}={s}")),
                (Takes::Value, toml::Value::Integer(n)) => out.push(format!("--{key}={n}")),
                (Takes::Value, toml::Value::Float(x)) => out.push(format!("--{key}={x}")),
                (Takes::Value, toml::Value::Boolean(b)) => out.push(format!("--{key}={b}")),
                (Takes::Value, _) => {
                    return Err(bad("needs a string, a number or a list of them"));
                }
            }
        }
        applied.options.push(key.clone());
    }
    Ok((out.into_iter().map(OsString::from).collect(), applied))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts() -> Accepts {
        Accepts {
            options: vec![
                ("format".into(), Takes::Value),
                ("subscribe".into(), Takes::Value),
                ("immediate".into(), Takes::Flag),
                ("verbose".into(), Takes::Count),
            ],
            anywhere: vec!["format".into(), "topic".into()],
        }
    }

    fn words(v: &[OsString]) -> Vec<String> {
        v.iter().map(|w| w.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn a_profile_becomes_options() {
        let text = r#"
            [profile.prod]
            format = "json"
            subscribe = ["a", "b"]
            immediate = true
            verbose = 2
            topic = "only-for-pub"
            [profile.dev]
            format = "text"
        "#;
        let (opts, applied) = options("prod", "c.toml".as_ref(), text, &accepts()).unwrap();
        assert_eq!(
            words(&opts),
            [
                "--format=json",
                "--immediate",
                "--subscribe=a",
                "--subscribe=b",
                "--verbose",
                "--verbose"
            ]
        );
        assert_eq!(applied.skipped, ["topic"]);
    }

    #[test]
    fn bad_profiles_are_usage_errors_naming_the_place() {
        let cases = [
            ("[profile.prod]\nformat = ", "c.toml"),
            (
                "[profile.dev]\nformat = \"json\"",
                "no profile 'prod' in c.toml (profiles: dev)",
            ),
            (
                "[profile.prod]\nfromat = \"json\"",
                "'fromat' is not a zmqcat option",
            ),
            ("[profile.prod]\nimmediate = 1", "'immediate' is a flag"),
            (
                "[profile.prod]\nformat = {a = 1}",
                "'format' needs a string",
            ),
        ];
        for (text, want) in cases {
            let err = options("prod", "c.toml".as_ref(), text, &accepts()).unwrap_err();
            assert!(err.0.contains(want), "{text}: {}", err.0);
        }
    }

    #[test]
    fn the_profile_is_found_on_the_command_line_first() {
        let args: Vec<OsString> = ["zmqcat", "push", "--profile", "prod", "5555"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(requested(&args).as_deref(), Some("prod"));
        let args: Vec<OsString> = ["zmqcat", "push", "--profile=x"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(requested(&args).as_deref(), Some("x"));
    }
}
