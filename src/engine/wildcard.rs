//! Phrases with wildcards (`PLAYBOOK.md`, "Matching (v2)", rule 7), and sets of
//! phrases found in one pass.
//!
//! A phrase is compiled once into literal pieces and wildcards. Its first literal
//! (the *anchor*) goes into the set's Aho-Corasick automaton with every other
//! phrase; the rest is verified where the anchor occurs, by walking the text
//! forward: no regex, and nothing compiled per reply. A phrase without wildcards
//! is its anchor alone, checked as a whole word as in version 1.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::matcher::phrase_automaton;
use super::negation::Scope;
use super::normalize::{count_words, is_cjk, is_whole_word, is_word_char};

/// How many words a lone `*` stands for at most, and how many characters
/// between Han/Kana characters.
pub const MAX_GAP: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    /// `word*`: zero or more further letters or digits of the word.
    Tail,
    /// A lone `*`: zero to [`MAX_GAP`] words.
    Words,
    /// `*` after a Han/Kana character: zero to [`MAX_GAP`] characters.
    Chars,
}

/// A normalised phrase, compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The first literal piece: what the automaton looks for.
    anchor: String,
    /// What must follow the anchor.
    rest: Vec<Piece>,
}

impl Phrase {
    /// Compile a normalised phrase; `None` when it has nothing to look for
    /// (empty, or wildcards alone).
    ///
    /// A `*` right after a letter or digit is a word's tail, one after a
    /// Han/Kana character stands for characters, any other stands for words;
    /// `\*` is a star. A lone `*` at the start or the end of a phrase stands for
    /// no words (it cannot change whether the phrase occurs, and keeps spans to
    /// the words written), and so does `*` after Han/Kana at the end.
    pub fn new(normalized: &str) -> Option<Phrase> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut literal = String::new();
        let mut chars = normalized.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek() == Some(&'*') {
                chars.next();
                literal.push('*');
                continue;
            }
            if c != '*' {
                literal.push(c);
                continue;
            }
            let last = literal.chars().next_back();
            let piece = match last {
                Some(l) if is_cjk(l) => Piece::Chars,
                Some(l) if is_word_char(l) => Piece::Tail,
                _ => {
                    literal.truncate(literal.trim_end_matches(' ').len());
                    while chars.peek() == Some(&' ') {
                        chars.next();
                    }
                    Piece::Words
                }
            };
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(piece);
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        while matches!(pieces.last(), Some(Piece::Words | Piece::Chars)) {
            pieces.pop();
        }
        let first = pieces.iter().position(|p| matches!(p, Piece::Literal(_)))?;
        let mut rest = pieces.split_off(first);
        let Piece::Literal(anchor) = rest.remove(0) else {
            return None;
        };
        Some(Phrase { anchor, rest })
    }

    /// The literal an occurrence starts with.
    pub fn anchor(&self) -> &str {
        &self.anchor
    }

    pub fn has_wildcards(&self) -> bool {
        !self.rest.is_empty()
    }

    /// Where the occurrence whose anchor stands at `start` ends, or `None` if
    /// there is none there (a whole word, wildcards within a clause).
    pub fn end_at(&self, scope: &Scope, start: usize) -> Option<usize> {
        let text = scope.text();
        let after = start + self.anchor.len();
        if self.rest.is_empty() {
            return is_whole_word(text, start, after).then_some(after);
        }
        self.rest_from(scope, start, 0, after)
    }

    fn rest_from(&self, scope: &Scope, start: usize, piece: usize, at: usize) -> Option<usize> {
        let text = scope.text();
        let Some(next) = self.rest.get(piece) else {
            return is_whole_word(text, start, at).then_some(at);
        };
        // Where a wildcard may end: where the next piece could start.
        let fits_next = |end: usize| match self.rest.get(piece + 1) {
            Some(Piece::Literal(l)) => text[end..].starts_with(l.as_str()),
            _ => true,
        };
        match next {
            Piece::Literal(l) => text[at..]
                .starts_with(l.as_str())
                .then(|| self.rest_from(scope, start, piece + 1, at + l.len()))
                .flatten(),
            Piece::Tail => {
                let run: usize = text[at..]
                    .chars()
                    .take_while(|&c| is_word_char(c) && !is_cjk(c))
                    .map(char::len_utf8)
                    .sum();
                // Longest first: the span covers the whole word. (Not
                // collected: a wildcard is tried at every occurrence of its
                // anchor, in every reply.)
                let ends = std::iter::once(at + run)
                    .chain(text[at..at + run].char_indices().rev().map(|(i, _)| at + i));
                ends.into_iter().find_map(|end| {
                    if fits_next(end) {
                        self.rest_from(scope, start, piece + 1, end)
                    } else {
                        None
                    }
                })
            }
            Piece::Words => {
                if !word_boundary(text, at) {
                    return None;
                }
                // Shortest first, until a fourth word, a clause end or a cue.
                // Those limits only grow with the gap, so they are tested
                // where the gap may end and where a word may have ended, not
                // at every character (counting words was a tenth of `grade`).
                for (offset, c) in text[at..].char_indices().chain([(text.len() - at, ' ')]) {
                    let end = at + offset;
                    let candidate = fits_next(end) && word_boundary(text, end);
                    let word_may_end = !is_word_char(c) || is_cjk(c);
                    if (candidate || word_may_end)
                        && (count_words(&text[at..end]) > MAX_GAP
                            || scope.crosses_clause_end(at, end)
                            || scope.has_cue_within(at, end))
                    {
                        break;
                    }
                    if candidate && let Some(found) = self.rest_from(scope, start, piece + 1, end) {
                        return Some(found);
                    }
                }
                None
            }
            Piece::Chars => {
                for (count, (offset, _)) in text[at..]
                    .char_indices()
                    .chain([(text.len() - at, ' ')])
                    .enumerate()
                {
                    let end = at + offset;
                    if count > MAX_GAP
                        || scope.crosses_clause_end(at, end)
                        || scope.has_cue_within(at, end)
                    {
                        break;
                    }
                    if fits_next(end)
                        && let Some(found) = self.rest_from(scope, start, piece + 1, end)
                    {
                        return Some(found);
                    }
                }
                None
            }
        }
    }
}

