//! `ethos drill`: a trainee plays a scenario; every answer is judged by the
//! reply engine, the customer reacts along `next`, and a scorecard ends it.
//!
//! The session is independent of how it asks ([`Prompter`]): a terminal with
//! dialoguer, or scripted lines. It keeps the transcript up to date after every
//! turn, so an interruption can save what was answered.

pub mod prompter;
pub mod report;
pub mod scorecard;
pub mod scripted;
pub mod terminal;
pub mod transcript;
pub mod underline;

use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub use prompter::{BadAnswer, ChoiceItem, Prompter, Stop};
pub use transcript::{ChoiceMade, Totals, Transcript, Turn};

use crate::conversation::exchange::{self, Broken, Exchange};
use crate::conversation::{ConversationJudge, Reason};
use crate::engine::{Context, Engine, Proposal, Verdict};
use crate::playbook::{Beat, CheckKind, Next, Playbook, Scenario, Severity};
use crate::report::judgement::{JudgementView, RuleView};
use crate::report::reply::failing_spans;
use crate::words::Words;
use crate::words::drill::{customer_says, echo_hint, try_saying};
use crate::words::report::{policy_code, verdict_line};

/// The most turns a drill takes: scenarios may loop (a failed reply sends the
/// customer back), and a trainee who keeps failing must still reach the end.
pub fn max_turns(scenario: &Scenario) -> usize {
    scenario.beats.len() * 3
}

pub struct Session<'e, 'p> {
    engine: &'e Engine<'p>,
    /// The procedures, for decisions whose actions are tool calls; `None`
    /// for a playbook without procedures.
    procedures: Option<ConversationJudge<'e, 'p>>,
    playbook: &'p Playbook,
    scenario: &'p Scenario,
    exam: bool,
    /// The drill's own words, in the playbook's language.
    words: Words,
    /// Shared with the Ctrl-C handler, which saves it.
    pub transcript: Arc<Mutex<Transcript>>,
}

impl<'e, 'p> Session<'e, 'p> {
    pub fn new(engine: &'e Engine<'p>, scenario: &'p Scenario, trainee: &str, exam: bool) -> Self {
        let playbook = engine.playbook;
        let transcript = Transcript {
            ethos_transcript: transcript::FORMAT,
            playbook: playbook.playbook.value.clone(),
            playbook_title: playbook.title.value.clone(),
            language: playbook.language().to_owned(),
            scenario: scenario.id.value.clone(),
            scenario_title: scenario.title.value.clone(),
            trainee: trainee.to_owned(),
            started: jiff::Timestamp::now()
                .strftime("%Y-%m-%dT%H:%M:%SZ")
                .to_string(),
            exam,
            complete: false,
            turns: Vec::new(),
            totals: Totals {
                pass_mark: playbook.pass_mark(),
                ..Totals::default()
            },
        };
        Session {
            engine,
            procedures: (!playbook.procedures.is_empty())
                .then(|| ConversationJudge::new(engine).ok())
                .flatten(),
            playbook,
            scenario,
            exam,
            words: Words::of(playbook),
            transcript: Arc::new(Mutex::new(transcript)),
        }
    }

