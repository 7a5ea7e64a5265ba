//! Peak memory and time of compiling a playbook's phrases, for the record:
//!
//! ```sh
//! cargo run --release --example matcher_memory -- 10000
//! cargo run --release --example matcher_memory -- 20000
//! cargo run --release --example matcher_memory -- 10000 dfa   # the old forced DFA
//! cargo run --release --example matcher_memory -- 100 long      # 1,000-character phrases
//! cargo run --release --example matcher_memory -- 100 long-dfa
//! ```
//!
//! Each run is one process, so the peak (Linux's `VmHWM`) is this build's
//! alone: it reports how far the peak rose above the memory in use before
//! compiling (the YAML text and the loaded playbook).

use std::time::Instant;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use ethos::engine::Engine;
use ethos::engine::normalize::normalize;
use ethos::playbook::load;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

/// A line of `/proc/self/status`, in KB.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a field in kB")
}

fn mb(kb: u64) -> f64 {
    f64::from(u32::try_from(kb).unwrap_or(u32::MAX)) / 1024.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let phrases: usize = args
        .next()
        .map_or(10_000, |a| a.parse().expect("a number of phrases"));
    let mode = args.next().unwrap_or_default();
    let dfa = mode.ends_with("dfa");
    let text = if mode.starts_with("long") {
        synthetic::long_phrases_playbook(phrases)
    } else {
        synthetic::phrases_playbook(phrases)
    };
    let playbook = load::parse(&text).expect("the playbook loads");
    let before = status_kb("VmRSS:");
    let started = Instant::now();
    if dfa {
        // What the matcher did before: every phrase in one forced DFA.
        let normalized: Vec<String> = playbook
            .rules
            .iter()
            .flat_map(|r| r.phrases().iter().map(|p| normalize(p)))
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&normalized)
            .expect("builds");
        std::hint::black_box(&ac);
    } else {
        let engine = Engine::new(&playbook).expect("compiles");
        std::hint::black_box(&engine);
    }
    let elapsed = started.elapsed();
    let peak = status_kb("VmHWM:");
    println!(
        "{phrases} {}phrases{}: compiled in {:.1} ms, peak memory {:.1} MB above the {:.1} MB before",
        if mode.starts_with("long") {
            "long "
        } else {
            ""
        },
        if dfa { " (forced DFA)" } else { "" },
        elapsed.as_secs_f64() * 1000.0,
        mb(peak.saturating_sub(before)),
        mb(before),
    );
}
