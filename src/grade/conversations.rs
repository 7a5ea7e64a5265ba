//! `ethos grade` over a conversation file: one JSON line per conversation,
//! in input order, judged on every core by the same reader, batches and
//! ordered writer as replies (`shared/spec/CONVERSATIONS.md`, "Output").

use std::io::{Read, Write};

use serde::Serialize;
use serde::ser::SerializeMap;

use super::line::LineError as ReplyLineError;
use super::{Batch, Error, Graded, Options, Progress, lines, pipeline};
use crate::conversation::{
    ConversationJudge, ConversationJudgement, Finding, Meta, Scratch, Warning, read_line_to_judge,
};
use crate::engine::{Match, PolicyFinding, Status, Verdict};
use crate::playbook::{Limit, Playbook, Severity};
use crate::words::tool::LineProblem;
use crate::words::{Locale, Words};

/// What grading conversations adds up to (`--summary`, the exit code).
#[derive(Clone, Debug, Default)]
pub struct ConversationTally {
    pub conversations: u64,
    pub passed: u64,
    /// Lines that could not be judged.
    pub errors: u64,
    /// The first few of them: line and why, in English.
    pub first_errors: Vec<(u64, String)>,
    /// Per rule, then per procedure (the playbook's order): failures, and
    /// conversations with at least one.
    pub rules: Vec<(u64, u64)>,
    pub procedures: Vec<(u64, u64)>,
    /// Policy codes: failures and conversations, by code.
    pub policy: Vec<(&'static str, u64, u64)>,
    /// Conversations where an escalation was required, and where the case
    /// was escalated (for any reason).
    pub escalation_required: u64,
    pub escalated: u64,
    pub first_reply_s: Vec<i64>,
    pub handling_s: Vec<i64>,
    /// Sum of scores, for the mean.
    pub score_sum: f64,
}

/// How many failing lines the tally keeps the reason of.
const FIRST_ERRORS: usize = 10;

impl ConversationTally {
    pub fn new(playbook: &Playbook) -> Self {
        ConversationTally {
            rules: vec![(0, 0); playbook.rules.len()],
            procedures: vec![(0, 0); playbook.procedures.len()],
            ..ConversationTally::default()
        }
    }

    fn add(&mut self, j: &ConversationJudgement<'_>) {
        self.conversations += 1;
        if j.verdict == Verdict::Pass {
            self.passed += 1;
        }
        self.score_sum += j.score;
        let mut rules_here = vec![false; self.rules.len()];
        let mut procedures_here = vec![false; self.procedures.len()];
        let mut codes_here: Vec<&'static str> = Vec::new();
        for finding in &j.findings {
            match finding {
                Finding::Rule { finding, .. } => {
                    if let Some(r) = self.rules.get_mut(finding.index) {
                        r.0 += 1;
                        rules_here[finding.index] = true;
                    }
                }
                Finding::Procedure { index, .. } => {
                    if let Some(p) = self.procedures.get_mut(*index) {
                        p.0 += 1;
                        procedures_here[*index] = true;
                    }
                }
                Finding::Policy { finding, .. } => {
                    let code = finding.code.as_str();
                    match self.policy.iter_mut().find(|(c, _, _)| *c == code) {
                        Some(entry) => entry.1 += 1,
                        None => self.policy.push((code, 1, 0)),
                    }
                    if !codes_here.contains(&code) {
                        codes_here.push(code);
                    }
                }
            }
        }
        for (entry, here) in self.rules.iter_mut().zip(rules_here) {
            entry.1 += u64::from(here);
        }
        for (entry, here) in self.procedures.iter_mut().zip(procedures_here) {
            entry.1 += u64::from(here);
        }
        for code in codes_here {
            if let Some(entry) = self.policy.iter_mut().find(|(c, _, _)| *c == code) {
                entry.2 += 1;
            }
        }
        self.escalation_required += u64::from(j.escalation.required.is_some());
        self.escalated += u64::from(j.escalation.done.is_some());
        self.first_reply_s.extend(j.metrics.first_reply_s);
        self.handling_s.extend(j.metrics.handling_s);
    }

