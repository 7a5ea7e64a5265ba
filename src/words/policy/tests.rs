use super::*;
use crate::engine::{Grant, Match};
use crate::playbook::{Duration, Severity, load};

/// A two-role ladder in `language`, with one escalation rule without a `why`.
fn playbook(language: &str) -> Playbook {
    load::parse(&format!(
        "playbook: t
title: T
company: C
language: {language}
philosophy:
  statement: S.
  values: [{{ id: v, text: V. }}]
roles:
  - {{ id: desk, title: Front desk, may: {{ make-good: 20 }} }}
  - {{ id: gm, title: GM, may: {{ make-good: yes }} }}
actions:
  - {{ id: make-good, title: Make good, unit: EUR }}
steps:
  - {{ id: s, title: S, goal: G. }}
escalation:
  - {{ id: vip, when: {{ customer.tier: [vip] }}, to: gm, within: 1d }}
"
    ))
    .unwrap()
}

fn role(title: &str) -> Role {
    let mut pb = playbook("en");
    let mut role = pb.roles.value.swap_remove(0);
    role.title.value = title.to_owned();
    role
}

#[test]
fn an_english_role_reads_with_the_and_lower_case_but_acronyms_stay() {
    assert_eq!(the(&role("Duty manager")), "the duty manager");
    assert_eq!(the(&role("  Front-line staff ")), "the front-line staff");
    assert_eq!(the(&role("GM")), "GM");
    assert_eq!(the(&role("VP Sales")), "VP Sales");
    // Other languages take the title as written.
    assert_eq!(
        Words::new(Locale::De).role(&role("Schichtleitung")),
        "Schichtleitung"
    );
    assert_eq!(Words::new(Locale::Zh).role(&role(" 值班经理 ")), "值班经理");
}

/// A role's plain limit, as the engine applies it.
fn plain(role: usize, limit: Limit) -> GrantApplied {
    GrantApplied {
        role,
        index: 0,
        up_to: limit,
        per_value: None,
        limit,
    }
}

#[test]
fn a_decision_names_roles_actions_amounts_and_durations_in_each_language() {
    let escalate = Decision::Escalate {
        to: 1,
        because: vec![0],
        within: Some(Duration::from_secs(86_400)),
    };
    let grant = Decision::OnTheSpot {
        acting: 0,
        grants: vec![Grant {
            action: "make-good".into(),
            amount: 12.5,
            limit: Limit::Amount(20.0),
            by: plain(0, Limit::Amount(20.0)),
        }],
    };
    let unlimited = Decision::OnTheSpot {
        acting: 1,
        grants: vec![Grant {
            action: "make-good".into(),
            amount: 12.5,
            limit: Limit::Unlimited,
            by: plain(1, Limit::Unlimited),
        }],
    };
    let en = playbook("en");
    let w = Words::new(Locale::En);
    // "1 day", not "1 days"; the rule's id where it gives no reason.
    assert_eq!(
        w.decision(&en, &escalate),
        "Escalation rule `vip` applies: the case goes to GM within 1 day."
    );
    assert_eq!(
        w.decision(&en, &grant),
        "The front desk may do this on the spot: make good 12.5 EUR is within their limit of 20 EUR."
    );
    // Not "within their limit of no limit".
    assert_eq!(
        w.decision(&en, &unlimited),
        "GM may do this on the spot: make good 12.5 EUR is theirs to grant, without limit."
    );
    let de = playbook("de-AT");
    let w = Words::of(&de);
    assert_eq!(
        w.decision(&de, &escalate),
        "Die Eskalationsregel „vip“ greift. Zuständig: GM, Frist: 1 Tag."
    );
    assert_eq!(
        w.decision(&de, &grant),
        "Sofort möglich (Front desk): make good 12,5 EUR liegt im eigenen Rahmen (bis 20 EUR)."
    );
    let zh = playbook("zh-CN");
    let w = Words::of(&zh);
    assert_eq!(
        w.decision(&zh, &escalate),
        "适用升级规则「vip」：交给GM，1天内接手。"
    );
}

#[test]
fn an_unneeded_escalation_says_whether_the_role_is_not_above_or_not_needed() {
    let pb = playbook("en");
    let finding = |to| PolicyFinding {
        code: PolicyCode::UnneededEscalation,
        severity: Severity::Warning,
        acting: 0,
        action: None,
        amount: None,
        limit: None,
        to: Some(to),
        because: Vec::new(),
        within: None,
        grant: None,
    };
    let w = Words::new(Locale::En);
    assert!(
        w.policy_finding(&pb, &finding(0))
            .starts_with("The front desk is not above the front desk on the ladder"),
    );
    assert!(
        w.policy_finding(&pb, &finding(1))
            .starts_with("The front desk may handle this alone")
    );
}

#[test]
fn a_failed_swap_without_suggest_suggests_each_replacement_once_in_the_locales_quotes() {
    let pb = load::parse(
        "playbook: t
title: T
company: C
philosophy:
  statement: S.
  values: [{ id: v, text: V. }]
roles: [{ id: r, title: R }]
steps: [{ id: s, title: S, goal: G. }]
rules:
  - { id: w, check: swap, swap: { customer: guest } }
",
    )
    .unwrap();
    let rule = &pb.rules[0];
    let m = |start| Match {
        start,
        end: start + 8,
        text: "customer".into(),
        replacement: Some("guest".into()),
        negated: false,
    };
    let finding = RuleFinding {
        index: 0,
        rule: "w",
        check: CheckKind::Swap,
        status: Status::Fail,
        severity: Severity::Warning,
        message: None,
        want: Want::of(rule),
        matches: vec![m(0), m(20)],
        suggestion: None,
        detail: None,
        weight: 1.0,
    };
    assert_eq!(
        Words::new(Locale::En).rule_suggestion(&finding).as_deref(),
        Some("Say “guest” instead of “customer”")
    );
    assert_eq!(
        Words::new(Locale::Zh).rule_suggestion(&finding).as_deref(),
        Some("用「guest」代替「customer」")
    );
    assert_eq!(
        Words::new(Locale::De).rule_suggestion(&finding).as_deref(),
        Some("Sagen Sie „guest“ statt „customer“")
    );
    // A passing swap suggests nothing; the author's `suggest` wins.
    let passed = RuleFinding {
        status: Status::Pass,
        ..finding.clone()
    };
    assert_eq!(Words::new(Locale::En).rule_suggestion(&passed), None);
    let own = RuleFinding {
        suggestion: Some("Say guest."),
        ..finding
    };
    assert_eq!(
        Words::new(Locale::En).rule_suggestion(&own).as_deref(),
        Some("Say guest.")
    );
}

#[test]
fn counted_words_take_the_plural_of_the_count() {
    let w = Words::new(Locale::En);
    let counted = |words| Detail::Counted {
        words,
        min: None,
        max: Some(1),
    };
    assert_eq!(w.rule_detail(&counted(1)), "1 word; at most 1");
    assert_eq!(w.rule_detail(&counted(2)), "2 words; at most 1");
    assert_eq!(
        Words::new(Locale::De).rule_detail(&counted(1)),
        "1 Wort; höchstens 1"
    );
    assert_eq!(
        w.rule_wants(
            &Want::Words {
                min: Some(1),
                max: None
            },
            None
        ),
        "Use at least 1 word."
    );
}
