//! Conditional empowerment: what a role may grant of one action, as a list of
//! grants tried in order (`may: {certificate: [{when, up_to, per}, ...]}`).
//!
//! Version 1's plain limit (`replace: 30`, `refund: yes`) is one grant that
//! always holds, so every reader of `may` sees the same shape.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::condition::Condition;
use super::reason::{Reason, Shape};
use super::spanned::{Pos, Spanned};
use super::values::{Limit, LimitVisitor};

/// The prefix of a fact's key in a grant's `per`: `facts.passengers`.
const FACTS: &str = "facts.";

/// A role's grants of one action, in the order they are tried; never empty.
#[derive(Debug)]
pub struct Grants {
    pub list: Vec<Spanned<Grant>>,
    /// Written as version 1's plain limit (`replace: 30`), not as a list.
    pub plain: bool,
}

/// One grant: where `when` holds, the role may grant up to `up_to`, times
/// the fact `per` when given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    #[serde(default)]
    pub when: Option<Spanned<Condition>>,
    pub up_to: Spanned<Limit>,
    /// The fact (its key, without `facts.`) the limit is multiplied by.
    #[serde(default, deserialize_with = "per_fact")]
    pub per: Option<Spanned<String>>,
}

impl Grant {
    /// Whether the grant holds whatever the case: no `when`, no `per`.
    pub fn always_holds(&self) -> bool {
        self.when.is_none() && self.per.is_none()
    }
}

impl Grants {
    /// The limit of a grant that always holds and comes first, as version 1's
    /// `may` has it; `None` where what the role may grant depends on the case.
    pub fn unconditional(&self) -> Option<Limit> {
        let first = self.list.first()?;
        first.always_holds().then_some(first.up_to.value)
    }

    /// Whether any grant depends on the case (`when` or `per`).
    pub fn is_conditional(&self) -> bool {
        self.list.iter().any(|g| !g.always_holds())
    }

    /// Give grants read without a position of their own (the plain form) the
    /// position of the `may` entry they came from.
    pub(super) fn place_at(&mut self, pos: Pos) {
        for grant in &mut self.list {
            if !grant.pos.is_known() {
                grant.pos = pos;
                grant.value.up_to.pos = pos;
            }
        }
    }
}

fn per_fact<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Spanned<String>>, D::Error> {
    let Some(key) = Option::<Spanned<String>>::deserialize(d)? else {
        return Ok(None);
    };
    match key.strip_prefix(FACTS) {
        Some(fact) if !fact.is_empty() => Ok(Some(Spanned::new(fact.to_owned(), key.pos))),
        _ => Err(Reason::PerNotAFact {
            found: key.value.clone(),
        }
        .raise_at(key.pos)),
    }
}

