//! Integration tests of ethos, one module per area.

mod architecture;
mod authoring;
mod calibrate;
mod cli;
mod conditional_grants;
mod contract;
mod diagnostics;
mod docs;
mod drill;
mod engine;
mod examples;
mod formats;
mod fuzz_corpus;
mod grade;
mod handoff;
mod labelled_set;
mod load_words;
mod negation;
mod packs;
mod policy_agreement;
mod pty;
mod render;
mod support;
mod validate;
mod wildcards;
mod wording;
