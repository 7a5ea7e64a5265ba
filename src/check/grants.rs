//! Conditional grants against each other: when two grants are the same case
//! (`ladder-inversion` compares only those), and when an earlier grant of a
//! role's list holds wherever a later one does (`unreachable-grant`).
//!
//! Both questions are answered on the conditions as written, not by solving
//! them: "the same" is structural equality, "covers" a sufficient test that
//! never says yes wrongly. What the tests do not see (bounds that nest, a
//! `not`, an `any` in the later grant) is taken as different or not covered,
//! so a check built on them stays quiet rather than wrong.

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{
    AmountBounds, Bounds, Clause, Condition, FactBounds, Grant, Scalar, Spanned, Texts,
};
use crate::words::check::{Help, Message};

/// Whether two grants are the same case: identical conditions (clauses in
/// any order, positions ignored) and the same `per` fact. A grant without
/// `when` or `per` is the case that always holds, so plain limits compare
/// as in version 1.
pub fn same_case(a: &Grant, b: &Grant) -> bool {
    let when = match (&a.when, &b.when) {
        (None, None) => true,
        (Some(a), Some(b)) => same_condition(a, b),
        _ => false,
    };
    when && per(a) == per(b)
}

fn per(grant: &Grant) -> Option<&str> {
    grant.per.as_ref().map(|p| p.value.as_str())
}

/// Whether `earlier` holds wherever `later` holds, so that `later`, tried
/// after it, is never the first to hold.
///
/// `earlier` holds where its `when` holds and its `per` fact is a number;
/// `later` holding gives its own `when` and its own `per` fact. So `earlier`
/// covers `later` when it has no `per` or the same one, and every clause of
/// its `when` follows from one clause of `later`'s (see [`implied_by`]).
pub fn covers(earlier: &Grant, later: &Grant) -> bool {
    if earlier.per.is_some() && per(earlier) != per(later) {
        return false;
    }
    match (&earlier.when, &later.when) {
        (None, _) => true,
        (Some(e), Some(l)) => implied_by(e, &l.clauses),
        (Some(e), None) => e.clauses.is_empty(),
    }
}

/// Whether every clause of `condition` follows from one of `given` (all of
/// which hold).
fn implied_by(condition: &Condition, given: &[Spanned<Clause>]) -> bool {
    condition.clauses.iter().all(|c| match &c.value {
        // One alternative that follows is enough.
        Clause::Any(list) => list.iter().any(|alt| implied_by(alt, given)),
        wanted => given.iter().any(|g| clause_implies(&g.value, wanted)),
    })
}

/// Whether `given` holding makes `wanted` hold: the same clause, or a test
/// of the same thing that admits fewer values (a fact equal to one of a
/// list, a one-of list within a longer one, tiers and moods likewise).
fn clause_implies(given: &Clause, wanted: &Clause) -> bool {
    if same_clause(given, wanted) {
        return true;
    }
    match (given, wanted) {
        (Clause::Fact { key: k, value }, Clause::FactOneOf { key, values }) => {
            k == key && values.iter().any(|v| v.same_as(value))
        }
        (
            Clause::FactOneOf {
                key: k,
                values: few,
            },
            Clause::FactOneOf { key, values },
        ) => k == key && few.iter().all(|f| values.iter().any(|v| v.same_as(f))),
        (Clause::CustomerTier(few), Clause::CustomerTier(many))
        | (Clause::CustomerMood(few), Clause::CustomerMood(many)) => subset(few, many),
        _ => false,
    }
}

/// Whether two conditions are the same: the same clauses, in any order
/// (keys of a map are unique, so each clause has at most one partner).
pub fn same_condition(a: &Condition, b: &Condition) -> bool {
    same_set(&a.clauses, &b.clauses, |x, y| {
        same_clause(&x.value, &y.value)
    })
}

/// Equal as sets: every item of each has an equal one in the other. Lists
/// here are conjunctions or alternatives, where a repeated item changes
/// nothing, so this is equality of meaning, not only of text.
fn same_set<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
    a.iter().all(|x| b.iter().any(|y| eq(x, y))) && b.iter().all(|y| a.iter().any(|x| eq(x, y)))
}

fn subset(few: &Texts, many: &Texts) -> bool {
    few.iter().all(|f| many.iter().any(|m| m.value == f.value))
}

fn same_texts(a: &Texts, b: &Texts) -> bool {
    same_set(&a.0, &b.0, |x, y| x.value == y.value)
}

fn same_scalars(a: &[Scalar], b: &[Scalar]) -> bool {
    same_set(a, b, Scalar::same_as)
}

