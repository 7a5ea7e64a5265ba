//! A procedure's own example conversations (`examples: {pass, fail}`), each
//! judged as a conversation line is: a `pass` example the procedure fails is
//! `example-fails` (with the reasons and messages), a `fail` example it
//! passes is `example-passes`, one where it is not judged at all (no call it
//! names, or its `when` never holds) is `example-skipped`, and one that does
//! not read as a conversation is `schema`, with the reader's words.

use super::code::Code;
use super::context::CheckContext;
use crate::conversation::{ConversationJudge, Finding, read_line};
use crate::engine::{Engine, Status};
use crate::playbook::{Procedure, Spanned};
use crate::words::check::{Help, Message};

pub fn check(ctx: &mut CheckContext, engine: &Engine<'_>) {
    let pb = ctx.playbook;
    if pb.procedures.iter().all(|p| p.examples.is_none()) {
        return;
    }
    let Ok(judge) = ConversationJudge::new(engine) else {
        // A phrase the engine refuses is reported where it is
        // (`phrase-too-long`, `invalid-pattern`); the examples wait for it.
        return;
    };
    for (index, procedure) in pb.procedures.iter().enumerate() {
        let Some(examples) = &procedure.examples else {
            continue;
        };
        for (example, want) in examples
            .value
            .pass
            .iter()
            .map(|e| (e, Status::Pass))
            .chain(examples.value.fail.iter().map(|e| (e, Status::Fail)))
        {
            judge_example(ctx, &judge, index, procedure, example, want);
        }
    }
}

fn judge_example(
    ctx: &mut CheckContext,
    judge: &ConversationJudge<'_, '_>,
    index: usize,
    procedure: &Procedure,
    example: &Spanned<serde_json::Value>,
    want: Status,
) {
    let line = example.value.to_string();
    let conversation = match read_line(&line, 1) {
        Ok((conversation, _)) => conversation,
        Err(error) => {
            let why = ctx.words.conversation_error(&error.kind);
            ctx.report(
                Code::Schema,
                example.pos,
                Message::ProcedureExampleUnreadable {
                    procedure: &procedure.id,
                    why: &why,
                },
            );
            return;
        }
    };
    let judgement = judge.judge(&conversation);
    let got = judgement
        .procedures
        .get(index)
        .copied()
        .unwrap_or(Status::Skipped);
    match (want, got) {
        (Status::Pass, Status::Fail) => {
            let unmet: Vec<(&str, usize)> = judgement
                .findings
                .iter()
                .filter_map(|f| match f {
                    Finding::Procedure {
                        index: i,
                        reason,
                        at,
                        ..
                    } if *i == index => Some((reason.as_str(), *at)),
                    _ => None,
                })
                .collect();
            ctx.report(
                Code::ExampleFails,
                example.pos,
                Message::ProcedureExampleFails {
                    procedure: &procedure.id,
                    unmet: &unmet,
                },
            )
            .help(Help::ChangeRuleOrMoveToFail);
        }
        (Status::Fail, Status::Pass) => {
            ctx.report(
                Code::ExamplePasses,
                example.pos,
                Message::ProcedureExamplePasses {
                    procedure: &procedure.id,
                },
            )
            .help(Help::ChangeProcedureOrMoveToPass);
        }
        (_, Status::Skipped) => {
            ctx.report(
                Code::ExampleSkipped,
                example.pos,
                Message::ProcedureExampleSkipped {
                    procedure: &procedure.id,
                },
            )
            .help(Help::CallWhatTheProcedureNames);
        }
        _ => {}
    }
}
