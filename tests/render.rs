//! `ethos render`: the handbook, the policy document and the flashcards, as
//! documents (snapshots), as safe output (escaping, well-formed SVG, CSV that
//! parses back) and as a command (files written, nothing else touched).

use crate::support::ethos;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use ethos::playbook::{Date, Playbook, Source, bundled, load};
use ethos::render::{self, Format, Kind, RenderError, TEMPLATES, Templates, cards_csv};
use predicates::str::contains;

/// Before every bundled playbook's review date, so nothing is flagged overdue.
fn today() -> Date {
    "2026-11-24".parse().unwrap()
}

fn playbook(id: &str) -> Playbook {
    load::parse(&Source::bundled(id).unwrap().text).unwrap()
}

/// The German fixture (until a bundled German playbook is on main).
const GERMAN: &str = include_str!("fixtures/de-fahrradladen.yaml");

fn one(pb: &Playbook, kind: Kind, format: Format) -> String {
    one_with(pb, kind, format, &Templates::bundled())
}

fn one_with(pb: &Playbook, kind: Kind, format: Format, templates: &Templates) -> String {
    let files = render::render(pb, &[kind], format, templates, today()).unwrap();
    assert_eq!(files.len(), 1);
    files.into_iter().next().unwrap().text
}

/// Every `<svg …>…</svg>` of an HTML document.
fn svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("an <svg> is closed") + start + 6;
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

fn parse_cards(csv_text: &str) -> Vec<(String, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(csv_text.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("every record parses");
            assert_eq!(r.len(), 2, "every card has a front and a back: {r:?}");
            (r[0].to_owned(), r[1].to_owned())
        })
        .collect()
}

// --- snapshots ---------------------------------------------------------------

#[test]
fn snapshots_of_each_kind_and_format_for_hotel_a() {
    let pb = playbook("hotel-a");
    for (name, kind, format) in [
        ("hotel_a_handbook_md", Kind::Handbook, Format::Markdown),
        ("hotel_a_policy_md", Kind::Policy, Format::Markdown),
        ("hotel_a_handbook_html", Kind::Handbook, Format::Html),
        ("hotel_a_policy_html", Kind::Policy, Format::Html),
        ("hotel_a_cards_csv", Kind::Cards, Format::Markdown),
    ] {
        insta::assert_snapshot!(name, one(&pb, kind, format));
    }
}

#[test]
fn snapshots_of_the_chinese_playbook() {
    let pb = playbook("zh-hotel");
    for (name, kind, format) in [
        ("zh_hotel_handbook_md", Kind::Handbook, Format::Markdown),
        ("zh_hotel_policy_md", Kind::Policy, Format::Markdown),
        ("zh_hotel_cards_csv", Kind::Cards, Format::Markdown),
    ] {
        insta::assert_snapshot!(name, one(&pb, kind, format));
    }
}

#[test]
fn snapshots_of_the_german_playbook() {
    let pb = load::parse(GERMAN).unwrap();
    for (name, kind, format) in [
        ("de_handbook_md", Kind::Handbook, Format::Markdown),
        ("de_policy_md", Kind::Policy, Format::Markdown),
        ("de_cards_csv", Kind::Cards, Format::Markdown),
    ] {
        insta::assert_snapshot!(name, one(&pb, kind, format));
    }
}

