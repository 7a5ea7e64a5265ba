//! A synthetic playbook of any size, for benchmarks and timing the whole
//! process: every rule, scenario and beat is well-formed, so `check` has the
//! full work to do and nothing to stop early for.

// Each bench and example includes this file and uses part of it.
#![allow(dead_code)]

use std::fmt::Write;

/// A playbook with `rules` rules and `scenarios` scenarios of `beats` beats
/// that checks clean: every model passes, and between them the wrong replies
/// catch every rule, so `check` does all of its work and reports nothing.
pub fn playbook(rules: usize, scenarios: usize, beats: usize) -> String {
    playbook_of(rules, scenarios, beats, false)
}

/// [`playbook`] with `examples` on every rule (a reply it must pass and one
/// it must fail), which `check` judges each against its rule alone: they
/// also check clean.
pub fn playbook_with_examples(rules: usize, scenarios: usize, beats: usize) -> String {
    playbook_of(rules, scenarios, beats, true)
}

fn playbook_of(rules: usize, scenarios: usize, beats: usize, with_examples: bool) -> String {
    let mut y = String::with_capacity(rules * 120 + scenarios * beats * 400);
    y.push_str(
        "playbook: synthetic\ntitle: Synthetic load\ncompany: Bench Inc\nreview_by: 2099-01-01\n\
         philosophy:\n  statement: Fix it on the spot.\n  values:\n    - {id: warmth, text: Be warm.}\n\
         roles:\n  - {id: agent, title: Agent, may: {refund: 50, replace: 30}}\n\
         \x20 - {id: lead, title: Team lead, may: {refund: 500, replace: 300}}\n\
         \x20 - {id: manager, title: Manager, may: {refund: yes, replace: yes}}\n\
         actions:\n  - {id: refund, title: Refund, unit: USD}\n  - {id: replace, title: Replace, unit: USD}\n\
         steps:\n",
    );
    let steps = ["welcome", "probe", "present", "listen", "end"];
    for step in steps {
        let _ = writeln!(
            y,
            "  - {{id: {step}, title: {step}, goal: Do the {step} well., values: [warmth]}}"
        );
    }
    // Rule kinds in turn. Mention rules share their phrases (every model says
    // "hello"); avoid and swap rules each have their own, which one wrong reply
    // somewhere says; echo rules want the beat's key facts; length rules are
    // broken by one long wrong reply per step.
    let long_wrong = "Hello, well, I do not really know what to tell you about your order, because \
        it is not something I deal with and I think that you should write to somebody else about \
        it, maybe tomorrow or the day after, when the office is open again for everyone.";
    let avoid: Vec<usize> = (0..rules).filter(|i| i % 5 == 1).collect();
    let swap: Vec<usize> = (0..rules).filter(|i| i % 5 == 2).collect();
    y.push_str("rules:\n");
    for i in 0..rules {
        // Kinds cycle every 5 rules and steps every 25, so each step gets each kind.
        let step = steps[(i / 5) % steps.len()];
        let rule = match i % 5 {
            0 => format!(
                "id: r{i}, at: [{step}], check: mention, phrases: [hello, good day, welcome back {i}]"
            ),
            1 => format!(
                "id: r{i}, check: avoid, phrases: [calm down {i}], patterns: ['\\bnot my job {i}\\b']"
            ),
            2 => format!("id: r{i}, check: swap, swap: {{problem {i}: situation {i}}}"),
            3 => format!("id: r{i}, at: [{step}], check: length, max_words: 40"),
            _ => format!("id: r{i}, at: [{step}], check: echo, min: 1"),
        };
        let examples = match i % 5 {
            _ if !with_examples => String::new(),
            0 => ", examples: {pass: [Hello there.], fail: [Good evening.]}".to_owned(),
            1 => format!(", examples: {{pass: [All is well.], fail: ['Calm down {i}, please.']}}"),
            2 => format!(", examples: {{pass: [That situation {i} again.], fail: [That problem {i} again.]}}"),
            3 => format!(", examples: {{pass: [Short and sweet.], fail: ['{long_wrong}']}}"),
            _ => ", examples_context: {key_facts: 'order, upset'}, examples: {pass: [Your order is on its way.], fail: [Hello there.]}".to_owned(),
        };
        let _ = writeln!(y, "  - {{{rule}{examples}}}");
    }
    y.push_str(
        "escalation:\n  - {id: hurt, when: {customer_says: [hurt, injured]}, to: lead, within: 5m}\n\
         \x20 - {id: big-refund, when: {action: refund, amount: {over: 500}}, to: manager, within: 1d}\n\
         scenarios:\n",
    );
    let mut n = 0; // wrong replies written so far: which avoid and swap rule this one breaks
    for s in 0..scenarios {
        let _ = write!(
            y,
            "  - id: s{s}\n    title: Scenario {s}\n    situation: A guest needs help, case {s}.\n    \
             customer: {{name: Dana, mood: annoyed, tier: gold}}\n    facts: {{at_fault: false}}\n    beats:\n"
        );
        for b in 0..beats {
            let step = steps[b % steps.len()];
            let calm = avoid.get(n % avoid.len().max(1)).copied().unwrap_or(0);
            let problem = swap.get(n % swap.len().max(1)).copied().unwrap_or(0);
            n += 1;
            let _ = write!(
                y,
                "      - id: b{b}\n        step: {step}\n        customer: My order {b} went wrong and I am upset.\n        \
                 key_facts: [order, upset]\n        model: Hello, I am sorry your order went wrong and that you are upset; I will fix it now.\n        \
                 wrong:\n          - Calm down {calm}, this is a problem {problem} and it is not my job {calm}.\n"
            );
            if s == 0 {
                let _ = writeln!(y, "          - {long_wrong}");
            }
            if b + 1 < beats {
                let _ = writeln!(
                    y,
                    "        next: {{pass: b{}, fail: b{}}}",
                    b + 1,
                    beats - 1
                );
            }
        }
    }
    y
}

