//! What the templates see: the playbook and what the reply engine makes of it,
//! as plain serialisable data with every string ready to print. Templates only
//! lay it out; nothing is computed in them, so a company's own templates get
//! the same content (why a wrong reply is wrong, what the policy decides) as
//! the bundled ones.
//!
//! Field names here are a contract with templates (the README lists them).
//! Optional values are `null`, never absent, so `{{#if owner}}` works in
//! strict mode while `{{#if ownr}}` is an error.

use serde::Serialize;

use super::diagram::{EdgeKind, Flow, FlowEdge, FlowNode, FlowWords, Ladder, Rung};
use super::labels::{self, AmountWord, ClauseWords, Labels, Lang};
use super::{mermaid, svg};
use crate::engine::policy;
use crate::engine::{Context, Engine, Proposal, Want};
use crate::playbook::{
    Beat, CheckKind, Choice, Clause, Condition, Date, Limit, Next, Playbook, Rule, Scenario,
    Severity, Spanned,
};
use crate::words::{Locale, Words};

/// Everything a document template can show.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The playbook's language tag, for `<html lang>`.
    pub lang: String,
    pub labels: &'static Labels,
    pub playbook: Meta,
    pub philosophy: PhilosophyDoc,
    /// The rules that hold at every step.
    pub everywhere: Guidance,
    pub steps: Vec<StepDoc>,
    /// Every rule, in playbook order.
    pub rules: Vec<RuleCard>,
    pub scenarios: Vec<ScenarioDoc>,
    pub quiz: Vec<Question>,
    pub actions: Vec<ActionDoc>,
    pub matrix: Matrix,
    pub escalation: Vec<EscalationDoc>,
    pub ladder: Picture,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub company: String,
    pub language: String,
    pub owner: Option<String>,
    pub review_by: Option<String>,
    pub review_overdue: bool,
    /// "overdue: due on 2027-11-01, 12 days ago", when it is.
    pub review_note: Option<String>,
    /// "80%"
    pub pass_mark: String,
}

#[derive(Debug, Serialize)]
pub struct PhilosophyDoc {
    pub statement: String,
    pub values: Vec<ValueDoc>,
}

#[derive(Debug, Serialize)]
pub struct ValueDoc {
    pub id: String,
    /// The id as words: "common sense".
    pub name: String,
    pub text: String,
}

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

#[derive(Debug, Serialize)]
pub struct StepDoc {
    pub number: usize,
    /// An id for links within the HTML document: `step-1`.
    pub anchor: String,
    pub id: String,
    pub title: String,
    /// "Step 1: Warm welcome"
    pub heading: String,
    pub goal: String,
    /// The names of the values the step serves.
    pub values: Vec<String>,
    pub guidance: Guidance,
}

/// One rule, ready for the `rule-card` partial.
#[derive(Debug, Serialize)]
pub struct RuleCard {
    pub id: String,
    pub name: String,
    /// `mention`, `avoid`, `swap`, `length` or `echo`.
    pub kind: &'static str,
    /// The rule's message, or one made from its content.
    pub message: String,
    /// Mention or avoid phrases, quoted, placeholders in words.
    pub phrases: Vec<String>,
    /// What the phrases are: "Words that count" or "Never say".
    pub phrases_label: &'static str,
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
    pub branches: Picture,
}

