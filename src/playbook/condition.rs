//! Conditions (`when`): the context in which a rule applies or a case must go
//! up the ladder.

use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

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
    /// `facts.KEY: [a, b]`: the fact is one of these.
    FactOneOf {
        key: String,
        values: Vec<Scalar>,
    },
    /// `facts.KEY: {min, max, over, under}`: the fact is a number within
    /// every bound given.
    FactRange {
        key: String,
        bounds: FactBounds,
    },
    /// `any: [COND, ...]`: at least one of the conditions holds (never empty).
    Any(Vec<Condition>),
    /// `not: COND`: the condition does not hold.
    Not(Box<Condition>),
    /// `escalated: ROLE`: the case is with this role or a more senior one.
    Escalated(Spanned<String>),
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
            Clause::Fact { key, .. }
            | Clause::FactOneOf { key, .. }
            | Clause::FactRange { key, .. }
                if key.starts_with(ARGS) =>
            {
                key.clone()
            }
            Clause::Fact { key, .. }
            | Clause::FactOneOf { key, .. }
            | Clause::FactRange { key, .. } => [FACTS, key].concat(),
            Clause::Action(_) => "action".into(),
            Clause::Amount(_) => "amount".into(),
            Clause::Any(_) => "any".into(),
            Clause::Not(_) => "not".into(),
            Clause::Escalated(_) => "escalated".into(),
        }
    }

    /// The fact this entry is about (`facts.KEY`), if it is one; a call's
    /// argument (`args.KEY`) is none.
    pub fn fact(&self) -> Option<&str> {
        match self {
            Clause::Fact { key, .. }
            | Clause::FactOneOf { key, .. }
            | Clause::FactRange { key, .. } => Some(key.as_str()).filter(|k| !k.starts_with(ARGS)),
            _ => None,
        }
    }
}

impl Condition {
    /// Every entry of the condition, those nested in `any` and `not` too,
    /// outermost first.
    pub fn all_clauses(&self) -> Vec<&Spanned<Clause>> {
        let mut out = Vec::new();
        let mut todo = vec![self];
        while let Some(c) = todo.pop() {
            for clause in &c.clauses {
                out.push(clause);
                match &clause.value {
                    Clause::Any(list) => todo.extend(list.iter().rev()),
                    Clause::Not(inner) => todo.push(inner),
                    _ => {}
                }
            }
        }
        out
    }

    /// The facts the condition names, nested ones too, each once, in order.
    pub fn facts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for clause in self.all_clauses() {
            if let Some(key) = clause.value.fact()
                && !out.contains(&key)
            {
                out.push(key);
            }
        }
        out
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
    "args.KEY",
    "action",
    "amount",
    "any",
    "not",
    "escalated",
];

/// The prefix of a fact's key in a condition: `facts.at_fault`.
const FACTS: &str = "facts.";

/// The prefix of a tool call's argument in a procedure's condition:
/// `args.reservation_id`. It is read as a fact whose key keeps the prefix
/// (`args.reservation_id`), which no fact id can be: the conversation judge
/// sets the call's arguments under those keys at the call.
pub const ARGS: &str = "args.";

/// The list of an `any`, and whether it was written with no entry.
///
/// The loader reads a document again without an entry that failed (its error
/// is kept), so a list can come out empty although it was written with
/// entries; only one written empty is `EmptyAny`.
struct AnyList {
    conditions: Vec<Condition>,
    written_empty: bool,
}

