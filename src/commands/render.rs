//! `ethos render [PLAYBOOK] --out DIR`: the handbook, the policy document and
//! flashcards, written into a folder.
//!
//! Everything is rendered in memory first, so a template error writes nothing.
//! Then the files are written all or nothing (`crate::util::write::files_into`): a
//! file that cannot be written leaves the previous output as it was, and
//! nothing else in DIR is touched. The summary goes to stderr, like `ethos
//! init`'s, so stdout stays empty.

use std::path::Path;

use super::{Outcome, fail};
use crate::cli::{DocFormat, RenderArgs, RenderKind};
use crate::playbook::Date;
use crate::playbook::source::display_path;
use crate::render::{self, Format, Kind, RenderedFile, Templates};
use crate::words::Words;
use crate::words::tool::{Message, Size, Written};

pub fn run(args: &RenderArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let w = Words::of(&playbook);
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::bundled(),
    };
    for warning in &templates.warnings {
        eprintln!("{}", w.warning_line(&warning.to_string()));
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
    let written = write_all(&args.out, &files, w)?;
    eprintln!("{}", w.tool(&Message::Wrote(&written)));
    Ok(Outcome::Clean)
}

/// Write every file into `dir` (created if missing), all or nothing; what
/// was written, for the summary.
fn write_all(dir: &Path, files: &[RenderedFile], w: Words) -> anyhow::Result<Vec<Written>> {
    if dir.exists() && !dir.is_dir() {
        let path = &display_path(dir);
        return Err(fail(w, &Message::OutIsFile { path }));
    }
    let contents: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.file.as_str(), f.text.as_bytes()))
        .collect();
    crate::util::write::files_into(dir, &contents)?;
    Ok(files
        .iter()
        .map(|file| Written {
            path: display_path(&dir.join(&file.file)),
            size: file.cards.map_or(Size::Bytes(file.text.len()), Size::Cards),
        })
        .collect())
}
