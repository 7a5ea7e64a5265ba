//! `ethos show [PLAYBOOK]`: a playbook as tables, for reading it through,
//! in the words of the playbook's language.

use std::fmt::Write;

use crate::playbook::{Beat, Grants, Limit, Next, Playbook, Scenario, Spanned};
use crate::report::tables::table;
use crate::words::Words;
use crate::words::report::{check_kind, severity};

/// Every table of `ethos show`, at a width (`None`: the terminal's), in the
/// words of the playbook's language.
pub fn render(pb: &Playbook, width: Option<u16>) -> String {
    let w = Words::of(pb);
    let mut out = String::new();
    let title = w.fmt(
        "report-show-title",
        &[
            ("title", pb.title.as_str().into()),
            ("company", pb.company.as_str().into()),
            ("language", pb.language().into()),
        ],
    );
    let _ = writeln!(out, "{title}");
    let mut about = Vec::new();
    if let Some(owner) = &pb.owner {
        about.push(w.fmt("report-show-owner", &[("owner", owner.as_str().into())]));
    }
    if let Some(review) = &pb.review_by {
        let date = review.value.to_string();
        about.push(w.fmt("report-show-review-by", &[("date", date.into())]));
    }
    about.push(w.fmt(
        "report-show-pass-mark",
        &[("mark", w.number(pb.pass_mark()).into())],
    ));
    let _ = writeln!(out, "{}\n", about.join(" · "));
    let _ = writeln!(out, "{}\n", pb.philosophy.statement.trim());
    for value in &pb.philosophy.values {
        let _ = writeln!(out, "  {}", w.labelled(&value.id, value.text.trim()));
    }
    let list = |items: Vec<&str>| items.join(&w.text("list-separator"));

    let header = [
        w.text("report-col-number"),
        w.text("report-col-step"),
        w.text("report-col-title"),
        w.text("report-col-goal"),
        w.text("report-col-values"),
    ];
    let mut steps = table(&header, width);
    for (i, step) in pb.steps.iter().enumerate() {
        steps.add_row(vec![
            (i + 1).to_string(),
            step.id.value.clone(),
            step.title.value.clone(),
            step.goal.trim().to_owned(),
            list(step.values.iter().map(Spanned::as_str).collect()),
        ]);
    }
    let _ = write!(out, "\n{}\n{steps}\n", w.text("report-show-steps"));

    let header = [
        w.text("report-col-rule"),
        w.text("report-col-check"),
        w.text("report-col-at"),
        w.text("report-col-when"),
        w.text("report-col-severity"),
        w.text("report-col-says"),
    ];
    let mut rules = table(&header, width);
    for rule in &pb.rules {
        let at = rule.at.as_ref().map_or_else(
            || w.text("report-show-every-step"),
            |at| list(at.iter().map(Spanned::as_str).collect()),
        );
        let when = rule
            .when
            .as_ref()
            .map_or_else(String::new, |when| crate::words::report::condition(w, when));
        let says = rule
            .message
            .as_ref()
            .map_or_else(String::new, |m| m.trim().to_owned());
        rules.add_row(vec![
            rule.id.value.clone(),
            check_kind(w, *rule.check),
            at,
            when,
            severity(w, rule.severity()),
            says,
        ]);
    }
    let _ = write!(out, "\n{}\n{rules}\n", w.text("report-show-rules"));

    let mut header: Vec<String> = vec![w.text("report-col-role")];
    header.extend(pb.actions.iter().map(|a| match &a.unit {
        Some(unit) => w.fmt(
            "report-show-action-unit",
            &[
                ("action", a.id.as_str().into()),
                ("unit", unit.as_str().into()),
            ],
        ),
        None => a.id.value.clone(),
    }));
    let mut matrix = table(&header, width);
    let mut notes: Vec<String> = Vec::new();
    for role in pb.roles.iter() {
        let mut row = vec![w.fmt(
            "report-show-role",
            &[
                ("role", role.id.as_str().into()),
                ("title", role.title.as_str().into()),
            ],
        )];
        row.extend(
            pb.actions
                .iter()
                .map(|a| cell(role.grants(&a.id), w, &mut notes)),
        );
        matrix.add_row(row);
    }
    let _ = write!(out, "\n{}\n{matrix}\n", w.text("report-show-matrix"));
    for (i, condition) in notes.iter().enumerate() {
        let note = w.fmt(
            "report-show-grant-note",
            &[
                ("mark", mark(i + 1).into()),
                ("condition", condition.as_str().into()),
            ],
        );
        let _ = writeln!(out, "{note}");
    }

    if !pb.escalation.is_empty() {
        let header = [
            w.text("report-col-rule"),
            w.text("report-col-when"),
            w.text("report-col-goes-to"),
            w.text("report-col-within"),
            w.text("report-col-why"),
        ];
        let mut escalation = table(&header, width);
        for e in &pb.escalation {
            escalation.add_row(vec![
                e.id.value.clone(),
                crate::words::report::condition(w, &e.when),
                e.to.value.clone(),
                e.within
                    .as_ref()
                    .map(|within| w.duration(within.value))
                    .unwrap_or_default(),
                e.why
                    .as_ref()
                    .map(|why| why.trim().to_owned())
                    .unwrap_or_default(),
            ]);
        }
        let _ = write!(
            out,
            "\n{}\n{escalation}\n",
            w.text("report-show-escalation")
        );
    }

    for scenario in &pb.scenarios {
        let _ = write!(out, "\n{}", scenario_table(pb, scenario, w, width));
    }
    out
}

