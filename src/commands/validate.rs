//! `ethos validate`: judge one proposed reply against a playbook.

use std::io::{IsTerminal, Read};

use anyhow::{Context as _, anyhow, bail};

use super::Outcome;
use crate::cli::{OutputFormat, ValidateArgs};
use crate::engine::{Context, Engine, Proposal, Verdict};
use crate::playbook::load::parse_value;
use crate::playbook::{Amount, Playbook, Scalar};
use crate::report;
use crate::report::judgement::JudgementView;
use crate::util::suggest::unknown_id_help;

pub fn run(args: &ValidateArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let engine = Engine::new(&playbook).map_err(|e| {
        let why = crate::words::engine::pattern_error(crate::words::Words::of(&playbook), &e);
        anyhow!("{}: {why}; run `ethos check` on it", args.playbook)
    })?;
    let reply = read_reply(args.text.as_deref())?;
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
            let words = crate::words::Words::of(&playbook);
            report::reply::render(&reply, &judgement, words, true, width)
        }
    };
    super::print_stdout(&text)?;
    Ok(match judgement.verdict {
        Verdict::Pass => Outcome::Clean,
        Verdict::Fail => Outcome::Findings,
    })
}

fn read_reply(text: Option<&str>) -> anyhow::Result<String> {
    match text {
        Some("-") => {
            let mut reply = Vec::new();
            std::io::stdin()
                .read_to_end(&mut reply)
                .context("cannot read the reply from standard input")?;
            // Nothing at all (`< /dev/null`, a closed stdin) is a mistake, not
            // an empty reply to judge; an empty line is a reply.
            if reply.is_empty() {
                bail!("no reply on standard input; pipe the reply in, or give it as an argument");
            }
            let reply = String::from_utf8(reply)
                .map_err(|_| anyhow!("the reply on standard input is not UTF-8"))?;
            Ok(reply.trim_end_matches(['\n', '\r']).to_owned())
        }
        Some(text) => Ok(text.to_owned()),
        None => {
            bail!("give the reply to judge as an argument, or `-` to read it from standard input")
        }
    }
}

fn build_context(playbook: &Playbook, args: &ValidateArgs) -> anyhow::Result<Context> {
    let mut context = match &args.scenario {
        Some(id) => {
            let scenario = playbook
                .scenarios
                .iter()
                .find(|s| s.id.as_str() == id)
                .ok_or_else(|| {
                    unknown(
                        "scenario",
                        id,
                        playbook.scenarios.iter().map(|s| s.id.as_str()),
                    )
                })?;
            let mut context = Context::of_scenario(playbook, scenario);
            if let Some(beat_id) = &args.beat {
                let beat = scenario.beat(beat_id).ok_or_else(|| {
                    unknown(
                        "beat",
                        beat_id,
                        scenario.beats.iter().map(|b| b.id.as_str()),
                    )
                })?;
                context.enter_beat(beat);
            }
            context
        }
        None => Context::at_step(playbook, ""),
    };
    match (&args.step, args.beat.is_some()) {
        (Some(step), _) => context.step.clone_from(step),
        (None, true) => {}
        (None, false) => bail!(
            "say which step the reply belongs to with --step (the steps are {}), or give --scenario and --beat",
            list(playbook.steps.iter().map(|s| s.id.as_str()))
        ),
    }
    if playbook.step(&context.step).is_none() {
        return Err(unknown(
            "step",
            &context.step,
            playbook.steps.iter().map(|s| s.id.as_str()),
        ));
    }
    if let Some(role) = &args.role {
        context.role.clone_from(role);
    }
    if playbook.role(&context.role).is_none() {
        return Err(unknown(
            "role",
            &context.role,
            playbook.roles.iter().map(|r| r.id.as_str()),
        ));
    }
    for setting in &args.set {
        apply_setting(&mut context, setting)?;
    }
    if let Some(role) = &context.escalated
        && playbook.role(role).is_none()
    {
        let help = unknown_id_help(role, "role", playbook.roles.iter().map(|r| r.id.as_str()))
            .unwrap_or_default();
        bail!("`--set escalated={role}`: the playbook has no role `{role}`: {help}");
    }
    Ok(context)
}

fn apply_setting(context: &mut Context, setting: &str) -> anyhow::Result<()> {
    let (key, value) = setting.split_once('=').ok_or_else(|| {
        anyhow!("`--set {setting}` needs the form KEY=VALUE, e.g. --set customer.name=Dana")
    })?;
    let key = key.trim();
    // Texts (and the role id of `escalated`) are taken as written (a message may well contain `: `); other
    // values are read as YAML scalars, as in a playbook.
    let value = if key.starts_with("customer.") || key == "message" || key == "escalated" {
        Scalar::Text(value.to_owned())
    } else {
        parse_value::<Scalar>(value).map_err(|why| anyhow!("`--set {setting}`: {why}"))?
    };
    context.set(key, value).map_err(|why| {
        // In English, as the rest of this flag's message (until the
        // tool's words take the environment's language).
        let why = crate::words::engine::context_error(
            crate::words::Words::new(crate::words::Locale::En),
            &why,
        );
        anyhow!("`--set {setting}`: {why}")
    })
}

fn build_proposal(playbook: &Playbook, args: &ValidateArgs) -> anyhow::Result<Proposal> {
    let mut proposal = Proposal::default();
    for given in &args.actions {
        let (id, amount) = match given.split_once('=') {
            Some((id, amount)) => {
                let amount: Amount = amount.parse().map_err(|why| {
                    anyhow!("`--action {given}`: {why}; write e.g. --action {id}=50")
                })?;
                (id, amount.get())
            }
            None => (given.as_str(), 0.0),
        };
        if playbook.action(id).is_none() {
            return Err(unknown(
                "action",
                id,
                playbook.actions.iter().map(|a| a.id.as_str()),
            ));
        }
        proposal.actions.push((id.to_owned(), amount));
    }
    if let Some(role) = &args.escalate {
        if playbook.role(role).is_none() {
            return Err(unknown(
                "role",
                role,
                playbook.roles.iter().map(|r| r.id.as_str()),
            ));
        }
        proposal.escalate = Some(role.clone());
    }
    Ok(proposal)
}

fn unknown<'a>(
    kind: &str,
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> anyhow::Error {
    let help = unknown_id_help(id, kind, known).unwrap_or_default();
    anyhow!("the playbook has no {kind} `{id}`: {help}")
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