#[test]
fn every_bundled_playbook_renders_every_kind_in_both_formats() {
    for b in bundled::BUNDLED {
        let pb = load::parse(b.text).unwrap();
        for format in [Format::Markdown, Format::Html] {
            let files = render::render(
                &pb,
                &[Kind::Handbook, Kind::Policy, Kind::Cards],
                format,
                &Templates::bundled(),
                today(),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", b.id));
            let names: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
            let ext = if format == Format::Html { "html" } else { "md" };
            assert_eq!(
                names,
                [
                    format!("handbook.{ext}").as_str(),
                    &format!("policy.{ext}"),
                    "cards.csv"
                ]
            );
        }
    }
}

/// A playbook with none of the optional parts: the templates' `{{#if}}`
/// branches for what is missing must still render in strict mode.
const MINIMAL: &str = r"
playbook: minimal
title: Minimal
company: Small Shop
philosophy:
  statement: Be kind.
roles:
  - id: clerk
    title: Clerk
steps:
  - id: help
    title: Help
    goal: Help the customer.
";

#[test]
fn a_playbook_without_optional_parts_renders() {
    let pb = load::parse(MINIMAL).unwrap();
    for format in [Format::Markdown, Format::Html] {
        let handbook = one(&pb, Kind::Handbook, format);
        assert!(handbook.contains("Help the customer."));
        let policy = one(&pb, Kind::Policy, format);
        assert!(
            policy.contains("No escalation rules"),
            "says there are none"
        );
    }
    let cards = parse_cards(&one(&pb, Kind::Cards, Format::Markdown));
    assert_eq!(cards.len(), 1, "one step, nothing else");
}

// --- content -----------------------------------------------------------------

#[test]
fn wrong_replies_say_which_rules_they_break_as_the_engine_judges_them() {
    let md = one(&playbook("hotel-a"), Kind::Handbook, Format::Markdown);
    let at = md
        .find("- “Are you willing to pay for this coffee?”")
        .expect("the wrong reply is listed");
    let reasons = &md[at..at + 600];
    assert!(reasons.contains("Never turn a small accident into a question of money."));
    assert!(reasons.contains("found: “Are you willing to pay”"));
    assert!(reasons.contains("Open warmly."), "{reasons}");
}

#[test]
fn decisions_show_the_best_choice_and_what_the_policy_decides() {
    let md = one(&playbook("hotel-a"), Kind::Handbook, Format::Markdown);
    assert!(md.contains(
        "**The policy**: Any injury is seen by a manager in person, straight away: the case goes to the duty manager within 5 minutes."
    ));
    assert!(md.contains(
        "The front-line staff may do this on the spot: replace 6 USD is within their limit of 50 USD."
    ));
}

#[test]
fn the_quiz_comes_from_wrong_replies_and_decisions_with_answers_at_the_end() {
    let md = one(&playbook("hotel-a"), Kind::Handbook, Format::Markdown);
    let quiz = md.find("## Quiz").expect("a quiz");
    let answers = md.find("## Answers").expect("answers");
    assert!(quiz < answers);
    assert!(md[quiz..answers].contains("What is wrong with this reply?"));
    assert!(md[quiz..answers].contains("The spilled coffee was 6 USD. What do you do?"));
    // The answer counts the rules and gives their messages, never their ids.
    assert!(md[answers..].contains(
        "1. **3 rules broken**\n     - Open warmly. The first words set the tone for everything after.\n     - Use the guest's name."
    ));
    // The best choice is not always the first.
    let letters: Vec<&str> = ["A: ", "B: ", "C: "]
        .into_iter()
        .filter(|l| md[answers..].contains(&format!("**{l}")))
        .collect();
    assert!(letters.len() > 1, "{letters:?}");
}

#[test]
fn the_policy_states_escalation_rules_as_sentences_and_the_matrix_with_units() {
    let md = one(&playbook("hotel-a"), Kind::Policy, Format::Markdown);
    assert!(md.contains("the duty manager takes the case within 5 minutes."));
    assert!(md.contains(
        "If the customer has been in touch at least 3 times about the same issue, the duty manager takes the case within 1 hour."
    ));
    assert!(md.contains("| **Front-line staff** | up to 50 USD | up to 30 USD | up to 100 USD |"));
    assert!(md.contains("| **General manager** | no limit | no limit | no limit |"));
    assert!(md.contains("```mermaid\nflowchart TD\n"));
}

#[test]
fn an_overdue_review_date_is_flagged() {
    let pb = playbook("hotel-a");
    let later: Date = "2027-11-13".parse().unwrap();
    let files = render::render(
        &pb,
        &[Kind::Policy],
        Format::Markdown,
        &Templates::bundled(),
        later,
    )
    .unwrap();
    assert!(
        files[0]
            .text
            .contains("(**overdue: due on 2027-11-01, 12 days ago**)"),
        "{}",
        &files[0].text[..300]
    );
    let html = render::render(
        &pb,
        &[Kind::Policy],
        Format::Html,
        &Templates::bundled(),
        later,
    )
    .unwrap();
    assert!(html[0].text.contains(r#"<div class="overdue">"#));
    assert!(!one(&pb, Kind::Policy, Format::Markdown).contains("overdue"));
}

/// Every word the author wrote in a playbook: the strings and keys of its
/// YAML (ids, titles, phrases, units, …), without its comments and without
/// `uses` (the rules of a pack are not the author's words).
fn authors_words(source: &str) -> BTreeSet<String> {
    fn collect(value: &serde_json::Value, into: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => into.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, into)),
            serde_json::Value::Object(map) => {
                for (key, value) in map.iter().filter(|(k, _)| *k != "uses") {
                    into.push(key.clone());
                    collect(value, into);
                }
            }
            _ => {}
        }
    }
    let yaml: serde_json::Value = serde_saphyr::from_str(source).unwrap();
    let mut strings = Vec::new();
    collect(&yaml, &mut strings);
    let word = regex::Regex::new(r"\p{L}+").unwrap();
    strings
        .iter()
        .flat_map(|s| word.find_iter(s).map(|m| m.as_str().to_lowercase()))
        .collect()
}

