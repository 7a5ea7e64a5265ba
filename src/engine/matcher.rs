//! Finding a playbook's phrases and patterns in a normalised reply, compiled
//! once per playbook.
//!
//! Phrases go into one Aho-Corasick automaton, and whole-word edges are checked
//! by our own code: regex `\b` does not see word edges in Chinese, and Unicode
//! `\b` makes a `RegexSet` hundreds of times slower on non-ASCII text. Patterns
//! are searched per rule, only for the rules that apply (see
//! [`Matcher::pattern_hits`]). Phrases and patterns with placeholders depend on the context and
//! are filled and searched per reply.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

use super::context::Context;
use super::negation::Scope;
use super::normalize::{is_whole_word, normalize};
use super::placeholder;
use super::plan::{Compiled as Filled, Scratch, Template};
use super::wildcard::{PhraseSet, occurrences};
use crate::playbook::{CheckKind, Pos, Rule, Spanned};

/// The most characters a phrase may have (`check` says `phrase-too-long`).
///
/// A limit an author can understand, far above any phrase a reply is held to
/// (the longest in the bundled playbooks is under 40), and it bounds what one
/// phrase can cost the automaton however the phrases are written.
pub const MAX_PHRASE_CHARS: usize = 1000;

/// The most memory the phrase automaton may take as a DFA, estimated before
/// building it; past it the automaton is a contiguous NFA.
///
/// A DFA stores a full row of transitions per state: with phrases in several
/// scripts the row has up to 256 entries of 4 bytes, about 1 KB per phrase
/// byte, and its build time grows with that table. A contiguous NFA stores only
/// the transitions a state has (a few bytes per phrase byte) and follows
/// failure links instead. On the judge bench (100 rules, replies of 300
/// bytes) the two were within noise of each other; the DFA is kept while it
/// is small (every playbook of a few hundred phrases), where batch grading
/// measured it a win, and the crate's own choice of "DFA for up to 100
/// phrases" is not used because 100 long phrases in several scripts would
/// still take hundreds of megabytes.
const DFA_BUDGET_BYTES: usize = 4 * 1024 * 1024;

/// What a rule looks for: its phrases, then its patterns, then (for `swap`)
/// its discouraged phrases, numbered in that order.
#[derive(Clone, Debug)]
pub struct Item {
    pub raw: String,
    pub kind: ItemKind,
    /// Has placeholders: filled and searched per reply.
    pub dynamic: bool,
    /// Where it is written, for a [`PatternError`].
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Phrase,
    Pattern,
}

/// The items of a rule, in the numbering hits use.
pub fn items_of(rule: &Rule) -> Vec<Item> {
    let item = |raw: &Spanned<String>, kind| Item {
        raw: raw.value.clone(),
        kind,
        dynamic: placeholder::has_any(raw),
        pos: raw.pos,
    };
    match rule.check.value {
        CheckKind::Mention | CheckKind::Avoid => rule
            .phrases()
            .iter()
            .map(|p| item(p, ItemKind::Phrase))
            .chain(rule.patterns().iter().map(|p| item(p, ItemKind::Pattern)))
            .collect(),
        CheckKind::Swap => rule
            .swap
            .iter()
            .flat_map(|s| s.iter())
            .map(|(discouraged, _)| item(discouraged, ItemKind::Phrase))
            .collect(),
        CheckKind::Length | CheckKind::Echo => Vec::new(),
    }
}

/// One occurrence of a rule's item in the normalised text (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub rule: usize,
    pub item: usize,
    pub start: usize,
    pub end: usize,
    /// A phrase's occurrence under a negation cue (rule 6); patterns match
    /// as written and are never negated.
    pub negated: bool,
}

/// A phrase or pattern the engine cannot compile: the playbook cannot be
/// judged with (`check` reports it as `invalid-pattern` or `phrase-too-long`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The rule (or escalation rule) it belongs to; empty for the phrases as a whole.
    pub rule: String,
    /// The phrase or pattern as written; empty for the phrases as a whole.
    pub pattern: String,
    pub problem: Problem,
    /// Why, in the words of the library that refused it (the regex crate's
    /// for a pattern, the automaton's for the phrases as a whole); empty for
    /// a phrase over the limit, whose length is `pattern`'s. Worded with the
    /// rest in `words::engine`.
    pub reason: String,
    /// Where it is written ([`Pos::FILE_START`] for the phrases as a whole).
    pub pos: Pos,
}

