//! Allocations on the hot path of batch grading: `Engine::grade_into`, one
//! reply of a graded line, on the bundled `hotel-a` playbook. A binary of its
//! own, so that its counting allocator sees nothing but these tests (the
//! `ethos` binary uses mimalloc; the library does not care which).
//!
//! Counts are taken after one warm-up call: what is built once per process
//! or thread (the playbook, the engine, the normaliser's tables) is not what
//! a reply costs.

use std::alloc::System;

use ethos::engine::{Assessment, Context, Engine, Proposal, Verdict};
use ethos::playbook::{Playbook, bundled, load};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations (and reallocations) made while `f` runs. The binary has one
/// test, so nothing else runs meanwhile.
fn allocations(f: impl FnOnce()) -> usize {
    let region = Region::new(GLOBAL);
    f();
    let change = region.change();
    change.allocations + change.reallocations
}

fn hotel_a() -> Playbook {
    load::parse(bundled::find("hotel-a").unwrap().text).unwrap()
}

/// A graded line's context, as `grade` builds it: the step, the customer's
/// name and last message (what `examples/gen_replies.rs` writes).
fn context(pb: &Playbook, step: &str) -> Context {
    let mut context = Context::at_step(pb, step);
    context.customer_name = Some("Claire".into());
    context.message = Some(
        "Sorry to bother you, the wind has just blown my husband's coffee all over the towels."
            .into(),
    );
    context
}

/// Allocations of grading `reply` once the engine and `into` are warm.
fn grading(
    engine: &Engine,
    reply: &str,
    context: &Context,
    proposal: &Proposal,
) -> (usize, Verdict) {
    let mut into = Assessment::default();
    engine.grade_into(reply, context, proposal, &mut into);
    let n = allocations(|| engine.grade_into(reply, context, proposal, &mut into));
    (n, into.verdict)
}

const PASSES: &str = "Oh no, Claire, you're no bother at all! That wind is wild today. Let me take those wet towels away and bring you both fresh ones and a new coffee.";
const FAILS: &str =
    "Hello. The customer is responsible for drinks once they are served, I'm afraid.";

#[test]
fn grading_a_reply_allocates_only_its_normalised_text() {
    let pb = hotel_a();
    let engine = Engine::new(&pb).unwrap();
    let context = context(&pb, "welcome");
    let (passing, verdict) = grading(&engine, PASSES, &context, &Proposal::default());
    assert_eq!(verdict, Verdict::Pass);
    let (failing, verdict) = grading(&engine, FAILS, &context, &Proposal::default());
    assert_eq!(verdict, Verdict::Fail);
    // What a reply costs, whether it passes or fails:
    // 1. the normalised reply (`Normalized`: its text and its map back to
    //    the original's bytes, one buffer each);
    // ...
    assert_eq!((passing, failing), (0, 0), "passing, failing");
}

#[test]
fn probe() {
    let pb = hotel_a();
    let engine = Engine::new(&pb).unwrap();
    let context = context(&pb, "resolve");
    let p = Proposal {
        actions: vec![("replace".into(), 6.0)],
        escalate: None,
    };
    eprintln!(
        "policy within {:?}",
        grading(&engine, "A fresh coffee is on its way.", &context, &p)
    );
    let p = Proposal {
        actions: vec![("replace".into(), 80.0)],
        escalate: None,
    };
    eprintln!(
        "policy over {:?}",
        grading(&engine, "A fresh coffee is on its way.", &context, &p)
    );
    eprintln!(
        "worded {:?}",
        grading(
            &engine,
            "I'll call the duty manager now.",
            &context,
            &Proposal::default()
        )
    );
}