/// A cell of the matrix: a plain limit as in version 1 ("up to 50"); grants
/// that depend on the case one a line, in the order they are tried, each
/// condition a footnote mark (`notes`: the conditions, in words, by mark).
fn cell(grants: Option<&Grants>, w: Words, notes: &mut Vec<String>) -> String {
    let Some(grants) = grants else {
        return "—".to_owned();
    };
    let mut lines: Vec<String> = grants
        .list
        .iter()
        .enumerate()
        .map(|(i, grant)| {
            let mut line = match grant.up_to.value {
                Limit::Unlimited => w.text("report-show-no-limit"),
                Limit::Amount(limit) => {
                    w.fmt("report-show-up-to", &[("limit", w.number(limit).into())])
                }
            };
            if let (Limit::Amount(_), Some(per)) = (grant.up_to.value, &grant.per) {
                line = w.fmt(
                    "report-show-grant-per",
                    &[("limit", line.into()), ("per", per.as_str().into())],
                );
            }
            if i > 0 {
                line = w.fmt("report-show-otherwise", &[("grant", line.into())]);
            }
            if let Some(when) = &grant.when {
                let condition = crate::words::report::condition(w, when);
                let number = if let Some(at) = notes.iter().position(|n| *n == condition) {
                    at + 1
                } else {
                    notes.push(condition);
                    notes.len()
                };
                line = format!("{line} {}", mark(number));
            }
            line
        })
        .collect();
    if grants.list.last().is_some_and(|g| !g.always_holds()) {
        lines.push(w.fmt("report-show-otherwise", &[("grant", "—".into())]));
    }
    lines.join("\n")
}

/// A footnote mark: ¹, ², … ¹⁰.
fn mark(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

fn scenario_table(pb: &Playbook, scenario: &Scenario, w: Words, width: Option<u16>) -> String {
    let role = scenario
        .role
        .as_ref()
        .map(|r| r.value.clone())
        .or_else(|| pb.roles.first().map(|r| r.id.value.clone()))
        .unwrap_or_default();
    let customer: Vec<&str> = [
        &scenario.customer.name,
        &scenario.customer.mood,
        &scenario.customer.tier,
    ]
    .into_iter()
    .flatten()
    .map(Spanned::as_str)
    .collect();
    let header = [
        w.text("report-col-beat"),
        w.text("report-col-step"),
        w.text("report-col-customer-says"),
        w.text("report-col-trainee-does"),
        w.text("report-col-next"),
    ];
    let mut t = table(&header, width);
    for beat in scenario.beats.iter() {
        t.add_row(vec![
            beat.id.value.clone(),
            beat.step.value.clone(),
            beat.customer.trim().to_owned(),
            turn(beat, w),
            next(beat, w),
        ]);
    }
    let customer = if customer.is_empty() {
        "—".to_owned()
    } else {
        customer.join(&w.text("list-separator"))
    };
    let heading = w.fmt(
        "report-show-scenario",
        &[
            ("id", scenario.id.as_str().into()),
            ("title", scenario.title.as_str().into()),
            ("role", role.into()),
            ("customer", customer.into()),
        ],
    );
    format!("{heading}\n{}\n{t}\n", scenario.situation.trim())
}

/// What the trainee does at a beat: a free reply (with how many wrong ones to
/// spot), or a decision and its best choice.
fn turn(beat: &Beat, w: Words) -> String {
    match &beat.decide {
        Some(decision) => {
            let best_choice = decision
                .choices
                .iter()
                .find(|c| c.is_best())
                .map_or("—", |c| c.say.as_str());
            w.fmt(
                "report-show-decides",
                &[
                    ("choices", decision.choices.len().into()),
                    ("best", best_choice.into()),
                ],
            )
        }
        None => w.fmt("report-show-replies", &[("wrong", beat.wrong.len().into())]),
    }
}

fn next(beat: &Beat, w: Words) -> String {
    match beat.next.as_ref().map(|n| &n.value) {
        None => w.text("report-show-the-end"),
        Some(Next::Always(id)) => id.value.clone(),
        Some(Next::Branch { pass, fail }) => w.fmt(
            "report-show-branch",
            &[
                ("pass", pass.as_str().into()),
                ("fail", fail.as_str().into()),
            ],
        ),
    }
}
