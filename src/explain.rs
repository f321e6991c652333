//! `--explain`: the resolved plan as JSON, printed without touching the network.
//!
//! Everything is resolved exactly as a real run would resolve it (the same parsing, the same
//! checks, the same errors), then shown instead of run. Secret keys and passwords are never
//! shown: options holding them read `<redacted>`.

use std::time::Duration;

use anyhow::Result;
use serde_json::{json, Value};

use crate::cli::Cli;
use crate::codec::Style;
use crate::endpoint::Endpoint;
use crate::exit::Outcome;
use crate::security::Security;
use crate::socket::SetOpt;

/// Prints `plan`, the resolved plan of the command in `cli`, with where its settings came from.
pub fn print(cli: &Cli, mut plan: Value) -> Result<Outcome> {
    plan["command"] = cli.command_name.as_str().into();
    let o = &cli.origin;
    plan["profile"] = match &o.profile {
        Some(p) => json!({
            "name": p.name,
            "file": p.file.display().to_string(),
            "options": p.options,
            "skipped": p.skipped,
        }),
        None => Value::Null,
    };
    plan["environment"] = o
        .environment
        .iter()
        .map(|(var, option, value)| json!({"variable": var, "option": option, "value": value}))
        .collect();
    let mut text = serde_json::to_string_pretty(&plan)?;
    text.push('\n');
    crate::io::print(text.as_bytes())?;
    Ok(Outcome::Done)
}

/// One socket: its type, endpoints, options in the order they are set, and its security.
pub fn socket(
    kind: crate::context::SocketType,
    label: Option<&str>,
    endpoints: &[Endpoint],
    options: &[SetOpt],
    security: &Security,
) -> Value {
    let mut s = json!({
        "type": format!("{kind:?}"),
        "endpoints": endpoints
            .iter()
            .map(|e| json!({ e.direction.to_string(): e.address }))
            .collect::<Vec<_>>(),
        "options": options
            .iter()
            .map(|o| json!([o.name(), o.shown()]))
            .collect::<Vec<_>>(),
        "security": security.describe(),
    });
    if let Some(l) = label {
        s["label"] = l.into();
    }
    s
}

/// The message format.
pub fn format(style: &Style) -> Value {
    json!({
        "name": format!("{:?}", style.format).to_lowercase(),
        "terminator": char::from(style.terminator).to_string(),
        "frame_separator": char::from(style.separator).to_string(),
        "routing_id_field": style.id_field,
    })
}

/// A duration as humans write it (`None`: not set).
pub fn duration(d: Option<Duration>) -> Value {
    match d {
        Some(d) => humantime::format_duration(d).to_string().into(),
        None => Value::Null,
    }
}