    fn error(&mut self, line: u64, why: String) {
        self.errors += 1;
        if self.first_errors.len() < FIRST_ERRORS {
            self.first_errors.push((line, why));
        }
    }

    fn merge(&mut self, other: ConversationTally) {
        self.conversations += other.conversations;
        self.passed += other.passed;
        self.errors += other.errors;
        self.first_errors.extend(other.first_errors);
        self.first_errors.sort_by_key(|(line, _)| *line);
        self.first_errors.truncate(FIRST_ERRORS);
        for (a, b) in self.rules.iter_mut().zip(other.rules) {
            *a = (a.0 + b.0, a.1 + b.1);
        }
        for (a, b) in self.procedures.iter_mut().zip(other.procedures) {
            *a = (a.0 + b.0, a.1 + b.1);
        }
        for (code, count, convs) in other.policy {
            match self.policy.iter_mut().find(|(c, _, _)| *c == code) {
                Some(entry) => {
                    entry.1 += count;
                    entry.2 += convs;
                }
                None => self.policy.push((code, count, convs)),
            }
        }
        self.escalation_required += other.escalation_required;
        self.escalated += other.escalated;
        self.first_reply_s.extend(other.first_reply_s);
        self.handling_s.extend(other.handling_s);
        self.score_sum += other.score_sum;
    }

    /// Percent of judged conversations that passed (100 with none).
    pub fn pass_rate(&self) -> f64 {
        percent(self.passed, self.conversations).unwrap_or(100.0)
    }

    /// The summary `--summary` prints, as data.
    pub fn summary<'p>(&self, playbook: &'p Playbook) -> Summary<'p> {
        let mut policy = self.policy.clone();
        policy.sort_by_key(|(code, _, _)| *code);
        Summary {
            conversations: self.conversations,
            passed: self.passed,
            pass_rate: self.pass_rate(),
            mean_score: (self.conversations > 0).then(|| {
                #[allow(clippy::cast_precision_loss)]
                let mean = self.score_sum / self.conversations as f64;
                (mean * 10.0).round() / 10.0
            }),
            errors: self.errors,
            by_rule: playbook
                .rules
                .iter()
                .zip(&self.rules)
                .map(|(r, &(failed, conversations))| Failures {
                    id: r.id.as_str(),
                    kind: "rule",
                    failed,
                    conversations,
                })
                .chain(playbook.procedures.iter().zip(&self.procedures).map(
                    |(p, &(failed, conversations))| Failures {
                        id: p.id.as_str(),
                        kind: "procedure",
                        failed,
                        conversations,
                    },
                ))
                .collect(),
            policy: policy
                .into_iter()
                .map(|(code, failed, conversations)| Failures {
                    id: code,
                    kind: "policy",
                    failed,
                    conversations,
                })
                .collect(),
            escalation_rate: percent(self.escalation_required, self.conversations),
            escalated_rate: percent(self.escalated, self.conversations),
            median_first_reply_s: median(&self.first_reply_s),
            median_handling_s: median(&self.handling_s),
        }
    }
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| (1000.0 * part as f64 / whole as f64).round() / 10.0)
}

/// The median, the mean of the two middle values for an even count.
fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    #[allow(clippy::cast_precision_loss)]
    Some(if sorted.len().is_multiple_of(2) {
        f64::midpoint(sorted[mid - 1] as f64, sorted[mid] as f64)
    } else {
        sorted[mid] as f64
    })
}

