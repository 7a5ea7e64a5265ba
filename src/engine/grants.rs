//! Conditional empowerment, compiled: each role's grants of each action with
//! their conditions compiled once per playbook, and the grant that holds in
//! a context (`shared/spec/PLAYBOOK.md`, "Conditional empowerment").
//!
//! Finding the holding grant allocates nothing: conditions are compiled, the
//! `per` fact is looked up by key, and the result is `Copy`.

use super::condition::{CompiledCondition, FactKeys, FactValues};
use super::context::{Context, Proposal};
use super::matcher::PatternError;
use super::negation::{Cues, Said};
use crate::playbook::{Limit, Playbook};

/// The grant that holds for a role and an action in one context, and the
/// limit it gives there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GrantApplied {
    /// The rank of the role whose grant it is.
    pub role: usize,
    /// Its place in the role's list for the action (0 for a plain limit).
    pub index: usize,
    /// The grant's `up_to`, as written.
    pub up_to: Limit,
    /// The value of its `per` fact, where it has one.
    pub per_value: Option<f64>,
    /// What it allows in this context: `up_to`, times the `per` fact.
    pub limit: Limit,
}

/// Every role's grants, compiled.
#[derive(Debug)]
pub struct CompiledGrants<'p> {
    /// By rank: the actions the role may grant, each with its grants in the
    /// order they are tried. A role grants few actions, so a list is faster
    /// than a map here.
    roles: Vec<Vec<ActionGrants<'p>>>,
}

/// One role's grants of one action.
#[derive(Debug)]
struct ActionGrants<'p> {
    action: &'p str,
    list: Vec<CompiledGrant<'p>>,
    /// The facts the grants' `when` name: they mostly ask about the same
    /// few, so each is looked up once per ruling, not once per grant.
    keys: FactKeys<'p>,
}

#[derive(Debug)]
struct CompiledGrant<'p> {
    when: Option<CompiledCondition<'p>>,
    up_to: Limit,
    /// The `per` fact and its slot in the action's keys.
    per: Option<(&'p str, usize)>,
}

impl<'p> CompiledGrants<'p> {
    /// Compile every grant's condition. Fails as a rule's condition does (a
    /// `customer_says` phrase over the length limit).
    pub fn new(playbook: &'p Playbook, cues: &Cues) -> Result<Self, PatternError> {
        let roles = playbook
            .roles
            .iter()
            .map(|role| {
                role.may
                    .iter()
                    .map(|(action, grants)| {
                        let owner = format!("{}/{}", role.id.as_str(), action.as_str());
                        let mut keys = FactKeys::default();
                        let list = grants
                            .list
                            .iter()
                            .map(|grant| {
                                Ok(CompiledGrant {
                                    when: grant
                                        .when
                                        .as_ref()
                                        .map(|w| {
                                            CompiledCondition::with_keys(
                                                w,
                                                &owner,
                                                w.pos,
                                                &playbook.roles,
                                                cues,
                                                &mut keys,
                                            )
                                        })
                                        .transpose()?,
                                    up_to: grant.up_to.value,
                                    per: grant.per.as_ref().map(|p| {
                                        let key = p.value.as_str();
                                        (key, keys.slot(key))
                                    }),
                                })
                            })
                            .collect::<Result<Vec<_>, PatternError>>()?;
                        Ok(ActionGrants {
                            action: action.as_str(),
                            list,
                            keys,
                        })
                    })
                    .collect::<Result<Vec<_>, PatternError>>()
            })
            .collect::<Result<Vec<_>, PatternError>>()?;
        Ok(CompiledGrants { roles })
    }

    /// The first grant of the role of rank `rank` for `action` whose `when`
    /// holds and whose `per` fact (if any) is a number; `None` where the
    /// action is not the role's to grant in this context.
    pub fn holding(
        &self,
        rank: usize,
        action: &str,
        context: &Context,
        message: &Said,
        proposal: Option<&Proposal>,
    ) -> Option<GrantApplied> {
        let grants = self.roles.get(rank)?.iter().find(|g| g.action == action)?;
        let facts = FactValues::new(&grants.keys, context);
        grants.list.iter().enumerate().find_map(|(index, grant)| {
            if let Some(when) = &grant.when
                && !when.holds_with(&facts, message, proposal)
            {
                return None;
            }
            let per_value = match grant.per {
                // An absent or non-number fact: the grant does not hold.
                Some((key, slot)) => Some(facts.get(slot, key)?.as_number()?),
                None => None,
            };
            Some(GrantApplied {
                role: rank,
                index,
                up_to: grant.up_to,
                per_value,
                limit: times(grant.up_to, per_value),
            })
        })
    }