impl<'de> Deserialize<'de> for AnyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnyListVisitor;
        impl<'de> Visitor<'de> for AnyListVisitor {
            type Value = AnyList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::List, f)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyList, A::Error> {
                let written = seq.size_hint();
                let mut conditions = Vec::new();
                while let Some(condition) = seq.next_element()? {
                    conditions.push(condition);
                }
                Ok(AnyList {
                    written_empty: conditions.is_empty() && written.is_none_or(|n| n == 0),
                    conditions,
                })
            }
        }
        d.deserialize_seq(AnyListVisitor)
    }
}

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
                        "any" => {
                            let list: AnyList = map.next_value()?;
                            if list.written_empty {
                                return Err(Reason::EmptyAny.raise_at(key.pos));
                            }
                            Clause::Any(list.conditions)
                        }
                        "not" => map.next_value().map(|c| Clause::Not(Box::new(c)))?,
                        "escalated" => map.next_value().map(Clause::Escalated)?,
                        other => match other
                            .strip_prefix(FACTS)
                            .or_else(|| other.strip_prefix(ARGS).map(|_| other))
                        {
                            Some(fact) if !fact.is_empty() && fact != ARGS => {
                                let key = fact.to_owned();
                                match map.next_value::<FactTest>()? {
                                    FactTest::Equals(value) => Clause::Fact { key, value },
                                    FactTest::OneOf(values) => Clause::FactOneOf { key, values },
                                    FactTest::Range(raw) => Clause::FactRange {
                                        bounds: raw.numbers(&key)?,
                                        key,
                                    },
                                }
                            }
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

/// What a `facts.KEY` entry asks of the fact, as written.
enum FactTest {
    Equals(Scalar),
    OneOf(Vec<Scalar>),
    Range(RawFactBounds),
}

impl<'de> Deserialize<'de> for FactTest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FactVisitor;
        impl<'de> Visitor<'de> for FactVisitor {
            type Value = FactTest;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Scalar, f)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<FactTest, E> {
                Ok(FactTest::Equals(Scalar::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FactTest, E> {
                Ok(FactTest::Equals(Scalar::Int(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FactTest, E> {
                Scalar::deserialize(de::value::U64Deserializer::<E>::new(v)).map(FactTest::Equals)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FactTest, E> {
                Ok(FactTest::Equals(Scalar::Float(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FactTest, E> {
                Ok(FactTest::Equals(Scalar::Text(v.to_owned())))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<FactTest, A::Error> {
                Vec::<Scalar>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(FactTest::OneOf)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FactTest, A::Error> {
                RawFactBounds::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(FactTest::Range)
            }
        }
        d.deserialize_any(FactVisitor)
    }
}

/// `{min, max, over, under}` on a fact as written: any scalar, so that a
/// bound that is not a number is the loader's own reason, with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFactBounds {
    #[serde(default)]
    min: Option<Spanned<Scalar>>,
    #[serde(default)]
    max: Option<Spanned<Scalar>>,
    #[serde(default)]
    over: Option<Spanned<Scalar>>,
    #[serde(default)]
    under: Option<Spanned<Scalar>>,
}

impl RawFactBounds {
    fn numbers<E: de::Error>(self, fact: &str) -> Result<FactBounds, E> {
        let number = |bound: &str, b: Option<Spanned<Scalar>>| -> Result<_, E> {
            let Some(b) = b else { return Ok(None) };
            match b.value.as_number() {
                Some(n) => Ok(Some(Spanned::new(n, b.pos))),
                None => Err(Reason::BoundNotANumber {
                    fact: fact.to_owned(),
                    bound: bound.to_owned(),
                    found: b.value.to_string(),
                }
                .raise_at(b.pos)),
            }
        };
        Ok(FactBounds {
            min: number("min", self.min)?,
            max: number("max", self.max)?,
            over: number("over", self.over)?,
            under: number("under", self.under)?,
        })
    }
}

/// Bounds on a fact: `min` and `max` inclusive, `over` and `under` not;
/// every one given must hold.
#[derive(Debug, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FactBounds {
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub over: Option<Spanned<f64>>,
    pub under: Option<Spanned<f64>>,
}

impl FactBounds {
    /// Whether the value is a number within every bound (a text or a truth
    /// value never is).
    pub fn contains(&self, value: &Scalar) -> bool {
        value.as_number().is_some_and(|v| {
            self.min.as_ref().is_none_or(|b| v >= b.value)
                && self.max.as_ref().is_none_or(|b| v <= b.value)
                && self.over.as_ref().is_none_or(|b| v > b.value)
                && self.under.as_ref().is_none_or(|b| v < b.value)
        })
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
    use crate::playbook::load;

    /// A playbook whose one rule has this `when` (on line 15, the condition
    /// from column 11).
    fn with_when(when: &str) -> String {
        format!(
            "playbook: conditions
title: Conditions
company: Test
philosophy:
  statement: Solve it.
  values:
    - {{ id: ownership, text: Own it. }}
roles:
  - {{ id: agent, title: Agent }}
  - {{ id: lead, title: Lead }}
steps:
  - {{ id: resolve, title: Resolve, goal: Fix it. }}
rules:
  - id: r
    when: {when}
    check: mention
    phrases: [hello]
"
        )
    }

    fn when_of(when: &str) -> Condition {
        let text = with_when(when);
        let mut pb = load::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        pb.rules.remove(0).when.expect("a when").value
    }

    fn rejection(when: &str) -> (Reason, u32, u32) {
        let e = load::parse(&with_when(when)).expect_err("rejected");
        (*e.reason, e.pos.line, e.pos.column)
    }

    #[test]
    fn a_fact_given_a_list_is_one_of_these() {
        let c = when_of("{ facts.tier: [silver, gold] }");
        let Clause::FactOneOf { key, values } = &c.clauses[0].value else {
            panic!("{c:?}");
        };
        assert_eq!(key, "tier");
        assert_eq!(
            values,
            &[Scalar::Text("silver".into()), Scalar::Text("gold".into())]
        );
    }

    #[test]
    fn a_fact_given_a_mapping_is_bounds() {
        let c = when_of("{ facts.hours: { min: 1, max: 48, over: 0.5, under: 24 } }");
        let Clause::FactRange { key, bounds } = &c.clauses[0].value else {
            panic!("{c:?}");
        };
        assert_eq!(key, "hours");
        let v = |b: &Option<Spanned<f64>>| b.as_ref().map(|b| b.value);
        assert_eq!(
            (
                v(&bounds.min),
                v(&bounds.max),
                v(&bounds.over),
                v(&bounds.under)
            ),
            (Some(1.0), Some(48.0), Some(0.5), Some(24.0))
        );
        assert!(bounds.contains(&Scalar::Int(3)));
        assert!(!bounds.contains(&Scalar::Int(24)));
        assert!(!bounds.contains(&Scalar::Text("3".into())));
    }

    #[test]
    fn a_fact_given_a_scalar_is_still_equality() {
        let c = when_of("{ facts.at_fault: true }");
        assert!(matches!(
            &c.clauses[0].value,
            Clause::Fact { key, value: Scalar::Bool(true) } if key == "at_fault"
        ));
    }

    #[test]
    fn any_not_and_escalated_nest() {
        let c = when_of(
            "{ any: [ { facts.cabin: business }, { not: { facts.hours: { over: 24 } }, escalated: lead } ] }",
        );
        let Clause::Any(list) = &c.clauses[0].value else {
            panic!("{c:?}");
        };
        assert_eq!(list.len(), 2);
        assert!(matches!(list[0].clauses[0].value, Clause::Fact { .. }));
        let Clause::Not(inner) = &list[1].clauses[0].value else {
            panic!("{list:?}");
        };
        assert!(matches!(inner.clauses[0].value, Clause::FactRange { .. }));
        assert!(matches!(&list[1].clauses[1].value, Clause::Escalated(r) if r.as_str() == "lead"));
        // Nested facts are seen, each once.
        assert_eq!(c.facts(), ["cabin", "hours"]);
    }

    #[test]
    fn an_empty_any_is_rejected_where_it_is_written() {
        assert_eq!(rejection("{ any: [] }"), (Reason::EmptyAny, 15, 13));
        // Nested too.
        assert_eq!(
            rejection("{ not: { any: [] } }"),
            (Reason::EmptyAny, 15, 20)
        );
    }

    #[test]
    fn an_any_whose_only_entry_is_wrong_is_that_error_alone_not_an_empty_any() {
        let errors = load::parse_all(&with_when("{ any: [ { facts.x: { min: abc } } ] }"))
            .expect_err("rejected");
        let reasons: Vec<&Reason> = errors.iter().map(|e| &*e.reason).collect();
        assert!(
            matches!(reasons[..], [Reason::BoundNotANumber { .. }]),
            "{reasons:?}"
        );
    }

    #[test]
    fn a_bound_that_is_not_a_number_is_rejected_where_it_is_written() {
        assert_eq!(
            rejection("{ facts.passengers: { min: many } }"),
            (
                Reason::BoundNotANumber {
                    fact: "passengers".into(),
                    bound: "min".into(),
                    found: "many".into(),
                },
                15,
                38
            )
        );
    }

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