/// `--summary` over conversations.
#[derive(Clone, Debug, Serialize)]
pub struct Summary<'p> {
    pub conversations: u64,
    pub passed: u64,
    pub pass_rate: f64,
    pub mean_score: Option<f64>,
    pub errors: u64,
    /// Every rule and procedure: how often it failed, in how many conversations.
    pub by_rule: Vec<Failures<'p>>,
    pub policy: Vec<Failures<'p>>,
    /// Percent of conversations where the playbook required an escalation.
    pub escalation_rate: Option<f64>,
    /// Percent of conversations that were escalated.
    pub escalated_rate: Option<f64>,
    pub median_first_reply_s: Option<f64>,
    pub median_handling_s: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Failures<'p> {
    pub id: &'p str,
    pub kind: &'static str,
    pub failed: u64,
    pub conversations: u64,
}

/// Judge every conversation line of `input`, writing a line for each to
/// `out` in input order (unless `options.quiet`).
pub fn run(
    judge: &ConversationJudge<'_, '_>,
    input: Box<dyn Read + Send>,
    out: &mut dyn Write,
    options: Options,
    progress: &dyn Progress,
) -> Result<ConversationTally, Error> {
    let max_line_bytes = options.max_line_bytes;
    let read: pipeline::Reader =
        Box::new(move |work, tokens| lines::read(input, work, tokens, max_line_bytes));
    let playbook = judge.playbook();
    let workers = (0..options.jobs.max(1))
        .map(|_| ConversationWorker {
            judge,
            scratch: Scratch::default(),
            tally: ConversationTally::new(playbook),
            options,
        })
        .collect();
    let mut tally = ConversationTally::new(playbook);
    for t in pipeline::run(read, workers, out, progress)? {
        tally.merge(t);
    }
    Ok(tally)
}

/// A thread's judge of conversation lines, its buffers and its tally.
struct ConversationWorker<'j, 'e, 'p> {
    judge: &'j ConversationJudge<'e, 'p>,
    scratch: Scratch,
    tally: ConversationTally,
    options: Options,
}

impl pipeline::Worker for ConversationWorker<'_, '_, '_> {
    type Tally = ConversationTally;

    fn grade(&mut self, batch: &Batch) -> Graded {
        judge_batch(
            self.judge,
            &mut self.scratch,
            &mut self.tally,
            batch,
            self.options,
        )
    }

    fn into_tally(self) -> ConversationTally {
        self.tally
    }
}

fn judge_batch(
    judge: &ConversationJudge<'_, '_>,
    scratch: &mut Scratch,
    tally: &mut ConversationTally,
    batch: &Batch,
    options: Options,
) -> Graded {
    let mut out = Vec::with_capacity(if options.quiet { 0 } else { 4096 });
    for (number, line) in batch.each_line(options.max_line_bytes) {
        let raw = match line {
            Ok(raw) => raw,
            Err(why) => {
                reply_line_error(tally, number, &why, options, &mut out);
                continue;
            }
        };
        let Ok(text) = std::str::from_utf8(raw) else {
            reply_line_error(tally, number, &LineProblem::NotUtf8, options, &mut out);
            continue;
        };
        judge_line(judge, scratch, tally, text, number, options, &mut out);
    }
    Graded {
        seq: batch.seq,
        out,
        lines: batch.line_count(),
        read: batch.read,
    }
}

fn reply_line_error(
    tally: &mut ConversationTally,
    number: u64,
    why: &LineProblem,
    options: Options,
    out: &mut Vec<u8>,
) {
    tally.error(number, crate::words::tool::english(why));
    if !options.quiet {
        let _ = serde_json::to_writer(
            &mut *out,
            &ReplyLineError {
                line: number,
                id: None,
                error: why,
            },
        );
        out.push(b'\n');
    }
}

/// An output line for a line that is not a conversation.
#[derive(Serialize)]
struct ErrorLine<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    error: &'a str,
}

