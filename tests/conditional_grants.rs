//! Conditional grants (issue 14, points 4 and 5) in `check` and `render`:
//! the ladder compared between grants of the same case, escalation rules only
//! against grants without `when`, `unreachable-grant`, decisions judged by the
//! scenario's facts, and the footnoted empowerment matrix.
//!
//! The fixtures are `tests/fixtures/gcr/`: an airline's compensation per
//! passenger, silver and gold members only, as issue 14 describes it.

use std::path::Path;

use ethos::check::{CheckOptions, Code, Diagnostic, check_source};
use ethos::playbook::{Date, Severity, Source, load};
use ethos::render::{self, Format, Kind, Templates};

fn today() -> Date {
    "2026-11-24".parse().unwrap()
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gcr")
        .join(format!("{name}.yaml"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check(text: &str) -> Vec<Diagnostic> {
    let source = Source {
        name: "airline.yaml".to_owned(),
        text: text.to_owned(),
    };
    check_source(&source, CheckOptions { today: today() })
}

/// The airline fixture with one text replaced (it must occur exactly once).
fn airline_with(old: &str, new: &str) -> String {
    let text = fixture("airline");
    assert_eq!(text.matches(old).count(), 1, "{old:?} occurs once");
    text.replace(old, new)
}

/// (code, line, column) of each diagnostic of a code.
fn of(diagnostics: &[Diagnostic], code: Code) -> Vec<(u32, u32)> {
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| (d.pos.line, d.pos.column))
        .collect()
}

fn listing(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} {} | {:?}",
                d.pos.line, d.pos.column, d.code, d.message, d.help
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const AGENT_DELAYED: &str = "        - { when: { facts.flight_status: delayed, facts.tier: [silver, gold] }, up_to: 50, per: facts.passengers }\n";
const SUPERVISOR_CANCELLED: &str = "        - { when: { facts.flight_status: cancelled, facts.tier: [silver, gold] }, up_to: 200, per: facts.passengers }\n";

#[test]
fn the_airline_fixture_is_clean() {
    let d = check(&fixture("airline"));
    assert!(d.is_empty(), "{}", listing(&d));
}

// --- unreachable-grant --------------------------------------------------------

#[test]
fn a_grant_after_one_that_always_holds_is_unreachable_grant_at_the_later_grant() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/unreachable-grant.yaml"),
    )
    .unwrap();
    let d = check(&text);
    assert_eq!(
        of(&d, Code::UnreachableGrant),
        [(27, 11)],
        "{}",
        listing(&d)
    );
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(
        d[0].message
            .contains("`manager`'s grant 2 for `replace` never applies")
            && d[0]
                .message
                .contains("grant 1 before it holds in every case"),
        "{}",
        d[0].message
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("move it before grant 1 of `manager`'s `replace`, or remove it")
    );
}

#[test]
fn a_narrower_grant_after_a_broader_one_is_unreachable_grant_naming_the_broader() {
    // Gold members on a delayed flight are already silver-or-gold members on
    // a delayed flight: grant 2 of the agent's list gives them 50 first.
    let narrower = "        - { when: { facts.tier: gold, facts.flight_status: delayed }, up_to: 80, per: facts.passengers }\n";
    let d = check(&airline_with(
        AGENT_DELAYED,
        &format!("{AGENT_DELAYED}{narrower}"),
    ));
    assert_eq!(
        of(&d, Code::UnreachableGrant),
        [(24, 11)],
        "{}",
        listing(&d)
    );
    let warning = d.iter().find(|d| d.code == Code::UnreachableGrant).unwrap();
    assert!(
        warning
            .message
            .contains("`agent`'s grant 3 for `certificate`")
            && warning.message.contains("grant 2 before it (when")
            && warning.message.contains("delayed")
            && warning.message.contains("per `facts.passengers`"),
        "{}",
        warning.message
    );
    // Put first, the narrower grant applies to gold members: nothing to say.
    let d = check(&airline_with(
        AGENT_DELAYED,
        &format!("{narrower}{AGENT_DELAYED}"),
    ));
    assert!(of(&d, Code::UnreachableGrant).is_empty(), "{}", listing(&d));
}

