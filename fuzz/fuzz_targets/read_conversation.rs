//! A conversation file (`docs/conversations.md`): any bytes, read line by
//! line and each line alone. The body is `ethos::conversation::fuzz::read_conversation`,
//! which `tests/conversation_read.rs` replays.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ethos::conversation::fuzz::read_conversation(data));
