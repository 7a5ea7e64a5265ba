//! The words of a judgement: what the policy decides and where a reply falls
//! short of it, what a rule without a `message` wants, what was counted,
//! and the suggestion of a failed `swap` rule. The engine returns these as
//! data ([`Decision`], [`PolicyFinding`], [`Want`], [`Detail`]); `validate`,
//! `grade --explain`, `calibrate`, `check`, the drill and the rendered
//! documents all word them here, so no two of them can say one decision two
//! ways. The messages are `locales/*/policy.ftl`.

use std::borrow::Cow;

use fluent_bundle::FluentValue;

use super::{Locale, Words};
use crate::engine::{
    Decision, Detail, GrantApplied, PolicyCode, PolicyFinding, RuleFinding, Status, Want,
};
use crate::playbook::{CheckKind, Limit, Playbook, Role, Spanned};

/// How many of a rule's phrases its default message quotes.
const PHRASES_SHOWN: usize = 5;

/// "the duty manager": a role's title as it reads in an English sentence
/// ("Duty manager" is lower-cased, "GM" and "VP Sales" are kept).
pub fn the(role: &Role) -> String {
    let title = role.title.trim();
    let mut chars = title.chars();
    let lowered: String = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    };
    if lowered.chars().next().is_some_and(char::is_lowercase) {
        Words::new(Locale::En).fmt("policy-role-the", &[("title", lowered.into())])
    } else {
        lowered
    }
}

/// An action id as words in a sentence: `make-it-right` → "make it right".
fn action_words(action: &str) -> String {
    action.replace(['-', '_'], " ")
}

/// Text on one line: the lines of a folded YAML string joined by a space
/// (none between two Chinese characters), as an author's `why` is quoted.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let wide = |c: Option<char>| {
            c.is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2))
        };
        if !(out.is_empty() || wide(out.chars().last()) && wide(line.chars().next())) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

impl Words {
    /// A role as it reads in a sentence: "the duty manager" in English, the
    /// title as written in Chinese and German.
    pub fn role(self, role: &Role) -> String {
        match self.locale() {
            Locale::En => the(role),
            Locale::Zh | Locale::De => role.title.trim().to_owned(),
        }
    }

    /// The role of rank `rank` in a sentence (its id if the ladder has no
    /// such rank, which a checked playbook never asks for).
    fn role_at(self, playbook: &Playbook, rank: usize) -> String {
        playbook
            .roles
            .get(rank)
            .map_or_else(|| rank.to_string(), |r| self.role(r))
    }

    /// [`Self::role_at`] at the start of a sentence.
    fn role_starting(self, playbook: &Playbook, rank: usize) -> String {
        Words::capitalise(&self.role_at(playbook, rank)).into_owned()
    }

    /// An amount in the action's unit: "6 USD".
    fn amount_of(self, playbook: &Playbook, action: &str, amount: f64) -> String {
        let unit = playbook
            .action(action)
            .and_then(|a| a.unit.as_ref())
            .map(|u| u.value.as_str());
        self.amount(amount, unit)
    }

    /// An action and its amount: "replace 6 USD".
    /// An action taken without an amount (`--action cancel`) and without a
    /// unit is just the action: "cancel", not "cancel 0".
    fn action_amount(self, playbook: &Playbook, action: &str, amount: f64) -> String {
        let unitless = playbook.action(action).is_some_and(|a| a.unit.is_none());
        if unitless && amount == 0.0 {
            return action_words(action);
        }
        self.fmt(
            "policy-action-amount",
            &[
                ("action", action_words(action).into()),
                ("amount", self.amount_of(playbook, action, amount).into()),
            ],
        )
    }

    /// Why the first of the escalation rules `because` sends the case up:
    /// its `why`, or that it applies.
    fn why(self, playbook: &Playbook, because: &[usize]) -> String {
        let Some(rule) = because.first().and_then(|&i| playbook.escalation.get(i)) else {
            return String::new();
        };
        match &rule.why {
            Some(why) => one_line(why).trim_end_matches(['.', '。']).to_owned(),
            None => self.fmt("policy-why-rule", &[("rule", rule.id.as_str().into())]),
        }
    }

