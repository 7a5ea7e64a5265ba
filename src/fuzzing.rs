//! Entry points of the fuzz targets in `fuzz/`: one function per target.
//!
//! Each takes the fuzzer's bytes, must not panic whatever they are, and
//! asserts what holds for any input (a span is a slice of the reply; every
//! graded line gets an answer). They live in the library rather than in
//! `fuzz/` so that `cargo test` on stable replays the seed corpus and every
//! saved regression through exactly the same code (`tests/fuzz_corpus.rs`):
//! the fuzz crate needs nightly flags, CI does not have them.
//!
//! Not part of the API: hidden from the docs, and free to change.

use std::io::Cursor;
use std::sync::OnceLock;

use crate::check::{self, CheckOptions};
use crate::engine::{Context, Engine, Judgement, Proposal};
use crate::grade::{self, Input, NoProgress, Options};
use crate::playbook::{Date, Playbook, Source, bundled, load};
use crate::render::{self, Format, Kind, RenderError, Templates};
use crate::report::{self, CheckReport, CheckedFile};

/// A fuzz target's body: it gets the fuzzer's bytes.
pub type Target = fn(&[u8]);

/// Every fuzz target: its name (the file in `fuzz/fuzz_targets/` and the
/// folders in `fuzz/corpus/` and `fuzz/regressions/`) and its function.
pub const TARGETS: &[(&str, Target)] = &[
    ("load_and_check", load_and_check),
    ("judge_reply", judge_reply),
    ("parse_grade_lines", parse_grade_lines),
    ("render_documents", render_documents),
    (
        "read_conversation",
        crate::conversation::fuzz::read_conversation,
    ),
    ("judge_conversation", judge_conversation),
];

/// The day checks and documents are made on: fixed, so that a crash the
/// fuzzer found (`review-overdue` depends on the date) replays any day.
fn today() -> Date {
    "2026-11-24".parse().expect("a valid date")
}

/// The fuzzer's bytes as playbook text. A file that is not UTF-8 is refused
/// before the loader sees it (`Source::read`); rather than spend most inputs
/// on that one refusal, invalid bytes become U+FFFD, which a UTF-8 file could
/// contain anyway, so the loader sees every input. A byte-order mark is
/// dropped as `Source::read` drops it.
fn text_of(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Target `load_and_check`: arbitrary bytes as a playbook file, through the
/// loader, every check, and every report format of `ethos check`.
pub fn load_and_check(bytes: &[u8]) {
    let source = Source {
        name: "fuzz.yaml".to_owned(),
        text: text_of(bytes),
    };
    let checked = check::check_file(&source, CheckOptions { today: today() });
    let (diagnostics, words) = (checked.diagnostics, checked.words);
    for d in &diagnostics {
        assert!(!d.message.is_empty(), "a diagnostic without words: {d:?}");
        assert!(d.pos.is_known(), "a diagnostic without a place: {d:?}");
    }
    let report = CheckReport {
        files: vec![CheckedFile {
            source,
            diagnostics,
            words,
        }],
        deny_warnings: false,
    };
    for format in [
        report::Format::Human,
        report::Format::Json,
        report::Format::Sarif,
        report::Format::Junit,
        report::Format::Github,
    ] {
        let _ = report::render(&report, format, false);
    }
    let _ = report::render(&report, report::Format::Human, true);
}

/// A bundled playbook compiled once, with the situations a reply is judged
/// in and the proposals it may come with.
struct Judged {
    engine: Engine<'static>,
    /// Every step's context, one for a step the playbook does not define,
    /// and every beat of every scenario.
    contexts: Vec<Context>,
    /// Every choice of every decision in the playbook.
    proposals: Vec<Proposal>,
}

fn bundled_playbooks() -> &'static [Playbook] {
    static PLAYBOOKS: OnceLock<Vec<Playbook>> = OnceLock::new();
    PLAYBOOKS.get_or_init(|| {
        bundled::BUNDLED
            .iter()
            .map(|b| load::parse(b.text).expect("a bundled playbook loads"))
            .collect()
    })
}

fn judged() -> &'static [Judged] {
    static JUDGED: OnceLock<Vec<Judged>> = OnceLock::new();
    JUDGED.get_or_init(|| {
        bundled_playbooks()
            .iter()
            .map(|playbook| {
                let mut contexts: Vec<Context> = playbook
                    .steps
                    .iter()
                    .map(|step| Context::at_step(playbook, &step.id))
                    .collect();
                contexts.push(Context::at_step(playbook, "no-such-step"));
                let mut proposals = Vec::new();
                for scenario in &playbook.scenarios {
                    for beat in scenario.beats.iter() {
                        contexts.push(Context::of_beat(playbook, scenario, beat));
                        if let Some(decide) = &beat.decide {
                            proposals.extend(decide.choices.iter().map(Proposal::of_choice));
                        }
                    }
                }
                Judged {
                    engine: Engine::new(playbook).expect("a bundled playbook compiles"),
                    contexts,
                    proposals,
                }
            })
            .collect()
    })
}

