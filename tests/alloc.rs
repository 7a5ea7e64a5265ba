//! Allocations on the hot path of batch grading: `Engine::grade_into`, one
//! graded line's reply, on bundled playbooks in three languages.
//!
//! A binary of its own without the test harness (`harness = false` in
//! `Cargo.toml`): its counting allocator sees nothing but these cases, run
//! one after another on the main thread. (The `ethos` binary uses mimalloc;
//! the library does not care which allocator it has.)
//!
//! Each case grades its reply once to warm up, then counts a second grading
//! into the same `Assessment`: what is built once per process, per thread or
//! per run of lines in one context (the engine, the normaliser's tables, the
//! filled `{customer.name}` phrase, the compiled key facts) is not what a
//! reply costs.
//!
//! What a reply may cost:
//!
//! - judged by its words: nothing, whether it passes or fails, is negated,
//!   spans lines, or is in German or Chinese. Even its normalised text (and
//!   the map back to the original's bytes) refills the last reply's buffers,
//!   as do its negation scope, its hits and its rules' searches;
//! - judged by the policy too, where the line declares an action or an
//!   escalation, or words a handoff: what the policy decides (the
//!   `PolicyOutcome` that `validate` and the wording layer read: its
//!   rulings and the action each names, its findings), pinned below case by
//!   case.

use std::alloc::System;
use std::process::ExitCode;

use ethos::engine::{Assessment, Context, Engine, Proposal, Verdict};
use ethos::playbook::{Playbook, bundled, load};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// A reply judged by its words alone.
const WORDS: usize = 0;

fn playbook(name: &str) -> Playbook {
    load::parse(bundled::find(name).expect("bundled").text).expect("loads")
}

/// A graded line's context, as `grade` builds it from a line's `step`,
/// `context` and `key_facts`.
fn context(pb: &Playbook, step: &str, name: &str, message: &str, facts: &[&str]) -> Context {
    let mut context = Context::at_step(pb, step);
    context.customer_name = Some(name.into());
    context.message = Some(message.into());
    context.key_facts = facts.iter().map(|&f| f.to_owned()).collect();
    context
}

/// One reply to grade, what it should come to, and what it may allocate.
struct Case<'a> {
    name: &'a str,
    reply: &'a str,
    context: &'a Context,
    proposal: Proposal,
    verdict: Verdict,
    allowed: usize,
}

/// Allocations (and reallocations) of grading the case's reply, once the
/// engine and the assessment are warm, and its verdict.
fn grading(engine: &Engine, case: &Case) -> (usize, Verdict) {
    let mut into = Assessment::default();
    engine.grade_into(case.reply, case.context, &case.proposal, &mut into);
    let region = Region::new(GLOBAL);
    engine.grade_into(case.reply, case.context, &case.proposal, &mut into);
    let change = region.change();
    (change.allocations + change.reallocations, into.verdict)
}

fn act(action: &str, amount: f64) -> Proposal {
    Proposal {
        actions: vec![(action.to_owned(), amount)],
        escalate: None,
    }
}

fn main() -> ExitCode {
    let hotel = playbook("hotel-a");
    let de = playbook("de-reisezentrum");
    let zh = playbook("zh-hotel");
    let coffee =
        "Sorry to bother you, the wind has just blown my husband's coffee all over the towels.";
    let welcome = context(&hotel, "welcome", "Claire", coffee, &["coffee", "towels"]);
    let resolve = context(&hotel, "resolve", "Claire", coffee, &[]);
    let de_context = context(
        &de,
        "begruessen",
        "Frau Berger",
        "Mein Zug nach München ist ausgefallen und ich verpasse meinen Anschluss.",
        &["München", "Anschluss"],
    );
    let zh_context = context(&zh, "问候", "陈女士", "空调坏了，房间太热了。", &["空调"]);
    let hotel_cases = [
        Case {
            name: "hotel-a: a reply that passes, echoing both key facts",
            reply: "Oh no, Claire, you're no bother at all! That wind is wild today. Let me take those wet towels away and bring you both fresh ones and a new coffee.",
            context: &welcome,
            proposal: Proposal::default(),
            verdict: Verdict::Pass,
            allowed: WORDS,
        },
        Case {
            name: "hotel-a: a reply that fails",
            reply: "Hello. The customer is responsible for drinks once they are served, I'm afraid.",
            context: &welcome,
            proposal: Proposal::default(),
            verdict: Verdict::Fail,
            allowed: WORDS,
        },
        Case {
            name: "hotel-a: negation cues, a title and a line break",
            reply: "Oh no, Claire, I won't leave you with wet towels.\nMs. Reyes, our housekeeper, is bringing fresh ones, and nobody will charge you for the coffee.",
            context: &welcome,
            proposal: Proposal::default(),
            verdict: Verdict::Pass,
            allowed: WORDS,
        },
        Case {
            name: "hotel-a: an action within the attendant's limit",
            reply: "A fresh coffee is on its way.",
            context: &resolve,
            proposal: act("replace", 6.0),
            verdict: Verdict::Pass,
            // The per-incident totals and the action they name, and the
            // rulings; finding the holding grant allocates nothing.
            allowed: WORDS + 3,
        },
        Case {
            name: "hotel-a: an action over the attendant's limit",
            reply: "A fresh coffee is on its way.",
            context: &resolve,
            proposal: act("replace", 80.0),
            verdict: Verdict::Fail,
            // As within the limit, and the `over-limit` finding with the
            // action it names.
            allowed: WORDS + 5,
        },
        Case {
            name: "hotel-a: a handoff in words",
            reply: "I'll call the duty manager now.",
            context: &resolve,
            proposal: Proposal::default(),
            verdict: Verdict::Fail,
            // The role the words hand the case to, and the
            // `unneeded-escalation` finding.
            allowed: WORDS + 2,
        },
    ];
    let de_cases = [Case {
        name: "de-reisezentrum: a trailing nicht, kein, and both key facts",
        reply: "Guten Tag, Frau Berger, das tut mir leid: Ihren Anschluss nach München lassen wir nicht verfallen. Kein Problem, ich suche Ihnen eine neue Verbindung.",
        context: &de_context,
        proposal: Proposal::default(),
        verdict: Verdict::Pass,
        allowed: WORDS,
    }];
    let zh_cases = [Case {
        name: "zh-hotel: a Chinese reply",
        reply: "陈女士您好，别担心，空调坏了让您受热了。我马上请工程部上来修，先给您送一台风扇。",
        context: &zh_context,
        proposal: Proposal::default(),
        verdict: Verdict::Pass,
        allowed: WORDS,
    }];
    let mut failures = 0;
    for (pb, cases) in [
        (&hotel, &hotel_cases[..]),
        (&de, &de_cases[..]),
        (&zh, &zh_cases[..]),
    ] {
        let engine = Engine::new(pb).expect("compiles");
        for case in cases {
            let (allocations, verdict) = grading(&engine, case);
            let ok = allocations == case.allowed && verdict == case.verdict;
            println!(
                "{} {}: {allocations} allocations (allowed {}), {verdict:?} (expected {:?})",
                if ok { "ok  " } else { "FAIL" },
                case.name,
                case.allowed,
                case.verdict,
            );
            failures += usize::from(!ok);
        }
    }
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
