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
use regex::{Regex, RegexBuilder};

use super::context::Context;
use super::normalize::{is_whole_word, normalize};
use super::placeholder;
use crate::playbook::{CheckKind, Rule};

/// What a rule looks for: its phrases, then its patterns, then (for `swap`)
/// its discouraged phrases, numbered in that order.
#[derive(Clone, Debug)]
pub struct Item {
    pub raw: String,
    pub kind: ItemKind,
    /// Has placeholders: filled and searched per reply.
    pub dynamic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Phrase,
    Pattern,
}

/// The items of a rule, in the numbering hits use.
pub fn items_of(rule: &Rule) -> Vec<Item> {
    let item = |raw: &str, kind| Item {
        raw: raw.to_owned(),
        kind,
        dynamic: placeholder::has_any(raw),
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
}

/// A pattern that does not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("pattern `{pattern}` of rule `{rule}` does not compile: {reason}")]
pub struct PatternError {
    pub rule: String,
    pub pattern: String,
    pub reason: String,
}

/// Every static phrase and pattern of a playbook, compiled.
pub struct Matcher {
    items: Vec<Vec<Item>>,
    phrases: Option<AhoCorasick>,
    /// For each automaton pattern, the (rule, item) pairs that use it.
    phrase_owners: Vec<Vec<(usize, usize)>>,
    /// For each rule, its patterns (indices into `pattern_regexes`).
    rule_patterns: Vec<Vec<usize>>,
    pattern_regexes: Vec<Regex>,
    pattern_owners: Vec<(usize, usize)>,
}

/// How large one compiled pattern may grow; a pattern past it is reported
/// instead of slowing every reply.
const PATTERN_SIZE_LIMIT: usize = 4 * 1024 * 1024;

impl Matcher {
    pub fn new(rules: &[Rule]) -> Result<Matcher, PatternError> {
        let items: Vec<Vec<Item>> = rules.iter().map(items_of).collect();
        let mut unique: HashMap<String, usize> = HashMap::new();
        let mut phrase_texts: Vec<String> = Vec::new();
        let mut phrase_owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut pattern_texts: Vec<&str> = Vec::new();
        let mut pattern_owners = Vec::new();
        for (r, rule_items) in items.iter().enumerate() {
            for (i, item) in rule_items.iter().enumerate() {
                if item.dynamic {
                    continue;
                }
                match item.kind {
                    ItemKind::Phrase => {
                        let text = normalize(&item.raw);
                        if text.is_empty() {
                            continue;
                        }
                        let index = *unique.entry(text.clone()).or_insert_with(|| {
                            phrase_texts.push(text);
                            phrase_owners.push(Vec::new());
                            phrase_texts.len() - 1
                        });
                        phrase_owners[index].push((r, i));
                    }
                    ItemKind::Pattern => {
                        pattern_texts.push(&item.raw);
                        pattern_owners.push((r, i));
                    }
                }
            }
        }
        let phrases = if phrase_texts.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    // A DFA is the fastest search; a playbook's phrases are
                    // few enough that its memory does not matter.
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&phrase_texts)
                    .expect("phrases are plain strings, well under the automaton's limits"),
            )
        };
        let mut pattern_regexes = Vec::with_capacity(pattern_texts.len());
        for (text, (r, _)) in pattern_texts.iter().zip(&pattern_owners) {
            pattern_regexes.push(compile_pattern(text).map_err(|reason| PatternError {
                rule: rules[*r].id.value.clone(),
                pattern: (*text).to_owned(),
                reason,
            })?);
        }
        let mut rule_patterns = vec![Vec::new(); items.len()];
        for (index, &(rule, _)) in pattern_owners.iter().enumerate() {
            rule_patterns[rule].push(index);
        }
        Ok(Matcher {
            items,
            phrases,
            phrase_owners,
            rule_patterns,
            pattern_regexes,
            pattern_owners,
        })
    }

    /// The items of rule `rule`.
    pub fn items(&self, rule: usize) -> &[Item] {
        &self.items[rule]
    }

    /// Every occurrence of every static phrase, as a whole word: one pass of
    /// one automaton, whatever the number of rules.
    pub fn static_hits(&self, text: &str, out: &mut Vec<Hit>) {
        if let Some(ac) = &self.phrases {
            for m in ac.find_overlapping_iter(text) {
                if !is_whole_word(text, m.start(), m.end()) {
                    continue;
                }
                for &(rule, item) in &self.phrase_owners[m.pattern().as_usize()] {
                    out.push(Hit {
                        rule,
                        item,
                        start: m.start(),
                        end: m.end(),
                    });
                }
            }
        }
    }

    /// Whether rule `rule` has patterns without placeholders.
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
            let (rule, item) = self.pattern_owners[index];
            for m in self.pattern_regexes[index].find_iter(text) {
                if m.start() < m.end() {
                    out.push(Hit {
                        rule,
                        item,
                        start: m.start(),
                        end: m.end(),
                    });
                }
            }
        }
    }

    /// The occurrences of a rule's items that have placeholders, filled from
    /// the context. `None` when a placeholder has no value (rule skipped).
    pub fn dynamic_hits(
        &self,
        rule: usize,
        text: &str,
        context: &Context,
        out: &mut Vec<Hit>,
    ) -> Option<()> {
        for (item_index, item) in self.items[rule]
            .iter()
            .enumerate()
            .filter(|(_, i)| i.dynamic)
        {
            match item.kind {
                ItemKind::Phrase => {
                    let filled = placeholder::fill_phrase(&item.raw, context)?;
                    for (start, end) in find_phrase(text, &normalize(&filled)) {
                        out.push(Hit {
                            rule,
                            item: item_index,
                            start,
                            end,
                        });
                    }
                }
                ItemKind::Pattern => {
                    let filled = placeholder::fill_pattern(&item.raw, context)?;
                    // Compiled per reply: only patterns with placeholders, which
                    // are rare, pay this.
                    let Ok(regex) = compile_pattern(&filled) else {
                        continue;
                    };
                    for m in regex.find_iter(text).filter(|m| m.start() < m.end()) {
                        out.push(Hit {
                            rule,
                            item: item_index,
                            start: m.start(),
                            end: m.end(),
                        });
                    }
                }
            }
        }
        Some(())
    }
}

fn compile_pattern(text: &str) -> Result<Regex, String> {
    RegexBuilder::new(&apostrophes_as_in_replies(text))
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| regex_reason(&e.to_string()))
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