/// What is wrong, in [`PatternError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A pattern does not parse, or is too large to build.
    Pattern,
    /// A phrase is over [`MAX_PHRASE_CHARS`].
    PhraseTooLong,
    /// A role's handoff phrase is over [`MAX_PHRASE_CHARS`] (`rule` is the role).
    HandoffTooLong,
    /// The phrases together do not fit one automaton (not reachable within
    /// the loader's size limits, but a build error is reported, not a panic).
    Phrases,
}

/// The start of a long phrase, enough to find it by.
pub fn abbreviated(phrase: &str) -> Cow<'_, str> {
    const SHOWN: usize = 40;
    match phrase.char_indices().nth(SHOWN) {
        Some((end, _)) => Cow::Owned(format!("{}…", &phrase[..end])),
        None => Cow::Borrowed(phrase),
    }
}

/// How many characters a phrase has when it is too long, or `None`: the one
/// place [`MAX_PHRASE_CHARS`] is applied, for the engine and for `check`.
pub fn phrase_too_long(phrase: &str) -> Option<usize> {
    // Counting stops past the limit: a phrase of megabytes costs no more.
    let chars = phrase.chars().take(MAX_PHRASE_CHARS + 1).count();
    (chars > MAX_PHRASE_CHARS).then(|| phrase.chars().count())
}

/// One automaton over normalised phrases, never a panic: a DFA while its
/// transition table fits [`DFA_BUDGET_BYTES`], else a contiguous NFA (or a
/// non-contiguous one if even that overflows).
pub fn phrase_automaton<P: AsRef<[u8]>>(
    phrases: &[P],
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    automaton(phrases, false)
}

fn automaton<P: AsRef<[u8]>>(
    phrases: &[P],
    ascii_case_insensitive: bool,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    let mut builder = AhoCorasickBuilder::new();
    builder
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive);
    if dfa_estimate(phrases) <= DFA_BUDGET_BYTES
        && let Ok(dfa) = builder.kind(Some(AhoCorasickKind::DFA)).build(phrases)
    {
        return Ok(dfa);
    }
    // Not `kind(None)`: the crate then tries a DFA for up to 100 phrases
    // whatever their length (100 phrases of 1,000 characters: 83 MB).
    match builder
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(phrases)
    {
        Ok(nfa) => Ok(nfa),
        // Too many states for the contiguous layout's state IDs.
        Err(_) => builder
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(phrases),
    }
}

/// An upper bound on the bytes of a DFA's transition table: one state per
/// phrase byte (fewer where phrases share a prefix), times the row length,
/// a power of two at least the number of byte classes, 4 bytes an entry.
fn dfa_estimate<P: AsRef<[u8]>>(phrases: &[P]) -> usize {
    let mut seen = [false; 256];
    let mut states: usize = 1;
    for p in phrases {
        let p = p.as_ref();
        states = states.saturating_add(p.len());
        for &b in p {
            seen[usize::from(b)] = true;
        }
    }
    // Each byte a phrase uses splits the byte range at most twice.
    let classes = (2 * seen.iter().filter(|&&s| s).count() + 1).min(256);
    states
        .saturating_mul(classes.next_power_of_two())
        .saturating_mul(4)
}

/// Every static phrase and pattern of a playbook, compiled.
pub struct Matcher {
    items: Vec<Vec<Item>>,
    /// For each rule, its items with placeholders: (item, slot), the slot
    /// numbering `templates` and the per-thread compiled fillings.
    dynamic: Vec<Vec<(usize, usize)>>,
    /// Every item with placeholders, split at them.
    templates: Vec<Template>,
    /// Every static phrase, owned by (rule, item) pairs.
    phrases: PhraseSet<(usize, usize)>,
    /// For each rule, its patterns that have no literal to look for first
    /// (indices into `pattern_regexes`): searched whenever the rule applies.
    rule_patterns: Vec<Vec<usize>>,
    /// For each rule, its other patterns: searched where their literals start.
    filtered_patterns: Vec<Vec<usize>>,
    /// Each pattern compiled: those with literals (the filtered ones) for
    /// searches anchored where a literal occurs, see [`Compiled`].
    pattern_regexes: Vec<Regex>,
    pattern_owners: Vec<(usize, usize)>,
    /// The literals that every match of a pattern starts with, for the
    /// patterns that have them: only a pattern one of whose literals occurs
    /// is searched.
    pattern_literals: Option<AhoCorasick>,
    /// For each literal of `pattern_literals`, the patterns it stands for.
    literal_owners: Vec<Vec<usize>>,
}