fn judge_line(
    judge: &ConversationJudge<'_, '_>,
    scratch: &mut Scratch,
    tally: &mut ConversationTally,
    text: &str,
    number: u64,
    options: Options,
    out: &mut Vec<u8>,
) {
    let (conversation, warnings) = match read_line_to_judge(text, number) {
        Ok(read) => read,
        Err(e) => {
            let why = crate::words::conversation::english(&e);
            if !options.quiet {
                let _ = serde_json::to_writer(
                    &mut *out,
                    &ErrorLine {
                        line: number,
                        id: e.id.as_deref(),
                        error: &why,
                    },
                );
                out.push(b'\n');
            }
            tally.error(number, why);
            return;
        }
    };
    let judgement = judge.judge_with(&conversation, scratch);
    tally.add(&judgement);
    if options.quiet {
        return;
    }
    let line = GradeLine {
        id: &conversation.id,
        judgement: &judgement,
        playbook: judge.playbook(),
        meta: &conversation.meta,
        warnings: &warnings,
        explain: options.explain,
    };
    let _ = serde_json::to_writer(&mut *out, &line);
    out.push(b'\n');
}

/// The output line of one conversation, exactly the spec's fields.
pub struct GradeLine<'a, 'p> {
    pub id: &'a str,
    pub judgement: &'a ConversationJudgement<'p>,
    pub playbook: &'p Playbook,
    pub meta: &'a Meta,
    pub warnings: &'a [Warning],
    /// Every rule and procedure with its status, not only what failed.
    pub explain: bool,
}

impl GradeLine<'_, '_> {
    /// The line as a JSON value (`validate --conversation --format json`).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("plain data serialises")
    }
}

impl Serialize for GradeLine<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let j = self.judgement;
        let pb = self.playbook;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("verdict", &j.verdict)?;
        map.serialize_entry("score", &j.score)?;
        map.serialize_entry("turns", &j.turns)?;
        map.serialize_entry("failed", &j.failed())?;
        let mut findings: Vec<FindingOut<'_, '_>> = j
            .findings
            .iter()
            .map(|f| FindingOut::Found(f, pb))
            .collect();
        if self.explain {
            for (rule, status) in pb.rules.iter().zip(&j.rules) {
                if *status != Status::Fail {
                    findings.push(FindingOut::Outcome(rule.id.as_str(), "rule", *status));
                }
            }
            for (p, status) in pb.procedures.iter().zip(&j.procedures) {
                if *status != Status::Fail {
                    findings.push(FindingOut::Outcome(p.id.as_str(), "procedure", *status));
                }
            }
        }
        map.serialize_entry("findings", &findings)?;
        let role = |rank: Option<usize>| rank.and_then(|r| pb.roles.get(r)).map(|r| r.id.as_str());
        let because: Vec<&str> = j
            .escalation
            .because
            .iter()
            .filter_map(|&i| pb.escalation.get(i).map(|e| e.id.as_str()))
            .collect();
        map.serialize_entry(
            "escalation",
            &EscalationOut {
                required: role(j.escalation.required),
                done: role(j.escalation.done),
                because,
            },
        )?;
        map.serialize_entry("metrics", &MetricsOut(j.metrics))?;
        if !self.meta.is_empty() {
            map.serialize_entry("meta", self.meta)?;
        }
        if !self.warnings.is_empty() {
            let w = Words::new(Locale::En);
            let warnings: Vec<WarningOut> = self
                .warnings
                .iter()
                .map(|warning| WarningOut {
                    at: warning.index(),
                    warning: w.conversation_warning(warning),
                })
                .collect();
            map.serialize_entry("warnings", &warnings)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct WarningOut {
    at: usize,
    warning: String,
}

#[derive(Serialize)]
struct EscalationOut<'a> {
    required: Option<&'a str>,
    done: Option<&'a str>,
    because: Vec<&'a str>,
}

struct MetricsOut(crate::conversation::Metrics);

