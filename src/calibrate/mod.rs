//! `ethos calibrate`: how often the tool's verdicts agree with people's.
//!
//! Each label line is a graded line (see [`crate::grade::line`]) plus the
//! person's `human: pass|fail` and an optional `note`. Lines are graded by
//! the grade module's own [`Grader`], so the verdicts are exactly those of
//! `ethos grade`; what this module adds is the comparison.

pub mod human;
pub mod stats;

use serde::Serialize;

use crate::engine::{Engine, PolicyCode, Status, Verdict};
use crate::grade::Scenes;
use crate::grade::line::{self, Grader};
use crate::report::judgement::{JudgementView, PolicyView, RuleView};
pub use stats::Confusion;

/// One file of labels, read whole (label sets are made by hand: hundreds or
/// thousands of lines, not millions).
pub struct LabelFile<'a> {
    /// How messages name the file: its path, or `standard input`.
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// What calibrating found, in the order the JSON output gives it.
#[derive(Debug, Serialize)]
pub struct Calibration<'e> {
    /// Label lines graded (bad lines are in `errors`, not here).
    pub labels: u64,
    /// The percentage of labels the tool agrees with; `null` with no labels.
    pub agreement: Option<f64>,
    /// Cohen's kappa; `null` where it is undefined (see [`Confusion::kappa`]).
    pub kappa: Option<f64>,
    pub confusion: Confusion,
    /// Every rule that applied to some label, in the playbook's order.
    pub rules: Vec<RuleAgreement<'e>>,
    /// Every policy finding the tool made, by code.
    pub policy: Vec<PolicyAgreement>,
    /// Every label the tool disagrees with, in input order.
    pub disagreements: Vec<Disagreement<'e>>,
    /// Label lines that could not be used, in input order.
    pub errors: Vec<LabelError>,
}

/// How one rule's outcomes line up with the labels.
#[derive(Debug, Serialize)]
pub struct RuleAgreement<'e> {
    pub rule: &'e str,
    /// Labels where it passed or failed (not skipped).
    pub applied: u64,
    /// It failed a reply the human passed.
    pub failed_where_human_passed: u64,
    /// It applied and passed on a reply the human failed.
    pub passed_where_human_failed: u64,
}

/// How often a policy finding was made, and how often on a reply the human passed.
#[derive(Debug, Serialize)]
pub struct PolicyAgreement {
    pub code: PolicyCode,
    pub found: u64,
    pub found_where_human_passed: u64,
}

/// A label the tool disagrees with, and what decided the tool.
#[derive(Debug, Serialize)]
pub struct Disagreement<'e> {
    pub file: String,
    pub line: u64,
    pub id: Option<serde_json::Value>,
    pub step: String,
    pub human: Verdict,
    pub tool: Verdict,
    pub score: f64,
    pub text: String,
    pub note: Option<String>,
    /// The rules that failed the reply (status `fail`, every severity), with
    /// their messages and the spans that failed them.
    pub failed: Vec<RuleView<'e>>,
    /// The policy findings.
    pub policy: Vec<PolicyView<'e>>,
    /// The rules that applied and passed.
    pub passed: Vec<&'e str>,
}

/// A label line that could not be used.
#[derive(Debug, Serialize)]
pub struct LabelError {
    pub file: String,
    pub line: u64,
    pub error: String,
}

