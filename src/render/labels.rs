//! What is left of render's own wording while issue 13 moves it into the
//! wording layer: the sentence of a policy decision, which `words::policy`
//! is taking over (one wording for the drill, `validate` and the documents),
//! and `Lang`, which the drill's words and one engine sentence still name.
//! Every other word of the documents is in `words::render`. Delete this file
//! once those three callers use the wording layer.

use crate::engine::policy::the;
use crate::playbook::{Duration, Role, format_amount};

/// English or Chinese, for the callers above; the documents use `words::Locale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Chinese for `zh`, `zh-CN`, `zh-Hans`, …; English otherwise.
    pub fn of(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub(crate) fn no_limit(self) -> &'static str {
        match self {
            Lang::En => "no limit",
            Lang::Zh => "不限",
        }
    }
}

/// How a decision names a role: "the duty manager" in English, the title in Chinese.
pub(crate) fn role_name(lang: Lang, role: &Role) -> String {
    match lang {
        Lang::En => the(role),
        Lang::Zh => role.title.trim().to_owned(),
    }
}

/// A duration in a decision: "5 minutes"; "5分钟".
pub(crate) fn duration(lang: Lang, d: Duration) -> String {
    let s = d.seconds;
    let (n, unit) = if s == 0 {
        (0, 0)
    } else if s.is_multiple_of(86_400) {
        (s / 86_400, 3)
    } else if s.is_multiple_of(3_600) {
        (s / 3_600, 2)
    } else if s.is_multiple_of(60) {
        (s / 60, 1)
    } else {
        (s, 0)
    };
    match lang {
        Lang::En => {
            let word = ["second", "minute", "hour", "day"][unit];
            format!("{n} {word}{}", if n == 1 { "" } else { "s" })
        }
        Lang::Zh => format!("{n}{}", ["秒", "分钟", "小时", "天"][unit]),
    }
}

/// An amount with the action's unit: "50 USD".
pub(crate) fn amount(value: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) if !unit.trim().is_empty() => {
            format!("{} {}", format_amount(value), unit.trim())
        }
        _ => format_amount(value),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Why the best choice is best, from what the policy decides.
pub(crate) enum Decided {
    /// An escalation rule sends the case up.
    Escalate {
        why: String,
        to: String,
        within: Option<String>,
    },
    /// An action over the acting role's limit.
    OverLimit {
        acting: String,
        what: String,
        limit: Option<String>,
        to: String,
    },
    /// No role may grant it.
    Forbidden { what: String },
    /// Within the acting role's limit.
    OnTheSpot {
        acting: String,
        what: String,
        limit: String,
    },
    /// Nothing to grant and nothing to escalate.
    Handles { acting: String },
}

pub(crate) fn decided(lang: Lang, d: Decided) -> String {
    match (lang, d) {
        (Lang::En, Decided::Escalate { why, to, within }) => match within {
            Some(w) => format!("{why}: the case goes to {to} within {w}."),
            None => format!("{why}: the case goes to {to}."),
        },
        (Lang::Zh, Decided::Escalate { why, to, within }) => match within {
            Some(w) => format!("{why}：交给{to}，{w}内接手。"),
            None => format!("{why}：交给{to}处理。"),
        },
        (
            Lang::En,
            Decided::OverLimit {
                acting,
                what,
                limit,
                to,
            },
        ) => match limit {
            Some(l) => format!("{what} is over {acting}'s limit of {l}: take it to {to}."),
            None => format!(
                "{} may not grant {what}: take it to {to}.",
                capitalise(&acting)
            ),
        },
        (
            Lang::Zh,
            Decided::OverLimit {
                acting,
                what,
                limit,
                to,
            },
        ) => match limit {
            Some(l) => format!("{what}超出{acting}的额度（{l}），交给{to}决定。"),
            None => format!("{acting}无权决定{what}，交给{to}决定。"),
        },
        (Lang::En, Decided::Forbidden { what }) => {
            format!("No role may grant {what}: do not offer it.")
        }
        (Lang::Zh, Decided::Forbidden { what }) => format!("任何岗位都无权决定{what}，不要提出。"),
        (
            Lang::En,
            Decided::OnTheSpot {
                acting,
                what,
                limit,
            },
        ) => format!(
            "{} may do this on the spot: {what} is within their limit of {limit}.",
            capitalise(&acting)
        ),
        (
            Lang::Zh,
            Decided::OnTheSpot {
                acting,
                what,
                limit,
            },
        ) => format!("{acting}可以当场决定：{what}，在其额度（{limit}）以内。"),
        (Lang::En, Decided::Handles { acting }) => format!(
            "{} handles this: no escalation rule applies.",
            capitalise(&acting)
        ),
        (Lang::Zh, Decided::Handles { acting }) => {
            format!("由{acting}处理：没有需要升级的情况。")
        }
    }
}
