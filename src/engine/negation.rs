//! Negation scope and clause ends (`PLAYBOOK.md`, "Matching (v2)", rule 6).
//!
//! The cues of a playbook (the built-in English and Chinese ones, its pseudo-cues,
//! the clause-ending words and its own `negation_cues`) are compiled once into one
//! automaton. A reply is scanned for them only when it has an occurrence to
//! classify ([`Scope`] is lazy): a reply with no hits pays nothing.
//!
//! Every language's cues (English, Chinese, German) always apply, whatever the
//! playbook's `language`: replies mix languages, and none of the cues is a word
//! of another of these languages (`nicht`, `kein` and `ohne` are no English
//! words, and an English cue cannot occur inside Chinese text), so none can
//! misfire on the others.
//!
//! German puts `nicht` at the end of a main clause ("Das erstatten wir Ihnen
//! nicht"), after what it negates, so a `nicht`, `nie` or `niemals` that closes
//! its clause also negates what comes before it in that clause
//! ([`TRAILING_CUES`]); and `kein` and `ohne` negate a noun ("ohne Aufpreis"),
//! not the rest of the clause, so they reach only [`NOUN_CUE_REACH`] words
//! ("ohne Aufpreis den nächsten ICE" still offers the next ICE).

use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::normalize::{Normalized, count_words, is_whole_word, normalize};

/// The most words between a cue's end and a phrase's start for the cue to negate it.
pub const MAX_WORDS_BETWEEN: usize = 6;

/// Built-in cues (spec rule 6), English, Chinese, then German. The German list
/// has every form of `kein` and `niemand`; `noch` is one only after `weder`
/// ([`NOR_CUES`]), since alone it means "still".
pub const CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "n't",
    "nobody",
    "nothing",
    "none",
    "nowhere",
    "neither",
    "nor",
    "without",
    "hardly",
    "cannot",
    "不",
    "没",
    "没有",
    "别",
    "无",
    "无需",
    "不用",
    "不会",
    "绝不",
    "从不",
    "未",
    "并非",
    "nicht",
    "nie",
    "niemals",
    "niemand",
    "niemanden",
    "niemandem",
    "nichts",
    "nirgends",
    "nirgendwo",
    "kaum",
    "keinesfalls",
    "keineswegs",
    "weder",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "keins",
    "keinerlei",
    "ohne",
];

/// Cues that negate a noun rather than the rest of the clause: "Sie zahlen
/// keinen Aufpreis", "ohne Aufpreis". They reach [`NOUN_CUE_REACH`] words.
/// (`keiner` alone is "nobody", and reaches as far as any cue.)
pub const NOUN_CUES: &[&str] = &[
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keines",
    "keins",
    "keinerlei",
    "ohne",
];

/// How many words may stand between a [`NOUN_CUES`] cue and what it negates:
/// the adjective of its noun ("keinen zusätzlichen Aufpreis"). Measured on the
/// German labelled set (`docs/playbook.md`, "German negation").
pub const NOUN_CUE_REACH: usize = 1;

/// Cues that also negate what stands before them, when they close their clause
/// (German verb-second order: "Den Aufpreis zahlen Sie nicht", "Ich rufe die
/// Schichtleitung nicht an"): see [`Scope::negated`]. Each with the most words
/// that may follow it to the end of its clause: after `nicht`, the verb's last
/// part ("nicht an", "nicht erstatten können"); after `keine`, none, for only
/// as the clause's last word is it a pronoun that negates what came before
/// ("Eine Entschädigung gibt es keine"), while "Das Taxi kostet Sie keinen
/// Cent" still mentions the taxi.
pub const TRAILING_CUES: &[(&str, usize)] = &[
    ("nicht", 2),
    ("nie", 2),
    ("niemals", 2),
    ("keine", 0),
    ("keinen", 0),
    ("keiner", 0),
    ("keines", 0),
    ("keins", 0),
];

/// The words after a trailing cue that may still close its clause, at most.
fn words_after_trailing(cue: &str) -> Option<usize> {
    TRAILING_CUES
        .iter()
        .find(|(text, _)| *text == cue)
        .map(|&(_, after)| after)
}

/// Cues only within the same clause as an earlier `weder`: "weder ein Formular
/// noch eine Unterschrift".
pub const NOR_CUES: &[&str] = &["noch"];