    /// The number of roles compiled.
    pub fn ranks(&self) -> usize {
        self.roles.len()
    }
}

/// A grant's limit times its `per` fact's value; a negative count allows
/// nothing.
fn times(up_to: Limit, per: Option<f64>) -> Limit {
    match (up_to, per) {
        (Limit::Amount(amount), Some(n)) => Limit::Amount(amount * n.max(0.0)),
        (limit, _) => limit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::{Scalar, load};

    const PLAYBOOK: &str = "playbook: t\ntitle: T\ncompany: C\nphilosophy: {statement: S}\n\
        actions:\n  - {id: certificate, title: Certificate, unit: USD}\n\
        roles:\n  - id: agent\n    title: Agent\n    may:\n      certificate:\n\
        \x20       - { when: { facts.status: cancelled }, up_to: 100, per: facts.passengers }\n\
        \x20       - { when: { facts.status: delayed }, up_to: 50, per: facts.passengers }\n\
        \x20       - { up_to: 10 }\n\
        \x20 - id: lead\n    title: Lead\n    may:\n      certificate: yes\n\
        steps:\n  - {id: s, title: S, goal: G}\n";

    fn applied(facts: &[(&str, Scalar)]) -> (Option<GrantApplied>, Option<GrantApplied>) {
        let pb = load::parse(PLAYBOOK).unwrap();
        let grants = CompiledGrants::new(&pb, &Cues::new::<&str>(&[])).unwrap();
        let mut context = Context::default();
        for (k, v) in facts {
            context.facts.insert((*k).to_owned(), v.clone());
        }
        let said = Said::default();
        (
            grants.holding(0, "certificate", &context, &said, None),
            grants.holding(1, "certificate", &context, &said, None),
        )
    }

    #[test]
    fn the_first_holding_grant_gives_the_limit_times_its_per_fact() {
        let (agent, lead) = applied(&[
            ("status", Scalar::Text("delayed".into())),
            ("passengers", Scalar::Int(3)),
        ]);
        let agent = agent.unwrap();
        assert_eq!((agent.index, agent.per_value), (1, Some(3.0)));
        assert_eq!(agent.limit, Limit::Amount(150.0));
        assert_eq!(lead.unwrap().limit, Limit::Unlimited);
    }

    #[test]
    fn a_grant_whose_per_fact_is_absent_or_not_a_number_does_not_hold() {
        let (agent, _) = applied(&[("status", Scalar::Text("cancelled".into()))]);
        assert_eq!(
            agent.map(|g| (g.index, g.limit)),
            Some((2, Limit::Amount(10.0)))
        );
        let (agent, _) = applied(&[
            ("status", Scalar::Text("cancelled".into())),
            ("passengers", Scalar::Text("three".into())),
        ]);
        assert_eq!(agent.map(|g| g.index), Some(2));
    }

    #[test]
    fn an_action_a_role_does_not_list_has_no_holding_grant() {
        let pb = load::parse(PLAYBOOK).unwrap();
        let grants = CompiledGrants::new(&pb, &Cues::new::<&str>(&[])).unwrap();
        let said = Said::default();
        assert_eq!(
            grants.holding(0, "refund", &Context::default(), &said, None),
            None
        );
        assert_eq!(
            grants.holding(7, "certificate", &Context::default(), &said, None),
            None
        );
    }

    #[test]
    fn a_grant_naming_more_facts_than_the_cache_holds_still_reads_every_one() {
        // Twenty facts: the last four are past the slots kept on the stack.
        let when: Vec<String> = (0..20).map(|i| format!("facts.f{i}: {i}")).collect();
        let text = PLAYBOOK.replace(
            "{ up_to: 10 }",
            &format!("{{ when: {{ {} }}, up_to: 10 }}", when.join(", ")),
        );
        let pb = load::parse(&text).unwrap();
        let grants = CompiledGrants::new(&pb, &Cues::new::<&str>(&[])).unwrap();
        let mut context = Context::default();
        for i in 0..20 {
            context.facts.insert(format!("f{i}"), Scalar::Int(i));
        }
        let said = Said::default();
        assert_eq!(
            grants
                .holding(0, "certificate", &context, &said, None)
                .map(|g| g.index),
            Some(2)
        );
        context.facts.insert("f19".into(), Scalar::Int(0));
        assert_eq!(
            grants.holding(0, "certificate", &context, &said, None),
            None
        );
    }
}