    /// Play the scenario to its end. On `Err`, the transcript holds the turns
    /// answered so far.
    pub fn play(&self, prompter: &mut dyn Prompter) -> Result<(), Stop> {
        let color = prompter.color();
        prompter.say(&self.introduction(color));
        let mut context = Context::of_scenario(self.playbook, self.scenario);
        // What the customer has said so far, for the policy.
        let mut said: Vec<&str> = Vec::new();
        let mut beat = self.scenario.beats.first();
        let mut exam_feedback = Vec::new();
        let mut turns = 0;
        while let Some(current) = beat {
            if turns == max_turns(self.scenario) {
                let end = (self.words).fmt("drill-ends-here", &[("turns", turns.into())]);
                prompter.say(&format!("\n{end}"));
                break;
            }
            turns += 1;
            context.enter_beat(current);
            said.push(current.customer.as_str());
            let line = customer_says(
                self.words,
                context.customer_name.as_deref(),
                context.customer_mood.as_deref(),
                current.customer.trim(),
            );
            prompter.say(&format!("\n{line}"));
            if !self.exam
                && let Some(step) = self.playbook.step(&current.step)
            {
                prompter.say(&self.words.fmt(
                    "drill-step",
                    &[
                        ("title", step.title.as_str().into()),
                        ("goal", step.goal.trim().into()),
                    ],
                ));
            }
            let started = Instant::now();
            let conversation = conversation_so_far(&context, &said);
            let (turn, feedback) = match &current.decide {
                Some(decide) => self.decision(prompter, current, decide, &conversation, color)?,
                None => self.free_reply(prompter, current, &context, &conversation, color)?,
            };
            // Once the case has gone up, later beats do not ask for it again.
            if let Some(to) = self.escalation_of(&turn) {
                escalate(self.playbook, &mut context, to);
            }
            let turn = Turn {
                seconds: round1(started.elapsed().as_secs_f64()),
                ..turn
            };
            let passed = turn.verdict == "pass";
            if self.exam {
                exam_feedback.push(self.words.labelled(&current.id, &feedback));
            } else {
                prompter.say(&feedback);
            }
            self.record(turn, &context);
            beat = self.next_beat(current, passed);
        }
        if self.exam && !exam_feedback.is_empty() {
            prompter.say(&format!(
                "\n{}\n\n{}",
                self.words.text("drill-feedback"),
                exam_feedback.join("\n\n")
            ));
        }
        let mut transcript = self
            .transcript
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        transcript.complete = true;
        prompter.say(&scorecard::render(&transcript, self.words, color));
        Ok(())
    }

    fn introduction(&self, color: bool) -> String {
        let s = self.scenario;
        let w = self.words;
        let mut out = format!("\n{}\n\n{}\n", bold(&s.title, color), s.situation.trim());
        let header = [
            w.text("drill-customer"),
            w.text("drill-mood"),
            w.text("drill-tier"),
        ];
        let mut table = crate::report::tables::table(&header, Some(60));
        let text = |v: &Option<crate::playbook::Spanned<String>>| {
            v.as_ref().map_or("—".to_owned(), |v| v.value.clone())
        };
        table.add_row(vec![
            text(&s.customer.name),
            text(&s.customer.mood),
            text(&s.customer.tier),
        ]);
        let _ = writeln!(out, "{table}");
        let role = Context::of_scenario(self.playbook, s).role;
        if let Some(role) = self.playbook.role(&role) {
            let _ = writeln!(out, "{}", w.labelled(&w.text("drill-you-are"), &role.title));
        }
        out
    }

    /// A free reply: its words judged in the beat's `context`, what it does
    /// (an escalation in words) by the policy in `conversation`, which holds
    /// what the customer has said so far.
    fn free_reply(
        &self,
        prompter: &mut dyn Prompter,
        beat: &Beat,
        context: &Context,
        conversation: &Context,
        color: bool,
    ) -> Result<(Turn, String), Stop> {
        let width = prompter.width();
        let w = self.words;
        let reply = prompter.reply(&w.text("drill-your-reply"))?;
        let words = self.engine.judge(&reply, context, None);
        let outcome = self
            .engine
            .decide_free_reply(&reply, conversation, &Proposal::default());
        let judgement = JudgementView::new(
            crate::engine::Judgement::new(
                words.step,
                words.role,
                words.findings,
                outcome.findings,
                None,
            ),
            self.playbook,
            self.words,
        );
        let passed = judgement.verdict == Verdict::Pass;
        let mut feedback = String::new();
        let verdict = verdict_line(
            w,
            judgement.verdict,
            judgement.score,
            judgement.findings.iter().any(RuleView::fails_reply),
            &verdict_word(passed, w, color),
        );
        let _ = writeln!(feedback, "{verdict}");
        let marks = failing_spans(&judgement);
        if !marks.is_empty() {
            feedback.push_str(&underline::fitted(&reply, &marks, w, color, width));
        }
        for f in judgement.failed_rules() {
            // A failed warning does not fail the reply: say so by its mark.
            let mark = if f.fails_reply() { "✗" } else { "⚠" };
            let _ = writeln!(
                feedback,
                "  {mark} {}",
                w.labelled(f.rule, f.message.trim())
            );
            // An echo rule's suggestion is written once for the playbook and
            // its example names one scenario's facts ("the coffee and the
            // towels"); in a drill, name this beat's.
            let echo = (f.check == CheckKind::Echo && !context.key_facts.is_empty())
                .then(|| self.echo_hint(context));
            if let Some(suggestion) = echo.as_deref().or(f.suggestion.as_deref()) {
                let _ = writeln!(feedback, "    {}", try_saying(w, suggestion));
            }
        }
        for finding in &judgement.policy {
            let mark = match finding.severity {
                Severity::Error => "✗",
                Severity::Warning => "⚠",
                Severity::Info => "ℹ",
            };
            let _ = writeln!(
                feedback,
                "  {mark} {}",
                w.labelled(&policy_code(w, finding.code), &finding.message)
            );
        }
        let turn = Turn {
            beat: beat.id.value.clone(),
            step: beat.step.value.clone(),
            customer: beat.customer.value.clone(),
            reply: Some(reply.clone()),
            choice: None,
            verdict: if passed { "pass" } else { "fail" }.to_owned(),
            score: judgement.score,
            // What it failed: its rules, and what it did that the policy
            // holds against it (a report is not a failure).
            failed: judgement
                .failed_rules()
                .map(|f| f.rule.to_owned())
                .chain(
                    judgement
                        .policy
                        .iter()
                        .filter(|f| f.severity != Severity::Info)
                        .map(|f| f.code.as_str().to_owned()),
                )
                .collect(),
            seconds: 0.0,
        };
        Ok((turn, feedback.trim_end().to_owned()))
    }