/// Phrases that start like a negation and are not one: a cue inside them is no cue.
pub const PSEUDO_CUES: &[&str] = &[
    "no problem",
    "no worries",
    "no doubt",
    "no matter",
    "not only",
    "not just",
    "不客气",
    "没关系",
    "不好意思",
    "不仅",
    "没问题",
    // Beyond the spec's list: common phrases and words in which a cue is part of
    // the word and negates nothing after it (README, "Design decisions").
    "not a problem",
    "no later than",
    "对不起",
    "了不起",
    "不错",
    "不得不",
    "差不多",
    "不满",
    "无论",
    "毫无疑问",
    // German: reassurance, thanks and "not only" (`docs/playbook.md`, "German negation").
    "kein problem",
    "keine ursache",
    "nichts zu danken",
    "keine sorge",
    "keine sorgen",
    "keine angst",
    "kein thema",
    "kein ding",
    "keine frage",
    "kein wunder",
    "nicht nur",
    "nicht zuletzt",
    "nicht wahr",
    "oder nicht",
    "ohne weiteres",
    "nicht der rede wert",
    "macht nichts",
    "nichts für ungut",
];

/// Words that end a clause. (A cue inside one, as 不 in 不过, is no cue.)
pub const CLAUSE_WORDS: &[&str] = &[
    "but",
    "however",
    "但是",
    "可是",
    "不过",
    "aber",
    "jedoch",
    "sondern",
    "allerdings",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A cue reaching this many words; trailing (with the most words after it
    /// to its clause's end) if it also negates what comes before it.
    Cue {
        reach: usize,
        trailing: Option<usize>,
    },
    /// `noch`: a cue after `weder` in the same clause.
    Nor,
    /// `weder`, which makes a later `noch` a cue.
    Neither,
    Pseudo,
    ClauseWord,
}

/// A playbook's cues, compiled once.
#[derive(Clone, Debug)]
pub struct Cues {
    automaton: Option<AhoCorasick>,
    kinds: Vec<Kind>,
    /// For each automaton pattern, whether it is `n't`, which attaches to the
    /// word before it (`won't`, `can't`) and so needs no boundary on its left.
    attached: Vec<bool>,
}

impl Cues {
    /// The built-in cues and `extra` ones (a playbook's `negation_cues`, as written).
    pub fn new<S: AsRef<str>>(extra: &[S]) -> Cues {
        let mut texts: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        let mut push = |text: String, kind| {
            if !text.trim().is_empty() && !texts.contains(&text) {
                texts.push(text);
                kinds.push(kind);
            }
        };
        for cue in CUES {
            let kind = if *cue == "weder" {
                Kind::Neither
            } else {
                Kind::Cue {
                    reach: if NOUN_CUES.contains(cue) {
                        NOUN_CUE_REACH
                    } else {
                        MAX_WORDS_BETWEEN
                    },
                    trailing: words_after_trailing(cue),
                }
            };
            push((*cue).to_owned(), kind);
        }
        for cue in NOR_CUES {
            push((*cue).to_owned(), Kind::Nor);
        }
        for cue in extra {
            let kind = Kind::Cue {
                reach: MAX_WORDS_BETWEEN,
                trailing: None,
            };
            push(normalize(cue.as_ref()).trim().to_owned(), kind);
        }
        for pseudo in PSEUDO_CUES {
            push((*pseudo).to_owned(), Kind::Pseudo);
        }
        for word in CLAUSE_WORDS {
            push((*word).to_owned(), Kind::ClauseWord);
        }
        let attached = texts.iter().map(|t| t == "n't").collect();
        // A few short patterns (and each extra cue is a phrase within the
        // phrase limit): the build does not fail; if it did, the extra cues
        // are dropped rather than panicking.
        let automaton = match AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
        {
            Ok(automaton) => Some(automaton),
            Err(_) if !extra.is_empty() => return Cues::new::<&str>(&[]),
            Err(_) => None,
        };
        Cues {
            automaton,
            kinds,
            attached,
        }
    }

    /// The built-in cues alone, compiled once per process.
    pub fn builtin() -> &'static Cues {
        static BUILTIN: OnceLock<Cues> = OnceLock::new();
        BUILTIN.get_or_init(|| Cues::new::<&str>(&[]))
    }
}

