//! The words of the rendered documents (the handbook, the policy document and
//! the flashcards) that do not come from the playbook: the labels a template
//! shows (`{{labels.NAME}}`) and the sentences built around the playbook's own
//! words ("If the customer says “hurt”, the duty manager takes the case within
//! 5 minutes."). The messages are `render-*` in `locales/*/render.ftl`.
//!
//! `render` passes typed values (a limit, a duration, a count) and the
//! playbook's words; what is said, in which order and with which punctuation
//! is decided here and in the `.ftl` files, nowhere in `render`.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::{Locale, Words};
use crate::playbook::{CheckKind, Duration, Limit, Role, Scalar};

/// Every fixed word a template may show, as `{{labels.NAME}}`. Named fields,
/// not a map, so a misspelt label is a strict-mode error.
#[derive(Clone, Debug, Serialize)]
pub struct Labels {
    /// ": " in English and German, "：" in Chinese.
    pub colon: String,
    /// Between two sentences where the second is ours: ". " or "。".
    pub full_stop: String,
    /// "(" and ")", "（" and "）".
    pub lparen: String,
    pub rparen: String,
    /// Between a text and an aside after it (" (mood: calm)"): a space, or
    /// nothing in Chinese, whose full-width brackets carry their own space.
    pub gap: String,
    /// The locale's quotation marks: “ ”, 「 」, „ “.
    pub open_quote: String,
    pub close_quote: String,
    pub handbook: String,
    pub policy: String,
    pub contents: String,
    pub company: String,
    pub owner: String,
    pub review_by: String,
    pub overdue: String,
    pub pass_mark: String,
    pub generated: String,
    pub do_not_edit: String,
    pub philosophy: String,
    pub values: String,
    pub steps: String,
    pub step: String,
    pub goal: String,
    pub what_to_say: String,
    pub never_say: String,
    pub swap_table: String,
    pub instead_of: String,
    pub say_instead: String,
    pub every_step: String,
    pub every_step_intro: String,
    pub words_that_count: String,
    pub never_words: String,
    pub for_example: String,
    pub only_when: String,
    pub recommended: String,
    pub rule: String,
    pub scenarios: String,
    pub scenario: String,
    pub situation: String,
    pub you_play: String,
    pub customer: String,
    pub customer_says: String,
    pub mood: String,
    pub a_good_reply: String,
    pub replies_to_avoid: String,
    pub found: String,
    pub no_rule_catches: String,
    pub decide: String,
    pub best_choice: String,
    pub the_policy: String,
    pub next: String,
    pub quiz: String,
    pub quiz_intro: String,
    pub what_is_wrong: String,
    pub colleague_replies: String,
    pub rules_broken: String,
    pub answers: String,
    pub better: String,
    pub empowerment: String,
    pub empowerment_intro: String,
    pub role: String,
    pub action: String,
    pub no_limit: String,
    pub not_theirs: String,
    pub escalation: String,
    pub escalation_intro: String,
    pub no_escalation: String,
    pub why: String,
    pub ladder: String,
    pub ladder_intro: String,
    pub branches: String,
    pub branches_intro: String,
    pub pass: String,
    pub fail: String,
    pub start: String,
    pub end: String,
    pub over_limit: String,
    /// Before the list of who takes a case above each limit.
    pub beyond_intro: String,
    pub decision: String,
    /// The handbook's chapter on grants that depend on the case.
    pub conditional: String,
    pub conditional_intro: String,
}