    /// "…: the case goes to the duty manager within 5 minutes."
    fn escalation(
        self,
        playbook: &Playbook,
        to: usize,
        because: &[usize],
        within: Option<crate::playbook::Duration>,
    ) -> String {
        let why = ("why", FluentValue::from(self.why(playbook, because)));
        let to = ("to", FluentValue::from(self.role_at(playbook, to)));
        match within {
            Some(within) => self.fmt(
                "policy-escalate-within",
                &[why, to, ("within", self.duration(within).into())],
            ),
            None => self.fmt("policy-escalate", &[why, to]),
        }
    }

    /// "replace 80 USD is over the front-line staff's limit of 50 USD: take
    /// it to the duty manager." (`own`: the acting role's grant that held,
    /// if one did; a conditional one says why it gives that limit.)
    fn over_limit(
        self,
        playbook: &Playbook,
        acting: usize,
        (action, amount): (&str, f64),
        own: Option<GrantApplied>,
        to: usize,
    ) -> String {
        let to = ("to", FluentValue::from(self.role_at(playbook, to)));
        let has_grants = playbook
            .roles
            .get(acting)
            .and_then(|r| r.grants(action))
            .is_some();
        match own {
            Some(grant) => self.fmt(
                "policy-over-limit",
                &[
                    ("what", self.action_amount(playbook, action, amount).into()),
                    ("acting", self.role_at(playbook, acting).into()),
                    ("limit", self.grant_limit(playbook, action, grant).into()),
                    to,
                ],
            ),
            // The role has grants of the action, but none holds here.
            None if has_grants => self.fmt(
                "policy-no-grant-holds",
                &[
                    ("acting", self.role_at(playbook, acting).into()),
                    ("action", action_words(action).into()),
                    to,
                ],
            ),
            None => self.fmt(
                "policy-not-theirs",
                &[
                    ("acting", self.role_starting(playbook, acting).into()),
                    ("action", action_words(action).into()),
                    to,
                ],
            ),
        }
    }

    /// A limit in the action's unit. An unlimited one is never over-run, so
    /// only [`Decision::OnTheSpot`] words it (by another message).
    fn limit_of(self, playbook: &Playbook, action: &str, limit: Limit) -> String {
        match limit {
            Limit::Amount(a) => self.amount_of(playbook, action, a),
            Limit::Unlimited => String::new(),
        }
    }

    /// The limit a grant gives, and, for one that depends on the case, why:
    /// "150 USD (50 USD × 3 passengers, when `flight_status` is “delayed”)".
    /// A plain limit is just the amount.
    pub fn grant_limit(self, playbook: &Playbook, action: &str, applied: GrantApplied) -> String {
        let limit = self.limit_of(playbook, action, applied.limit);
        let Some(grant) = playbook
            .roles
            .get(applied.role)
            .and_then(|r| r.grants(action))
            .and_then(|g| g.list.get(applied.index))
            .filter(|g| !g.always_holds())
        else {
            return limit;
        };
        let per = match (&grant.per, applied.per_value) {
            (Some(fact), Some(value)) => Some(self.fmt(
                "policy-grant-per",
                &[
                    (
                        "up_to",
                        self.limit_of(playbook, action, applied.up_to).into(),
                    ),
                    ("value", self.number(value).into()),
                    ("per", action_words(fact).into()),
                ],
            )),
            _ => None,
        };
        let when = grant.when.as_ref().map(|w| {
            self.fmt(
                "policy-grant-when",
                &[("condition", super::report::condition(self, w).into())],
            )
        });
        let why = match (per, when) {
            (Some(per), Some(when)) => self.fmt(
                "policy-grant-both",
                &[("per", per.into()), ("when", when.into())],
            ),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => return limit,
        };
        self.fmt(
            "policy-grant-limit",
            &[("limit", limit.into()), ("why", why.into())],
        )
    }

    /// "No role may certificate 200 USD: do not offer it.", and where the
    /// acting role had a grant that held, the limit it gave.
    fn forbidden(
        self,
        playbook: &Playbook,
        (action, amount): (&str, f64),
        acting: usize,
        own: Option<GrantApplied>,
    ) -> String {
        let what = ("what", self.action_amount(playbook, action, amount).into());
        match own {
            Some(grant) => self.fmt(
                "policy-forbidden-over",
                &[
                    what,
                    ("acting", self.role_at(playbook, acting).into()),
                    ("limit", self.grant_limit(playbook, action, grant).into()),
                ],
            ),
            None => self.fmt("policy-forbidden", &[what]),
        }
    }

