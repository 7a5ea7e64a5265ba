//! The shape of each drill: `no-best-choice`, `unreachable-beat`, `endless-scenario`.

use std::collections::{HashMap, HashSet, VecDeque};

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::Scenario;
use crate::words::check::{Help, Message};

pub fn check(ctx: &mut CheckContext) {
    for scenario in &ctx.playbook.scenarios {
        best_choices(ctx, scenario);
        let graph = Graph::of(scenario);
        unreachable(ctx, scenario, &graph);
        endless(ctx, scenario, &graph);
    }
}

fn best_choices(ctx: &mut CheckContext, scenario: &Scenario) {
    for beat in scenario.beats.iter() {
        let Some(decide) = &beat.decide else { continue };
        let best: Vec<_> = decide
            .choices
            .iter()
            .filter_map(|c| c.best.as_ref().filter(|b| b.value))
            .collect();
        match best.as_slice() {
            [_] => {}
            [] => {
                ctx.report(
                    Code::NoBestChoice,
                    decide.pos,
                    Message::NoBestChoice { beat: &beat.id },
                )
                .help(Help::MarkBest);
            }
            [_, second, ..] => {
                ctx.report(
                    Code::NoBestChoice,
                    second.pos,
                    Message::SeveralBestChoices {
                        beat: &beat.id,
                        count: best.len(),
                    },
                )
                .help(Help::KeepOneBest);
            }
        }
    }
}

/// Beats as nodes, `next` as edges (to beats that exist; an unknown target is
/// `unknown-beat`'s to report, and counts as an ending here so that one typo
/// does not also make the scenario look endless).
struct Graph {
    edges: Vec<Vec<usize>>,
    ends: Vec<bool>,
}

impl Graph {
    fn of(scenario: &Scenario) -> Graph {
        let index: HashMap<&str, usize> = scenario
            .beats
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.as_str(), i))
            .rev() // the first of duplicate ids wins
            .collect();
        let mut edges = Vec::new();
        let mut ends = Vec::new();
        for beat in scenario.beats.iter() {
            let targets = beat.next_targets();
            let known: Vec<usize> = targets
                .iter()
                .filter_map(|(id, _)| index.get(id).copied())
                .collect();
            ends.push(targets.is_empty() || known.len() < targets.len());
            edges.push(known);
        }
        Graph { edges, ends }
    }

    fn reachable_from_first(&self) -> Vec<bool> {
        let mut seen = vec![false; self.edges.len()];
        let mut queue = VecDeque::new();
        if !seen.is_empty() {
            seen[0] = true;
            queue.push_back(0);
        }
        while let Some(i) = queue.pop_front() {
            for &j in &self.edges[i] {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        seen
    }

    /// Which beats have some path to an ending, by walking edges backwards from
    /// the endings.
    fn can_end(&self) -> Vec<bool> {
        let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); self.edges.len()];
        for (from, targets) in self.edges.iter().enumerate() {
            for &to in targets {
                reverse[to].push(from);
            }
        }
        let mut can = self.ends.clone();
        let mut queue: VecDeque<usize> = (0..can.len()).filter(|&i| can[i]).collect();
        while let Some(i) = queue.pop_front() {
            for &from in &reverse[i] {
                if !can[from] {
                    can[from] = true;
                    queue.push_back(from);
                }
            }
        }
        can
    }
}

fn unreachable(ctx: &mut CheckContext, scenario: &Scenario, graph: &Graph) {
    let Some(first) = scenario.beats.first() else {
        return;
    };
    let reachable = graph.reachable_from_first();
    let mut reported = HashSet::new();
    for (beat, reached) in scenario.beats.iter().zip(reachable) {
        if !reached && reported.insert(beat.id.as_str()) {
            ctx.report(
                Code::UnreachableBeat,
                beat.id.pos,
                Message::UnreachableBeat {
                    first: &first.id,
                    scenario: &scenario.id,
                    beat: &beat.id,
                },
            )
            .help(Help::NameInNext { beat: &beat.id });
        }
    }
}

fn endless(ctx: &mut CheckContext, scenario: &Scenario, graph: &Graph) {
    let can_end = graph.can_end();
    let stuck: Vec<&str> = scenario
        .beats
        .iter()
        .zip(&can_end)
        .filter(|(_, can)| !**can)
        .map(|(b, _)| b.id.as_str())
        .collect();
    let Some(first_stuck) = scenario
        .beats
        .iter()
        .zip(&can_end)
        .find(|(_, can)| !**can)
        .map(|(b, _)| b)
    else {
        return;
    };
    ctx.report(
        Code::EndlessScenario,
        first_stuck.id.pos,
        Message::EndlessScenario {
            scenario: &scenario.id,
            beat: &first_stuck.id,
            stuck: &stuck,
        },
    )
    .help(Help::GiveAnEnding);
}
