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
use crate::playbook::{Choice, Grants, Limit, Next, Scenario};
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
    /// The conditions of the grants in the cells, by their marks ("¹ when
    /// the flight status is delayed"), in the order the cells use them.
    pub notes: Vec<NoteDoc>,
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
    /// Each cell on one line: "up to 50 USD"; grants that depend on the
    /// case joined, marks included ("up to 100 USD × passengers ¹, otherwise —").
    pub cells: Vec<String>,
    /// Each cell as its grants, one line each, in the order they are tried.
    pub grants: Vec<Vec<GrantLine>>,
}

/// One grant of a cell: "up to 50 USD × passengers", "otherwise up to 10 USD",
/// with the mark of its condition's footnote.
#[derive(Debug, Serialize)]
pub struct GrantLine {
    pub text: String,
    /// "¹"; `null` for a grant without `when`.
    pub mark: Option<String>,
}

/// A footnote of the matrix.
#[derive(Debug, Serialize)]
pub struct NoteDoc {
    pub mark: String,
    /// "when “status” is “delayed”"
    pub text: String,
    /// Mark and text: "¹ when “status” is “delayed”".
    pub line: String,
}

/// The footnotes as they are handed out: one mark per distinct condition,
/// numbered in the order the cells use them.
#[derive(Default)]
pub(super) struct Notes {
    list: Vec<NoteDoc>,
}

impl Notes {
    /// The mark of a condition's note, a new one if it has none yet.
    fn mark(&mut self, w: Words, text: String) -> String {
        if let Some(note) = self.list.iter().find(|n| n.text == text) {
            return note.mark.clone();
        }
        let mark = superscript(self.list.len() + 1);
        self.list.push(NoteDoc {
            line: say::footnote(w, &mark, &text),
            mark: mark.clone(),
            text,
        });
        mark
    }
}

/// A footnote mark: ¹, ², … ¹⁰.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
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

/// A cell on one line: its grants joined, each with its mark.
fn cell_text(w: Words, lines: &[GrantLine]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| match &l.mark {
            Some(mark) => format!("{} {mark}", l.text),
            None => l.text.clone(),
        })
        .collect();
    say::list(w, &lines)
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
        let mut notes = Notes::default();
        let rows = pb
            .roles
            .iter()
            .map(|role| {
                let grants: Vec<Vec<GrantLine>> = pb
                    .actions
                    .iter()
                    .map(|a| self.grant_lines(role.grants(&a.id), &a.id, &mut notes))
                    .collect();
                MatrixRow {
                    role: clean(&role.title),
                    cells: grants.iter().map(|lines| cell_text(w, lines)).collect(),
                    grants,
                }
            })
            .collect();
        Matrix {
            columns: pb
                .actions
                .iter()
                .map(|a| say::matrix_column(w, &clean(&a.title), self.unit(&a.id).as_deref()))
                .collect(),
            rows,
            notes: notes.list,
            beyond: self.beyond(),
        }
    }

    /// A role's grants of an action, one line each in the order they are
    /// tried, each after the first as "otherwise …"; when none need hold
    /// (the last has a `when` or a `per`), a last line says what happens
    /// then. A plain limit is one line, as in version 1: "up to 50 USD".
    fn grant_lines(
        &self,
        grants: Option<&Grants>,
        action: &str,
        notes: &mut Notes,
    ) -> Vec<GrantLine> {
        let w = self.w;
        let Some(grants) = grants else {
            return vec![GrantLine {
                text: say::limit(w, None, None),
                mark: None,
            }];
        };
        let unit = self.unit(action);
        let mut lines: Vec<GrantLine> = grants
            .list
            .iter()
            .enumerate()
            .map(|(i, grant)| {
                let limit = say::grant_limit(
                    w,
                    grant.up_to.value,
                    unit.as_deref(),
                    grant.per.as_ref().map(|p| p.value.as_str()),
                );
                GrantLine {
                    text: if i == 0 {
                        limit
                    } else {
                        say::otherwise(w, &limit)
                    },
                    mark: grant
                        .when
                        .as_ref()
                        .map(|c| notes.mark(w, say::grant_note(w, &self.condition(c)))),
                }
            })
            .collect();
        if grants.list.last().is_some_and(|g| !g.always_holds()) {
            lines.push(GrantLine {
                text: say::otherwise(w, &say::limit(w, None, None)),
                mark: None,
            });
        }
        lines
    }

    /// A role's grants of one action in words, for the handbook: the
    /// condition said in full on each line, in the order they are tried.
    pub(super) fn grant_sentences(&self, grants: &Grants, action: &str) -> Vec<String> {
        let w = self.w;
        let unit = self.unit(action);
        let mut lines: Vec<String> = grants
            .list
            .iter()
            .enumerate()
            .map(|(i, grant)| {
                let limit = say::grant_limit(
                    w,
                    grant.up_to.value,
                    unit.as_deref(),
                    grant.per.as_ref().map(|p| p.value.as_str()),
                );
                let line = match &grant.when {
                    Some(c) => say::grant_when(w, &limit, &self.condition(c)),
                    None => limit,
                };
                if i == 0 {
                    line
                } else {
                    say::otherwise(w, &line)
                }
            })
            .collect();
        if grants.list.last().is_some_and(|g| !g.always_holds()) {
            lines.push(say::otherwise(w, &say::no_grant_holds(w)));
        }
        lines
    }

    /// For every role and action it cannot grant without limit: who takes
    /// the amounts above, band by band, as `validate` decides them.
    fn beyond(&self) -> Vec<BeyondDoc> {
        let pb = self.pb;
        let w = self.w;
        let mut out = Vec::new();
        for (rank, role) in pb.roles.iter().enumerate() {
            for action in &pb.actions {
                // Where the role's limit depends on the case, its cell and
                // notes say what it is; the bands are the case-free limits.
                if role.grants(&action.id).is_some_and(Grants::is_conditional) {
                    continue;
                }
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
                    .map(|(action, grants)| match grants.value.unconditional() {
                        Some(limit) => say::action_limit(
                            w,
                            &self.action_title(action),
                            limit,
                            self.unit(action).as_deref(),
                        ),
                        // The matrix and its notes say the cases.
                        None => w.labelled(&self.action_title(action), &w.text("render-depends")),
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