/// How a pattern is compiled, by how it is searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compiled {
    /// Searched anywhere in a reply, possibly on every one: as the `regex`
    /// crate compiles it (a full DFA if it is small, else a lazy one, and a
    /// prefilter where it has literals inside).
    ForAnywhere,
    /// Searched only where one of its literals occurs, anchored there (or
    /// once, filled for one reply): by the bounded backtracker alone (the
    /// `PikeVM` past its length limit), which needs nothing built beyond the
    /// pattern's NFA, and no prefilter, which our literals already are. A
    /// full DFA costs a third of a millisecond to build and a lazy one about
    /// as much to warm up, while a filtered pattern is often searched a
    /// handful of times, each failing or matching within a few characters:
    /// building them was most of `check`'s time on a playbook of many patterns.
    ForAnchored,
}

/// How large one compiled pattern may grow; a pattern past it is reported
/// instead of slowing every reply.
const PATTERN_SIZE_LIMIT: usize = 4 * 1024 * 1024;

impl Matcher {
    pub fn new(rules: &[Rule]) -> Result<Matcher, PatternError> {
        let items: Vec<Vec<Item>> = rules.iter().map(items_of).collect();
        let mut phrase_texts: Vec<(String, (usize, usize))> = Vec::new();
        let mut pattern_texts: Vec<(&str, Pos)> = Vec::new();
        let mut pattern_owners = Vec::new();
        for (r, rule_items) in items.iter().enumerate() {
            for (i, item) in rule_items.iter().enumerate() {
                // Also for a phrase with placeholders, which is searched
                // without the automaton: the limit is the same for every phrase.
                if item.kind == ItemKind::Phrase && phrase_too_long(&item.raw).is_some() {
                    return Err(PatternError {
                        rule: rules[r].id.value.clone(),
                        pattern: item.raw.clone(),
                        problem: Problem::PhraseTooLong,
                        reason: String::new(),
                        pos: item.pos,
                    });
                }
                if item.dynamic {
                    continue;
                }
                match item.kind {
                    ItemKind::Phrase => phrase_texts.push((normalize(&item.raw), (r, i))),
                    ItemKind::Pattern => {
                        pattern_texts.push((&item.raw, item.pos));
                        pattern_owners.push((r, i));
                    }
                }
            }
        }
        // Owners in rule order, as `rule_static_hits` looks them up.
        let phrases =
            PhraseSet::new(phrase_texts.iter().map(|(t, o)| (t.as_str(), *o))).map_err(|e| {
                PatternError {
                    rule: String::new(),
                    pattern: String::new(),
                    problem: Problem::Phrases,
                    reason: e.to_string(),
                    pos: Pos::FILE_START,
                }
            })?;
        // Each pattern parsed once, for its literals and its regex.
        let parsed: Vec<Option<Hir>> = pattern_texts
            .iter()
            .map(|&(text, _)| parse_pattern(text))
            .collect();
        let prefixes: Vec<Option<Vec<Vec<u8>>>> = parsed
            .iter()
            .map(|hir| hir.as_ref().and_then(required_prefixes))
            .collect();
        let mut pattern_regexes = Vec::with_capacity(pattern_texts.len());
        for (((&(text, pos), (r, _)), starts), hir) in pattern_texts
            .iter()
            .zip(&pattern_owners)
            .zip(&prefixes)
            .zip(&parsed)
        {
            let how = if starts.is_some() {
                Compiled::ForAnchored
            } else {
                Compiled::ForAnywhere
            };
            let compiled = match hir {
                Some(hir) => compile_parsed(hir, how),
                // Compiled from its text for the parser's error.
                None => compile_pattern(text, how),
            };
            pattern_regexes.push(compiled.map_err(|reason| PatternError {
                rule: rules[*r].id.value.clone(),
                pattern: text.to_owned(),
                problem: Problem::Pattern,
                reason,
                pos,
            })?);
        }
        let mut rule_patterns = vec![Vec::new(); items.len()];
        let mut filtered_patterns = vec![Vec::new(); items.len()];
        let mut literal_index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut literal_owners: Vec<Vec<usize>> = Vec::new();
        for (index, (starts, &(rule, _))) in prefixes.into_iter().zip(&pattern_owners).enumerate() {
            let Some(starts) = starts else {
                rule_patterns[rule].push(index);
                continue;
            };
            filtered_patterns[rule].push(index);
            for literal in starts {
                let at = *literal_index.entry(literal.clone()).or_insert_with(|| {
                    literals.push(literal);
                    literal_owners.push(Vec::new());
                    literals.len() - 1
                });
                if literal_owners[at].last() != Some(&index) {
                    literal_owners[at].push(index);
                }
            }
        }
        let pattern_literals = if literals.is_empty() {
            None
        } else {
            // Built like the phrases' automaton, ASCII case ignored (see
            // `required_prefixes`); within the same limits, a build error is
            // not expected, but it would only cost the filter, not a result.
            if let Ok(ac) = automaton(&literals, true) {
                Some(ac)
            } else {
                for (index, &(rule, _)) in pattern_owners.iter().enumerate() {
                    if !rule_patterns[rule].contains(&index) {
                        rule_patterns[rule].push(index);
                    }
                }
                for list in &mut rule_patterns {
                    list.sort_unstable();
                }
                literal_owners.clear();
                filtered_patterns.iter_mut().for_each(Vec::clear);
                None
            }
        };
        let mut dynamic = vec![Vec::new(); items.len()];
        let mut templates = Vec::new();
        for (r, rule_items) in items.iter().enumerate() {
            for (i, item) in rule_items.iter().enumerate().filter(|(_, i)| i.dynamic) {
                dynamic[r].push((i, templates.len()));
                templates.push(Template::of(item));
            }
        }
        Ok(Matcher {
            items,
            dynamic,
            templates,
            phrases,
            rule_patterns,
            filtered_patterns,
            pattern_regexes,
            pattern_owners,
            pattern_literals,
            literal_owners,
        })
    }

