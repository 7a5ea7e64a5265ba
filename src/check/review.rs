//! `review-overdue`: a philosophy is only useful if it is revisited.

use super::code::Code;
use super::context::CheckContext;
use crate::words::check::{Help, Message};

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
            Message::ReviewOverdue {
                date: review_by.value,
                days: i64::from(days),
            },
        )
        .help(Help::ReviewWithTeam);
    }
}
