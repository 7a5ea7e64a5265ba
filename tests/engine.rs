//! The reply engine against `shared/spec/PLAYBOOK.md`: matching, the five
//! checks, applicability, score and verdict, conditions and the policy. Each
//! test builds a small playbook inline.

use ethos::engine::{
    Context, Decision, Engine, Judgement, Match, PolicyCode, PolicyFinding, PolicyOutcome,
    Proposal, RuleFinding, Status, Verdict,
};
use ethos::playbook::{Duration, Playbook, Scalar, Severity};
use ethos::words::{Locale, Words};
use proptest::prelude::*;

// --- Building playbooks, contexts and judgements -----------------------------

/// Everything but the rules and escalation rules: a three-role ladder (the
/// attendant may replace up to 50 and comp up to 30, but not refund), an
/// action no role may take (`upgrade`), and three steps.
const BASE: &str = r"playbook: engine-test
title: Engine test
company: Test Hotel
philosophy:
  statement: Solve it on the spot.
  values:
    - { id: ownership, text: Whoever hears it owns it. }
roles:
  - id: attendant
    title: Pool attendant
    may: { replace: 50, comp: 30 }
  - id: duty-manager
    title: Duty manager
    may: { replace: 500, comp: 200, refund: 500 }
  - id: general-manager
    title: General manager
    may: { replace: yes, comp: yes, refund: yes }
actions:
  - { id: replace, title: Replace the item, unit: USD }
  - { id: comp, title: A complimentary extra, unit: USD }
  - { id: refund, title: Refund part of the bill, unit: USD }
  - { id: upgrade, title: Upgrade to the presidential suite }
steps:
  - { id: welcome, title: Welcome, goal: Greet the guest. }
  - { id: resolve, title: Resolve, goal: Fix it. }
  - { id: farewell, title: Farewell, goal: Say goodbye. }
";

/// A playbook with these rules (YAML flow mappings, one a line) and these
/// escalation rules.
fn playbook_with(rules: &[&str], escalation: &[&str]) -> &'static Playbook {
    let mut text = BASE.to_owned();
    for (key, items) in [("rules", rules), ("escalation", escalation)] {
        if !items.is_empty() {
            text.push_str(key);
            text.push_str(":\n");
            for item in items {
                text.push_str("  - ");
                text.push_str(item);
                text.push('\n');
            }
        }
    }
    load(&text)
}

/// Judgements borrow from the engine and the playbook; tests leak both so that
/// helpers can return judgements (a few small playbooks per test).
fn load(text: &str) -> &'static Playbook {
    let playbook = ethos::playbook::load::parse(text)
        .unwrap_or_else(|e| panic!("test playbook does not load: {e:?}\n{text}"));
    Box::leak(Box::new(playbook))
}

fn engine(pb: &'static Playbook) -> &'static Engine<'static> {
    Box::leak(Box::new(Engine::new(pb).expect("patterns compile")))
}

fn playbook(rules: &[&str]) -> &'static Playbook {
    playbook_with(rules, &[])
}

/// A context at `welcome`, played by the attendant, with nothing else known.
fn ctx(pb: &Playbook) -> Context {
    Context::at_step(pb, "welcome")
}

fn judge(pb: &'static Playbook, reply: &str, context: &Context) -> Judgement<'static> {
    let judgement = engine(pb).judge(reply, context, None);
    assert_spans_are_slices(reply, &judgement);
    judgement
}

fn judge_with(
    pb: &'static Playbook,
    reply: &str,
    context: &Context,
    proposal: &Proposal,
) -> Judgement<'static> {
    let judgement = engine(pb).judge(reply, context, Some(proposal));
    assert_spans_are_slices(reply, &judgement);
    judgement
}

fn decide(pb: &'static Playbook, context: &Context, proposal: &Proposal) -> PolicyOutcome {
    engine(pb).decide(context, proposal)
}

/// Spec rule 5: every span is byte offsets into the original reply, and its
/// text is exactly that slice.
fn assert_spans_are_slices(reply: &str, judgement: &Judgement<'_>) {
    for f in &judgement.findings {
        for m in &f.matches {
            assert!(m.start < m.end, "empty span {m:?} in rule {}", f.rule);
            let slice = reply.get(m.start..m.end).unwrap_or_else(|| {
                panic!(
                    "span {}..{} of rule {} is not on char boundaries of {reply:?}",
                    m.start, m.end, f.rule
                )
            });
            assert_eq!(m.text, slice, "rule {}", f.rule);
        }
    }
}

fn finding<'j, 'p>(judgement: &'j Judgement<'p>, rule: &str) -> &'j RuleFinding<'p> {
    judgement
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("rule `{rule}` is not among the findings: {judgement:#?}"))
}

fn listed(judgement: &Judgement<'_>, rule: &str) -> bool {
    judgement.findings.iter().any(|f| f.rule == rule)
}

/// The spans as (start, end, text).
fn spans<'f>(f: &'f RuleFinding<'_>) -> Vec<(usize, usize, &'f str)> {
    f.matches
        .iter()
        .map(|m| (m.start, m.end, m.text.as_str()))
        .collect()
}

/// The status of rule `r` (a one-rule `mention`/`avoid` playbook) on `reply`.
fn status_of(pb: &'static Playbook, reply: &str, context: &Context, rule: &str) -> Status {
    finding(&judge(pb, reply, context), rule).status
}

fn mention(phrases: &str) -> &'static Playbook {
    playbook(&[&format!("{{ id: m, check: mention, phrases: {phrases} }}")])
}

fn mention_pattern(pattern: &str) -> &'static Playbook {
    playbook(&[&format!(
        "{{ id: m, check: mention, patterns: [{pattern}] }}"
    )])
}

/// The spans of rule `m` of `pb` in `reply`.
fn m_spans(pb: &'static Playbook, reply: &str) -> Vec<(usize, usize, String)> {
    let j = judge(pb, reply, &ctx(pb));
    spans(finding(&j, "m"))
        .into_iter()
        .map(|(s, e, t)| (s, e, t.to_owned()))
        .collect()
}

fn span(start: usize, end: usize, text: &str) -> (usize, usize, String) {
    (start, end, text.to_owned())
}

fn proposal(actions: &[(&str, f64)], escalate: Option<&str>) -> Proposal {
    Proposal {
        actions: actions.iter().map(|(a, n)| ((*a).to_owned(), *n)).collect(),
        escalate: escalate.map(str::to_owned),
    }
}

fn codes(findings: &[PolicyFinding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

fn only(findings: &[PolicyFinding], code: PolicyCode) -> &PolicyFinding {
    let found: Vec<&PolicyFinding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(found.len(), 1, "expected one {code:?}: {findings:#?}");
    found[0]
}

/// The id of the role a policy finding sends the case to.
fn to<'p>(pb: &'p Playbook, f: &PolicyFinding) -> Option<&'p str> {
    f.to.map(|rank| pb.roles[rank].id.as_str())
}

/// The ids of the escalation rules behind a policy finding.
fn because<'p>(pb: &'p Playbook, f: &PolicyFinding) -> Vec<&'p str> {
    f.because
        .iter()
        .map(|&i| pb.escalation[i].id.as_str())
        .collect()
}

/// What a policy finding says, in English.
fn said(pb: &Playbook, f: &PolicyFinding) -> String {
    Words::new(Locale::En).policy_finding(pb, f)
}

/// What the policy decides, in English.
fn decision(pb: &Playbook, o: &PolicyOutcome) -> String {
    Words::new(Locale::En).decision(pb, &o.decision(pb))
}

/// The ids of the escalation rules that the outcome's required escalation names.
fn required_because(pb: &Playbook, outcome: &PolicyOutcome) -> Vec<String> {
    outcome.required.as_ref().map_or_else(Vec::new, |r| {
        r.because
            .iter()
            .map(|&i| pb.escalation[i].id.value.clone())
            .collect()
    })
}

// --- Matching, rule 1: NFKC, case folding, apostrophes, white space ----------

#[test]
fn full_width_letters_match_after_nfkc_and_case_folding_and_the_span_covers_the_original_bytes() {
    let pb = mention("[hello]");
    let reply = "ＨＥＬＬＯ, Dana";
    assert_eq!(m_spans(pb, reply), [span(0, 15, "ＨＥＬＬＯ")]);
    assert_eq!(m_spans(pb, "Hello"), [span(0, 5, "Hello")]);
    assert_eq!(m_spans(pb, "HELLO"), [span(0, 5, "HELLO")]);
}

#[test]
fn a_capitalised_phrase_matches_lower_case_text() {
    let pb = mention("[Good Morning]");
    assert_eq!(
        m_spans(pb, "oh, good morning!"),
        [span(4, 16, "good morning")]
    );
}

#[test]
fn full_case_folding_turns_sharp_s_into_ss_both_ways() {
    let pb = mention("[strasse]");
    assert_eq!(m_spans(pb, "Die Straße ist nass"), [span(4, 11, "Straße")]);
    let pb = mention("[straße]");
    assert_eq!(m_spans(pb, "STRASSE"), [span(0, 7, "STRASSE")]);
}

#[test]
fn curly_and_other_apostrophes_match_a_straight_one() {
    let pb = mention("[\"can't\"]");
    for apostrophe in ['\u{2019}', '\u{2018}', '\u{02BC}', '\u{FF07}', '`', '\''] {
        let reply = format!("I can{apostrophe}t wait");
        let end = 5 + apostrophe.len_utf8() + 1;
        assert_eq!(
            m_spans(pb, &reply),
            [span(2, end, &reply[2..end])],
            "apostrophe {apostrophe:?}"
        );
    }
    // And a phrase written with a curly apostrophe matches a straight one.
    let pb = mention("[\"can’t\"]");
    assert_eq!(m_spans(pb, "I can't"), [span(2, 7, "can't")]);
}

#[test]
fn a_run_of_white_space_counts_as_one_space() {
    let pb = mention("[right away]");
    let reply = "Fresh towels, right \t\n  away.";
    assert_eq!(m_spans(pb, reply), [span(14, 28, "right \t\n  away")]);
    // Non-breaking and ideographic spaces are white space too.
    let reply = "right\u{00A0}\u{3000}away";
    assert_eq!(m_spans(pb, reply), [span(0, reply.len(), reply)]);
    // A phrase with several spaces matches text with one.
    let pb = mention("[\"right    away\"]");
    assert_eq!(m_spans(pb, "right away"), [span(0, 10, "right away")]);
}

// --- Matching, rule 2: whole words, and Han/Kana ----------------------------

#[test]
fn a_phrase_matches_only_as_a_whole_word() {
    let pb = mention("[hi]");
    assert_eq!(status_of(pb, "this is it", &ctx(pb), "m"), Status::Fail);
    assert_eq!(status_of(pb, "hidden", &ctx(pb), "m"), Status::Fail);
    assert_eq!(status_of(pb, "hi2", &ctx(pb), "m"), Status::Fail);
    assert_eq!(m_spans(pb, "(hi)"), [span(1, 3, "hi")]);
    assert_eq!(m_spans(pb, "oh, hi!"), [span(4, 6, "hi")]);
    let pb = mention("[ok]");
    assert_eq!(status_of(pb, "okay then", &ctx(pb), "m"), Status::Fail);
    assert_eq!(status_of(pb, "bok", &ctx(pb), "m"), Status::Fail);
    assert_eq!(m_spans(pb, "ok-ish"), [span(0, 2, "ok")]);
}

#[test]
fn accented_letters_are_letters_for_word_edges() {
    let pb = mention("[cafe]");
    assert_eq!(status_of(pb, "cafeñ", &ctx(pb), "m"), Status::Fail);
    assert_eq!(status_of(pb, "écafe", &ctx(pb), "m"), Status::Fail);
    assert_eq!(m_spans(pb, "«cafe»"), [span(2, 6, "cafe")]);
}

