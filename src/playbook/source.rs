//! A playbook's text and the name it is shown under.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::load::{MAX_FILE_BYTES, too_large};
use super::{LoadError, Pos, bundled};

/// A path that exists but is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    /// A FIFO, socket or device: reading one may block forever or never end.
    Special,
}

/// The text of one playbook, with where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How reports name the file: the path as given, or `bundled:ID.yaml`.
    pub name: String,
    pub text: String,
}

/// Why a file could not be read at all (as opposed to read and found
/// wanting). Its `Display` is in `words::errors`: the words of the
/// environment's language, as there is no playbook to take a language from.
#[derive(Debug)]
pub enum ReadError {
    NotFound {
        path: PathBuf,
    },
    // The io::Error is in the message and deliberately not a `source`: anyhow's
    // `{:#}` prints a chain of sources, which would say it twice.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    NotAFile {
        path: PathBuf,
        kind: NotAFile,
    },
    NotUtf8 {
        path: PathBuf,
        pos: Pos,
        byte: u8,
    },
    TooLarge {
        path: PathBuf,
        error: LoadError,
    },
    /// Neither a file nor a bundled id; `suggestion` is the bundled id it
    /// likely meant.
    UnknownPlaybook {
        name: String,
        suggestion: Option<&'static str>,
    },
}

impl std::error::Error for ReadError {}

impl Source {
    /// A bundled playbook by id.
    pub fn bundled(id: &str) -> Option<Source> {
        bundled::find(id).map(|b| Source {
            name: bundled_name(b.id),
            text: b.text.to_owned(),
        })
    }

    /// Read a playbook file, refusing anything larger than a playbook can be
    /// before reading it into memory.
    pub fn read(path: &Path) -> Result<Source, ReadError> {
        // Look before opening: opening a FIFO blocks until a writer comes,
        // which may be never. (What is a file here may still be swapped for a
        // FIFO before `open`; that race needs a hostile local user, and costs
        // them only their own process.)
        let metadata = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if !metadata.is_file() {
            return Err(ReadError::NotAFile {
                path: path.to_owned(),
                kind: if metadata.is_dir() {
                    NotAFile::Directory
                } else {
                    NotAFile::Special
                },
            });
        }
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
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            ReadError::NotUtf8 {
                path: path.to_owned(),
                pos: first_invalid_byte(e.as_bytes(), at),
                byte: e.as_bytes()[at],
            }
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
                    suggestion: crate::util::suggest::closest(name, bundled::ids().iter().copied()),
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

fn io_error(path: &Path, error: std::io::Error) -> ReadError {
    if error.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound {
            path: path.to_owned(),
        }
    } else {
        ReadError::Io {
            path: path.to_owned(),
            error,
        }
    }
}

/// Where the first byte that is not UTF-8 is: its line, and its column in code
/// points of the valid text before it, as every other position counts.
fn first_invalid_byte(bytes: &[u8], valid_up_to: usize) -> Pos {
    let valid = &bytes[..valid_up_to];
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    let line = memchr::memchr_iter(b'\n', valid).count() + 1;
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    Pos {
        line: clamp(line),
        column: clamp(column),
        offset: clamp(valid_up_to),
        len: 1,
        file: 0,
    }
}

/// How reports name a bundled playbook: `bundled:ID.yaml`.
fn bundled_name(id: &str) -> String {
    ["bundled:", id, ".yaml"].concat()
}

fn looks_like_path(name: &str) -> bool {
    let extension = Path::new(name).extension().and_then(|e| e.to_str());
    name.contains(['/', '\\'])
        || extension
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

pub use crate::util::display_path;