/// Whether `c` ends a clause on its own (the dashes included; a hyphen only with
/// spaces around, see [`clause_ends`]).
fn is_clause_end_char(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '。'
            | '，'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | '—'
            | '–'
            | '\n'
            | '\r'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Whether `text` has a line-break character (what normalisation folds into a space).
fn has_line_break(text: &str) -> bool {
    text.contains([
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
}

/// The offsets in `normalized`'s text of the spaces that stand for white space
/// holding a line break in `original` (normalisation folds both into one space,
/// and a line break ends a clause).
pub fn line_breaks(normalized: &Normalized, original: &str) -> Vec<usize> {
    let mut out = Vec::new();
    line_breaks_into(normalized, original, &mut out);
    out
}

/// [`line_breaks`] into `out` (cleared first), reusing its buffer.
fn line_breaks_into(normalized: &Normalized, original: &str, out: &mut Vec<usize>) {
    out.clear();
    if !has_line_break(original) {
        return;
    }
    out.extend(
        normalized
            .text()
            .match_indices(' ')
            .map(|(at, _)| at)
            .filter(|&at| has_line_break(&original[normalized.original_range(at, at + 1)])),
    );
}

/// A normalised text with the offsets of its line breaks (see [`line_breaks`]):
/// what negation and wildcards judge. A customer's message is kept this way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    pub text: String,
    pub line_breaks: Vec<usize>,
}

impl Said {
    /// `original` normalised in place of what this held, reusing its
    /// buffers where it has no line break (the usual message).
    pub fn refill(&mut self, original: &str) {
        if has_line_break(original) {
            *self = Said::new(original);
        } else {
            super::normalize::normalize_into(original, &mut self.text);
            self.line_breaks.clear();
        }
    }

    pub fn new(original: &str) -> Said {
        if !has_line_break(original) {
            return Said {
                text: normalize(original),
                line_breaks: Vec::new(),
            };
        }
        let normalized = Normalized::new(original);
        let line_breaks = line_breaks(&normalized, original);
        Said {
            text: normalized.text().to_owned(),
            line_breaks,
        }
    }
}

/// A reply's cues, found on first use.
#[derive(Debug, Default)]
struct Found {
    /// Cues that can negate (pseudo-cues and clause words taken out), sorted by end.
    cues: Vec<FoundCue>,
    /// The cues of [`TRAILING_CUES`] among them, sorted by start, each with
    /// the most words that may follow it to its clause's end.
    trailing: Vec<(Range<usize>, usize)>,
    /// Starts of the clause-ending words.
    clause_words: Vec<usize>,
}

/// One cue in a text.
#[derive(Debug)]
struct FoundCue {
    range: Range<usize>,
    /// The most words it reaches (see [`NOUN_CUES`]).
    reach: usize,
    /// `weder`, which makes a later `noch` in its clause a cue.
    neither: bool,
    /// `noch`: a cue only with a `weder` before it in its clause.
    nor: bool,
}

/// Negation scope and clause ends in one normalised text.
pub struct Scope<'t> {
    text: &'t str,
    breaks: Breaks<'t>,
    cues: &'t Cues,
    found: OnceCell<Found>,
    /// Starts of every clause end, sorted: worked out only when a cue stands
    /// before an occurrence or a wildcard spans a gap (most replies need none).
    ends: OnceCell<Vec<usize>>,
    /// Buffers of an earlier scope, filled instead of new ones (see
    /// [`Scope::into_buffers`]).
    spare: Cell<ScopeBuffers>,
}

/// The buffers a [`Scope`] fills, kept from one reply to the next by batch
/// grading so that working out a scope allocates nothing.
#[derive(Debug, Default)]
pub struct ScopeBuffers {
    found: Found,
    shields: Vec<Range<usize>>,
    ends: Vec<usize>,
    line_breaks: Vec<usize>,
}

enum Breaks<'t> {
    Known(&'t [usize]),
    /// Worked out from the map back to the original, when first needed.
    Mapped(&'t Normalized, &'t str, OnceCell<Vec<usize>>),
}

impl<'t> Scope<'t> {
    /// The scope of a text whose line breaks are known.
    pub fn new(text: &'t str, line_breaks: &'t [usize], cues: &'t Cues) -> Self {
        Scope {
            text,
            breaks: Breaks::Known(line_breaks),
            cues,
            found: OnceCell::new(),
            ends: OnceCell::new(),
            spare: Cell::default(),
        }
    }

    /// The scope of a reply: its line breaks are read off the original when needed.
    pub fn of_reply(normalized: &'t Normalized, original: &'t str, cues: &'t Cues) -> Self {
        Scope {
            text: normalized.text(),
            breaks: Breaks::Mapped(normalized, original, OnceCell::new()),
            cues,
            found: OnceCell::new(),
            ends: OnceCell::new(),
            spare: Cell::default(),
        }
    }

    /// This scope, filling `buffers` (an earlier scope's) as it works
    /// itself out.
    #[must_use]
    pub fn reusing(self, buffers: ScopeBuffers) -> Self {
        self.spare.set(buffers);
        self
    }

    /// The buffers this scope filled, to reuse for the next.
    pub fn into_buffers(self) -> ScopeBuffers {
        let mut buffers = self.spare.take();
        if let Some(found) = self.found.into_inner() {
            buffers.found = found;
        }
        if let Some(ends) = self.ends.into_inner() {
            buffers.ends = ends;
        }
        if let Breaks::Mapped(_, _, cell) = self.breaks
            && let Some(breaks) = cell.into_inner()
        {
            buffers.line_breaks = breaks;
        }
        buffers
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    fn line_breaks(&self) -> &[usize] {
        match &self.breaks {
            Breaks::Known(b) => b,
            Breaks::Mapped(normalized, original, cell) => cell.get_or_init(|| {
                let mut spare = self.spare.take();
                let mut breaks = std::mem::take(&mut spare.line_breaks);
                self.spare.set(spare);
                line_breaks_into(normalized, original, &mut breaks);
                breaks
            }),
        }
    }

    fn found(&self) -> &Found {
        self.found.get_or_init(|| self.find())
    }

    fn find(&self) -> Found {
        let text = self.text;
        let mut spare = self.spare.take();
        let Found {
            mut cues,
            mut trailing,
            mut clause_words,
        } = std::mem::take(&mut spare.found);
        let mut shields = std::mem::take(&mut spare.shields);
        clause_words.clear();
        cues.clear();
        trailing.clear();
        shields.clear();
        let matches = self
            .cues
            .automaton
            .iter()
            .flat_map(|a| a.find_overlapping_iter(text));
        for m in matches {
            let index = m.pattern().as_usize();
            let (start, end) = (m.start(), m.end());
            let whole = if self.cues.attached[index] {
                is_whole_word(text, end.saturating_sub(1), end)
            } else {
                is_whole_word(text, start, end)
            };
            if !whole {
                continue;
            }
            let cue = |reach, neither, nor| FoundCue {
                range: start..end,
                reach,
                neither,
                nor,
            };
            match self.cues.kinds[index] {
                Kind::Cue {
                    reach,
                    trailing: closes,
                } => {
                    cues.push(cue(reach, false, false));
                    if let Some(after) = closes {
                        trailing.push((start..end, after));
                    }
                }
                Kind::Neither => cues.push(cue(MAX_WORDS_BETWEEN, true, false)),
                Kind::Nor => cues.push(cue(MAX_WORDS_BETWEEN, false, true)),
                Kind::Pseudo => shields.push(start..end),
                Kind::ClauseWord => {
                    clause_words.push(start);
                    shields.push(start..end);
                }
            }
        }
        let shielded =
            |c: &Range<usize>| shields.iter().any(|s| s.start <= c.start && c.end <= s.end);
        cues.retain(|c| !shielded(&c.range));
        cues.sort_unstable_by_key(|c| (c.range.end, c.range.start));
        trailing.retain(|(c, _)| !shielded(c));
        trailing.sort_unstable_by_key(|(c, _)| c.start);
        spare.shields = shields;
        self.spare.set(spare);
        Found {
            cues,
            trailing,
            clause_words,
        }
    }

    fn ends(&self) -> &[usize] {
        self.ends.get_or_init(|| self.find_ends())
    }

    fn find_ends(&self) -> Vec<usize> {
        let text = self.text;
        let mut spare = self.spare.take();
        let mut ends = std::mem::take(&mut spare.ends);
        self.spare.set(spare);
        ends.clear();
        ends.extend_from_slice(self.line_breaks());
        ends.extend_from_slice(&self.found().clause_words);
        let bytes = text.as_bytes();
        for (at, c) in text.char_indices() {
            let spaced_hyphen =
                c == '-' && at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' ');
            if spaced_hyphen || (is_clause_end_char(c) && !(c == '.' && after_title(text, at))) {
                ends.push(at);
            }
        }
        ends.sort_unstable();
        ends
    }

    /// Whether a clause ends anywhere in `text[from..to]`.
    pub fn crosses_clause_end(&self, from: usize, to: usize) -> bool {
        let ends = self.ends();
        let first = ends.partition_point(|&e| e < from);
        ends.get(first).is_some_and(|&e| e < to)
    }

    /// Whether the occurrence `text[start..end]` is negated: a cue ends before
    /// it in the same clause, with at most [`MAX_WORDS_BETWEEN`] words between
    /// (at most the cue's reach, [`NOUN_CUE_REACH`] for `kein` and `ohne`); or a
    /// trailing cue (`nicht`) closes its clause after it, with at most
    /// [`MAX_WORDS_BETWEEN`] words between ("Den Aufpreis zahlen Sie nicht").
    /// A cue within the occurrence is part of it and does not count.
    pub fn negated(&self, start: usize, end: usize) -> bool {
        self.negated_before(start) || self.negated_after(end)
    }

    fn negated_before(&self, start: usize) -> bool {
        let found = self.found();
        let before = found.cues.partition_point(|c| c.range.end <= start);
        // The nearest cue that reaches the occurrence decides: an earlier one
        // has at least as many words and clause ends between it and the
        // occurrence, so the search stops at the first that is too far.
        for (at, cue) in found.cues[..before].iter().enumerate().rev() {
            if self.crosses_clause_end(cue.range.end, start) {
                return false;
            }
            let words = count_words(after_clitic(&self.text[cue.range.end..start]));
            if words > MAX_WORDS_BETWEEN {
                return false;
            }
            if cue.nor && !self.neither_before(&found.cues[..at], cue.range.start) {
                continue;
            }
            if words <= cue.reach {
                return true;
            }
        }
        false
    }

    /// Whether a `weder` among `cues` (sorted by end) stands before `at` in the
    /// same clause.
    fn neither_before(&self, cues: &[FoundCue], at: usize) -> bool {
        cues.iter()
            .rev()
            .filter(|c| c.range.end <= at)
            .take_while(|c| !self.crosses_clause_end(c.range.end, at))
            .any(|c| c.neither)
    }

    /// Whether a trailing cue after `end` closes the occurrence's clause: at most
    /// [`MAX_WORDS_BETWEEN`] words from the occurrence to the cue, and at most
    /// the cue's words (see [`TRAILING_CUES`]) from the cue to the clause end.
    fn negated_after(&self, end: usize) -> bool {
        let found = self.found();
        let first = found.trailing.partition_point(|(c, _)| c.start < end);
        for (cue, after) in &found.trailing[first..] {
            if self.crosses_clause_end(end, cue.start)
                || count_words(&self.text[end..cue.start]) > MAX_WORDS_BETWEEN
            {
                return false;
            }
            let ends = self.ends();
            let clause_end = ends
                .get(ends.partition_point(|&e| e < cue.end))
                .copied()
                .unwrap_or(self.text.len());
            if count_words(&self.text[cue.end..clause_end]) <= *after {
                return true;
            }
        }
        false
    }

    /// Whether a cue that can negate lies wholly within `text[from..to]`: a
    /// wildcard's gap never takes one ("I've * called" is not said by "I've
    /// never called"), as it never crosses a clause end.
    pub fn has_cue_within(&self, from: usize, to: usize) -> bool {
        let cues = &self.found().cues;
        let first = cues.partition_point(|c| c.range.end <= from);
        cues[first..]
            .iter()
            .take_while(|c| c.range.end <= to)
            .any(|c| c.range.start >= from && !c.nor)
    }
}

/// Titles whose full stop ends no clause: "I've called Ms. Reyes, our manager"
/// is one clause (README, "Design decisions").
const TITLES: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "st"];

