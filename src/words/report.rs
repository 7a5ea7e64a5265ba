//! Words the reporting layers share: a verdict and its score, the format's
//! own words in a table (check kinds, severities, a rule's status), and
//! figures with a fixed number of decimals in the locale's digits.
//!
//! `validate`, the drill's feedback, `grade --summary`, `calibrate`,
//! `report` and `show` all print these; worded here, they say a verdict or a
//! score one way.

use super::{Locale, Words, number_text};
use crate::engine::{PolicyCode, Status, Verdict};
use crate::playbook::{AmountBounds, CheckKind, Clause, Condition, FactBounds, Severity, Texts};

/// A figure with `decimals` decimals, in the locale's digits and separators:
/// "42.9", "100.0", "42,9", "12,345.0"; a score, a rate, seconds, a kappa.
pub fn fixed(w: Words, value: f64, decimals: usize) -> String {
    let plain = format!("{value:.decimals$}");
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let (sign, whole) = match whole.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", whole),
    };
    // The whole part through the locale's formatter, for its grouping; the
    // fraction is already the digits wanted.
    let whole = whole
        .parse::<f64>()
        .map_or_else(|_| whole.to_owned(), |n| w.number(n));
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{}{fraction}", decimal_separator(w.locale()))
    }
}

/// A score or a rate as the tables show it: one decimal.
pub fn score(w: Words, value: f64) -> String {
    fixed(w, value, 1)
}

/// [`score`], or "—" where there is no figure (no replies at a step).
pub fn score_or_dash(w: Words, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| score(w, v))
}

/// A count as the locale writes it: "12", "25,000", "25.000".
pub fn count<N: Into<u64>>(w: Words, n: N) -> String {
    // Counts of replies stay far below 2^53, where f64 is exact.
    #[allow(clippy::cast_precision_loss)]
    let n = n.into() as f64;
    w.number(n)
}

/// The locale's decimal separator, as its number formatter writes it.
fn decimal_separator(locale: Locale) -> char {
    number_text(locale, 0.5).chars().nth(1).unwrap_or('.')
}

/// "pass" or "fail".
pub fn verdict(w: Words, verdict: Verdict) -> String {
    match verdict {
        Verdict::Pass => w.text("report-pass"),
        Verdict::Fail => w.text("report-fail"),
    }
}

/// The last line of a judged reply: its verdict (`shown`, as the caller
/// styles it) and its score. A reply that fails although no rule that fails
/// a reply failed (`failed_on_words`) failed for what it does (a missed
/// escalation, an amount over the limit), and says so: "fail (score 100.0)"
/// would contradict itself.
pub fn verdict_line(
    w: Words,
    verdict: Verdict,
    score: f64,
    failed_on_words: bool,
    shown: &str,
) -> String {
    let args = [
        ("verdict", shown.into()),
        ("score", self::score(w, score).into()),
    ];
    if verdict == Verdict::Fail && !failed_on_words {
        w.fmt("report-verdict-policy", &args)
    } else {
        w.fmt("report-verdict-score", &args)
    }
}

/// A check kind as a table names it.
pub fn check_kind(w: Words, check: CheckKind) -> String {
    match check {
        CheckKind::Mention => w.text("report-check-mention"),
        CheckKind::Avoid => w.text("report-check-avoid"),
        CheckKind::Swap => w.text("report-check-swap"),
        CheckKind::Length => w.text("report-check-length"),
        CheckKind::Echo => w.text("report-check-echo"),
    }
}

/// What kind of policy finding: in English its code (`over-limit`, as the
/// JSON and the docs name it), in other languages a name.
pub fn policy_code(w: Words, code: PolicyCode) -> String {
    match code {
        PolicyCode::MissedEscalation => w.text("report-code-missed-escalation"),
        PolicyCode::OverLimit => w.text("report-code-over-limit"),
        PolicyCode::ForbiddenAction => w.text("report-code-forbidden-action"),
        PolicyCode::UnneededEscalation => w.text("report-code-unneeded-escalation"),
        PolicyCode::EscalationNotShown => w.text("report-code-escalation-not-shown"),
        PolicyCode::LateEscalation => w.text("report-code-late-escalation"),
    }
}

/// A severity as a table names it.
pub fn severity(w: Words, severity: Severity) -> String {
    match severity {
        Severity::Error => w.text("report-severity-error"),
        Severity::Warning => w.text("report-severity-warning"),
        Severity::Info => w.text("report-severity-info"),
    }
}

/// How a rule judged a reply: "pass", "FAIL" (a failed error, which fails
/// the reply), "fail" (a failed warning), "skipped".
pub fn status(w: Words, status: Status, severity: Severity) -> String {
    match status {
        Status::Pass => w.text("report-status-pass"),
        Status::Fail if severity == Severity::Error => w.text("report-status-fail-error"),
        Status::Fail => w.text("report-status-fail-warning"),
        Status::Skipped => w.text("report-status-skipped"),
    }
}

