//! `ethos list`: the bundled playbooks, or the bundled rule packs, as data
//! (for JSON) and as a table with a hint under it.

use serde::Serialize;

use super::tables;
use crate::playbook::{LoadError, bundled, load, packs};
use crate::words::Words;

/// One line of `ethos list`.
#[derive(Debug, Serialize)]
pub struct PlaybookEntry {
    pub id: &'static str,
    pub title: String,
    pub company: String,
    pub language: String,
    pub steps: usize,
    pub rules: usize,
    pub scenarios: usize,
}

/// One line of `ethos list --packs`.
#[derive(Debug, Serialize)]
pub struct PackEntry {
    pub id: &'static str,
    pub title: String,
    pub rules: usize,
    pub language: String,
}

/// A bundled playbook or pack that does not load: a build gone wrong (a
/// test loads every one).
#[derive(Debug)]
pub enum Broken {
    Playbook { id: &'static str, why: LoadError },
    Pack { id: &'static str },
}

/// Every bundled playbook, in the bundled order.
///
/// # Errors
/// The first that does not load.
pub fn playbooks() -> Result<Vec<PlaybookEntry>, Broken> {
    bundled::BUNDLED
        .iter()
        .map(|b| {
            let pb = load::parse(b.text).map_err(|why| Broken::Playbook { id: b.id, why })?;
            Ok(PlaybookEntry {
                id: b.id,
                title: pb.title.value.clone(),
                company: pb.company.value.clone(),
                language: pb.language().to_owned(),
                steps: pb.steps.len(),
                rules: pb.rules.len(),
                scenarios: pb.scenarios.len(),
            })
        })
        .collect()
}

/// Every bundled rule pack, in the bundled order.
///
/// # Errors
/// The first that does not load.
pub fn packs() -> Result<Vec<PackEntry>, Broken> {
    packs::PACKS
        .iter()
        .map(|p| {
            let Some(Ok(pack)) = packs::load(p.id) else {
                return Err(Broken::Pack { id: p.id });
            };
            Ok(PackEntry {
                id: p.id,
                title: pack.title.value.clone(),
                rules: pack.rules.len(),
                language: pack.language().to_owned(),
            })
        })
        .collect()
}

/// The playbooks as a table, and how to start from one.
pub fn playbooks_table(entries: &[PlaybookEntry], w: Words, width: Option<u16>) -> String {
    let header = [
        w.text("report-col-id"),
        w.text("report-col-title"),
        w.text("report-col-company"),
        w.text("report-col-language"),
        w.text("report-col-steps"),
        w.text("report-col-rules"),
        w.text("report-col-scenarios"),
    ];
    let mut table = tables::table(&header, width);
    for e in entries {
        table.add_row(vec![
            e.id.to_owned(),
            e.title.clone(),
            e.company.clone(),
            e.language.clone(),
            e.steps.to_string(),
            e.rules.to_string(),
            e.scenarios.to_string(),
        ]);
    }
    format!("{table}\n\n{}\n", w.text("report-list-hint"))
}

/// The packs as a table, and how to use one.
pub fn packs_table(entries: &[PackEntry], w: Words, width: Option<u16>) -> String {
    let header = [
        w.text("report-col-id"),
        w.text("report-col-title"),
        w.text("report-col-rules"),
        w.text("report-col-language"),
    ];
    let mut table = tables::table(&header, width);
    for e in entries {
        table.add_row(vec![
            e.id.to_owned(),
            e.title.clone(),
            e.rules.to_string(),
            e.language.clone(),
        ]);
    }
    format!("{table}\n\n{}\n", w.text("report-list-packs-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_playbook_and_pack_is_listed() {
        let listed = playbooks().unwrap();
        assert_eq!(listed.len(), bundled::BUNDLED.len());
        assert!(
            listed
                .iter()
                .any(|e| e.id == "zh-hotel" && e.language == "zh-CN")
        );
        assert_eq!(packs().unwrap().len(), packs::PACKS.len());
    }
}
