//! Facts (`facts.KEY`): every fact a condition, placeholder or grant names
//! is declared in `facts:` or set by a scenario (`unknown-fact`, a warning:
//! most often a typo), and every value given to a declared fact is of its
//! type and one of its `values` (`schema`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::placeholder;
use crate::playbook::{
    Clause, Condition, Fact, FactMismatch, FactType, Playbook, Pos, Rule, Scalar,
};
use crate::util::suggest::closest;
use crate::words::check::{FactPlace, Help, Message};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    declarations(ctx, pb);
    scenario_values(ctx, pb);
    let known = KnownFacts::of(pb);
    for rule in &pb.rules {
        if let Some(when) = &rule.when {
            known.check_condition(ctx, &rule.id, when);
        }
        known.check_placeholders(ctx, rule);
    }
    for escalation in &pb.escalation {
        known.check_condition(ctx, &escalation.id, &escalation.when);
    }
    for procedure in &pb.procedures {
        for when in [&procedure.when, &procedure.only_when]
            .into_iter()
            .flatten()
        {
            known.check_condition(ctx, &procedure.id, when);
        }
    }
    for role in pb.roles.iter() {
        for (_, grants) in role.may.iter() {
            for grant in &grants.value.list {
                if let Some(when) = &grant.when {
                    known.check_condition_at(ctx, &role.id, when, FactPlace::GrantCondition);
                }
                if let Some(per) = &grant.per {
                    known.check_names(ctx, &role.id, FactPlace::Per, [(per.as_str(), per.pos)]);
                }
            }
        }
    }
}

/// The facts a playbook knows of: those `facts:` declares and those its
/// scenarios set, in that order, each once.
pub(super) struct KnownFacts<'a> {
    names: Vec<&'a str>,
}

impl<'a> KnownFacts<'a> {
    pub(super) fn of(pb: &'a Playbook) -> Self {
        let mut names: Vec<&str> = Vec::new();
        let declared = pb.facts.iter().map(|f| f.id.as_str());
        let set = pb
            .scenarios
            .iter()
            .flat_map(|s| s.facts.iter().map(|(k, _)| k.as_str()));
        for name in declared.chain(set) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        KnownFacts { names }
    }

    fn knows(&self, fact: &str) -> bool {
        self.names.contains(&fact)
    }

    /// `unknown-fact` for each of `names` (a fact's KEY and where it is
    /// written) that is neither declared nor set by a scenario; `owner` is
    /// the rule, escalation rule or role that names it.
    pub(super) fn check_names<'n>(
        &self,
        ctx: &mut CheckContext,
        owner: &str,
        place: FactPlace,
        names: impl IntoIterator<Item = (&'n str, Pos)>,
    ) {
        // What a grant's `per` multiplies by is a number; a placeholder's
        // fact is read out as text.
        let kind = match place {
            FactPlace::Per => FactType::Number,
            FactPlace::Condition | FactPlace::GrantCondition | FactPlace::Placeholder => {
                FactType::Text
            }
        };
        for (fact, pos) in names {
            self.check_name(ctx, owner, place, fact, pos, kind);
        }
    }

    /// One fact's name; `kind`: the type its use suggests, for the
    /// declaration the help offers.
    fn check_name(
        &self,
        ctx: &mut CheckContext,
        owner: &str,
        place: FactPlace,
        fact: &str,
        pos: Pos,
        kind: FactType,
    ) {
        if self.knows(fact) {
            return;
        }
        let likely = closest(fact, self.names.iter().copied());
        let reported = ctx.report(
            Code::UnknownFact,
            pos,
            Message::UnknownFact { owner, fact, place },
        );
        match likely {
            Some(id) if place == FactPlace::Placeholder => {
                let key = ["facts.", id].concat();
                reported.help(Help::DidYouMeanPlaceholder { key: &key });
            }
            Some(id) => {
                let id = ["facts.", id].concat();
                reported.help(Help::DidYouMean { id: &id });
            }
            None => reported.help(Help::DeclareFact { fact, kind }),
        }
    }

    /// The facts a condition names, nested in `any` and `not` too: each
    /// known (`unknown-fact`), and compared with values that fit its
    /// declaration (`schema`).
    pub(super) fn check_condition(&self, ctx: &mut CheckContext, owner: &str, when: &Condition) {
        self.check_condition_at(ctx, owner, when, FactPlace::Condition);
    }

    /// [`Self::check_condition`] of a condition at `place` (a rule's or
    /// escalation rule's `when`, or a grant's).
    fn check_condition_at(
        &self,
        ctx: &mut CheckContext,
        owner: &str,
        when: &Condition,
        place: FactPlace,
    ) {
        let clauses = when.all_clauses();
        for clause in &clauses {
            if let Some(fact) = clause.value.fact() {
                let kind = suggested_type(&clause.value);
                self.check_name(ctx, owner, place, fact, clause.pos, kind);
            }
        }
        for clause in clauses {
            compared_values(ctx, owner, &clause.value, clause.pos);
        }
    }

    /// The `{facts.KEY}` placeholders of a rule's phrases, patterns and swap.
    fn check_placeholders(&self, ctx: &mut CheckContext, rule: &Rule) {
        let texts = rule.phrases().iter().chain(rule.patterns()).chain(
            rule.swap
                .iter()
                .flat_map(|s| s.iter())
                .flat_map(|(k, v)| [k, v]),
        );
        let names = texts.flat_map(|text| {
            placeholder::find(text)
                .filter_map(|(_, key)| key.strip_prefix("facts."))
                .filter(|fact| !fact.is_empty())
                .map(|fact| (fact, text.pos))
        });
        // Collected first: the texts borrow the playbook, not the context.
        let names: Vec<(&str, Pos)> = names.collect();
        self.check_names(ctx, &rule.id, FactPlace::Placeholder, names);
    }
}