/// Texts in the locale's quotation marks, one after another: "“a”, “b”".
pub fn quoted_list<S: AsRef<str>>(w: Words, texts: &[S]) -> String {
    let quoted: Vec<String> = texts.iter().map(|t| w.quote(t.as_ref())).collect();
    quoted.join(&w.text("list-separator"))
}

/// A condition (`when`) as `show`'s tables say it: "the customer says
/// “hurt” or “injured” and contacts are at least 3"; "always" for none.
pub fn condition(w: Words, condition: &Condition) -> String {
    let parts: Vec<String> = condition
        .clauses
        .iter()
        .map(|c| clause(w, &c.value))
        .collect();
    if parts.is_empty() {
        w.text("report-when-always")
    } else {
        parts.join(&w.text("report-when-and"))
    }
}

fn clause(w: Words, clause: &Clause) -> String {
    let quoted = |texts: &Texts| {
        let quoted: Vec<String> = texts.iter().map(|t| w.quote(&t.value)).collect();
        quoted.join(&w.text("report-when-or"))
    };
    let bounds = |min: Option<String>, max: Option<String>| match (min, max) {
        (Some(min), Some(max)) => w.fmt(
            "report-when-between",
            &[("min", min.into()), ("max", max.into())],
        ),
        (Some(min), None) => w.fmt("report-when-at-least", &[("min", min.into())]),
        (None, Some(max)) => w.fmt("report-when-at-most", &[("max", max.into())]),
        (None, None) => w.text("report-when-any"),
    };
    match clause {
        Clause::CustomerSays(texts) => {
            w.fmt("report-when-says", &[("phrases", quoted(texts).into())])
        }
        Clause::Contacts(b) => {
            let n = |v: &Option<crate::playbook::Spanned<u32>>| {
                v.as_ref().map(|v| w.number(f64::from(v.value)))
            };
            w.fmt(
                "report-when-contacts",
                &[("bounds", bounds(n(&b.min), n(&b.max)).into())],
            )
        }
        // Durations as the playbook writes them (`15m`).
        Clause::Waiting(b) => w.fmt(
            "report-when-waiting",
            &[(
                "bounds",
                bounds(
                    b.min.as_ref().map(|d| d.value.to_string()),
                    b.max.as_ref().map(|d| d.value.to_string()),
                )
                .into(),
            )],
        ),
        Clause::CustomerMood(texts) => {
            w.fmt("report-when-mood", &[("moods", quoted(texts).into())])
        }
        Clause::CustomerTier(texts) => {
            w.fmt("report-when-tier", &[("tiers", quoted(texts).into())])
        }
        Clause::Fact { key, value } => w.fmt(
            "report-when-fact",
            &[
                ("key", key.as_str().into()),
                ("value", value.to_string().into()),
            ],
        ),
        Clause::FactOneOf { key, values } => {
            let values: Vec<String> = values.iter().map(ToString::to_string).collect();
            w.fmt(
                "report-when-fact-one-of",
                &[
                    ("key", key.as_str().into()),
                    ("values", values.join(&w.text("report-when-or")).into()),
                ],
            )
        }
        Clause::FactRange { key, bounds } => w.fmt(
            "report-when-fact-range",
            &[
                ("key", key.as_str().into()),
                ("bounds", fact_bounds(w, bounds).into()),
            ],
        ),
        Clause::Any(list) => {
            let parts: Vec<String> = list.iter().map(|c| grouped(w, c)).collect();
            w.fmt(
                "report-when-any-of",
                &[("conditions", parts.join(&w.text("report-when-or")).into())],
            )
        }
        Clause::Not(inner) => w.fmt(
            "report-when-not",
            &[("condition", grouped(w, inner).into())],
        ),
        Clause::Escalated(role) => {
            w.fmt("report-when-escalated", &[("role", role.as_str().into())])
        }
        Clause::Action(action) => {
            w.fmt("report-when-action", &[("action", action.as_str().into())])
        }
        Clause::Amount(b) => w.fmt(
            "report-when-amount",
            &[("bounds", amount_bounds(w, b).into())],
        ),
    }
}

/// A nested condition, in brackets where it has more than one entry:
/// "(the customer says “hurt” and contacts are at least 3)".
fn grouped(w: Words, inner: &Condition) -> String {
    let words = condition(w, inner);
    if inner.clauses.len() > 1 {
        w.fmt("report-when-group", &[("condition", words.into())])
    } else {
        words
    }
}

/// Bounds on a fact: "at least 1 and under 24"; "any" for none.
fn fact_bounds(w: Words, bounds: &FactBounds) -> String {
    let n = |b: &Option<crate::playbook::Spanned<f64>>| b.as_ref().map(|b| w.number(b.value));
    let parts: Vec<String> = [
        n(&bounds.min).map(|min| w.fmt("report-when-at-least", &[("min", min.into())])),
        n(&bounds.max).map(|max| w.fmt("report-when-at-most", &[("max", max.into())])),
        n(&bounds.over).map(|a| w.fmt("report-when-over", &[("amount", a.into())])),
        n(&bounds.under).map(|a| w.fmt("report-when-under", &[("amount", a.into())])),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        w.text("report-when-any")
    } else {
        parts.join(&w.text("report-when-and"))
    }
}

