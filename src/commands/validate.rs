//! `ethos validate`: judge one proposed reply against a playbook.

use std::io::{IsTerminal, Read};

use super::{Outcome, fail};
use crate::cli::{OutputFormat, ValidateArgs};
use crate::engine::{Context, Proposal, Verdict};
use crate::playbook::load::parse_value;
use crate::playbook::{Amount, FactType, Playbook, Scalar};
use crate::report;
use crate::report::judgement::JudgementView;
use crate::words::Words;
use crate::words::check::Kind;
use crate::words::tool::{Message, Stdin, UnknownId};

pub fn run(args: &ValidateArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let w = Words::of(&playbook);
    let engine = super::compile(&playbook, &args.playbook)?;
    if let Some(file) = &args.conversation {
        return conversation(args, file, &playbook, &engine, w);
    }
    let reply = read_reply(args.text.as_deref(), w)?;
    let context = build_context(&playbook, args)?;
    let proposal = build_proposal(&playbook, args)?;
    let judgement = JudgementView::of(engine.judge(&reply, &context, Some(&proposal)), &playbook);
    let text = match args.format {
        OutputFormat::Json => {
            let mut json = serde_json::to_string_pretty(&judgement).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => {
            let terminal = std::io::stdout().is_terminal();
            let width = if terminal { None } else { Some(100) };
            report::reply::render(&reply, &judgement, w, true, width)
        }
    };
    super::print_stdout(&text, w)?;
    Ok(match judgement.verdict {
        Verdict::Pass => Outcome::Clean,
        Verdict::Fail => Outcome::Findings,
    })
}

fn read_reply(text: Option<&str>, w: Words) -> anyhow::Result<String> {
    match text {
        Some("-") => {
            let mut reply = Vec::new();
            std::io::stdin().read_to_end(&mut reply).map_err(|e| {
                let why = crate::io_error::describe(&e);
                fail(
                    w,
                    &Message::CannotReadStdin {
                        what: Stdin::Reply,
                        why,
                    },
                )
            })?;
            // Nothing at all (`< /dev/null`, a closed stdin) is a mistake, not
            // an empty reply to judge; an empty line is a reply.
            if reply.is_empty() {
                return Err(fail(w, &Message::NoReplyOnStdin));
            }
            let reply = String::from_utf8(reply).map_err(|_| fail(w, &Message::ReplyNotUtf8))?;
            Ok(reply.trim_end_matches(['\n', '\r']).to_owned())
        }
        Some(text) => Ok(text.to_owned()),
        None => Err(fail(w, &Message::NoReply)),
    }
}

fn build_context(playbook: &Playbook, args: &ValidateArgs) -> anyhow::Result<Context> {
    let w = Words::of(playbook);
    let mut context = match &args.scenario {
        Some(id) => {
            let scenario = playbook
                .scenarios
                .iter()
                .find(|s| s.id.as_str() == id)
                .ok_or_else(|| {
                    let scenarios = playbook.scenarios.iter().map(|s| s.id.as_str());
                    unknown(w, Kind::Scenario, id, scenarios)
                })?;
            let mut context = Context::of_scenario(playbook, scenario);
            if let Some(beat_id) = &args.beat {
                let beat = scenario.beat(beat_id).ok_or_else(|| {
                    let beats = scenario.beats.iter().map(|b| b.id.as_str());
                    unknown(w, Kind::Beat, beat_id, beats)
                })?;
                context.enter_beat(beat);
            }
            context
        }
        None => Context::at_step(playbook, ""),
    };
    let steps = || playbook.steps.iter().map(|s| s.id.as_str());
    let roles = || playbook.roles.iter().map(|r| r.id.as_str());
    match (&args.step, args.beat.is_some()) {
        (Some(step), _) => context.step.clone_from(step),
        (None, true) => {}
        (None, false) => {
            let steps: &[&str] = &steps().collect::<Vec<_>>();
            return Err(fail(w, &Message::NoStepGiven { steps }));
        }
    }
    if playbook.step(&context.step).is_none() {
        return Err(unknown(w, Kind::Step, &context.step, steps()));
    }
    if let Some(role) = &args.role {
        context.role.clone_from(role);
    }
    if playbook.role(&context.role).is_none() {
        return Err(unknown(w, Kind::Role, &context.role, roles()));
    }
    for setting in &args.set {
        apply_setting(playbook, &mut context, setting, w)?;
    }
    if let Some(role) = &context.escalated
        && playbook.role(role).is_none()
    {
        let role = &UnknownId::new(Kind::Role, role, roles());
        return Err(fail(w, &Message::SetEscalated { role }));
    }
    Ok(context)
}

fn apply_setting(
    playbook: &Playbook,
    context: &mut Context,
    setting: &str,
    w: Words,
) -> anyhow::Result<()> {
    let (key, value) = setting
        .split_once('=')
        .ok_or_else(|| fail(w, &Message::SetForm { setting }))?;
    let key = key.trim();
    let invalid = |why: String| fail(w, &Message::SetInvalid { setting, why });
    let declared = key.strip_prefix("facts.").and_then(|k| playbook.fact(k));
    // Texts (and the role id of `escalated`, and a fact declared a text:
    // `--set facts.gate=12`) are taken as written (a message may well
    // contain `: `); other values are read as YAML scalars, as in a playbook.
    let value = if key.starts_with("customer.")
        || key == "message"
        || key == "escalated"
        || declared.is_some_and(|f| f.kind.value == FactType::Text)
    {
        Scalar::Text(value.to_owned())
    } else {
        parse_value::<Scalar>(value)
            .map_err(|reason| invalid(crate::words::errors::reason(w, &reason)))?
    };
    if let Some(fact) = declared
        && let Err(mismatch) = fact.check(&value)
    {
        let values: Vec<&Scalar> = fact
            .values()
            .unwrap_or_default()
            .iter()
            .map(|v| &v.value)
            .collect();
        return Err(fail(
            w,
            &Message::SetFact {
                setting,
                fact: &fact.id,
                value: &value,
                mismatch,
                values: &values,
            },
        ));
    }
    context
        .set(key, value)
        .map_err(|why| invalid(crate::words::engine::context_error(w, &why)))
}

fn build_proposal(playbook: &Playbook, args: &ValidateArgs) -> anyhow::Result<Proposal> {
    let w = Words::of(playbook);
    let mut proposal = Proposal::default();
    for given in &args.actions {
        let (id, amount) = match given.split_once('=') {
            Some((id, amount)) => {
                let amount = amount.parse::<Amount>().map_err(|why| {
                    let why = why.to_string();
                    fail(w, &Message::ActionInvalid { given, id, why })
                })?;
                (id, amount.get())
            }
            None => (given.as_str(), 0.0),
        };
        if playbook.action(id).is_none() {
            let actions = playbook.actions.iter().map(|a| a.id.as_str());
            return Err(unknown(w, Kind::Action, id, actions));
        }
        proposal.actions.push((id.to_owned(), amount));
    }
    if let Some(role) = &args.escalate {
        if playbook.role(role).is_none() {
            let roles = playbook.roles.iter().map(|r| r.id.as_str());
            return Err(unknown(w, Kind::Role, role, roles));
        }
        proposal.escalate = Some(role.clone());
    }
    Ok(proposal)
}

/// "the playbook has no step `welcom`: did you mean `welcome`?"
fn unknown<'a>(
    w: Words,
    kind: Kind,
    id: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> anyhow::Error {
    fail(w, &Message::NoSuchId(&UnknownId::new(kind, id, known)))
}

/// `validate --conversation FILE [--id ID]`: one conversation of a file,
/// judged, as a transcript or as its grade line.
fn conversation(
    args: &ValidateArgs,
    file: &str,
    playbook: &Playbook,
    engine: &crate::engine::Engine,
    w: Words,
) -> anyhow::Result<Outcome> {
    use crate::conversation::Lines;
    let judge = super::compile_conversations(engine, &args.playbook, w)?;
    let cannot_read = |e: &std::io::Error| {
        let why = crate::io_error::describe(e);
        fail(w, &Message::CannotRead { path: file, why })
    };
    let input = std::fs::File::open(file).map_err(|e| cannot_read(&e))?;
    let mut found = None;
    for item in Lines::new(std::io::BufReader::new(input)) {
        let (number, outcome) = item.map_err(|e| cannot_read(&e))?;
        let id = match &outcome {
            Ok((c, _)) => Some(c.id.clone()),
            Err(e) => e.id.clone(),
        };
        if args
            .id
            .as_deref()
            .is_none_or(|want| id.as_deref() == Some(want))
        {
            found = Some((number, outcome));
            break;
        }
    }
    let Some((number, outcome)) = found else {
        let text = match &args.id {
            Some(id) => w.fmt(
                "report-conversation-not-found",
                &[("file", file.into()), ("id", id.as_str().into())],
            ),
            None => w.fmt("report-conversation-empty", &[("file", file.into())]),
        };
        return Err(anyhow::Error::new(super::Failure { words: w, text }));
    };
    let (conversation, warnings) = match outcome {
        Ok(read) => read,
        Err(e) => {
            let why = w.conversation_error(&e.kind);
            let text = w.fmt(
                "report-conversations-ungraded-line",
                &[("line", number.into()), ("why", why.into())],
            );
            return Err(anyhow::Error::new(super::Failure { words: w, text }));
        }
    };
    let judgement = judge.judge(&conversation);
    let text = match args.format {
        OutputFormat::Json => {
            let line = crate::grade::conversations::GradeLine {
                id: &conversation.id,
                judgement: &judgement,
                playbook,
                meta: &conversation.meta,
                warnings: &warnings,
                explain: false,
            };
            let mut json = serde_json::to_string_pretty(&line).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            report::transcript::render(&conversation, &judgement, &warnings, playbook, w, color)
        }
    };
    super::print_stdout(&text, w)?;
    Ok(match judgement.verdict {
        Verdict::Pass => Outcome::Clean,
        Verdict::Fail => Outcome::Findings,
    })
}
