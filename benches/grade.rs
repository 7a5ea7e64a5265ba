//! `ethos grade` throughput: 20,000 JSON lines of the bundled `hotel-a`
//! playbook's own model and wrong replies (as `examples/gen_replies.rs`
//! writes them, in memory) through the whole pipeline (reader, workers,
//! ordered writer), on one thread and on two. Criterion reports replies/s.
//!
//! The whole-process run over a million lines, with peak memory:
//!
//! ```sh
//! cargo run --release --example gen_replies -- 1000000 > /tmp/replies.jsonl
//! /usr/bin/time -v target/release/ethos grade --playbook hotel-a /tmp/replies.jsonl > /dev/null
//! ```

use std::io::Cursor;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ethos::engine::Engine;
use ethos::grade::{self, Input, NoProgress, Options};
use ethos::playbook::{bundled, load};

const LINES: usize = 20_000;

/// JSON Lines of the playbook's free-reply beats: their model and wrong
/// replies, each with the beat's step, customer name and message.
fn replies(playbook: &ethos::playbook::Playbook) -> Vec<u8> {
    let mut pool = Vec::new();
    for scenario in &playbook.scenarios {
        let name = scenario.customer.name.as_ref().map(|n| n.value.clone());
        for beat in scenario.beats.iter().filter(|b| !b.is_decision()) {
            for reply in beat.model.iter().chain(&beat.wrong) {
                pool.push(serde_json::json!({
                    "step": beat.step.value,
                    "text": reply.value.trim(),
                    "context": { "customer.name": name, "message": beat.customer.value },
                }));
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..LINES {
        let mut line = pool[i % pool.len()].clone();
        line["id"] = i.into();
        serde_json::to_writer(&mut out, &line).expect("plain data serialises");
        out.push(b'\n');
    }
    out
}

fn grade_throughput(c: &mut Criterion) {
    let playbook = load::parse(bundled::find("hotel-a").expect("bundled").text).expect("loads");
    let engine = Engine::new(&playbook).expect("compiles");
    let input = replies(&playbook);
    let mut group = c.benchmark_group("grade");
    group.throughput(Throughput::Elements(LINES as u64));
    group.sample_size(10);
    for jobs in [1, 2] {
        group.bench_function(format!("jsonl/hotel-a/{LINES}-replies/jobs-{jobs}"), |b| {
            b.iter(|| {
                let options = Options {
                    jobs,
                    ..Options::default()
                };
                let mut sink = std::io::sink();
                grade::run(
                    &engine,
                    Box::new(Cursor::new(input.clone())),
                    Input::JsonLines,
                    &mut sink,
                    options,
                    &NoProgress,
                )
                .expect("grades")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, grade_throughput);
criterion_main!(benches);
