//! Procedures as `check` sees them (`shared/spec/PLAYBOOK.md`, "Procedures"):
//! ids unique among procedures and apart from rules' ids (both are named in
//! a conversation's `failed`), something to judge (`empty-rule`), and a
//! `calls` entry that looks like a misspelt action id (`unknown-action`).
//! A name that is neither an action nor an action's tool is a tool name:
//! tools need not be declared. The facts and roles their conditions name
//! are checked with every other condition's (`facts.rs`, `references.rs`).

use std::collections::HashMap;

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Pos, Spanned};
use crate::util::suggest::closest;
use crate::words::check::{Help, Kind, Message};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    let mut first: HashMap<&str, (Kind, Pos)> = pb
        .rules
        .iter()
        .map(|r| (r.id.as_str(), (Kind::Rule, r.id.pos)))
        .collect();
    for procedure in &pb.procedures {
        let id = &procedure.id;
        if let Some(&(kind, earlier)) = first.get(id.as_str()) {
            let line = earlier.line;
            ctx.report(Code::DuplicateId, id.pos, Message::DuplicateId { kind, id })
                .help(Help::FirstIsAt { kind, line });
        } else {
            first.insert(id.as_str(), (Kind::Procedure, id.pos));
        }
    }

    let actions: Vec<&str> = pb.actions.iter().map(|a| a.id.as_str()).collect();
    let tools: Vec<&str> = pb
        .actions
        .iter()
        .filter_map(|a| a.tool.as_ref().map(Spanned::as_str))
        .collect();
    for procedure in &pb.procedures {
        if procedure.is_empty() {
            ctx.report(
                Code::EmptyRule,
                procedure.id.pos,
                Message::EmptyProcedure {
                    procedure: &procedure.id,
                },
            )
            .help(Help::FillProcedure);
        }
        for call in &procedure.calls {
            let name = call.as_str();
            if actions.contains(&name) || tools.contains(&name) {
                continue;
            }
            // Most names are tools; one a letter or two from an action's id
            // is a typo of it.
            if let Some(id) = closest(name, actions.iter().copied()) {
                ctx.report(
                    Code::UnknownAction,
                    call.pos,
                    Message::UnknownActionOfProcedure {
                        procedure: &procedure.id,
                        action: name,
                    },
                )
                .help(Help::DidYouMean { id });
            }
        }
    }
}