    /// Try naming this beat's key facts: "name what you heard, like
    /// “coffee” or “towels”". A hint, not the list: the first few facts
    /// written as words (a beat may also accept forms like `charg*`).
    fn echo_hint(&self, context: &Context) -> String {
        const SHOWN: usize = 3;
        let plain = context.key_facts.iter().filter(|f| !f.contains('*'));
        let mut facts: Vec<String> = plain.take(SHOWN).cloned().collect();
        if facts.is_empty() {
            facts = (context.key_facts.iter().take(SHOWN))
                .map(|f| f.replace('*', ""))
                .collect();
        }
        echo_hint(self.words, &facts)
    }

    /// A decision, judged by the policy in `context`, which holds what the
    /// customer has said so far.
    fn decision(
        &self,
        prompter: &mut dyn Prompter,
        beat: &Beat,
        decide: &crate::playbook::Decision,
        context: &Context,
        color: bool,
    ) -> Result<(Turn, String), Stop> {
        let items: Vec<ChoiceItem> = decide
            .choices
            .iter()
            .map(|c| ChoiceItem {
                say: c.say.as_str(),
                action: c
                    .action
                    .as_ref()
                    .and_then(|a| a.iter().next())
                    .map(|(id, _)| id.as_str()),
            })
            .collect();
        let index = prompter.choose(decide.prompt.as_str(), &items)?;
        let choice = &decide.choices[index];
        let action = choice.action.as_ref().and_then(|a| a.iter().next());
        let outcome = self.engine.decide(context, &Proposal::of_choice(choice));
        let broken = self.procedures_broken(beat, choice, context);
        let passed = choice.is_best() && !broken.iter().any(|b| b.severity == Severity::Error);
        let w = self.words;
        let mut feedback = format!("{}\n", verdict_word(passed, w, color));
        // One line a procedure: what each unmet part means, then the
        // author's message once.
        let mut shown: Vec<&str> = Vec::new();
        for b in &broken {
            if shown.contains(&b.procedure) {
                continue;
            }
            shown.push(b.procedure);
            let mut why: Vec<String> = broken
                .iter()
                .filter(|x| x.procedure == b.procedure)
                .map(|x| w.procedure_reason(x.reason))
                .collect();
            why.extend(b.message.map(str::to_owned));
            let _ = writeln!(feedback, "  ✗ {}", w.labelled(b.procedure, &why.join(" ")));
        }
        if !passed {
            if let Some(best) = decide.choices.iter().find(|c| c.is_best()) {
                let line = w.labelled(&w.text("drill-best-choice"), best.say.trim());
                let _ = writeln!(feedback, "  {line}");
            }
            for finding in &outcome.findings {
                let message = self.words.policy_finding(self.playbook, finding);
                let _ = writeln!(
                    feedback,
                    "  ✗ {}",
                    w.labelled(&policy_code(w, finding.code), &message)
                );
            }
        }
        let best_choice = decide.choices.iter().find(|c| c.is_best());
        let policy = self.engine.decide(
            context,
            &best_choice.map(Proposal::of_choice).unwrap_or_default(),
        );
        let decision = self
            .words
            .decision(self.playbook, &policy.decision(self.playbook));
        let policy = w.labelled(&w.text("drill-the-policy"), &decision);
        let _ = writeln!(feedback, "  {policy}");
        let mut failed: Vec<String> = outcome
            .findings
            .iter()
            .map(|f| f.code.as_str().to_owned())
            .collect();
        for b in &broken {
            if !failed.iter().any(|f| f == b.procedure) {
                failed.push(b.procedure.to_owned());
            }
        }
        if !passed && failed.is_empty() {
            failed.push("not-best-choice".to_owned());
        }
        let turn = Turn {
            beat: beat.id.value.clone(),
            step: beat.step.value.clone(),
            customer: beat.customer.value.clone(),
            reply: None,
            choice: Some(ChoiceMade {
                number: index + 1,
                say: choice.say.value.clone(),
                action: action.map(|(id, _)| id.value.clone()),
                amount: action.map(|(_, amount)| amount.value),
                escalate: choice.escalate.as_ref().map(|r| r.value.clone()),
                best: passed,
            }),
            verdict: if passed { "pass" } else { "fail" }.to_owned(),
            score: if passed { 100.0 } else { 0.0 },
            failed,
            seconds: 0.0,
        };
        Ok((turn, feedback.trim_end().to_owned()))
    }

