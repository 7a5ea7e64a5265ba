//! Integration tests of ethos, one module per area.

mod authoring;
mod cli;
mod contract;
mod diagnostics;
mod docs;
mod drill;
mod engine;
mod formats;
mod fuzz_corpus;
mod grade;
mod negation;
mod policy_agreement;
mod pty;
mod render;
mod validate;
mod wildcards;
