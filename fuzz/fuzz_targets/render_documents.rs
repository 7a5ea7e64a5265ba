//! A playbook that loads, rendered in memory: handbook, policy, cards.
//! The body is `ethos::fuzzing::render_documents`, which `tests/fuzz_corpus.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::fuzzing::render_documents(data));
