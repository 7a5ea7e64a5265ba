//! Conditions (`when`): the context in which a rule applies or a case must go
//! up the ladder.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::model::Negation;
use super::reason::{Reason, Shape};
use super::spanned::{Pos, Spanned};
use super::values::{Duration, Limit, Scalar, Texts};

/// A condition (`when`): every clause must hold.
#[derive(Debug, Default)]
pub struct Condition {
    pub clauses: Vec<Spanned<Clause>>,
}

impl Condition {
    /// Whether every clause is about the proposed action (`action`, `amount`).
    pub fn is_only_about_the_action(&self) -> bool {
        self.clauses
            .iter()
            .all(|c| matches!(c.value, Clause::Action(_) | Clause::Amount(_)))
    }

    pub fn action(&self) -> Option<&Spanned<String>> {
        self.clauses.iter().find_map(|c| match &c.value {
            Clause::Action(id) => Some(id),
            _ => None,
        })
    }

    pub fn amount(&self) -> Option<(&AmountBounds, Pos)> {
        self.clauses.iter().find_map(|c| match &c.value {
            Clause::Amount(b) => Some((b, c.pos)),
            _ => None,
        })
    }
}

/// One entry of a condition.
#[derive(Debug)]
pub enum Clause {
    /// The customer's last message contains one of these phrases.
    CustomerSays(Says),
    /// Contacts about this issue, this one included.
    Contacts(Bounds<u32>),
    /// How long the customer has waited.
    Waiting(Bounds<Duration>),
    CustomerMood(Texts),
    CustomerTier(Texts),
    /// `facts.KEY: value`.
    Fact {
        key: String,
        value: Scalar,
    },
    /// The proposed action (escalation rules only).
    Action(Spanned<String>),
    /// The proposed action's amount (escalation rules only).
    Amount(AmountBounds),
}

impl Clause {
    /// The key as written in YAML.
    pub fn key(&self) -> String {
        match self {
            Clause::CustomerSays(_) => "customer_says".into(),
            Clause::Contacts(_) => "contacts".into(),
            Clause::Waiting(_) => "waiting".into(),
            Clause::CustomerMood(_) => "customer.mood".into(),
            Clause::CustomerTier(_) => "customer.tier".into(),
            Clause::Fact { key, .. } => [FACTS, key].concat(),
            Clause::Action(_) => "action".into(),
            Clause::Amount(_) => "amount".into(),
        }
    }
}

/// The keys a condition may have (`facts.KEY` for any fact), for "expected
/// one of" and "did you mean".
pub const CONDITION_KEYS: &[&str] = &[
    "customer_says",
    "contacts",
    "waiting",
    "customer.mood",
    "customer.tier",
    "facts.KEY",
    "action",
    "amount",
];

/// The prefix of a fact's key in a condition: `facts.at_fault`.
const FACTS: &str = "facts.";

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ConditionVisitor;
        impl<'de> Visitor<'de> for ConditionVisitor {
            type Value = Condition;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Conditions, f)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
                let mut clauses = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let clause = match key.as_str() {
                        "customer_says" => map.next_value().map(Clause::CustomerSays)?,

                        "contacts" => map.next_value().map(Clause::Contacts)?,
                        "waiting" => map.next_value().map(Clause::Waiting)?,
                        "customer.mood" => map.next_value().map(Clause::CustomerMood)?,
                        "customer.tier" => map.next_value().map(Clause::CustomerTier)?,
                        "action" => map.next_value().map(Clause::Action)?,
                        "amount" => map.next_value().map(Clause::Amount)?,
                        other => match other.strip_prefix(FACTS) {
                            Some(fact) if !fact.is_empty() => Clause::Fact {
                                key: fact.to_owned(),
                                value: map.next_value()?,
                            },
                            _ => {
                                return Err(Reason::UnknownCondition {
                                    key: other.to_owned(),
                                }
                                .raise_at(key.pos));
                            }
                        },
                    };
                    clauses.push(Spanned::new(clause, key.pos));
                }
                Ok(Condition { clauses })
            }
        }
        deserializer.deserialize_map(ConditionVisitor)
    }
}

/// The phrases of `customer_says`: a list (or one text), or
/// `{phrases: [...], negation: ignore}` to count negated occurrences too.
#[derive(Debug, Default)]
pub struct Says {
    pub phrases: Texts,
    /// `negation: ignore`: as in version 1, a negated occurrence counts.
    pub negation: Negation,
}

impl Says {
    pub fn iter(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.phrases.iter()
    }

    pub fn ignores_negation(&self) -> bool {
        self.negation == Negation::Ignore
    }
}

impl std::ops::Deref for Says {
    type Target = Texts;
    fn deref(&self) -> &Texts {
        &self.phrases
    }
}

/// The long form of [`Says`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaysMap {
    phrases: Texts,
    #[serde(default)]
    negation: Negation,
}

