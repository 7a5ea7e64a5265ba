//! Wildcards in phrases (`shared/spec/PLAYBOOK.md`, "Matching (v2)", rule 7):
//! `word*`, a lone `*`, `*` between Han characters, and `\*`.

use ethos::engine::{Context, Engine, Status};
use ethos::playbook::Playbook;

const BASE: &str = r"playbook: wildcard-test
title: Wildcard test
company: Test Hotel
philosophy:
  statement: Solve it on the spot.
  values:
    - { id: ownership, text: Whoever hears it owns it. }
roles:
  - { id: agent, title: Agent }
steps:
  - { id: resolve, title: Resolve, goal: Fix it. }
rules:
";

fn engine_for(phrase: &str) -> (&'static Playbook, &'static Engine<'static>) {
    let text = format!(
        "{BASE}  - {{ id: say, check: mention, phrases: ['{}'] }}\n",
        phrase.replace('\'', "''")
    );
    let pb: &'static Playbook = Box::leak(Box::new(
        ethos::playbook::load::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}")),
    ));
    (pb, Box::leak(Box::new(Engine::new(pb).unwrap())))
}

/// The text of the first match of `phrase` in `reply`, checked to be the
/// slice of the original reply its byte offsets say, and that `assess` agrees.
fn matched(phrase: &str, reply: &str) -> Option<String> {
    let (pb, engine) = engine_for(phrase);
    let context = Context::at_step(pb, "resolve");
    let finding = &engine.judge(reply, &context, None).findings[0];
    let passed = finding.status == Status::Pass;
    assert_eq!(engine.assess(reply, &context).failed.is_empty(), passed);
    let m = finding.matches.first()?;
    assert_eq!(
        &reply[m.start..m.end],
        m.text,
        "spans are offsets into the original"
    );
    passed.then(|| m.text.clone())
}

#[test]
fn a_star_after_letters_takes_the_rest_of_the_word() {
    assert_eq!(
        matched("apologi*", "We apologise.").as_deref(),
        Some("apologise")
    );
    assert_eq!(
        matched("apologi*", "We apologize.").as_deref(),
        Some("apologize")
    );
    assert_eq!(
        matched("apologi*", "Our apologies!").as_deref(),
        Some("apologies")
    );
    assert_eq!(matched("apologi*", "Our apology"), None);
    // The tail stops at a hyphen (and at '), which ends the word.
    assert_eq!(
        matched("apologi*", "an apologist-like tone").as_deref(),
        Some("apologist")
    );
}

#[test]
fn a_lone_star_is_up_to_three_words() {
    let phrase = "add * to your room";
    assert!(matched(phrase, "I'll add to your room").is_some());
    assert!(matched(phrase, "I'll add it to your room").is_some());
    assert!(matched(phrase, "I'll add the coffee to your room").is_some());
    assert_eq!(
        matched(phrase, "I'll add the very hot coffee to your room"),
        None
    );
    assert_eq!(matched(phrase, "I've added the coffee to your room"), None);
    assert_eq!(
        matched("add* * to your room", "I've added the coffee to your room").as_deref(),
        Some("added the coffee to your room")
    );
}

#[test]
fn a_lone_star_between_words() {
    assert_eq!(
        matched("I * understand", "I totally understand").as_deref(),
        Some("I totally understand")
    );
    assert_eq!(
        matched("I * understand", "I understand").as_deref(),
        Some("I understand")
    );
}

#[test]
fn a_star_between_han_is_up_to_three_characters() {
    assert_eq!(
        matched("马上*处理", "我马上处理").as_deref(),
        Some("马上处理")
    );
    assert_eq!(
        matched("马上*处理", "我们马上为您处理。").as_deref(),
        Some("马上为您处理")
    );
    assert_eq!(matched("马上*处理", "我们马上就为您去处理"), None);
}

#[test]
fn a_wildcard_never_crosses_a_clause_end() {
    assert_eq!(
        matched("add * to your room", "I'll add it, to your room"),
        None
    );
    assert_eq!(
        matched("add * to your room", "I'll add it\nto your room"),
        None
    );
    assert_eq!(matched("马上*处理", "马上，处理"), None);
    assert_eq!(matched("马上*处理", "马上、处理"), None);
}

#[test]
fn an_escaped_star_is_a_literal_star() {
    assert_eq!(
        matched(r"press \* now", "Press * now").as_deref(),
        Some("Press * now")
    );
    assert_eq!(matched(r"press \* now", "Press the button now"), None);
}

#[test]
fn spans_are_offsets_into_the_original_text() {
    let reply = "Ｗｅ ＡＰＯＬＯＧＩＳＥ,  truly";
    let (pb, engine) = engine_for("apologi*");
    let judgement = engine.judge(reply, &Context::at_step(pb, "resolve"), None);
    let m = &judgement.findings[0].matches[0];
    assert_eq!(m.text, "ＡＰＯＬＯＧＩＳＥ");
    assert_eq!(&reply[m.start..m.end], m.text);
}

#[test]
fn a_negated_wildcard_occurrence_does_not_count() {
    assert_eq!(matched("apologi*", "I will not apologise"), None);
    assert!(matched("apologi*", "No problem, we apologise").is_some());
}

#[test]
fn customer_says_takes_wildcards() {
    let text = format!(
        "{BASE}  - {{ id: care, check: mention, phrases: [doctor], when: {{ customer_says: ['injur*'] }} }}\n"
    );
    let pb: &'static Playbook = Box::leak(Box::new(ethos::playbook::load::parse(&text).unwrap()));
    let engine = Engine::new(pb).unwrap();
    let mut context = Context::at_step(pb, "resolve");
    context.message = Some("I was injured by the door".to_owned());
    assert_eq!(engine.judge("Okay.", &context, None).findings.len(), 1);
    context.message = Some("I was not injured".to_owned());
    assert!(engine.judge("Okay.", &context, None).findings.is_empty());
}