/// What a reader reads of a rendered document: the text of the HTML and of
/// its drawings, the Markdown with the labels of its Mermaid charts but not
/// their syntax, the cards without Anki's header lines.
fn readable_text(rendered: &str) -> String {
    let mut text = String::new();
    if rendered.starts_with("<!DOCTYPE html>") {
        for svg in svgs(rendered) {
            let doc = roxmltree::Document::parse(svg).unwrap();
            for node in doc.descendants().filter(roxmltree::Node::is_text) {
                text.push_str(node.text().unwrap_or_default());
                text.push(' ');
            }
        }
        let no_blocks = regex::Regex::new(r"(?s)<style>.*?</style>|<svg.*?</svg>").unwrap();
        let tags = regex::Regex::new(r"<[^>]*>").unwrap();
        let body = no_blocks.replace_all(rendered, " ");
        text.push_str(&html_escape::decode_html_entities(
            &tags.replace_all(&body, " "),
        ));
        return text;
    }
    let label = regex::Regex::new(r#""([^"]*)""#).unwrap();
    let anki_header = regex::Regex::new(r"^#[a-z]+:").unwrap();
    let mut in_chart = false;
    for line in rendered.lines() {
        if line.starts_with("```") {
            in_chart = !in_chart;
        } else if in_chart {
            for capture in label.captures_iter(&line.replace("<br/>", " ")) {
                text.push_str(&capture[1]);
                text.push(' ');
            }
        } else if !anki_header.is_match(line) {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

/// The ASCII words of two letters or more in a text that the author did not
/// write: in a Chinese document, English that ethos put there.
fn ascii_words_not_the_authors(text: &str, author: &BTreeSet<String>) -> BTreeSet<String> {
    let word = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
    word.find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .filter(|w| !author.contains(w))
        .collect()
}

/// The words of every English message of the wording layer that no German
/// message has: what would be English in a German document.
fn english_only_words() -> BTreeSet<String> {
    fn words(locale: &str) -> BTreeSet<String> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn pattern(p: &Pattern<&str>, into: &mut String) {
            for element in &p.elements {
                match element {
                    PatternElement::TextElement { value } => into.push_str(value),
                    PatternElement::Placeable { expression } => match expression {
                        Expression::Select { variants, .. } => {
                            for v in variants {
                                pattern(&v.value, into);
                            }
                        }
                        Expression::Inline(InlineExpression::StringLiteral { value }) => {
                            into.push_str(value);
                        }
                        Expression::Inline(_) => {}
                    },
                }
            }
        }
        let mut text = String::new();
        for area in ["common", "policy", "render"] {
            let source = fs::read_to_string(format!("locales/{locale}/{area}.ftl")).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
            for entry in &resource.body {
                if let Entry::Message(m) = entry
                    && let Some(value) = &m.value
                {
                    pattern(value, &mut text);
                    text.push(' ');
                }
            }
        }
        let word = regex::Regex::new(r"\p{L}{3,}").unwrap();
        word.find_iter(&text)
            .map(|m| m.as_str().to_lowercase())
            .collect()
    }
    let german = words("de");
    words("en")
        .into_iter()
        .filter(|w| !german.contains(w) && w != "ethos")
        .collect()
}

/// Every document of a playbook, in both formats.
fn every_document(pb: &Playbook) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for format in [Format::Markdown, Format::Html] {
        for kind in [Kind::Handbook, Kind::Policy, Kind::Cards] {
            if kind == Kind::Cards && format == Format::Html {
                continue;
            }
            all.push((format!("{kind:?} {format:?}"), one(pb, kind, format)));
        }
    }
    all
}

#[test]
fn the_chinese_playbook_renders_without_english_words() {
    let source = Source::bundled("zh-hotel").unwrap().text;
    let pb = load::parse(&source).unwrap();
    let author = authors_words(&source);
    assert!(author.contains("cny") && !author.contains("courtesy"));
    for (name, document) in every_document(&pb) {
        let english = ascii_words_not_the_authors(&readable_text(&document), &author);
        assert!(
            english.is_empty(),
            "English in the Chinese {name}: {english:?}"
        );
    }
    let html = one(&pb, Kind::Handbook, Format::Html);
    assert!(html.contains(r#"<html lang="zh-CN">"#));
    assert!(html.contains("<h4>要说的话</h4>"));
    assert!(
        one(&pb, Kind::Policy, Format::Markdown).contains(
            "如果客人提到「受伤」、「烫伤」、「烫到」、「划伤」、「割伤」、「摔倒」、「流血」或「过敏」，值班经理须在5分钟内接手。"
        ),
        "the locale's quotation marks and list joiners"
    );
}

#[test]
fn the_check_for_english_words_finds_them() {
    let author = authors_words("playbook: zh-x\ntitle: 标题\nuses: [courtesy-zh]\n");
    assert_eq!(
        ascii_words_not_the_authors("zh-x 的规则 courtesy zh/rude words", &author),
        ["courtesy", "rude", "words"].map(str::to_owned).into()
    );
    let english = english_only_words();
    assert!(english.contains("customer") && english.contains("handbook"));
    assert!(
        !english.contains("ethos"),
        "the tool's name is no English word"
    );
    let chart = "## Bilder\n\n```mermaid\nflowchart TD\n  r0[\"Kasse<br/>Rule one\"]\n```\n";
    assert_eq!(readable_text(chart).trim(), "## Bilder\n\nKasse Rule one");
}

#[test]
fn the_german_playbooks_render_without_english_words() {
    let english = english_only_words();
    let word = regex::Regex::new(r"\p{L}{3,}").unwrap();
    let bundled = Source::bundled("de-reisezentrum").unwrap().text;
    for source in [GERMAN, bundled.as_str()] {
        let pb = load::parse(source).unwrap();
        let author = authors_words(source);
        for (name, document) in every_document(&pb) {
            let found: BTreeSet<String> = word
                .find_iter(&readable_text(&document))
                .map(|m| m.as_str().to_lowercase())
                .filter(|w| english.contains(w) && !author.contains(w))
                .collect();
            assert!(
                found.is_empty(),
                "English in {}'s {name}: {found:?}",
                pb.playbook.value
            );
        }
    }
    let pb = load::parse(GERMAN).unwrap();
    let policy = one(&pb, Kind::Policy, Format::Markdown);
    assert!(policy.contains(
        "Wenn der Kunde sich mindestens 3-mal wegen desselben Anliegens gemeldet hat: Werkstattmeisterin übernimmt den Fall innerhalb von 2 Tagen."
    ));
    assert!(policy.contains("| **Werkstattmeisterin** | bis 200 EUR | bis 60 EUR |"));
    let handbook = one(&pb, Kind::Handbook, Format::Markdown);
    assert!(handbook.contains("*Bestehensgrenze im Training: 75\u{a0}%*"));
    assert!(handbook.contains(
        "**Der Kunde sagt**: „Ich habe wirklich keine Zeit für so etwas.“ *(Stimmung: verärgert)*"
    ));
}

#[test]
fn a_document_names_beats_by_number_and_rules_by_their_words_never_by_id() {
    let pb = playbook("hotel-a");
    let md = one(&pb, Kind::Handbook, Format::Markdown);
    assert!(md.contains("#### 1. Warm welcome\n"));
    assert!(md.contains("*Next: turn 3 if this turn goes well, turn 2 if not*"));
    let policy = one(&pb, Kind::Policy, Format::Markdown);
    assert!(policy.contains(r#"n0["1 · Warm welcome<br/>“Sorry to bother you"#));
    assert!(policy.contains("Replace the item free of charge: up to 50 USD"));
    let cards = parse_cards(&one(&pb, Kind::Cards, Format::Markdown));
    let mut ids: Vec<String> = pb
        .rules
        .iter()
        .map(|r| r.id.value.replace('-', " "))
        .collect();
    ids.extend(
        pb.scenarios
            .iter()
            .flat_map(|s| s.beats.iter().map(|b| b.id.value.clone())),
    );
    ids.retain(|id| id.len() > 4);
    for id in &ids {
        for text in [&md, &policy] {
            assert!(!text.contains(&format!("{id} · ")), "{id}");
        }
        for (front, _) in &cards {
            assert!(!front.contains(&format!("“{id}”")), "{id} in {front}");
        }
    }
    assert!(!md.contains("still-bleeding"), "no beat id");
}

// --- safety ------------------------------------------------------------------

/// Markup in every string field, ids included.
const MARKUP: &str = r#"
playbook: markup
title: "<script>alert('title')</script> *bold* | pipe"
company: "<b>ACME</b> & Co"
language: 'en" onload="alert(1)'
owner: "<i>owner</i>"
review_by: 2027-01-01
pass_mark: 80
philosophy:
  statement: "<script>alert('statement')</script> [link](javascript:alert(1))"
  values:
    - id: "<u>v1</u>"
      text: "<img src=x onerror=alert('value')>"
roles:
  - id: "<i>front</i>"
    title: "<script>alert('role')</script>"
    may: { "<i>fix</i>": 10 }
  - id: "<i>boss</i>"
    title: "Boss \"quoted\" <u>"
    may: { "<i>fix</i>": yes }
actions:
  - id: "<i>fix</i>"
    title: "<script>alert('action')</script>"
    unit: "<b>USD</b>"
steps:
  - id: "<i>greet</i>"
    title: "<script>alert('step')</script>"
    goal: "<script>alert('goal')</script> `code` # hash"
    values: ["<u>v1</u>"]
rules:
  - id: "<i>hello</i>"
    at: ["<i>greet</i>"]
    check: mention
    phrases: ["<b>hello</b>", "{customer.name}"]
    message: "<script>alert('message')</script>"
    suggest: "<script>alert('suggest')</script>"
  - id: "<i>never</i>"
    check: avoid
    phrases: ["<script>never</script>"]
    message: "<img src=x onerror=alert('avoid')>"
  - id: "<i>words</i>"
    check: swap
    swap: { "<s>customer</s>": "<b>guest</b>" }
    message: "<script>alert('swap')</script>"
  - id: "<i>short</i>"
    check: length
    max_words: 3
    message: "<script>alert('length')</script>"
  - id: "<i>when</i>"
    at: ["<i>greet</i>"]
    check: mention
    when: { customer_says: ["<script>hurt</script>"], "facts.<b>k</b>": "<i>v</i>" }
    phrases: [sorry]
    message: "Say sorry <script>"
escalation:
  - id: "<i>esc</i>"
    when: { customer_says: ["<script>say</script>"] }
    to: "<i>boss</i>"
    within: 5m
    why: "<script>alert('why')</script>"
  - id: "<i>big</i>"
    when: { action: "<i>fix</i>", amount: { over: 8 } }
    to: "<i>boss</i>"
scenarios:
  - id: "<i>s1</i>"
    title: "<script>alert('scenario')</script>"
    role: "<i>front</i>"
    situation: "<script>alert('situation')</script> | a | b |"
    customer: { name: "<b>Dana</b>", mood: "<i>cross</i>", tier: "<u>gold</u>" }
    facts: { "<b>k</b>": "<i>v</i>" }
    beats:
      - id: "<b>b1</b>"
        step: "<i>greet</i>"
        customer: "<script>alert('customer')</script>"
        mood: "<script>mood</script>"
        key_facts: ["<b>fact</b>"]
        model: "<b>hello</b> <b>Dana</b>, sorry"
        wrong: ["<script>alert('wrong')</script> <s>customer</s> <script>never</script>"]
        next: { pass: "<b>b2</b>", fail: "<b>b2</b>" }
      - id: "<b>b2</b>"
        step: "<i>greet</i>"
        customer: "<img src=x onerror=alert(2)>"
        decide:
          prompt: "<script>alert('prompt')</script>"
          choices:
            - say: "<script>alert('choice')</script>"
              action: { "<i>fix</i>": 5 }
              best: true
            - say: "<b>escalate</b> \"now\""
              escalate: "<i>boss</i>"
        next: { pass: "<b>b1</b>", fail: "<b>b3</b>" }
      - id: "<b>b3</b>"
        step: "<i>greet</i>"
        customer: "</svg><script>alert('svg')</script>"
"#;

#[test]
fn markup_in_every_string_field_is_shown_never_run() {
    let pb = load::parse(MARKUP).unwrap();
    for kind in [Kind::Handbook, Kind::Policy] {
        let html = one(&pb, kind, Format::Html);
        for tag in ["<script", "<img", "<u>", "<i>", "<b>", "<s>", "</svg><"] {
            assert!(!html.contains(tag), "{tag} in the {kind:?} HTML");
        }
        assert!(html.contains("&lt;script&gt;alert("));
        assert!(html.contains(r#"<html lang="en&quot; onload&#x3D;&quot;alert(1)">"#));

        let md = one(&pb, kind, Format::Markdown);
        // The only `<` is the line break of Mermaid labels, which ethos writes.
        assert!(
            !md.replace("<br/>", "").contains('<'),
            "raw markup in the {kind:?} Markdown"
        );
        assert!(md.contains("&lt;script&gt;alert("));
        // A `|` in a table cell would start a new cell.
        for line in md.lines().filter(|l| l.starts_with('|')) {
            assert!(!line.contains(" | a | "), "{line}");
        }
    }
    let policy = one(&pb, Kind::Policy, Format::Markdown);
    assert!(
        policy.contains("#lt;script#gt;"),
        "Mermaid labels use entities"
    );
    assert!(
        !policy.contains(r#""now""#),
        "a quote cannot end a Mermaid label"
    );
}

#[test]
fn every_drawing_is_well_formed_xml_with_its_text_as_text() {
    let pb = load::parse(MARKUP).unwrap();
    let html = one(&pb, Kind::Policy, Format::Html);
    let drawings = svgs(&html);
    assert_eq!(drawings.len(), 2, "the ladder and one scenario");
    let mut text = String::new();
    for svg in &drawings {
        let doc = roxmltree::Document::parse(svg).expect("an SVG is standalone XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert!(root.children().any(|n| n.has_tag_name("title")));
        for node in doc.descendants().filter(roxmltree::Node::is_element) {
            let name = node.tag_name().name();
            assert!(
                [
                    "svg", "title", "rect", "text", "tspan", "line", "path", "polygon"
                ]
                .contains(&name),
                "only drawing elements, not {name}"
            );
        }
        for node in doc.descendants().filter(roxmltree::Node::is_text) {
            text.push_str(node.text().unwrap_or_default());
        }
    }
    assert!(text.contains("<script>alert('role')</script>"));
    assert!(text.contains("</svg><script>alert('svg')</script>"));
}

#[test]
fn the_drawings_of_every_bundled_playbook_parse_as_xml() {
    for b in bundled::BUNDLED {
        let pb = load::parse(b.text).unwrap();
        let html = one(&pb, Kind::Policy, Format::Html);
        let drawings = svgs(&html);
        assert_eq!(drawings.len(), 1 + pb.scenarios.len(), "{}", b.id);
        for svg in drawings {
            roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{}: {e}", b.id));
        }
    }
}

// --- cards -------------------------------------------------------------------

#[test]
fn the_cards_parse_back_one_per_rule_step_and_wrong_reply() {
    let pb = playbook("hotel-a");
    let text = one(&pb, Kind::Cards, Format::Markdown);
    assert!(text.starts_with("#separator:comma\r\n#html:false\r\n#columns:front,back\r\n"));
    let cards = parse_cards(&text);
    let wrong: usize = pb
        .scenarios
        .iter()
        .flat_map(|s| s.beats.iter())
        .map(|b| b.wrong.len())
        .sum();
    assert_eq!(cards.len(), pb.rules.len() + pb.steps.len() + wrong);
    assert!(cards.iter().any(|(front, back)| {
        front == "At every step: Never turn a small accident into a question of money. Which words are ruled out?"
            && back.starts_with("Never say: “which room * put * on”, ")
    }));
    assert!(cards.iter().any(|(front, back)| {
        front == "Step 1, “Warm welcome”: what is the goal?"
            && back
                == "Greet the guest by name, warmly, and show you have understood what happened."
    }));
    assert!(cards.iter().any(|(front, back)| {
        front.ends_with("What is wrong with “Are you willing to pay for this coffee?”?")
            && back.contains("Never turn a small accident into a question of money.")
            && back.contains("Better: “Oh no, Claire")
    }));
}

#[test]
fn card_text_survives_csv_exactly() {
    let tricky = ethos::render::model::Card {
        front: "#not a header, \"quoted\"".to_owned(),
        back: "line one\nline two, <b>3</b>".to_owned(),
    };
    let parsed = parse_cards(&cards_csv(std::slice::from_ref(&tricky)));
    assert_eq!(parsed, [(tricky.front, tricky.back)]);

    let pb = load::parse(MARKUP).unwrap();
    let cards = parse_cards(&one(&pb, Kind::Cards, Format::Markdown));
    assert!(
        cards
            .iter()
            .any(|(_, back)| back.contains("<script>alert('message')</script>")),
        "CSV is data: the text as written (Anki is told #html:false)"
    );
}

// --- templates -----------------------------------------------------------------

#[test]
fn the_embedded_template_list_matches_the_templates_folder() {
    let mut on_disk: Vec<String> = fs::read_dir("templates")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TEMPLATES.iter().map(|t| t.file.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    for t in TEMPLATES {
        assert_eq!(
            t.text,
            fs::read_to_string(Path::new("templates").join(t.file)).unwrap()
        );
    }
}

#[test]
fn a_template_file_replaces_the_bundled_one_of_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("header.html.hbs"),
        "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><head><title>ACME</title></head>\n<body><p class=\"acme\">{{playbook.company}} · {{doc_title}}</p><main>\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("rule-card.md.hbs"),
        "- RULE {{name}}: {{#if message}}{{message}}{{/if}}\n",
    )
    .unwrap();
    fs::write(dir.path().join("handbok.md.hbs"), "typo").unwrap();
    let templates = Templates::with_overrides(dir.path()).unwrap();
    let pb = playbook("hotel-a");

    let html = one_with(&pb, Kind::Handbook, Format::Html, &templates);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\"><head><title>ACME</title>"));
    assert!(html.contains("<p class=\"acme\">Hotel A · Handbook</p>"));
    assert!(
        !html.contains("<style>"),
        "the header that included the style is replaced"
    );
    assert!(
        html.contains("<section class=\"step\""),
        "the rest is bundled"
    );

    let md = one_with(&pb, Kind::Handbook, Format::Markdown, &templates);
    assert!(md.contains("- RULE warm greeting: Open warmly."));
    assert!(md.starts_with("# Solve it on the spot at Hotel A: Handbook"));

    assert_eq!(templates.warnings.len(), 1, "{:?}", templates.warnings);
    let warning = templates.warnings[0].to_string();
    assert!(warning.contains("handbok.md.hbs: replaces no template"));
    assert!(warning.contains("did you mean `handbook.md.hbs`?"));
}

#[test]
fn the_stylesheet_is_a_template_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("style.css.hbs"),
        "body { color: rebeccapurple; }",
    )
    .unwrap();
    let templates = Templates::with_overrides(dir.path()).unwrap();
    let html = one_with(&playbook("hotel-a"), Kind::Policy, Format::Html, &templates);
    assert!(html.contains("<style>\nbody { color: rebeccapurple; }</style>"));
}

#[test]
fn a_missing_field_is_an_error_naming_the_template_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("handbook.md.hbs"),
        "# {{playbook.title}}\n\n{{#each steps}}\n- {{titel}}\n{{/each}}\n",
    )
    .unwrap();
    let templates = Templates::with_overrides(dir.path()).unwrap();
    let err = render::render(
        &playbook("hotel-a"),
        &[Kind::Handbook],
        Format::Markdown,
        &templates,
        today(),
    )
    .unwrap_err();
    match &err {
        RenderError::Render {
            template,
            line,
            field,
            ..
        } => {
            assert!(template.ends_with("handbook.md.hbs"), "{template}");
            assert_eq!(*line, Some(4));
            assert_eq!(field.as_deref(), Some("titel"));
        }
        other => panic!("not a render error: {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("line 4"), "{message}");
    assert!(message.contains("`titel` is not a field here; did you mean `title`?"));
}

#[test]
fn strict_mode_covers_if_and_partials() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("footer.md.hbs"),
        "---\n{{#if playbook.ownr}}{{playbook.owner}}{{/if}}\n",
    )
    .unwrap();
    let templates = Templates::with_overrides(dir.path()).unwrap();
    let err = render::render(
        &playbook("hotel-a"),
        &[Kind::Policy],
        Format::Markdown,
        &templates,
        today(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("footer.md.hbs"), "the partial is named: {err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("`playbook.ownr`"), "{err}");
    assert!(err.contains("did you mean `playbook.owner`?"), "{err}");
}

#[test]
fn a_template_that_does_not_parse_is_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("policy.html.hbs"), "ok\n{{#each steps}}\n").unwrap();
    let err = Templates::with_overrides(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("policy.html.hbs"), "{err}");
    assert!(err.contains("not valid Handlebars"), "{err}");
}

// --- the command ---------------------------------------------------------------

#[test]
fn render_writes_every_kind_into_a_new_folder_and_says_what() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site/docs");
    let run = ethos()
        .current_dir(dir.path())
        .args(["render", "--out", "site/docs"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains("wrote site/docs/handbook.md ("))
        .stderr(contains("site/docs/policy.md ("));
    // The count it reports is the number of cards it wrote.
    let cards = fs::read_to_string(out.join("cards.csv")).unwrap();
    let written = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .from_reader(cards.as_bytes())
        .records()
        .count();
    assert!(
        written > 40,
        "the default playbook has a card per rule and step"
    );
    run.stderr(contains(format!("site/docs/cards.csv ({written} cards)")));
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["cards.csv", "handbook.md", "policy.md"],
        "no temporary files left"
    );
}

#[test]
fn render_replaces_its_own_files_and_touches_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("handbook.html"), "old").unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    fs::write(dir.path().join("handbook.md"), "not asked for").unwrap();
    ethos()
        .args([
            "render", "zh-hotel", "--kind", "handbook", "--format", "html", "--out",
        ])
        .arg(dir.path())
        .assert()
        .code(0);
    let handbook = fs::read_to_string(dir.path().join("handbook.html")).unwrap();
    assert!(handbook.starts_with("<!DOCTYPE html>"));
    assert!(handbook.contains("<html lang=\"zh-CN\">"));
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("handbook.md")).unwrap(),
        "not asked for"
    );
    assert!(!dir.path().join("cards.csv").exists());
}