#[test]
fn a_han_neighbour_is_a_word_boundary() {
    let pb = mention("[\"12315\"]");
    let reply = "去12315投诉";
    assert_eq!(m_spans(pb, reply), [span(3, 8, "12315")]);
    // But a digit neighbour is not.
    assert_eq!(status_of(pb, "去123156投诉", &ctx(pb), "m"), Status::Fail);
    let pb = mention("[wifi]");
    assert_eq!(m_spans(pb, "连不上wifi了"), [span(9, 13, "wifi")]);
}

#[test]
fn a_phrase_that_starts_and_ends_with_han_matches_inside_han_text() {
    let pb = mention("[抱歉]");
    let reply = "非常抱歉给您带来不便";
    assert_eq!(m_spans(pb, reply), [span(6, 12, "抱歉")]);
    // A Latin neighbour does not stop it either, on the Han side.
    assert_eq!(m_spans(pb, "abc抱歉xyz"), [span(3, 9, "抱歉")]);
}

#[test]
fn a_phrase_with_latin_on_one_side_needs_a_boundary_on_that_side_only() {
    // Ends in Han: no boundary needed after it; starts with a letter: needed before.
    let pb = mention("[\"VIP客人\"]");
    assert_eq!(m_spans(pb, "我们的VIP客人们"), [span(9, 18, "VIP客人")]);
    assert_eq!(status_of(pb, "AVIP客人", &ctx(pb), "m"), Status::Fail);
}

#[test]
fn japanese_katakana_matches_inside_japanese_text() {
    let pb = mention("[コーヒー]");
    let reply = "新しいコーヒーをお持ちします";
    assert_eq!(m_spans(pb, reply), [span(9, 21, "コーヒー")]);
    // Half-width Katakana is the same word after NFKC; the span is the original.
    let reply = "ｺｰﾋｰをどうぞ";
    assert_eq!(m_spans(pb, reply), [span(0, 12, "ｺｰﾋｰ")]);
    // A half-width voiced mark composes with its Kana: ｶﾞ is ガ.
    let pb = mention("[ガラス]");
    assert_eq!(m_spans(pb, "割れたｶﾞﾗｽです"), [span(9, 21, "ｶﾞﾗｽ")]);
    let pb = mention("[すみません]");
    assert_eq!(
        m_spans(pb, "本当にすみませんでした"),
        [span(9, 24, "すみません")]
    );
}

#[test]
fn a_ligature_in_the_reply_matches_the_letters_and_the_span_covers_the_ligature() {
    let pb = mention("[fix]");
    let reply = "We will ﬁx it";
    // ﬁ is three bytes.
    assert_eq!(m_spans(pb, reply), [span(8, 12, "ﬁx")]);
    let pb = mention("[coffee]");
    let reply = "a new coﬀee";
    assert_eq!(m_spans(pb, reply), [span(6, 13, "coﬀee")]);
}

#[test]
fn combining_accents_in_the_reply_match_the_composed_phrase() {
    let pb = mention("[café]");
    let reply = "the cafe\u{0301} is open";
    assert_eq!(m_spans(pb, reply), [span(4, 10, "cafe\u{0301}")]);
    // The accent is part of the word: `cafe` does not match `cafe\u{301}`.
    let pb = mention("[cafe]");
    assert_eq!(
        status_of(pb, "the cafe\u{0301} is open", &ctx(pb), "m"),
        Status::Fail
    );
}

#[test]
fn emoji_next_to_a_phrase_do_not_stop_it_matching() {
    let pb = mention("[hello]");
    let reply = "🙂hello🙂";
    assert_eq!(m_spans(pb, reply), [span(4, 9, "hello")]);
    let pb = mention("[thanks]");
    let reply = "thanks👍🏽 so much";
    assert_eq!(m_spans(pb, reply), [span(0, 6, "thanks")]);
}

// --- Matching, rule 3: patterns ---------------------------------------------

#[test]
fn patterns_are_case_insensitive() {
    let pb = mention_pattern(r"'\bsorry\b'");
    assert_eq!(m_spans(pb, "I AM SORRY."), [span(5, 10, "SORRY")]);
    assert_eq!(status_of(pb, "sorrynotsorry", &ctx(pb), "m"), Status::Fail);
}

#[test]
fn patterns_run_on_the_normalised_text_and_spans_map_back() {
    let pb = mention_pattern(r"'\bfix(?:ed)?\b'");
    assert_eq!(m_spans(pb, "ＦＩＸＥＤ!"), [span(0, 15, "ＦＩＸＥＤ")]);
    assert_eq!(m_spans(pb, "all ﬁxed"), [span(4, 10, "ﬁxed")]);
    let pb = mention_pattern(r"'can''t'");
    assert_eq!(m_spans(pb, "I can’t"), [span(2, 9, "can’t")]);
    let pb = mention_pattern(r"'right away'");
    assert_eq!(m_spans(pb, "right\n\naway"), [span(0, 11, "right\n\naway")]);
}

#[test]
fn a_pattern_written_with_a_curly_apostrophe_matches_like_the_reply() {
    // The reply's apostrophes are normalised to `'`; the pattern's are too.
    let pb = mention_pattern(r"'\bcan’t\b'");
    assert_eq!(m_spans(pb, "I can't"), [span(2, 7, "can't")]);
    assert_eq!(m_spans(pb, "I can’t"), [span(2, 9, "can’t")]);
}

// --- Matching, rule 4: placeholders -----------------------------------------

#[test]
fn a_placeholder_is_filled_from_the_context() {
    let pb = playbook(&[
        r#"{ id: use-name, check: mention, phrases: ["{customer.name}"] }"#,
        r#"{ id: room, check: mention, phrases: ["room {facts.room}"] }"#,
        r"{ id: tier, check: mention, patterns: ['\b{customer.tier} member'] }",
    ]);
    let mut c = ctx(pb);
    c.customer_name = Some("Dana".into());
    c.customer_tier = Some("Gold".into());
    c.facts.insert("room".into(), Scalar::Int(214));
    let reply = "Welcome back, DANA, to room 214, our gold member!";
    let j = judge(pb, reply, &c);
    assert_eq!(spans(finding(&j, "use-name")), [(14, 18, "DANA")]);
    assert_eq!(spans(finding(&j, "room")), [(23, 31, "room 214")]);
    assert_eq!(spans(finding(&j, "tier")), [(37, 48, "gold member")]);
    assert_eq!(j.verdict, Verdict::Pass);

    c.customer_name = Some("Claire".into());
    let j = judge(pb, reply, &c);
    assert_eq!(finding(&j, "use-name").status, Status::Fail);
}

#[test]
fn a_filled_placeholder_is_normalised_like_any_phrase() {
    let pb = playbook(&[
        r#"{ id: phrase, check: mention, phrases: ["{customer.name}"] }"#,
        r"{ id: pattern, check: mention, patterns: ['\bdear {customer.name}\b'] }",
    ]);
    let mut c = ctx(pb);
    c.customer_name = Some("O’Brien".into());
    let j = judge(pb, "Dear O'BRIEN, welcome", &c);
    assert_eq!(spans(finding(&j, "phrase")), [(5, 12, "O'BRIEN")]);
    assert_eq!(spans(finding(&j, "pattern")), [(0, 12, "Dear O'BRIEN")]);
}

#[test]
fn a_name_with_regex_metacharacters_is_escaped_in_a_pattern_placeholder() {
    let pb = playbook(&[r"{ id: m, check: mention, patterns: ['thanks, {customer.name}'] }"]);
    let mut c = ctx(pb);
    c.customer_name = Some("Dana (Jr.)".into());
    let j = judge(pb, "Thanks, Dana (Jr.)!", &c);
    assert_eq!(spans(finding(&j, "m")), [(0, 18, "Thanks, Dana (Jr.)")]);
    // Unescaped, `(Jr.)` would be a group matching `Jrx`.
    let j = judge(pb, "Thanks, Dana Jrx!", &c);
    assert_eq!(finding(&j, "m").status, Status::Fail);
    // A name that is not a valid regex on its own still works.
    c.customer_name = Some("C++ [x".into());
    let j = judge(pb, "thanks, c++ [x", &c);
    assert_eq!(finding(&j, "m").status, Status::Pass);
}

#[test]
fn an_unfilled_placeholder_skips_the_rule_and_it_does_not_count_in_the_score() {
    let pb = playbook(&[
        r#"{ id: use-name, check: mention, phrases: ["{customer.name}"] }"#,
        r"{ id: no-room, check: avoid, patterns: ['room {facts.room}'] }",
        "{ id: hello, check: mention, phrases: [hello] }",
        "{ id: never, check: mention, phrases: [never said] }",
    ]);
    let j = judge(pb, "hello, room 12", &ctx(pb));
    assert_eq!(finding(&j, "use-name").status, Status::Skipped);
    assert_eq!(finding(&j, "no-room").status, Status::Skipped);
    assert!(finding(&j, "use-name").matches.is_empty());
    // 1 of 2 counted rules passed: the skipped ones are in neither sum.
    assert_eq!(j.score, 50.0);
    assert_eq!(j.verdict, Verdict::Fail);

    // Skipped is not failed: with the failing rule gone, the reply passes.
    let pb = playbook(&[
        r#"{ id: use-name, check: mention, phrases: ["{customer.name}"] }"#,
        "{ id: hello, check: mention, phrases: [hello] }",
    ]);
    let j = judge(pb, "hello", &ctx(pb));
    assert_eq!(j.verdict, Verdict::Pass);
    assert_eq!(j.score, 100.0);
}

// --- The checks ---------------------------------------------------------------

#[test]
fn mention_passes_on_any_phrase_or_pattern_and_reports_what_satisfied_it() {
    let pb = playbook(&[
        r"{ id: m, check: mention, phrases: [hello, good morning], patterns: ['\bhi+\b'] }",
    ]);
    let j = judge(pb, "Good morning! Hiii", &ctx(pb));
    let f = finding(&j, "m");
    assert_eq!(f.status, Status::Pass);
    assert_eq!(spans(f), [(0, 12, "Good morning"), (14, 18, "Hiii")]);
    let j = judge(pb, "Yes?", &ctx(pb));
    let f = finding(&j, "m");
    assert_eq!(f.status, Status::Fail);
    assert!(f.matches.is_empty());
    assert_eq!(j.verdict, Verdict::Fail);
}

#[test]
fn avoid_reports_each_occurrence() {
    let pb = playbook(&[
        r"{ id: no-money, check: avoid, phrases: [who pays], patterns: ['\bcharge[sd]?\b'], suggest: No problem at all. }",
    ]);
    let reply = "Who pays? We charge, and who pays is the question. Charges apply.";
    let j = judge(pb, reply, &ctx(pb));
    let f = finding(&j, "no-money");
    assert_eq!(f.status, Status::Fail);
    assert_eq!(
        spans(f),
        [
            (0, 8, "Who pays"),
            (13, 19, "charge"),
            (25, 33, "who pays"),
            (51, 58, "Charges"),
        ]
    );
    assert_eq!(f.suggestion, Some("No problem at all."));
    assert_eq!(j.verdict, Verdict::Fail);
    let j = judge(pb, "A fresh one is on its way.", &ctx(pb));
    assert_eq!(finding(&j, "no-money").status, Status::Pass);
    assert!(finding(&j, "no-money").matches.is_empty());
}

#[test]
fn swap_reports_each_occurrence_with_its_replacement_and_is_a_warning_by_default() {
    let pb = playbook(&[
        r#"{ id: words, check: swap, swap: { customer: guest, "no problem": my pleasure } }"#,
    ]);
    let reply = "No problem, customer. Every customer matters.";
    let j = judge(pb, reply, &ctx(pb));
    let f = finding(&j, "words");
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.severity, Severity::Warning);
    let got: Vec<(usize, usize, &str, Option<&str>)> = f
        .matches
        .iter()
        .map(|m| (m.start, m.end, m.text.as_str(), m.replacement.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (0, 10, "No problem", Some("my pleasure")),
            (12, 20, "customer", Some("guest")),
            (28, 36, "customer", Some("guest")),
        ]
    );
    // Without a `suggest`, a failed swap suggests its replacements, each once.
    assert_eq!(f.suggestion, None);
    assert_eq!(
        Words::new(Locale::En).rule_suggestion(f).as_deref(),
        Some("Say “my pleasure” instead of “No problem”; say “guest” instead of “customer”")
    );
    // A warning: the reply still passes, with a lower score.
    assert_eq!(j.verdict, Verdict::Pass);
    assert_eq!(j.score, 0.0);
    // `customers` is not `customer` as a whole word.
    let j = judge(pb, "Our customers", &ctx(pb));
    assert_eq!(finding(&j, "words").status, Status::Pass);
}

