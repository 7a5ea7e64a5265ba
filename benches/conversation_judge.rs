//! Judging whole conversations: τ-bench's 200 airline runs
//! (`tests/fixtures/tau-bench/`) against the airline test playbook
//! (`tests/fixtures/conversations/airline-procedures.yaml`: a rule,
//! an escalation rule, four procedures), on one core. `read+judge` is what
//! `ethos grade` does per line (read the line, judge it); `judge` is the
//! judging alone, on conversations read beforehand. Throughput is in
//! conversations, so criterion reports conversations per second.
//!
//! `length/20` and `length/2000` judge one conversation of 20 and of 2,000
//! messages built from the same exchange: the second must cost no more than
//! 100 times the first (judging is linear in the messages: nothing said so
//! far is scanned again).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ethos::conversation::{ConversationJudge, Scratch, read_line, read_line_to_judge};
use ethos::engine::Engine;
use ethos::playbook::load;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

/// A conversation of `n` messages: the customer asks, the agent looks the
/// booking up, confirms and changes it, in turn.
fn long_conversation(n: usize) -> String {
    let mut messages =
        vec![r#"{"role":"system","content":"You are an airline agent."}"#.to_owned()];
    let exchange = [
        r#"{"role":"user","content":"Hi, I need to move my flight on reservation ABC123 to Friday."}"#,
        r#"{"role":"assistant","content":"Of course. Let me look at reservation ABC123 for you."}"#,
        r#"{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"get_reservation_details","arguments":"{\"reservation_id\": \"ABC123\"}"}}]}"#,
        r#"{"role":"tool","tool_call_id":"c1","content":"{\"reservation_id\": \"ABC123\", \"cabin\": \"economy\"}"}"#,
        r#"{"role":"assistant","content":"I can move you to HAT100 on Friday at 9:00 in economy, at no extra cost. Shall I go ahead?"}"#,
        r#"{"role":"user","content":"Yes, please go ahead."}"#,
        r#"{"role":"assistant","content":null,"tool_calls":[{"id":"c2","type":"function","function":{"name":"update_reservation_flights","arguments":"{\"reservation_id\": \"ABC123\"}"}}]}"#,
        r#"{"role":"tool","tool_call_id":"c2","content":"{\"ok\": true}"}"#,
        r#"{"role":"assistant","content":"Done: you are on HAT100 on Friday. Anything else?"}"#,
        r#"{"role":"user","content":"That's all, thank you."}"#,
    ];
    while messages.len() < n {
        messages.push(exchange[(messages.len() - 1) % exchange.len()].to_owned());
    }
    format!(r#"{{"id":"long","messages":[{}]}}"#, messages.join(","))
}

fn judge(c: &mut Criterion) {
    let yaml = fixture("tests/fixtures/conversations/airline-procedures.yaml");
    let playbook = load::parse(&yaml).expect("the airline playbook loads");
    let engine = Engine::new(&playbook).expect("it compiles");
    let judge = ConversationJudge::new(&engine).expect("its procedures compile");
    let text = fixture("tests/fixtures/tau-bench/airline-gpt-4o.jsonl");
    let lines: Vec<&str> = text.lines().collect();
    let read: Vec<_> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| read_line(l, i as u64 + 1).expect("a conversation").0)
        .collect();

    let mut group = c.benchmark_group("conversation_judge");
    group.throughput(Throughput::Elements(lines.len() as u64));
    // As a worker of `ethos grade` does: one scratch for all its conversations.
    let mut scratch = Scratch::default();
    group.bench_function("read+judge", |b| {
        b.iter(|| {
            for (i, line) in lines.iter().enumerate() {
                if let Ok((conversation, _)) = read_line_to_judge(line, i as u64 + 1) {
                    black_box(judge.judge_with(&conversation, &mut scratch).score);
                }
            }
        });
    });
    group.bench_function("judge", |b| {
        b.iter(|| {
            for conversation in &read {
                black_box(judge.judge_with(conversation, &mut scratch).score);
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("conversation_judge/length");
    for n in [20, 2000] {
        let line = long_conversation(n);
        let conversation = read_line(&line, 1).expect("a conversation").0;
        group.throughput(Throughput::Elements(1));
        group.bench_function(format!("{n}"), |b| {
            b.iter(|| black_box(judge.judge(&conversation).score));
        });
    }
    group.finish();
}

criterion_group!(benches, judge);
criterion_main!(benches);
