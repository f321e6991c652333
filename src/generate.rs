//! Shell completions and man pages, generated from the clap definition. The committed copies in
//! `completions/` and `man/` come from `zmqcat generate .`; a test fails when they are stale.
//! Output is deterministic: no dates, no paths, sorted by construction.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{ArgAction, CommandFactory};
use clap_complete::{Generator, Shell};

use crate::cli::Cli;

/// Prints completions for one shell to stdout.
pub fn completions(shell: Shell) -> Result<()> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics on a failed write, and a closed pipe is no failure.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "zmqcat", &mut script);
    crate::io::print(&script)
}

/// Writes `DIR/completions/*` and `DIR/man/*`.
pub fn all(dir: &Path) -> Result<()> {
    for (rel, bytes) in files()? {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Every generated file, as (path relative to the repository, contents).
pub fn files() -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        let mut bytes = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "zmqcat", &mut bytes);
        out.push((
            Path::new("completions").join(shell.file_name("zmqcat")),
            bytes,
        ));
    }
    for (name, page) in man_pages()? {
        out.push((Path::new("man").join(name), page));
    }
    Ok(out)
}

/// Every man page: `zmqcat.1` and `zmqcat-CMD.1` for each visible command.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let mut pages = vec![("zmqcat.1".to_string(), page(top.clone(), "zmqcat")?)];
    for sub in top.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("zmqcat-{}", sub.get_name());
        let cmd = sub
            .clone()
            .display_name(&name)
            .bin_name(name.replace('-', " "));
        pages.push((format!("{name}.1"), page(cmd, &name)?));
    }
    Ok(pages)
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "ZMQCAT_FORMAT, ZMQCAT_TIMEOUT, ZMQCAT_LINGER, ZMQCAT_HEARTBEAT",
        "Defaults for \\-\\-format, \\-\\-timeout, \\-\\-linger and \\-\\-heartbeat.",
    ),
    (
        "ZMQCAT_CURVE_SERVER_KEY, ZMQCAT_PLAIN_USER, ZMQCAT_PLAIN_PASS",
        "Defaults for \\-\\-curve\\-server\\-key, \\-\\-plain\\-user and \\-\\-plain\\-pass.",
    ),
    ("ZMQCAT_PROFILE", "The profile to apply, as \\-\\-profile."),
    (
        "ZMQCAT_CONFIG",
        "The configuration file holding the profiles.",
    ),
];

const FILES: &str = "\
.SH FILES
.TP
\\fB~/.config/zmqcat/config.toml\\fR
Named profiles (or $XDG_CONFIG_HOME/zmqcat/config.toml): tables [profile.NAME] whose keys are long \
option names, e.g. format = \"json\", subscribe = [\"a\", \"b\"], immediate = true. The command line \
wins over a profile, a profile over the environment.
";