    /// The items of rule `rule`.
    pub fn items(&self, rule: usize) -> &[Item] {
        &self.items[rule]
    }

    /// Every occurrence of every static phrase, as a whole word, and of every
    /// pattern that has literals to look for: one pass of one automaton for
    /// the phrases, one for the patterns' literals, and a search by each
    /// pattern one of whose literals occurs, whatever the number of rules.
    /// (Without the literals, every pattern of every applicable rule was
    /// searched for every reply: `check` of 4,000 rules spent most of its 22 s
    /// in them.)
    pub fn static_hits(&self, scope: &Scope, out: &mut Vec<Hit>) {
        let mut candidates = Vec::new();
        self.static_hits_with(scope, out, &mut candidates);
    }

    /// [`Self::static_hits`] with a reused buffer for the patterns' candidates.
    pub fn static_hits_with(
        &self,
        scope: &Scope,
        out: &mut Vec<Hit>,
        candidates: &mut Vec<(usize, usize)>,
    ) {
        self.phrases.find(scope, |owners, start, end| {
            let negated = scope.negated(start, end);
            out.extend(owners.iter().map(|&(rule, item)| Hit {
                rule,
                item,
                start,
                end,
                negated,
            }));
        });
        self.filtered_candidates(scope.text(), candidates);
        for group in candidates.chunk_by(|a, b| a.0 == b.0) {
            let starts = group.iter().map(|&(_, start)| start);
            self.search_filtered(group[0].0, scope.text(), starts, out);
        }
    }