#[test]
fn swap_with_severity_error_fails_the_reply() {
    let pb = playbook(&[r"{ id: words, check: swap, swap: { customer: guest }, severity: error }"]);
    let j = judge(pb, "Dear customer", &ctx(pb));
    assert_eq!(finding(&j, "words").severity, Severity::Error);
    assert_eq!(j.verdict, Verdict::Fail);
}

fn word_count_verdict(max: u32, reply: &str) -> Status {
    let pb = playbook(&[&format!("{{ id: len, check: length, max_words: {max} }}")]);
    status_of(pb, reply, &ctx(pb), "len")
}

/// The word count of `reply` as `length` counts it: the largest `max_words`
/// it passes.
fn words(reply: &str) -> u32 {
    (0..200)
        .find(|&n| word_count_verdict(n, reply) == Status::Pass)
        .expect("fewer than 200 words")
}

#[test]
fn length_counts_contractions_hyphenated_words_and_digits_with_letters_as_one_word() {
    assert_eq!(words("I'm fine, e-mail me at 7am."), 6);
    assert_eq!(words("I’m on my way"), 4);
    assert_eq!(words("It's a well-known twenty-four-hour 24/7 service"), 7);
    assert_eq!(words(""), 0);
    assert_eq!(words("!!! ... — ?"), 0);
    assert_eq!(words("café naïve"), 2);
    assert_eq!(words("🙂 👍"), 0);
}

#[test]
fn length_counts_each_han_and_kana_character_as_a_word() {
    assert_eq!(words("非常抱歉"), 4);
    assert_eq!(words("非常抱歉，给您带来不便。"), 10);
    assert_eq!(words("コーヒーをどうぞ"), 8);
    assert_eq!(words("我们7am到wifi"), 5);
}

#[test]
fn length_enforces_min_and_max_inclusively() {
    let pb = playbook(&["{ id: len, check: length, min_words: 3, max_words: 5 }"]);
    let c = ctx(pb);
    assert_eq!(status_of(pb, "one two", &c, "len"), Status::Fail);
    assert_eq!(status_of(pb, "one two three", &c, "len"), Status::Pass);
    assert_eq!(
        status_of(pb, "one two three four five", &c, "len"),
        Status::Pass
    );
    assert_eq!(
        status_of(pb, "one two three four five six", &c, "len"),
        Status::Fail
    );
    let pb = playbook(&["{ id: len, check: length, min_words: 2 }"]);
    assert_eq!(status_of(pb, "Hi", &ctx(pb), "len"), Status::Fail);
    assert_eq!(status_of(pb, "Hi there", &ctx(pb), "len"), Status::Pass);
    // Default severity is error.
    let pb = playbook(&["{ id: len, check: length, max_words: 1 }"]);
    let j = judge(pb, "Too many words", &ctx(pb));
    assert_eq!(finding(&j, "len").severity, Severity::Error);
    assert_eq!(j.verdict, Verdict::Fail);
}

#[test]
fn echo_needs_min_key_facts_and_reports_where_they_are() {
    let pb = playbook(&[
        "{ id: echo1, check: echo }",
        "{ id: echo2, check: echo, min: 2 }",
    ]);
    let mut c = ctx(pb);
    c.key_facts = vec!["coffee".into(), "towels".into(), "wet loungers".into()];
    let j = judge(pb, "A fresh COFFEE is on its way.", &c);
    assert_eq!(finding(&j, "echo1").status, Status::Pass);
    assert_eq!(spans(finding(&j, "echo1")), [(8, 14, "COFFEE")]);
    assert_eq!(finding(&j, "echo2").status, Status::Fail);

    let reply = "Fresh towels and coffee, and I will dry the wet  loungers.";
    let j = judge(pb, reply, &c);
    assert_eq!(finding(&j, "echo2").status, Status::Pass);
    assert_eq!(
        spans(finding(&j, "echo2")),
        [
            (6, 12, "towels"),
            (17, 23, "coffee"),
            (44, 57, "wet  loungers")
        ]
    );
    // Key facts match as whole words too.
    let j = judge(pb, "Coffees for everyone", &c);
    assert_eq!(finding(&j, "echo1").status, Status::Fail);
}

#[test]
fn echo_is_skipped_where_the_beat_has_no_key_facts() {
    let pb = playbook(&[
        "{ id: echo, check: echo }",
        "{ id: hello, check: mention, phrases: [hello] }",
    ]);
    let j = judge(pb, "hello", &ctx(pb));
    assert_eq!(finding(&j, "echo").status, Status::Skipped);
    assert_eq!(j.score, 100.0);
    assert_eq!(j.verdict, Verdict::Pass);
}

#[test]
fn echo_finds_chinese_key_facts_inside_chinese_text() {
    let pb = playbook(&["{ id: echo, check: echo }"]);
    let mut c = ctx(pb);
    c.key_facts = vec!["桌布".into()];
    let j = judge(pb, "我马上换掉湿桌布。", &c);
    assert_eq!(spans(finding(&j, "echo")), [(18, 24, "桌布")]);
}

// --- Applicability, severities, score ----------------------------------------

#[test]
fn a_rule_not_at_the_step_is_not_listed_at_all() {
    let pb = playbook(&[
        "{ id: greet, at: [welcome], check: mention, phrases: [hello] }",
        "{ id: fix, at: [resolve, farewell], check: mention, phrases: [right away] }",
        "{ id: everywhere, check: avoid, phrases: [who pays] }",
    ]);
    let mut c = ctx(pb);
    let j = judge(pb, "nothing", &c);
    let ids: Vec<String> = j.findings.iter().map(|f| f.rule.to_string()).collect();
    assert_eq!(ids, ["greet", "everywhere"]);
    c.step = "resolve".into();
    let j = judge(pb, "nothing", &c);
    let ids: Vec<String> = j.findings.iter().map(|f| f.rule.to_string()).collect();
    assert_eq!(ids, ["fix", "everywhere"]);
    assert_eq!(j.step, "resolve");
    assert_eq!(j.role, "attendant");
}

#[test]
fn a_rule_whose_when_does_not_hold_is_not_listed() {
    let pb = playbook(&[
        r"{ id: sorry, check: mention, when: { facts.at_fault: true }, patterns: ['\bsorry\b'] }",
    ]);
    let mut c = ctx(pb);
    assert!(!listed(&judge(pb, "Hello", &c), "sorry"));
    c.facts.insert("at_fault".into(), Scalar::Bool(false));
    assert!(!listed(&judge(pb, "Hello", &c), "sorry"));
    c.facts.insert("at_fault".into(), Scalar::Bool(true));
    let j = judge(pb, "Hello", &c);
    assert_eq!(finding(&j, "sorry").status, Status::Fail);
    assert_eq!(j.verdict, Verdict::Fail);
}

#[test]
fn findings_follow_the_playbooks_order() {
    let pb = playbook(&[
        "{ id: z-last, check: avoid, phrases: [zzz] }",
        "{ id: a-first, check: mention, phrases: [hello] }",
        "{ id: m-middle, check: length, max_words: 10 }",
    ]);
    let j = judge(pb, "hello", &ctx(pb));
    let ids: Vec<String> = j.findings.iter().map(|f| f.rule.to_string()).collect();
    assert_eq!(ids, ["z-last", "a-first", "m-middle"]);
}

#[test]
fn a_failing_warning_or_info_rule_does_not_fail_the_verdict() {
    let pb = playbook(&[
        "{ id: w, check: mention, phrases: [hello], severity: warning }",
        "{ id: i, check: mention, phrases: [welcome], severity: info }",
        "{ id: e, check: avoid, phrases: [who pays] }",
    ]);
    let j = judge(pb, "Yes?", &ctx(pb));
    assert_eq!(finding(&j, "w").status, Status::Fail);
    assert_eq!(finding(&j, "i").status, Status::Fail);
    assert_eq!(finding(&j, "i").severity, Severity::Info);
    assert_eq!(j.verdict, Verdict::Pass);
    assert_eq!(j.score, 33.3);
    let j = judge(pb, "Who pays?", &ctx(pb));
    assert_eq!(j.verdict, Verdict::Fail);
    assert_eq!(j.score, 0.0);
}

#[test]
fn the_score_is_the_passed_share_of_weights_rounded_to_one_decimal() {
    let pb = playbook(&[
        "{ id: a, check: mention, phrases: [alpha] }",
        "{ id: b, check: mention, phrases: [beta] }",
        "{ id: c, check: mention, phrases: [gamma] }",
    ]);
    assert_eq!(judge(pb, "alpha", &ctx(pb)).score, 33.3);
    assert_eq!(judge(pb, "alpha beta", &ctx(pb)).score, 66.7);
    assert_eq!(judge(pb, "alpha beta gamma", &ctx(pb)).score, 100.0);
    assert_eq!(judge(pb, "none", &ctx(pb)).score, 0.0);

    let pb = playbook(&[
        "{ id: heavy, check: mention, phrases: [alpha], weight: 3 }",
        "{ id: light, check: mention, phrases: [beta] }",
        "{ id: half, check: mention, phrases: [gamma], weight: 0.5 }",
    ]);
    assert_eq!(judge(pb, "alpha", &ctx(pb)).score, 66.7); // 3 / 4.5
    assert_eq!(judge(pb, "beta", &ctx(pb)).score, 22.2); // 1 / 4.5
    assert_eq!(judge(pb, "alpha beta", &ctx(pb)).score, 88.9); // 4 / 4.5
    assert_eq!(judge(pb, "gamma", &ctx(pb)).score, 11.1); // 0.5 / 4.5
}

#[test]
fn the_score_is_100_when_no_rule_applies() {
    let pb = playbook(&[]);
    let j = judge(pb, "anything at all", &ctx(pb));
    assert!(j.findings.is_empty());
    assert_eq!(j.score, 100.0);
    assert_eq!(j.verdict, Verdict::Pass);
    let pb = playbook(&["{ id: later, at: [farewell], check: mention, phrases: [bye] }"]);
    let j = judge(pb, "hello", &ctx(pb));
    assert!(j.findings.is_empty());
    assert_eq!(j.score, 100.0);
}

// --- Conditions -----------------------------------------------------------------

/// Whether a rule with this `when` applies in context `c`.
fn when_holds(when: &str, c: &Context) -> bool {
    let pb = playbook(&[&format!(
        "{{ id: r, check: mention, phrases: [hello], when: {when} }}"
    )]);
    let mut c = c.clone();
    c.role = "attendant".into();
    listed(&judge(pb, "hello", &c), "r")
}

fn empty_ctx() -> Context {
    Context {
        step: "welcome".into(),
        role: "attendant".into(),
        contacts: 1,
        ..Context::default()
    }
}

#[test]
fn customer_says_holds_when_the_customers_message_contains_a_phrase_as_a_whole_word() {
    let when = "{ customer_says: [hurt, cut myself] }";
    let says = |message: Option<&str>| {
        let mut c = empty_ctx();
        c.message = message.map(str::to_owned);
        when_holds(when, &c)
    };
    assert!(says(Some("I think I HURT my foot")));
    assert!(says(Some("I cut   myself on a glass")));
    assert!(says(Some("I cut myself!")));
    assert!(!says(Some("Nobody was unhurt")));
    assert!(!says(Some("hurtful words")));
    assert!(!says(Some("Lovely day")));
    assert!(!says(None));
}

