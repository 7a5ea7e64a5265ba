//! The view data the documents share: the rules (as cards, and sorted into
//! what to say and what never to say), phrases with their placeholders in
//! words, conditions in words, and the scenarios beat by beat, each wrong
//! reply judged by the reply engine and each decision by the policy.

use serde::Serialize;

use super::{Builder, anchor, clean, letter, name_of};
use crate::engine::Context;
use crate::playbook::{
    AmountBounds, Beat, CheckKind, Choice, Clause, Condition, Next, Rule, Scenario, Severity,
    Spanned, Texts,
};
use crate::words::render::{self as say, AmountWord, ClauseWords};

/// What to say and not to say, for one step or for every step.
#[derive(Debug, Default, Serialize)]
pub struct Guidance {
    /// `mention`, `echo` and `length` rules.
    pub say: Vec<RuleCard>,
    /// `avoid` rules.
    pub never: Vec<RuleCard>,
    /// The `swap` rules' pairs, in order.
    pub swaps: Vec<SwapRow>,
    /// What the `swap` rules say, once each.
    pub swap_notes: Vec<String>,
    /// Whether there is anything at all.
    pub any: bool,
}

#[derive(Debug, Serialize)]
pub struct SwapRow {
    pub instead: String,
    pub say: String,
}

/// One rule, ready for the `rule-card` partial.
#[derive(Debug, Serialize)]
pub struct RuleCard {
    pub id: String,
    /// The id as words (a rule has no title).
    pub name: String,
    /// `mention`, `avoid`, `swap`, `length` or `echo`.
    pub kind: &'static str,
    /// The rule's message, or one made from its content.
    pub message: String,
    /// Mention or avoid phrases, quoted, placeholders in words.
    pub phrases: Vec<String>,
    /// What the phrases are: "Words that count" or "Never say".
    pub phrases_label: String,
    /// "“customer” → “guest”" for swap rules.
    pub swaps: Vec<String>,
    /// "Use between 5 and 55 words." for a length rule with a message of its own.
    pub bounds: Option<String>,
    pub example: Option<String>,
    /// The rule's `when`, in words.
    pub when: Option<String>,
    /// The steps it applies at, in words.
    pub at: String,
    /// A warning or info rule: advice rather than a must.
    pub recommended: bool,
}

#[derive(Debug, Serialize)]
pub struct ScenarioDoc {
    pub number: usize,
    pub anchor: String,
    pub id: String,
    pub title: String,
    /// "Scenario 1: The wind took the coffee"
    pub heading: String,
    pub situation: String,
    /// The title of the role the trainee plays.
    pub role: String,
    /// "Claire (embarrassed, standard)"
    pub customer: String,
    pub beats: Vec<BeatDoc>,
    pub branches: super::Picture,
}

#[derive(Debug, Serialize)]
pub struct BeatDoc {
    /// Its place in the scenario, from 1: how the document names a beat.
    pub number: usize,
    pub id: String,
    /// The step's title.
    pub step: String,
    pub customer: String,
    /// The customer's mood from this beat on, when the beat sets one.
    pub mood: Option<String>,
    pub model: Option<String>,
    pub wrong: Vec<WrongDoc>,
    pub decision: Option<DecisionDoc>,
    /// Where the scenario goes next, in words: "turn 3 if this turn goes well, turn 2 if not".
    pub next: String,
}

#[derive(Debug, Serialize)]
pub struct WrongDoc {
    pub text: String,
    /// The rules it breaks, as the reply engine judges it in the beat's context.
    pub reasons: Vec<Reason>,
    pub caught: bool,
}

#[derive(Debug, Serialize)]
pub struct Reason {
    /// The rule's id as words.
    pub rule: String,
    pub message: String,
    /// The words that broke it: "“Are you willing to pay”".
    pub found: Option<String>,
    pub recommended: bool,
}

#[derive(Debug, Serialize)]
pub struct DecisionDoc {
    pub prompt: String,
    pub choices: Vec<ChoiceDoc>,
    /// "A: Bring a fresh coffee …"
    pub best: Option<String>,
    /// What the policy decides for the best choice, and why.
    pub policy: String,
}

#[derive(Debug, Serialize)]
pub struct ChoiceDoc {
    pub letter: String,
    pub say: String,
    /// What the choice does: "Replace the item free of charge: 6 USD".
    pub does: Option<String>,
    pub best: bool,
}