/// Whether words may start or end at `at` (rule 2): not between two letters or
/// digits, unless one of them is Han/Kana.
fn word_boundary(text: &str, at: usize) -> bool {
    match (text[..at].chars().next_back(), text[at..].chars().next()) {
        (Some(b), Some(a)) => !(is_word_char(b) && is_word_char(a)) || is_cjk(b) || is_cjk(a),
        _ => true,
    }
}

/// Every occurrence of one phrase (for phrases filled per reply, and key facts).
pub fn occurrences<'a>(
    scope: &'a Scope<'_>,
    phrase: &'a Phrase,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let text = scope.text();
    text.match_indices(phrase.anchor())
        .filter_map(move |(start, _)| phrase.end_at(scope, start).map(|end| start..end))
}

/// Up to how many anchors a set is screened first ([`PhraseSet::screen`]):
/// the packed searcher takes up to 64 patterns; past them the screen would
/// be a second automaton as slow as the first.
const SCREENED_ANCHORS: usize = 64;

/// Phrases found together, each standing for owners of type `O` (a rule's
/// item, or nothing): one automaton over their anchors.
#[derive(Debug)]
pub struct PhraseSet<O> {
    automaton: Option<AhoCorasick>,
    /// Whether any anchor occurs at all, asked before the overlapping search:
    /// most texts hold none, and this search runs many bytes at a time
    /// (`aho-corasick`'s packed SIMD searcher, for leftmost matching only),
    /// where the overlapping one stops at every possible first byte.
    screen: Option<aho_corasick::packed::Searcher>,
    /// For each anchor of the automaton, the phrases that start with it.
    by_anchor: Vec<Vec<usize>>,
    phrases: Vec<(Phrase, Vec<O>)>,
}

impl<O: Copy> PhraseSet<O> {
    /// The set of `(normalised phrase, owner)`; empty phrases are left out.
    pub fn new<'a>(
        phrases: impl IntoIterator<Item = (&'a str, O)>,
    ) -> Result<Self, aho_corasick::BuildError> {
        let mut unique: HashMap<&'a str, usize> = HashMap::new();
        let mut anchors: HashMap<String, usize> = HashMap::new();
        let mut anchor_texts: Vec<String> = Vec::new();
        let mut by_anchor: Vec<Vec<usize>> = Vec::new();
        let mut compiled: Vec<(Phrase, Vec<O>)> = Vec::new();
        for (text, owner) in phrases {
            if let Some(&index) = unique.get(text) {
                compiled[index].1.push(owner);
                continue;
            }
            let Some(phrase) = Phrase::new(text) else {
                continue;
            };
            let anchor = *anchors.entry(phrase.anchor.clone()).or_insert_with(|| {
                anchor_texts.push(phrase.anchor.clone());
                by_anchor.push(Vec::new());
                anchor_texts.len() - 1
            });
            unique.insert(text, compiled.len());
            by_anchor[anchor].push(compiled.len());
            compiled.push((phrase, vec![owner]));
        }
        let automaton = if anchor_texts.is_empty() {
            None
        } else {
            Some(phrase_automaton(&anchor_texts)?)
        };
        let screen = if anchor_texts.is_empty() || anchor_texts.len() > SCREENED_ANCHORS {
            None
        } else {
            aho_corasick::packed::Config::new()
                .builder()
                .extend(&anchor_texts)
                .build()
        };
        Ok(PhraseSet {
            automaton,
            screen,
            by_anchor,
            phrases: compiled,
        })
    }