    /// What [`Self::static_hits`] finds for rule `rule` alone, in time that
    /// does not grow with the other rules: a phrase many rules share is
    /// looked up among its owners (which are in rule order), not listed for
    /// each, and only the rule's own patterns are searched (from anywhere,
    /// which finds what searching from their literals finds).
    pub fn rule_static_hits(&self, rule: usize, scope: &Scope, out: &mut Vec<Hit>) {
        self.phrases.find_phrases(scope, |phrase, start, end| {
            let owners = self.phrases.owners(phrase);
            let from = owners.partition_point(|&(r, _)| r < rule);
            let to = owners.partition_point(|&(r, _)| r <= rule);
            if from < to {
                let negated = scope.negated(start, end);
                out.extend(owners[from..to].iter().map(|&(rule, item)| Hit {
                    rule,
                    item,
                    start,
                    end,
                    negated,
                }));
            }
        });
        for &index in &self.filtered_patterns[rule] {
            self.search_pattern(index, scope.text(), out);
        }
    }

    /// Every occurrence of every static phrase, as a whole word, by the
    /// phrase's number (see [`Self::phrase_owners`]): what
    /// [`Self::static_hits`] finds, once per distinct phrase however many
    /// rules share it.
    pub fn phrase_occurrences(&self, scope: &Scope, each: impl FnMut(usize, usize, usize)) {
        self.phrases.find_phrases(scope, each);
    }

    /// How many distinct static phrases there are (numbered from 0).
    pub fn phrase_count(&self) -> usize {
        self.phrases.len()
    }

    /// The (rule, item) pairs that have static phrase number `phrase`.
    pub fn phrase_owners(&self, phrase: usize) -> &[(usize, usize)] {
        self.phrases.owners(phrase)
    }

    /// Where the patterns that have literals to look for first can match in
    /// `text`: `(pattern, start)` for each place one of its literals starts,
    /// into `out`, sorted and without repeats. Every match of such a pattern
    /// starts at one of these places, so a pattern not listed has none.
    pub fn filtered_candidates(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        out.clear();
        if let Some(ac) = &self.pattern_literals {
            for m in ac.find_overlapping_iter(text) {
                let owners = &self.literal_owners[m.pattern().as_usize()];
                out.extend(owners.iter().map(|&pattern| (pattern, m.start())));
            }
            out.sort_unstable();
            out.dedup();
        }
    }

    /// The (rule, item) pair pattern `index` belongs to.
    pub fn pattern_owner(&self, index: usize) -> (usize, usize) {
        self.pattern_owners[index]
    }

    /// The hits of filtered pattern `index` in `text`, given the places its
    /// literals start (ascending, from [`Self::filtered_candidates`]): what
    /// `find_iter` finds, leftmost first and not overlapping, found by
    /// searches anchored at those places.
    pub fn search_filtered(
        &self,
        index: usize,
        text: &str,
        starts: impl IntoIterator<Item = usize>,
        out: &mut Vec<Hit>,
    ) {
        let (rule, item) = self.pattern_owners[index];
        let regex = &self.pattern_regexes[index];
        let mut searched_to = 0;
        for start in starts {
            if start < searched_to {
                continue; // within the previous match
            }
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(m) = regex.find(input)
                && m.start() < m.end()
            {
                out.push(Hit {
                    rule,
                    item,
                    start: m.start(),
                    end: m.end(),
                    negated: false,
                });
                searched_to = m.end();
            }
        }
    }

    /// Whether filtered pattern `index` matches `text` at one of the places
    /// its literals start: whether it has hits, which is all a rule's status
    /// asks of a pattern (a pattern's hits are never negated), without
    /// working out where they end. Such a pattern cannot match empty text:
    /// every match starts with one of its literals, none of them empty.
    pub fn filtered_matches(
        &self,
        index: usize,
        text: &str,
        starts: impl IntoIterator<Item = usize>,
    ) -> bool {
        let regex = &self.pattern_regexes[index];
        starts
            .into_iter()
            .any(|start| regex.is_match(Input::new(text).range(start..).anchored(Anchored::Yes)))
    }

    /// Whether rule `rule` has patterns (without placeholders) that are
    /// searched whenever the rule applies, by [`Self::pattern_hits`].
    pub fn has_patterns(&self, rule: usize) -> bool {
        !self.rule_patterns[rule].is_empty()
    }