impl Labels {
    /// The labels of a locale.
    pub fn of(w: Words) -> Labels {
        let (open_quote, close_quote) = quote_marks(w);
        Labels {
            colon: w.colon(),
            full_stop: w.text("render-sentence-gap"),
            lparen: w.text("render-lparen"),
            rparen: w.text("render-rparen"),
            gap: w.text("render-gap"),
            open_quote,
            close_quote,
            handbook: w.text("render-handbook"),
            policy: w.text("render-policy"),
            contents: w.text("render-contents"),
            company: w.text("render-company"),
            owner: w.text("render-owner"),
            review_by: w.text("render-review-by"),
            overdue: w.text("render-overdue"),
            pass_mark: w.text("render-pass-mark"),
            generated: w.text("render-generated"),
            do_not_edit: w.text("render-do-not-edit"),
            philosophy: w.text("render-philosophy"),
            values: w.text("render-values"),
            steps: w.text("render-steps"),
            step: w.text("render-step"),
            goal: w.text("render-goal"),
            what_to_say: w.text("render-what-to-say"),
            never_say: w.text("render-never-say"),
            swap_table: w.text("render-swap-table"),
            instead_of: w.text("render-instead-of"),
            say_instead: w.text("render-say-instead"),
            every_step: w.text("render-every-step"),
            every_step_intro: w.text("render-every-step-intro"),
            words_that_count: w.text("render-words-that-count"),
            never_words: w.text("render-never-words"),
            for_example: w.text("render-for-example"),
            only_when: w.text("render-only-when"),
            recommended: w.text("render-recommended"),
            rule: w.text("render-rule"),
            scenarios: w.text("render-scenarios"),
            scenario: w.text("render-scenario"),
            situation: w.text("render-situation"),
            you_play: w.text("render-you-play"),
            customer: w.text("render-customer"),
            customer_says: w.text("render-customer-says"),
            mood: w.text("render-mood"),
            a_good_reply: w.text("render-a-good-reply"),
            replies_to_avoid: w.text("render-replies-to-avoid"),
            found: w.text("render-found"),
            no_rule_catches: w.text("render-no-rule-catches"),
            decide: w.text("render-decide"),
            best_choice: w.text("render-best-choice"),
            the_policy: w.text("render-the-policy"),
            next: w.text("render-next"),
            quiz: w.text("render-quiz"),
            quiz_intro: w.text("render-quiz-intro"),
            what_is_wrong: w.text("render-what-is-wrong"),
            colleague_replies: w.text("render-colleague-replies"),
            rules_broken: w.text("render-rules-broken"),
            answers: w.text("render-answers"),
            better: w.text("render-better"),
            empowerment: w.text("render-empowerment"),
            empowerment_intro: w.text("render-empowerment-intro"),
            role: w.text("render-role"),
            action: w.text("render-action"),
            no_limit: w.text("render-no-limit"),
            not_theirs: w.text("render-not-theirs"),
            escalation: w.text("render-escalation"),
            escalation_intro: w.text("render-escalation-intro"),
            no_escalation: w.text("render-no-escalation"),
            why: w.text("render-why"),
            ladder: w.text("render-ladder"),
            ladder_intro: w.text("render-ladder-intro"),
            branches: w.text("render-branches"),
            branches_intro: w.text("render-branches-intro"),
            pass: w.text("render-pass"),
            fail: w.text("render-fail"),
            start: w.text("render-start"),
            end: w.text("render-end"),
            over_limit: w.text("render-over-limit"),
            beyond_intro: w.text("render-beyond-intro"),
            decision: w.text("render-decision"),
            conditional: w.text("render-conditional"),
            conditional_intro: w.text("render-conditional-intro"),
        }
    }
}

/// The opening and closing quotation marks of the locale, taken from its
/// `punct-quoted` message (so the marks are written down once per locale).
pub fn quote_marks(w: Words) -> (String, String) {
    // A private-use character cannot occur in the message itself.
    const MARK: char = '\u{E000}';
    let quoted = w.quote(&MARK.to_string());
    match quoted.split_once(MARK) {
        Some((open, close)) => (open.to_owned(), close.to_owned()),
        None => (String::new(), String::new()),
    }
}

fn num<'a>(n: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    n.into()
}

/// How a sentence names a role: "the duty manager" in English; the title as
/// the playbook writes it in Chinese and German (German would need the
/// title's gender for an article, so its sentences are written to need none).
pub fn role_name(w: Words, role: &Role) -> String {
    match w.locale() {
        Locale::En => crate::words::policy::the(role),
        Locale::Zh | Locale::De => role.title.trim().to_owned(),
    }
}

