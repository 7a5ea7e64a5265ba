//! The playbooks built into the binary, so `ethos drill` works anywhere.

/// One bundled playbook.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    pub id: &'static str,
    pub text: &'static str,
}

/// Every file of `playbooks/`, in `ethos list` order. A test checks this list
/// against the folder, so a new playbook cannot be forgotten here.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "hotel-a",
        text: include_str!("../../playbooks/hotel-a.yaml"),
    },
    Bundled {
        id: "apple-retail",
        text: include_str!("../../playbooks/apple-retail.yaml"),
    },
    Bundled {
        id: "ritz-carlton",
        text: include_str!("../../playbooks/ritz-carlton.yaml"),
    },
    Bundled {
        id: "disney-parks",
        text: include_str!("../../playbooks/disney-parks.yaml"),
    },
    Bundled {
        id: "trader-joes",
        text: include_str!("../../playbooks/trader-joes.yaml"),
    },
    Bundled {
        id: "home-security",
        text: include_str!("../../playbooks/home-security.yaml"),
    },
    Bundled {
        id: "saas-support",
        text: include_str!("../../playbooks/saas-support.yaml"),
    },
    Bundled {
        id: "social-care",
        text: include_str!("../../playbooks/social-care.yaml"),
    },
    Bundled {
        id: "zh-hotel",
        text: include_str!("../../playbooks/zh-hotel.yaml"),
    },
];

/// The playbook used when a command is given none.
pub const DEFAULT_ID: &str = "hotel-a";

pub fn find(id: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.id == id)
}

pub fn ids() -> Vec<&'static str> {
    BUNDLED.iter().map(|b| b.id).collect()
}