#[test]
fn customer_says_matches_chinese_inside_chinese_text() {
    let mut c = empty_ctx();
    c.message = Some("我的手被烫伤了".into());
    assert!(when_holds("{ customer_says: [烫伤] }", &c));
    c.message = Some("我的手没事".into());
    assert!(!when_holds("{ customer_says: [烫伤] }", &c));
}

#[test]
fn contacts_holds_within_inclusive_bounds() {
    let with = |n: u32| {
        let mut c = empty_ctx();
        c.contacts = n;
        c
    };
    let when = "{ contacts: { min: 2, max: 3 } }";
    assert!(!when_holds(when, &with(1)));
    assert!(when_holds(when, &with(2)));
    assert!(when_holds(when, &with(3)));
    assert!(!when_holds(when, &with(4)));
    assert!(when_holds("{ contacts: { min: 3 } }", &with(30)));
    assert!(when_holds("{ contacts: { max: 1 } }", &with(1)));
    assert!(!when_holds("{ contacts: { max: 1 } }", &with(2)));
}

#[test]
fn waiting_holds_within_inclusive_duration_bounds() {
    let waited = |secs: u64| {
        let mut c = empty_ctx();
        c.waiting = Duration::from_secs(secs);
        c
    };
    let when = "{ waiting: { min: 15m, max: 1h } }";
    assert!(!when_holds(when, &waited(15 * 60 - 1)));
    assert!(when_holds(when, &waited(15 * 60)));
    assert!(when_holds(when, &waited(3600)));
    assert!(!when_holds(when, &waited(3601)));
    assert!(when_holds("{ waiting: { min: 30s } }", &waited(30)));
    assert!(!when_holds("{ waiting: { min: 30s } }", &waited(29)));
    assert!(when_holds("{ waiting: { min: 1d } }", &waited(86_400)));
    assert!(!when_holds("{ waiting: { min: 2h } }", &waited(7199)));
    // Default: nobody has waited.
    assert!(!when_holds("{ waiting: { min: 1s } }", &empty_ctx()));
}

#[test]
fn customer_mood_and_tier_hold_when_the_value_is_one_of_the_list() {
    let mut c = empty_ctx();
    let mood = "{ customer.mood: [angry, upset] }";
    let tier = "{ customer.tier: [gold, platinum] }";
    assert!(!when_holds(mood, &c));
    assert!(!when_holds(tier, &c));
    c.customer_mood = Some("upset".into());
    c.customer_tier = Some("platinum".into());
    assert!(when_holds(mood, &c));
    assert!(when_holds(tier, &c));
    c.customer_mood = Some("calm".into());
    c.customer_tier = Some("standard".into());
    assert!(!when_holds(mood, &c));
    assert!(!when_holds(tier, &c));
}

#[test]
fn a_fact_condition_holds_when_the_scenario_fact_equals_the_value() {
    let mut c = empty_ctx();
    assert!(!when_holds("{ facts.at_fault: true }", &c));
    c.facts.insert("at_fault".into(), Scalar::Bool(true));
    c.facts.insert("nights".into(), Scalar::Int(3));
    c.facts
        .insert("room_type".into(), Scalar::Text("suite".into()));
    assert!(when_holds("{ facts.at_fault: true }", &c));
    assert!(!when_holds("{ facts.at_fault: false }", &c));
    assert!(when_holds("{ facts.nights: 3 }", &c));
    assert!(!when_holds("{ facts.nights: 4 }", &c));
    assert!(when_holds("{ facts.room_type: suite }", &c));
    assert!(!when_holds("{ facts.room_type: double }", &c));
}

#[test]
fn every_entry_of_a_condition_must_hold() {
    let mut c = empty_ctx();
    let when = "{ contacts: { min: 2 }, customer.tier: [gold], facts.at_fault: true }";
    c.contacts = 2;
    c.customer_tier = Some("gold".into());
    assert!(!when_holds(when, &c));
    c.facts.insert("at_fault".into(), Scalar::Bool(true));
    assert!(when_holds(when, &c));
    c.contacts = 1;
    assert!(!when_holds(when, &c));
}

/// A playbook whose escalation rules send refunds up by each amount bound.
fn amount_bounds_playbook() -> &'static Playbook {
    playbook_with(
        &[],
        &[
            "{ id: over, when: { action: refund, amount: { over: 100 } }, to: duty-manager }",
            "{ id: at-least, when: { action: replace, amount: { at_least: 100 } }, to: duty-manager }",
            "{ id: under, when: { action: comp, amount: { under: 10 } }, to: duty-manager }",
            "{ id: at-most, when: { action: upgrade, amount: { at_most: 10 } }, to: duty-manager }",
            "{ id: range, when: { action: refund, amount: { at_least: 20, under: 25 } }, to: duty-manager }",
        ],
    )
}

fn held(pb: &'static Playbook, action: &str, amount: f64) -> Vec<String> {
    let outcome = decide(pb, &empty_ctx(), &proposal(&[(action, amount)], None));
    required_because(pb, &outcome)
}

#[test]
fn action_and_amount_conditions_check_every_bound_given() {
    let pb = amount_bounds_playbook();
    assert!(held(pb, "refund", 100.0).is_empty());
    assert_eq!(held(pb, "refund", 100.01), ["over"]);
    assert!(held(pb, "replace", 99.99).is_empty());
    assert_eq!(held(pb, "replace", 100.0), ["at-least"]);
    assert_eq!(held(pb, "comp", 9.99), ["under"]);
    assert!(held(pb, "comp", 10.0).is_empty());
    assert_eq!(held(pb, "upgrade", 10.0), ["at-most"]);
    assert!(held(pb, "upgrade", 10.01).is_empty());
    assert!(held(pb, "refund", 19.99).is_empty());
    assert_eq!(held(pb, "refund", 20.0), ["range"]);
    assert_eq!(held(pb, "refund", 24.99), ["range"]);
    assert!(held(pb, "refund", 25.0).is_empty());
}

#[test]
fn an_action_condition_holds_only_for_that_action_being_proposed() {
    let pb = playbook_with(
        &[],
        &["{ id: any-refund, when: { action: refund }, to: duty-manager }"],
    );
    assert_eq!(held(pb, "refund", 1.0), ["any-refund"]);
    assert!(held(pb, "replace", 1.0).is_empty());
    let outcome = decide(pb, &empty_ctx(), &Proposal::default());
    assert!(outcome.required.is_none());
    // Amount bounds apply to the same proposed action as `action`.
    let pb = playbook_with(
        &[],
        &["{ id: big, when: { action: refund, amount: { over: 100 } }, to: duty-manager }"],
    );
    let p = proposal(&[("refund", 5.0), ("replace", 200.0)], None);
    assert!(required_because(pb, &decide(pb, &empty_ctx(), &p)).is_empty());
}

// --- The policy -------------------------------------------------------------------

/// The ladder of `BASE` with the injury, third-contact and big-refund rules.
fn policy_playbook() -> &'static Playbook {
    playbook_with(
        &[],
        &[
            "{ id: injury, when: { customer_says: [hurt, injured] }, to: duty-manager, within: 5m, why: Any injury is handled by a manager in person. }",
            "{ id: third-contact, when: { contacts: { min: 3 } }, to: duty-manager, within: 1h }",
            "{ id: big-refund, when: { action: refund, amount: { over: 500 } }, to: general-manager, within: 1d }",
        ],
    )
}

fn as_role(pb: &Playbook, role: &str) -> Context {
    let mut c = ctx(pb);
    c.role = role.into();
    c
}

#[test]
fn a_limit_is_inclusive() {
    let pb = policy_playbook();
    let c = ctx(pb);
    let o = decide(pb, &c, &proposal(&[("replace", 50.0)], None));
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
    assert!(o.required.is_none());
    let o = decide(pb, &c, &proposal(&[("replace", 50.01)], None));
    assert_eq!(codes(&o.findings), ["over-limit"]);
    let o = decide(pb, &c, &proposal(&[("comp", 30.0)], None));
    assert!(o.findings.is_empty());
    let o = decide(pb, &c, &proposal(&[("replace", 0.0)], None));
    assert!(o.findings.is_empty());
}

#[test]
fn yes_means_no_limit() {
    let pb = policy_playbook();
    let c = as_role(pb, "general-manager");
    let o = decide(
        pb,
        &c,
        &proposal(&[("replace", 1_000_000.0), ("refund", 99_999.0)], None),
    );
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
}

#[test]
fn an_action_missing_from_may_is_not_the_roles_to_grant() {
    let pb = policy_playbook();
    // The attendant has no `refund` at all, not even a small one.
    let o = decide(pb, &ctx(pb), &proposal(&[("refund", 1.0)], None));
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(to(pb, f), Some("duty-manager"));
    assert_eq!(f.action.as_deref(), Some("refund"));
    assert_eq!(f.amount, Some(1.0));
    assert_eq!(f.severity, Severity::Error);
    // Taken to the duty manager, it is fine.
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("refund", 1.0)], Some("duty-manager")),
    );
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
}

#[test]
fn missed_escalation_when_a_rule_requires_it_and_the_reply_does_not_escalate() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.message = Some("I am hurt".into());
    let o = decide(pb, &c, &Proposal::default());
    let f = only(&o.findings, PolicyCode::MissedEscalation);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(to(pb, f), Some("duty-manager"));
    assert_eq!(because(pb, f), ["injury"]);
    assert_eq!(f.action, None);
    assert_eq!(f.amount, None);
    let said = said(pb, f);
    assert!(said.contains("duty manager"), "{said}");
    assert!(said.contains("within 5 minutes"), "{said}");
    // Escalated to the duty manager: done.
    let o = decide(pb, &c, &proposal(&[], Some("duty-manager")));
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
    // Escalated above it: also done, and not "unneeded".
    let o = decide(pb, &c, &proposal(&[], Some("general-manager")));
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
}

#[test]
fn missed_escalation_when_the_reply_escalates_to_a_role_below_the_required_one() {
    let pb = policy_playbook();
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("refund", 600.0)], Some("duty-manager")),
    );
    let f = only(&o.findings, PolicyCode::MissedEscalation);
    assert_eq!(to(pb, f), Some("general-manager"));
    assert_eq!(because(pb, f), ["big-refund"]);
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("refund", 600.0)], Some("general-manager")),
    );
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
}

#[test]
fn over_limit_names_the_lowest_role_above_whose_limit_covers_the_amount() {
    let pb = policy_playbook();
    let c = ctx(pb);
    let o = decide(pb, &c, &proposal(&[("replace", 200.0)], None));
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(to(pb, f), Some("duty-manager"));
    assert_eq!(f.action.as_deref(), Some("replace"));
    assert_eq!(f.amount, Some(200.0));
    assert!(f.because.is_empty());
    let o = decide(pb, &c, &proposal(&[("replace", 500.0)], None));
    assert_eq!(
        to(pb, only(&o.findings, PolicyCode::OverLimit)),
        Some("duty-manager")
    );
    let o = decide(pb, &c, &proposal(&[("replace", 501.0)], None));
    assert_eq!(
        to(pb, only(&o.findings, PolicyCode::OverLimit)),
        Some("general-manager")
    );
    // From the duty manager's seat, the next role up.
    let o = decide(
        pb,
        &as_role(pb, "duty-manager"),
        &proposal(&[("comp", 201.0)], None),
    );
    assert_eq!(
        to(pb, only(&o.findings, PolicyCode::OverLimit)),
        Some("general-manager")
    );
}

#[test]
fn an_over_limit_action_fails_the_reply_even_when_its_words_pass() {
    let pb = playbook_with(&["{ id: hello, check: mention, phrases: [hello] }"], &[]);
    let j = judge_with(pb, "hello", &ctx(pb), &proposal(&[("replace", 80.0)], None));
    assert_eq!(finding(&j, "hello").status, Status::Pass);
    assert_eq!(codes(&j.policy), ["over-limit"]);
    assert_eq!(j.verdict, Verdict::Fail);
    // The policy does not change the score, which is about the words.
    assert_eq!(j.score, 100.0);
}