    /// Every occurrence of every phrase, with its owners: `each(owners, start, end)`.
    pub fn find(&self, scope: &Scope, mut each: impl FnMut(&[O], usize, usize)) {
        self.find_phrases(scope, |phrase, start, end| {
            each(&self.phrases[phrase].1, start, end);
        });
    }

    /// Every occurrence of every phrase, by the phrase's number in the set
    /// (see [`Self::owners`]): `each(phrase, start, end)`. For a caller that
    /// works per distinct phrase rather than per owner.
    pub fn find_phrases(&self, scope: &Scope, mut each: impl FnMut(usize, usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        if self
            .screen
            .as_ref()
            .is_some_and(|screen| screen.find(scope.text()).is_none())
        {
            return;
        }
        for m in automaton.find_overlapping_iter(scope.text()) {
            for &index in &self.by_anchor[m.pattern().as_usize()] {
                if let Some(end) = self.phrases[index].0.end_at(scope, m.start()) {
                    each(index, m.start(), end);
                }
            }
        }
    }

    /// How many distinct phrases the set holds (numbered from 0).
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The owners of phrase number `phrase`, in the order they were given.
    pub fn owners(&self, phrase: usize) -> &[O] {
        &self.phrases[phrase].1
    }
}

#[cfg(test)]
mod tests {
    use super::super::negation::Cues;
    use super::super::normalize::{Normalized, normalize};
    use super::*;

    /// The first occurrence of `phrase` in `text`, as a slice of the text.
    fn found(text: &str, phrase: &str) -> Option<String> {
        let normalized = Normalized::new(text);
        let scope = Scope::of_reply(&normalized, text, Cues::builtin());
        let phrase = Phrase::new(&normalize(phrase))?;
        occurrences(&scope, &phrase)
            .next()
            .map(|r| text[normalized.original_range(r.start, r.end)].to_owned())
    }

    #[test]
    fn a_tail_takes_the_rest_of_the_word() {
        for word in ["apologise", "apologize", "apologies"] {
            assert_eq!(
                found(&format!("We {word}."), "apologi*").as_deref(),
                Some(word)
            );
        }
        assert_eq!(
            found("an apologist-like", "apologi*").as_deref(),
            Some("apologist")
        );
        assert_eq!(found("Sorry's", "sorr*").as_deref(), Some("Sorry"));
        assert_eq!(found("the apology", "apologi*"), None);
    }

    #[test]
    fn a_lone_star_stands_for_up_to_three_words() {
        let phrase = "add * to your bill";
        assert!(found("I'll add to your bill", phrase).is_some());
        assert!(found("I'll add it to your bill", phrase).is_some());
        assert_eq!(
            found("I'll add the coffee to your bill", phrase).as_deref(),
            Some("add the coffee to your bill")
        );
        assert!(found("add the hot black coffee to your bill", phrase).is_none());
        assert!(found("addition to your bill", phrase).is_none());
    }

    #[test]
    fn wildcards_never_cross_a_clause_end() {
        assert!(found("add it, to your bill", "add * to your bill").is_none());
        assert!(found("马上，处理", "马上*处理").is_none());
    }

    #[test]
    fn wildcards_never_take_a_negation_cue() {
        assert!(found("I've never called them", "I've * called").is_none());
        assert!(found("I've already called them", "I've * called").is_some());
        assert!(found("我不能联系值班经理", "我*联系*值班经理").is_none());
        assert!(found("我马上联系值班经理", "我*联系*值班经理").is_some());
    }

    #[test]
    fn a_star_between_han_stands_for_up_to_three_characters() {
        assert_eq!(
            found("我马上处理", "马上*处理").as_deref(),
            Some("马上处理")
        );
        assert_eq!(
            found("我马上为您处理", "马上*处理").as_deref(),
            Some("马上为您处理")
        );
        assert!(found("我马上就为您来处理", "马上*处理").is_none());
    }

    #[test]
    fn an_escaped_star_is_a_star() {
        assert_eq!(
            found("press * now", r"press \* now").as_deref(),
            Some("press * now")
        );
        assert!(found("press the button now", r"press \* now").is_none());
    }

    #[test]
    fn stars_alone_at_the_edges_stand_for_nothing() {
        assert_eq!(Phrase::new("* sorry *"), Phrase::new("sorry"));
        assert_eq!(Phrase::new("*"), None);
    }
}