    /// The procedure parts a choice breaks, judged on the drill so far as a
    /// conversation: each beat's customer line, the trainee's words, and a
    /// choice's action as its tool call. A `then_says` cannot be judged
    /// before the next beat, so it is not held against the choice.
    fn procedures_broken(
        &self,
        beat: &Beat,
        choice: &crate::playbook::Choice,
        context: &Context,
    ) -> Vec<Broken<'e>> {
        let Some(judge) = &self.procedures else {
            return Vec::new();
        };
        let t = self
            .transcript
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut exchanges: Vec<Exchange<'_>> = t
            .turns
            .iter()
            .map(|turn| Exchange {
                customer: &turn.customer,
                agent: turn
                    .reply
                    .as_deref()
                    .or(turn.choice.as_ref().map(|c| c.say.as_str())),
                action: turn
                    .choice
                    .as_ref()
                    .and_then(|c| Some((c.action.as_deref()?, c.amount.unwrap_or(1.0)))),
            })
            .collect();
        exchanges.push(Exchange {
            customer: &beat.customer,
            agent: Some(&choice.say),
            action: choice
                .action
                .as_ref()
                .and_then(|a| a.iter().next())
                .map(|(id, amount)| (id.as_str(), amount.value)),
        });
        let conversation = exchange::conversation_of(self.playbook, context, &exchanges);
        exchange::broken_by_last(judge, &conversation, exchanges.len())
            .into_iter()
            .filter(|b| b.reason != Reason::NotSaidAfter)
            .collect()
    }

    /// The role a turn handed the case to: a choice's `escalate`, or a free
    /// reply's handoff phrase.
    fn escalation_of(&self, turn: &Turn) -> Option<&'p str> {
        match (&turn.choice, &turn.reply) {
            (Some(choice), _) => choice
                .escalate
                .as_deref()
                .and_then(|r| self.playbook.role(r))
                .map(|r| r.id.as_str()),
            (None, Some(reply)) => self.engine.worded_escalation(reply),
            (None, None) => None,
        }
    }

    fn next_beat(&self, beat: &Beat, passed: bool) -> Option<&'p Beat> {
        let next = beat.next.as_ref()?;
        let id = match &next.value {
            Next::Always(id) => id,
            Next::Branch { pass, fail } => {
                if passed {
                    pass
                } else {
                    fail
                }
            }
        };
        self.scenario.beat(id)
    }

    /// Add a turn and bring the totals up to date.
    fn record(&self, turn: Turn, context: &Context) {
        let mut t = self
            .transcript
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        t.turns.push(turn);
        t.totals = totals(
            &t.turns,
            self.playbook.pass_mark(),
            context.customer_mood.clone(),
        );
    }
}

/// Record that the case went to `to`: the context's `escalated` becomes the
/// more senior of where it was and `to`.
fn escalate(playbook: &Playbook, context: &mut Context, to: &str) {
    let rank = |r: &str| playbook.role_rank(r);
    let already = context.escalated.as_deref().and_then(rank);
    if rank(to) > already {
        context.escalated = Some(to.to_owned());
    }
}

