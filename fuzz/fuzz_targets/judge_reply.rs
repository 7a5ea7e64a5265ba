//! A reply judged by a bundled playbook's engine; spans must be slices of the reply.
//! The body is `ethos::fuzzing::judge_reply`, which `tests/fuzz_corpus.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::fuzzing::judge_reply(data));