/// Words for realistic phrases: the vocabulary of service replies.
const WORDS: &[&str] = &[
    "sorry", "thank", "you", "guest", "room", "coffee", "towel", "refund", "manager", "right",
    "away", "help", "please", "wait", "order", "today", "fresh", "bring", "clean", "check", "pay",
    "cost", "policy", "sure", "happy", "minute", "again", "table", "drink", "bill", "charge",
    "free", "late", "early", "new", "soon",
];

const HAN: &[&str] = &[
    "您好", "抱歉", "马上", "为您", "处理", "感谢", "经理", "退款", "咖啡", "毛巾", "房间", "稍等",
];

/// A playbook of `rules` rules at one step, all applying to every reply: 40%
/// mention and 40% avoid rules of five phrases (every fourth avoid rule with a
/// pattern), 10% swap, 5% length and 5% echo. Phrases are two-word
/// combinations of service words, and some Chinese ones.
pub fn rules_playbook(rules: usize) -> String {
    let mut y = String::from(
        "playbook: bench-rules\ntitle: Bench\ncompany: Bench Inc\nphilosophy: {statement: Fix it.}\n\
         roles: [{id: agent, title: Agent}]\nsteps: [{id: reply, title: Reply, goal: Help.}]\nrules:\n",
    );
    let word = |i: usize| WORDS[i % WORDS.len()];
    for i in 0..rules {
        let phrases: Vec<String> = (0..5)
            .map(|k| {
                let n = i * 5 + k;
                if n % 7 == 0 {
                    HAN[n % HAN.len()].to_owned()
                } else {
                    format!("{} {}", word(n), word(n * 3 + 1))
                }
            })
            .collect();
        let list = phrases.join(", ");
        match i % 20 {
            0..=7 => {
                let _ = writeln!(y, "  - {{id: r{i}, check: mention, phrases: [{list}]}}");
            }
            8..=15 if i % 4 == 0 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, check: avoid, phrases: [{list}], patterns: ['\\b{}\\s+(?:is|was)\\b']}}",
                    word(i)
                );
            }
            8..=15 => {
                let _ = writeln!(y, "  - {{id: r{i}, check: avoid, phrases: [{list}]}}");
            }
            16 | 17 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, check: swap, swap: {{{}: {}, {}: {}}}}}",
                    phrases[0],
                    word(i + 2),
                    phrases[1],
                    word(i + 3)
                );
            }
            18 => {
                let _ = writeln!(y, "  - {{id: r{i}, check: length, max_words: 80}}");
            }
            _ => {
                let _ = writeln!(y, "  - {{id: r{i}, check: echo, min: 1}}");
            }
        }
    }
    y
}

