//! `uses` and `disable`: the rule packs a playbook adds (`unknown-pack`,
//! `unknown-disabled-rule`). The pack rules themselves are already among the
//! playbook's rules (`playbook::packs::apply`) and are checked as its own.

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::packs;
use crate::util::suggest::closest;
use crate::words::check::{Help, Message};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    // The full ids of every rule of the packs used, before `disable`.
    let mut offered: Vec<String> = Vec::new();
    for used in &pb.uses {
        match packs::load(used) {
            None => {
                let bundled: Vec<&str> = packs::ids().collect();
                let help = match closest(used, bundled.iter().copied()) {
                    Some(id) => Help::DidYouMean { id },
                    None => Help::BundledPacksAre { packs: &bundled },
                };
                ctx.report(
                    Code::UnknownPack,
                    used.pos,
                    Message::UnknownPack { pack: used },
                )
                .help(help);
            }
            // A bundled pack is checked by the tests; should one not load,
            // say so here rather than silently adding nothing.
            Some(Err(errors)) => {
                for err in errors {
                    // In the playbook's words, as the sentence around it.
                    let error = crate::words::errors::reason(ctx.words, &err.reason);
                    ctx.report(
                        Code::Schema,
                        used.pos,
                        Message::PackDoesNotLoad {
                            pack: used,
                            error: &error,
                        },
                    );
                }
            }
            Some(Ok(pack)) => {
                offered.extend(pack.rules.iter().map(|r| packs::full_id(&pack.pack, &r.id)));
            }
        }
    }
    for disabled in &pb.disable {
        if offered.contains(&disabled.value) {
            continue;
        }
        let (pack, _) = disabled.split_once('/').unwrap_or(("", ""));
        let help = if let Some(id) = closest(disabled, offered.iter().map(String::as_str)) {
            Help::DidYouMean { id }
        } else if packs::find(pack).is_some() && !pb.uses.iter().any(|u| u.as_str() == pack) {
            Help::AddToUses { pack }
        } else {
            Help::DisableTakesFullId
        };
        ctx.report(
            Code::UnknownDisabledRule,
            disabled.pos,
            Message::UnknownDisabledRule { id: disabled },
        )
        .help(help);
    }
}