/// Items joined with the locale's list separator ("a, b"; "a、b"): phrases
/// found in a reply, the steps a rule applies at.
pub fn list<S: AsRef<str>>(w: Words, items: &[S]) -> String {
    let separator = w.text("list-separator");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// Texts quoted and given as alternatives: "“a”, “b” or “c”"; "「甲」或「乙」".
pub fn one_of<S: AsRef<str>>(w: Words, texts: &[S]) -> String {
    let quoted: Vec<String> = texts.iter().map(|t| w.quote(t.as_ref())).collect();
    w.any_of(&quoted)
}

/// "Step 2: Listen and understand"; "步骤2：首问负责".
pub fn step_heading(w: Words, number: usize, title: &str) -> String {
    w.fmt(
        "render-step-heading",
        &[("number", num(number)), ("title", title.into())],
    )
}

/// "Scenario 1: The wind took the coffee".
pub fn scenario_heading(w: Words, number: usize, title: &str) -> String {
    w.fmt(
        "render-scenario-heading",
        &[("number", num(number)), ("title", title.into())],
    )
}

/// A pass mark: "80%", "80 %".
pub fn percent(w: Words, value: f64) -> String {
    w.fmt("render-percent", &[("value", w.number(value).into())])
}

/// A beat of a scenario by its number: "turn 3", "第3轮".
pub fn turn(w: Words, number: usize) -> String {
    w.fmt("render-turn", &[("number", num(number))])
}

/// Where a beat leads when it branches: "turn 3 if this turn goes well, turn 2 if not".
pub fn next_branch(w: Words, pass: &str, fail: &str) -> String {
    w.fmt(
        "render-next-branch",
        &[("pass", pass.into()), ("fail", fail.into())],
    )
}

/// The short answer to "What is wrong with this reply?": "3 rules broken".
pub fn rules_broken(w: Words, count: usize) -> String {
    w.fmt("render-rules-broken-count", &[("count", num(count))])
}

/// A column of the empowerment matrix: "Refund part of the bill (USD)".
pub fn matrix_column(w: Words, action: &str, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) => w.fmt(
            "render-matrix-column",
            &[("action", action.into()), ("unit", unit.into())],
        ),
        None => action.to_owned(),
    }
}

/// What sends a case up the ladder, with the time the role has: "… (5 minutes)".
pub fn ladder_reason(w: Words, reason: &str, within: Option<Duration>) -> String {
    match within {
        Some(d) => w.fmt(
            "render-ladder-reason",
            &[("reason", reason.into()), ("within", w.duration(d).into())],
        ),
        None => reason.to_owned(),
    }
}

/// Who the trainee serves: "Claire (embarrassed, standard)".
pub fn customer(w: Words, name: Option<&str>, details: &[&str]) -> String {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    let details: Vec<&str> = details
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect();
    match (name, details.is_empty()) {
        (Some(n), true) => n.to_owned(),
        (Some(n), false) => w.fmt(
            "render-customer-details",
            &[("name", n.into()), ("details", list(w, &details).into())],
        ),
        (None, false) => list(w, &details),
        (None, true) => w.text("render-not-theirs"),
    }
}

/// "overdue: due on 2027-11-01, 12 days ago".
pub fn overdue(w: Words, date: &str, days: i64) -> String {
    w.fmt(
        "render-overdue-note",
        &[("date", date.into()), ("days", num(days))],
    )
}

/// A placeholder of a phrase in words: `customer.name` → "(the customer's name)".
pub fn placeholder(w: Words, key: &str) -> String {
    match key {
        "customer.name" => w.text("render-placeholder-name"),
        "customer.mood" => w.text("render-placeholder-mood"),
        "customer.tier" => w.text("render-placeholder-tier"),
        other => w.fmt(
            "render-placeholder-fact",
            &[("key", other.strip_prefix("facts.").unwrap_or(other).into())],
        ),
    }
}

/// A cell of the empowerment matrix: "up to 50 USD", "no limit", "—".
pub fn limit(w: Words, limit: Option<Limit>, unit: Option<&str>) -> String {
    match limit {
        None => w.text("render-not-theirs"),
        Some(Limit::Unlimited) => w.text("render-no-limit"),
        Some(Limit::Amount(a)) => w.fmt(
            "render-limit-up-to",
            &[("amount", w.amount(a, unit).into())],
        ),
    }
}