fn same_bounds<T: PartialEq>(a: &Bounds<T>, b: &Bounds<T>) -> bool {
    a.min == b.min && a.max == b.max
}

fn same_fact_bounds(a: &FactBounds, b: &FactBounds) -> bool {
    a.min == b.min && a.max == b.max && a.over == b.over && a.under == b.under
}

fn same_amount_bounds(a: &AmountBounds, b: &AmountBounds) -> bool {
    a.over == b.over && a.at_least == b.at_least && a.under == b.under && a.at_most == b.at_most
}

fn same_clause(a: &Clause, b: &Clause) -> bool {
    match (a, b) {
        (Clause::CustomerSays(a), Clause::CustomerSays(b)) => {
            a.negation == b.negation && same_texts(&a.phrases, &b.phrases)
        }
        (Clause::Contacts(a), Clause::Contacts(b)) => same_bounds(a, b),
        (Clause::Waiting(a), Clause::Waiting(b)) => same_bounds(a, b),
        (Clause::CustomerMood(a), Clause::CustomerMood(b))
        | (Clause::CustomerTier(a), Clause::CustomerTier(b)) => same_texts(a, b),
        (Clause::Fact { key: ka, value: a }, Clause::Fact { key: kb, value: b }) => {
            ka == kb && a.same_as(b)
        }
        (Clause::FactOneOf { key: ka, values: a }, Clause::FactOneOf { key: kb, values: b }) => {
            ka == kb && same_scalars(a, b)
        }
        (Clause::FactRange { key: ka, bounds: a }, Clause::FactRange { key: kb, bounds: b }) => {
            ka == kb && same_fact_bounds(a, b)
        }
        (Clause::Any(a), Clause::Any(b)) => same_set(a, b, same_condition),
        (Clause::Not(a), Clause::Not(b)) => same_condition(a, b),
        (Clause::Escalated(a), Clause::Escalated(b)) | (Clause::Action(a), Clause::Action(b)) => {
            a == b
        }
        (Clause::Amount(a), Clause::Amount(b)) => same_amount_bounds(a, b),
        _ => false,
    }
}

