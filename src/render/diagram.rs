//! What the pictures show, independent of how they are drawn: the escalation
//! ladder and a scenario's branches. `svg.rs` draws them for HTML, `mermaid.rs`
//! writes them for Markdown; both from the same data, so they cannot disagree.

/// The escalation ladder, front line first.
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    /// What the picture shows, for screen readers.
    pub title: String,
    pub rungs: Vec<Rung>,
}

/// One role on the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct Rung {
    pub title: String,
    /// What the role may grant on its own: "replace ≤ 50 USD".
    pub limits: Vec<String>,
    /// What sends a case up to this role (empty for the front line).
    pub reasons: Vec<String>,
}

/// A scenario as a graph of beats.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub title: String,
    pub nodes: Vec<FlowNode>,
    pub edges: Vec<FlowEdge>,
    pub words: FlowWords,
}

/// One beat.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowNode {
    /// "spill · Warm welcome"
    pub title: String,
    /// What the customer says.
    pub text: String,
    /// A decision (a choice to make) rather than a free reply.
    pub decision: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowEdge {
    pub from: usize,
    /// The beat it leads to; `None` is the end of the scenario.
    pub to: Option<usize>,
    pub kind: EdgeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    Always,
    Pass,
    Fail,
}

/// The few words a drawing needs, in the document's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowWords {
    pub pass: String,
    pub fail: String,
    pub start: String,
    pub end: String,
    pub decision: String,
    /// The locale's quotation marks, around what the customer says.
    pub open_quote: String,
    pub close_quote: String,
}

impl FlowWords {
    /// What the customer says, in the locale's quotation marks.
    pub fn quote(&self, text: &str) -> String {
        format!("{}{text}{}", self.open_quote, self.close_quote)
    }
}

impl Flow {
    /// Whether some beat ends the scenario (so an end node is drawn).
    pub fn has_end(&self) -> bool {
        self.edges.iter().any(|e| e.to.is_none())
    }

    /// The label an edge carries: nothing for `Always`.
    pub fn edge_label(&self, kind: EdgeKind) -> Option<&str> {
        match kind {
            EdgeKind::Always => None,
            EdgeKind::Pass => Some(&self.words.pass),
            EdgeKind::Fail => Some(&self.words.fail),
        }
    }
}
