//! Write N synthetic replies for `ethos grade`, as JSON Lines on stdout:
//!
//! ```sh
//! cargo run --release --example gen_replies -- 1000000 > /tmp/replies.jsonl
//! time target/release/ethos grade --playbook hotel-a /tmp/replies.jsonl > /dev/null
//! ```
//!
//! The replies are the bundled `hotel-a` playbook's own model and wrong
//! replies, varied with a few words so no two are alike, 100 to 300 bytes
//! long; about one in six is Chinese. Deterministic: the same N gives the
//! same file.

use std::io::{BufWriter, Write};

use ethos::playbook::{bundled, load};

/// Phrases that make replies longer without changing what they say.
const FILLERS: &[&str] = &[
    "Thank you for telling me.",
    "I completely understand.",
    "Please bear with me for a moment.",
    "It is a lovely day by the pool.",
    "We want your stay to be perfect.",
];

const CHINESE: &[&str] = &[
    "您好，陈女士，非常抱歉给您带来不便，我马上为您更换新的毛巾和一杯热咖啡，不收取任何费用。",
    "请问您愿意为这杯咖啡付钱吗？这不归我管，您去找前台吧。",
    "王先生，感谢您的耐心，我已经请厨房为您准备早餐，十分钟内送到您的桌上。",
];

/// A pseudo-random index below `len`.
fn pick(r: u64, len: usize) -> usize {
    usize::try_from(r % len as u64).expect("below len")
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().expect("N is a count of replies"));
    let pb = load::parse(bundled::find("hotel-a").expect("bundled").text).expect("loads");
    // Every free-reply beat's replies, with the beat's step, customer and line.
    let mut pool = Vec::new();
    for scenario in &pb.scenarios {
        let name = scenario.customer.name.as_ref().map(|n| n.value.clone());
        for beat in scenario.beats.iter().filter(|b| !b.is_decision()) {
            for reply in beat.model.iter().chain(&beat.wrong) {
                pool.push((
                    beat.step.value.clone(),
                    name.clone(),
                    beat.customer.value.clone(),
                    reply.value.trim().to_owned(),
                ));
            }
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        // xorshift: small, fast, and the same sequence everywhere.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for id in 0..n {
        let r = next();
        let (step, name, message, reply) = &pool[pick(r, pool.len())];
        let mut text = if r % 6 == 0 {
            CHINESE[pick(r >> 8, CHINESE.len())].to_owned()
        } else {
            reply.clone()
        };
        while text.len() < 100 + pick(r >> 16, 120) {
            text.push(' ');
            text.push_str(FILLERS[pick(next(), FILLERS.len())]);
        }
        let line = serde_json::json!({
            "id": id,
            "step": step,
            "text": text,
            "context": { "customer.name": name, "message": message },
        });
        serde_json::to_writer(&mut out, &line).expect("write");
        out.write_all(b"\n").expect("write");
    }
}
