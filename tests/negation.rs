//! Negation (`shared/spec/PLAYBOOK.md`, "Matching (v2)", rule 6): a phrase under
//! a negation cue in its clause does not count for `mention`, `avoid`, `echo`
//! and `customer_says`, and is still reported, marked `negated`.

use ethos::engine::{Context, Engine, Judgement, Status};
use ethos::playbook::Playbook;

const BASE: &str = r"playbook: negation-test
title: Negation test
company: Test Hotel
philosophy:
  statement: Solve it on the spot.
  values:
    - { id: ownership, text: Whoever hears it owns it. }
roles:
  - { id: agent, title: Agent, may: { refund: 50 } }
  - { id: manager, title: Manager, may: { refund: yes } }
actions:
  - { id: refund, title: Refund, unit: USD }
steps:
  - { id: resolve, title: Resolve, goal: Fix it. }
";

/// A playbook with these rules (one flow mapping each) and extra top-level YAML.
fn playbook(rules: &[&str], extra: &str) -> &'static Playbook {
    let mut text = format!("{BASE}{extra}\n");
    if !rules.is_empty() {
        text.push_str("rules:\n");
    }
    for rule in rules {
        text.push_str("  - ");
        text.push_str(rule);
        text.push('\n');
    }
    let pb = ethos::playbook::load::parse(&text)
        .unwrap_or_else(|e| panic!("test playbook does not load: {e:?}\n{text}"));
    Box::leak(Box::new(pb))
}

fn engine(pb: &'static Playbook) -> &'static Engine<'static> {
    Box::leak(Box::new(Engine::new(pb).expect("phrases compile")))
}

/// The one rule's status for the reply, checked against `assess` (the fast path).
fn status_of(rule: &str, reply: &str) -> Status {
    let pb = playbook(&[rule], "");
    status_in(pb, reply, &Context::at_step(pb, "resolve"))
}

fn status_in(pb: &'static Playbook, reply: &str, context: &Context) -> Status {
    let engine = engine(pb);
    let judgement: Judgement = engine.judge(reply, context, None);
    let status = judgement.findings[0].status;
    let assessment = engine.assess(reply, context);
    assert_eq!(
        assessment.failed.contains(&0),
        status == Status::Fail,
        "assess and judge disagree on {reply:?}"
    );
    status
}

const AVOID_WHO_PAYS: &str = "{ id: no-pay, check: avoid, phrases: [who pays] }";

#[test]
fn nobody_here_is_going_to_ask_who_pays_passes_avoid() {
    assert_eq!(
        status_of(AVOID_WHO_PAYS, "Nobody here is going to ask you who pays"),
        Status::Pass
    );
    assert_eq!(
        status_of(AVOID_WHO_PAYS, "I will ask you who pays"),
        Status::Fail
    );
}

#[test]
fn won_t_negates_what_follows() {
    let rule = "{ id: waiting, check: avoid, phrases: [keep you waiting] }";
    assert_eq!(status_of(rule, "We won't keep you waiting"), Status::Pass);
    assert_eq!(status_of(rule, "We won’t keep you waiting"), Status::Pass);
    assert_eq!(status_of(rule, "We will keep you waiting"), Status::Fail);
}

#[test]
fn chinese_cues_negate_without_spaces() {
    let rule = "{ id: again, check: avoid, phrases: [再跑一趟] }";
    assert_eq!(
        status_of(rule, "您放心，我们不会让您再跑一趟"),
        Status::Pass
    );
    assert_eq!(status_of(rule, "您放心，我们会让您再跑一趟"), Status::Fail);
}

#[test]
fn a_negated_mention_does_not_count() {
    let rule = "{ id: apologise, check: mention, phrases: [apologise] }";
    assert_eq!(
        status_of(rule, "I will not apologise for our policy"),
        Status::Fail
    );
    assert_eq!(status_of(rule, "I apologise for our policy"), Status::Pass);
    let sorry = "{ id: sorry, check: mention, phrases: [say sorry] }";
    assert_eq!(status_of(sorry, "I won't say sorry"), Status::Fail);
}

#[test]
fn a_cue_inside_the_phrase_does_not_negate_it() {
    let rule = "{ id: mine, check: avoid, phrases: [not my problem] }";
    assert_eq!(status_of(rule, "That is not my problem"), Status::Fail);
    let breathe = "{ id: urgent, check: mention, phrases: [can't breathe] }";
    assert_eq!(status_of(breathe, "He says he can't breathe"), Status::Pass);
}

