//! Importers: other tools' conversation logs as ethos conversation lines
//! (`docs/conversations.md`). Each importer turns one vendor's export into
//! JSON Lines, one conversation a line, and reports what it could not read
//! as warnings (data; `words::import` says them), never by stopping.

pub mod tau_bench;