    /// What the policy decides, in one sentence.
    pub fn decision(self, playbook: &Playbook, decision: &Decision) -> String {
        match decision {
            Decision::NoRoles => self.text("policy-no-roles"),
            Decision::Escalate {
                to,
                because,
                within,
            } => self.escalation(playbook, *to, because, *within),
            Decision::OverLimit {
                acting,
                action,
                amount,
                grant,
                to,
                ..
            } => self.over_limit(playbook, *acting, (action, *amount), *grant, *to),
            Decision::Forbidden {
                action,
                amount,
                acting,
                grant,
            } => self.forbidden(playbook, (action, *amount), *acting, *grant),
            Decision::AlreadyWith { role } => self.fmt(
                "policy-already-with",
                &[("role", self.role_at(playbook, *role).into())],
            ),
            Decision::Handles { acting } => self.fmt(
                "policy-handles",
                &[("acting", self.role_starting(playbook, *acting).into())],
            ),
            Decision::OnTheSpot { acting, grants } => {
                let acting = (
                    "acting",
                    FluentValue::from(self.role_starting(playbook, *acting)),
                );
                match grants.as_slice() {
                    [one] => {
                        let what = (
                            "what",
                            self.action_amount(playbook, &one.action, one.amount).into(),
                        );
                        match one.limit {
                            Limit::Amount(_) => self.fmt(
                                "policy-on-the-spot",
                                &[
                                    acting,
                                    what,
                                    (
                                        "limit",
                                        self.grant_limit(playbook, &one.action, one.by).into(),
                                    ),
                                ],
                            ),
                            Limit::Unlimited => {
                                self.fmt("policy-on-the-spot-unlimited", &[acting, what])
                            }
                        }
                    }
                    _ => self.fmt("policy-on-the-spot-all", &[acting]),
                }
            }
        }
    }

    /// What a policy finding says.
    pub fn policy_finding(self, playbook: &Playbook, finding: &PolicyFinding) -> String {
        let acting = finding.acting;
        let to = finding.to.unwrap_or_default();
        let action = finding.action.as_deref().unwrap_or_default();
        let amount = finding.amount.unwrap_or_default();
        match finding.code {
            PolicyCode::MissedEscalation => {
                self.escalation(playbook, to, &finding.because, finding.within)
            }
            PolicyCode::OverLimit => {
                self.over_limit(playbook, acting, (action, amount), finding.grant, to)
            }
            PolicyCode::ForbiddenAction => {
                self.forbidden(playbook, (action, amount), acting, finding.grant)
            }
            PolicyCode::UnneededEscalation if to <= acting => self.fmt(
                "policy-unneeded-not-above",
                &[
                    ("to", self.role_starting(playbook, to).into()),
                    ("acting", self.role_at(playbook, acting).into()),
                ],
            ),
            PolicyCode::UnneededEscalation => self.fmt(
                "policy-unneeded-alone",
                &[
                    ("acting", self.role_starting(playbook, acting).into()),
                    ("to", self.role_at(playbook, to).into()),
                ],
            ),
            PolicyCode::EscalationNotShown => self.fmt(
                "policy-not-shown",
                &[("to", self.role_at(playbook, to).into())],
            ),
            PolicyCode::LateEscalation => self.fmt(
                "policy-late",
                &[
                    ("to", self.role_at(playbook, to).into()),
                    (
                        "within",
                        self.duration(finding.within.unwrap_or_default()).into(),
                    ),
                ],
            ),
        }
    }

