//! Writing what ethos makes (rendered documents, drill transcripts) so that a
//! reader never sees half a file and a failure never leaves half a job.
//!
//! A new file gets mode 0644 less the umask, as `touch` would give it (a
//! temporary file starts private, 0600, which would make a handbook on an
//! intranet unreadable); a replaced file keeps the permissions it had.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file that could not be written, and why; worded by `words::errors`.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    /// Not `source`: the message already says it, and a source would be
    /// printed a second time after it.
    pub cause: io::Error,
}

impl WriteError {
    /// Whether a folder of the file's name is in the way: rename(2) onto a
    /// folder says "Is a directory", which reads as if ethos had been given one.
    pub fn folder_in_the_way(&self) -> bool {
        self.path.is_dir()
    }
}

impl std::error::Error for WriteError {}

fn at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |cause| WriteError {
        path: path.to_owned(),
        cause,
    }
}

/// The folder a path is in (`.` for a bare file name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn file_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ethos-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Given to open(2), so the umask applies, unlike a later chmod.
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    builder
}

/// Write one file atomically: a temporary file beside it, synced, renamed
/// over it. On any error the temporary file is removed (`NamedTempFile`
/// deletes itself when dropped) and the old file is untouched.
pub fn file_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut file = file_builder()
        .tempfile_in(parent_of(path))
        .map_err(at(path))?;
    file.write_all(bytes).map_err(at(path))?;
    keep_permissions(path, file.as_file()).map_err(at(path))?;
    file.as_file().sync_all().map_err(at(path))?;
    file.persist(path).map_err(|e| at(path)(e.error))?;
    Ok(())
}

/// A replaced file keeps its permissions.
fn keep_permissions(old: &Path, new: &fs::File) -> io::Result<()> {
    match fs::metadata(old) {
        Ok(meta) if meta.is_file() => new.set_permissions(meta.permissions()),
        _ => Ok(()),
    }
}

/// Write every file into `dir`, all or nothing: each is written into a
/// temporary folder first, then moved into place; if one cannot be moved,
/// the ones already moved are put back as they were, so a failure leaves
/// the previous output untouched. Other files in `dir` are never touched.
///
/// The temporary folder is made in `dir`'s parent, so every move is a rename
/// on one filesystem; when `dir` does not exist yet, the whole folder is
/// renamed into place in one step.
pub fn files_into(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), WriteError> {
    let exists = dir.is_dir();
    let staging = staging_folder(dir, exists)?;
    let new = staging.path().join("new");
    fs::create_dir(&new).map_err(at(dir))?;
    for (name, bytes) in files {
        let target = dir.join(name);
        let path = new.join(name);
        let mut file = create_new(&path).map_err(at(&target))?;
        file.write_all(bytes).map_err(at(&target))?;
        keep_permissions(&target, &file).map_err(at(&target))?;
        file.sync_all().map_err(at(&target))?;
    }
    if !exists {
        // `new` was made by mkdir(2), so the folder has the usual permissions.
        return fs::rename(&new, dir).map_err(at(dir));
    }
    let old = staging.path().join("old");
    fs::create_dir(&old).map_err(at(dir))?;
    // Moved so far: the target, and where its previous version waits.
    let mut moved: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for (name, _) in files {
        let target = dir.join(name);
        let result = backup(&target, &old.join(name))
            .and_then(|kept| fs::rename(new.join(name), &target).map(|()| kept));
        match result {
            Ok(kept) => moved.push((target, kept)),
            Err(source) => {
                roll_back(moved);
                return Err(WriteError {
                    path: target,
                    cause: source,
                });
            }
        }
    }
    Ok(())
}

/// Keep the previous version of a file, to put back on failure: a hard link
/// (the same file, so nothing is copied and a reader of `target` sees no
/// change), or a copy where links are not possible.
fn backup(target: &Path, to: &Path) -> io::Result<Option<PathBuf>> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => {
            if fs::hard_link(target, to).is_err() {
                fs::copy(target, to)?;
            }
            Ok(Some(to.to_owned()))
        }
        // Nothing there, or something a rename will refuse to replace (a
        // folder): nothing to keep.
        _ => Ok(None),
    }
}

/// Undo the moves, last first. Best effort: this runs after an error, and a
/// second error must not hide the first.
fn roll_back(moved: Vec<(PathBuf, Option<PathBuf>)>) {
    for (target, kept) in moved.into_iter().rev() {
        let _ = match kept {
            Some(kept) => fs::rename(kept, &target),
            None => fs::remove_file(&target),
        };
    }
}

/// The temporary folder for [`files_into`]: in `dir`'s parent (created if
/// missing), unless that is on another filesystem or cannot be written,
/// then in `dir` itself, where a rename into `dir` always works.
fn staging_folder(dir: &Path, exists: bool) -> Result<tempfile::TempDir, WriteError> {
    let parent = parent_of(dir);
    let builder = || {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".ethos-render-");
        builder
    };
    if !exists {
        fs::create_dir_all(parent).map_err(at(dir))?;
        return builder().tempdir_in(parent).map_err(at(dir));
    }
    if same_filesystem(parent, dir)
        && let Ok(staging) = builder().tempdir_in(parent)
    {
        return Ok(staging);
    }
    builder().tempdir_in(dir).map_err(at(dir))
}

#[cfg(unix)]
fn same_filesystem(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_filesystem(_: &Path, _: &Path) -> bool {
    true
}

/// Why [`new_file`] wrote nothing, or not all.
#[derive(Debug)]
pub enum NewFileError {
    /// Something is there already, and is left as it is.
    Exists,
    Create(io::Error),
    Write(io::Error),
}

/// Write a file that must not exist yet (`ethos init`). `create_new` refuses
/// an existing file atomically: nothing already there is ever overwritten,
/// even if it appears between a check and the write.
pub fn new_file(path: &Path, bytes: &[u8]) -> Result<(), NewFileError> {
    let mut file = create_new(path).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => NewFileError::Exists,
        _ => NewFileError::Create(e),
    })?;
    file.write_all(bytes).map_err(NewFileError::Write)
}

fn create_new(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o644);
    }
    options.open(path)
}
