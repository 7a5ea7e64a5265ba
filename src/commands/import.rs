//! `ethos import tau-bench FILE [--db DIR]`: another tool's logs as
//! conversation lines on stdout; what could not be read, on stderr.

use std::fmt::Write as _;

use super::{Failure, Outcome, print_stdout};
use crate::cli::ImportFrom;
use crate::import::tau_bench;
use crate::words::Words;
use crate::words::tool::Message;

pub fn run(from: &ImportFrom) -> anyhow::Result<Outcome> {
    let w = Words::of_environment();
    let ImportFrom::TauBench { file, db } = from;
    let path = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| {
        let why = crate::io_error::describe(&e);
        super::fail(w, &Message::CannotRead { path: &path, why })
    })?;
    let db = db
        .as_deref()
        .map(tau_bench::Db::read)
        .transpose()
        .map_err(|e| failure(w, w.import_db_error(&e)))?;
    let imported = tau_bench::import(&text, db.as_ref())
        .map_err(|e| failure(w, w.import_file_error(&path, &e)))?;
    for warning in &imported.warnings {
        eprintln!("{}", w.warning_line(&w.import_warning(warning)));
    }
    let mut out = String::new();
    for line in &imported.lines {
        let _ = writeln!(out, "{line}");
    }
    print_stdout(&out, w)?;
    let skipped = imported.warnings.iter().filter(|x| x.skips_run()).count();
    Ok(if skipped > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn failure(words: Words, text: String) -> anyhow::Error {
    anyhow::Error::new(Failure { words, text })
}
