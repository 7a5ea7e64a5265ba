//! Reading conversation lines: τ-bench's 200 airline runs
//! (`tests/fixtures/tau-bench/`, 3.2 MB, 5,308 messages), each line read
//! into a `Conversation` (`read_line`, and `read_line_to_judge` as `ethos
//! grade` reads), the whole file through the streaming reader (`Lines`), and
//! the auto-detect test grade runs on every line (`looks_like_conversation`).
//! Throughput is in conversations, so criterion reports conversations per
//! second.

use std::hint::black_box;
use std::io::{BufReader, Cursor};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ethos::conversation::{Lines, looks_like_conversation, read_line, read_line_to_judge};

// The allocator the binary uses (`src/main.rs`): a conversation is many
// small strings, and the numbers should be the ones `ethos grade` sees.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn tau_bench() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tau-bench/airline-gpt-4o.jsonl"
    );
    std::fs::read_to_string(path).expect("the τ-bench fixture")
}

fn read(c: &mut Criterion) {
    let text = tau_bench();
    let lines: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("conversation_read");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("read_line", |b| {
        b.iter(|| {
            for (i, line) in lines.iter().enumerate() {
                black_box(read_line(line, i as u64 + 1).is_ok());
            }
        });
    });
    group.bench_function("read_line_to_judge", |b| {
        b.iter(|| {
            for (i, line) in lines.iter().enumerate() {
                black_box(read_line_to_judge(line, i as u64 + 1).is_ok());
            }
        });
    });
    group.bench_function("read_line_to_judge", |b| {
        b.iter(|| {
            for (i, line) in lines.iter().enumerate() {
                black_box(read_line_to_judge(line, i as u64 + 1).is_ok());
            }
        });
    });
    group.bench_function("lines", |b| {
        b.iter(|| {
            let input = BufReader::new(Cursor::new(text.as_bytes()));
            black_box(Lines::new(input).count());
        });
    });
    group.bench_function("looks_like_conversation", |b| {
        b.iter(|| black_box(lines.iter().filter(|l| looks_like_conversation(l)).count()));
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