#[test]
fn forbidden_action_when_no_role_may_grant_it() {
    let pb = policy_playbook();
    let o = decide(pb, &ctx(pb), &proposal(&[("upgrade", 1.0)], None));
    let f = only(&o.findings, PolicyCode::ForbiddenAction);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.action.as_deref(), Some("upgrade"));
    assert_eq!(f.amount, Some(1.0));
    assert_eq!(f.to, None);
    // Escalating does not make it allowed.
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("upgrade", 1.0)], Some("general-manager")),
    );
    assert!(codes(&o.findings).contains(&"forbidden-action"));
    // Over every role's limit is forbidden too.
    let capped = load(&BASE.replace(
        "may: { replace: yes, comp: yes, refund: yes }",
        "may: { replace: 1000, comp: yes, refund: yes }",
    ));
    let o = decide(
        capped,
        &ctx(capped),
        &proposal(&[("replace", 1000.01)], None),
    );
    assert_eq!(codes(&o.findings), ["forbidden-action"]);
}

#[test]
fn unneeded_escalation_is_a_warning_when_the_acting_role_was_empowered() {
    // The Hotel B failure: a manager called over a 6 USD coffee.
    let pb = policy_playbook();
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("replace", 6.0)], Some("duty-manager")),
    );
    let f = only(&o.findings, PolicyCode::UnneededEscalation);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(to(pb, f), Some("duty-manager"));
    assert_eq!(o.findings.len(), 1);
    // Without any action, too.
    let o = decide(pb, &ctx(pb), &proposal(&[], Some("general-manager")));
    assert_eq!(codes(&o.findings), ["unneeded-escalation"]);
    // A warning does not fail the reply.
    let j = judge_with(
        pb,
        "A new one is coming",
        &ctx(pb),
        &proposal(&[("replace", 6.0)], Some("duty-manager")),
    );
    assert_eq!(codes(&j.policy), ["unneeded-escalation"]);
    assert_eq!(j.verdict, Verdict::Pass);
}

#[test]
fn each_action_is_ruled_on_by_itself_with_its_amounts_added_up_per_incident() {
    let pb = policy_playbook();
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(
            &[("replace", 20.0), ("comp", 100.0), ("replace", 900.0)],
            None,
        ),
    );
    let over: Vec<(Option<&str>, Option<f64>, Option<&str>)> = o
        .findings
        .iter()
        .map(|f| (f.action.as_deref(), f.amount, to(pb, f)))
        .collect();
    assert_eq!(codes(&o.findings), ["over-limit", "over-limit"]);
    // A limit is per incident: the two replacements count as 920.
    assert_eq!(
        over,
        [
            (Some("replace"), Some(920.0), Some("general-manager")),
            (Some("comp"), Some(100.0), Some("duty-manager")),
        ]
    );
    // Escalating to the duty manager covers the comp but not the big replacement.
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("comp", 100.0), ("replace", 900.0)], Some("duty-manager")),
    );
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(f.action.as_deref(), Some("replace"));
    assert_eq!(o.findings.len(), 1);
}

#[test]
fn a_required_escalation_does_not_cover_an_action_above_the_target() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.message = Some("I'm hurt".into());
    let o = decide(
        pb,
        &c,
        &proposal(&[("replace", 600.0)], Some("duty-manager")),
    );
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(to(pb, f), Some("general-manager"));
    assert_eq!(o.findings.len(), 1, "{:#?}", o.findings);
    // Not escalating at all misses both.
    let o = decide(pb, &c, &proposal(&[("replace", 600.0)], None));
    let mut found = codes(&o.findings);
    found.sort_unstable();
    assert_eq!(found, ["missed-escalation", "over-limit"]);
}

#[test]
fn escalation_is_not_unneeded_when_an_action_is_over_the_limit() {
    let pb = policy_playbook();
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("replace", 200.0)], Some("duty-manager")),
    );
    assert!(o.findings.is_empty(), "{:#?}", o.findings);
}

#[test]
fn the_most_senior_target_wins_when_several_rules_hold() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.message = Some("I'm injured".into());
    let o = decide(pb, &c, &proposal(&[("refund", 501.0)], None));
    let f = only(&o.findings, PolicyCode::MissedEscalation);
    assert_eq!(to(pb, f), Some("general-manager"));
    assert_eq!(because(pb, f), ["big-refund"]);
    assert_eq!(required_because(pb, &o), ["big-refund"]);
    // Order in the playbook does not matter: the senior target still wins.
    let reversed = playbook_with(
        &[],
        &[
            "{ id: big-refund, when: { action: refund, amount: { over: 500 } }, to: general-manager }",
            "{ id: injury, when: { customer_says: [injured] }, to: duty-manager }",
        ],
    );
    let o = decide(reversed, &c, &proposal(&[("refund", 501.0)], None));
    assert_eq!(
        to(reversed, only(&o.findings, PolicyCode::MissedEscalation)),
        Some("general-manager")
    );
}

#[test]
fn because_names_every_escalation_rule_that_sends_the_case_to_the_target() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.message = Some("I'm hurt".into());
    c.contacts = 3;
    let o = decide(pb, &c, &Proposal::default());
    let f = only(&o.findings, PolicyCode::MissedEscalation);
    assert_eq!(because(pb, f), ["injury", "third-contact"]);
    assert_eq!(to(pb, f), Some("duty-manager"));
}

#[test]
fn an_acting_role_at_or_above_the_target_needs_no_escalation() {
    let pb = policy_playbook();
    for role in ["duty-manager", "general-manager"] {
        let mut c = as_role(pb, role);
        c.message = Some("I am hurt".into());
        c.contacts = 5;
        let o = decide(pb, &c, &Proposal::default());
        assert!(o.required.is_none(), "{role}");
        assert!(o.findings.is_empty(), "{role}: {:#?}", o.findings);
    }
    // But the duty manager still sends a big refund up.
    let o = decide(
        pb,
        &as_role(pb, "duty-manager"),
        &proposal(&[("refund", 600.0)], None),
    );
    assert_eq!(
        to(pb, only(&o.findings, PolicyCode::MissedEscalation)),
        Some("general-manager")
    );
}

#[test]
fn escalating_to_a_role_that_covers_the_amount_clears_over_limit() {
    let pb = policy_playbook();
    let c = ctx(pb);
    for to in ["duty-manager", "general-manager"] {
        let o = decide(pb, &c, &proposal(&[("replace", 200.0)], Some(to)));
        assert!(o.findings.is_empty(), "{to}: {:#?}", o.findings);
    }
    // Escalating to a role that does not cover it leaves the finding.
    let o = decide(
        pb,
        &c,
        &proposal(&[("replace", 800.0)], Some("duty-manager")),
    );
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(to(pb, f), Some("general-manager"));
}

#[test]
fn the_decision_says_what_is_over_which_limit_and_who_takes_it() {
    let pb = policy_playbook();
    let o = decide(pb, &ctx(pb), &proposal(&[("replace", 80.0)], None));
    let decided = decision(pb, &o);
    assert_eq!(
        decided,
        "replace 80 USD is over the pool attendant's limit of 50 USD: take it to the duty manager."
    );
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(f.limit, Some(ethos::playbook::Limit::Amount(50.0)));
    // The finding says what the decision says.
    assert_eq!(said(pb, f), decided);
    // The judgement carries the same decision.
    let j = judge_with(pb, "ok", &ctx(pb), &proposal(&[("replace", 80.0)], None));
    assert_eq!(j.decision, Some(o.decision(pb)));
    // Without a proposal (a drill's free reply) there is no decision.
    assert_eq!(judge(pb, "ok", &ctx(pb)).decision, None);
}

#[test]
fn the_decision_names_the_escalation_target_and_within_time() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.message = Some("I am hurt".into());
    let o = decide(pb, &c, &Proposal::default());
    assert_eq!(
        o.decision(pb),
        Decision::Escalate {
            to: 1,
            because: vec![0],
            within: Some(Duration::from_secs(300)),
        }
    );
    let decided = decision(pb, &o);
    assert!(decided.contains("duty manager"), "{decided}");
    assert!(decided.contains("within 5 minutes"), "{decided}");
    let o = decide(pb, &ctx(pb), &proposal(&[("replace", 6.0)], None));
    assert_eq!(
        decision(pb, &o),
        "The pool attendant may do this on the spot: replace 6 USD is within their limit of 50 USD."
    );
}

#[test]
fn a_missed_escalation_fails_a_reply_that_acts_whatever_the_words() {
    let pb = policy_playbook();
    let mut c = ctx(pb);
    c.contacts = 3;
    let j = judge_with(
        pb,
        "Let me fix it",
        &c,
        &proposal(&[("replace", 1.0)], None),
    );
    assert_eq!(codes(&j.policy), ["missed-escalation"]);
    assert_eq!(because(pb, &j.policy[0]), ["third-contact"]);
    assert_eq!(j.verdict, Verdict::Fail);
    // One that declares nothing it did is told what is required, not failed
    // (PLAYBOOK.md v2, "Escalating in words").
    let j = judge_with(pb, "Let me fix it", &c, &Proposal::default());
    assert_eq!(codes(&j.policy), ["escalation-not-shown"]);
    assert_eq!(j.policy[0].severity, Severity::Info);
    assert_eq!(to(pb, &j.policy[0]), Some("duty-manager"));
    assert_eq!(j.verdict, Verdict::Pass);
    let j = judge_with(
        pb,
        "Let me fix it",
        &c,
        &proposal(&[], Some("duty-manager")),
    );
    assert!(j.policy.is_empty());
    assert_eq!(j.verdict, Verdict::Pass);
}

// --- Property: spans are always slices of the original ----------------------

fn reply_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        1 => proptest::char::range('0', '9'),
        3 => proptest::sample::select(vec![' ', ' ', '\t', '\n', '\u{00A0}', '\u{3000}', '\r']),
        2 => proptest::sample::select(vec![',', '.', '!', '?', '\'', '-', '(', ')', '"']),
        2 => proptest::sample::select(vec!['抱', '歉', '非', '常', '您', '好', '去', '投', '诉']),
        1 => proptest::sample::select(vec!['コ', 'ー', 'ヒ', 'ｺ', 'ｰ', 'ﾋ', 'ﾞ', 'を', 'す']),
        2 => proptest::sample::select(vec!['Ａ', 'ａ', 'Ｂ', 'ｓ', '１', '！', '＇', '－']),
        2 => proptest::sample::select(vec!['\u{0301}', '\u{0308}', '\u{0327}', '\u{20DD}', '\u{FE0F}', '\u{200D}']),
        2 => proptest::sample::select(vec!['ﬁ', 'ﬂ', 'ﬀ', 'ﬃ', 'ß', 'ẞ', 'İ', 'ŉ', 'ǅ', '½', '㎏', 'ﷺ', 'Å', 'K']),
        1 => proptest::sample::select(vec!['🙂', '👍', '🏽', '👨', '👩', '🇫', '🇷']),
        1 => proptest::sample::select(vec!['\u{2019}', '\u{2018}', '\u{02BC}', '`', '\u{201C}', '\u{201D}']),
        1 => proptest::sample::select(vec!['é', 'ü', 'ñ', 'ø', 'Ω', 'ς', 'Σ', 'ı']),
    ]
}

fn reply_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(reply_char(), 0..48).prop_map(|cs| cs.into_iter().collect())
}

