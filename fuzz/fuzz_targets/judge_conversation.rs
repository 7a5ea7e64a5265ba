//! A conversation file judged by a playbook with every kind of rule and
//! procedure: any bytes, each line read and judged. The body is
//! `ethos::fuzzing::judge_conversation`, which `tests/fuzz_corpus.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::fuzzing::judge_conversation(data));
