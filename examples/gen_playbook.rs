//! Write a synthetic playbook, for timing `ethos check` as a whole process:
//!
//! ```sh
//! cargo run --release --example gen_playbook -- 2000 500 10 > /tmp/big.yaml
//! time target/release/ethos check /tmp/big.yaml
//! ```

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| {
            a.parse()
                .expect("arguments are counts: RULES SCENARIOS BEATS")
        })
        .collect();
    let (rules, scenarios, beats) = match args.as_slice() {
        [r, s, b] => (*r, *s, *b),
        [] => (2000, 500, 10),
        _ => panic!("usage: gen_playbook [RULES SCENARIOS BEATS]"),
    };
    print!("{}", synthetic::playbook(rules, scenarios, beats));
}