/// A role's limit for an action, for drawings: "Replace an item: up to 50 USD".
pub fn action_limit(w: Words, action: &str, limit: Limit, unit: Option<&str>) -> String {
    w.labelled(action, &self::limit(w, Some(limit), unit))
}

/// A grant's limit in a cell: "up to 50 USD", "up to 50 USD × passengers"
/// (`per`: the fact, without `facts.`), "no limit".
pub fn grant_limit(w: Words, limit: Limit, unit: Option<&str>, per: Option<&str>) -> String {
    let text = self::limit(w, Some(limit), unit);
    match (limit, per) {
        (Limit::Amount(_), Some(per)) => w.fmt(
            "render-grant-per",
            &[("limit", text.into()), ("per", per.into())],
        ),
        _ => text,
    }
}

/// A grant tried after others, in first-holding-wins order: "otherwise up
/// to 10 USD".
pub fn otherwise(w: Words, grant: &str) -> String {
    w.fmt("render-grant-otherwise", &[("grant", grant.into())])
}

/// A footnote of the empowerment matrix, after its mark: "when “status”
/// is “delayed” and …".
pub fn grant_note(w: Words, condition: &str) -> String {
    w.fmt("render-grant-note", &[("condition", condition.into())])
}

/// A footnote in full: "¹ when …" (the mark comes from `render`).
pub fn footnote(w: Words, mark: &str, note: &str) -> String {
    w.fmt(
        "render-footnote",
        &[("mark", mark.into()), ("note", note.into())],
    )
}

/// A grant of the handbook's list, in words: "up to 50 USD × passengers,
/// when “status” is “delayed”".
pub fn grant_when(w: Words, limit: &str, condition: &str) -> String {
    w.fmt(
        "render-grant-when",
        &[("limit", limit.into()), ("condition", condition.into())],
    )
}

/// What happens when none of a role's grants holds.
pub fn no_grant_holds(w: Words) -> String {
    w.text("render-grant-none-holds")
}

/// The heading of one role's grants of one action in the handbook:
/// "Agent · Travel certificate (USD)".
pub fn grants_heading(w: Words, role: &str, action: &str) -> String {
    w.fmt(
        "render-grants-heading",
        &[("role", role.into()), ("action", action.into())],
    )
}

/// The amount above which no role may grant an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Ceiling {
    /// Some role may grant any amount.
    None,
    /// No role may grant it at all.
    Nobody,
    /// Above this amount (with its unit), no role may grant it.
    Over(String),
}

/// Who takes an action above a role's limit, band by band: "Refund part of
/// the bill: over 100 USD, to the duty manager (up to 500 USD), then the
/// general manager (no limit)." `own` is the role's own limit with its unit
/// (`None`: not theirs to grant); `above` the roles above with their limits,
/// lowest first.
pub fn beyond_limit(
    w: Words,
    action: &str,
    own: Option<&str>,
    above: &[(String, String)],
    ceiling: &Ceiling,
) -> String {
    let mut text = match own {
        Some(own) => w.fmt(
            "render-beyond-own",
            &[("action", action.into()), ("own", own.into())],
        ),
        None => w.fmt("render-beyond-not-theirs", &[("action", action.into())]),
    };
    if !above.is_empty() {
        let bands: Vec<String> = above
            .iter()
            .map(|(role, limit)| {
                w.fmt(
                    "render-beyond-band",
                    &[
                        ("role", role.as_str().into()),
                        ("limit", limit.as_str().into()),
                    ],
                )
            })
            .collect();
        let chain = bands.join(&w.text("render-beyond-then"));
        text.push_str(&w.fmt("render-beyond-to", &[("chain", chain.into())]));
    }
    match ceiling {
        Ceiling::Nobody => text.push_str(&w.text("render-beyond-nobody")),
        // The role's own limit is the top one: "over 500 USD; no role may
        // grant it", not the amount twice.
        Ceiling::Over(_) if above.is_empty() && own.is_some() => {
            text.push_str(&w.text("render-beyond-nobody"));
        }
        Ceiling::Over(top) if !above.is_empty() || own.is_some() => {
            text.push_str(&w.fmt("render-beyond-over-top", &[("top", top.as_str().into())]));
        }
        _ => {}
    }
    text.push_str(&w.text("punct-full-stop"));
    text
}