/// Grade every label of `files` and compare.
pub fn calibrate<'e>(
    engine: &'e Engine<'_>,
    scenes: &'e Scenes<'_>,
    files: &[LabelFile<'_>],
) -> Calibration<'e> {
    let playbook = engine.playbook;
    let mut grader = Grader::new(engine, scenes);
    let mut confusion = Confusion::default();
    // Per rule, in the playbook's order: applied, failed where the human
    // passed, passed where the human failed.
    let mut by_rule = vec![(0, 0, 0); playbook.rules.len()];
    let mut by_code: Vec<PolicyAgreement> = Vec::new();
    let mut disagreements = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        for (index, raw) in file.bytes.split(|&b| b == b'\n').enumerate() {
            let number = index as u64 + 1;
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let error = |why: String| LabelError {
                file: file.name.to_owned(),
                line: number,
                error: why,
            };
            let label = match read_label(&mut grader, raw) {
                Ok(label) => label,
                Err(why) => {
                    errors.push(error(why));
                    continue;
                }
            };
            let tool = grader.assessment.verdict;
            let human_pass = label.human == Verdict::Pass;
            confusion.add(human_pass, tool == Verdict::Pass);
            let failed = &grader.assessment.failed;
            for &rule in &grader.assessment.applied {
                let counts = &mut by_rule[rule];
                counts.0 += 1;
                match (human_pass, failed.contains(&rule)) {
                    (true, true) => counts.1 += 1,
                    (false, false) => counts.2 += 1,
                    _ => {}
                }
            }
            for &code in &grader.assessment.policy {
                let at = by_code
                    .iter()
                    .position(|p| p.code == code)
                    .unwrap_or_else(|| {
                        by_code.push(PolicyAgreement {
                            code,
                            found: 0,
                            found_where_human_passed: 0,
                        });
                        by_code.len() - 1
                    });
                by_code[at].found += 1;
                by_code[at].found_where_human_passed += u64::from(human_pass);
            }
            if tool != label.human {
                let judgement = JudgementView::of(grader.judge(&label.text), playbook);
                let (failed, passed): (Vec<_>, Vec<_>) = judgement
                    .findings
                    .into_iter()
                    .filter(|f| f.status != Status::Skipped)
                    .partition(|f| f.status == Status::Fail);
                disagreements.push(Disagreement {
                    file: file.name.to_owned(),
                    line: number,
                    id: label.id,
                    step: judgement.step,
                    human: label.human,
                    tool,
                    score: grader.assessment.score,
                    text: label.text,
                    note: label.note,
                    failed,
                    policy: judgement.policy,
                    passed: passed.iter().map(|f| f.rule).collect(),
                });
            }
        }
    }
    by_code.sort_by_key(|p| p.code.as_str());
    Calibration {
        labels: confusion.total(),
        agreement: confusion.agreement(),
        kappa: confusion.kappa(),
        confusion,
        rules: playbook
            .rules
            .iter()
            .zip(by_rule)
            .filter(|(_, (applied, _, _))| *applied > 0)
            .map(|(rule, (applied, failed, passed))| RuleAgreement {
                rule: rule.id.as_str(),
                applied,
                failed_where_human_passed: failed,
                passed_where_human_failed: passed,
            })
            .collect(),
        policy: by_code,
        disagreements,
        errors,
    }
}

/// What a label line says besides the reply the grader has prepared.
struct Label {
    human: Verdict,
    id: Option<serde_json::Value>,
    text: String,
    note: Option<String>,
}

/// Read a label line and grade it; the tool's outcome is in `grader.assessment`.
fn read_label(grader: &mut Grader, raw: &[u8]) -> Result<Label, String> {
    let text =
        std::str::from_utf8(raw).map_err(|_| "the line is not UTF-8; save the file as UTF-8")?;
    let input = line::read(text)?;
    let human = match input.human.as_deref() {
        Some("pass") => Verdict::Pass,
        Some("fail") => Verdict::Fail,
        Some(other) => {
            return Err(format!(
                "`human` is `{other}`; a label is \"pass\" or \"fail\""
            ));
        }
        None => {
            return Err(
                "the line has no `human` label; add \"human\": \"pass\" or \"human\": \"fail\""
                    .to_owned(),
            );
        }
    };
    grader.prepare(&input)?;
    let reply = input.text.as_deref().unwrap_or_default();
    grader.grade(reply);
    Ok(Label {
        human,
        id: input.id.and_then(|id| serde_json::from_str(id.get()).ok()),
        text: reply.to_owned(),
        note: input.note.map(std::borrow::Cow::into_owned),
    })
}