/// `unreachable-grant`: a grant of a role's list that an earlier grant of
/// the same list covers is never the one that applies. Reported once per
/// grant, against the first grant that covers it.
pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    for role in pb.roles.iter() {
        for (action, grants) in role.may.iter() {
            let list = &grants.value.list;
            for (later_index, later) in list.iter().enumerate() {
                let Some((earlier_index, earlier)) = list[..later_index]
                    .iter()
                    .enumerate()
                    .find(|(_, e)| covers(e, later))
                else {
                    continue;
                };
                ctx.report(
                    Code::UnreachableGrant,
                    later.pos,
                    Message::UnreachableGrant {
                        role: &role.id,
                        action,
                        index: later_index + 1,
                        earlier: earlier_index + 1,
                        when: earlier.when.as_ref().map(|w| &w.value),
                        per: earlier.per.as_ref().map(|p| p.value.as_str()),
                    },
                )
                .help(Help::MoveGrantBefore {
                    role: &role.id,
                    action,
                    earlier: earlier_index + 1,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::load;

    /// The grants of `agent`'s `certificate`, written as a YAML list.
    fn grants(list: &str) -> crate::playbook::Playbook {
        let text = format!(
            "playbook: t\ntitle: T\ncompany: C\nphilosophy: {{statement: S}}\n\
             actions:\n  - {{id: certificate, title: Certificate}}\n\
             roles:\n  - id: agent\n    title: Agent\n    may:\n      certificate: {list}\n\
             steps:\n  - {{id: s, title: S, goal: G}}\n"
        );
        load::parse(&text).unwrap_or_else(|e| panic!("{list}: {e:?}"))
    }

    fn pair(a: &str, b: &str, f: fn(&Grant, &Grant) -> bool) -> bool {
        let pb = grants(&format!("[{a}, {b}]"));
        let list = &pb.roles[0].grants("certificate").unwrap().list;
        f(&list[0], &list[1])
    }

    #[test]
    fn the_same_case_ignores_the_order_of_clauses_and_of_alternatives() {
        let a = "{ when: { facts.status: delayed, facts.tier: [silver, gold] }, up_to: 50, per: facts.passengers }";
        let b = "{ when: { facts.tier: [gold, silver], facts.status: delayed }, up_to: 80, per: facts.passengers }";
        assert!(pair(a, b, same_case));
        let any_a = "{ when: { any: [ { facts.cabin: business }, { facts.hours: { under: 24 } } ] }, up_to: 1 }";
        let any_b = "{ when: { any: [ { facts.hours: { under: 24 } }, { facts.cabin: business } ] }, up_to: 2 }";
        assert!(pair(any_a, any_b, same_case));
    }

    #[test]
    fn a_different_value_bound_or_per_fact_is_a_different_case() {
        let delayed = "{ when: { facts.status: delayed }, up_to: 50 }";
        assert!(!pair(
            delayed,
            "{ when: { facts.status: cancelled }, up_to: 50 }",
            same_case
        ));
        assert!(!pair(
            delayed,
            "{ when: { facts.status: delayed }, up_to: 50, per: facts.passengers }",
            same_case
        ));
        assert!(!pair(
            "{ when: { facts.hours: { under: 24 } }, up_to: 1 }",
            "{ when: { facts.hours: { under: 48 } }, up_to: 1 }",
            same_case
        ));
        assert!(!pair(delayed, "{ up_to: 50 }", same_case));
        assert!(pair("{ up_to: 5 }", "{ up_to: 50 }", same_case));
        // `3` and `3.0` are the same value, as the engine compares facts.
        assert!(pair(
            "{ when: { facts.n: 3 }, up_to: 1 }",
            "{ when: { facts.n: 3.0 }, up_to: 1 }",
            same_case
        ));
    }

    #[test]
    fn an_earlier_grant_covers_a_later_one_when_its_clauses_follow_from_the_later_ones() {
        let always = "{ up_to: 10 }";
        let delayed = "{ when: { facts.status: delayed }, up_to: 50 }";
        let delayed_gold = "{ when: { facts.status: delayed, facts.tier: gold }, up_to: 80 }";
        assert!(pair(always, delayed, covers));
        assert!(pair(delayed, delayed_gold, covers));
        assert!(!pair(delayed_gold, delayed, covers));
        // A value within the earlier one-of list follows from it.
        let silver_or_gold = "{ when: { facts.tier: [silver, gold] }, up_to: 50 }";
        assert!(pair(
            silver_or_gold,
            "{ when: { facts.tier: gold }, up_to: 80 }",
            covers
        ));
        assert!(pair(
            silver_or_gold,
            "{ when: { facts.tier: [gold] }, up_to: 80 }",
            covers
        ));
        assert!(!pair(
            silver_or_gold,
            "{ when: { facts.tier: [gold, bronze] }, up_to: 80 }",
            covers
        ));
        // One alternative of an earlier `any` that follows is enough.
        assert!(pair(
            "{ when: { any: [ { facts.cabin: business }, { facts.status: cancelled } ] }, up_to: yes }",
            "{ when: { facts.status: cancelled, facts.tier: gold }, up_to: yes }",
            covers
        ));
    }

    #[test]
    fn a_per_fact_limits_what_an_earlier_grant_covers() {
        // The earlier grant does not hold where `passengers` is absent; the
        // later one, without `per`, may.
        let per = "{ up_to: 50, per: facts.passengers }";
        assert!(!pair(per, "{ up_to: 10 }", covers));
        assert!(!pair(per, "{ up_to: 10, per: facts.bags }", covers));
        assert!(pair(
            per,
            "{ when: { facts.tier: gold }, up_to: 80, per: facts.passengers }",
            covers
        ));
        // An earlier grant without `per` holds whatever the later one's is.
        assert!(pair("{ up_to: 5 }", per, covers));
    }

    #[test]
    fn a_later_grant_that_can_hold_first_is_never_covered() {
        // Each later grant holds, first, in some case: under 24 hours is
        // not all of under 48; gold with 10 hours is not "not gold"; gold
        // without `n: 2` is not the earlier grant's case.
        assert!(!pair(
            "{ when: { facts.hours: { under: 24 } }, up_to: 1 }",
            "{ when: { facts.hours: { under: 48 } }, up_to: 2 }",
            covers
        ));
        assert!(!pair(
            "{ when: { not: { facts.tier: gold } }, up_to: 1 }",
            "{ when: { facts.hours: { under: 24 } }, up_to: 2 }",
            covers
        ));
        assert!(!pair(
            "{ when: { facts.tier: gold, facts.n: 2 }, up_to: 1 }",
            "{ when: { facts.tier: gold }, up_to: 2 }",
            covers
        ));
        assert!(!pair(
            "{ when: { any: [ { facts.tier: gold }, { facts.cabin: business } ] }, up_to: 1 }",
            "{ when: { any: [ { facts.tier: gold }, { facts.hours: { under: 24 } } ] }, up_to: 2 }",
            covers
        ));
    }
}