/// The type a condition entry's use of a fact suggests: that of the value it
/// is compared with; a number for bounds.
fn suggested_type(clause: &Clause) -> FactType {
    let of = |value: &Scalar| match value {
        Scalar::Bool(_) => FactType::Bool,
        Scalar::Int(_) | Scalar::Float(_) => FactType::Number,
        Scalar::Text(_) => FactType::Text,
    };
    match clause {
        Clause::Fact { value, .. } => of(value),
        Clause::FactOneOf { values, .. } => values.first().map_or(FactType::Text, of),
        Clause::FactRange { .. } => FactType::Number,
        _ => FactType::Text,
    }
}

/// A condition entry comparing a declared fact with a value that cannot fit
/// it: the entry can never hold, which is never what its author meant.
fn compared_values(ctx: &mut CheckContext, owner: &str, clause: &Clause, pos: Pos) {
    let pb = ctx.playbook;
    let Some(fact) = clause.fact().and_then(|key| pb.fact(key)) else {
        return;
    };
    let compared: Vec<&Scalar> = match clause {
        Clause::Fact { value, .. } => vec![value],
        Clause::FactOneOf { values, .. } => values.iter().collect(),
        Clause::FactRange { .. } => {
            let kind = fact.kind.value;
            if kind != FactType::Number {
                ctx.report(
                    Code::Schema,
                    pos,
                    Message::ConditionFactBounds {
                        owner,
                        fact: &fact.id,
                        kind,
                    },
                )
                .help(Help::BoundsNeedNumber { fact: &fact.id });
            }
            return;
        }
        _ => return,
    };
    for value in compared {
        let Err(mismatch) = fact.check(value) else {
            continue;
        };
        let allowed = allowed_values(fact);
        let message = match mismatch {
            FactMismatch::WrongType(kind) => Message::ConditionFactWrongType {
                owner,
                fact: &fact.id,
                value,
                kind,
            },
            FactMismatch::NotAValue => Message::ConditionFactNotAValue {
                owner,
                fact: &fact.id,
                value,
                values: &allowed,
            },
        };
        let reported = ctx.report(Code::Schema, pos, message);
        mismatch_help(reported, fact, value, mismatch, &allowed);
    }
}

/// Each scenario's facts that `facts:` declares: of the declared type, one
/// of the declared `values`.
fn scenario_values(ctx: &mut CheckContext, pb: &Playbook) {
    for scenario in &pb.scenarios {
        for (key, value) in scenario.facts.iter() {
            let Some(fact) = pb.fact(key) else { continue };
            let Err(mismatch) = fact.check(value) else {
                continue;
            };
            let allowed = allowed_values(fact);
            let message = match mismatch {
                FactMismatch::WrongType(kind) => Message::ScenarioFactWrongType {
                    scenario: &scenario.id,
                    fact: key,
                    value,
                    kind,
                },
                FactMismatch::NotAValue => Message::ScenarioFactNotAValue {
                    scenario: &scenario.id,
                    fact: key,
                    value,
                    values: &allowed,
                },
            };
            let reported = ctx.report(Code::Schema, value.pos, message);
            mismatch_help(reported, fact, value, mismatch, &allowed);
        }
    }
}

/// What to do about a value that does not fit: write one of its type, or
/// the value it is closest to.
fn mismatch_help(
    reported: super::context::Reported<'_>,
    fact: &Fact,
    value: &Scalar,
    mismatch: FactMismatch,
    allowed: &[&Scalar],
) {
    match mismatch {
        FactMismatch::WrongType(kind) => reported.help(Help::FactTypeWants { kind, value }),
        FactMismatch::NotAValue => {
            let texts: Vec<String> = allowed.iter().map(ToString::to_string).collect();
            let given = value.to_string();
            match closest(&given, texts.iter().map(String::as_str)) {
                Some(id) => reported.help(Help::DidYouMean { id }),
                None => reported.help(Help::AddToFactValues { fact: &fact.id }),
            }
        }
    }
}

fn allowed_values(fact: &Fact) -> Vec<&Scalar> {
    fact.values()
        .unwrap_or_default()
        .iter()
        .map(|v| &v.value)
        .collect()
}

/// The declarations themselves: `values` only where they mean something,
/// and each of the fact's type. (Ids and duplicates are checked with every
/// other id, in `schema` and `references`.)
fn declarations(ctx: &mut CheckContext, pb: &Playbook) {
    for fact in &pb.facts {
        let Some(values) = &fact.values else { continue };
        let kind = fact.kind.value;
        if kind == FactType::Bool {
            ctx.report(
                Code::Schema,
                values.pos,
                Message::FactValuesOnBool { fact: &fact.id },
            )
            .help(Help::RemoveFactValues);
            continue;
        }
        if values.is_empty() {
            ctx.report(
                Code::Schema,
                values.pos,
                Message::FactValuesEmpty { fact: &fact.id },
            )
            .help(Help::ListFactValues);
        }
        for value in values.iter().filter(|v| !kind.admits(v)) {
            ctx.report(
                Code::Schema,
                value.pos,
                Message::FactValueWrongType {
                    fact: &fact.id,
                    value,
                    kind,
                },
            )
            .help(Help::FactTypeWants { kind, value });
        }
    }
}
