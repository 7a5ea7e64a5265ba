//! Paths as reports show them.

use std::path::Path;

/// Paths in reports use `/`, so reports read the same on every system.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}
