//! `review-overdue`: a philosophy is only useful if it is revisited.

use super::code::Code;
use super::context::CheckContext;

pub fn check(ctx: &mut CheckContext) {
    let Some(review_by) = &ctx.playbook.review_by else {
        return;
    };
    let today = ctx.options.today;
    if review_by.value < today {
        let days = (today.0 - review_by.value.0).get_days();
        ctx.report(
            Code::ReviewOverdue,
            review_by.pos,
            format!(
                "the playbook was due for review on {} ({days} day{} ago)",
                review_by.value,
                if days == 1 { "" } else { "s" }
            ),
        )
        .help("review it with the team, then set `review_by` to the next review date");
    }
}
