//! The playbook `ethos init` writes: the small commented starter, or a copy
//! of a bundled playbook, its schema modeline pointing at a schema file
//! beside it.

use std::path::{Path, PathBuf};

use super::bundled;
use super::schema::SCHEMA_PATH;

/// The default starter: small, commented, and clean under `ethos check`.
const STARTER: &str = include_str!("../../playbooks/starter/starter.yaml");

/// The file name editors find the schema under, next to the playbook.
pub const LOCAL_SCHEMA: &str = "playbook.schema.json";

/// The start of the `yaml-language-server` modeline.
const MODELINE: &str = "# yaml-language-server: $schema=";

/// A playbook to start from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Starter {
    /// The text to write.
    pub text: String,
    /// Its file name when a folder (or nothing) is given: `playbook.yaml`,
    /// or `ID.yaml` for a bundled playbook.
    pub file_name: String,
}

impl Starter {
    /// The starter, or a copy of the bundled playbook `from`; `None` if
    /// there is no bundled playbook of that id.
    pub fn new(from: Option<&str>) -> Option<Starter> {
        let (text, file_name) = match from {
            Some(id) => (bundled::find(id)?.text, [id, ".yaml"].concat()),
            None => (STARTER, "playbook.yaml".to_owned()),
        };
        Some(Starter {
            text: local_modeline(text),
            file_name,
        })
    }

    /// Where to write it: `path`, or in it if it is a folder, or here.
    pub fn target(&self, path: Option<&Path>) -> PathBuf {
        match path {
            Some(p) if p.is_dir() => p.join(&self.file_name),
            Some(p) => p.to_owned(),
            None => PathBuf::from(&self.file_name),
        }
    }
}

/// Where the schema goes for a playbook written to `target`: beside it.
pub fn schema_beside(target: &Path) -> PathBuf {
    target
        .parent()
        .map_or_else(|| PathBuf::from(LOCAL_SCHEMA), |p| p.join(LOCAL_SCHEMA))
}

/// Point the `yaml-language-server` modeline at a schema file beside the new
/// playbook (the bundled ones point into this repository).
fn local_modeline(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with(MODELINE) && line.ends_with(SCHEMA_PATH) {
                [MODELINE, LOCAL_SCHEMA].concat()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_of_a_bundled_playbook_points_at_the_schema_beside_it() {
        let starter = Starter::new(Some("hotel-a")).unwrap();
        assert_eq!(starter.file_name, "hotel-a.yaml");
        assert!(
            starter
                .text
                .lines()
                .any(|l| l == "# yaml-language-server: $schema=playbook.schema.json"),
            "{}",
            &starter.text[..200.min(starter.text.len())]
        );
        assert!(!starter.text.contains(SCHEMA_PATH));
    }

    #[test]
    fn an_unknown_id_has_no_starter() {
        assert_eq!(Starter::new(Some("hotel-z")), None);
        assert_eq!(Starter::new(None).unwrap().file_name, "playbook.yaml");
    }

    #[test]
    fn the_schema_goes_beside_the_playbook() {
        assert_eq!(
            schema_beside(Path::new("dir/p.yaml")),
            Path::new("dir/playbook.schema.json")
        );
        assert_eq!(
            schema_beside(Path::new("p.yaml")),
            Path::new("playbook.schema.json")
        );
    }
}
