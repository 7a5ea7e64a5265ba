//! Integration tests of ethos, one module per area.

mod cli;
mod contract;
mod diagnostics;
mod engine;
mod formats;
mod validate;