/// `{min, max}` in words: "between 2 and 4", "at least 3", "at most 5".
pub fn bounds(w: Words, min: Option<String>, max: Option<String>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => w.fmt(
            "render-between",
            &[("min", min.into()), ("max", max.into())],
        ),
        (Some(min), None) => w.fmt("render-at-least", &[("min", min.into())]),
        (None, Some(max)) => w.fmt("render-at-most", &[("max", max.into())]),
        (None, None) => String::new(),
    }
}

/// One bound on an amount.
#[derive(Clone, Copy, Debug)]
pub enum AmountWord {
    Over,
    AtLeast,
    Under,
    AtMost,
}

/// One bound on an amount in words: "over 500 USD"; "超过500 CNY".
pub fn amount_bound(w: Words, which: AmountWord, amount: &str) -> String {
    let id = match which {
        AmountWord::Over => "render-amount-over",
        AmountWord::AtLeast => "render-amount-at-least",
        AmountWord::Under => "render-amount-under",
        AmountWord::AtMost => "render-amount-at-most",
    };
    w.fmt(id, &[("amount", amount.into())])
}

/// One clause of a condition, with the playbook's words ready.
pub enum ClauseWords {
    /// The phrases, quoted and joined.
    Says(String),
    Contacts {
        min: Option<u32>,
        max: Option<u32>,
    },
    Waiting {
        min: Option<Duration>,
        max: Option<Duration>,
    },
    Mood(String),
    Tier(String),
    Fact {
        key: String,
        value: String,
    },
    Action {
        title: String,
        amount: Option<String>,
    },
    Amount(String),
    /// `facts.KEY: [a, b]`: the values, said and joined with "or".
    FactOneOf {
        key: String,
        values: String,
    },
    /// `facts.KEY: {min, max, over, under}`: the bounds, said.
    FactRange {
        key: String,
        bounds: String,
    },
    /// `any`: each alternative, said (see [`group`]).
    Any(Vec<String>),
    /// `not`: the condition that does not hold, said (see [`group`]).
    Not(String),
    /// `escalated`: the role as a sentence names it.
    Escalated(String),
}

/// A nested condition in brackets when it has more than one clause, so that
/// "and" and "or" read as meant.
pub fn group(w: Words, words: String, clauses: usize) -> String {
    if clauses > 1 {
        w.fmt("render-when-group", &[("condition", words.into())])
    } else {
        words
    }
}

/// A fact's bounds: "at least 3 and under 24".
pub fn fact_bounds(w: Words, bounds: &crate::playbook::FactBounds) -> String {
    let n = |b: &Option<crate::playbook::Spanned<f64>>| b.as_ref().map(|b| w.number(b.value));
    let range = match (n(&bounds.min), n(&bounds.max)) {
        (None, None) => None,
        (min, max) => Some(self::bounds(w, min, max)),
    };
    let parts: Vec<String> = [
        range,
        n(&bounds.over).map(|a| amount_bound(w, AmountWord::Over, &a)),
        n(&bounds.under).map(|a| amount_bound(w, AmountWord::Under, &a)),
    ]
    .into_iter()
    .flatten()
    .collect();
    clauses(w, &parts)
}