#[derive(Debug, Serialize)]
pub struct BeatDoc {
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
    /// Where the scenario goes next, in words.
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

/// A quiz question; its answer is shown at the end of the document.
#[derive(Debug, Serialize)]
pub struct Question {
    pub number: usize,
    pub scenario: String,
    /// "The customer says: “…”"
    pub setup: String,
    /// The reply to judge (reply questions).
    pub reply: Option<String>,
    /// "What is wrong with this reply?" or the decision's prompt.
    pub ask: String,
    /// The choices (decision questions), in quiz order.
    pub choices: Vec<ChoiceDoc>,
    /// The short answer: a choice, or the rules broken.
    pub answer: String,
    /// The reasons behind it.
    pub because: Vec<String>,
    /// The model reply, for reply questions.
    pub better: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ActionDoc {
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
}

/// The empowerment matrix: roles × actions.
#[derive(Debug, Serialize)]
pub struct Matrix {
    /// One per action: "Refund part of the bill (USD)".
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
    /// Who takes a case above a role's limit, per role and action (the bands
    /// of `engine::policy::authority`, the function `validate` rules with).
    pub beyond: Vec<BeyondDoc>,
}

#[derive(Debug, Serialize)]
pub struct BeyondDoc {
    /// The role's title.
    pub role: String,
    /// "Refund part of the bill: over 100 USD, to the duty manager (up to 500 USD), then …"
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub role: String,
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EscalationDoc {
    pub id: String,
    pub name: String,
    /// "If the customer says “hurt” …, the duty manager takes the case within 5 minutes."
    pub sentence: String,
    pub why: Option<String>,
    pub to: String,
    pub within: Option<String>,
}

/// A drawing: inline SVG for HTML, Mermaid for Markdown, and what it shows.
#[derive(Debug, Serialize)]
pub struct Picture {
    pub svg: String,
    pub mermaid: String,
    pub alt: String,
}

/// One flashcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub front: String,
    pub back: String,
}

/// Playbook text as one paragraph: trimmed, lines joined (with a space between
/// words, with nothing between CJK characters, as a reader would join them).
pub fn clean(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let cjk = |c: Option<char>| {
            c.is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2))
        };
        if !(out.is_empty() || cjk(out.chars().last()) && cjk(line.chars().next())) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// An id as words: `third-contact` → "third contact".
pub fn name_of(id: &str) -> String {
    id.replace(['-', '_'], " ")
}

/// Build everything the templates and the cards need.
pub struct Builder<'p> {
    pb: &'p Playbook,
    engine: Engine<'p>,
    lang: Lang,
}

impl<'p> Builder<'p> {
    pub fn new(pb: &'p Playbook) -> Result<Self, crate::engine::PatternError> {
        Ok(Builder {
            pb,
            engine: Engine::new(pb)?,
            lang: Lang::of(pb.language()),
        })
    }

