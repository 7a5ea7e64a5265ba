//! `uses` and `disable`: the rule packs a playbook adds (`unknown-pack`,
//! `unknown-disabled-rule`). The pack rules themselves are already among the
//! playbook's rules (`playbook::packs::apply`) and are checked as its own.

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::packs;
use crate::util::suggest::closest;

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    // The full ids of every rule of the packs used, before `disable`.
    let mut offered: Vec<String> = Vec::new();
    for used in &pb.uses {
        match packs::load(used) {
            None => {
                let help = match closest(used, packs::ids()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!(
                        "the bundled packs are {} (`ethos list --packs`)",
                        packs::ids().collect::<Vec<_>>().join(", ")
                    ),
                };
                ctx.report(
                    Code::UnknownPack,
                    used.pos,
                    format!("`uses` names the rule pack `{used}`, which is not bundled"),
                )
                .help(help);
            }
            // A bundled pack is checked by the tests; should one not load,
            // say so here rather than silently adding nothing.
            Some(Err(errors)) => {
                for err in errors {
                    ctx.report(
                        Code::Schema,
                        used.pos,
                        format!("the bundled rule pack `{used}` does not load: {err}"),
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
        let help = if let Some(best) = closest(disabled, offered.iter().map(String::as_str)) {
            format!("did you mean `{best}`?")
        } else if packs::find(pack).is_some() && !pb.uses.iter().any(|u| u.as_str() == pack) {
            format!("add `{pack}` to `uses`, or drop this entry")
        } else {
            "`disable` takes the full id of a pack rule, `PACK/RULE`, e.g. `courtesy-en/dismissive`"
                .to_owned()
        };
        ctx.report(
            Code::UnknownDisabledRule,
            disabled.pos,
            format!(
                "`disable` names `{disabled}`, which is no rule of the packs this playbook uses"
            ),
        )
        .help(help);
    }
}
