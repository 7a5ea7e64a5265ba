//! Issue 11, item 15: `validate` and the policy document (`render --kind
//! policy`) must say the same thing about every limit and escalation rule of
//! every bundled playbook. Both print the result of one decision
//! (`engine::policy::authority`, `decide`); this test reads what each prints
//! and compares them: for every role's limit of every action, at the limit and
//! one above it; for every escalation rule, in a context where it holds (and,
//! for an amount bound, at the bound and one above it).

use std::fs;

use assert_cmd::cargo::cargo_bin_cmd;
use ethos::playbook::{
    Clause, Limit, Playbook, Role, Scalar, Source, bundled, format_amount, load,
};
use ethos::words::Words;
use ethos::words::render::{self as say, AmountWord};
use serde_json::Value;

struct Bundled {
    /// A bundled id or a path: what `--playbook` is given.
    id: String,
    playbook: Playbook,
    policy_md: String,
    /// The words of the playbook's language, as the document uses them.
    w: Words,
}

fn bundled_playbook(id: &str) -> Bundled {
    let playbook = load::parse(&Source::open(id).unwrap().text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("ethos")
        .args(["render", id, "--kind", "policy", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let policy_md = unescape(&fs::read_to_string(dir.path().join("policy.md")).unwrap());
    let w = Words::of(&playbook);
    Bundled {
        id: id.to_owned(),
        playbook,
        policy_md,
        w,
    }
}

/// The document's Markdown escapes, undone, so titles read as in the playbook.
fn unescape(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `ethos validate --playbook ID --role ROLE ARGS --format json`: its policy findings.
fn policy_of(pb: &Bundled, role: &str, args: &[String]) -> Vec<Value> {
    let step = pb.playbook.steps[0].id.value.clone();
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args([
            "validate",
            "--playbook",
            &pb.id,
            "--role",
            role,
            "--step",
            &step,
        ])
        .args(args)
        .args(["--format", "json", "Hello."])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{} {args:?}: not JSON ({e}): {}",
            pb.id,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    json["policy"].as_array().unwrap().clone()
}

/// How the document names a role in a sentence.
fn role_words(pb: &Bundled, role: &Role) -> String {
    say::role_name(pb.w, role)
}

/// A limit as the document writes it in brackets ("up to 500 USD", "no
/// limit"): the one of the playbook's limits for the action that reads so.
fn parse_limit(pb: &Bundled, action: &str, text: &str) -> Limit {
    let unit = pb
        .playbook
        .action(action)
        .and_then(|a| a.unit.as_ref().map(|u| u.value.clone()));
    pb.playbook
        .roles
        .iter()
        .filter_map(|r| r.limit(action))
        .find(|l| say::limit(pb.w, Some(*l), unit.as_deref()) == text)
        .unwrap_or_else(|| panic!("{}: `{text}` is no limit of `{action}`", pb.id))
}

/// The document's line for a role and an action: who takes which amounts
/// above the role's limit, as (role id, limit), in the order written.
fn bands_in_document<'p>(
    pb: &'p Bundled,
    rank: usize,
    action: &str,
) -> (&'p str, Vec<(String, Limit)>) {
    let role = &pb.playbook.roles[rank];
    let title = pb.playbook.action(action).unwrap().title.value.clone();
    let prefix = format!("- **{}** · {title}", role.title.trim());
    let line = pb
        .policy_md
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("{}: the policy document has no line `{prefix}`", pb.id));
    let mut found: Vec<(usize, String, Limit)> = Vec::new();
    for above in pb.playbook.roles.iter().skip(rank + 1) {
        let name = role_words(pb, above);
        if let Some(at) = line.find(&name) {
            let rest = &line[at + name.len()..];
            let (open, close) = (pb.w.text("render-lparen"), pb.w.text("render-rparen"));
            let inner = rest
                .trim_start()
                .strip_prefix(open.as_str())
                .and_then(|r| r.split(close.as_str()).next())
                .unwrap_or_else(|| panic!("{}: no limit after `{name}` in `{line}`", pb.id));
            found.push((at, above.id.value.clone(), parse_limit(pb, action, inner)));
        }
    }
    found.sort_by_key(|f| f.0);
    (line, found.into_iter().map(|(_, id, l)| (id, l)).collect())
}

fn for_action<'v>(policy: &'v [Value], action: &str) -> Vec<&'v Value> {
    policy.iter().filter(|f| f["action"] == action).collect()
}

