//! stdin and stdout: where messages come from and where they go.

mod input;
mod output;

pub use input::{Input, InputError, Next};
pub use output::{print, Closed, Output};
