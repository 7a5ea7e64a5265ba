//! Bundled rule packs: ready-made rules a playbook adds with `uses: [PACK]`
//! (`playbooks/packs/*.yaml`, built into the binary).
//!
//! A pack is `pack: ID`, `title`, `language` and `rules`, ordinary rules. Its
//! rules join the playbook's after its own, with the id `PACK/ID`; positions
//! in them say they are in the pack's file (`Pos::file`), so a diagnostic
//! about a pack rule names the pack, not a line of the playbook.

use schemars::JsonSchema;
use serde::Deserialize;

use super::load::{self, LoadError};
use super::model::{Playbook, Rule};
use super::node::lenient_list as list;
use super::source::Source;
use super::spanned::Spanned;

/// One bundled pack file.
#[derive(Debug, Clone, Copy)]
pub struct BundledPack {
    pub id: &'static str,
    pub text: &'static str,
}

/// A bundled pack by id: `playbooks/packs/ID.yaml`, built in.
macro_rules! packs {
    ($($id:literal),* $(,)?) => {
        &[$(BundledPack {
            id: $id,
            text: include_str!(concat!("../../playbooks/packs/", $id, ".yaml")),
        }),*]
    };
}

/// Every file of `playbooks/packs/`, in `ethos list --packs` order. A test
/// checks this list against the folder.
pub const PACKS: &[BundledPack] = packs!["courtesy-en", "courtesy-zh", "security-en"];

/// A rule pack as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Kebab-case id, the prefix of its rules' ids.
    pub pack: Spanned<String>,
    pub title: Spanned<String>,
    /// BCP 47 tag of the replies its rules judge; `en` when absent.
    #[serde(default)]
    pub language: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "list")]
    pub rules: Vec<Rule>,
}

impl Pack {
    pub fn language(&self) -> &str {
        self.language
            .as_ref()
            .map_or(Playbook::DEFAULT_LANGUAGE, |l| l.as_str())
    }
}

/// The file number of a pack's positions: its place in [`PACKS`], from 1
/// (0 is the playbook's own file).
fn file_of(index: usize) -> u16 {
    u16::try_from(index + 1).unwrap_or(u16::MAX)
}

pub fn find(id: &str) -> Option<&'static BundledPack> {
    PACKS.iter().find(|p| p.id == id)
}

pub fn ids() -> impl Iterator<Item = &'static str> {
    PACKS.iter().map(|p| p.id)
}

/// Load a bundled pack by id; `None` when there is no such pack.
pub fn load(id: &str) -> Option<Result<Pack, Vec<LoadError>>> {
    let index = PACKS.iter().position(|p| p.id == id)?;
    Some(load::parse_pack(PACKS[index].text, file_of(index)))
}

/// The source of the file positions marked `file` are in (`Pos::file`), for
/// reports that show the line.
pub fn source_of_file(file: u16) -> Option<Source> {
    let pack = PACKS.get(usize::from(file).checked_sub(1)?)?;
    Some(Source {
        name: file_name(pack.id),
        text: pack.text.to_owned(),
    })
}

/// How reports name a pack's file.
pub fn file_name(id: &str) -> String {
    ["bundled:packs/", id, ".yaml"].concat()
}

/// The name of the file positions marked `file` are in; `None` for the
/// playbook's own file.
pub fn name_of_file(file: u16) -> Option<String> {
    let pack = PACKS.get(usize::from(file).checked_sub(1)?)?;
    Some(file_name(pack.id))
}

/// The full id a pack rule has in a playbook: `PACK/ID`.
pub fn full_id(pack: &str, rule: &str) -> String {
    [pack, "/", rule].concat()
}

/// Add the rules of the packs a playbook `uses`, after its own, leaving out
/// those it `disable`s. A pack rule's `at` keeps only the steps the playbook
/// has (a pack is written for many playbooks), and a rule none of whose steps
/// the playbook has is left out: it could apply nowhere. An unknown pack, or
/// one that does not load, adds nothing; `check` reports it.
pub fn apply(playbook: &mut Playbook) {
    let mut used: Vec<&str> = Vec::new();
    let mut added = Vec::new();
    for id in &playbook.uses {
        if used.contains(&id.as_str()) {
            continue; // named twice, added once
        }
        used.push(id.as_str());
        let Some(Ok(pack)) = load(id) else { continue };
        for mut rule in pack.rules {
            rule.id.value = full_id(&pack.pack, &rule.id);
            if playbook.disable.iter().any(|d| d.value == rule.id.value) {
                continue;
            }
            if let Some(at) = &mut rule.at {
                at.value.retain(|step| playbook.step(step).is_some());
                if at.is_empty() {
                    continue;
                }
            }
            added.push(rule);
        }
    }
    playbook.rules.extend(added);
}

/// Whether a file's text is a rule pack rather than a playbook: it says
/// `pack:` at the top level, a field no playbook has.
pub fn is_pack(text: &str) -> bool {
    text.lines().any(|line| line.starts_with("pack:"))
}

impl Pack {
    /// A playbook that holds this pack's rules as its own (ids without the
    /// prefix), so `check` can check a pack as it checks a playbook: its steps
    /// are the ones the pack's rules name, or one step, `reply`.
    pub fn into_host_playbook(self) -> Playbook {
        let mut steps: Vec<&str> = Vec::new();
        for step in self
            .rules
            .iter()
            .flat_map(|r| r.at.iter().flat_map(|at| at.iter()))
        {
            if !steps.contains(&step.as_str()) {
                steps.push(step.as_str());
            }
        }
        if steps.is_empty() {
            steps.push("reply");
        }
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let steps: Vec<String> = steps
            .iter()
            .map(|s| {
                let s = quote(s);
                ["  - {id: ", &s, ", title: ", &s, ", goal: ", &s, "}\n"].concat()
            })
            .collect();
        // Written as YAML and read back, so the host has every field a
        // playbook has, with its defaults, however the model grows.
        let title = quote(&self.pack);
        let yaml = [
            "playbook: pack-host\ntitle: ",
            &title,
            "\ncompany: ",
            &title,
            "\nphilosophy: {statement: ",
            &title,
            "}\nroles: [{id: staff, title: Staff}]\nsteps:\n",
            &steps.concat(),
        ]
        .concat();
        let mut host = load::parse_bare(&yaml).expect("the host playbook is well formed");
        host.language = Some(
            self.language
                .unwrap_or_else(|| Spanned::unplaced(Playbook::DEFAULT_LANGUAGE.to_owned())),
        );
        host.rules = self.rules;
        host
    }
}