impl<'de> Deserialize<'de> for Says {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SaysVisitor;
        impl<'de> Visitor<'de> for SaysVisitor {
            type Value = Says;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Says, f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Says, E> {
                Ok(Says {
                    phrases: Texts(vec![Spanned::unplaced(v.to_owned())]),
                    negation: Negation::Respect,
                })
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Says, A::Error> {
                let phrases = Texts::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Says {
                    phrases,
                    negation: Negation::Respect,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Says, A::Error> {
                let long = SaysMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Says {
                    phrases: long.phrases,
                    negation: long.negation,
                })
            }
        }
        d.deserialize_any(SaysVisitor)
    }
}

/// `{min, max}`, both inclusive, either optional.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bounds<T> {
    #[serde(default)]
    pub min: Option<Spanned<T>>,
    #[serde(default)]
    pub max: Option<Spanned<T>>,
}

impl<T: PartialOrd> Bounds<T> {
    pub fn contains(&self, v: &T) -> bool {
        self.min.as_ref().is_none_or(|m| *v >= m.value)
            && self.max.as_ref().is_none_or(|m| *v <= m.value)
    }
}

/// Bounds on a proposed action's amount; every one given must hold.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountBounds {
    #[serde(default)]
    pub over: Option<Spanned<f64>>,
    #[serde(default)]
    pub at_least: Option<Spanned<f64>>,
    #[serde(default)]
    pub under: Option<Spanned<f64>>,
    #[serde(default)]
    pub at_most: Option<Spanned<f64>>,
}

impl AmountBounds {
    pub fn contains(&self, amount: f64) -> bool {
        self.over.as_ref().is_none_or(|b| amount > b.value)
            && self.at_least.as_ref().is_none_or(|b| amount >= b.value)
            && self.under.as_ref().is_none_or(|b| amount < b.value)
            && self.at_most.as_ref().is_none_or(|b| amount <= b.value)
    }

    /// Whether some amount in `[0, limit]` satisfies every bound.
    pub fn overlaps_up_to(&self, limit: Limit) -> bool {
        // The lowest amount the bounds allow, and whether it is itself allowed.
        let mut low = (0.0_f64, true);
        if let Some(b) = &self.over {
            low = max_low(low, (b.value, false));
        }
        if let Some(b) = &self.at_least {
            low = max_low(low, (b.value, true));
        }
        let mut high = match limit {
            Limit::Amount(l) => (l, true),
            Limit::Unlimited => (f64::INFINITY, true),
        };
        if let Some(b) = &self.under {
            high = min_high(high, (b.value, false));
        }
        if let Some(b) = &self.at_most {
            high = min_high(high, (b.value, true));
        }
        low.0 < high.0 || (low.0 == high.0 && low.1 && high.1)
    }
}

fn max_low(a: (f64, bool), b: (f64, bool)) -> (f64, bool) {
    if b.0 > a.0 || (b.0 == a.0 && !b.1) {
        b
    } else {
        a
    }
}

fn min_high(a: (f64, bool), b: (f64, bool)) -> (f64, bool) {
    if b.0 < a.0 || (b.0 == a.0 && !b.1) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(
        over: Option<f64>,
        at_least: Option<f64>,
        under: Option<f64>,
        at_most: Option<f64>,
    ) -> AmountBounds {
        let s = |v: Option<f64>| v.map(Spanned::unplaced);
        AmountBounds {
            over: s(over),
            at_least: s(at_least),
            under: s(under),
            at_most: s(at_most),
        }
    }

    #[test]
    fn amounts_over_a_limit_do_not_overlap_what_the_limit_allows() {
        // "refunds over 500 go up" and "may refund 500": no amount is both.
        assert!(!bounds(Some(500.0), None, None, None).overlaps_up_to(Limit::Amount(500.0)));
        // "over 30 go up" and "may refund 50": 31 to 50 are both.
        assert!(bounds(Some(30.0), None, None, None).overlaps_up_to(Limit::Amount(50.0)));
        // "at least 50" and "may refund 50": exactly 50 is both.
        assert!(bounds(None, Some(50.0), None, None).overlaps_up_to(Limit::Amount(50.0)));
        assert!(bounds(Some(1e9), None, None, None).overlaps_up_to(Limit::Unlimited));
    }

    #[test]
    fn empty_ranges_overlap_nothing() {
        assert!(!bounds(Some(10.0), None, Some(10.0), None).overlaps_up_to(Limit::Unlimited));
        assert!(bounds(None, Some(10.0), None, Some(10.0)).overlaps_up_to(Limit::Unlimited));
    }

    #[test]
    fn amount_bounds_hold_only_when_every_bound_does() {
        let b = bounds(Some(10.0), None, None, Some(20.0));
        assert!(!b.contains(10.0));
        assert!(b.contains(10.5));
        assert!(b.contains(20.0));
        assert!(!b.contains(20.5));
    }
}