fn limits_agree(pb: &Bundled) -> usize {
    let mut compared = 0;
    for (rank, role) in pb.playbook.roles.iter().enumerate() {
        for action in &pb.playbook.actions {
            let id = action.id.value.as_str();
            let unit = action.unit.as_ref().map(|u| u.value.clone());
            // A grant that depends on the case is the document's table with
            // footnotes, not a line per role: `conditional_grants.rs` checks it.
            if role
                .grants(id)
                .is_some_and(ethos::playbook::Grants::is_conditional)
            {
                continue;
            }
            let own = role.limit(id);
            let amounts: Vec<f64> = match own {
                // Any amount is theirs: nothing above, no line in the document.
                Some(Limit::Unlimited) => continue,
                Some(Limit::Amount(limit)) => vec![limit, limit + 1.0],
                None => vec![1.0],
            };
            let (line, bands) = bands_in_document(pb, rank, id);
            if let Some(Limit::Amount(limit)) = own {
                let own_words =
                    say::amount_bound(pb.w, AmountWord::Over, &pb.w.amount(limit, unit.as_deref()));
                assert!(
                    line.contains(&own_words),
                    "{}: `{line}` lacks `{own_words}`",
                    pb.id
                );
            }
            for amount in amounts {
                let policy = policy_of(
                    pb,
                    &role.id.value,
                    &[
                        "--action".to_owned(),
                        format!("{id}={}", format_amount(amount)),
                    ],
                );
                let findings = for_action(&policy, id);
                let context = format!("{} {}: {id}={amount}: {policy:#?}\n{line}", pb.id, role.id);
                if own.is_some_and(|l| l.allows(amount)) {
                    assert!(findings.is_empty(), "within the limit: {context}");
                    continue;
                }
                assert_eq!(findings.len(), 1, "{context}");
                if let Some((to, _)) = bands.iter().find(|(_, l)| l.allows(amount)) {
                    assert_eq!(findings[0]["code"], "over-limit", "{context}");
                    assert_eq!(findings[0]["to"], to.as_str(), "{context}");
                } else {
                    assert_eq!(findings[0]["code"], "forbidden-action", "{context}");
                    // "no role may grant it", or "over 1000 USD, no role may
                    // grant it"; a top role's own limit is not said twice.
                    let top = bands.last().map(|(_, l)| *l).or(own);
                    let none = match top {
                        Some(Limit::Amount(top)) if !bands.is_empty() => pb.w.fmt(
                            "render-beyond-over-top",
                            &[("top", pb.w.amount(top, unit.as_deref()).into())],
                        ),
                        _ => pb.w.text("render-beyond-nobody"),
                    };
                    assert!(line.contains(&none), "`{none}`: {context}");
                }
                compared += 1;
            }
        }
    }
    compared
}