fn greedy_playbook() -> &'static Playbook {
    playbook_with(
        &[
            r#"{ id: avoid-all, check: avoid, phrases: [a, ß, ss, ﬁ, fi, i, 抱歉, コーヒー, "can't", "a a", "1/2", kg], patterns: ['[a-z]+', '\d+', '抱.', "'", '\s+', '.', '(?:fi)+', '\b\w+\b'] }"#,
            r#"{ id: mention-all, check: mention, phrases: [s, é, "!", 好], patterns: ['[^a-z]{2}', 'ss?'] }"#,
            r"{ id: swap-all, check: swap, swap: { a: b, ss: s, 抱歉: 对不起, ﬃ: ffi } }",
            "{ id: echo-all, check: echo, min: 2 }",
            "{ id: len, check: length, max_words: 5 }",
        ],
        &[],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_reported_span_is_a_char_boundary_slice_of_the_original(reply in reply_text()) {
        // Built once for all cases: rebuilding (and leaking) the engine per
        // case made this the slowest test (21 s of 512 cases).
        static GREEDY: std::sync::OnceLock<(&'static Playbook, &'static Engine<'static>)> =
            std::sync::OnceLock::new();
        let &(pb, engine) = GREEDY.get_or_init(|| {
            let pb = greedy_playbook();
            (pb, engine(pb))
        });
        let mut c = ctx(pb);
        c.key_facts = vec!["a".into(), "抱歉".into(), "ss".into()];
        let j = engine.judge(&reply, &c, None);
        let mut seen = 0;
        for f in &j.findings {
            for m in &f.matches {
                let Match { start, end, text, .. } = m;
                prop_assert!(start < end, "empty span {:?} of {} in {:?}", m, f.rule, reply);
                prop_assert!(reply.is_char_boundary(*start) && reply.is_char_boundary(*end),
                    "span {:?} of {} not on char boundaries of {:?}", m, f.rule, reply);
                prop_assert!(*end <= reply.len());
                prop_assert_eq!(text.as_str(), &reply[*start..*end]);
                seen += 1;
            }
        }
        // The pattern `.` matches in any non-empty reply (new lines normalise to spaces).
        if !reply.is_empty() {
            prop_assert!(seen > 0, "nothing matched in {:?}", reply);
        }
    }
}

#[test]
fn a_limit_is_per_incident_however_the_amount_is_split() {
    let pb = policy_playbook();
    // The attendant may replace up to 50: two replacements of 30 are 60.
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("replace", 30.0), ("replace", 30.0)], None),
    );
    let f = only(&o.findings, PolicyCode::OverLimit);
    assert_eq!(
        (f.action.as_deref(), f.amount),
        (Some("replace"), Some(60.0))
    );
    let o = decide(
        pb,
        &ctx(pb),
        &proposal(&[("replace", 25.0), ("replace", 25.0)], None),
    );
    assert!(o.findings.is_empty(), "{:?}", o.findings);
}

#[test]
fn escalating_to_ones_own_role_is_unneeded_and_says_so() {
    let pb = policy_playbook();
    let o = decide(pb, &ctx(pb), &proposal(&[], Some("attendant")));
    let f = only(&o.findings, PolicyCode::UnneededEscalation);
    assert_eq!(
        said(pb, f),
        "The pool attendant is not above the pool attendant on the ladder: handing the case there only makes the customer wait."
    );
}

// --- The fast path agrees with the full judgement ----------------------------

static HOTEL_A: std::sync::LazyLock<(&'static Playbook, Engine<'static>)> =
    std::sync::LazyLock::new(|| {
        let source = ethos::playbook::Source::bundled("hotel-a").unwrap();
        let pb: &'static Playbook = Box::leak(Box::new(
            ethos::playbook::load::parse(&source.text).unwrap(),
        ));
        (pb, Engine::new(pb).unwrap())
    });

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]

    /// `assess` (used by `check` and batch grading) gives exactly the verdict,
    /// score and failed rules of `judge`, whatever the reply and beat.
    #[test]
    fn assess_agrees_with_judge(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "Oh", "no", "Dana", "sorry", "coffee", "towels", "customer", "right", "away", "who", "pays",
            "are", "you", "willing", "to", "pay", "enjoy", "your", "usual", "I", "noticed", "hello",
            "抱歉", "咖啡", ",", ".", "!", "’", "ＨＥＬＬＯ",
        ]), 0..40),
        beat_pick in 0usize..64,
    ) {
        let (pb, engine) = (HOTEL_A.0, &HOTEL_A.1);
        let beats: Vec<_> = pb
            .scenarios
            .iter()
            .flat_map(|s| s.beats.iter().map(move |b| (s, b)))
            .collect();
        let (scenario, beat) = beats[beat_pick % beats.len()];
        let context = Context::of_beat(pb, scenario, beat);
        let reply = words.join(" ");
        let full = engine.judge(&reply, &context, None);
        let fast = engine.assess(&reply, &context);
        proptest::prop_assert_eq!(fast.verdict, full.verdict);
        proptest::prop_assert_eq!(fast.score, full.score);
        let failed: Vec<usize> = full.failed_rules().map(|f| f.index).collect();
        proptest::prop_assert_eq!(fast.failed, failed);
    }
}

#[test]
fn a_playbook_without_roles_has_no_policy_to_apply_rather_than_a_panic() {
    // `check` reports the empty ladder as `schema`; the engine must not fall over.
    let text = "playbook: no-roles\ntitle: T\ncompany: C\nphilosophy: {statement: S}\nroles: []\n\
                actions: [{id: refund, title: R}]\nsteps: [{id: s, title: S, goal: G}]\n";
    let pb: &'static Playbook = Box::leak(Box::new(ethos::playbook::load::parse(text).unwrap()));
    let engine = Engine::new(pb).unwrap();
    let context = Context::at_step(pb, "s");
    let outcome = engine.decide(&context, &proposal(&[("refund", 10.0)], None));
    assert!(outcome.findings.is_empty());
    let found = ethos::check::check_playbook(
        pb,
        "no-roles.yaml",
        ethos::check::CheckOptions {
            today: "2026-11-24".parse().unwrap(),
        },
    );
    assert!(found.iter().any(|d| d.code == ethos::check::Code::Schema));
}

// --- Long phrases never panic or explode -------------------------------------

/// A phrase of `chars` characters in several scripts (Latin, Han, Cyrillic,
/// Arabic, Greek, Thai, Hangul), whose bytes use most of the byte range: the
/// case that made a forced DFA take about 1 KB per phrase byte.
fn multi_script_phrase(chars: usize, seed: usize) -> String {
    const WORDS: &[&str] = &[
        "price",
        "价格",
        "цена",
        "ثمن",
        "τιμή",
        "ราคา",
        "가격",
        "prix",
        "费用",
        "счёт",
    ];
    let mut phrase = format!("w{seed}");
    let mut i = seed;
    while phrase.chars().count() < chars {
        phrase.push(' ');
        phrase.push_str(WORDS[i % WORDS.len()]);
        i += 1;
    }
    phrase
        .chars()
        .take(chars)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

fn avoid_phrases_playbook(phrases: &[String]) -> &'static Playbook {
    let list: Vec<String> = phrases.iter().map(|p| format!("\"{p}\"")).collect();
    let rule = format!(
        "{{ id: long, check: avoid, phrases: [{}] }}",
        list.join(", ")
    );
    playbook(&[&rule])
}

#[test]
fn many_long_phrases_in_several_scripts_compile_and_are_judged_right() {
    // 100 phrases of 1,000 characters (about 2.5 KB each): a forced DFA took
    // hundreds of megabytes and minutes here, and with longer phrases panicked
    // with StateIDOverflow.
    let phrases: Vec<String> = (0..100)
        .map(|i| multi_script_phrase(ethos::engine::MAX_PHRASE_CHARS, i))
        .collect();
    assert_eq!(phrases[7].chars().count(), ethos::engine::MAX_PHRASE_CHARS);
    let pb = avoid_phrases_playbook(&phrases);
    let engine = engine(pb);
    let context = ctx(pb);
    let said = format!("Well, {} — sorry.", phrases[42]);
    let j = engine.judge(&said, &context, None);
    assert_eq!(j.verdict, Verdict::Fail);
    let f = finding(&j, "long");
    assert_eq!(
        spans(f),
        vec![(6, 6 + phrases[42].len(), phrases[42].as_str())]
    );
    assert_eq!(engine.assess(&said, &context).verdict, Verdict::Fail);
    // Most of a phrase is not the phrase.
    let cut: String = phrases[42].chars().take(900).collect();
    let j = engine.judge(&cut, &context, None);
    assert_eq!(j.verdict, Verdict::Pass, "{j:#?}");
}

#[test]
fn a_phrase_over_the_limit_is_a_pattern_error_not_a_panic() {
    // 64 KB in several scripts: the forced DFA's build took over two minutes.
    let phrase = multi_script_phrase(30_000, 1);
    let pb = avoid_phrases_playbook(&[phrase]);
    let Err(err) = Engine::new(pb) else {
        panic!("a phrase of 30,000 characters compiled");
    };
    assert_eq!(err.problem, ethos::engine::Problem::PhraseTooLong);
    assert_eq!(err.rule, "long");
    let message = ethos::words::engine::pattern_error(Words::new(Locale::En), &err);
    assert!(
        message.contains("characters long; a phrase is at most 1000"),
        "{message}"
    );
    assert!(
        message.chars().count() < 200,
        "the phrase is abbreviated: {message}"
    );
}

#[test]
fn a_customer_says_phrase_over_the_limit_is_a_pattern_error_too() {
    let phrase = multi_script_phrase(1100, 3);
    let escalation = format!(
        "{{ id: hurt, when: {{ customer_says: [\"{phrase}\"] }}, to: duty-manager, within: 5m }}"
    );
    let pb = playbook_with(
        &["{ id: greet, check: mention, phrases: [hello] }"],
        &[&escalation],
    );
    let err = Engine::new(pb).err().expect("refused");
    assert_eq!(
        (err.problem, err.rule.as_str()),
        (ethos::engine::Problem::PhraseTooLong, "hurt")
    );
}

// --- check's replay agrees with assess ----------------------------------------

/// Every kind of rule, plain and not: at one step or several, warning and
/// info severities, patterns with and without a literal to look for first,
/// placeholders and a condition.
fn replay_playbook() -> &'static Playbook {
    static PLAYBOOK: std::sync::OnceLock<&'static Playbook> = std::sync::OnceLock::new();
    PLAYBOOK.get_or_init(|| {
        playbook(&[
            "{ id: greet, at: [welcome], check: mention, phrases: [hello, hi] }",
            "{ id: greet-soft, at: [welcome, resolve], check: mention, phrases: [welcome], severity: warning }",
            r"{ id: no-pay, check: avoid, phrases: [who pays], patterns: ['\bcosts?\b'] }",
            r"{ id: no-digits, at: [resolve], check: avoid, patterns: ['\d+'] }",
            "{ id: swap-problem, check: swap, swap: { problem: situation } }",
            "{ id: short, check: length, max_words: 8 }",
            "{ id: long-enough, at: [resolve], check: length, min_words: 3, severity: warning }",
            "{ id: echo, check: echo, min: 1 }",
            "{ id: echo-two, at: [farewell], check: echo, min: 2, severity: info }",
            "{ id: name, at: [farewell], check: mention, phrases: ['{customer.name}'] }",
            "{ id: upset, check: mention, when: { customer.mood: upset }, phrases: [sorry] }",
            "{ id: hi-avoid, at: [farewell], check: avoid, phrases: [hi], severity: warning }",
            // Version 2: negation and wildcards.
            "{ id: no-pay-v1, check: avoid, negation: ignore, phrases: [who pays], severity: warning }",
            "{ id: add-it, check: mention, phrases: ['add* * to your bill'], severity: info }",
            "{ id: sorr, at: [resolve], check: avoid, phrases: ['sorr*'] }",
            "{ id: echo-v1, at: [resolve], check: echo, negation: ignore, min: 2 }",
            // Phrases and patterns several rules share, at one step or several.
            "{ id: greet-again, at: [farewell, resolve], check: mention, phrases: [hello, bye] }",
            r"{ id: no-cost, at: [resolve], check: avoid, phrases: [pays], patterns: ['\bcosts?\b'], severity: warning }",
        ])
    })
}

fn replay_context(pb: &Playbook, step: usize, facts: u8, upset: bool, named: bool) -> Context {
    let mut c = Context::at_step(pb, ["welcome", "resolve", "farewell", "nowhere"][step % 4]);
    c.key_facts = ["coffee", "towels", "pool"]
        .iter()
        .enumerate()
        .filter(|(i, _)| facts & (1 << i) != 0)
        .map(|(_, f)| (*f).to_owned())
        .collect();
    c.customer_mood = upset.then(|| "upset".to_owned());
    c.customer_name = named.then(|| "Dana".to_owned());
    c
}