fn page(cmd: clap::Command, title: &str) -> Result<Vec<u8>> {
    let examples = cmd.get_after_help().map(|h| h.to_string());
    let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>))
        .title(title.to_uppercase())
        .manual("zmqcat manual");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    out.extend_from_slice(synopsis(&cmd).as_bytes());
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out)?;
    }
    if let Some(text) = examples {
        let body = text.split_once('\n').map_or("", |(_, rest)| rest);
        out.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in body.lines().take_while(|l| !l.is_empty()) {
            out.extend_from_slice(roff_escape(line.trim_start()).as_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(b".fi\n");
    }
    out.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for status in crate::exit::STATUSES {
        let meaning = status.meaning.replace('`', "");
        let mut meaning = roff_escape(&meaning);
        if let Some(first) = meaning.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        writeln!(out, ".TP\n\\fB{}\\fR\n{meaning}.", status.codes)?;
    }
    out.extend_from_slice(b".SH ENVIRONMENT\n");
    for (var, meaning) in ENVIRONMENT {
        writeln!(out, ".TP\n\\fB{var}\\fR\n{meaning}")?;
    }
    out.extend_from_slice(FILES.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// SYNOPSIS, with the argument of every option that takes one (`[--hwm N]`), which
/// clap_mangen's leaves out, and `...` after what may be repeated.
fn synopsis(cmd: &clap::Command) -> String {
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    let mut words = vec![format!("\\fB{}\\fR", roff_escape(name))];
    // Options first, then the positionals, as clap's usage line has them.
    let (positionals, options): (Vec<&clap::Arg>, Vec<&clap::Arg>) = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .partition(|a| a.is_positional());
    for arg in options.into_iter().chain(positionals) {
        let value = arg
            .get_value_names()
            .filter(|_| arg.get_num_args().is_some_and(|n| n.takes_values()))
            .map(|names| {
                let names: Vec<String> = names.iter().map(|n| roff_escape(n)).collect();
                format!("\\fI{}\\fR", names.join(" "))
            });
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB\\-\\-{}\\fR", roff_escape(l)),
            (Some(s), None) => format!("\\fB\\-{s}\\fR"),
            (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff_escape(l)),
            (None, None) => String::new(),
        };
        let word = match (flag.is_empty(), value) {
            (true, Some(v)) => v,
            (true, None) => format!("\\fI{}\\fR", roff_escape(arg.get_id().as_str())),
            // An unpaddable space: the line never breaks between an option and its value.
            (false, Some(v)) => format!("{flag}\\ {v}"),
            (false, None) => flag,
        };
        let word = match arg.is_required_set() {
            true => word,
            false => format!("[{word}]"),
        };
        let repeated = matches!(arg.get_action(), ArgAction::Append | ArgAction::Count)
            || arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        words.push(if repeated { format!("{word}...") } else { word });
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        words.push("\\fICOMMAND\\fR [\\fIARGS\\fR]".into());
    }
    // Left-adjusted and never hyphenated: option names stay whole.
    format!(".SH SYNOPSIS\n.nh\n.ad l\n{}\n.ad\n.hy\n", words.join(" "))
}

fn roff_escape(line: &str) -> String {
    let escaped = line.replace('\\', "\\\\").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed completions/ and man/ must be what the binary generates now.
    #[test]
    fn committed_files_are_fresh() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let fix = "run `cargo run -- generate .` and commit completions/ and man/";
        let wanted = files().unwrap();
        for (rel, bytes) in &wanted {
            let have = fs::read(root.join(rel)).unwrap_or_default();
            assert!(&have == bytes, "{} is stale: {fix}", rel.display());
        }
        for dir in ["completions", "man"] {
            for entry in fs::read_dir(root.join(dir)).unwrap() {
                let rel = Path::new(dir).join(entry.unwrap().file_name());
                assert!(
                    wanted.iter().any(|(w, _)| *w == rel),
                    "{} is not generated any more: {fix}",
                    rel.display()
                );
            }
        }
    }

    #[test]
    fn every_page_has_exit_status_and_examples() {
        for (name, page) in man_pages().unwrap() {
            let text = String::from_utf8(page).unwrap();
            assert!(text.contains("EXIT STATUS"), "{name}");
            let examples = section(&text, "EXAMPLES");
            let lines = examples.lines().filter(|l| l.contains("zmqcat")).count();
            assert!(lines > 0, "{name} has no examples: {examples:?}");
        }
    }

    /// The body of section `title` of a man page.
    fn section<'a>(page: &'a str, title: &str) -> &'a str {
        let head = format!(".SH {title}\n");
        let start = page
            .find(&head)
            .unwrap_or_else(|| panic!("no {title} in\n{page}"))
            + head.len();
        let rest = &page[start..];
        &rest[..rest.find("\n.SH ").unwrap_or(rest.len())]
    }

    fn pages_by_command() -> Vec<(clap::Command, String)> {
        let mut top = Cli::command().disable_help_subcommand(true);
        top.build();
        let pages = man_pages().unwrap();
        top.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| {
                let file = format!("zmqcat-{}.1", s.get_name());
                let page = pages.iter().find(|(n, _)| *n == file).unwrap();
                (s.clone(), String::from_utf8(page.1.clone()).unwrap())
            })
            .collect()
    }

    /// `[--hwm N]`, not a bare `[--hwm]`: every option that takes a value shows it.
    #[test]
    fn synopsis_shows_the_argument_of_every_option() {
        for (cmd, page) in pages_by_command() {
            let synopsis = section(&page, "SYNOPSIS");
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let Some(long) = arg.get_long() else { continue };
                let flag = format!("\\fB\\-\\-{}\\fR", roff_escape(long));
                assert!(synopsis.contains(&flag), "{}: no --{long}", cmd.get_name());
                let takes = arg.get_num_args().is_some_and(|n| n.takes_values());
                let with_value = synopsis.contains(&format!("{flag}\\ \\fI"));
                assert_eq!(
                    with_value,
                    takes,
                    "{}: --{long} in\n{synopsis}",
                    cmd.get_name()
                );
            }
        }
        let (_, push) = pages_by_command()
            .into_iter()
            .find(|(c, _)| c.get_name() == "push")
            .unwrap();
        assert!(section(&push, "SYNOPSIS").contains("[\\fB\\-\\-hwm\\fR\\ \\fIN\\fR]"));
        assert!(section(&push, "SYNOPSIS").contains("[\\fIENDPOINT\\fR]..."));
    }

    /// DESCRIPTION says more than NAME: what the command is for, and for a socket command its
    /// socket, what a bare endpoint does and its loop.
    #[test]
    fn every_page_describes_its_command() {
        for (cmd, page) in pages_by_command() {
            let name = cmd.get_name();
            let description = section(&page, "DESCRIPTION");
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(
                description.len() > about.len() + 150,
                "{name}: DESCRIPTION is only\n{description}"
            );
            if let Some(kind) = crate::patterns::Kind::named(name) {
                let socket = format!("One {} socket", name.to_uppercase());
                assert!(description.contains(&socket), "{name}\n{description}");
                assert!(description.contains("A bare ENDPOINT"), "{name}");
                assert!(
                    description.matches(".PP").count() >= 2,
                    "{name}\n{description}"
                );
                let run = match crate::patterns::pattern(kind).run {
                    crate::patterns::Loop::Client | crate::patterns::Loop::Server => "Lockstep",
                    crate::patterns::Loop::Duplex => "Duplex",
                    crate::patterns::Loop::SendOnly => "Each input message is sent",
                    crate::patterns::Loop::RecvOnly => "Every message received",
                };
                assert!(description.contains(run), "{name}\n{description}");
            }
        }
    }
}
