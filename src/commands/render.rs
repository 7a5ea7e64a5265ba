//! `ethos render [PLAYBOOK] --out DIR`: the handbook, the policy document and
//! flashcards, written into a folder.
//!
//! Everything is rendered in memory first, so a template error writes nothing.
//! Then the files are written all or nothing (`crate::util::write::files_into`): a
//! file that cannot be written leaves the previous output as it was, and
//! nothing else in DIR is touched. The summary goes to stderr, like `ethos
//! init`'s, so stdout stays empty.

use std::path::Path;

use anyhow::bail;

use super::Outcome;
use crate::cli::{DocFormat, RenderArgs, RenderKind};
use crate::playbook::Date;
use crate::playbook::source::display_path;
use crate::render::{self, Format, Kind, RenderedFile, Templates};

pub fn run(args: &RenderArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::bundled(),
    };
    for warning in &templates.warnings {
        eprintln!("warning: {warning}");
    }
    let kinds: &[Kind] = match args.kind {
        RenderKind::Handbook => &[Kind::Handbook],
        RenderKind::Policy => &[Kind::Policy],
        RenderKind::Cards => &[Kind::Cards],
        RenderKind::All => &[Kind::Handbook, Kind::Policy, Kind::Cards],
    };
    let format = match args.format {
        DocFormat::Md => Format::Markdown,
        DocFormat::Html => Format::Html,
    };
    let files = render::render(
        &playbook,
        kinds,
        format,
        &templates,
        args.today.unwrap_or_else(Date::today),
    )?;
    let written = write_all(&args.out, &files)?;
    eprintln!("wrote {}", written.join(", "));
    Ok(Outcome::Clean)
}

/// Write every file into `dir` (created if missing), all or nothing; what
/// was written, for the summary: "out/handbook.md (12 KB)", "out/cards.csv
/// (64 cards)".
pub fn write_all(dir: &Path, files: &[RenderedFile]) -> anyhow::Result<Vec<String>> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file, not a folder: give --out a folder to write into",
            display_path(dir)
        );
    }
    let contents: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.file.as_str(), f.text.as_bytes()))
        .collect();
    crate::util::write::files_into(dir, &contents)?;
    Ok(files
        .iter()
        .map(|file| {
            let what = match file.cards {
                Some(1) => "1 card".to_owned(),
                Some(n) => format!("{n} cards"),
                None => size(file.text.len()),
            };
            format!("{} ({what})", display_path(&dir.join(&file.file)))
        })
        .collect())
}

/// "812 B", "12 KB".
fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