fn replay_reply() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "hello",
            "Hi",
            "welcome",
            "who",
            "pays",
            "cost",
            "COSTS",
            "problem",
            "situation",
            "coffee",
            "towels",
            "pool",
            "Dana",
            "sorry",
            "42",
            "the",
            "and",
            "抱歉",
            "!",
            "not",
            "nobody",
            "no problem",
            "won't",
            "but",
            ",",
            "add",
            "added",
            "it",
            "to your bill",
            "sorrier",
            "不会",
            "bye",
        ]),
        0..14,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// `check` replays examples through `Engine::replay`, which must say what
    /// `assess` says: a model passes exactly when its verdict is pass, a wrong
    /// reply fails some rule exactly when `assess` lists one, and the rules
    /// caught are exactly those some wrong reply failed.
    #[test]
    fn replay_agrees_with_assess(
        examples in proptest::collection::vec(
            (replay_reply(), 0usize..4, 0u8..8, any::<bool>(), any::<bool>(), any::<bool>()),
            0..8,
        ),
    ) {
        let pb = replay_playbook();
        let engine = engine(pb);
        let mut replay = engine.replay();
        let mut caught = vec![false; pb.rules.len()];
        for (reply, step, facts, upset, named, is_model) in &examples {
            let context = replay_context(pb, *step, *facts, *upset, *named);
            let assessment = engine.assess(reply, &context);
            if *is_model {
                prop_assert_eq!(
                    replay.passes(reply, &context),
                    assessment.verdict == Verdict::Pass,
                    "{:?} at {}", reply, context.step
                );
            } else {
                prop_assert_eq!(
                    replay.fails_some_rule(reply, &context),
                    !assessment.failed.is_empty(),
                    "{:?} at {}", reply, context.step
                );
                for &index in &assessment.failed {
                    caught[index] = true;
                }
            }
        }
        prop_assert_eq!(replay.caught(), caught);
    }

    /// A rule's own hits (what `check` judges a rule's examples by) are its
    /// share of every rule's hits, found without the others'.
    #[test]
    fn a_rules_own_hits_are_its_share_of_all_hits(reply in replay_reply()) {
        let pb = replay_playbook();
        let matcher = ethos::engine::matcher::Matcher::new(&pb.rules).expect("compiles");
        let normalized = ethos::engine::normalize::Normalized::new(&reply);
        let scope = ethos::engine::negation::Scope::of_reply(
            &normalized,
            &reply,
            ethos::engine::negation::Cues::builtin(),
        );
        let mut all = Vec::new();
        matcher.static_hits(&scope, &mut all);
        let key = |h: &ethos::engine::matcher::Hit| (h.start, h.end, h.item, h.negated);
        for rule in 0..pb.rules.len() {
            let mut share: Vec<_> = all.iter().filter(|h| h.rule == rule).map(key).collect();
            let mut own = Vec::new();
            matcher.rule_static_hits(rule, &scope, &mut own);
            prop_assert!(own.iter().all(|h| h.rule == rule));
            let mut own: Vec<_> = own.iter().map(key).collect();
            share.sort_unstable();
            own.sort_unstable();
            prop_assert_eq!(own, share, "rule {} in {:?}", rule, reply);
        }
    }

    /// The same, with replies said again and again (at the same step or
    /// another, as models and as wrong replies): the replay works out what a
    /// set of phrases makes of the plain rules once, and must not carry it
    /// where it does not hold.
    #[test]
    fn replay_agrees_with_assess_on_repeated_replies(
        replies in proptest::collection::vec(replay_reply(), 1..4),
        examples in proptest::collection::vec(
            (0usize..4, 0usize..4, 0u8..8, any::<bool>(), any::<bool>(), any::<bool>()),
            0..12,
        ),
    ) {
        let pb = replay_playbook();
        let engine = engine(pb);
        let mut replay = engine.replay();
        let mut caught = vec![false; pb.rules.len()];
        for (which, step, facts, upset, named, is_model) in &examples {
            let reply = &replies[which % replies.len()];
            let context = replay_context(pb, *step, *facts, *upset, *named);
            let assessment = engine.assess(reply, &context);
            if *is_model {
                prop_assert_eq!(
                    replay.passes(reply, &context),
                    assessment.verdict == Verdict::Pass,
                    "{:?} at {}", reply, context.step
                );
            } else {
                prop_assert_eq!(
                    replay.fails_some_rule(reply, &context),
                    !assessment.failed.is_empty(),
                    "{:?} at {}", reply, context.step
                );
                for &index in &assessment.failed {
                    caught[index] = true;
                }
            }
        }
        prop_assert_eq!(replay.caught(), caught);
    }
}

// --- Patterns looked for by their literals first miss nothing ------------------

/// Patterns with literals in every case (and the letters whose Unicode case
/// has more than two forms: `k`, `s`), alternations, classes and repetition.
const FILTERED_PATTERNS: &[&str] = &[
    r"\bNot my job\b",
    "Straße",
    "stop",
    "k",
    "(?-i:Kelvin)",
    "ab|CD",
    "x{2,3}y",
    "[A-C]at",
    r"\bcosts?\b",
    "抱歉.",
    // Matches whose literals overlap: hits do not, as with `find_iter`.
    "ab+a",
    "(?:ab)+",
];

fn filtered_reply() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "not",
            "NOT",
            "my",
            "Job",
            "jobs",
            "straße",
            "STRASSE",
            "ſtop",
            "STOP",
            "K",
            "\u{212A}",
            "kelvin",
            "KELVIN",
            "ab",
            "cd",
            "Cd",
            "xx",
            "xxxy",
            "XXY",
            "bat",
            "Cat",
            "cost",
            "COSTS",
            "抱歉了",
            "抱歉",
            " ",
            ",",
            "’",
            "a",
            "b",
        ]),
        0..10,
    )
    .prop_map(|w| w.concat())
}

static FILTERED: std::sync::LazyLock<Vec<(&'static Playbook, Engine<'static>)>> =
    std::sync::LazyLock::new(|| {
        FILTERED_PATTERNS
            .iter()
            .map(|p| {
                let rule = format!("{{ id: p, check: avoid, patterns: ['{p}'] }}");
                let pb = playbook(&[&rule]);
                (pb, Engine::new(pb).expect("compiles"))
            })
            .collect()
    });

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// A pattern is searched only when a literal it starts with occurs (with
    /// ASCII case ignored); that must never hide a match the pattern's own
    /// regex finds in the normalised reply.
    #[test]
    fn a_pattern_filtered_by_its_literals_finds_what_its_regex_finds(reply in filtered_reply()) {
        let text = ethos::engine::normalize::normalize(&reply);
        for (pattern, (pb, engine)) in FILTERED_PATTERNS.iter().zip(FILTERED.iter()) {
            let regex = regex::RegexBuilder::new(pattern).case_insensitive(true).build().unwrap();
            let expected = regex.find_iter(&text).any(|m| m.start() < m.end());
            let verdict = engine.assess(&reply, &ctx(pb)).verdict;
            prop_assert_eq!(verdict == Verdict::Fail, expected, "{} in {:?} ({:?})", pattern, reply, text);
            // And where: the hits are the regex's matches, searched from the
            // literals' places.
            let spans: Vec<(usize, usize)> = regex
                .find_iter(&text)
                .filter(|m| m.start() < m.end())
                .map(|m| (m.start(), m.end()))
                .collect();
            let matcher = ethos::engine::matcher::Matcher::new(&pb.rules).expect("compiles");
            let scope = ethos::engine::negation::Scope::new(&text, &[], ethos::engine::negation::Cues::builtin());
            let mut hits = Vec::new();
            matcher.static_hits(&scope, &mut hits);
            matcher.pattern_hits(0, &text, &mut hits);
            let mut found: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
            found.sort_unstable();
            prop_assert_eq!(found, spans, "{} in {:?}", pattern, text);
        }
    }
}

// --- One wording of the policy, per language ---------------------------------