#[test]
fn a_strict_mode_error_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("policy.md.hbs"),
        "# {{playbook.title}}\n{{nope}}\n",
    )
    .unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["render", "--templates", "templates", "--out", "out"])
        .assert()
        .code(2)
        .stderr(contains(
            "error: template templates/policy.md.hbs, line 2, column 1: `nope` is not a field here",
        ));
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn an_unknown_template_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("t")).unwrap();
    fs::write(dir.path().join("t/cards.csv.hbs"), "x").unwrap();
    ethos()
        .current_dir(dir.path())
        .args([
            "render",
            "--kind",
            "cards",
            "--templates",
            "t",
            "--out",
            "o",
        ])
        .assert()
        .code(0)
        .stderr(contains(
            "warning: t/cards.csv.hbs: replaces no template, so it is not used",
        ));
}

#[test]
fn an_out_path_that_is_a_file_or_a_playbook_that_does_not_load_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("taken"), "a file").unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["render", "--out", "taken"])
        .assert()
        .code(2)
        .stderr(contains("taken is a file, not a folder"));
    fs::write(dir.path().join("bad.yaml"), "playbook: [").unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["render", "bad.yaml", "--out", "out"])
        .assert()
        .code(2)
        .stderr(contains("bad.yaml:"));
    ethos()
        .args(["render", "no-such-playbook", "--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(contains("neither a file nor a bundled playbook"));
    assert!(!dir.path().join("out").exists());
}

/// What `check` rejects still renders, without a panic: no roles, a decision
/// with no best choice, a beat naming an unknown step and an unknown next
/// beat, a scenario without beats.
const BROKEN: &str = r"
playbook: broken
title: Broken
company: Nobody
philosophy:
  statement: Oops.
roles: []
steps:
  - id: help
    title: Help
    goal: Help.
rules:
  - id: hi
    at: [nowhere]
    check: mention
  - id: short
    check: length
escalation:
  - id: up
    when: { contacts: { min: 2 } }
    to: nobody
scenarios:
  - id: empty
    title: Empty
    situation: Nothing happens.
    beats: []
  - id: odd
    title: Odd
    situation: Odd things.
    role: ghost
    beats:
      - id: a
        step: missing
        customer: Hello?
        wrong: [Go away.]
        decide:
          prompt: What now?
          choices:
            - say: Refund
              action: { refund: 10 }
            - say: Escalate
              escalate: ghost
        next: { pass: b, fail: a }
";

#[test]
fn a_playbook_that_check_rejects_still_renders_without_a_panic() {
    let pb = load::parse(BROKEN).unwrap();
    for format in [Format::Markdown, Format::Html] {
        let files = render::render(
            &pb,
            &[Kind::Handbook, Kind::Policy, Kind::Cards],
            format,
            &Templates::bundled(),
            today(),
        )
        .unwrap();
        assert_eq!(files.len(), 3);
        if format == Format::Html {
            for svg in svgs(&files[1].text) {
                roxmltree::Document::parse(svg).unwrap();
            }
        }
    }
}

#[test]
fn today_on_the_command_line_decides_whether_the_review_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let render = |today: &str| {
        cargo_bin_cmd!("ethos")
            .args([
                "render", "hotel-a", "--kind", "policy", "--today", today, "--out",
            ])
            .arg(dir.path())
            .assert()
            .code(0);
        std::fs::read_to_string(dir.path().join("policy.md")).unwrap()
    };
    assert!(render("2028-01-01").contains("(**overdue: due on 2027-11-01, 61 days ago**)"));
    assert!(!render("2027-11-01").contains("overdue"));
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_that_cannot_be_written_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    ethos()
        .args(["render", "hotel-a", "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    let before: Vec<String> = ["handbook.html", "policy.html"]
        .iter()
        .map(|f| fs::read_to_string(out.join(f)).unwrap())
        .collect();
    // The last file rendered, cards.csv, cannot be written: a folder is in
    // its way. Written one by one, the handbook and the policy would already
    // be another playbook's by then.
    fs::remove_file(out.join("cards.csv")).unwrap();
    fs::create_dir(out.join("cards.csv")).unwrap();
    fs::write(out.join("cards.csv/keep.txt"), "mine").unwrap();
    ethos()
        .args(["render", "ritz-carlton", "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("cannot write"))
        .stderr(contains("cards.csv"));
    let after: Vec<String> = ["handbook.html", "policy.html"]
        .iter()
        .map(|f| fs::read_to_string(out.join(f)).unwrap())
        .collect();
    assert!(before == after, "a file was replaced before the failure");
    assert_eq!(
        fs::read_to_string(out.join("cards.csv/keep.txt")).unwrap(),
        "mine"
    );
    // Nothing temporary left, in the folder or beside it.
    assert_eq!(
        files_in(&out),
        ["cards.csv", "handbook.html", "policy.html"]
    );
    assert_eq!(files_in(dir.path()), ["out"]);
}

#[test]
fn a_new_output_folder_appears_whole_with_files_readable_as_new_files_are() {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    ethos()
        .args(["render", "--kind", "cards", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(files_in(dir.path()), ["site"]);
    let probe = dir.path().join("probe");
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&probe)
        .unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out.join("cards.csv")), mode(&probe));
    fs::create_dir(dir.path().join("mkdir")).unwrap();
    assert_eq!(mode(&out), mode(&dir.path().join("mkdir")));
}

/// `MINIMAL` with a second role and an escalation rule with this `when`, in
/// this language.
fn escalating_when(language: &str, when: &str) -> ethos::playbook::Playbook {
    let text = format!(
        "{MINIMAL}language: {language}
  \nescalation:
  - {{ id: up, to: lead, when: {when} }}
"
    )
    .replace(
        "roles:\n  - id: clerk\n    title: Clerk\n",
        "roles:\n  - id: clerk\n    title: Clerk\n  - id: lead\n    title: Lead\n",
    );
    load::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

#[test]
fn the_policy_says_nested_conditions_in_the_documents_language() {
    let when = "{ any: [ { facts.hours: { under: 24 } }, { facts.tier: [silver, gold], not: { escalated: lead } } ] }";
    let says = |language: &str| {
        one(
            &escalating_when(language, when),
            Kind::Policy,
            Format::Markdown,
        )
    };
    let en = says("en");
    assert!(
        en.contains(
            "If either “hours” is under 24 or (“tier” is “silver” or “gold” and it is not the case that the case is already with the lead or someone more senior), the case goes to"
        ),
        "{en}"
    );
    let zh = says("zh");
    assert!(zh.contains("满足以下任一情形："), "{zh}");
    assert!(zh.contains("并非案件已交给"), "{zh}");
    let de = says("de");
    assert!(
        de.contains("entweder „hours“ unter 24 beträgt oder („tier“ einen der Werte"),
        "{de}"
    );
    assert!(
        de.contains("nicht zutrifft, dass der Fall bereits bei"),
        "{de}"
    );
}