impl<'de> Deserialize<'de> for Grants {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct GrantsVisitor;
        impl GrantsVisitor {
            fn plain(limit: Limit) -> Grants {
                Grants {
                    list: vec![Spanned::new(
                        Grant {
                            when: None,
                            up_to: Spanned::new(limit, Pos::UNKNOWN),
                            per: None,
                        },
                        Pos::UNKNOWN,
                    )],
                    plain: true,
                }
            }
        }
        impl<'de> Visitor<'de> for GrantsVisitor {
            type Value = Grants;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Grants, f)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Grants, E> {
                LimitVisitor.visit_bool(v).map(Self::plain)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Grants, E> {
                LimitVisitor.visit_u64(v).map(Self::plain)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Grants, E> {
                LimitVisitor.visit_i64(v).map(Self::plain)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Grants, E> {
                LimitVisitor.visit_f64(v).map(Self::plain)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Grants, E> {
                LimitVisitor.visit_str(v).map(Self::plain)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Grants, A::Error> {
                // The loader reads a document again without an entry that
                // failed (its error is kept), so a list can come out empty
                // although it was written with entries: only one written
                // empty is this error. The document is not taken as good
                // then, so the empty list is never used.
                let written = seq.size_hint();
                let mut list = Vec::new();
                while let Some(grant) = seq.next_element::<Spanned<Grant>>()? {
                    list.push(grant);
                }
                if list.is_empty() && written.is_none_or(|n| n == 0) {
                    return Err(Reason::EmptyGrants.raise());
                }
                Ok(Grants { list, plain: false })
            }
        }
        d.deserialize_any(GrantsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use crate::playbook::{Limit, Reason, load};

    fn playbook(may: &str) -> String {
        format!(
            "playbook: t\ntitle: T\ncompany: C\nphilosophy: {{statement: S}}\n\
             actions:\n  - {{id: certificate, title: Certificate}}\n\
             roles:\n  - id: agent\n    title: Agent\n    may:\n      certificate: {may}\n\
             steps:\n  - {{id: s, title: S, goal: G}}\n"
        )
    }

    fn rejection(may: &str) -> (Reason, u32, u32) {
        let err = load::parse(&playbook(may)).expect_err("the grant is rejected");
        (*err.reason, err.pos.line, err.pos.column)
    }

    #[test]
    fn a_plain_limit_is_one_grant_that_always_holds_at_the_entry() {
        let pb = load::parse(&playbook("30")).unwrap();
        let grants = pb.roles[0].grants("certificate").unwrap();
        assert!(grants.plain);
        assert_eq!(grants.unconditional(), Some(Limit::Amount(30.0)));
        assert_eq!(
            (grants.list[0].pos.line, grants.list[0].pos.column),
            (11, 20)
        );
        let pb = load::parse(&playbook("yes")).unwrap();
        let grants = pb.roles[0].grants("certificate").unwrap();
        assert_eq!(grants.unconditional(), Some(Limit::Unlimited));
    }

    #[test]
    fn a_list_of_grants_keeps_each_condition_limit_and_per_fact() {
        let pb = load::parse(&playbook(
            "\n        - { when: { facts.flight_status: cancelled }, up_to: 100, per: facts.passengers }\
             \n        - { up_to: yes }",
        ))
        .unwrap();
        let grants = pb.roles[0].grants("certificate").unwrap();
        assert!(!grants.plain && grants.is_conditional());
        assert_eq!(grants.unconditional(), None);
        let first = &grants.list[0];
        assert!(first.when.is_some());
        assert_eq!(first.up_to.value, Limit::Amount(100.0));
        assert_eq!(first.per.as_deref().map(String::as_str), Some("passengers"));
        assert_eq!((first.pos.line, first.pos.column), (12, 11));
        assert!(grants.list[1].always_holds());
    }

    #[test]
    fn an_empty_list_of_grants_is_rejected_where_it_stands() {
        assert_eq!(rejection("[]"), (Reason::EmptyGrants, 11, 20));
    }

    #[test]
    fn a_list_whose_only_grant_is_wrong_is_that_error_alone_not_an_empty_list() {
        let errors = load::parse_all(&playbook("[{ up_to: -5 }]")).expect_err("rejected");
        let reasons: Vec<&Reason> = errors.iter().map(|e| &*e.reason).collect();
        assert!(matches!(reasons[..], [Reason::Value(_)]), "{reasons:?}");
    }

    #[test]
    fn per_must_name_a_fact_and_is_rejected_at_its_node() {
        assert_eq!(
            rejection("[{ up_to: 50, per: passengers }]"),
            (
                Reason::PerNotAFact {
                    found: "passengers".into()
                },
                11,
                39
            )
        );
    }

    #[test]
    fn a_grant_needs_up_to_and_knows_no_other_field() {
        let (reason, line, _) = rejection("[{ when: { facts.a: 1 } }]");
        assert!(matches!(reason, Reason::MissingField { ref field, .. } if field == "up_to"));
        assert_eq!(line, 11);
        let (reason, _, _) = rejection("[{ up_to: 5, upto: 6 }]");
        assert!(matches!(reason, Reason::UnknownField { ref field, .. } if field == "upto"));
    }

    #[test]
    fn a_grant_limit_is_read_as_a_plain_limit_is() {
        let (reason, _, _) = rejection("[{ up_to: -5 }]");
        assert!(matches!(reason, Reason::Value(_)), "{reason:?}");
        let (reason, _, _) = rejection("no");
        assert!(matches!(reason, Reason::Value(_)), "{reason:?}");
    }
}