impl Builder<'_> {
    /// The rules a `pick` selects, sorted into what to say, what never to
    /// say and the words we use.
    pub(super) fn guidance(&self, pick: impl Fn(&Rule) -> bool) -> Guidance {
        let mut g = Guidance::default();
        for rule in self.pb.rules.iter().filter(|r| pick(r)) {
            match rule.check.value {
                CheckKind::Mention | CheckKind::Echo | CheckKind::Length => {
                    g.say.push(self.rule_card(rule));
                }
                CheckKind::Avoid => g.never.push(self.rule_card(rule)),
                CheckKind::Swap => {
                    if let Some(swap) = &rule.swap {
                        g.swaps.extend(swap.iter().map(|(from, to)| SwapRow {
                            instead: self.phrase(from),
                            say: self.phrase(to),
                        }));
                    }
                    if rule.message.is_some() {
                        let message = self.message(rule);
                        if !g.swap_notes.contains(&message) {
                            g.swap_notes.push(message);
                        }
                    }
                }
            }
        }
        g.any = !(g.say.is_empty() && g.never.is_empty() && g.swaps.is_empty());
        g
    }

    /// A phrase in quotes, as a list of phrases shows it; a phrase that is
    /// only a placeholder is said in words, without quotes.
    pub(super) fn quoted(&self, text: &str) -> String {
        let shown = self.phrase(text);
        let trimmed = text.trim();
        if trimmed.starts_with('{') && trimmed.ends_with('}') && trimmed.matches('{').count() == 1 {
            shown
        } else {
            self.w.quote(&shown)
        }
    }

    /// A phrase as a reader should see it: placeholders in words.
    pub(super) fn phrase(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + close];
            out.push_str(&rest[..open]);
            if key.contains('.') && !key.contains(char::is_whitespace) {
                out.push_str(&say::placeholder(self.w, key));
            } else {
                out.push_str(&rest[open..=open + close]);
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        clean(&out)
    }

    /// A swap pair: "“customer” → “guest”".
    fn swap_pair(&self, from: &str, to: &str) -> String {
        let q = |t: &str| self.w.quote(&self.phrase(t));
        format!("{} → {}", q(from), q(to))
    }

    /// What a rule says: its `message`, or one made from its content in the
    /// document's language.
    pub(super) fn message(&self, rule: &Rule) -> String {
        if let Some(message) = &rule.message {
            return clean(message);
        }
        let w = self.w;
        let listed = || {
            let mut items: Vec<String> = rule.phrases().iter().map(|p| self.quoted(p)).collect();
            items.extend(rule.patterns().iter().map(|p| format!("/{}/", p.value)));
            say::list(w, &items)
        };
        match rule.check.value {
            CheckKind::Length => say::length_rule(
                w,
                rule.min_words.as_ref().map(|m| m.value),
                rule.max_words.as_ref().map(|m| m.value),
            ),
            CheckKind::Echo => say::echo(
                w,
                rule.min
                    .as_ref()
                    .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value),
            ),
            CheckKind::Mention => say::default_mention(w, &listed()),
            CheckKind::Avoid => say::default_avoid(w, &listed()),
            CheckKind::Swap => {
                let pairs: Vec<String> = rule
                    .swap
                    .iter()
                    .flat_map(|s| s.iter())
                    .map(|(from, to)| self.swap_pair(from, to))
                    .collect();
                say::default_swap(w, &say::list(w, &pairs))
            }
        }
    }

    pub(super) fn rule_card(&self, rule: &Rule) -> RuleCard {
        let w = self.w;
        let kind = rule.check.value;
        let phrases = match kind {
            CheckKind::Mention | CheckKind::Avoid => {
                rule.phrases().iter().map(|p| self.quoted(p)).collect()
            }
            _ => Vec::new(),
        };
        let swaps = rule
            .swap
            .as_ref()
            .map(|s| {
                s.iter()
                    .map(|(from, to)| self.swap_pair(from, to))
                    .collect()
            })
            .unwrap_or_default();
        let bounds = match kind {
            CheckKind::Length if rule.message.is_some() => Some(say::length_rule(
                w,
                rule.min_words.as_ref().map(|m| m.value),
                rule.max_words.as_ref().map(|m| m.value),
            )),
            _ => None,
        };
        let at: Vec<String> = rule
            .at
            .as_ref()
            .map(|at| at.iter().map(|s| self.step_title(s)).collect())
            .unwrap_or_default();
        RuleCard {
            id: rule.id.value.clone(),
            name: name_of(&rule.id),
            kind: kind.as_str(),
            message: self.message(rule),
            phrases,
            phrases_label: w.text(if kind == CheckKind::Avoid {
                "render-never-words"
            } else {
                "render-words-that-count"
            }),
            swaps,
            bounds,
            example: rule.suggest.as_ref().map(|s| clean(s)),
            when: rule.when.as_ref().map(|c| self.condition(c)),
            at: if at.is_empty() {
                w.text("render-every-step")
            } else {
                say::list(w, &at)
            },
            recommended: rule.severity() != Severity::Error,
        }
    }

    /// A condition in the document's language.
    pub(super) fn condition(&self, condition: &Condition) -> String {
        let w = self.w;
        let texts = |t: &Texts| t.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
        let action = condition.action();
        let unit = action.and_then(|a| self.unit(a));
        let amount_words = |b: &AmountBounds| {
            let parts: Vec<String> = [
                (AmountWord::Over, &b.over),
                (AmountWord::AtLeast, &b.at_least),
                (AmountWord::Under, &b.under),
                (AmountWord::AtMost, &b.at_most),
            ]
            .into_iter()
            .filter_map(|(word, v)| {
                v.as_ref()
                    .map(|v| say::amount_bound(w, word, &w.amount(v.value, unit.as_deref())))
            })
            .collect();
            say::clauses(w, &parts)
        };
        let mut parts = Vec::new();
        for clause in &condition.clauses {
            let words = match &clause.value {
                Clause::CustomerSays(t) => ClauseWords::Says(say::one_of(w, &texts(t))),
                Clause::Contacts(b) => ClauseWords::Contacts {
                    min: b.min.as_ref().map(|m| m.value),
                    max: b.max.as_ref().map(|m| m.value),
                },
                Clause::Waiting(b) => ClauseWords::Waiting {
                    min: b.min.as_ref().map(|m| m.value),
                    max: b.max.as_ref().map(|m| m.value),
                },
                Clause::CustomerMood(t) => ClauseWords::Mood(say::one_of(w, &texts(t))),
                Clause::CustomerTier(t) => ClauseWords::Tier(say::one_of(w, &texts(t))),
                Clause::Fact { key, value } => ClauseWords::Fact {
                    key: key.clone(),
                    value: say::scalar(w, value),
                },
                Clause::FactOneOf { key, values } => ClauseWords::FactOneOf {
                    key: key.clone(),
                    values: w.any_of(&values.iter().map(|v| say::scalar(w, v)).collect::<Vec<_>>()),
                },
                Clause::FactRange { key, bounds } => ClauseWords::FactRange {
                    key: key.clone(),
                    bounds: say::fact_bounds(w, bounds),
                },
                Clause::Any(list) => ClauseWords::Any(
                    list.iter()
                        .map(|c| say::group(w, self.condition(c), c.clauses.len()))
                        .collect(),
                ),
                Clause::Not(inner) => {
                    ClauseWords::Not(say::group(w, self.condition(inner), inner.clauses.len()))
                }
                Clause::Escalated(role) => ClauseWords::Escalated(self.role_words(role)),
                Clause::Action(id) => ClauseWords::Action {
                    title: self.action_title(id),
                    amount: condition.amount().map(|(b, _)| amount_words(b)),
                },
                // Said with the action when there is one.
                Clause::Amount(_) if action.is_some() => continue,
                Clause::Amount(b) => ClauseWords::Amount(amount_words(b)),
            };
            parts.push(say::clause(w, words));
        }
        say::clauses(w, &parts)
    }

    pub(super) fn scenario(&self, number: usize, scenario: &Scenario) -> ScenarioDoc {
        let w = self.w;
        let pb = self.pb;
        let role = scenario
            .role
            .as_ref()
            .map(|r| self.role_title(r))
            .or_else(|| pb.roles.first().map(|r| clean(&r.title)))
            .unwrap_or_default();
        let c = &scenario.customer;
        let details: Vec<&str> = [&c.mood, &c.tier]
            .into_iter()
            .flatten()
            .map(Spanned::as_str)
            .collect();
        let beats: Vec<BeatDoc> = scenario
            .beats
            .iter()
            .enumerate()
            .map(|(i, beat)| self.beat(i + 1, scenario, beat))
            .collect();
        ScenarioDoc {
            number,
            anchor: anchor("scenario", number),
            id: scenario.id.value.clone(),
            title: clean(&scenario.title),
            heading: say::scenario_heading(w, number, &clean(&scenario.title)),
            situation: clean(&scenario.situation),
            role,
            customer: say::customer(w, c.name.as_ref().map(Spanned::as_str), &details),
            beats,
            branches: self.branches(scenario),
        }
    }

    /// Where a beat leads, naming beats by their number ("turn 3"); a beat
    /// the scenario does not have (`check` reports it) by what the playbook wrote.
    fn next(&self, scenario: &Scenario, beat: &Beat) -> String {
        let w = self.w;
        let turn = |id: &str| {
            scenario
                .beats
                .iter()
                .position(|b| b.id.as_str() == id)
                .map_or_else(|| id.to_owned(), |i| say::turn(w, i + 1))
        };
        match beat.next.as_ref().map(|n| &n.value) {
            None => w.text("render-end"),
            Some(Next::Always(to)) => turn(to),
            Some(Next::Branch { pass, fail }) if pass.value == fail.value => turn(pass),
            Some(Next::Branch { pass, fail }) => say::next_branch(w, &turn(pass), &turn(fail)),
        }
    }

    fn beat(&self, number: usize, scenario: &Scenario, beat: &Beat) -> BeatDoc {
        let context = Context::of_beat(self.pb, scenario, beat);
        BeatDoc {
            number,
            id: beat.id.value.clone(),
            step: self.step_title(&beat.step),
            customer: clean(&beat.customer),
            mood: beat.mood.as_ref().map(|m| clean(m)),
            model: beat.model.as_ref().map(|m| clean(m)),
            wrong: beat.wrong.iter().map(|w| self.wrong(w, &context)).collect(),
            decision: beat.decide.as_ref().map(|d| {
                let choices: Vec<ChoiceDoc> = d
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| self.choice(i, c))
                    .collect();
                DecisionDoc {
                    prompt: clean(&d.prompt),
                    best: choices
                        .iter()
                        .find(|c| c.best)
                        .map(|c| self.w.labelled(&c.letter, &c.say)),
                    choices,
                    policy: self.best_decision(&context, &d.choices),
                }
            }),
            next: self.next(scenario, beat),
        }
    }

    /// Why a wrong reply is wrong: the rules the engine finds it breaks.
    pub(super) fn wrong(&self, text: &str, context: &Context) -> WrongDoc {
        let w = self.w;
        let judgement = self.engine.judge(text, context, None);
        let reasons: Vec<Reason> = judgement
            .failed_rules()
            .map(|f| {
                let rule = &self.pb.rules[f.index];
                let found = match f.check {
                    CheckKind::Length => Some(say::word_count(
                        w,
                        crate::engine::normalize::count_words(text),
                        rule.min_words.as_ref().map(|m| m.value),
                        rule.max_words.as_ref().map(|m| m.value),
                    )),
                    CheckKind::Mention | CheckKind::Echo => None,
                    CheckKind::Avoid | CheckKind::Swap => {
                        let mut found: Vec<String> = Vec::new();
                        for m in &f.matches {
                            let shown = match &m.replacement {
                                Some(r) => format!("{} → {}", w.quote(&m.text), w.quote(r)),
                                None => w.quote(&m.text),
                            };
                            // The same words found twice are shown once.
                            if !found.contains(&shown) {
                                found.push(shown);
                            }
                        }
                        Some(say::list(w, &found)).filter(|f| !f.is_empty())
                    }
                };
                Reason {
                    rule: name_of(f.rule),
                    message: self.message(rule),
                    found,
                    recommended: f.severity != Severity::Error,
                }
            })
            .collect();
        WrongDoc {
            text: clean(text),
            caught: !reasons.is_empty(),
            reasons,
        }
    }

    pub(super) fn choice(&self, index: usize, choice: &Choice) -> ChoiceDoc {
        let action = choice.action.as_ref().and_then(|a| a.iter().next());
        let action = action.map(|(id, amount)| {
            (
                self.action_title(id),
                self.w.amount(amount.value, self.unit(id).as_deref()),
            )
        });
        let does = say::choice_does(
            self.w,
            action.as_ref().map(|(t, a)| (t.as_str(), a.as_str())),
            choice
                .escalate
                .as_ref()
                .map(|r| self.role_words(r))
                .as_deref(),
        );
        ChoiceDoc {
            letter: letter(index),
            say: clean(&choice.say),
            does: Some(does).filter(|d| !d.is_empty()),
            best: choice.is_best(),
        }
    }
}