impl Serialize for MetricsOut {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(v) = self.0.first_reply_s {
            map.serialize_entry("first_reply_s", &v)?;
        }
        if let Some(v) = self.0.handling_s {
            map.serialize_entry("handling_s", &v)?;
        }
        map.serialize_entry("tool_calls", &self.0.tool_calls)?;
        map.end()
    }
}

enum FindingOut<'a, 'p> {
    Found(&'a Finding<'p>, &'p Playbook),
    /// A rule or procedure that did not fail (`--explain`): id, kind, status.
    Outcome(&'p str, &'static str, Status),
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

impl Serialize for FindingOut<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self {
            FindingOut::Outcome(id, kind, status) => {
                map.serialize_entry("rule", id)?;
                map.serialize_entry("kind", kind)?;
                map.serialize_entry("status", status)?;
            }
            FindingOut::Found(Finding::Rule { finding, turn, at }, pb) => {
                map.serialize_entry("rule", finding.rule)?;
                map.serialize_entry("kind", "rule")?;
                map.serialize_entry("check", finding.check.as_str())?;
                map.serialize_entry("severity", severity(finding.severity))?;
                map.serialize_entry("status", &finding.status)?;
                if let Some(message) = finding.message {
                    map.serialize_entry("message", message)?;
                }
                map.serialize_entry("turn", turn)?;
                map.serialize_entry("at", at)?;
                let matches: &[Match] = &finding.matches;
                map.serialize_entry("matches", matches)?;
                // What was counted ("4 words; at least 5"), as `validate` says it.
                if let Some(detail) = &finding.detail {
                    let words = crate::words::Words::of(pb);
                    map.serialize_entry("detail", &words.rule_detail(detail))?;
                }
            }
            FindingOut::Found(
                Finding::Procedure {
                    id,
                    reason,
                    severity: sev,
                    message,
                    at,
                    tool,
                    ..
                },
                _,
            ) => {
                map.serialize_entry("rule", id)?;
                map.serialize_entry("kind", "procedure")?;
                map.serialize_entry("reason", reason.as_str())?;
                map.serialize_entry("severity", severity(*sev))?;
                map.serialize_entry("status", "fail")?;
                if let Some(message) = message {
                    map.serialize_entry("message", message)?;
                }
                map.serialize_entry("at", at)?;
                if let Some(tool) = tool {
                    map.serialize_entry("tool", tool)?;
                }
            }
            FindingOut::Found(Finding::Policy { finding, at, late }, pb) => {
                policy_entries(&mut map, finding, pb)?;
                if let Some(took) = late {
                    map.serialize_entry("took_s", took)?;
                }
                map.serialize_entry("at", at)?;
            }
        }
        map.end()
    }
}

fn policy_entries<M: SerializeMap>(
    map: &mut M,
    f: &PolicyFinding,
    pb: &Playbook,
) -> Result<(), M::Error> {
    map.serialize_entry("code", f.code.as_str())?;
    map.serialize_entry("kind", "policy")?;
    map.serialize_entry("severity", severity(f.severity))?;
    if let Some(to) = f.to.and_then(|r| pb.roles.get(r)) {
        map.serialize_entry("to", to.id.as_str())?;
    }
    if !f.because.is_empty() {
        let because: Vec<&str> = f
            .because
            .iter()
            .filter_map(|&i| pb.escalation.get(i).map(|e| e.id.as_str()))
            .collect();
        map.serialize_entry("because", &because)?;
    }
    if let Some(action) = &f.action {
        map.serialize_entry("action", action)?;
    }
    if let Some(amount) = f.amount {
        map.serialize_entry("amount", &amount)?;
    }
    match f.limit {
        Some(Limit::Amount(limit)) => map.serialize_entry("limit", &limit)?,
        Some(Limit::Unlimited) => map.serialize_entry("limit", "unlimited")?,
        None => {}
    }
    if let Some(within) = f.within {
        map.serialize_entry("within_s", &within.seconds)?;
    }
    Ok(())
}
