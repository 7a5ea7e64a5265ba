//! The policy document's own parts: who may grant what (the empowerment
//! matrix), who takes a case above a limit, the escalation rules as
//! sentences, and the pictures (the ladder, each scenario's branches); and
//! what the policy decides at a decision, which the handbook shows too.

use serde::Serialize;

use super::super::diagram::{EdgeKind, Flow, FlowEdge, FlowNode, FlowWords, Ladder, Rung};
use super::super::{mermaid, svg};
use super::{Builder, clean, name_of};
use crate::engine::policy;
use crate::engine::{Context, Proposal};
use crate::playbook::{Choice, Limit, Next, Scenario};
use crate::words::Words;
use crate::words::render::{self as say, Ceiling};

#[derive(Debug, Serialize)]
pub struct ActionDoc {
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
}

/// The empowerment matrix: roles × actions.
#[derive(Debug, Serialize)]
pub struct Matrix {
    /// One per action: "Refund part of the bill (USD)".
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
    /// Who takes a case above a role's limit, per role and action (the bands
    /// of `engine::policy::authority`, the function `validate` rules with).
    pub beyond: Vec<BeyondDoc>,
}

#[derive(Debug, Serialize)]
pub struct BeyondDoc {
    /// The role's title.
    pub role: String,
    /// "Refund part of the bill: over 100 USD, to the duty manager (up to 500 USD), then …"
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub role: String,
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EscalationDoc {
    pub id: String,
    /// The id as words.
    pub name: String,
    /// "If the customer says “hurt” …, the duty manager takes the case within 5 minutes."
    pub sentence: String,
    pub why: Option<String>,
    /// The title of the role that takes the case.
    pub to: String,
    /// "5 minutes"
    pub within: Option<String>,
}

/// A drawing: inline SVG for HTML, Mermaid for Markdown, and what it shows.
#[derive(Debug, Serialize)]
pub struct Picture {
    pub svg: String,
    pub mermaid: String,
    pub alt: String,
}

impl Builder<'_> {
    pub(super) fn actions(&self) -> Vec<ActionDoc> {
        self.pb
            .actions
            .iter()
            .map(|a| ActionDoc {
                id: a.id.value.clone(),
                title: clean(&a.title),
                unit: a.unit.as_ref().map(|u| clean(u)),
            })
            .collect()
    }

    pub(super) fn matrix(&self) -> Matrix {
        let pb = self.pb;
        let w = self.w;
        Matrix {
            columns: pb
                .actions
                .iter()
                .map(|a| say::matrix_column(w, &clean(&a.title), self.unit(&a.id).as_deref()))
                .collect(),
            rows: pb
                .roles
                .iter()
                .map(|role| MatrixRow {
                    role: clean(&role.title),
                    cells: pb
                        .actions
                        .iter()
                        .map(|a| say::limit(w, role.limit(&a.id), self.unit(&a.id).as_deref()))
                        .collect(),
                })
                .collect(),
            beyond: self.beyond(),
        }
    }

    /// For every role and action it cannot grant without limit: who takes
    /// the amounts above, band by band, as `validate` decides them.
    fn beyond(&self) -> Vec<BeyondDoc> {
        let pb = self.pb;
        let w = self.w;
        let mut out = Vec::new();
        for (rank, role) in pb.roles.iter().enumerate() {
            for action in &pb.actions {
                let own = role.limit(&action.id);
                if own == Some(Limit::Unlimited) {
                    continue;
                }
                let unit = self.unit(&action.id);
                let bands = policy::authority(&pb.roles, rank, &action.id);
                let above: Vec<(String, String)> = bands
                    .iter()
                    .filter(|b| b.rank != rank)
                    .map(|b| {
                        (
                            say::role_name(w, &pb.roles[b.rank]),
                            say::limit(w, Some(b.up_to), unit.as_deref()),
                        )
                    })
                    .collect();
                let ceiling = match bands.last().map(|b| b.up_to) {
                    Some(Limit::Amount(a)) => Ceiling::Over(w.amount(a, unit.as_deref())),
                    Some(Limit::Unlimited) => Ceiling::None,
                    None => Ceiling::Nobody,
                };
                let own = match own {
                    Some(Limit::Amount(a)) => Some(w.amount(a, unit.as_deref())),
                    _ => None,
                };
                out.push(BeyondDoc {
                    role: clean(&role.title),
                    text: say::beyond_limit(
                        w,
                        &clean(&action.title),
                        own.as_deref(),
                        &above,
                        &ceiling,
                    ),
                });
            }
        }
        out
    }

    pub(super) fn escalation(&self) -> Vec<EscalationDoc> {
        let w = self.w;
        self.pb
            .escalation
            .iter()
            .map(|e| {
                let within = e.within.as_ref().map(|d| d.value);
                EscalationDoc {
                    id: e.id.value.clone(),
                    name: name_of(&e.id),
                    sentence: say::escalation(
                        w,
                        &self.condition(&e.when),
                        &self.role_words(&e.to),
                        within,
                    ),
                    why: e.why.as_ref().map(|w| clean(w)),
                    to: self.role_title(&e.to),
                    within: within.map(|d| w.duration(d)),
                }
            })
            .collect()
    }