/// Whether the full stop at `at` closes a title (`Mr.`), a whole word.
fn after_title(text: &str, at: usize) -> bool {
    let before = &text[..at];
    TITLES.iter().any(|title| {
        before.ends_with(title)
            && !before[..before.len() - title.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// `text` without a clitic at its start: the `'s` of "nobody's" or the `'ll`
/// of "no one'll" belongs to the cue's word and is not a word between the cue
/// and the phrase.
fn after_clitic(text: &str) -> &str {
    let Some(rest) = text.strip_prefix('\'') else {
        return text;
    };
    let tail = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    if tail == 0 { text } else { &rest[tail..] }
}

/// The whole-word occurrences of a normalised phrase (wildcards allowed) in a
/// normalised text that are not negated: what `customer_says` and handoff
/// phrases count. `line_breaks` are the text's (see [`line_breaks`], [`Said`]).
pub fn unnegated_occurrences(
    text: &str,
    line_breaks: &[usize],
    phrase: &str,
    cues: &Cues,
) -> Vec<Range<usize>> {
    let Some(phrase) = super::wildcard::Phrase::new(phrase) else {
        return Vec::new();
    };
    let scope = Scope::new(text, line_breaks, cues);
    super::wildcard::occurrences(&scope, &phrase)
        .filter(|r| !scope.negated(r.start, r.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn negated(text: &str, phrase: &str) -> bool {
        let normalized = Normalized::new(text);
        let scope = Scope::of_reply(&normalized, text, Cues::builtin());
        let phrase = normalize(phrase);
        let start = normalized.text().find(&phrase).expect("the phrase occurs");
        scope.negated(start, start + phrase.len())
    }

    #[test]
    fn a_cue_up_to_six_words_before_negates() {
        assert!(negated(
            "Nobody here is going to ask you who pays",
            "who pays"
        ));
        assert!(!negated(
            "Nobody here is really going to ask you who pays",
            "who pays"
        ));
    }

    #[test]
    fn a_title_s_full_stop_ends_no_clause() {
        let text = "i've called ms. reyes, our manager. then mrs.";
        let scope = Scope::new(text, &[], Cues::builtin());
        assert!(!scope.crosses_clause_end(0, 18), "ms. is a title");
        assert!(scope.crosses_clause_end(18, 23), "the comma still ends it");
        let items = "mrs. at the end, and items.";
        let scope = Scope::new(items, &[], Cues::builtin());
        assert!(
            scope.crosses_clause_end(20, items.len()),
            "items. is no title"
        );
    }

    #[test]
    fn a_clitic_after_the_cue_is_no_word_between() {
        // Six words between "nobody's" and the phrase, not seven.
        assert!(negated(
            "Nobody's going to tell you it was your fault.",
            "your fault"
        ));
        assert!(negated("No one'll ask you who pays.", "who pays"));
        // Seven real words are still too many.
        assert!(!negated(
            "Nobody's here, so I will go and ask them who pays.",
            "who pays"
        ));
    }

    #[test]
    fn a_cue_within_a_range_is_found_only_whole() {
        let text = "i've never called them";
        let scope = Scope::new(text, &[], Cues::builtin());
        assert!(scope.has_cue_within(4, 12));
        assert!(!scope.has_cue_within(12, text.len()));
        assert!(
            !scope.has_cue_within(6, 12),
            "a cue cut by the range is not within it"
        );
    }

    #[test]
    fn n_t_attaches_to_the_word_before() {
        assert!(negated("We won't keep you waiting", "keep you waiting"));
        assert!(negated("I can’t promise a refund", "promise"));
    }

    #[test]
    fn cues_must_be_whole_words() {
        assert!(!negated("Nothingness is a refund", "refund"));
        assert!(!negated("Snot will refund you", "refund"));
    }

    #[test]
    fn clause_ends_stop_the_scope() {
        for text in [
            "No. I will ask who pays",
            "No, I will ask who pays",
            "No; who pays",
            "No — who pays",
            "No - who pays",
            "No\nwho pays",
            "Not that, but who pays",
            "Not that but who pays",
            "Not that however who pays",
        ] {
            assert!(!negated(text, "who pays"), "{text:?}");
        }
        assert!(negated("No-one asks who pays", "who pays"));
    }

    #[test]
    fn chinese_cues_need_no_boundaries() {
        assert!(negated("您放心，我们不会让您再跑一趟", "再跑一趟"));
        assert!(!negated("您放心，我们会让您再跑一趟", "再跑一趟"));
        assert!(!negated("我不会，您再跑一趟", "再跑一趟"));
        assert!(!negated("不过您再跑一趟", "再跑一趟"), "不过 ends a clause");
        assert!(!negated("不好意思让您再跑一趟", "再跑一趟"), "a pseudo-cue");
    }

    #[test]
    fn chinese_words_with_a_cue_inside_negate_nothing_after_them() {
        assert!(
            !negated("对不起让您久等了", "让您久等了"),
            "对不起 is an apology"
        );
        assert!(
            !negated("我们不得不请您再跑一趟", "请您再跑一趟"),
            "不得不 is must"
        );
        assert!(!negated("您对房间不满我马上给您换", "给您换"));
        assert!(
            negated("对不起我们不能给您换", "给您换"),
            "a real cue after it still negates"
        );
    }

    #[test]
    fn no_later_than_is_a_deadline_not_a_negation() {
        assert!(!negated("No later than Friday we will refund it", "refund"));
        assert!(!negated("Not a problem I will refund it", "refund"));
    }

    #[test]
    fn pseudo_cues_never_negate() {
        assert!(!negated("No problem I will refund it", "refund"));
        assert!(!negated("Not only will we refund it", "refund"));
        assert!(negated("No I will not refund it", "refund"));
    }

    #[test]
    fn unnegated_occurrences_leave_out_the_negated_ones() {
        let said = Said::new("I can't get my manager. Get my manager now");
        let found = unnegated_occurrences(
            &said.text,
            &said.line_breaks,
            "get my manager",
            Cues::builtin(),
        );
        assert_eq!(found, vec![Range { start: 24, end: 38 }]);
        let lines = Said::new("No\nget my manager");
        let found = unnegated_occurrences(
            &lines.text,
            &lines.line_breaks,
            "get my manager",
            Cues::builtin(),
        );
        assert_eq!(found.len(), 1, "a line break ends the cue's clause");
    }

    #[test]
    fn german_cues_before_a_phrase_negate_it() {
        assert!(negated(
            "Das kann ich Ihnen leider nicht erstatten",
            "erstatten"
        ));
        assert!(negated(
            "Niemand wird Sie nach einem Aufpreis fragen",
            "aufpreis"
        ));
        assert!(negated("Sie müssen nichts nachzahlen", "nachzahlen"));
        assert!(negated("Ich habe nie gesagt, dass", "gesagt"));
        assert!(!negated("Ich kann Ihnen das sofort erstatten", "erstatten"));
    }

    #[test]
    fn every_form_of_kein_is_a_cue() {
        for text in [
            "Sie zahlen keinen Aufpreis",
            "Sie zahlen kein Aufpreis",
            "Es gibt keine Aufpreis",
            "mit keinem Aufpreis",
            "keiner Aufpreis",
            "keines Aufpreis",
            "keinerlei Aufpreis",
            "ohne Aufpreis",
        ] {
            assert!(negated(text, "aufpreis"), "{text:?}");
        }
        assert!(
            !negated("Keinesgleichen Aufpreis", "aufpreis"),
            "whole words only"
        );
    }

    #[test]
    fn kein_and_ohne_negate_their_noun_not_the_rest_of_the_clause() {
        assert!(negated(
            "Sie zahlen keinen zusätzlichen Aufpreis",
            "aufpreis"
        ));
        assert!(!negated(
            "Sie können ohne Aufpreis den nächsten ICE nehmen",
            "nächsten ice"
        ));
        assert!(!negated(
            "Sie müssen kein Formular ausfüllen, ich buche Sie um",
            "ich buche"
        ));
        // `keiner` alone is "nobody", a cue of the whole clause.
        assert!(negated(
            "Keiner wird Sie heute nach dem Aufpreis fragen",
            "aufpreis"
        ));
        // A clause cue reaches past a noun cue.
        assert!(negated(
            "Ich kann Ihnen leider nicht mehr den Ersatzzug anbieten",
            "anbieten"
        ));
        // The limit of the short reach: a verb two words after `keinen` is not
        // negated by it (a rule lists the noun, "keinen Ersatzzug", to catch it).
        assert!(!negated(
            "Ich kann Ihnen leider keinen Ersatzzug mehr anbieten",
            "anbieten"
        ));
    }

    #[test]
    fn nicht_closing_its_clause_negates_what_comes_before_it() {
        // German main clauses put `nicht` after the verb and its objects.
        assert!(negated("Den Aufpreis zahlen Sie nicht.", "aufpreis"));
        assert!(negated("Das erstatten wir Ihnen leider nicht", "erstatten"));
        assert!(negated(
            "Ich rufe die Schichtleitung nicht an.",
            "rufe die schichtleitung"
        ));
        assert!(negated(
            "Das Formular müssen Sie nicht ausfüllen",
            "formular"
        ));
        assert!(negated(
            "Ich entschuldige mich nicht, das war der Sturm",
            "entschuldige"
        ));
        assert!(negated("Einen Aufpreis verlangen wir nie.", "aufpreis"));
        assert!(negated(
            "Die Taxikosten übernehmen wir nicht erstatten können",
            "taxikosten"
        ));
    }

    #[test]
    fn keine_as_the_last_word_negates_what_came_before() {
        assert!(negated(
            "Eine Entschädigung gibt es bei Sparpreisen leider keine.",
            "entschädigung"
        ));
        assert!(negated("Einen Aufpreis gibt es keinen", "aufpreis"));
        assert!(negated("Das macht hier keiner", "das macht"));
        // With its noun after it, `keinen` negates the noun, not the taxi.
        assert!(!negated("Das Taxi kostet Sie keinen Cent.", "taxi"));
    }

    #[test]
    fn a_trailing_nicht_must_close_the_same_clause() {
        // Another clause.
        assert!(!negated(
            "Ich erstatte Ihnen den Betrag, wenn der Zug nicht fährt",
            "erstatte"
        ));
        assert!(!negated(
            "Ich buche Sie um, damit Sie nicht warten müssen",
            "buche"
        ));
        // Three words after `nicht`: it negates what follows it, and does not
        // close the clause.
        assert!(!negated("Der ICE hält heute nicht in Fulda Hbf", "ice"));
        // Too far: seven words between.
        assert!(!negated(
            "Ich erstatte Ihnen das Geld heute in bar am Schalter nicht",
            "erstatte"
        ));
        // `oder nicht` and `nicht wahr` are no negation.
        assert!(!negated(
            "Die Zugbindung ist aufgehoben, ob Sie reserviert haben oder nicht",
            "reserviert"
        ));
        assert!(!negated("Sie fahren nach Köln nicht wahr", "köln"));
        // The phrase's own `nicht` is part of it.
        assert!(!negated("Das geht nicht.", "geht nicht"));
    }

    #[test]
    fn und_ends_no_clause_a_known_limit() {
        // `und` joins clauses without a comma, and does not end one (as `and`
        // does not in English): the trailing `nicht` reaches back over it.
        assert!(negated(
            "Ich kümmere mich darum und Sie müssen nicht warten",
            "kümmere mich"
        ));
        // With the comma a careful writer puts there, it does not.
        assert!(!negated(
            "Ich kümmere mich darum, und Sie müssen nicht warten",
            "kümmere mich"
        ));
    }

    #[test]
    fn noch_is_a_cue_only_after_weder() {
        assert!(negated(
            "Sie brauchen weder das Fahrgastrechteformular am Schalter noch eine lange Wartezeit am Telefon",
            "wartezeit am telefon"
        ));
        assert!(!negated(
            "Ich buche Sie noch heute auf den ICE um",
            "heute auf den ice"
        ));
        assert!(
            !negated("Weder heute, dann noch morgen früh den ICE", "morgen früh"),
            "weder is in another clause"
        );
    }

    #[test]
    fn german_clause_words_end_the_scope() {
        for word in ["aber", "jedoch", "sondern", "allerdings"] {
            let text = format!("Nicht heute {word} ich erstatte es morgen");
            assert!(!negated(&text, "erstatte"), "{text:?}");
        }
        // `sondern` ends the clause, so `nicht heute` closes it.
        assert!(negated(
            "Den Aufpreis zahlen Sie nicht heute sondern morgen",
            "aufpreis"
        ));
    }

    #[test]
    fn german_pseudo_cues_never_negate() {
        for text in [
            "Kein Problem, ich buche Sie um",
            "Kein Problem ich buche Sie um",
            "Gar kein Problem ich buche Sie um",
            "Keine Sorge ich buche Sie um",
            "Machen Sie sich keine Sorgen ich buche Sie um",
            "Keine Ursache ich buche Sie um",
            "Nichts zu danken ich buche Sie um",
            "Keine Frage ich buche Sie um",
            "Nicht nur das ich buche Sie um",
            "Kein Wunder ich buche Sie um",
            "Das geht ohne weiteres ich buche Sie um",
            "Macht nichts ich buche Sie um",
        ] {
            assert!(!negated(text, "ich buche"), "{text:?}");
        }
        assert!(negated("Kein Problem, ich buche Sie nicht um", "ich buche"));
    }

    #[test]
    fn extra_cues_add_to_the_builtin_ones() {
        let cues = Cues::new(&["geen"]);
        let text = "geen probleem met de kamer";
        let normalized = Normalized::new(text);
        let start = text.find("kamer").expect("kamer");
        let scope = Scope::of_reply(&normalized, text, &cues);
        assert!(scope.negated(start, text.len()));
        let builtin = Scope::of_reply(&normalized, text, Cues::builtin());
        assert!(!builtin.negated(start, text.len()));
    }
}
