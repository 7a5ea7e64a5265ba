//! Write a synthetic playbook, for timing `ethos check` as a whole process:
//!
//! ```sh
//! cargo run --release --example gen_playbook -- 2000 500 10 > /tmp/big.yaml
//! time target/release/ethos check /tmp/big.yaml
//! ```
//!
//! A fourth argument, `examples`, gives every rule its own `examples`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let examples = args.last().is_some_and(|a| a == "examples");
    if examples {
        args.pop();
    }
    let counts: Vec<usize> = args
        .iter()
        .map(|a| {
            a.parse()
                .expect("arguments are counts: RULES SCENARIOS BEATS [examples]")
        })
        .collect();
    let (rules, scenarios, beats) = match counts.as_slice() {
        [r, s, b] => (*r, *s, *b),
        [] => (2000, 500, 10),
        _ => panic!("usage: gen_playbook [RULES SCENARIOS BEATS] [examples]"),
    };
    if examples {
        print!(
            "{}",
            synthetic::playbook_with_examples(rules, scenarios, beats)
        );
    } else {
        print!("{}", synthetic::playbook(rules, scenarios, beats));
    }
}