/// Bounds on an amount: "over 500", "at least 10 and under 50.5"; "of any
/// amount" for none.
fn amount_bounds(w: Words, bounds: &AmountBounds) -> String {
    let parts: Vec<String> = [
        ("report-when-over", &bounds.over),
        ("report-when-amount-at-least", &bounds.at_least),
        ("report-when-under", &bounds.under),
        ("report-when-amount-at-most", &bounds.at_most),
    ]
    .into_iter()
    .filter_map(|(id, b)| {
        b.as_ref()
            .map(|b| w.fmt(id, &[("amount", w.number(b.value).into())]))
    })
    .collect();
    if parts.is_empty() {
        w.text("report-when-any-amount")
    } else {
        parts.join(&w.text("report-when-and"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `when` of a one-rule playbook.
    fn when_of(when: &str) -> Condition {
        let text = format!(
            "playbook: t\ntitle: T\ncompany: C\nphilosophy: {{ statement: S. }}\n\
             roles: [{{ id: agent, title: Agent }}, {{ id: lead, title: Lead }}]\n\
             steps: [{{ id: s, title: S, goal: G. }}]\n\
             rules: [{{ id: r, check: mention, phrases: [hi], when: {when} }}]\n"
        );
        let mut pb = crate::playbook::load::parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        pb.rules.remove(0).when.expect("a when").value
    }

    #[test]
    fn nested_conditions_are_said_with_their_grouping_in_each_language() {
        let c = when_of(
            "{ any: [ { facts.hours: { min: 1, under: 24 } }, { facts.tier: [silver, gold], not: { escalated: lead } } ] }",
        );
        assert_eq!(
            condition(Words::new(Locale::En), &c),
            "either hours is at least 1 and under 24 or (tier is silver or gold and it is not so that the case is with lead or a more senior role)"
        );
        assert_eq!(
            condition(Words::new(Locale::Zh), &c),
            "满足其一：hours至少1，且低于24或（tier为silver或gold，且并非案件已交给lead或更高级别的角色）"
        );
        assert_eq!(
            condition(Words::new(Locale::De), &c),
            "mindestens eines davon: hours ist mindestens 1 und unter 24 oder (tier ist silver oder gold und Folgendes trifft nicht zu: der Fall liegt bei lead oder einer höheren Rolle)"
        );
    }

    #[test]
    fn fixed_figures_keep_their_decimals_in_the_locales_digits() {
        let en = Words::new(Locale::En);
        let de = Words::new(Locale::De);
        assert_eq!(score(en, 100.0), "100.0");
        assert_eq!(score(en, 42.94), "42.9");
        assert_eq!(score(de, 42.94), "42,9");
        assert_eq!(score(de, 100.0), "100,0");
        assert_eq!(score(Words::new(Locale::Zh), 7.25), "7.2");
        assert_eq!(fixed(en, 12_345.0, 1), "12,345.0");
        assert_eq!(fixed(de, -0.456, 2), "-0,46");
        assert_eq!(fixed(en, 3.0, 0), "3");
        assert_eq!(score_or_dash(en, None), "—");
    }

    #[test]
    fn a_reply_that_fails_on_policy_alone_does_not_show_a_contradicting_score() {
        let en = Words::new(Locale::En);
        assert_eq!(
            verdict_line(en, Verdict::Fail, 100.0, false, "fail"),
            "fail: what the reply does breaks the policy (its words score 100.0)"
        );
        assert_eq!(
            verdict_line(en, Verdict::Fail, 42.9, true, "fail"),
            "fail (score 42.9)"
        );
        assert_eq!(
            verdict_line(en, Verdict::Pass, 90.0, false, "pass"),
            "pass (score 90.0)"
        );
        assert_eq!(
            verdict_line(
                Words::new(Locale::Zh),
                Verdict::Fail,
                100.0,
                false,
                "未通过"
            ),
            "未通过：回复中的做法违反制度（措辞得分100.0）"
        );
    }

    #[test]
    fn the_formats_words_are_worded_in_each_locale() {
        let zh = Words::new(Locale::Zh);
        let de = Words::new(Locale::De);
        assert_eq!(
            status(Words::new(Locale::En), Status::Fail, Severity::Error),
            "FAIL"
        );
        for w in [zh, de] {
            for kind in [
                CheckKind::Mention,
                CheckKind::Avoid,
                CheckKind::Swap,
                CheckKind::Length,
                CheckKind::Echo,
            ] {
                assert_ne!(check_kind(w, kind), kind.as_str(), "{:?}", w.locale());
            }
        }
        assert_eq!(quoted_list(zh, &["咖啡", "毛巾"]), "「咖啡」、「毛巾」");
    }
}
