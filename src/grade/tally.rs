//! The sums behind `ethos grade --summary`: pass rates and mean scores by step
//! and by rule, policy findings by code, and the worst replies.

use serde::Serialize;

use crate::engine::{Assessment, PolicyCode, Verdict};
use crate::playbook::{CheckKind, Playbook};

/// How many of the lowest-scoring replies the summary names.
pub const WORST: usize = 10;

const POLICY_CODES: [PolicyCode; 4] = [
    PolicyCode::MissedEscalation,
    PolicyCode::OverLimit,
    PolicyCode::ForbiddenAction,
    PolicyCode::UnneededEscalation,
];

#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub replies: u64,
    pub passed: u64,
    pub errors: u64,
    score_sum: f64,
    /// Per step, in the playbook's order: replies, passed, score sum.
    by_step: Vec<(u64, u64, f64)>,
    /// Per rule, in the playbook's order: applied (passed or failed), failed.
    by_rule: Vec<(u64, u64)>,
    policy: [u64; 4],
    /// (score, line, id), the lowest scores, at most [`WORST`].
    worst: Vec<(f64, u64, String)>,
    /// The first lines that could not be graded, with why, at most [`WORST`].
    pub first_errors: Vec<(u64, String)>,
}

impl Tally {
    pub fn new(playbook: &Playbook) -> Tally {
        Tally {
            by_step: vec![(0, 0, 0.0); playbook.steps.len()],
            by_rule: vec![(0, 0); playbook.rules.len()],
            ..Tally::default()
        }
    }

    pub fn add(
        &mut self,
        step: usize,
        assessment: &Assessment,
        line: u64,
        id: impl FnOnce() -> String,
    ) {
        let passed = assessment.verdict == Verdict::Pass;
        self.replies += 1;
        self.passed += u64::from(passed);
        self.score_sum += assessment.score;
        let s = &mut self.by_step[step];
        s.0 += 1;
        s.1 += u64::from(passed);
        s.2 += assessment.score;
        for &rule in &assessment.applied {
            self.by_rule[rule].0 += 1;
        }
        for &rule in &assessment.failed {
            self.by_rule[rule].1 += 1;
        }
        for code in &assessment.policy {
            if let Some(i) = POLICY_CODES.iter().position(|c| c == code) {
                self.policy[i] += 1;
            }
        }
        let worse_than_kept =
            self.worst.len() < WORST || self.worst.last().is_some_and(|w| assessment.score < w.0);
        if worse_than_kept {
            self.keep_worst((assessment.score, line, id()));
        }
    }

    fn keep_worst(&mut self, entry: (f64, u64, String)) {
        let at = self
            .worst
            .partition_point(|w| (w.0, w.1) <= (entry.0, entry.1));
        self.worst.insert(at, entry);
        self.worst.truncate(WORST);
    }

    /// Count a line that could not be graded.
    pub fn error(&mut self, line: u64, why: &str) {
        self.errors += 1;
        if self.first_errors.len() < WORST {
            self.first_errors.push((line, why.to_owned()));
        }
    }

    /// Add another worker's sums to these.
    pub fn merge(&mut self, other: Tally) {
        self.replies += other.replies;
        self.passed += other.passed;
        self.errors += other.errors;
        self.score_sum += other.score_sum;
        for (mine, theirs) in self.by_step.iter_mut().zip(other.by_step) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
            mine.2 += theirs.2;
        }
        for (mine, theirs) in self.by_rule.iter_mut().zip(other.by_rule) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        for (mine, theirs) in self.policy.iter_mut().zip(other.policy) {
            *mine += theirs;
        }
        for entry in other.worst {
            self.keep_worst(entry);
        }
        self.first_errors.extend(other.first_errors);
        self.first_errors.sort();
        self.first_errors.truncate(WORST);
    }

    /// The share of graded replies that passed, in percent (100 for none).
    #[allow(clippy::cast_precision_loss)]
    pub fn pass_rate(&self) -> f64 {
        if self.replies == 0 {
            100.0
        } else {
            round1(100.0 * self.passed as f64 / self.replies as f64)
        }
    }

    /// The summary as data, for JSON and for the tables.
    #[allow(clippy::cast_precision_loss)]
    pub fn summary<'p>(&self, playbook: &'p Playbook) -> Summary<'p> {
        let rate = |passed: u64, total: u64| {
            if total == 0 {
                None
            } else {
                Some(round1(100.0 * passed as f64 / total as f64))
            }
        };
        Summary {
            replies: self.replies,
            passed: self.passed,
            pass_rate: self.pass_rate(),
            mean_score: if self.replies == 0 {
                None
            } else {
                Some(round1(self.score_sum / self.replies as f64))
            },
            errors: self.errors,
            by_step: playbook
                .steps
                .iter()
                .zip(&self.by_step)
                .map(|(step, &(replies, passed, sum))| StepSummary {
                    step: step.id.as_str(),
                    replies,
                    pass_rate: rate(passed, replies),
                    mean_score: if replies == 0 {
                        None
                    } else {
                        Some(round1(sum / replies as f64))
                    },
                })
                .collect(),
            by_rule: playbook
                .rules
                .iter()
                .zip(&self.by_rule)
                .map(|(rule, &(applied, failed))| RuleSummary {
                    rule: rule.id.as_str(),
                    check: rule.check.as_str(),
                    kind: *rule.check,
                    applied,
                    failed,
                    pass_rate: rate(applied - failed, applied),
                })
                .collect(),
            policy: POLICY_CODES
                .iter()
                .zip(self.policy)
                .map(|(code, count)| PolicySummary {
                    code: code.as_str(),
                    finding: *code,
                    count,
                })
                .collect(),
            worst: self
                .worst
                .iter()
                .map(|(score, line, id)| Worst {
                    id: id.clone(),
                    line: *line,
                    score: *score,
                })
                .collect(),
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[derive(Debug, Serialize)]
pub struct Summary<'p> {
    pub replies: u64,
    pub passed: u64,
    /// Percent of graded replies that passed.
    pub pass_rate: f64,
    pub mean_score: Option<f64>,
    /// Lines that could not be graded.
    pub errors: u64,
    pub by_step: Vec<StepSummary<'p>>,
    pub by_rule: Vec<RuleSummary<'p>>,
    pub policy: Vec<PolicySummary>,
    pub worst: Vec<Worst>,
}

#[derive(Debug, Serialize)]
pub struct StepSummary<'p> {
    pub step: &'p str,
    pub replies: u64,
    pub pass_rate: Option<f64>,
    pub mean_score: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct RuleSummary<'p> {
    pub rule: &'p str,
    pub check: &'static str,
    /// The same, for the words of a table.
    #[serde(skip)]
    pub kind: CheckKind,
    /// Replies the rule applied to (and was not skipped for).
    pub applied: u64,
    pub failed: u64,
    pub pass_rate: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct PolicySummary {
    pub code: &'static str,
    /// The same, for the words of a table.
    #[serde(skip)]
    pub finding: PolicyCode,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct Worst {
    /// The line's `id`, as JSON text.
    pub id: String,
    pub line: u64,
    pub score: f64,
}