    /// What a rule says: the author's `message`, or what it wants.
    pub fn rule_message<'p>(self, finding: &RuleFinding<'p>) -> Cow<'p, str> {
        if let Some(message) = finding.message {
            return Cow::Borrowed(message);
        }
        // An echo rule's default names the beat's key facts.
        let facts = match &finding.detail {
            Some(Detail::Echoed { facts, .. }) => Some(facts.as_slice()),
            _ => None,
        };
        Cow::Owned(self.rule_wants(&finding.want, facts))
    }

    /// What a rule without a `message` says it wants; `key_facts`, where
    /// known, are named by an `echo` rule.
    pub fn rule_wants(self, want: &Want, key_facts: Option<&[String]>) -> String {
        match *want {
            Want::Mention { phrases, patterns } => self.fmt(
                "policy-rule-mention",
                &[("phrases", self.phrases(phrases, patterns).into())],
            ),
            Want::Avoid { phrases, patterns } => self.fmt(
                "policy-rule-avoid",
                &[("phrases", self.phrases(phrases, patterns).into())],
            ),
            Want::Swap => self.text("policy-rule-swap"),
            Want::Words { min, max } => match (min, max) {
                (Some(min), Some(max)) => self.fmt(
                    "policy-rule-words-between",
                    &[("min", min.into()), ("max", max.into())],
                ),
                (Some(min), None) => self.fmt("policy-rule-words-at-least", &[("min", min.into())]),
                (None, Some(max)) => self.fmt("policy-rule-words-at-most", &[("max", max.into())]),
                (None, None) => self.text("policy-rule-words-any"),
            },
            Want::Echo { min } => match key_facts.filter(|f| !f.is_empty()) {
                Some(facts) => {
                    let quoted: Vec<&str> = facts.iter().map(String::as_str).collect();
                    self.fmt(
                        "policy-rule-echo-facts",
                        &[
                            ("min", min.into()),
                            ("facts", self.quoted_list(&quoted).into()),
                        ],
                    )
                }
                None => self.fmt("policy-rule-echo", &[("min", min.into())]),
            },
        }
    }

    /// The phrases and patterns of a rule, quoted, the first few of them.
    fn phrases(self, phrases: &[Spanned<String>], patterns: &[Spanned<String>]) -> String {
        let all: Vec<&str> = phrases
            .iter()
            .chain(patterns)
            .map(|p| p.value.as_str())
            .collect();
        self.quoted_list(&all)
    }

    /// Up to [`PHRASES_SHOWN`] items, quoted and listed, with a sign if
    /// there are more.
    fn quoted_list(self, items: &[&str]) -> String {
        let shown: Vec<String> = items
            .iter()
            .take(PHRASES_SHOWN)
            .map(|p| self.fmt("punct-quoted", &[("text", (*p).into())]))
            .collect();
        let list = shown.join(&self.text("list-separator"));
        if items.len() > PHRASES_SHOWN {
            self.fmt("policy-phrases-more", &[("phrases", list.into())])
        } else {
            list
        }
    }

    /// What was counted.
    pub fn rule_detail(self, detail: &Detail) -> String {
        match detail {
            Detail::NoValue => self.text("policy-detail-no-value"),
            Detail::NothingToCheck => self.text("policy-detail-nothing-to-check"),
            Detail::Counted { words, min, max } => {
                let words = ("words", FluentValue::from(*words));
                match (min, max) {
                    (Some(min), Some(max)) => self.fmt(
                        "policy-detail-words-between",
                        &[words, ("min", (*min).into()), ("max", (*max).into())],
                    ),
                    (Some(min), None) => self.fmt(
                        "policy-detail-words-at-least",
                        &[words, ("min", (*min).into())],
                    ),
                    (None, Some(max)) => self.fmt(
                        "policy-detail-words-at-most",
                        &[words, ("max", (*max).into())],
                    ),
                    (None, None) => self.fmt("policy-detail-words", &[words]),
                }
            }
            Detail::NoKeyFacts => self.text("policy-detail-no-key-facts"),
            Detail::Echoed {
                mentioned,
                facts,
                min,
            } => self.fmt(
                "policy-detail-echoed",
                &[
                    ("mentioned", (*mentioned).into()),
                    ("total", facts.len().into()),
                    ("facts", facts.join(&self.text("list-separator")).into()),
                    ("min", (*min).into()),
                ],
            ),
        }
    }

    /// What to say instead: the rule's `suggest`, or for a failed `swap`
    /// rule without one, its replacements ("Say “guest” instead of
    /// “customer”").
    pub fn rule_suggestion<'p>(self, finding: &RuleFinding<'p>) -> Option<Cow<'p, str>> {
        if let Some(suggestion) = finding.suggestion {
            return Some(Cow::Borrowed(suggestion));
        }
        if finding.check != CheckKind::Swap || finding.status != Status::Fail {
            return None;
        }
        let mut pairs: Vec<String> = Vec::new();
        for m in &finding.matches {
            if let Some(preferred) = &m.replacement {
                let pair = self.fmt(
                    "policy-swap-pair",
                    &[
                        ("preferred", self.quote(preferred).into()),
                        ("found", self.quote(&m.text).into()),
                    ],
                );
                if !pairs.contains(&pair) {
                    pairs.push(pair);
                }
            }
        }
        let text = pairs.join(&self.text("policy-swap-separator"));
        Some(Cow::Owned(Words::capitalise(&text).into_owned()))
    }
}

#[cfg(test)]
mod tests;