#[test]
fn pseudo_cues_never_negate() {
    let rule = "{ id: refund, check: mention, phrases: [refund it] }";
    assert_eq!(status_of(rule, "No problem, I'll refund it"), Status::Pass);
    assert_eq!(status_of(rule, "No problem I'll refund it"), Status::Pass);
    assert_eq!(status_of(rule, "No worries I will refund it"), Status::Pass);
    assert_eq!(status_of(rule, "Not only will I refund it"), Status::Pass);
    assert_eq!(status_of(rule, "No, I won't refund it"), Status::Fail);
}

#[test]
fn a_cue_in_an_earlier_clause_does_not_negate() {
    for reply in [
        "No. I will ask who pays",
        "No! I will ask who pays",
        "Not now; I will ask who pays",
        "Never mind — I will ask who pays",
        "Never mind - I will ask who pays",
        "No\nI will ask who pays",
        "没有。I will ask who pays",
    ] {
        assert_eq!(status_of(AVOID_WHO_PAYS, reply), Status::Fail, "{reply:?}");
    }
}

#[test]
fn seven_words_between_cue_and_phrase_do_not_negate() {
    assert_eq!(
        status_of(
            AVOID_WHO_PAYS,
            "Nobody here is really going to ask you who pays"
        ),
        Status::Fail
    );
    assert_eq!(
        status_of(AVOID_WHO_PAYS, "Nobody here is going to ask you who pays"),
        Status::Pass
    );
}

#[test]
fn but_ends_the_scope() {
    let rule = "{ id: waiting, check: avoid, phrases: [keep you waiting] }";
    assert_eq!(
        status_of(rule, "I can't promise, but we'll keep you waiting"),
        Status::Fail
    );
    assert_eq!(
        status_of(rule, "I can't promise but we'll keep you waiting"),
        Status::Fail
    );
    assert_eq!(
        status_of(rule, "I can't promise however we'll keep you waiting"),
        Status::Fail
    );
    let zh = "{ id: again, check: avoid, phrases: [再跑一趟] }";
    assert_eq!(status_of(zh, "我们不清楚，不过您得再跑一趟"), Status::Fail);
}

#[test]
fn negation_ignore_matches_as_in_version_1() {
    let rule = "{ id: no-pay, check: avoid, negation: ignore, phrases: [who pays] }";
    assert_eq!(
        status_of(rule, "Nobody here is going to ask you who pays"),
        Status::Fail
    );
    let mention = "{ id: apologise, check: mention, negation: ignore, phrases: [apologise] }";
    assert_eq!(status_of(mention, "I will not apologise"), Status::Pass);
}

#[test]
fn swap_ignores_negation() {
    let rule = "{ id: words, check: swap, swap: { problem: situation } }";
    assert_eq!(status_of(rule, "That is no problem at all"), Status::Fail);
    assert_eq!(status_of(rule, "It is not a problem"), Status::Fail);
}

#[test]
fn negated_matches_are_listed_and_marked() {
    let pb = playbook(&[AVOID_WHO_PAYS], "");
    let reply = "Nobody here will ask who pays. I ask who pays";
    let judgement = engine(pb).judge(reply, &Context::at_step(pb, "resolve"), None);
    let matches = &judgement.findings[0].matches;
    assert_eq!(matches.len(), 2);
    assert!(matches[0].negated);
    assert_eq!(&reply[matches[0].start..matches[0].end], "who pays");
    assert!(!matches[1].negated);
    assert_eq!(judgement.findings[0].status, Status::Fail);
    let json = serde_json::to_value(&judgement.findings[0].matches).unwrap();
    assert_eq!(json[0]["negated"], true);
    assert!(
        json[1].get("negated").is_none(),
        "`negated` is written only when true: {json}"
    );
}

#[test]
fn negated_key_facts_do_not_echo() {
    let pb = playbook(&["{ id: echo, check: echo, min: 1 }"], "");
    let mut context = Context::at_step(pb, "resolve");
    context.key_facts = vec!["towels".to_owned()];
    assert_eq!(
        status_in(pb, "We have no towels left", &context),
        Status::Fail
    );
    assert_eq!(
        status_in(pb, "Fresh towels are on their way", &context),
        Status::Pass
    );
    let ignore = playbook(&["{ id: echo, check: echo, negation: ignore }"], "");
    let mut context = Context::at_step(ignore, "resolve");
    context.key_facts = vec!["towels".to_owned()];
    assert_eq!(
        status_in(ignore, "We have no towels left", &context),
        Status::Pass
    );
}

