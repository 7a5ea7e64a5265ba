//! The playbooks built into the binary, so `ethos drill` works anywhere.

/// One bundled playbook.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    pub id: &'static str,
    pub text: &'static str,
}

/// A bundled playbook by id: `playbooks/ID.yaml`, built in.
macro_rules! bundled {
    ($($id:literal),* $(,)?) => {
        &[$(Bundled {
            id: $id,
            text: include_str!(concat!("../../playbooks/", $id, ".yaml")),
        }),*]
    };
}

/// Every file of `playbooks/`, in `ethos list` order. A test checks this list
/// against the folder, so a new playbook cannot be forgotten here.
pub const BUNDLED: &[Bundled] = bundled![
    "hotel-a",
    "apple-retail",
    "ritz-carlton",
    "disney-parks",
    "trader-joes",
    "home-security",
    "saas-support",
    "social-care",
    "zh-hotel",
    "de-reisezentrum",
    "tau-airline",
];

/// The playbook used when a command is given none.
pub const DEFAULT_ID: &str = "hotel-a";

pub fn find(id: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.id == id)
}

pub fn ids() -> Vec<&'static str> {
    BUNDLED.iter().map(|b| b.id).collect()
}
