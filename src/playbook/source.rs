//! A playbook's text and the name it is shown under.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::load::{MAX_FILE_BYTES, too_large};
use super::{LoadError, bundled};

/// The text of one playbook, with where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How reports name the file: the path as given, or `bundled:ID.yaml`.
    pub name: String,
    pub text: String,
}

/// Why a file could not be read at all (as opposed to read and found wanting).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot be read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: is not UTF-8 text; save the playbook as UTF-8")]
    NotUtf8 { path: PathBuf },
    #[error("{}: {}", path.display(), error.message)]
    TooLarge { path: PathBuf, error: LoadError },
    #[error(
        "`{name}` is neither a file nor a bundled playbook: {}",
        unknown_help(name)
    )]
    UnknownPlaybook { name: String },
}

impl Source {
    /// A bundled playbook by id.
    pub fn bundled(id: &str) -> Option<Source> {
        bundled::find(id).map(|b| Source {
            name: format!("bundled:{}.yaml", b.id),
            text: b.text.to_owned(),
        })
    }

    /// Read a playbook file, refusing anything larger than a playbook can be
    /// before reading it into memory.
    pub fn read(path: &Path) -> Result<Source, ReadError> {
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        let mut bytes = Vec::new();
        let limit = MAX_FILE_BYTES as u64 + 1;
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(path, e))?;
        if bytes.len() > MAX_FILE_BYTES {
            let size = std::fs::metadata(path)
                .ok()
                .and_then(|m| usize::try_from(m.len()).ok())
                .unwrap_or(bytes.len());
            return Err(ReadError::TooLarge {
                path: path.to_owned(),
                error: too_large(size),
            });
        }
        // A byte-order mark is common from Windows editors; it is not content.
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(bytes);
        let text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 {
            path: path.to_owned(),
        })?;
        Ok(Source {
            name: display_path(path),
            text,
        })
    }

    /// A file path if it exists, else a bundled playbook id.
    pub fn open(name: &str) -> Result<Source, ReadError> {
        let path = Path::new(name);
        if !path.exists()
            && !looks_like_path(name)
            && let Some(source) = Source::bundled(name)
        {
            return Ok(source);
        }
        match Source::read(path) {
            Err(ReadError::NotFound { .. }) if !looks_like_path(name) => {
                Err(ReadError::UnknownPlaybook {
                    name: name.to_owned(),
                })
            }
            other => other,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.text
            .split('\n')
            .nth(index)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

fn io_error(path: &Path, source: std::io::Error) -> ReadError {
    if source.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound {
            path: path.to_owned(),
        }
    } else {
        ReadError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

fn unknown_help(name: &str) -> String {
    let ids = bundled::ids();
    match crate::check::suggest::closest(name, ids.iter().copied()) {
        Some(id) => format!("did you mean `{id}`? (`ethos list` shows the bundled playbooks)"),
        None => format!("the bundled playbooks are {}", ids.join(", ")),
    }
}

fn looks_like_path(name: &str) -> bool {
    let extension = Path::new(name).extension().and_then(|e| e.to_str());
    name.contains(['/', '\\'])
        || extension
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Paths in reports use `/`, so reports read the same on every system.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}