#[test]
fn a_negated_customer_says_does_not_hold() {
    let rule = "{ id: care, check: mention, phrases: [doctor], when: { customer_says: [hurt] } }";
    let pb = playbook(&[rule], "");
    let engine = engine(pb);
    let mut context = Context::at_step(pb, "resolve");
    context.message = Some("I'm not hurt, just shaken".to_owned());
    assert!(engine.judge("Okay.", &context, None).findings.is_empty());
    context.message = Some("I'm hurt".to_owned());
    assert_eq!(
        engine.judge("Okay.", &context, None).findings[0].status,
        Status::Fail
    );
}

#[test]
fn customer_says_with_negation_ignore_holds_when_negated() {
    let rule = "{ id: care, check: mention, phrases: [doctor], when: { customer_says: { phrases: [hurt], negation: ignore } } }";
    let pb = playbook(&[rule], "");
    let mut context = Context::at_step(pb, "resolve");
    context.message = Some("I'm not hurt, just shaken".to_owned());
    let judgement = engine(pb).judge("Okay.", &context, None);
    assert_eq!(judgement.findings[0].status, Status::Fail);
}

#[test]
fn a_negated_customer_says_triggers_no_escalation() {
    let pb = playbook(
        &[],
        "escalation:\n  - { id: injury, when: { customer_says: [hurt] }, to: manager }\n",
    );
    let engine = engine(pb);
    let mut context = Context::at_step(pb, "resolve");
    context.role = "agent".to_owned();
    let proposal = ethos::engine::Proposal::default();
    context.message = Some("I'm not hurt, just shaken".to_owned());
    assert!(engine.decide(&context, &proposal).findings.is_empty());
    context.message = Some("I think I'm hurt".to_owned());
    assert!(!engine.decide(&context, &proposal).findings.is_empty());
}

#[test]
fn a_line_break_in_the_message_ends_the_clause() {
    let rule = "{ id: care, check: mention, phrases: [doctor], when: { customer_says: [hurt] } }";
    let pb = playbook(&[rule], "");
    let mut context = Context::at_step(pb, "resolve");
    context.message = Some("No\nI am hurt".to_owned());
    assert_eq!(
        engine(pb).judge("Okay.", &context, None).findings.len(),
        1,
        "the condition holds: the cue is on another line"
    );
}

#[test]
fn playbook_cues_add_to_the_builtin_ones() {
    let pb = playbook(
        &["{ id: no-pay, check: avoid, phrases: [zahlt] }"],
        "negation_cues: [niemand]\n",
    );
    let context = Context::at_step(pb, "resolve");
    assert_eq!(
        status_in(pb, "niemand fragt wer zahlt", &context),
        Status::Pass
    );
    assert_eq!(status_in(pb, "ich frage wer zahlt", &context), Status::Fail);
}

#[test]
fn validate_shows_negated_matches_in_words_and_json() {
    use assert_cmd::cargo::cargo_bin_cmd;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pb.yaml");
    let mut text = format!("{BASE}\nrules:\n  - {AVOID_WHO_PAYS}\n");
    text.push_str(
        "  - { id: apologise, check: mention, phrases: [apologise], severity: warning }\n",
    );
    std::fs::write(&path, text).unwrap();
    let reply = "Nobody will ask who pays, and I won't apologise";
    let run = |format: &str| {
        let out = cargo_bin_cmd!("ethos")
            .env("NO_COLOR", "1")
            .args(["validate", "--playbook"])
            .arg(&path)
            .args(["--step", "resolve", "--format", format, reply])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let human = run("human");
    assert!(human.contains("no-pay (negated)"), "{human}");
    assert!(human.contains("apologise (negated)"), "{human}");
    assert!(
        human.contains("negated (not counted): “who pays”"),
        "{human}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings[0]["status"], "pass");
    assert_eq!(findings[0]["matches"][0]["negated"], true);
    assert_eq!(findings[0]["matches"][0]["text"], "who pays");
    assert_eq!(findings[1]["status"], "fail");
}