/// A reply of about 300 bytes in English.
pub const REPLY_EN: &str = "Good morning Dana, I am so sorry about the coffee and the towels by the pool. \
    Let me bring a fresh coffee and clean towels right away, there is no charge at all. I have also asked the \
    kitchen to send something sweet to your table. If anything else comes up today, just wave and I will help.";

/// A reply of about 300 bytes in Chinese.
pub const REPLY_ZH: &str = "您好，王女士，非常抱歉给您带来不便。咖啡洒在毛巾上了，我马上为您更换新的毛巾和一杯热咖啡，\
    不收取任何费用。我已经请厨房为您准备一份小点心送到您的桌上。如果今天还有其他需要，请随时招手，我会第一时间为您处理。";

/// Words of other scripts, so that phrases use much of the byte range (the
/// case in which a DFA costs the most memory).
const OTHER: &[&str] = &[
    "цена",
    "ثمن",
    "τιμή",
    "ราคา",
    "가격",
    "prix",
    "счёт",
    "χρόνος",
];

/// A playbook of `phrases` distinct phrases, ten to an `avoid` rule at one
/// step: two or three words each, in English, Chinese and other scripts.
pub fn phrases_playbook(phrases: usize) -> String {
    let mut y = String::from(
        "playbook: bench-phrases\ntitle: Bench\ncompany: Bench Inc\nphilosophy: {statement: Fix it.}\n\
         roles: [{id: agent, title: Agent}]\nsteps: [{id: reply, title: Reply, goal: Help.}]\nrules:\n",
    );
    let rules = phrases.div_ceil(10);
    for r in 0..rules {
        let list: Vec<String> = (r * 10..(r * 10 + 10).min(phrases))
            .map(|n| {
                let a = WORDS[n % WORDS.len()];
                let b = match n % 3 {
                    0 => HAN[n / 3 % HAN.len()],
                    1 => OTHER[n / 3 % OTHER.len()],
                    _ => WORDS[n / 7 % WORDS.len()],
                };
                // The number makes each phrase distinct, as in a real playbook.
                format!("{a} {b} {n}")
            })
            .collect();
        let _ = writeln!(
            y,
            "  - {{id: r{r}, check: avoid, phrases: [{}]}}",
            list.join(", ")
        );
    }
    y
}

/// A playbook of `phrases` phrases of 1,000 characters (the most a phrase may
/// have), each in several scripts: the worst case for a DFA's memory.
pub fn long_phrases_playbook(phrases: usize) -> String {
    let mut y = String::from(
        "playbook: bench-long-phrases\ntitle: Bench\ncompany: Bench Inc\nphilosophy: {statement: Fix it.}\n\
         roles: [{id: agent, title: Agent}]\nsteps: [{id: reply, title: Reply, goal: Help.}]\nrules:\n",
    );
    for n in 0..phrases {
        let mut phrase = format!("p{n}");
        let mut i = n;
        while phrase.chars().count() < 990 {
            phrase.push(' ');
            phrase.push_str(match i % 3 {
                0 => HAN[i % HAN.len()],
                1 => OTHER[i % OTHER.len()],
                _ => WORDS[i % WORDS.len()],
            });
            i += 1;
        }
        let _ = writeln!(y, "  - {{id: r{n}, check: avoid, phrases: [\"{phrase}\"]}}");
    }
    y
}