/// Target `judge_reply`: a reply judged by a bundled playbook's engine.
///
/// The input is four selector bytes and the text: byte 0 picks the playbook
/// (`zh-hotel` is Chinese), byte 1 the context (a step, an unknown step, or a
/// scenario's beat), byte 2 the proposal (none, doing nothing, or a choice of
/// one of the playbook's decisions), byte 3 is spare; the rest is the reply,
/// and after a NUL byte, what the customer said. A shorter input is padded
/// with zeros.
pub fn judge_reply(bytes: &[u8]) {
    let mut head = [0u8; 4];
    let split = bytes.len().min(head.len());
    head[..split].copy_from_slice(&bytes[..split]);
    let rest = text_of(&bytes[split..]);
    let (reply, said) = match rest.split_once('\0') {
        Some((reply, said)) => (reply, Some(said)),
        None => (rest.as_str(), None),
    };
    let all = judged();
    let judged = &all[usize::from(head[0]) % all.len()];
    let mut context = judged.contexts[usize::from(head[1]) % judged.contexts.len()].clone();
    if let Some(said) = said {
        context.message = Some(said.to_owned());
    }
    let proposal = match usize::from(head[2]) % (judged.proposals.len() + 2) {
        0 => None,
        1 => Some(Proposal::default()),
        n => Some(judged.proposals[n - 2].clone()),
    };
    let engine = &judged.engine;

    let judgement = engine.judge(reply, &context, proposal.as_ref());
    assert_spans_are_slices(reply, &judgement);

    // The fast paths of `check` and `grade` must agree with the full judgement.
    let words = engine.judge(reply, &context, None);
    let assessed = engine.assess(reply, &context);
    assert_eq!(assessed.verdict, words.verdict, "assess and judge disagree");
    assert_eq!(assessed.score, words.score, "assess and judge score apart");
    let failed: Vec<usize> = words.failed_rules().map(|f| f.index).collect();
    assert_eq!(assessed.failed, failed, "assess and judge fail other rules");
    if let Some(proposal) = &proposal {
        let mut graded = crate::engine::Assessment::default();
        engine.grade_into(reply, &context, proposal, &mut graded);
        assert_eq!(
            graded.verdict, judgement.verdict,
            "grade and validate disagree"
        );
    }

    // What `validate` and the drill show: the reply with its spans
    // underlined, and every sentence worded.
    let shown = crate::words::Words::of(engine.playbook);
    let view = report::judgement::JudgementView::new(judgement, engine.playbook, shown);
    let _ = report::reply::render(reply, &view, shown, false, Some(60));
    let _ = report::reply::render(reply, &view, shown, true, None);
}

fn assert_spans_are_slices(reply: &str, judgement: &Judgement) {
    for finding in &judgement.findings {
        for m in &finding.matches {
            let slice = reply.get(m.start..m.end);
            assert_eq!(
                slice,
                Some(m.text.as_str()),
                "rule `{}`: span {}..{} is not the text it names in a reply of {} bytes",
                finding.rule,
                m.start,
                m.end,
                reply.len()
            );
        }
    }
}

/// Target `parse_grade_lines`: the input as `ethos grade` input, read as JSON
/// lines and as CSV, graded against the bundled `hotel-a`.
///
/// Every line that is not blank gets exactly one answer (a grade or an
/// error), and every answer is one JSON object.
pub fn parse_grade_lines(bytes: &[u8]) {
    let engine = &judged()[0].engine;
    let run = |format, explain| {
        let mut out = Vec::new();
        let options = Options {
            jobs: 1,
            explain,
            quiet: false,
            ..Options::default()
        };
        let input = Box::new(Cursor::new(bytes.to_vec()));
        grade::run(engine, input, format, &mut out, options, &NoProgress)
            .map(|_| out)
            .ok()
    };
    if let Some(out) = run(Input::JsonLines, false) {
        let answers = assert_json_lines(&out);
        let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let lines = if body.is_empty() {
            0
        } else {
            body.split(|&b| b == b'\n')
                .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
                .count()
        };
        assert_eq!(answers, lines, "a line without an answer, or two");
    }
    // A CSV file whose header cannot be read is an error for the whole run.
    if let Some(out) = run(Input::Csv, true) {
        assert_json_lines(&out);
    }
}

// The fuzzer's own crash report, for the person who runs it: not words of
// the tool, so not in the wording layer.
const TEMPLATES_FAIL: &str = "the bundled templates cannot render a playbook that loads";

/// Check that `out` is JSON objects, one a line; return how many.
fn assert_json_lines(out: &[u8]) -> usize {
    let text = std::str::from_utf8(out).expect("grade writes UTF-8");
    let mut count = 0;
    for line in text.lines() {
        let value = serde_json::from_str::<serde_json::Value>(line);
        assert!(
            value.as_ref().is_ok_and(serde_json::Value::is_object),
            "grade wrote a line that is not a JSON object ({:?}): {line}",
            value.err()
        );
        count += 1;
    }
    count
}