    /// Every occurrence of rule `rule`'s patterns (those without placeholders).
    ///
    /// Patterns are searched only for the rules that apply to a reply, each
    /// with its own regex: a regex skips ahead to its literals, and most
    /// rules do not apply at a given step. (A `RegexSet` over every pattern
    /// was tried first: on a Unicode `\b` and non-ASCII text it falls back to
    /// its slow NFA simulation, and even on ASCII it lost to this; see
    /// `cargo bench --bench judge`.)
    pub fn pattern_hits(&self, rule: usize, text: &str, out: &mut Vec<Hit>) {
        for &index in &self.rule_patterns[rule] {
            self.search_pattern(index, text, out);
        }
    }

    /// The hits of pattern `index` in `text`, into `out`.
    fn search_pattern(&self, index: usize, text: &str, out: &mut Vec<Hit>) {
        let (rule, item) = self.pattern_owners[index];
        for m in self.pattern_regexes[index].find_iter(text) {
            if m.start() < m.end() {
                out.push(Hit {
                    rule,
                    item,
                    start: m.start(),
                    end: m.end(),
                    negated: false,
                });
            }
        }
    }

    /// The occurrences of a rule's items that have placeholders, filled from
    /// the context. `None` when a placeholder has no value (rule skipped).
    /// Each item is compiled once per set of values it is filled with, not
    /// once per reply (see [`Scratch::filled`]).
    pub(crate) fn dynamic_hits(
        &self,
        rule: usize,
        scope: &Scope,
        context: &Context,
        scratch: &mut Scratch,
        out: &mut Vec<Hit>,
    ) -> Option<()> {
        let text = scope.text();
        for &(item, slot) in &self.dynamic[rule] {
            match scratch.filled(slot, &self.templates[slot], context)? {
                Filled::Phrase(None) | Filled::Pattern(None) => {}
                Filled::Phrase(Some(phrase)) => {
                    out.extend(occurrences(scope, phrase).map(|found| Hit {
                        rule,
                        item,
                        start: found.start,
                        end: found.end,
                        negated: scope.negated(found.start, found.end),
                    }));
                }
                Filled::Pattern(Some(regex)) => {
                    out.extend(
                        regex
                            .find_iter(text)
                            .filter(|m| m.start() < m.end())
                            .map(|m| Hit {
                                rule,
                                item,
                                start: m.start(),
                                end: m.end(),
                                negated: false,
                            }),
                    );
                }
            }
        }
        Some(())
    }
}

/// A pattern filled from a context, compiled as a pattern with placeholders
/// is; `None` where it does not compile (it then has no hits).
pub(crate) fn compile_filled(filled: &str) -> Option<Regex> {
    compile_pattern(filled, Compiled::ForAnchored).ok()
}

/// Compile a pattern as the `regex` crate's `RegexBuilder` does (case
/// ignored, a size limit), with the engines [`Compiled`] says, and its errors
/// in the words of that crate (`check` shows them).
fn compile_pattern(text: &str, how: Compiled) -> Result<Regex, String> {
    builder(how)
        .build(&apostrophes_as_in_replies(text))
        .map_err(|e| regex_reason(&build_error_text(&e)))
}

/// [`compile_pattern`] of a pattern [`parse_pattern`] parsed.
fn compile_parsed(hir: &Hir, how: Compiled) -> Result<Regex, String> {
    builder(how)
        .build_from_hir(hir)
        .map_err(|e| regex_reason(&build_error_text(&e)))
}

/// A pattern parsed as [`compile_pattern`] parses it, or `None` where it
/// does not parse.
fn parse_pattern(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&apostrophes_as_in_replies(pattern))
        .ok()
}

fn builder(how: Compiled) -> meta::Builder {
    let mut config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(PATTERN_SIZE_LIMIT));
    if how == Compiled::ForAnchored {
        config = config
            .dfa(false)
            .hybrid(false)
            .onepass(false)
            .auto_prefilter(false);
    }
    let mut builder = meta::Builder::new();
    builder
        .configure(config)
        .syntax(syntax::Config::new().case_insensitive(true).utf8(true));
    builder
}

/// A build error as `regex::Error` says it.
fn build_error_text(err: &meta::BuildError) -> String {
    if let Some(limit) = err.size_limit() {
        regex::Error::CompiledTooBig(limit).to_string()
    } else if let Some(syntax) = err.syntax_error() {
        syntax.to_string()
    } else {
        err.to_string()
    }
}

