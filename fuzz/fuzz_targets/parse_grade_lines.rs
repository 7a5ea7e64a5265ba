//! `ethos grade` input, as JSON lines and as CSV: every line gets one answer.
//! The body is `ethos::fuzzing::parse_grade_lines`, which `tests/fuzz_corpus.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::fuzzing::parse_grade_lines(data));