#[test]
fn a_grant_for_another_case_or_without_the_earlier_per_fact_is_reachable() {
    // Bronze members, and a flat amount where `passengers` is not known.
    let d = check(&airline_with(
        AGENT_DELAYED,
        &format!(
            "{AGENT_DELAYED}        - {{ when: {{ facts.flight_status: delayed }}, up_to: 20 }}\n"
        ),
    ));
    assert!(of(&d, Code::UnreachableGrant).is_empty(), "{}", listing(&d));
}

// --- ladder-inversion between grants of the same case -------------------------

#[test]
fn a_senior_grant_below_a_junior_one_of_the_same_case_is_ladder_inversion_at_that_grant() {
    // The same condition written with its clauses the other way round.
    let d = check(&airline_with(
        SUPERVISOR_CANCELLED,
        "        - { when: { facts.tier: [gold, silver], facts.flight_status: cancelled }, up_to: 80, per: facts.passengers }\n",
    ));
    assert_eq!(of(&d, Code::LadderInversion), [(31, 11)], "{}", listing(&d));
    let warning = &d[0];
    assert!(
        warning
            .message
            .contains("`supervisor`'s grant 1 for `certificate`")
            && warning.message.contains("gives up to 80")
            && warning
                .message
                .contains("`agent` below it gives in the same case (100)"),
        "{}",
        warning.message
    );
    assert!(
        warning
            .help
            .as_deref()
            .is_some_and(|h| h.contains("`supervisor` at least 100")),
        "{:?}",
        warning.help
    );
}

#[test]
fn grants_of_different_cases_are_not_compared_on_the_ladder() {
    // The supervisor gives gold members 10 per passenger on a cancelled
    // flight, the agent silver-or-gold members 100: not the same case.
    let d = check(&airline_with(
        SUPERVISOR_CANCELLED,
        "        - { when: { facts.flight_status: cancelled, facts.tier: gold }, up_to: 10, per: facts.passengers }\n",
    ));
    assert!(of(&d, Code::LadderInversion).is_empty(), "{}", listing(&d));
    // Nor is the same condition with a different `per`.
    let d = check(&airline_with(
        SUPERVISOR_CANCELLED,
        "        - { when: { facts.flight_status: cancelled, facts.tier: [silver, gold] }, up_to: 10, per: facts.bags }\n",
    ));
    assert!(of(&d, Code::LadderInversion).is_empty(), "{}", listing(&d));
}

#[test]
fn a_senior_with_no_grant_at_all_is_compared_with_a_junior_fallback_grant() {
    // The agent refunds 30 in every case not covered before; the supervisor
    // may not refund at all.
    let text = airline_with("      refund: 30\n", "      refund:\n        - { when: { facts.tier: gold }, up_to: 60 }\n        - { up_to: 30 }\n")
        .replace("      refund: 500\n", "");
    let d = check(&text);
    let inversions: Vec<&Diagnostic> = d
        .iter()
        .filter(|d| d.code == Code::LadderInversion)
        .collect();
    assert_eq!(inversions.len(), 1, "{}", listing(&d));
    assert!(
        inversions[0].message.contains(
            "`supervisor` may not grant `refund` at all, though `agent` below it may grant up to 30"
        ),
        "{}",
        inversions[0].message
    );
}

// --- escalation-shadows-empowerment only against grants without `when` --------

const ESCALATION: &str = "\nescalation:\n  - id: big-refund\n    when: { action: refund, amount: { over: 20 } }\n    to: supervisor\n";

fn with_refund_and_escalation(refund: &str) -> Vec<Diagnostic> {
    let text = airline_with("      refund: 30\n", refund)
        .replace("\nsteps:\n", &format!("{ESCALATION}\nsteps:\n"));
    check(&text)
}

#[test]
fn an_escalation_is_not_set_against_a_conditional_grant() {
    let d = with_refund_and_escalation(
        "      refund:\n        - { when: { facts.tier: gold }, up_to: 100 }\n",
    );
    assert!(
        of(&d, Code::EscalationShadowsEmpowerment).is_empty(),
        "{}",
        listing(&d)
    );
}