/// Between two of the customer's lines: a mark that is neither a word nor a
/// space, so a phrase never matches across the end of one line and the start
/// of the next ("… I cut" + "my …").
const BETWEEN_LINES: &str = "\n¶\n";

/// The context for the policy: the beat's, with every customer line so far
/// as the customer's message, as in a conversation (an injury mentioned two
/// beats ago still calls for a manager at the decision).
fn conversation_so_far(context: &Context, said: &[&str]) -> Context {
    Context {
        message: Some(said.join(BETWEEN_LINES)),
        ..context.clone()
    }
}

fn totals(turns: &[Turn], pass_mark: f64, final_mood: Option<String>) -> Totals {
    let n = turns.len();
    #[allow(clippy::cast_precision_loss)]
    let mean = |sum: f64| if n == 0 { 0.0 } else { sum / n as f64 };
    let score = round1(mean(turns.iter().map(|t| t.score).sum()));
    Totals {
        score,
        pass_mark,
        passed: n > 0 && score >= pass_mark,
        turns: n,
        time_to_first_reply: turns.first().map_or(0.0, |t| t.seconds),
        average_seconds: round1(mean(turns.iter().map(|t| t.seconds).sum())),
        solved_without_escalation: turns
            .iter()
            .all(|t| t.choice.as_ref().is_none_or(|c| c.escalate.is_none())),
        final_mood,
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn verdict_word(passed: bool, w: Words, color: bool) -> String {
    let (word, style) = if passed {
        (
            format!("✓ {}", w.text("report-pass")),
            anstyle::AnsiColor::Green.on_default().bold(),
        )
    } else {
        (
            format!("✗ {}", w.text("report-fail")),
            anstyle::AnsiColor::Red.on_default().bold(),
        )
    };
    if color {
        format!("{style}{word}{style:#}")
    } else {
        word
    }
}

fn bold(text: &str, color: bool) -> String {
    if color {
        let style = anstyle::Style::new().bold();
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// A line per scenario for the picker: title, steps exercised, difficulty.
pub fn scenario_menu(playbook: &Playbook, w: Words) -> Vec<String> {
    playbook
        .scenarios
        .iter()
        .map(|s| {
            let mut steps: Vec<&str> = Vec::new();
            for b in s.beats.iter() {
                if !steps.contains(&b.step.as_str()) {
                    steps.push(b.step.as_str());
                }
            }
            let decisions = s.beats.iter().filter(|b| b.is_decision()).count();
            w.fmt(
                "drill-menu-item",
                &[
                    ("title", s.title.as_str().into()),
                    ("steps", steps.join(&w.text("list-separator")).into()),
                    ("difficulty", difficulty(s).in_words(w).into()),
                    ("beats", s.beats.len().into()),
                    ("decisions", decisions.into()),
                ],
            )
        })
        .collect()
}

/// How hard a scenario is to play through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// "easy", "简单", "leicht".
    pub fn in_words(self, w: Words) -> String {
        match self {
            Difficulty::Easy => w.text("drill-difficulty-easy"),
            Difficulty::Medium => w.text("drill-difficulty-medium"),
            Difficulty::Hard => w.text("drill-difficulty-hard"),
        }
    }
}

/// Easy, medium or hard: the turns on the way through when every answer
/// passes, with a decision whose best choice is to escalate counted twice
/// (knowing when to let go is the hard part).
pub fn difficulty(scenario: &Scenario) -> Difficulty {
    let mut weight = 0;
    let mut seen = Vec::new();
    let mut beat = scenario.beats.first();
    while let Some(b) = beat {
        if seen.contains(&b.id.as_str()) {
            break;
        }
        seen.push(b.id.as_str());
        weight += 1;
        let escalates = b.decide.as_ref().is_some_and(|d| {
            d.choices
                .iter()
                .any(|c| c.is_best() && c.escalate.is_some())
        });
        if escalates {
            weight += 1;
        }
        let next = b.next.as_ref().map(|n| match &n.value {
            Next::Always(id) | Next::Branch { pass: id, .. } => id.as_str(),
        });
        beat = next.and_then(|id| scenario.beat(id));
    }
    match weight {
        0..=3 => Difficulty::Easy,
        4 => Difficulty::Medium,
        _ => Difficulty::Hard,
    }
}