/// A clause of a condition, as it follows "If" or "Only when".
pub fn clause(w: Words, words: ClauseWords) -> String {
    match words {
        ClauseWords::Says(phrases) => w.fmt("render-when-says", &[("phrases", phrases.into())]),
        ClauseWords::Contacts { min, max } => match (min, max) {
            (Some(min), Some(max)) => w.fmt(
                "render-when-contacts-between",
                &[("min", num(min)), ("max", num(max))],
            ),
            (Some(min), None) => w.fmt("render-when-contacts-at-least", &[("min", num(min))]),
            (None, Some(max)) => w.fmt("render-when-contacts-at-most", &[("max", num(max))]),
            (None, None) => String::new(),
        },
        ClauseWords::Waiting { min, max } => w.fmt(
            "render-when-waiting",
            &[(
                "bounds",
                bounds(w, min.map(|d| w.duration(d)), max.map(|d| w.duration(d))).into(),
            )],
        ),
        ClauseWords::Mood(moods) => w.fmt("render-when-mood", &[("moods", moods.into())]),
        ClauseWords::Tier(tiers) => w.fmt("render-when-tier", &[("tiers", tiers.into())]),
        ClauseWords::Fact { key, value } => w.fmt(
            "render-when-fact",
            &[("key", w.quote(&key).into()), ("value", value.into())],
        ),
        ClauseWords::Action { title, amount } => match amount {
            Some(amount) => w.fmt(
                "render-when-action-amount",
                &[
                    ("action", w.quote(&title).into()),
                    ("amount", amount.into()),
                ],
            ),
            None => w.fmt("render-when-action", &[("action", w.quote(&title).into())]),
        },
        ClauseWords::Amount(amount) => w.fmt("render-when-amount", &[("amount", amount.into())]),
        ClauseWords::FactOneOf { key, values } => w.fmt(
            "render-when-fact-one-of",
            &[("key", w.quote(&key).into()), ("values", values.into())],
        ),
        ClauseWords::FactRange { key, bounds } => w.fmt(
            "render-when-fact-range",
            &[("key", w.quote(&key).into()), ("bounds", bounds.into())],
        ),
        ClauseWords::Any(alternatives) => w.fmt(
            "render-when-any-of",
            &[("conditions", w.any_of(&alternatives).into())],
        ),
        ClauseWords::Not(condition) => w.fmt("render-when-not", &[("condition", condition.into())]),
        ClauseWords::Escalated(role) => w.fmt("render-when-escalated", &[("role", role.into())]),
    }
}

/// The clauses of a condition joined: "a and b"; "a，且b".
pub fn clauses<S: AsRef<str>>(w: Words, parts: &[S]) -> String {
    let and = w.text("render-clause-and");
    parts
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(&and)
}

/// A fact's value as a reader says it: "yes", "是", a text in quotes.
pub fn scalar(w: Words, value: &Scalar) -> String {
    match value {
        Scalar::Bool(b) => w.yes_no(*b),
        Scalar::Text(t) => w.quote(t),
        Scalar::Float(f) => w.number(*f),
        Scalar::Int(i) => i.to_string(),
    }
}

/// A duration split into its largest whole unit, as [`Words::duration`] does.
fn unit_of(d: Duration) -> (u64, &'static str) {
    let s = d.seconds;
    if s == 0 {
        (0, "seconds")
    } else if s.is_multiple_of(86_400) {
        (s / 86_400, "days")
    } else if s.is_multiple_of(3_600) {
        (s / 3_600, "hours")
    } else if s.is_multiple_of(60) {
        (s / 60, "minutes")
    } else {
        (s, "seconds")
    }
}

/// A time as it follows "within": "5 minutes"; German's dative "2 Tagen".
pub fn within(w: Words, d: Duration) -> String {
    let (count, unit) = unit_of(d);
    w.fmt(
        "render-within-duration",
        &[("count", num(count)), ("unit", unit.into())],
    )
}

/// "If the customer says “hurt”, the duty manager takes the case within 5 minutes."
pub fn escalation(w: Words, condition: &str, to: &str, within: Option<Duration>) -> String {
    match within {
        Some(d) => w.fmt(
            "render-escalation-within",
            &[
                ("condition", condition.into()),
                ("to", to.into()),
                ("within", self::within(w, d).into()),
            ],
        ),
        None => w.fmt(
            "render-escalation-to",
            &[("condition", condition.into()), ("to", to.into())],
        ),
    }
}

/// What a decision's choice does: "Replace an item: 6 USD", "hands the case to the duty manager".
pub fn choice_does(w: Words, action: Option<(&str, &str)>, escalate: Option<&str>) -> String {
    match (action, escalate) {
        (Some((title, amount)), _) => w.labelled(title, amount),
        (None, Some(to)) => w.fmt("render-choice-escalates", &[("to", to.into())]),
        (None, None) => String::new(),
    }
}