#[test]
fn an_escalation_is_not_set_against_a_per_grant_without_when() {
    let d = with_refund_and_escalation(
        "      refund:\n        - { up_to: 50, per: facts.passengers }\n",
    );
    assert!(
        of(&d, Code::EscalationShadowsEmpowerment).is_empty(),
        "{}",
        listing(&d)
    );
}

#[test]
fn an_escalation_is_set_against_a_grant_without_when_after_conditional_ones() {
    // Where the traveller is not gold, the agent may refund 50 and the rule
    // sends refunds over 20 up: the contradiction of version 1.
    let d = with_refund_and_escalation(
        "      refund:\n        - { when: { facts.tier: gold }, up_to: 100 }\n        - { up_to: 50 }\n",
    );
    let found: Vec<&Diagnostic> = d
        .iter()
        .filter(|d| d.code == Code::EscalationShadowsEmpowerment)
        .collect();
    assert_eq!(found.len(), 1, "{}", listing(&d));
    assert!(
        found[0].message.contains("`agent` may grant up to 50"),
        "{}",
        found[0].message
    );
    // And a plain limit, as in version 1.
    let d = with_refund_and_escalation("      refund: 30\n");
    assert_eq!(
        of(&d, Code::EscalationShadowsEmpowerment).len(),
        1,
        "{}",
        listing(&d)
    );
}

// --- decision-contradicts-policy by the scenario's facts ----------------------

#[test]
fn a_best_choice_no_grant_allows_by_the_scenario_s_facts_is_decision_contradicts_policy() {
    // Bronze members have no grant of the agent; the supervisor gives 100 at
    // most: 150 is no one's to give.
    let d = check(&fixture("decision-by-facts"));
    assert!(
        of(&d, Code::DecisionContradictsPolicy).contains(&(116, 21)),
        "{}",
        listing(&d)
    );
}

#[test]
fn a_best_choice_right_by_the_scenario_s_facts_is_not_decision_contradicts_policy() {
    // A gold family of three on a delayed flight: the agent's second grant
    // holds and gives 50 × 3 = 150, exactly the best choice. The bronze
    // family's same choice (line 116) stays wrong.
    let d = check(&fixture("decision-by-facts"));
    assert_eq!(
        of(&d, Code::DecisionContradictsPolicy),
        [(116, 21)],
        "{}",
        listing(&d)
    );
}

// --- render: the footnoted matrix ---------------------------------------------

fn render_one(text: &str, kind: Kind, format: Format) -> String {
    let pb = load::parse(text).unwrap();
    let files = render::render(&pb, &[kind], format, &Templates::bundled(), today()).unwrap();
    files.into_iter().next().unwrap().text
}

/// The empowerment chapter of a policy document: from its heading to the
/// next chapter's.
fn empowerment(doc: &str, format: Format) -> String {
    let (start, end) = match format {
        Format::Markdown => ("\n## ", "\n## "),
        Format::Html => (
            "<section class=\"chapter\" id=\"empowerment\">",
            "</section>",
        ),
    };
    let from = doc.find(start).expect("a first chapter");
    let rest = &doc[from + start.len()..];
    // The HTML chapter up to its closing tag; the Markdown one before the next heading.
    let to = rest.find(end).map_or(rest.len(), |i| match format {
        Format::Markdown => i,
        Format::Html => i + end.len(),
    });
    format!("{start}{}", &rest[..to])
}

#[test]
fn snapshots_of_the_footnoted_matrix_in_english_and_chinese() {
    for (name, fixture_name) in [("en", "airline"), ("zh", "airline-zh")] {
        let text = fixture(fixture_name);
        for (format, ext) in [(Format::Markdown, "md"), (Format::Html, "html")] {
            let doc = render_one(&text, Kind::Policy, format);
            insta::assert_snapshot!(
                format!("gcr_matrix_{name}_{ext}"),
                empowerment(&doc, format)
            );
        }
    }
    // German words around the English playbook's own.
    let text = airline_with("language: en\n", "language: de\n");
    let doc = render_one(&text, Kind::Policy, Format::Markdown);
    insta::assert_snapshot!("gcr_matrix_de_md", empowerment(&doc, Format::Markdown));
}

