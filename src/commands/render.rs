//! `ethos render [PLAYBOOK] --out DIR`: the handbook, the policy document and
//! flashcards, written into a folder.
//!
//! Everything is rendered in memory first, so a template error writes nothing.
//! Then each file is written atomically (a temporary file in DIR, renamed over
//! the old one), and nothing else in DIR is touched. The summary goes to
//! stderr, like `ethos init`'s, so stdout stays empty.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

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

/// Write every file into `dir` (created if missing); what was written, for
/// the summary: "out/handbook.md (12 KB)", "out/cards.csv (64 cards)".
pub fn write_all(dir: &Path, files: &[RenderedFile]) -> anyhow::Result<Vec<String>> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file, not a folder: give --out a folder to write into",
            display_path(dir)
        );
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", display_path(dir)))?;
    let mut written = Vec::new();
    for file in files {
        let path = dir.join(&file.file);
        write_atomically(&path, file.text.as_bytes())
            .with_context(|| format!("cannot write {}", display_path(&path)))?;
        let what = match file.cards {
            Some(1) => "1 card".to_owned(),
            Some(n) => format!("{n} cards"),
            None => size(file.text.len()),
        };
        written.push(format!("{} ({what})", display_path(&path)));
    }
    Ok(written)
}

/// A temporary file beside the target, renamed over it: a reader never sees
/// half a document, and a failure leaves the old one in place. A replaced
/// file keeps its permissions; a new one is readable by everyone, as a
/// document for an intranet should be (a temporary file starts private).
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".ethos-render-")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    let permissions = match std::fs::metadata(path) {
        Ok(old) => old.permissions(),
        Err(_) => default_permissions(file.as_file())?,
    };
    file.as_file().set_permissions(permissions)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same signature as on other systems
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// "812 B", "12 KB".
fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
