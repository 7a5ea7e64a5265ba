//! Source positions that survive deserialisation.
//!
//! Every value a diagnostic may point at is a [`Spanned<T>`]: the value plus the
//! [`Pos`] of the YAML node it came from. The YAML crate fills the position in
//! (see `load.rs`, the only module that knows which crate that is); everything
//! else sees only these two types.

use std::fmt;
use std::ops::Deref;

/// Where a YAML node starts in its file.
///
/// `line` and `column` are 1-based; columns count Unicode code points, as Vale,
/// yamllint and SARIF's `unicodeCodePoints` do, so a Chinese line is not
/// miscounted. `offset` and `len` are bytes into the file, for underlining.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub offset: u32,
    pub len: u32,
    /// Which file: 0 for the file being loaded, `n` for the `n`-th bundled
    /// rule pack (`playbook::packs`), whose rules a playbook `uses`. Last, so
    /// positions still sort by line and column.
    pub file: u16,
}

impl Pos {
    /// A position that is not known (a value built in code, not read from YAML).
    pub const UNKNOWN: Pos = Pos {
        line: 0,
        column: 0,
        offset: 0,
        len: 0,
        file: 0,
    };

    /// The start of a file, for problems with the file as a whole.
    pub const FILE_START: Pos = Pos {
        line: 1,
        column: 1,
        offset: 0,
        len: 0,
        file: 0,
    };

    /// Whether this points somewhere in a file.
    pub fn is_known(self) -> bool {
        self.line > 0
    }

    /// Whether this is a place in a bundled rule pack, not in the playbook's
    /// own file.
    pub fn is_in_pack(self) -> bool {
        self.file != 0
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value with the position of the YAML node it was read from.
///
/// Equality and ordering look at the value only, so two ids compare equal
/// wherever they were written.
#[derive(Clone, Debug, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Spanned<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }

    /// A value with no source position (built in code).
    pub fn unplaced(value: T) -> Self {
        Spanned {
            value,
            pos: Pos::UNKNOWN,
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}
