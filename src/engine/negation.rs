//! Negation scope and clause ends (`PLAYBOOK.md`, "Matching (v2)", rule 6).
//!
//! The cues of a playbook (the built-in English and Chinese ones, its pseudo-cues,
//! the clause-ending words and its own `negation_cues`) are compiled once into one
//! automaton. A reply is scanned for them only when it has an occurrence to
//! classify ([`Scope`] is lazy): a reply with no hits pays nothing.
//!
//! Both languages' cues always apply, whatever the playbook's `language`:
//! replies mix languages, and an English cue cannot occur inside Chinese text or
//! the other way round, so neither can misfire on the other.

use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::normalize::{Normalized, count_words, is_whole_word, normalize};

/// The most words between a cue's end and a phrase's start for the cue to negate it.
pub const MAX_WORDS_BETWEEN: usize = 6;

/// Built-in cues (spec rule 6), English then Chinese.
pub const CUES: &[&str] = &[
    "not", "no", "never", "n't", "nobody", "nothing", "none", "nowhere", "neither", "nor",
    "without", "hardly", "cannot", "不", "没", "没有", "别", "无", "无需", "不用", "不会", "绝不",
    "从不", "未", "并非",
];

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
];

/// Words that end a clause. (A cue inside one, as 不 in 不过, is no cue.)
pub const CLAUSE_WORDS: &[&str] = &["but", "however", "但是", "可是", "不过"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Cue,
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
            push((*cue).to_owned(), Kind::Cue);
        }
        for cue in extra {
            push(normalize(cue.as_ref()).trim().to_owned(), Kind::Cue);
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
    if !has_line_break(original) {
        return Vec::new();
    }
    normalized
        .text()
        .match_indices(' ')
        .map(|(at, _)| at)
        .filter(|&at| has_line_break(&original[normalized.original_range(at, at + 1)]))
        .collect()
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
    cues: Vec<Range<usize>>,
    /// Starts of the clause-ending words.
    clause_words: Vec<usize>,
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
    cues: Vec<Range<usize>>,
    clause_words: Vec<usize>,
    shields: Vec<Range<usize>>,
    ends: Vec<usize>,
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
            buffers.cues = found.cues;
            buffers.clause_words = found.clause_words;
        }
        if let Some(ends) = self.ends.into_inner() {
            buffers.ends = ends;
        }
        buffers
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    fn line_breaks(&self) -> &[usize] {
        match &self.breaks {
            Breaks::Known(b) => b,
            Breaks::Mapped(normalized, original, cell) => {
                cell.get_or_init(|| line_breaks(normalized, original))
            }
        }
    }

    fn found(&self) -> &Found {
        self.found.get_or_init(|| self.find())
    }

    fn find(&self) -> Found {
        let text = self.text;
        let mut spare = self.spare.take();
        let mut clause_words = std::mem::take(&mut spare.clause_words);
        let mut cues = std::mem::take(&mut spare.cues);
        let mut shields = std::mem::take(&mut spare.shields);
        clause_words.clear();
        cues.clear();
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
            match self.cues.kinds[index] {
                Kind::Cue => cues.push(start..end),
                Kind::Pseudo => shields.push(start..end),
                Kind::ClauseWord => {
                    clause_words.push(start);
                    shields.push(start..end);
                }
            }
        }
        cues.retain(|c| !shields.iter().any(|s| s.start <= c.start && c.end <= s.end));
        cues.sort_unstable_by_key(|c| (c.end, c.start));
        spare.shields = shields;
        self.spare.set(spare);
        Found { cues, clause_words }
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
    /// it in the same clause, with at most [`MAX_WORDS_BETWEEN`] words between.
    /// A cue within the occurrence is part of it and does not count.
    pub fn negated(&self, start: usize) -> bool {
        let found = self.found();
        let before = found.cues.partition_point(|c| c.end <= start);
        // The nearest cue decides: an earlier one has at least as many words
        // and clause ends between it and the occurrence.
        found.cues[..before].last().is_some_and(|cue| {
            !self.crosses_clause_end(cue.end, start)
                && count_words(after_clitic(&self.text[cue.end..start])) <= MAX_WORDS_BETWEEN
        })
    }

    /// Whether a cue that can negate lies wholly within `text[from..to]`: a
    /// wildcard's gap never takes one ("I've * called" is not said by "I've
    /// never called"), as it never crosses a clause end.
    pub fn has_cue_within(&self, from: usize, to: usize) -> bool {
        let cues = &self.found().cues;
        let first = cues.partition_point(|c| c.end <= from);
        cues[first..]
            .iter()
            .take_while(|c| c.end <= to)
            .any(|c| c.start >= from)
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
        .filter(|r| !scope.negated(r.start))
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
        scope.negated(start)
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
    fn extra_cues_add_to_the_builtin_ones() {
        let cues = Cues::new(&["kein"]);
        let text = "kein problem mit dem zimmer";
        let normalized = Normalized::new(text);
        let scope = Scope::of_reply(&normalized, text, &cues);
        assert!(scope.negated(18));
        let builtin = Scope::of_reply(&normalized, text, Cues::builtin());
        assert!(!builtin.negated(18));
    }
}