/// Target `render_documents`: a playbook that loads, rendered in memory as
/// the handbook, the policy document and the cards, in Markdown and HTML.
/// The bundled templates render every playbook that loads: the one error
/// allowed is a pattern the engine cannot build.
pub fn render_documents(bytes: &[u8]) {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    let Ok(playbook) = load::parse(&text_of(bytes)) else {
        return;
    };
    let templates = TEMPLATES.get_or_init(Templates::bundled);
    // The cards are CSV whatever the format: render them once.
    let runs: [(Format, &[Kind]); 2] = [
        (
            Format::Markdown,
            &[Kind::Handbook, Kind::Policy, Kind::Cards],
        ),
        (Format::Html, &[Kind::Handbook, Kind::Policy]),
    ];
    for (format, kinds) in runs {
        let rendered = render::render(&playbook, kinds, format, templates, today());
        if let Err(RenderError::Pattern(_)) = rendered {
            return;
        }
        let files = rendered.expect(TEMPLATES_FAIL);
        assert_eq!(files.len(), kinds.len(), "a document is missing");
    }
}

/// The playbook `judge_conversation` judges with: every kind of rule, an
/// escalation rule with a deadline, actions done by tool calls (one amount
/// nested in the arguments), a handoff tool and phrase, and a procedure of
/// every part, `{args.KEY}` placeholders included.
const CONVERSATION_PLAYBOOK: &str = "playbook: fuzz-conversations
title: T
company: C
philosophy: {statement: S}
roles:
  - {id: agent, title: Agent, may: {replace: 30}}
  - id: lead
    title: Lead
    may: {replace: 300, refund: yes}
    handoff: {phrases: [get my lead], tool: call_lead}
actions:
  - {id: replace, title: R, tool: replace_item, amount: amount}
  - {id: refund, title: F, tool: refund, amount: refund.total}
steps:
  - {id: a, title: A, goal: G}
  - {id: b, title: B, goal: G}
  - {id: c, title: C, goal: G}
rules:
  - {id: hi, check: mention, at: [a], phrases: ['{customer.name}', hello]}
  - {id: money, check: avoid, phrases: [who pays, 'pay*'], patterns: ['\\$\\d+']}
  - {id: swap, check: swap, swap: {comp: on the house}}
  - {id: short, check: length, max_words: 30}
  - {id: echo, check: echo, min: 2}
  - {id: thanks, check: mention, every_turn: true, phrases: [thank*], when: {facts.vip: true}}
escalation:
  - {id: hurt, when: {customer_says: [hurt, 'bleed*']}, to: lead, within: 1m}
  - {id: big, when: {action: refund, amount: {over: 100}}, to: lead}
procedures:
  - id: confirm
    calls: [refund, replace_item]
    when: {not: {facts.args.skip: true}}
    require:
      customer_says: [yes]
      customer_said: [refund]
      agent_says: ['{args.amount}']
      agent_said: ['{args.refund.total}', sorry]
      done: [look_up]
      not_done: [cancel]
    only_when: {any: [{facts.ok: true}, {customer_says: [please]}]}
    at_most: 1
    then_says: [on its way]
  - {id: shape, turn: {max_tool_calls: 1, text_with_tool_calls: false}, severity: warning}
";

/// Target `judge_conversation`: any bytes as a conversation file, each
/// line read for judging and judged: nothing panics, every finding is at a
/// message of the conversation (and a rule's at an agent turn, its spans
/// slices of that turn's text), the score is a percentage, and the grade
/// line is JSON.
pub fn judge_conversation(bytes: &[u8]) {
    use crate::conversation::{ConversationJudge, Finding, read_line_to_judge};
    use crate::grade::conversations::GradeLine;
    static PLAYBOOK: OnceLock<Playbook> = OnceLock::new();
    let playbook = PLAYBOOK
        .get_or_init(|| load::parse(CONVERSATION_PLAYBOOK).expect("the fuzz playbook loads"));
    let engine = Engine::new(playbook).expect("the fuzz playbook compiles");
    let judge = ConversationJudge::new(&engine).expect("its procedures compile");
    let text = text_of(bytes);
    for (number, line) in text.lines().enumerate() {
        let Ok((conversation, warnings)) = read_line_to_judge(line, number as u64 + 1) else {
            continue;
        };
        let judgement = judge.judge(&conversation);
        assert!(
            (0.0..=100.0).contains(&judgement.score),
            "score out of range"
        );
        for finding in &judgement.findings {
            let at = finding.at();
            assert!(at < conversation.messages.len(), "a finding at no message");
            if let Finding::Rule { finding, turn, .. } = finding {
                assert!(
                    *turn >= 1 && *turn <= judgement.turns,
                    "a finding at no turn"
                );
                let content = conversation.messages[at]
                    .content
                    .as_deref()
                    .unwrap_or_default();
                for m in &finding.matches {
                    assert_eq!(content.get(m.start..m.end), Some(m.text.as_str()), "span");
                }
            }
        }
        let line = GradeLine {
            id: &conversation.id,
            judgement: &judgement,
            playbook,
            meta: &conversation.meta,
            warnings: &warnings,
            explain: true,
        };
        assert!(
            serde_json::to_string(&line).is_ok(),
            "the grade line serialises"
        );
    }
}
