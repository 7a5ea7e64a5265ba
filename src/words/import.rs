//! The words of the importers: what could not be read, naming the run (and
//! its message) so a person can find it.

use fluent_bundle::FluentValue;

use super::Words;
use crate::import::tau_bench::{DbError, FileError, ImportWarning, Run};

impl Words {
    /// "run 12 (7/2)", or "run 12" for a run without task and trial.
    fn run_name(self, run: &Run) -> String {
        match &run.id {
            Some(id) => self.fmt(
                "import-run-id",
                &[("number", run.number.into()), ("id", id.as_str().into())],
            ),
            None => self.fmt("import-run", &[("number", run.number.into())]),
        }
    }

    /// A warning of the τ-bench importer, in one line.
    pub fn import_warning(self, warning: &ImportWarning) -> String {
        let run = |r: &Run| ("run", FluentValue::from(self.run_name(r)));
        match warning {
            ImportWarning::NotAnObject { run: r } => self.fmt("import-not-an-object", &[run(r)]),
            ImportWarning::NoTraj { run: r } => self.fmt("import-no-traj", &[run(r)]),
            ImportWarning::BadArguments { run: r, at, tool } => self.fmt(
                "import-bad-arguments",
                &[run(r), ("at", (*at).into()), ("tool", tool.as_str().into())],
            ),
            ImportWarning::UnknownToolResult { run: r, at, tool } => match tool {
                Some(tool) => self.fmt(
                    "import-unknown-tool-result",
                    &[run(r), ("at", (*at).into()), ("tool", tool.as_str().into())],
                ),
                None => self.fmt("import-unanswered-result", &[run(r), ("at", (*at).into())]),
            },
        }
    }

    /// Why a result file is not one.
    pub fn import_file_error(self, path: &str, error: &FileError) -> String {
        match error {
            FileError::NotJson(why) => self.fmt(
                "import-file-not-json",
                &[("path", path.into()), ("why", why.as_str().into())],
            ),
            FileError::NotAnArray => self.fmt("import-file-not-an-array", &[("path", path.into())]),
        }
    }

    /// Why the booking database could not be read.
    pub fn import_db_error(self, error: &DbError) -> String {
        self.fmt(
            "import-db-error",
            &[
                ("file", error.file.as_str().into()),
                ("why", error.why.as_str().into()),
            ],
        )
    }
}