/// A `length` rule's bounds: "Use between 5 and 55 words."; "用5到55个字。".
pub fn length_rule(w: Words, min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => w.fmt(
            "render-length-between",
            &[("min", num(min)), ("max", num(max))],
        ),
        (Some(min), None) => w.fmt("render-length-at-least", &[("min", num(min))]),
        (None, Some(max)) => w.fmt("render-length-at-most", &[("max", num(max))]),
        (None, None) => String::new(),
    }
}

/// How long a reply was, against a `length` rule: "78 words; at most 55".
pub fn word_count(w: Words, count: usize, min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => w.fmt(
            "render-count-between",
            &[("count", num(count)), ("min", num(min)), ("max", num(max))],
        ),
        (Some(min), None) => w.fmt(
            "render-count-at-least",
            &[("count", num(count)), ("min", num(min))],
        ),
        (None, Some(max)) => w.fmt(
            "render-count-at-most",
            &[("count", num(count)), ("max", num(max))],
        ),
        (None, None) => String::new(),
    }
}

/// An `echo` rule: "Name at least 1 of the key facts the customer mentions (one is enough)."
pub fn echo(w: Words, min: u32) -> String {
    w.fmt("render-echo", &[("min", num(min))])
}

/// What a `mention` rule without a message of its own asks, with its phrases listed.
pub fn default_mention(w: Words, phrases: &str) -> String {
    w.fmt("render-default-mention", &[("phrases", phrases.into())])
}

/// What an `avoid` rule without a message of its own asks.
pub fn default_avoid(w: Words, phrases: &str) -> String {
    w.fmt("render-default-avoid", &[("phrases", phrases.into())])
}

/// What a `swap` rule without a message of its own asks, with its pairs.
pub fn default_swap(w: Words, pairs: &str) -> String {
    w.fmt("render-default-swap", &[("pairs", pairs.into())])
}

/// The front of a rule's flashcard: where it applies, what it says, and a
/// question whose answer (the phrases, the bounds) is on the back.
pub fn card_rule(w: Words, at: &str, message: &str, kind: CheckKind) -> String {
    w.fmt(
        "render-card-rule",
        &[
            ("at", at.into()),
            ("message", message.into()),
            ("kind", kind.as_str().into()),
        ],
    )
}

/// The front of a step's flashcard: "Step 1, “Warm welcome”: what is the goal?"
pub fn card_step(w: Words, number: usize, title: &str) -> String {
    w.fmt(
        "render-card-step",
        &[("number", num(number)), ("title", w.quote(title).into())],
    )
}

/// The front of a wrong reply's flashcard.
pub fn card_wrong(w: Words, customer: &str, reply: &str) -> String {
    w.fmt(
        "render-card-wrong",
        &[
            ("customer", w.quote(customer).into()),
            ("reply", w.quote(reply).into()),
        ],
    )
}

