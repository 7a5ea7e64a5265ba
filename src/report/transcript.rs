//! A judged conversation for people (`ethos validate --conversation`): the
//! conversation as a transcript, each message with its speaker, the words
//! that broke a rule underlined as `validate` does for a reply, and each
//! finding and warning under the message it is at.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use super::reply::{Mark, paint, underlined};
use crate::conversation::{Conversation, ConversationJudgement, Finding, Speaker, Warning};
use crate::engine::{Status, Verdict};
use crate::playbook::{CheckKind, Playbook, Severity};
use crate::words::Words;
use crate::words::report::{policy_code, verdict};

/// How many characters of a tool call's arguments the transcript shows.
const ARGUMENTS_SHOWN: usize = 160;

const FAIL: Style = AnsiColor::Red.on_default().bold();
const WARN: Style = AnsiColor::Yellow.on_default().bold();
const PASS: Style = AnsiColor::Green.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// The transcript of a judged conversation, in the words of `w`.
pub fn render(
    conversation: &Conversation,
    judgement: &ConversationJudgement<'_>,
    warnings: &[Warning],
    playbook: &Playbook,
    w: Words,
    color: bool,
) -> String {
    let mut out = String::new();
    let mut turn = 0;
    for message in &conversation.messages {
        let at = message.index;
        let is_turn = message.role == Speaker::Assistant
            && !message.internal
            && message
                .content
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty());
        if is_turn {
            turn += 1;
        }
        let speaker = match message.role {
            Speaker::System => w.text("report-speaker-system"),
            Speaker::User => w.text("report-speaker-user"),
            Speaker::Assistant if message.internal => w.text("report-speaker-internal"),
            Speaker::Assistant if is_turn => {
                w.fmt("report-speaker-agent", &[("turn", turn.into())])
            }
            Speaker::Assistant => w.text("report-speaker-agent-calls"),
            Speaker::Tool => w.text("report-speaker-tool"),
        };
        let _ = writeln!(out, "{}", paint(&format!("[{at}] {speaker}"), DIM, color));
        let text = message.content.as_deref().unwrap_or_default();
        if message.role == Speaker::System {
            let _ = writeln!(out, "  {}", w.text("report-system-elided"));
        } else if !text.is_empty() {
            let marks: Vec<Mark> = judgement
                .findings
                .iter()
                .filter_map(|f| match f {
                    Finding::Rule {
                        finding, at: here, ..
                    } if *here == at
                        && matches!(finding.check, CheckKind::Avoid | CheckKind::Swap) =>
                    {
                        Some(finding)
                    }
                    _ => None,
                })
                .flat_map(|f| {
                    f.matches.iter().filter(|m| !m.negated).map(|m| Mark {
                        span: m,
                        rule: f.rule,
                        severity: f.severity,
                        negated: false,
                    })
                })
                .collect();
            let mut marks = marks;
            marks.sort_by_key(|m| (m.span.start, m.span.end));
            out.push_str(&underlined(text, &marks, w, color));
        }
        for call in &message.tool_calls {
            let tool = ("tool", call.name.as_str().into());
            // The arguments as the call wrote them, cut where they get long:
            // enough to see which booking and what amount.
            let line = match call.arguments.as_object() {
                Some(args) if !args.is_empty() => {
                    let text = call.arguments.to_string();
                    let arguments = match text.char_indices().nth(ARGUMENTS_SHOWN) {
                        Some((cut, _)) => format!("{}…", &text[..cut]),
                        None => text,
                    };
                    w.fmt(
                        "report-tool-call-with",
                        &[tool, ("arguments", arguments.into())],
                    )
                }
                _ => w.fmt("report-tool-call", &[tool]),
            };
            let _ = writeln!(out, "  {line}");
        }
        for finding in judgement.findings.iter().filter(|f| f.at() == at) {
            let (mark, style) = match finding.severity() {
                Severity::Error => ("✗", FAIL),
                Severity::Warning => ("⚠", WARN),
                Severity::Info => ("ℹ", DIM),
            };
            let _ = writeln!(
                out,
                "  {} {}",
                paint(mark, style, color),
                finding_line(finding, playbook, w)
            );
        }
        for warning in warnings.iter().filter(|x| x.index() == at) {
            let _ = writeln!(
                out,
                "  {} {}",
                paint("⚠", WARN, color),
                w.conversation_warning(warning)
            );
        }
    }
    let shown = verdict(w, judgement.verdict);
    let style = match judgement.verdict {
        Verdict::Pass => PASS,
        Verdict::Fail => FAIL,
    };
    let _ = writeln!(
        out,
        "\n{}",
        w.fmt(
            "report-conversation-verdict",
            &[
                ("verdict", paint(&shown, style, color).into()),
                (
                    "score",
                    crate::words::report::fixed(w, judgement.score, 1).into()
                ),
                ("turns", judgement.turns.into()),
            ]
        )
    );
    out
}

/// One finding in a sentence: what broke, and what the playbook wants.
fn finding_line(finding: &Finding<'_>, playbook: &Playbook, w: Words) -> String {
    match finding {
        Finding::Rule { finding, turn, .. } => {
            let says = w.rule_message(finding);
            if finding.status == Status::Fail {
                w.fmt(
                    "report-conversation-rule",
                    &[
                        ("rule", finding.rule.into()),
                        ("turn", (*turn).into()),
                        ("says", says.as_ref().into()),
                    ],
                )
            } else {
                says.into_owned()
            }
        }
        Finding::Procedure {
            id,
            reason,
            message,
            tool,
            ..
        } => {
            let why = w.procedure_reason(*reason);
            let says = message.map_or(why.clone(), |m| {
                w.fmt(
                    "report-reason-and-message",
                    &[("why", why.as_str().into()), ("message", m.into())],
                )
            });
            w.fmt(
                "report-conversation-procedure",
                &[
                    ("procedure", (*id).into()),
                    ("reason", reason.as_str().into()),
                    ("tool", tool.as_deref().unwrap_or("-").into()),
                    ("says", says.into()),
                ],
            )
        }
        Finding::Policy { finding, .. } => w.fmt(
            "report-conversation-policy",
            &[
                ("code", policy_code(w, finding.code).into()),
                ("says", w.policy_finding(playbook, finding).into()),
            ],
        ),
    }
}
