//! Integration tests of ethos, one module per area.

mod cli;
mod diagnostics;
mod formats;