/// A bundled playbook, or one of the test fixtures.
fn playbook_named(id: &str) -> &'static Playbook {
    let text = match ethos::playbook::bundled::find(id) {
        Some(bundled) => bundled.text.to_owned(),
        None => std::fs::read_to_string(format!(
            "{}/tests/fixtures/{id}.yaml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    };
    load(&text)
}

/// Every kind of decision and policy finding the playbook's ladder allows,
/// from its front line, worded in its own language: one line each.
fn policy_in_words(pb: &'static Playbook) -> Vec<String> {
    let words = Words::of(pb);
    let engine = engine(pb);
    let front = &pb.roles[0];
    let next = pb.roles[1].id.value.clone();
    let context = Context::at_step(pb, &pb.steps[0].id);
    // An action the front line may grant up to a limit, and one it may not grant.
    let limited: Vec<(String, f64)> = pb
        .actions
        .iter()
        .filter_map(|a| match front.limit(&a.id) {
            Some(ethos::playbook::Limit::Amount(l)) => Some((a.id.value.clone(), l)),
            _ => None,
        })
        .collect();
    let (limited, limit, other) = match limited.as_slice() {
        [(a, l), (b, _), ..] => (a.clone(), *l, b.clone()),
        _ => panic!("two actions the front line may grant up to a limit"),
    };
    let theirs_not = pb
        .actions
        .iter()
        .find(|a| front.limit(&a.id).is_none() && pb.roles.iter().any(|r| r.limit(&a.id).is_some()))
        .map(|a| a.id.value.clone());
    let nobodys = pb
        .actions
        .iter()
        .find(|a| pb.roles.iter().all(|r| r.limit(&a.id).is_none()))
        .map(|a| a.id.value.clone());
    let mut lines = Vec::new();
    let mut say = |case: &str, outcome: &PolicyOutcome| {
        lines.push(format!(
            "{case}: {}",
            words.decision(pb, &outcome.decision(pb))
        ));
        for f in &outcome.findings {
            lines.push(format!(
                "  {}: {}",
                f.code.as_str(),
                words.policy_finding(pb, f)
            ));
        }
    };
    say("nothing", &engine.decide(&context, &Proposal::default()));
    say(
        "within",
        &engine.decide(&context, &proposal(&[(&limited, limit)], None)),
    );
    say(
        "two within",
        &engine.decide(&context, &proposal(&[(&limited, 1.0), (&other, 1.0)], None)),
    );
    say(
        "over",
        &engine.decide(&context, &proposal(&[(&limited, limit + 1.0)], None)),
    );
    if let Some(action) = &theirs_not {
        say(
            "not theirs",
            &engine.decide(&context, &proposal(&[(action, 1.0)], None)),
        );
    }
    if let Some(action) = &nobodys {
        say(
            "nobody's",
            &engine.decide(&context, &proposal(&[(action, 1.0)], None)),
        );
    }
    say(
        "handed up",
        &engine.decide(&context, &proposal(&[], Some(&next))),
    );
    say(
        "handed sideways",
        &engine.decide(&context, &proposal(&[], Some(&front.id))),
    );
    let mut with = context.clone();
    with.escalated = Some(next.clone());
    say("already with", &engine.decide(&with, &Proposal::default()));
    // The first escalation rule on what the customer says, with its reason.
    let (says, rule) = pb
        .escalation
        .iter()
        .find_map(|e| {
            e.when.clauses.iter().find_map(|c| match &c.value {
                ethos::playbook::Clause::CustomerSays(t) => {
                    Some((t.iter().next().unwrap().value.clone(), e))
                }
                _ => None,
            })
        })
        .expect("an escalation on what the customer says");
    let mut hurt = context.clone();
    hurt.message = Some(says);
    say(
        &format!("escalation `{}`", rule.id),
        &engine.decide(&hurt, &Proposal::default()),
    );
    say(
        "not shown",
        &engine.decide_free_reply("", &hurt, &Proposal::default()),
    );
    lines
}

#[test]
fn the_policy_in_english() {
    insta::assert_snapshot!(
        "policy_in_english",
        policy_in_words(playbook_named("hotel-a")).join("\n")
    );
}

#[test]
fn the_policy_in_chinese() {
    let pb = playbook_named("zh-hotel");
    let lines = policy_in_words(pb);
    insta::assert_snapshot!("policy_in_chinese", lines.join("\n"));
    // No English words: only the author's ids and units are Latin.
    let ids: Vec<&str> = pb
        .actions
        .iter()
        .filter_map(|a| a.unit.as_ref().map(|u| u.value.as_str()))
        .collect();
    for line in &lines {
        let (_, said) = line.split_once(": ").unwrap();
        let mut rest = said.to_owned();
        for id in &ids {
            rest = rest.replace(id, "");
        }
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "English in Chinese: {said}"
        );
    }
}

/// The words of the English policy catalog that German does not share.
fn english_only_words() -> std::collections::BTreeSet<String> {
    let words = |tag: &str| -> std::collections::BTreeSet<String> {
        let text = std::fs::read_to_string(format!(
            "{}/locales/{tag}/policy.ftl",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let messages: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split_once(" = ").map_or(l, |(_, v)| v))
            .collect::<Vec<_>>()
            .join(" ");
        regex::Regex::new(r"\$[a-z-]+|[A-Za-zäöüß]{3,}")
            .unwrap()
            .find_iter(&messages)
            .map(|m| m.as_str())
            .filter(|w| !w.starts_with('$'))
            .map(str::to_lowercase)
            .collect()
    };
    let german = words("de");
    words("en")
        .into_iter()
        .filter(|w| !german.contains(w))
        .collect()
}

#[test]
fn the_policy_in_german() {
    let pb = playbook_named("de-policy");
    let lines = policy_in_words(pb);
    insta::assert_snapshot!("policy_in_german", lines.join("\n"));
    let english = english_only_words();
    assert!(
        english.contains("goes") && english.contains("limit"),
        "{english:?}"
    );
    let word = regex::Regex::new(r"[A-Za-zäöüß]{3,}").unwrap();
    for line in &lines {
        let (_, said) = line.split_once(": ").unwrap();
        for word in word.find_iter(said) {
            assert!(
                !english.contains(&word.as_str().to_lowercase()),
                "English `{}` in German: {said}",
                word.as_str()
            );
        }
    }
}

/// `validate --format json` of a reply: the rules' default messages, what
/// was counted, a swap's suggestion and the policy, in one language.
fn judgement_json(
    pb: &'static Playbook,
    step: &str,
    reply: &str,
    c: impl FnOnce(&mut Context),
    p: &Proposal,
) -> String {
    let mut context = Context::at_step(pb, step);
    c(&mut context);
    let judgement = engine(pb).judge(reply, &context, Some(p));
    let view = ethos::report::judgement::JudgementView::of(judgement, pb);
    serde_json::to_string_pretty(&view).unwrap()
}

#[test]
fn a_judgement_in_german_json() {
    let pb = playbook_named("de-policy");
    let json = judgement_json(
        pb,
        "loesung",
        "Lieber Kunde, dafür bin ich nicht zuständig, fragen Sie woanders.",
        |c| c.key_facts = vec!["Verspätung".into(), "Anschluss".into()],
        &proposal(&[("erstattung", 80.0)], None),
    );
    insta::assert_snapshot!("judgement_in_german", json);
}

/// Rules without a `message` of their own, each check once.
const RULES_WITHOUT_MESSAGES: &[&str] = &[
    "{ id: hi, check: mention, phrases: [hello, good morning, good evening, hi there, welcome, greetings] }",
    "{ id: no-money, check: avoid, phrases: [who pays] }",
    "{ id: words, check: swap, swap: { customer: guest } }",
    "{ id: short, check: length, min_words: 1, max_words: 3 }",
    "{ id: one, check: length, max_words: 1 }",
    "{ id: heard, check: echo, min: 2 }",
];

#[test]
fn a_judgement_in_english_json_words_the_rules_without_messages() {
    let pb = playbook(RULES_WITHOUT_MESSAGES);
    let json = judgement_json(
        pb,
        "welcome",
        "Sorry customer, who pays?",
        |c| c.key_facts = vec!["coffee".into(), "towels".into()],
        &Proposal::default(),
    );
    insta::assert_snapshot!("judgement_in_english", json);
}

#[test]
fn a_judgement_in_chinese_json_words_the_rules_without_messages() {
    let mut text = BASE.replace(
        "company: Test Hotel\n",
        "company: Test Hotel\nlanguage: zh-CN\n",
    );
    text.push_str("rules:\n");
    for rule in RULES_WITHOUT_MESSAGES {
        text.push_str("  - ");
        text.push_str(rule);
        text.push('\n');
    }
    let pb = load(&text);
    assert_eq!(Words::of(pb).locale(), Locale::Zh);
    let json = judgement_json(
        pb,
        "welcome",
        "Sorry customer, who pays?",
        |c| c.key_facts = vec!["咖啡".into(), "毛巾".into()],
        &proposal(&[("refund", 20.0)], None),
    );
    insta::assert_snapshot!("judgement_in_chinese", json);
}

// --- Conditions (v2): any, not, one-of, bounds, escalated ----------------------

fn with_facts(facts: &[(&str, Scalar)]) -> Context {
    let mut c = empty_ctx();
    for (k, v) in facts {
        c.facts.insert((*k).into(), v.clone());
    }
    c
}

#[test]
fn a_fact_one_of_a_list_holds_for_each_listed_value_only() {
    let when = "{ facts.tier: [silver, gold] }";
    let tier = |t: &str| with_facts(&[("tier", Scalar::Text(t.into()))]);
    assert!(when_holds(when, &tier("silver")));
    assert!(when_holds(when, &tier("gold")));
    assert!(!when_holds(when, &tier("bronze")));
    assert!(!when_holds(when, &empty_ctx()), "an absent fact is false");
    // Numbers compare as a manager means them: 3 is 3.0.
    assert!(when_holds(
        "{ facts.n: [1, 3] }",
        &with_facts(&[("n", Scalar::Float(3.0))])
    ));
}

#[test]
fn a_fact_within_bounds_holds_only_for_numbers_inside_every_bound() {
    let when = "{ facts.hours: { min: 1, under: 24 } }";
    let hours = |h: f64| with_facts(&[("hours", Scalar::Float(h))]);
    assert!(!when_holds(when, &hours(0.5)));
    assert!(when_holds(when, &hours(1.0)));
    assert!(when_holds(when, &hours(23.9)));
    assert!(!when_holds(when, &hours(24.0)));
    let over_max = "{ facts.n: { over: 2, max: 5 } }";
    assert!(!when_holds(over_max, &with_facts(&[("n", Scalar::Int(2))])));
    assert!(when_holds(over_max, &with_facts(&[("n", Scalar::Int(5))])));
    assert!(!when_holds(over_max, &with_facts(&[("n", Scalar::Int(6))])));
    assert!(!when_holds(when, &empty_ctx()), "an absent fact is false");
    assert!(
        !when_holds(when, &with_facts(&[("hours", Scalar::Text("3".into()))])),
        "a text is no number"
    );
}

#[test]
fn any_holds_when_one_alternative_does() {
    let when = "{ any: [ { facts.hours: { under: 24 } }, { facts.cabin: business } ] }";
    assert!(when_holds(when, &with_facts(&[("hours", Scalar::Int(3))])));
    assert!(when_holds(
        when,
        &with_facts(&[
            ("hours", Scalar::Int(30)),
            ("cabin", Scalar::Text("business".into()))
        ])
    ));
    assert!(!when_holds(
        when,
        &with_facts(&[("hours", Scalar::Int(30))])
    ));
    assert!(!when_holds(when, &empty_ctx()));
}

#[test]
fn not_holds_when_its_condition_does_not_and_an_absent_fact_makes_it_true() {
    let when = "{ not: { facts.at_fault: true } }";
    assert!(!when_holds(
        when,
        &with_facts(&[("at_fault", Scalar::Bool(true))])
    ));
    assert!(when_holds(
        when,
        &with_facts(&[("at_fault", Scalar::Bool(false))])
    ));
    assert!(when_holds(when, &empty_ctx()));
}

#[test]
fn escalated_holds_for_the_role_and_those_above_it() {
    let when = "{ escalated: duty-manager }";
    let at = |role: Option<&str>| {
        let mut c = empty_ctx();
        c.escalated = role.map(str::to_owned);
        c
    };
    assert!(!when_holds(when, &at(None)));
    assert!(!when_holds(when, &at(Some("attendant"))));
    assert!(when_holds(when, &at(Some("duty-manager"))));
    assert!(when_holds(when, &at(Some("general-manager"))));
    assert!(!when_holds(when, &at(Some("nobody"))));
}

#[test]
fn nested_conditions_combine_as_written() {
    // The airline: cancel if booked in the last 24 hours, or the airline
    // cancelled, or business class, or insured with a covered reason; and
    // not once the case is with the duty manager.
    let when = "{ any: [ { facts.booked_hours_ago: { under: 24 } }, { facts.flight_status: cancelled }, \
                { facts.cabin: business }, { facts.insured: true, facts.reason: [illness, bereavement] } ], \
                not: { escalated: duty-manager } }";
    let insured = |reason: &str| {
        with_facts(&[
            ("booked_hours_ago", Scalar::Int(100)),
            ("insured", Scalar::Bool(true)),
            ("reason", Scalar::Text(reason.into())),
        ])
    };
    assert!(when_holds(when, &insured("illness")));
    assert!(!when_holds(when, &insured("changed my mind")));
    let mut with_manager = insured("illness");
    with_manager.escalated = Some("duty-manager".into());
    assert!(!when_holds(when, &with_manager));
    assert!(when_holds(
        when,
        &with_facts(&[("flight_status", Scalar::Text("cancelled".into()))])
    ));
}

/// Conditions over a few facts and the ladder, nested up to three deep.
fn condition_yaml() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "{ facts.a: 2 }",
        "{ facts.a: [1, 3] }",
        "{ facts.a: { min: 1, under: 4 } }",
        "{ facts.a: { over: 2 } }",
        "{ facts.b: x }",
        "{ facts.b: [x, y] }",
        "{ escalated: duty-manager }",
        "{ contacts: { min: 2 } }",
        "{ facts.a: 1, facts.b: y }",
    ])
    .prop_map(str::to_owned);
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3)
                .prop_map(|cs| format!("{{ any: [ {} ] }}", cs.join(", "))),
            inner.clone().prop_map(|c| format!("{{ not: {c} }}")),
            (inner.clone(), inner)
                .prop_map(|(a, b)| format!("{{ any: [{a}], not: {{ not: {b} }} }}")),
        ]
    })
}

fn generated_context() -> impl Strategy<Value = Context> {
    (
        prop::option::of(0_i64..5),
        prop::option::of(prop::sample::select(vec!["x", "y", "z"])),
        prop::option::of(prop::sample::select(vec![
            "attendant",
            "duty-manager",
            "general-manager",
        ])),
        1_u32..4,
    )
        .prop_map(|(a, b, escalated, contacts)| {
            let mut c = empty_ctx();
            if let Some(a) = a {
                c.facts.insert("a".into(), Scalar::Int(a));
            }
            if let Some(b) = b {
                c.facts.insert("b".into(), Scalar::Text(b.into()));
            }
            c.escalated = escalated.map(str::to_owned);
            c.contacts = contacts;
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn not_not_c_holds_exactly_where_c_does(c in condition_yaml(), context in generated_context()) {
        let plain = when_holds(&c, &context);
        let twice = when_holds(&format!("{{ not: {{ not: {c} }} }}"), &context);
        prop_assert_eq!(plain, twice, "{}", c);
    }

    #[test]
    fn any_of_c_alone_holds_exactly_where_c_does(c in condition_yaml(), context in generated_context()) {
        let plain = when_holds(&c, &context);
        let any = when_holds(&format!("{{ any: [ {c} ] }}"), &context);
        prop_assert_eq!(plain, any, "{}", c);
    }
}