    pub fn document(&self, today: Date) -> Document {
        let pb = self.pb;
        let scenarios: Vec<ScenarioDoc> = pb
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| self.scenario(i + 1, s))
            .collect();
        Document {
            lang: pb.language().trim().to_owned(),
            labels: self.lang.labels(),
            playbook: self.meta(today),
            philosophy: PhilosophyDoc {
                statement: clean(&pb.philosophy.statement),
                values: pb
                    .philosophy
                    .values
                    .iter()
                    .map(|v| ValueDoc {
                        id: v.id.value.clone(),
                        name: name_of(&v.id),
                        text: clean(&v.text),
                    })
                    .collect(),
            },
            everywhere: self.guidance(|r| r.at.is_none()),
            steps: pb
                .steps
                .iter()
                .enumerate()
                .map(|(i, step)| StepDoc {
                    number: i + 1,
                    anchor: format!("step-{}", i + 1),
                    id: step.id.value.clone(),
                    title: clean(&step.title),
                    heading: labels::numbered(
                        self.lang,
                        self.lang.labels().step,
                        i + 1,
                        &clean(&step.title),
                    ),
                    goal: clean(&step.goal),
                    values: step.values.iter().map(|v| name_of(v)).collect(),
                    guidance: self.guidance(|r| {
                        r.at.as_ref()
                            .is_some_and(|at| at.iter().any(|s| s.as_str() == step.id.as_str()))
                    }),
                })
                .collect(),
            rules: pb.rules.iter().map(|r| self.rule_card(r)).collect(),
            quiz: self.quiz(),
            scenarios,
            actions: pb
                .actions
                .iter()
                .map(|a| ActionDoc {
                    id: a.id.value.clone(),
                    title: clean(&a.title),
                    unit: a.unit.as_ref().map(|u| clean(u)),
                })
                .collect(),
            matrix: self.matrix(),
            escalation: pb
                .escalation
                .iter()
                .map(|e| {
                    let to = self.role_words(&e.to);
                    let within = e.within.as_ref().map(|w| labels::duration(self.lang, **w));
                    EscalationDoc {
                        id: e.id.value.clone(),
                        name: name_of(&e.id),
                        sentence: labels::escalation_sentence(
                            self.lang,
                            &self.condition(&e.when),
                            &to,
                            within.as_deref(),
                        ),
                        why: e.why.as_ref().map(|w| clean(w)),
                        to: self.role_title(&e.to),
                        within,
                    }
                })
                .collect(),
            ladder: self.ladder(),
        }
    }

    fn meta(&self, today: Date) -> Meta {
        let pb = self.pb;
        let overdue_days = pb
            .review_by
            .as_ref()
            .filter(|r| r.value < today)
            .map(|r| (today.0 - r.value.0).get_days());
        Meta {
            id: pb.playbook.value.clone(),
            title: clean(&pb.title),
            company: clean(&pb.company),
            language: pb.language().trim().to_owned(),
            owner: pb.owner.as_ref().map(|o| clean(o)),
            review_by: pb.review_by.as_ref().map(|r| r.value.to_string()),
            review_overdue: overdue_days.is_some(),
            review_note: pb.review_by.as_ref().and_then(|r| {
                overdue_days.map(|d| labels::overdue(self.lang, &r.value.to_string(), i64::from(d)))
            }),
            pass_mark: format!("{}%", crate::playbook::format_amount(pb.pass_mark())),
        }
    }

    fn guidance(&self, pick: impl Fn(&Rule) -> bool) -> Guidance {
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
    fn quoted(&self, text: &str) -> String {
        let shown = self.phrase(text);
        let trimmed = text.trim();
        if trimmed.starts_with('{') && trimmed.ends_with('}') && trimmed.matches('{').count() == 1 {
            shown
        } else {
            format!("“{shown}”")
        }
    }

    /// A phrase as a reader should see it: placeholders in words.
    fn phrase(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + close];
            out.push_str(&rest[..open]);
            if key.contains('.') && !key.contains(char::is_whitespace) {
                out.push_str(&labels::placeholder(self.lang, key));
            } else {
                out.push_str(&rest[open..=open + close]);
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        clean(&out)
    }

    /// What a rule says: its `message`, or one made from its content in the
    /// document's language (the engine's own is English).
    fn message(&self, rule: &Rule) -> String {
        if let Some(message) = &rule.message {
            return clean(message);
        }
        let lang = self.lang;
        let listed = || {
            let mut items: Vec<String> = rule.phrases().iter().map(|p| self.quoted(p)).collect();
            items.extend(rule.patterns().iter().map(|p| format!("/{}/", p.value)));
            labels::list(lang, &items)
        };
        match (lang, rule.check.value) {
            (_, CheckKind::Length) => labels::words(
                lang,
                rule.min_words.as_ref().map(|m| m.value),
                rule.max_words.as_ref().map(|m| m.value),
            ),
            (_, CheckKind::Echo) => labels::echo(
                lang,
                rule.min
                    .as_ref()
                    .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value),
            ),
            (Lang::En, _) => Words::new(Locale::En).rule_wants(&Want::of(rule), None),
            (Lang::Zh, CheckKind::Mention) => format!("要说到其中之一：{}。", listed()),
            (Lang::Zh, CheckKind::Avoid) => format!("不要说：{}。", listed()),
            (Lang::Zh, CheckKind::Swap) => {
                let pairs: Vec<String> = rule
                    .swap
                    .iter()
                    .flat_map(|s| s.iter())
                    .map(|(from, to)| format!("“{}”→“{}”", self.phrase(from), self.phrase(to)))
                    .collect();
                format!("改用规范用语：{}。", labels::list(lang, &pairs))
            }
        }
    }

    fn rule_card(&self, rule: &Rule) -> RuleCard {
        let lang = self.lang;
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
                    .map(|(from, to)| format!("“{}” → “{}”", self.phrase(from), self.phrase(to)))
                    .collect()
            })
            .unwrap_or_default();
        let message = self.message(rule);
        let bounds = match kind {
            CheckKind::Length if rule.message.is_some() => Some(labels::words(
                lang,
                rule.min_words.as_ref().map(|m| m.value),
                rule.max_words.as_ref().map(|m| m.value),
            )),
            _ => None,
        };
        let at: Vec<String> = rule
            .at
            .as_ref()
            .map(|at| {
                at.iter()
                    .map(|s| {
                        self.pb
                            .step(s)
                            .map_or_else(|| s.value.clone(), |step| clean(&step.title))
                    })
                    .collect()
            })
            .unwrap_or_default();
        RuleCard {
            id: rule.id.value.clone(),
            name: name_of(&rule.id),
            kind: kind.as_str(),
            message,
            phrases,
            phrases_label: if kind == CheckKind::Avoid {
                lang.labels().never_words
            } else {
                lang.labels().words_that_count
            },
            swaps,
            bounds,
            example: rule.suggest.as_ref().map(|s| clean(s)),
            when: rule.when.as_ref().map(|w| self.condition(w)),
            at: labels::at_steps(lang, &at),
            recommended: rule.severity() != Severity::Error,
        }
    }

    fn role_title(&self, id: &str) -> String {
        self.pb
            .role(id)
            .map_or_else(|| id.to_owned(), |r| clean(&r.title))
    }

    /// A role as a sentence names it: "the duty manager".
    fn role_words(&self, id: &str) -> String {
        self.pb
            .role(id)
            .map_or_else(|| id.to_owned(), |r| labels::role_name(self.lang, r))
    }

    fn unit(&self, action: &str) -> Option<String> {
        self.pb
            .action(action)
            .and_then(|a| a.unit.as_ref())
            .map(|u| clean(u))
    }

    /// A condition in the document's language.
    pub fn condition(&self, condition: &Condition) -> String {
        let lang = self.lang;
        let texts =
            |t: &crate::playbook::Texts| t.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
        let action = condition.action();
        let unit = action.and_then(|a| self.unit(a));
        let amount_words = |b: &crate::playbook::AmountBounds| {
            let parts: Vec<String> = [
                (AmountWord::Over, &b.over),
                (AmountWord::AtLeast, &b.at_least),
                (AmountWord::Under, &b.under),
                (AmountWord::AtMost, &b.at_most),
            ]
            .into_iter()
            .filter_map(|(w, v)| {
                v.as_ref().map(|v| {
                    labels::amount_bound(lang, w, &labels::amount(v.value, unit.as_deref()))
                })
            })
            .collect();
            labels::all_of(lang, &parts)
        };
        let mut parts = Vec::new();
        for clause in &condition.clauses {
            let words = match &clause.value {
                Clause::CustomerSays(t) => ClauseWords::Says(labels::one_of(lang, &texts(t))),
                Clause::Contacts(b) => ClauseWords::Contacts(labels::bounds(
                    lang,
                    b.min.as_ref().map(|m| m.value.to_string()),
                    b.max.as_ref().map(|m| m.value.to_string()),
                )),
                Clause::Waiting(b) => ClauseWords::Waiting(labels::bounds(
                    lang,
                    b.min.as_ref().map(|m| labels::duration(lang, m.value)),
                    b.max.as_ref().map(|m| labels::duration(lang, m.value)),
                )),
                Clause::CustomerMood(t) => ClauseWords::Mood(labels::one_of(lang, &texts(t))),
                Clause::CustomerTier(t) => ClauseWords::Tier(labels::one_of(lang, &texts(t))),
                Clause::Fact { key, value } => ClauseWords::Fact {
                    key: key.clone(),
                    value: labels::scalar(lang, value),
                },
                Clause::Action(id) => ClauseWords::Action {
                    title: self
                        .pb
                        .action(id)
                        .map_or_else(|| id.value.clone(), |a| clean(&a.title)),
                    amount: condition.amount().map(|(b, _)| amount_words(b)),
                },
                // Said with the action when there is one.
                Clause::Amount(_) if action.is_some() => continue,
                Clause::Amount(b) => ClauseWords::Amount(amount_words(b)),
            };
            parts.push(labels::clause(lang, words));
        }
        labels::all_of(lang, &parts)
    }

    fn matrix(&self) -> Matrix {
        let pb = self.pb;
        Matrix {
            columns: pb
                .actions
                .iter()
                .map(|a| match &a.unit {
                    Some(unit) => match self.lang {
                        Lang::En => format!("{} ({})", clean(&a.title), clean(unit)),
                        Lang::Zh => format!("{}（{}）", clean(&a.title), clean(unit)),
                    },
                    None => clean(&a.title),
                })
                .collect(),
            rows: pb
                .roles
                .iter()
                .map(|role| MatrixRow {
                    role: clean(&role.title),
                    cells: pb
                        .actions
                        .iter()
                        .map(|a| {
                            labels::limit(
                                self.lang,
                                role.limit(&a.id),
                                a.unit.as_deref().map(String::as_str),
                            )
                        })
                        .collect(),
                })
                .collect(),
            beyond: self.beyond(),
        }
    }

    /// For every role and action it cannot grant without limit: who takes
    /// the amounts above, band by band, as `validate` decides them.
    fn beyond(&self) -> Vec<BeyondDoc> {
        let pb = self.pb;
        let lang = self.lang;
        let limit_words = |limit: Limit, unit: Option<&str>| labels::limit(lang, Some(limit), unit);
        let mut out = Vec::new();
        for (rank, role) in pb.roles.iter().enumerate() {
            for action in &pb.actions {
                let own = role.limit(&action.id);
                if own == Some(Limit::Unlimited) {
                    continue;
                }
                let unit = self.unit(&action.id);
                let bands = policy::authority(&pb.roles, rank, &action.id);
                let above: Vec<(String, String)> = bands
                    .iter()
                    .filter(|b| b.rank != rank)
                    .map(|b| {
                        (
                            labels::role_name(lang, &pb.roles[b.rank]),
                            limit_words(b.up_to, unit.as_deref()),
                        )
                    })
                    .collect();
                let top = match bands.last().map(|b| b.up_to) {
                    Some(Limit::Amount(a)) => Some(labels::amount(a, unit.as_deref())),
                    Some(Limit::Unlimited) => None,
                    None => Some(String::new()),
                };
                out.push(BeyondDoc {
                    role: clean(&role.title),
                    text: labels::beyond_limit(
                        lang,
                        &clean(&action.title),
                        own.map(|l| match l {
                            Limit::Amount(a) => labels::amount(a, unit.as_deref()),
                            Limit::Unlimited => String::new(),
                        })
                        .as_deref(),
                        &above,
                        top.as_deref(),
                    ),
                });
            }
        }
        out
    }

    fn ladder(&self) -> Picture {
        let pb = self.pb;
        let lang = self.lang;
        let labels = lang.labels();
        let rungs: Vec<Rung> = pb
            .roles
            .iter()
            .enumerate()
            .map(|(rank, role)| Rung {
                title: clean(&role.title),
                limits: role
                    .may
                    .iter()
                    .map(|(action, limit)| {
                        labels::action_limit(
                            lang,
                            &name_of(action),
                            limit.value,
                            self.unit(action).as_deref(),
                        )
                    })
                    .collect(),
                reasons: if rank == 0 {
                    Vec::new()
                } else {
                    std::iter::once(labels.over_limit.to_owned())
                        .chain(
                            pb.escalation
                                .iter()
                                .filter(|e| pb.role_rank(&e.to) == Some(rank))
                                .map(|e| match &e.within {
                                    Some(w) => match lang {
                                        Lang::En => format!(
                                            "{} ({})",
                                            name_of(&e.id),
                                            labels::duration(lang, w.value)
                                        ),
                                        Lang::Zh => format!(
                                            "{}（{}）",
                                            name_of(&e.id),
                                            labels::duration(lang, w.value)
                                        ),
                                    },
                                    None => name_of(&e.id),
                                }),
                        )
                        .collect()
                },
            })
            .collect();
        let ladder = Ladder {
            title: labels.ladder.to_owned(),
            rungs,
        };
        Picture {
            svg: svg::ladder(&ladder),
            mermaid: mermaid::ladder(&ladder),
            alt: labels.ladder.to_owned(),
        }
    }

    fn scenario(&self, number: usize, scenario: &Scenario) -> ScenarioDoc {
        let lang = self.lang;
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
            anchor: format!("scenario-{number}"),
            id: scenario.id.value.clone(),
            title: clean(&scenario.title),
            heading: labels::numbered(
                lang,
                lang.labels().scenario,
                number,
                &clean(&scenario.title),
            ),
            situation: clean(&scenario.situation),
            role,
            customer: labels::customer(lang, c.name.as_ref().map(Spanned::as_str), &details),
            beats,
            branches: self.branches(scenario),
        }
    }

    fn step_title(&self, id: &str) -> String {
        self.pb
            .step(id)
            .map_or_else(|| id.to_owned(), |s| clean(&s.title))
    }

    fn beat(&self, number: usize, scenario: &Scenario, beat: &Beat) -> BeatDoc {
        let context = Context::of_beat(self.pb, scenario, beat);
        let next = match beat.next.as_ref().map(|n| &n.value) {
            None => labels::next_beat(self.lang, None, None),
            Some(Next::Always(to)) => labels::next_beat(self.lang, Some(to), None),
            Some(Next::Branch { pass, fail }) => {
                labels::next_beat(self.lang, None, Some((pass, fail)))
            }
        };
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
                        .map(|c| labels::lettered(self.lang, &c.letter, &c.say)),
                    choices,
                    policy: self.best_decision(&context, &d.choices),
                }
            }),
            next,
        }
    }

    /// Why a wrong reply is wrong: the rules the engine finds it breaks.
    fn wrong(&self, text: &str, context: &Context) -> WrongDoc {
        let judgement = self.engine.judge(text, context, None);
        let reasons: Vec<Reason> = judgement
            .failed_rules()
            .map(|f| {
                let found: Vec<String> = f
                    .matches
                    .iter()
                    .map(|m| match &m.replacement {
                        Some(r) => format!("“{}” → “{}”", m.text, r),
                        None => format!("“{}”", m.text),
                    })
                    .collect();
                let rule = &self.pb.rules[f.index];
                let found = match f.check {
                    CheckKind::Length => Some(labels::word_count(
                        self.lang,
                        crate::engine::normalize::count_words(text),
                        rule.min_words.as_ref().map(|m| m.value),
                        rule.max_words.as_ref().map(|m| m.value),
                    )),
                    CheckKind::Mention | CheckKind::Echo => None,
                    CheckKind::Avoid | CheckKind::Swap => {
                        Some(labels::list(self.lang, &found)).filter(|f| !f.is_empty())
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

    fn choice(&self, index: usize, choice: &Choice) -> ChoiceDoc {
        let action = choice.action.as_ref().and_then(|a| a.iter().next());
        let does = labels::choice_does(
            self.lang,
            action
                .map(|(id, amount)| {
                    (
                        self.pb
                            .action(id)
                            .map_or_else(|| id.value.clone(), |a| clean(&a.title)),
                        labels::amount(amount.value, self.unit(id).as_deref()),
                    )
                })
                .as_ref()
                .map(|(t, a)| (t.as_str(), a.clone())),
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

    /// What the policy decides when the best choice is taken, in words.
    fn best_decision(&self, context: &Context, choices: &[Choice]) -> String {
        // With no role there is no one to decide (`check` reports it); the
        // policy engine expects a ladder.
        if self.pb.roles.is_empty() {
            return String::new();
        }
        let proposal = choices
            .iter()
            .find(|c| c.is_best())
            .map(Proposal::of_choice)
            .unwrap_or_default();
        let outcome = self.engine.decide(context, &proposal);
        // One wording of a decision, the one `validate` and the drill use.
        Words::of(self.pb).decision(self.pb, &outcome.decision(self.pb))
    }

    fn branches(&self, scenario: &Scenario) -> Picture {
        let labels = self.lang.labels();
        let index = |id: &str| scenario.beats.iter().position(|b| b.id.as_str() == id);
        let mut edges = Vec::new();
        for (from, beat) in scenario.beats.iter().enumerate() {
            match beat.next.as_ref().map(|n| &n.value) {
                None => edges.push(FlowEdge {
                    from,
                    to: None,
                    kind: EdgeKind::Always,
                }),
                Some(Next::Always(to)) => edges.push(FlowEdge {
                    from,
                    to: index(to),
                    kind: EdgeKind::Always,
                }),
                Some(Next::Branch { pass, fail }) if pass.value == fail.value => {
                    edges.push(FlowEdge {
                        from,
                        to: index(pass),
                        kind: EdgeKind::Always,
                    });
                }
                Some(Next::Branch { pass, fail }) => {
                    edges.push(FlowEdge {
                        from,
                        to: index(pass),
                        kind: EdgeKind::Pass,
                    });
                    edges.push(FlowEdge {
                        from,
                        to: index(fail),
                        kind: EdgeKind::Fail,
                    });
                }
            }
        }
        let flow = Flow {
            title: format!("{}: {}", labels.branches, clean(&scenario.title)),
            nodes: scenario
                .beats
                .iter()
                .map(|b| FlowNode {
                    title: format!("{} · {}", b.id.value, self.step_title(&b.step)),
                    text: clean(&b.customer),
                    decision: b.is_decision(),
                })
                .collect(),
            edges,
            words: FlowWords {
                pass: labels.pass.to_owned(),
                fail: labels.fail.to_owned(),
                start: labels.start.to_owned(),
                end: labels.end.to_owned(),
                decision: labels.decision.to_owned(),
            },
        };
        Picture {
            svg: svg::flow(&flow),
            mermaid: mermaid::flow(&flow),
            alt: flow.title.clone(),
        }
    }

    /// A short quiz: from each scenario, its first wrong reply and its first
    /// decision. Choices are rotated so the best one is not always first.
    fn quiz(&self) -> Vec<Question> {
        let lang = self.lang;
        let labels = lang.labels();
        let mut questions = Vec::new();
        for scenario in &self.pb.scenarios {
            let title = clean(&scenario.title);
            if let Some((beat, wrong)) = scenario
                .beats
                .iter()
                .find_map(|b| b.wrong.first().map(|w| (b, w)))
            {
                let context = Context::of_beat(self.pb, scenario, beat);
                let judged = self.wrong(wrong, &context);
                questions.push(Question {
                    number: questions.len() + 1,
                    scenario: title.clone(),
                    setup: labels::customer_said(lang, &clean(&beat.customer)),
                    reply: Some(judged.text.clone()),
                    ask: labels.what_is_wrong.to_owned(),
                    choices: Vec::new(),
                    answer: if judged.caught {
                        format!(
                            "{}{}{}",
                            labels.rules_broken,
                            labels.colon,
                            labels::list(
                                lang,
                                &judged
                                    .reasons
                                    .iter()
                                    .map(|r| r.rule.clone())
                                    .collect::<Vec<_>>()
                            )
                        )
                    } else {
                        labels.no_rule_catches.to_owned()
                    },
                    because: judged.reasons.iter().map(|r| r.message.clone()).collect(),
                    better: beat.model.as_ref().map(|m| clean(m)),
                });
            }
            if let Some((beat, decide)) = scenario
                .beats
                .iter()
                .find_map(|b| b.decide.as_ref().map(|d| (b, d)))
            {
                let number = questions.len() + 1;
                let count = decide.choices.len().max(1);
                let shift = number % count;
                let mut choices: Vec<ChoiceDoc> = (0..decide.choices.len())
                    .map(|i| {
                        let original = (i + shift) % count;
                        let mut c = self.choice(i, &decide.choices[original]);
                        c.letter = letter(i);
                        c
                    })
                    .collect();
                for c in &mut choices {
                    c.does = None;
                }
                let context = Context::of_beat(self.pb, scenario, beat);
                let answer = choices
                    .iter()
                    .find(|c| c.best)
                    .map(|c| labels::lettered(lang, &c.letter, &c.say))
                    .unwrap_or_default();
                questions.push(Question {
                    number,
                    scenario: title.clone(),
                    setup: labels::customer_said(lang, &clean(&beat.customer)),
                    reply: None,
                    ask: clean(&decide.prompt),
                    choices,
                    answer,
                    because: vec![self.best_decision(&context, &decide.choices)],
                    better: None,
                });
            }
        }
        questions
    }

    /// The flashcards: each rule, each step's goal, each wrong reply.
    pub fn cards(&self) -> Vec<Card> {
        let lang = self.lang;
        let labels = lang.labels();
        // One line per part: Anki shows the line breaks of a plain-text field.
        let sep = "\n";
        let colon = labels.colon;
        let mut cards = Vec::new();
        for rule in &self.pb.rules {
            let card = self.rule_card(rule);
            let mut back: Vec<String> = Vec::new();
            back.push(card.message.clone());
            back.extend(card.bounds.clone());
            if let Some(when) = &card.when {
                back.push(format!("{}{colon}{when}", labels.only_when));
            }
            if !card.phrases.is_empty() {
                let word = if card.kind == "avoid" {
                    labels.never_words
                } else {
                    labels.words_that_count
                };
                back.push(format!(
                    "{word}{colon}{}",
                    labels::list(lang, &card.phrases)
                ));
            }
            if !card.swaps.is_empty() {
                back.push(card.swaps.join(", "));
            }
            if let Some(example) = &card.example {
                back.push(format!("{}{colon}{example}", labels.for_example));
            }
            cards.push(Card {
                front: labels::card_rule_front(lang, &card.name, &card.at),
                back: back.join(sep),
            });
        }
        for (i, step) in self.pb.steps.iter().enumerate() {
            cards.push(Card {
                front: labels::card_step_front(lang, i + 1, &clean(&step.title)),
                back: clean(&step.goal),
            });
        }
        for scenario in &self.pb.scenarios {
            for beat in scenario.beats.iter() {
                let context = Context::of_beat(self.pb, scenario, beat);
                for wrong in &beat.wrong {
                    let judged = self.wrong(wrong, &context);
                    let mut back: Vec<String> =
                        judged.reasons.iter().map(|r| r.message.clone()).collect();
                    if !judged.caught {
                        back.push(labels.no_rule_catches.to_owned());
                    }
                    if let Some(model) = &beat.model {
                        back.push(format!("{}{colon}“{}”", labels.better, clean(model)));
                    }
                    cards.push(Card {
                        front: labels::card_wrong_front(lang, &clean(&beat.customer), &judged.text),
                        back: back.join(sep),
                    });
                }
            }
        }
        cards
    }
}

/// A, B, C, … Z, then AA, AB, ….
fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_as_a_reader_would_join_them() {
        assert_eq!(clean("  one\n  two \n"), "one two");
        assert_eq!(clean("一阵风\n吹翻了"), "一阵风吹翻了");
        assert_eq!(clean("\n\n"), "");
    }

    #[test]
    fn choices_are_lettered() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(2), "C");
        assert_eq!(letter(26), "AA");
    }
}