/// Flags under which a condition holds, except its amount; and the amount
/// bound, if it has one, with the words the document uses for it.
fn flags_for(condition: &ethos::playbook::Condition) -> (Vec<String>, Option<(String, f64)>) {
    let mut flags = Vec::new();
    let mut action = None;
    let mut bound = None;
    let set = |flags: &mut Vec<String>, kv: String| {
        flags.push("--set".to_owned());
        flags.push(kv);
    };
    for clause in &condition.clauses {
        match &clause.value {
            Clause::CustomerSays(t) => set(
                &mut flags,
                format!("message={}", t.iter().next().unwrap().value),
            ),
            Clause::Contacts(b) => set(
                &mut flags,
                format!("contacts={}", b.min.as_ref().map_or(1, |m| m.value)),
            ),
            Clause::Waiting(b) => set(
                &mut flags,
                format!("waiting={}s", b.min.as_ref().map_or(0, |m| m.value.seconds)),
            ),
            Clause::CustomerMood(t) => set(
                &mut flags,
                format!("customer.mood={}", t.iter().next().unwrap().value),
            ),
            Clause::CustomerTier(t) => set(
                &mut flags,
                format!("customer.tier={}", t.iter().next().unwrap().value),
            ),
            Clause::Fact { key, value } => {
                let value = match value {
                    Scalar::Bool(b) => b.to_string(),
                    Scalar::Int(i) => i.to_string(),
                    Scalar::Float(f) => f.to_string(),
                    Scalar::Text(t) => t.clone(),
                };
                set(&mut flags, format!("facts.{key}={value}"));
            }
            Clause::FactOneOf { key, values } => {
                set(&mut flags, format!("facts.{key}={}", values[0]));
            }
            Clause::FactRange { key, bounds } => {
                // A number within every bound: the lowest allowed, or one under the top.
                let value = bounds
                    .min
                    .as_ref()
                    .map(|b| b.value)
                    .or(bounds.over.as_ref().map(|b| b.value + 1.0))
                    .or(bounds.max.as_ref().map(|b| b.value))
                    .or(bounds.under.as_ref().map(|b| b.value - 1.0))
                    .unwrap_or(0.0);
                set(&mut flags, format!("facts.{key}={value}"));
            }
            Clause::Escalated(role) => set(&mut flags, format!("escalated={}", role.value)),
            Clause::Any(list) => flags.extend(flags_for(&list[0]).0),
            // An absent fact makes an entry false, so setting nothing for
            // the inner condition makes its `not` hold (unless another
            // clause sets what it asks about, which no bundled rule does).
            Clause::Not(_) => {}
            Clause::Action(id) => action = Some(id.value.clone()),
            Clause::Amount(b) => {
                bound = [
                    ("over", &b.over),
                    ("at least", &b.at_least),
                    ("under", &b.under),
                    ("at most", &b.at_most),
                ]
                .into_iter()
                .find_map(|(word, v)| v.as_ref().map(|v| (word.to_owned(), v.value)));
            }
        }
    }
    match (action, bound) {
        (Some(action), Some(bound)) => {
            flags.push(format!("--action={action}"));
            (flags, Some(bound))
        }
        (Some(action), None) => {
            flags.push("--action".to_owned());
            flags.push(format!("{action}=1"));
            (flags, None)
        }
        (None, bound) => (flags, bound),
    }
}