/// "The customer says: “…”"
pub fn customer_said(w: Words, customer: &str) -> String {
    w.fmt(
        "render-customer-said",
        &[("customer", w.quote(customer).into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> [Words; 3] {
        Locale::ALL.map(Words::new)
    }

    #[test]
    fn every_label_has_words_in_every_locale() {
        for w in all() {
            let labels = serde_json::to_value(Labels::of(w)).unwrap();
            for (name, value) in labels.as_object().unwrap() {
                let text = value.as_str().unwrap();
                // Only the gap before an aside is empty, in Chinese.
                assert!(
                    !text.is_empty() || (name == "gap" && w.locale() == Locale::Zh),
                    "{name} is empty in {}",
                    w.locale().tag()
                );
                assert!(!text.contains("render-"), "{name}: {text}");
            }
        }
    }

    #[test]
    fn quotation_marks_come_from_the_locale() {
        assert_eq!(
            quote_marks(Words::new(Locale::En)),
            ("“".into(), "”".into())
        );
        assert_eq!(
            quote_marks(Words::new(Locale::Zh)),
            ("「".into(), "」".into())
        );
        assert_eq!(
            quote_marks(Words::new(Locale::De)),
            ("„".into(), "“".into())
        );
    }

    #[test]
    fn counts_take_the_plural_of_their_language() {
        let [en, zh, de] = all();
        assert_eq!(length_rule(en, None, Some(1)), "Use at most 1 word.");
        assert_eq!(
            length_rule(en, Some(5), Some(55)),
            "Use between 5 and 55 words."
        );
        assert_eq!(
            length_rule(de, None, Some(1)),
            "Verwenden Sie höchstens 1 Wort."
        );
        assert_eq!(length_rule(zh, Some(5), None), "至少用5个字。");
        assert_eq!(word_count(en, 1, Some(5), None), "1 word; at least 5");
        assert_eq!(
            word_count(de, 78, None, Some(55)),
            "78 Wörter; erlaubt sind höchstens 55"
        );
        assert_eq!(
            overdue(en, "2027-11-01", 1),
            "overdue: due on 2027-11-01, 1 day ago"
        );
        assert_eq!(
            overdue(de, "2027-11-01", 12),
            "überfällig: fällig am 2027-11-01, seit 12 Tagen"
        );
        assert_eq!(rules_broken(en, 1), "One rule broken");
        assert_eq!(rules_broken(zh, 3), "违反了3条规则");
        assert_eq!(
            clause(
                en,
                ClauseWords::Contacts {
                    min: Some(1),
                    max: None
                }
            ),
            "the customer has been in touch at least 1 time about the same issue"
        );
    }

    #[test]
    fn a_time_after_within_takes_german_dative() {
        let [en, zh, de] = all();
        let days = Duration::from_secs(2 * 86_400);
        assert_eq!(within(en, days), "2 days");
        assert_eq!(within(de, days), "2 Tagen");
        assert_eq!(within(de, Duration::from_secs(3_600)), "einer Stunde");
        assert_eq!(within(zh, Duration::from_secs(300)), "5分钟");
        assert_eq!(
            escalation(de, "der Kunde „Blut“ sagt", "Schichtleitung", Some(days)),
            "Wenn der Kunde „Blut“ sagt: Schichtleitung übernimmt den Fall innerhalb von 2 Tagen."
        );
    }

    #[test]
    fn limits_and_bands_read_as_sentences() {
        let [en, zh, de] = all();
        assert_eq!(
            limit(en, Some(Limit::Amount(50.0)), Some("USD")),
            "up to 50 USD"
        );
        assert_eq!(
            limit(de, Some(Limit::Amount(12.5)), Some("EUR")),
            "bis 12,5 EUR"
        );
        assert_eq!(limit(zh, Some(Limit::Unlimited), None), "不限");
        let above = [("the duty manager".to_owned(), "up to 500 USD".to_owned())];
        assert_eq!(
            beyond_limit(
                en,
                "Refund",
                Some("100 USD"),
                &above,
                &Ceiling::Over("500 USD".into())
            ),
            "Refund: over 100 USD, to the duty manager (up to 500 USD); over 500 USD, no role may grant it."
        );
        assert_eq!(
            beyond_limit(
                en,
                "Refund",
                Some("500 USD"),
                &[],
                &Ceiling::Over("500 USD".into())
            ),
            "Refund: over 500 USD; no role may grant it."
        );
        assert_eq!(
            beyond_limit(zh, "退款", None, &[], &Ceiling::Nobody),
            "退款：不在其权限内；任何岗位都不能批准。"
        );
    }

    #[test]
    fn lists_of_phrases_are_quoted_in_the_locales_marks() {
        let [en, zh, de] = all();
        assert_eq!(one_of(en, &["a", "b", "c"]), "“a”, “b” or “c”");
        assert_eq!(one_of(zh, &["甲", "乙"]), "「甲」或「乙」");
        assert_eq!(one_of(de, &["Blut"]), "„Blut“");
        assert_eq!(
            customer(zh, Some("王女士"), &["着急", "金卡"]),
            "王女士（着急、金卡）"
        );
    }
}