    /// The ladder, front line first: what each role may grant, and what sends
    /// a case up to it (being over the limit below, and the escalation rules
    /// that name it, each by its `why`, or its condition when it has none).
    pub(super) fn ladder(&self) -> Picture {
        let pb = self.pb;
        let w = self.w;
        let rungs: Vec<Rung> = pb
            .roles
            .iter()
            .enumerate()
            .map(|(rank, role)| Rung {
                title: clean(&role.title),
                limits: role
                    .may
                    .iter()
                    .filter_map(|(action, grants)| {
                        let limit = grants.value.unconditional()?;
                        Some(say::action_limit(
                            w,
                            &self.action_title(action),
                            limit,
                            self.unit(action).as_deref(),
                        ))
                    })
                    .collect(),
                reasons: if rank == 0 {
                    Vec::new()
                } else {
                    std::iter::once(w.text("render-over-limit"))
                        .chain(
                            pb.escalation
                                .iter()
                                .filter(|e| pb.role_rank(&e.to) == Some(rank))
                                .map(|e| {
                                    // The author's reason is short enough for
                                    // a picture; a condition may list many phrases.
                                    let reason = e.why.as_ref().map_or_else(
                                        || self.condition(&e.when),
                                        |why| clean(why).trim_end_matches(['.', '。']).to_owned(),
                                    );
                                    say::ladder_reason(
                                        w,
                                        &reason,
                                        e.within.as_ref().map(|d| d.value),
                                    )
                                }),
                        )
                        .collect()
                },
            })
            .collect();
        let ladder = Ladder {
            title: w.text("render-ladder"),
            rungs,
        };
        Picture {
            svg: svg::ladder(&ladder),
            mermaid: mermaid::ladder(&ladder),
            alt: ladder.title.clone(),
        }
    }

    /// A scenario's beats as a graph, each beat by its number and step.
    pub(super) fn branches(&self, scenario: &Scenario) -> Picture {
        let w = self.w;
        let index = |id: &str| scenario.beats.iter().position(|b| b.id.as_str() == id);
        let mut edges = Vec::new();
        for (from, beat) in scenario.beats.iter().enumerate() {
            match beat.next.as_ref().map(|n| &n.value) {
                None => edges.push(FlowEdge {
                    from,
                    to: None,
                    kind: EdgeKind::Always,
                }),
                Some(Next::Always(to)) => edges.push(FlowEdge {
                    from,
                    to: index(to),
                    kind: EdgeKind::Always,
                }),
                Some(Next::Branch { pass, fail }) if pass.value == fail.value => {
                    edges.push(FlowEdge {
                        from,
                        to: index(pass),
                        kind: EdgeKind::Always,
                    });
                }
                Some(Next::Branch { pass, fail }) => {
                    edges.push(FlowEdge {
                        from,
                        to: index(pass),
                        kind: EdgeKind::Pass,
                    });
                    edges.push(FlowEdge {
                        from,
                        to: index(fail),
                        kind: EdgeKind::Fail,
                    });
                }
            }
        }
        let flow = Flow {
            title: w.labelled(&w.text("render-branches"), &clean(&scenario.title)),
            nodes: scenario
                .beats
                .iter()
                .enumerate()
                .map(|(i, b)| FlowNode {
                    title: format!("{} · {}", i + 1, self.step_title(&b.step)),
                    text: clean(&b.customer),
                    decision: b.is_decision(),
                })
                .collect(),
            edges,
            words: FlowWords {
                pass: w.text("render-pass"),
                fail: w.text("render-fail"),
                start: w.text("render-start"),
                end: w.text("render-end"),
                decision: w.text("render-decision"),
                open_quote: say::quote_marks(w).0,
                close_quote: say::quote_marks(w).1,
            },
        };
        Picture {
            svg: svg::flow(&flow),
            mermaid: mermaid::flow(&flow),
            alt: flow.title.clone(),
        }
    }

    /// What the policy decides when the best choice is taken, in words: the
    /// one wording of a decision, the one `validate` and the drill use.
    pub(super) fn best_decision(&self, context: &Context, choices: &[Choice]) -> String {
        // With no role there is no one to decide (`check` reports it); the
        // policy engine expects a ladder.
        if self.pb.roles.is_empty() {
            return String::new();
        }
        let proposal = choices
            .iter()
            .find(|c| c.is_best())
            .map(Proposal::of_choice)
            .unwrap_or_default();
        let outcome = self.engine.decide(context, &proposal);
        Words::of(self.pb).decision(self.pb, &outcome.decision(self.pb))
    }
}
