//! Arbitrary bytes as a playbook file: the loader, every check, every report format.
//! The body is `ethos::fuzzing::load_and_check`, which `tests/fuzz_corpus.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::fuzzing::load_and_check(data));
