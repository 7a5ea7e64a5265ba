//! `ethos show [PLAYBOOK]`: a playbook as tables, for reading it through.

use std::fmt::Write;

use super::Outcome;
use crate::playbook::{Beat, Limit, Next, Playbook, Scenario, Spanned};
use crate::report::tables::{table, width_for_stdout};

pub fn run(name: &str) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(name)?;
    super::print_stdout(&render(&playbook, width_for_stdout()))?;
    Ok(Outcome::Clean)
}

/// Every table of `ethos show`, at a width (`None`: the terminal's).
pub fn render(pb: &Playbook, width: Option<u16>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, {})", pb.title, pb.company, pb.language());
    let mut about = Vec::new();
    if let Some(owner) = &pb.owner {
        about.push(format!("owner: {owner}"));
    }
    if let Some(review) = &pb.review_by {
        about.push(format!("review by: {}", review.value));
    }
    about.push(format!("pass mark: {}%", pb.pass_mark()));
    let _ = writeln!(out, "{}\n", about.join(" · "));
    let _ = writeln!(out, "{}\n", pb.philosophy.statement.trim());
    for value in &pb.philosophy.values {
        let _ = writeln!(out, "  {}: {}", value.id, value.text.trim());
    }

    let mut steps = table(&["#", "step", "title", "goal", "values"], width);
    for (i, step) in pb.steps.iter().enumerate() {
        let values: Vec<&str> = step.values.iter().map(Spanned::as_str).collect();
        steps.add_row(vec![
            (i + 1).to_string(),
            step.id.value.clone(),
            step.title.value.clone(),
            step.goal.trim().to_owned(),
            values.join(", "),
        ]);
    }
    let _ = write!(out, "\nSteps\n{steps}\n");

    let mut rules = table(
        &["rule", "check", "at", "when", "severity", "what it says"],
        width,
    );
    for rule in &pb.rules {
        let at = rule.at.as_ref().map_or_else(
            || "every step".to_owned(),
            |at| {
                at.iter()
                    .map(Spanned::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        let when = rule
            .when
            .as_ref()
            .map_or_else(String::new, |w| w.describe());
        let says = rule
            .message
            .as_ref()
            .map_or_else(String::new, |m| m.trim().to_owned());
        rules.add_row(vec![
            rule.id.value.clone(),
            rule.check.as_str().to_owned(),
            at,
            when,
            rule.severity().as_str().to_owned(),
            says,
        ]);
    }
    let _ = write!(out, "\nRules\n{rules}\n");

    let mut header: Vec<String> = vec!["role".to_owned()];
    header.extend(pb.actions.iter().map(|a| match &a.unit {
        Some(unit) => format!("{} ({unit})", a.id),
        None => a.id.value.clone(),
    }));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut matrix = table(&header, width);
    for role in pb.roles.iter() {
        let mut row = vec![format!("{} ({})", role.id, role.title)];
        row.extend(pb.actions.iter().map(|a| match role.limit(&a.id) {
            Some(Limit::Unlimited) => "no limit".to_owned(),
            Some(limit) => format!("up to {limit}"),
            None => "—".to_owned(),
        }));
        matrix.add_row(row);
    }
    let _ = write!(
        out,
        "\nWho may grant what on their own (front line first)\n{matrix}\n"
    );

    if !pb.escalation.is_empty() {
        let mut escalation = table(&["rule", "when", "goes to", "within", "why"], width);
        for e in &pb.escalation {
            escalation.add_row(vec![
                e.id.value.clone(),
                e.when.describe(),
                e.to.value.clone(),
                e.within
                    .as_ref()
                    .map(|w| w.value.to_string())
                    .unwrap_or_default(),
                e.why
                    .as_ref()
                    .map(|w| w.trim().to_owned())
                    .unwrap_or_default(),
            ]);
        }
        let _ = write!(out, "\nEscalation\n{escalation}\n");
    }

    for scenario in &pb.scenarios {
        let _ = write!(out, "\n{}", scenario_table(pb, scenario, width));
    }
    out
}

fn scenario_table(pb: &Playbook, scenario: &Scenario, width: Option<u16>) -> String {
    let role = scenario
        .role
        .as_ref()
        .map(|r| r.value.clone())
        .or_else(|| pb.roles.first().map(|r| r.id.value.clone()))
        .unwrap_or_default();
    let customer: Vec<String> = [
        &scenario.customer.name,
        &scenario.customer.mood,
        &scenario.customer.tier,
    ]
    .into_iter()
    .flatten()
    .map(|v| v.value.clone())
    .collect();
    let mut t = table(
        &["beat", "step", "the customer says", "the trainee", "next"],
        width,
    );
    for beat in scenario.beats.iter() {
        t.add_row(vec![
            beat.id.value.clone(),
            beat.step.value.clone(),
            beat.customer.trim().to_owned(),
            turn(beat),
            next(beat),
        ]);
    }
    format!(
        "Scenario {}: {} (played as {role}; customer: {})\n{}\n{t}\n",
        scenario.id,
        scenario.title,
        if customer.is_empty() {
            "—".to_owned()
        } else {
            customer.join(", ")
        },
        scenario.situation.trim()
    )
}

/// What the trainee does at a beat: a free reply (with how many wrong ones to
/// spot), or a decision and its best choice.
fn turn(beat: &Beat) -> String {
    match &beat.decide {
        Some(decision) => {
            let marked = decision
                .choices
                .iter()
                .find(|c| c.is_best())
                .map(|c| format!("best: {}", c.say.value))
                .unwrap_or_default();
            format!("decides ({} choices) — {marked}", decision.choices.len())
        }
        None => format!("replies ({} wrong to spot)", beat.wrong.len()),
    }
}

fn next(beat: &Beat) -> String {
    match beat.next.as_ref().map(|n| &n.value) {
        None => "the end".to_owned(),
        Some(Next::Always(id)) => id.value.clone(),
        Some(Next::Branch { pass, fail }) => format!("pass → {pass}\nfail → {fail}"),
    }
}