/// Literals one of which every match of a pattern starts with, or `None`
/// when there are none (the pattern can start with too many things, or match
/// empty text): the pattern is then searched whenever its rule applies.
///
/// The literals are matched with ASCII case ignored, so ASCII letters in small
/// classes (which a case-insensitive pattern has for every letter: `[Nn]`)
/// are lowered first. That matches a superset of what the pattern's own
/// literals would, so it can only let through a pattern that then finds
/// nothing, never hold back one that matches; and without it `not my job`
/// alone has 256 spellings, past the extractor's limits.
fn required_prefixes(pattern: &Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .extract(&ascii_lowered(pattern.clone()));
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    let mut lowered: Vec<Vec<u8>> = literals
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    lowered.sort_unstable();
    lowered.dedup();
    Some(lowered)
}

/// The pattern with ASCII capitals in small classes replaced by their small
/// letters (see [`required_prefixes`]): for finding literals only.
fn ascii_lowered(hir: regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
    /// Classes up to this size are rewritten; a larger one has too many
    /// literals for the extractor anyway.
    const SMALL: u32 = 32;
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let size: u32 = class
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if size > SMALL {
                return Hir::class(Class::Unicode(class));
            }
            let chars = class
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|c| {
                    let c = c.to_ascii_lowercase();
                    ClassUnicodeRange::new(c, c)
                });
            Hir::class(Class::Unicode(ClassUnicode::new(chars)))
        }
        HirKind::Class(class) => Hir::class(class),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(mut repetition) => {
            repetition.sub = Box::new(ascii_lowered(*repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(mut capture) => {
            capture.sub = Box::new(ascii_lowered(*capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(ascii_lowered).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(ascii_lowered).collect())
        }
    }
}

/// The last line of a regex error ("error: unclosed group"), without the
/// echo of the pattern and the caret, which do not fit on one line.
pub fn regex_reason(error: &str) -> String {
    error
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(error.lines().last().unwrap_or_default())
        .trim()
        .to_owned()
}

/// A pattern sees the normalised reply, where every apostrophe is `'`: a
/// pattern written with a curly one (`can’t`) would otherwise never match.
/// (Apostrophes are never regex syntax, so this cannot change what a pattern
/// means otherwise.)
fn apostrophes_as_in_replies(pattern: &str) -> Cow<'_, str> {
    if pattern.is_ascii() && !pattern.contains('`') {
        return Cow::Borrowed(pattern);
    }
    Cow::Owned(pattern.replace(['’', '‘', 'ʼ', '＇', '`'], "'"))
}

/// Every whole-word occurrence of a normalised phrase in a normalised text.
pub fn find_phrase(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    if phrase.is_empty() {
        return Vec::new();
    }
    text.match_indices(phrase)
        .map(|(start, m)| (start, start + m.len()))
        .filter(|&(start, end)| is_whole_word(text, start, end))
        .collect()
}

/// Whether a normalised phrase occurs as a whole word in a normalised text.
pub fn occurs(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text
            .match_indices(phrase)
            .any(|(start, m)| is_whole_word(text, start, start + m.len()))
}

#[cfg(test)]
mod tests {
    use super::{Compiled, compile_pattern, regex_reason};

    /// `check` words a pattern that does not compile as the `regex` crate
    /// does (the engine used it before it compiled patterns itself).
    #[test]
    fn a_pattern_that_does_not_compile_says_what_the_regex_crate_says() {
        for pattern in [
            r"(",
            r"[z-a]",
            r"\p{Nope}",
            r"a{2,1}",
            r"(?:\w{500}){20}",
            r"\bx{99999}",
        ] {
            let theirs = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .size_limit(super::PATTERN_SIZE_LIMIT)
                .build()
                .expect_err("does not compile");
            for how in [Compiled::ForAnywhere, Compiled::ForAnchored] {
                let ours = compile_pattern(pattern, how).expect_err("does not compile");
                assert_eq!(ours, regex_reason(&theirs.to_string()), "{pattern} {how:?}");
            }
        }
    }
}