/// The handbook's chapter on grants that depend on the case.
fn conditional_chapter(doc: &str, format: Format) -> Option<String> {
    let (start, end) = match format {
        Format::Markdown => ("\n## When what you may grant", "\n## "),
        Format::Html => (
            "<section class=\"chapter\" id=\"conditional\">",
            "\n</section>\n\n",
        ),
    };
    let from = doc.find(start)?;
    let rest = &doc[from..];
    let to = rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| i + start.len());
    Some(rest[..to].to_owned())
}

#[test]
fn the_handbook_says_each_conditional_grant_in_words_in_the_order_tried() {
    let doc = render_one(&fixture("airline"), Kind::Handbook, Format::Markdown);
    let chapter =
        conditional_chapter(&doc, Format::Markdown).expect("a chapter on conditional grants");
    insta::assert_snapshot!("gcr_handbook_en_md", chapter);
    let html = render_one(&fixture("airline"), Kind::Handbook, Format::Html);
    let chapter = conditional_chapter(&html, Format::Html).expect("the chapter in HTML too");
    assert!(
        chapter.contains("<li>otherwise up to 100 USD</li>"),
        "{chapter}"
    );
    assert!(
        html.contains("<a href=\"#conditional\">"),
        "the contents link to it"
    );
    let zh = render_one(&fixture("airline-zh"), Kind::Handbook, Format::Markdown);
    insta::assert_snapshot!(
        "gcr_handbook_zh_md",
        zh[zh
            .find("\n## 额度视情况而定时")
            .expect("the chapter in Chinese")..]
            .split("\n## 情景练习")
            .next()
            .unwrap()
    );
}

#[test]
fn a_playbook_with_plain_limits_only_has_no_notes_and_no_chapter_on_conditions() {
    let airline = fixture("airline");
    let agent = &airline[airline.find("      certificate:\n").unwrap()
        ..airline.find("      refund: 30\n").unwrap()];
    let supervisor = &airline[airline.rfind("      certificate:\n").unwrap()
        ..airline.find("      cancel: yes\n").unwrap()];
    let text = airline
        .replace(agent, "      certificate: 40\n")
        .replace(supervisor, "      certificate: 100\n");
    let policy = render_one(&text, Kind::Policy, Format::Markdown);
    assert!(
        !policy.contains('¹') && !policy.contains("otherwise"),
        "{policy}"
    );
    assert!(
        policy.contains("| **Agent** | up to 40 USD | — | up to 30 USD |"),
        "{policy}"
    );
    let handbook = render_one(&text, Kind::Handbook, Format::Html);
    assert!(conditional_chapter(&handbook, Format::Html).is_none());
    assert!(!handbook.contains("#conditional"));
}

#[test]
fn one_condition_used_by_two_roles_has_one_footnote() {
    let doc = render_one(&fixture("airline"), Kind::Policy, Format::Markdown);
    let matrix = empowerment(&doc, Format::Markdown);
    // The cancelled-flight condition of the agent and of the supervisor.
    assert_eq!(matrix.matches("¹ when").count(), 1, "{matrix}");
    assert_eq!(matrix.matches(" ¹").count(), 2, "two cells: {matrix}");
}

// --- ethos show ---------------------------------------------------------------

#[test]
fn show_lists_each_grant_on_its_own_line_with_its_condition_below_the_matrix() {
    let pb = load::parse(&fixture("airline")).unwrap();
    let text = ethos::report::show::render(&pb, Some(120));
    let matrix = &text[text.find("Who may grant what").unwrap()..];
    let matrix = &matrix[..matrix.find("\n\n").unwrap_or(matrix.len())];
    insta::assert_snapshot!("gcr_show_matrix_en", matrix);
    let pb = load::parse(&fixture("airline-zh")).unwrap();
    let text = ethos::report::show::render(&pb, Some(120));
    assert!(
        text.contains("否则，最多50 × 乘客人数 ²")
            && text.contains("\n¹当航班状态为取消，且会员等级为银卡或金卡时\n"),
        "{text}"
    );
}