fn escalation_agrees(pb: &Bundled) -> usize {
    // How an escalation sentence starts: "If ", "如果", "Wenn ".
    let if_ = say::escalation(pb.w, "\u{e000}", "", None);
    let if_ = if_.split('\u{e000}').next().unwrap_or_default().to_owned();
    let bullets: Vec<&str> = pb
        .policy_md
        .lines()
        .filter(|l| l.starts_with(&format!("- {if_}")))
        .collect();
    assert_eq!(
        bullets.len(),
        pb.playbook.escalation.len(),
        "{}: one sentence per rule",
        pb.id
    );
    let front = pb.playbook.roles[0].id.value.clone();
    let mut compared = 0;
    for (rule, bullet) in pb.playbook.escalation.iter().zip(&bullets) {
        let target = pb.playbook.role_rank(&rule.to).unwrap();
        let (mut flags, bound) = flags_for(&rule.when);
        // Each case: the amount (if any) and whether the rule holds there,
        // as the document's words for the bound say.
        let cases: Vec<(Option<f64>, bool)> = match &bound {
            None => vec![(None, true)],
            Some((word, v)) => {
                let (at, above) = match word.as_str() {
                    "over" => (false, true),
                    "at least" => (true, true),
                    "under" => (false, false),
                    _ => (true, false),
                };
                vec![(Some(*v), at), (Some(v + 1.0), above)]
            }
        };
        if let Some((word, v)) = &bound {
            let which = match word.as_str() {
                "over" => AmountWord::Over,
                "at least" => AmountWord::AtLeast,
                "under" => AmountWord::Under,
                _ => AmountWord::AtMost,
            };
            let words = say::amount_bound(pb.w, which, &pb.w.number(*v));
            assert!(
                bullet.contains(&words),
                "{}: `{bullet}` lacks `{words}`",
                pb.id
            );
        }
        let action_flag = flags
            .iter()
            .position(|f| f.starts_with("--action="))
            .map(|i| flags.remove(i));
        for (amount, holds) in cases {
            let mut args = flags.clone();
            if let (Some(flag), Some(amount)) = (&action_flag, amount) {
                args.push("--action".to_owned());
                args.push(format!(
                    "{}={}",
                    flag.trim_start_matches("--action="),
                    format_amount(amount)
                ));
            }
            let policy = policy_of(pb, &front, &args);
            let context = format!("{} rule {} {args:?}: {policy:#?}\n{bullet}", pb.id, rule.id);
            // `Hello.` declares nothing it did: the requirement is reported
            // as `escalation-not-shown`, unless an action is declared.
            let missed = policy
                .iter()
                .find(|f| f["code"] == "missed-escalation" || f["code"] == "escalation-not-shown");
            let because_it = missed.is_some_and(|m| {
                m["because"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|b| b == rule.id.value.as_str())
            });
            if !holds {
                assert!(!because_it, "the rule does not hold here: {context}");
                continue;
            }
            if target == 0 {
                // `escalation-to-front-line`: nobody to hand it to.
                assert!(!because_it, "{context}");
                continue;
            }
            let missed = missed.unwrap_or_else(|| panic!("no missed escalation: {context}"));
            let to = pb
                .playbook
                .role_rank(missed["to"].as_str().unwrap())
                .unwrap();
            // A more senior rule that holds too wins; else it is this rule's target.
            assert!(to >= target, "{context}");
            if to == target {
                assert!(because_it, "{context}");
                let words = role_words(pb, &pb.playbook.roles[target]);
                assert!(
                    bullet.contains(&words),
                    "the document names `{words}`: {context}"
                );
            }
            compared += 1;
        }
    }
    compared
}

#[test]
fn validate_and_the_policy_document_agree_on_every_limit_and_escalation_rule() {
    let results: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = bundled::BUNDLED
            .iter()
            .map(|b| {
                scope.spawn(move || {
                    let pb = bundled_playbook(b.id);
                    (limits_agree(&pb), escalation_agrees(&pb))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let limits: usize = results.iter().map(|r| r.0).sum();
    let rules: usize = results.iter().map(|r| r.1).sum();
    // Every bundled playbook has limits above the front line and escalation rules.
    assert!(limits >= 2 * bundled::BUNDLED.len(), "{limits}");
    assert!(rules >= bundled::BUNDLED.len(), "{rules}");
}

/// A ladder where a senior role may grant less than the one below it
/// (`ladder-inversion`, a warning) and the top role has a limit too: a case
/// over a limit skips the role that cannot take it, and above the top no one
/// may grant it. The ladder picture's "over their limit → next role" alone
/// would have said otherwise; the document's bands say what `validate` does.
#[test]
fn an_inverted_ladder_is_decided_and_documented_alike() {
    let text = Source::bundled("hotel-a")
        .unwrap()
        .text
        .replace(
            "may: { replace: 500, comp: 200, refund: 500 }",
            "may: { replace: 500, comp: 20, refund: 500 }",
        )
        .replace(
            "may: { replace: yes, comp: yes, refund: yes }",
            "may: { replace: 1000, comp: yes, refund: yes }",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inverted.yaml");
    fs::write(&path, text).unwrap();
    let pb = bundled_playbook(path.to_str().unwrap());
    assert!(
        pb.policy_md.contains(
            "- **Front-line staff** · A complimentary extra (a dish, a drink, a treat): over 30 USD, to the general manager (no limit)."
        ),
        "{}",
        pb.policy_md
    );
    assert!(pb.policy_md.contains(
        "- **Front-line staff** · Replace the item free of charge: over 50 USD, to the duty manager (up to 500 USD), then the general manager (up to 1000 USD); over 1000 USD, no role may grant it."
    ));
    assert_eq!(
        limits_agree(&pb),
        7,
        "three roles above a limit of every action, the top one of one"
    );
    escalation_agrees(&pb);
}
