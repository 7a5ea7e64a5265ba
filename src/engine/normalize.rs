//! Matching normalisation (`PLAYBOOK.md`, "Matching: what 'occurs' means", rule 1)
//! with a map from every normalised byte back to the original text, and the word
//! rules built on it: whole-word edges (rule 2) and the word count (`length`).
//!
//! The text is normalised one grapheme cluster at a time, so each piece of output can
//! name the piece of input it came from. Per-grapheme NFKC equals whole-text NFKC for
//! real text because composition never crosses a grapheme boundary (a starter and
//! the marks that compose with it are one cluster, and so are Hangul jamo).
//! `normalize` runs exactly the same code, so phrases and replies agree byte for byte.
//!
//! The map is a sorted list of pieces, each "normalised bytes from `norm` on came from
//! original bytes from `orig` on". Pieces are contiguous on both sides, so a piece's
//! end is the next piece's start and is not stored. A piece is either a *block* (all
//! its output maps to its whole input: a ligature, a decomposed accent, a white-space
//! run, an emoji sequence) or *linear*: a run of one-char graphemes each rewritten to
//! one char of the same UTF-8 length (ASCII, already-lower-case Latin, Han, Kana, ...),
//! where byte `norm + k` came from byte `orig + k`. A typical English or Chinese reply
//! is therefore one or a few pieces, and a lookup is one binary search.

use std::borrow::Cow;
use std::ops::Range;

use icu_casemap::{CaseMapper, CaseMapperBorrowed};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

/// ICU's compiled-in case data: a `const`, so no lazy initialisation on the hot path.
const CASE: CaseMapperBorrowed<'static> = CaseMapper::new();

/// A text after matching normalisation, with a map back to the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    pieces: Vec<Piece>,
    original_len: usize,
}

/// Normalised bytes from `norm` up to the next piece's `norm` came from original bytes
/// from `orig` up to the next piece's `orig` (or the ends of the texts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    norm: usize,
    orig: usize,
    /// Byte `norm + k` came from the one-char grapheme at `orig + k`.
    linear: bool,
}

impl Normalized {
    /// Normalise `original`: NFKC, full Unicode case folding, NFKC again (`NFKC_Casefold`
    /// without removing default-ignorables), each run of white space to one ASCII space,
    /// and the apostrophes ’ ‘ ʼ ＇ and the backtick to `'`. Leading and trailing white
    /// space is kept (as one space): the spec folds runs, it does not trim.
    pub fn new(original: &str) -> Normalized {
        let builder = build::<true, false>(original);
        Normalized {
            text: builder.text,
            pieces: builder.pieces,
            original_len: original.len(),
        }
    }

    /// `original` normalised in place of what this held, reusing its buffers:
    /// batch grading keeps one per thread, so that normalising a reply
    /// allocates nothing once the buffers have grown to the replies' size.
    pub fn refill(&mut self, original: &str) {
        let mut text = std::mem::take(&mut self.text);
        let mut pieces = std::mem::take(&mut self.pieces);
        text.clear();
        text.reserve(original.len());
        pieces.clear();
        let builder = Builder {
            text,
            pieces,
            ends_in_space: false,
            scratch: String::new(),
        };
        let built = build_on::<true, false>(original, builder);
        self.text = built.text;
        self.pieces = built.pieces;
        self.original_len = original.len();
    }

    /// The general grapheme-by-grapheme path for every character, with no ASCII or
    /// stable-character shortcut: the reference the fast paths are tested against.
    #[cfg(test)]
    fn new_general(original: &str) -> Normalized {
        let builder = build::<true, true>(original);
        Normalized {
            text: builder.text,
            pieces: builder.pieces,
            original_len: original.len(),
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte range that normalised bytes `start..end` came from: from the
    /// start of the original piece holding normalised byte `start` to the end of the
    /// original piece holding byte `end - 1`, where a piece is a grapheme cluster or a
    /// run of white space. Always on char boundaries of the original when `start` and
    /// `end` are char boundaries of [`text`](Self::text).
    ///
    /// An empty range (`start == end`, as an empty regex match gives) maps to an empty
    /// range at the original position of `start`; positions past the end are clamped.
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        let from = self.map_start(start);
        if end <= start {
            return from..from;
        }
        from..self.map_end(end.min(self.text.len()))
    }

    fn map_start(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.original_len;
        }
        let piece = self.pieces[self.piece_at(pos)];
        if piece.linear {
            piece.orig + (pos - piece.norm)
        } else {
            piece.orig
        }
    }

    /// `end` is in `1..=text.len()`.
    fn map_end(&self, end: usize) -> usize {
        let index = self.piece_at(end - 1);
        let piece = self.pieces[index];
        if piece.linear {
            piece.orig + (end - piece.norm)
        } else {
            self.pieces
                .get(index + 1)
                .map_or(self.original_len, |next| next.orig)
        }
    }

    /// The piece holding normalised byte `pos` (`pos < text.len()`, so there is one:
    /// the first piece starts at 0).
    fn piece_at(&self, pos: usize) -> usize {
        self.pieces.partition_point(|piece| piece.norm <= pos) - 1
    }
}

/// The same normalisation as [`Normalized::new`] without the map (for phrases, key
/// facts, customer lines).
pub fn normalize(text: &str) -> String {
    build::<false, false>(text).text
}

/// [`normalize`] into `out`, replacing what it held and reusing its buffer.
pub fn normalize_into(text: &str, out: &mut String) {
    let mut buffer = std::mem::take(out);
    buffer.clear();
    buffer.reserve(text.len());
    let builder = Builder {
        text: buffer,
        pieces: Vec::new(),
        ends_in_space: false,
        scratch: String::new(),
    };
    *out = build_on::<false, false>(text, builder).text;
}

/// Whether `c` is Han, Hiragana or Katakana: scripts that do not separate words with
/// spaces.
///
/// The prolonged sound mark ー (U+30FC, and its half-width form U+FF70) is Common
/// script but only ever written inside Kana words (コーヒー), so it counts too; the
/// iteration marks 々 〻 ゝ ゞ ヽ ヾ already have Han, Hiragana or Katakana script. The
/// middle dot ・ and the ditto mark 〃 are punctuation and stay out.
pub fn is_cjk(c: char) -> bool {
    // Nothing below the CJK radicals has these scripts (tested), which keeps the
    // script table lookup off Latin text.
    if u32::from(c) < 0x2E80 {
        return false;
    }
    // The common blocks first: a Chinese reply is almost all of these, and the
    // script table is a search.
    if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}') {
        return true;
    }
    matches!(c, '\u{30FC}' | '\u{FF70}')
        || matches!(
            c.script(),
            Script::Han | Script::Hiragana | Script::Katakana
        )
}

/// Whether `c` counts as part of a word for whole-word matching: a letter or a digit
/// (`char::is_alphanumeric`), or a combining mark, which belongs to the letter it
/// sits on.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether normalised `text[start..end]` stands as a whole word (spec rule 2): the
/// characters just before `start` and just after `end` must not be word characters,
/// except that (a) a Han/Kana neighbour always counts as a boundary and (b) where the
/// match's own first (resp. last) character is Han/Kana, no boundary is needed on that
/// side. An empty or out-of-bounds range is not a word.
///
/// A combining mark counts as the character it sits on: a mark just before `start`
/// is a Han/Kana neighbour if its base is (`漢\u{FE00}abc`), and a match ending in a
/// mark ends in Han/Kana if the mark's base does.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(matched), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return false;
    };
    let (Some(first), Some(last)) = (matched.chars().next(), base_of_last(matched)) else {
        return false;
    };
    let left = is_cjk(first)
        || before
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c) || base_of_last(before).is_some_and(is_cjk));
    let right = is_cjk(last)
        || after
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c) || is_cjk(c));
    left && right
}

/// The last character of `s` that is not a combining mark (the last character if all
/// are marks).
fn base_of_last(s: &str) -> Option<char> {
    // An ASCII character is never a mark: the common case needs no table.
    if let Some(&b) = s.as_bytes().last()
        && b.is_ascii()
    {
        return Some(char::from(b));
    }
    s.chars()
        .rev()
        .find(|&c| !is_combining_mark(c))
        .or_else(|| s.chars().next_back())
}

/// Words in a reply (spec, `length`): a run of letters and digits, with `'` or `-`
/// allowed between them (`I'm`, `e-mail`, `7am` are one word each); each Han,
/// Hiragana or Katakana character is a word on its own; punctuation and symbols are
/// not words. Counted on the original text, so every apostrophe that normalisation
/// folds to `'` (’ ‘ ʼ ＇ and the backtick) joins too, and so do the hyphens that mean
/// `-`: the full-width － (NFKC gives `-`) and the Unicode hyphens ‐ ‑. Dashes (– —)
/// separate.
/// A combining mark continues the word (or the Han/Kana character) it follows.
pub fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        return count_ascii_words(text.as_bytes());
    }
    count_words_general(text)
}

fn count_words_general(text: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Outside,
        /// In a word, or on a Han/Kana character (which marks may follow).
        InWord,
        /// Just after a joiner that followed a word: a letter continues the word.
        AfterJoiner,
    }
    let mut count = 0;
    let mut state = State::Outside;
    for c in text.chars() {
        state = if is_joiner(c) {
            if state == State::InWord {
                State::AfterJoiner
            } else {
                State::Outside
            }
        } else if c.is_ascii() {
            // ASCII is neither Han/Kana nor a mark: skip both table look-ups.
            if c.is_ascii_alphanumeric() {
                if state == State::Outside {
                    count += 1;
                }
                State::InWord
            } else {
                State::Outside
            }
        } else if is_cjk(c) {
            count += 1;
            State::Outside
        } else if is_combining_mark(c) {
            // A mark never starts a word; after a Han/Kana character it just decorates it.
            if state == State::InWord {
                State::InWord
            } else {
                State::Outside
            }
        } else if c.is_alphanumeric() {
            if state == State::Outside {
                count += 1;
            }
            State::InWord
        } else {
            State::Outside
        };
    }
    count
}

/// [`count_words`] for ASCII text, byte by byte: the common case, and the one
/// batch grading meets millions of times.
fn count_ascii_words(bytes: &[u8]) -> usize {
    let (mut count, mut in_word, mut after_joiner) = (0, false, false);
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            if !in_word && !after_joiner {
                count += 1;
            }
            in_word = true;
            after_joiner = false;
        } else if in_word && matches!(b, b'\'' | b'`' | b'-') {
            // A joiner continues the word if a letter or digit follows.
            in_word = false;
            after_joiner = true;
        } else {
            in_word = false;
            after_joiner = false;
        }
    }
    count
}

/// Characters that may join the two halves of one word.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '-'
            | '`'
            | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{FF07}'
            | '\u{FF0D}'
            | '\u{2010}'
            | '\u{2011}'
    )
}

/// The apostrophes the spec folds to `'`. The full-width ＇ is already `'` after NFKC.
fn fold_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
        _ => c,
    }
}

/// One-char graphemes known to come out of normalisation unchanged (no compatibility
/// decomposition, no case folding, not white space, not an apostrophe), so the common
/// scripts of our replies skip the normaliser and ICU. A test checks every character
/// of these ranges against the general path. None of them extends a grapheme (no
/// marks), which `Builder::quick_run` relies on.
fn is_stable(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00E0..=0x00FF // Latin-1 lower case (à-ÿ) and ÷
            | 0x0430..=0x045F // Cyrillic lower case
            | 0x3001..=0x3002 // 、。
            | 0x3005..=0x3007 // 々〆〇
            | 0x3008..=0x3011 // 〈〉《》「」『』【】
            | 0x3041..=0x3096 // Hiragana
            | 0x309D..=0x309E // ゝゞ
            | 0x30A1..=0x30FA // Katakana
            | 0x30FC..=0x30FE // ーヽヾ
            | 0x3400..=0x4DBF // CJK Extension A
            | 0x4E00..=0x9FFF // CJK Unified Ideographs
            | 0xAC00..=0xD7A3 // Hangul syllables
    )
}

/// What a one-char grapheme of a common non-ASCII character normalises to, where
/// that is known without the normaliser: itself for [`is_stable`] characters, and
/// the ASCII character for the full-width forms ！..～ (NFKC's exact mapping), which
/// Chinese and Japanese replies use for their punctuation, and curly quotes and dashes.
/// A test checks every character against the general path.
fn quick_fold(c: char) -> Option<char> {
    if is_stable(c) {
        return Some(c);
    }
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        return u8::try_from(code - 0xFEE0).ok().map(fold_ascii);
    }
    // The typographic punctuation that word processors put in English replies.
    match c {
        '\u{2018}' | '\u{2019}' => Some('\''),
        '\u{2013}' | '\u{2014}' | '\u{201C}' | '\u{201D}' => Some(c),
        _ => None,
    }
}

/// Whether the character at byte `at` (if any) is a [`quick_fold`] character, and so
/// does not extend the grapheme before it.
fn quick_starts(original: &str, at: usize) -> bool {
    original[at..]
        .chars()
        .next()
        .is_some_and(|c| quick_fold(c).is_some())
}

/// `char::is_whitespace` on an ASCII byte (note: includes vertical tab, unlike
/// `u8::is_ascii_whitespace`, because the general path uses `char::is_whitespace`).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Where the ASCII stretch `bytes[from..to]` stops being copied as it is (but for
/// lower-casing): the first backtick, or white space other than a lone space.
fn plain_end(bytes: &[u8], mut from: usize, to: usize) -> usize {
    fn is_space(b: u8) -> bool {
        b == b' ' || b.wrapping_sub(b'\t') < 5
    }
    fn breaks(b: u8, next: u8) -> bool {
        // Non-short-circuit operators, so that the chunk test below vectorises.
        (b == b'`') | (b.wrapping_sub(b'\t') < 5) | ((b == b' ') & is_space(next))
    }
    const CHUNK: usize = 16;
    // Whole chunks first (each byte's successor must exist), then byte by byte.
    while from + CHUNK <= to && from + CHUNK < bytes.len() {
        let chunk = &bytes[from..from + CHUNK];
        let next = &bytes[from + 1..=from + CHUNK];
        if chunk
            .iter()
            .zip(next)
            .fold(false, |any, (&b, &n)| any | breaks(b, n))
        {
            break;
        }
        from += CHUNK;
    }
    while from < to && !breaks(bytes[from], bytes.get(from + 1).copied().unwrap_or(0)) {
        from += 1;
    }
    from
}

/// NFKC + case fold + apostrophes of a non-space ASCII character.
fn fold_ascii(b: u8) -> char {
    if b == b'`' {
        '\''
    } else {
        char::from(b.to_ascii_lowercase())
    }
}

/// Normalise `original`, building the map when `MAP`, and when `GENERAL` sending every
/// grapheme through segmentation, NFKC and ICU (the reference the shortcuts must match).
fn build<const MAP: bool, const GENERAL: bool>(original: &str) -> Builder<MAP> {
    build_on::<MAP, GENERAL>(original, Builder::new(original.len()))
}

/// [`build`] onto a builder whose buffers may be reused.
fn build_on<const MAP: bool, const GENERAL: bool>(
    original: &str,
    mut builder: Builder<MAP>,
) -> Builder<MAP> {
    let bytes = original.as_bytes();
    if GENERAL {
        for (at, grapheme) in original.grapheme_indices(true) {
            builder.grapheme::<true>(grapheme, at);
        }
        return builder;
    }
    if original.is_ascii() {
        builder.ascii_run(original, 0, bytes.len());
        return builder;
    }
    // Invariant: `at` is a grapheme boundary.
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            // Every ASCII character is a grapheme on its own (CR LF is one, but both are
            // white space and fold the same either way), except the last before a
            // character that may extend it (a combining mark, ZWJ, ...).
            let ascii_end = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(bytes.len(), |len| at + len);
            let run_end = if ascii_end == bytes.len() || quick_starts(original, ascii_end) {
                ascii_end
            } else {
                ascii_end - 1
            };
            if run_end > at {
                builder.ascii_run(original, at, run_end);
                at = run_end;
                continue;
            }
        } else {
            let quick_end = builder.quick_run(original, at);
            if quick_end > at {
                at = quick_end;
                continue;
            }
        }
        // Never `None`: `at` is inside the text.
        let Some(grapheme) = original[at..].graphemes(true).next() else {
            break;
        };
        if grapheme.len() == 1 {
            // ASCII with a non-ASCII neighbour that turned out not to extend it.
            builder.ascii_run(original, at, at + 1);
        } else {
            builder.grapheme::<false>(grapheme, at);
        }
        at += grapheme.len();
    }
    builder
}

struct Builder<const MAP: bool> {
    text: String,
    pieces: Vec<Piece>,
    /// The output so far ends in a space, so more white space folds into it.
    ends_in_space: bool,
    /// Reused for each grapheme's NFKC, so only ICU's rare owned results allocate.
    scratch: String,
}

impl<const MAP: bool> Builder<MAP> {
    fn new(capacity: usize) -> Self {
        Builder {
            text: String::with_capacity(capacity),
            pieces: Vec::new(),
            ends_in_space: false,
            scratch: String::new(),
        }
    }

    /// `original[from..to]`, all ASCII and each byte a grapheme of its own. Copied a
    /// stretch at a time: a stretch ends only where the output stops being the
    /// lower-cased input, at a backtick or at white space other than a lone space.
    fn ascii_run(&mut self, original: &str, mut from: usize, to: usize) {
        let bytes = original.as_bytes();
        while from < to {
            let b = bytes[from];
            if is_ascii_space(b) {
                let run_end = bytes[from + 1..to]
                    .iter()
                    .position(|&b| !is_ascii_space(b))
                    .map_or(to, |len| from + 1 + len);
                if !self.ends_in_space {
                    self.text.push(' ');
                    self.ends_in_space = true;
                    self.linear(self.text.len() - 1, from);
                    if run_end - from == 1 {
                        from = run_end;
                        continue;
                    }
                }
                self.absorb();
                from = run_end;
            } else if b == b'`' {
                self.one_char('\'', from, 1);
                from += 1;
            } else {
                let end = plain_end(bytes, from + 1, to);
                let start = self.text.len();
                self.text.push_str(&original[from..end]);
                self.text[start..].make_ascii_lowercase();
                self.ends_in_space = bytes[end - 1] == b' ';
                self.linear(start, from);
                from = end;
            }
        }
    }

    /// The [`quick_fold`] characters from byte `at` on that are graphemes of their
    /// own: each is followed by ASCII, by another quick character (none of which extend
    /// a grapheme) or by nothing. Hangul syllables qualify too: only conjoining jamo,
    /// which are not quick, join them. Stretches of unchanged characters are copied
    /// whole. Returns where it stopped: at ASCII, at the end, or at a character that
    /// needs the segmenter.
    fn quick_run(&mut self, original: &str, at: usize) -> usize {
        let mut chars = original[at..].chars();
        let mut pos = at;
        let mut verbatim_from = at;
        let mut current = chars
            .next()
            .and_then(|c| quick_fold(c).map(|folded| (c, folded)));
        while let Some((c, folded)) = current {
            let next = chars.next();
            current = match next {
                None => None,
                Some(n) if n.is_ascii() => None,
                Some(n) => match quick_fold(n) {
                    Some(n_folded) => Some((n, n_folded)),
                    // `n` may extend `c` (a combining mark, say): the segmenter decides.
                    None => break,
                },
            };
            if folded != c {
                self.verbatim(original, verbatim_from, pos);
                self.one_char(folded, pos, c.len_utf8());
                verbatim_from = pos + c.len_utf8();
            }
            pos += c.len_utf8();
        }
        self.verbatim(original, verbatim_from, pos);
        pos
    }

    /// `original[from..to]`: one-char graphemes that normalisation leaves unchanged.
    fn verbatim(&mut self, original: &str, from: usize, to: usize) {
        if from < to {
            let start = self.text.len();
            self.text.push_str(&original[from..to]);
            self.ends_in_space = false;
            self.linear(start, from);
        }
    }

    /// A one-char grapheme of `orig_len` bytes at `at` that normalises to `folded`.
    fn one_char(&mut self, folded: char, at: usize, orig_len: usize) {
        let start = self.text.len();
        self.text.push(folded);
        self.ends_in_space = false;
        if folded.len_utf8() == orig_len {
            self.linear(start, at);
        } else {
            self.block(start, at);
        }
    }

    /// A grapheme at original byte `at`; `GENERAL` skips the quick-character shortcut.
    fn grapheme<const GENERAL: bool>(&mut self, grapheme: &str, at: usize) {
        let start = self.text.len();
        let mut chars = grapheme.chars();
        let Some(first) = chars.next() else { return };
        let single = chars.next().is_none();
        if !GENERAL
            && single
            && let Some(folded) = quick_fold(first)
        {
            self.one_char(folded, at, grapheme.len());
            return;
        }
        // The quick check answers most graphemes (emoji, accented letters already
        // composed) from a table, without the cost of running the normaliser.
        let nfkc = if is_nfkc_quick(grapheme.chars()) == IsNormalized::Yes {
            grapheme
        } else {
            self.scratch.clear();
            self.scratch.extend(grapheme.nfkc());
            &self.scratch
        };
        // Folding can undo NFKC (ǰ folds to j + combining caron, which NFKC recomposes),
        // hence the second NFKC, needed only when folding changed something.
        match CASE.fold_string(nfkc) {
            Cow::Borrowed(folded) => {
                for c in folded.chars() {
                    push_folded(&mut self.text, &mut self.ends_in_space, c);
                }
            }
            Cow::Owned(folded) => {
                for c in folded.nfkc() {
                    push_folded(&mut self.text, &mut self.ends_in_space, c);
                }
            }
        }
        let len = self.text.len() - start;
        if len == 0 {
            // Only white space, folded into the space already written.
            self.absorb();
        } else if single && len == grapheme.len() && self.text[start..].chars().nth(1).is_none() {
            self.linear(start, at);
        } else {
            self.block(start, at);
        }
    }

    /// Output from `norm` on came from the one-char grapheme at `orig`: extend the
    /// last piece when it is linear and ends right there, so runs of plain text cost
    /// one piece.
    #[inline]
    fn linear(&mut self, norm: usize, orig: usize) {
        if !MAP {
            return;
        }
        if let Some(last) = self.pieces.last()
            && last.linear
            && last.orig + (norm - last.norm) == orig
        {
            return;
        }
        self.pieces.push(Piece {
            norm,
            orig,
            linear: true,
        });
    }

    fn block(&mut self, norm: usize, orig: usize) {
        if MAP {
            self.pieces.push(Piece {
                norm,
                orig,
                linear: false,
            });
        }
    }

    /// More white space folded into the space that ends the output: that space's piece
    /// must now reach to the end of the run, so it becomes (or splits off as) a block.
    fn absorb(&mut self) {
        if !MAP {
            return;
        }
        let space = self.text.len() - 1;
        if let Some(last) = self.pieces.last_mut()
            && last.linear
        {
            if last.norm == space {
                last.linear = false;
            } else {
                let orig = last.orig + (space - last.norm);
                self.pieces.push(Piece {
                    norm: space,
                    orig,
                    linear: false,
                });
            }
        }
    }
}

/// Append one normalised, folded character: white space to one space per run, the
/// apostrophes to `'`.
fn push_folded(text: &mut String, ends_in_space: &mut bool, c: char) {
    if c.is_whitespace() {
        if !*ends_in_space {
            text.push(' ');
            *ends_in_space = true;
        }
    } else {
        text.push(fold_apostrophe(c));
        *ends_in_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_ascii_word_count_agrees_with_the_general_one(text in "[a-zA-Z0-9 '`.,!?-]{0,60}") {
            proptest::prop_assert_eq!(count_ascii_words(text.as_bytes()), count_words_general(&text));
        }
    }

    use proptest::prelude::*;

    /// The normalised text, and the original slice that `needle` (searched in the
    /// normalised text) maps back to.
    fn find<'a>(original: &'a str, needle: &str) -> (String, &'a str) {
        let normalized = Normalized::new(original);
        let start = normalized
            .text()
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", normalized.text()));
        let range = normalized.original_range(start, start + needle.len());
        (normalized.text().to_owned(), &original[range])
    }

    #[test]
    fn full_width_letters_fold_to_ascii_and_map_to_the_full_width_bytes() {
        let original = "ＨＥＬＬＯ there";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.text(), "hello there");
        assert_eq!(normalized.original_range(0, 5), 0..15);
        assert_eq!(&original[normalized.original_range(1, 2)], "Ｅ");
        assert_eq!(find(original, "hello there").1, original);
    }

    #[test]
    fn ligature_expands_and_a_match_inside_maps_to_the_whole_ligature() {
        let (text, slice) = find("ﬁne", "i");
        assert_eq!(text, "fine");
        assert_eq!(slice, "ﬁ");
        assert_eq!(find("ﬁne", "ne").1, "ne");
        assert_eq!(find("ﬁne", "fine").1, "ﬁne");
    }

    #[test]
    fn combining_accent_composes_and_maps_back_with_the_mark() {
        let original = "Cafe\u{301} au lait";
        let (text, slice) = find(original, "\u{e9}");
        assert_eq!(text, "caf\u{e9} au lait");
        assert_eq!(slice, "e\u{301}");
        assert_eq!(find(original, "caf\u{e9}").1, "Cafe\u{301}");
        assert_eq!(find(original, " au").1, " au");
    }

    #[test]
    fn german_sharp_s_folds_to_ss() {
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("STRAẞE"), "strasse");
        assert_eq!(find("Straße", "ss").1, "ß");
        // Half of the expansion still maps to the whole letter, never into its middle.
        let normalized = Normalized::new("Straße");
        assert_eq!(normalized.original_range(5, 6), 4..6);
    }

    #[test]
    fn german_sharp_s_matches_the_swiss_and_capital_spellings_and_umlauts_stay() {
        // Full case folding takes ß (and capital ẞ) to ss, so a phrase written
        // with ß matches a Swiss reply with ss and one in capitals, and back.
        assert_eq!(normalize("Grüße"), normalize("Grüsse"));
        assert_eq!(normalize("STRASSE"), normalize("Straße"));
        assert_eq!(normalize("Fußgänger"), "fussgänger");
        // Umlauts are letters of their own: NFKC composes a decomposed ü, and
        // nothing turns ü into ue (`docs/playbook.md`, "German spelling").
        assert_eq!(normalize("Gru\u{308}ße"), "grüsse");
        assert_ne!(normalize("Entschädigung"), normalize("Entschaedigung"));
        assert_eq!(normalize("ÄÖÜ"), "äöü");
        let (_, slice) = find("Schöne Grüße aus Köln", "grüsse");
        assert_eq!(slice, "Grüße");
    }

    #[test]
    fn german_compounds_and_hyphenated_compounds_are_one_word() {
        assert_eq!(count_words("Sitzplatzreservierung"), 1);
        assert_eq!(count_words("Fahrgastrechteformular"), 1);
        assert_eq!(count_words("E-Mail-Adresse"), 1);
        assert_eq!(count_words("ICE-Verbindung"), 1);
        assert_eq!(count_words("S-Bahn-Haltestelle"), 1);
        assert_eq!(count_words("Straße Grüße Fußgängerüberweg"), 3);
        assert_eq!(
            count_words("Ihre Fahrgastrechte gelten selbstverständlich."),
            4
        );
        // A suspended compound ("Zug- und Busverbindungen") keeps its halves.
        assert_eq!(count_words("Zug- und Busverbindungen"), 3);
        // Times, amounts and abbreviations are counted as written.
        assert_eq!(count_words("um 14:10 Uhr"), 4);
        assert_eq!(count_words("12,50 € zurück"), 3);
        assert_eq!(count_words("z. B. heute"), 3);
        // A decomposed umlaut continues its word.
        assert_eq!(count_words("Gru\u{308}ße"), 1);
    }

    #[test]
    fn curly_apostrophes_fold_to_ascii() {
        let (text, slice) = find("I can’t", "can't");
        assert_eq!(text, "i can't");
        assert_eq!(slice, "can’t");
        for apostrophe in ["’", "‘", "ʼ", "＇", "`", "'"] {
            assert_eq!(
                normalize(&format!("don{apostrophe}t")),
                "don't",
                "{apostrophe}"
            );
        }
    }

    #[test]
    fn white_space_runs_tabs_and_newlines_fold_to_one_space() {
        let original = "a \t\n  b\r\nc\u{3000}\u{a0}d";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.text(), "a b c d");
        assert_eq!(normalized.original_range(1, 2), 1..6);
        assert_eq!(&original[normalized.original_range(3, 4)], "\r\n");
        assert_eq!(&original[normalized.original_range(5, 6)], "\u{3000}\u{a0}");
        assert_eq!(normalize("  lead and trail \n"), " lead and trail ");
        assert_eq!(normalize("tab\tonly"), "tab only");
    }

    #[test]
    fn chinese_text_is_unchanged_and_mapped_one_to_one_by_character() {
        let original = "非常抱歉给您带来不便";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.text(), original);
        for (at, c) in original.char_indices() {
            assert_eq!(
                normalized.original_range(at, at + c.len_utf8()),
                at..at + c.len_utf8()
            );
        }
        assert_eq!(find(original, "抱歉").1, "抱歉");
        // One linear piece for the whole reply.
        assert_eq!(normalized.pieces.len(), 1);
    }

    #[test]
    fn chinese_full_width_punctuation_folds_and_maps_back() {
        let (text, slice) = find("您好，请稍等！", ",");
        assert_eq!(text, "您好,请稍等!");
        assert_eq!(slice, "，");
        assert_eq!(find("您好，请稍等！", "请稍等").1, "请稍等");
    }

    #[test]
    fn japanese_kana_are_unchanged_and_half_width_kana_fold() {
        let original = "コーヒーをください。ありがとう";
        assert_eq!(normalize(original), original);
        let (text, slice) = find("ｺｰﾋｰを", "コーヒー");
        assert_eq!(text, "コーヒーを");
        assert_eq!(slice, "ｺｰﾋｰ");
        // A voiced mark written separately composes with its kana.
        let (text, slice) = find("か\u{3099}", "が");
        assert_eq!(text, "が");
        assert_eq!(slice, "か\u{3099}");
        // The half-width voiced mark extends its grapheme, so ｶﾞ composes too.
        let (text, slice) = find("ｶﾞ", "ガ");
        assert_eq!(text, "ガ");
        assert_eq!(slice, "ｶﾞ");
    }

    #[test]
    fn emoji_with_zwj_sequences_and_skin_tones_are_unchanged() {
        let family = "👨\u{200d}👩\u{200d}👧";
        let original = format!("Thanks 👍🏽 {family} 🇯🇵!");
        let normalized = Normalized::new(&original);
        assert_eq!(normalized.text(), format!("thanks 👍🏽 {family} 🇯🇵!"));
        // A match on the first person of the family maps back to the whole cluster.
        let at = normalized.text().find('👨').expect("family");
        let range = normalized.original_range(at, at + '👨'.len_utf8());
        assert_eq!(&original[range], family);
        assert_eq!(find(&original, "👍").1, "👍🏽");
    }

    #[test]
    fn kelvin_sign_and_greek_final_sigma_fold() {
        assert_eq!(normalize("\u{212A}"), "k");
        assert_eq!(normalize("ΟΔΟΣ οδος"), "οδοσ οδοσ");
        assert_eq!(find("5\u{212A}m", "k").1, "\u{212A}");
    }

    #[test]
    fn compatibility_decomposition_to_a_leading_space_folds_into_the_run() {
        // ¨ is NFKC " \u{308}": after a space the two spaces are one run.
        let original = "a ¨ b";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.text(), "a \u{308} b");
        assert_eq!(&original[normalized.original_range(2, 4)], "¨");
    }

    #[test]
    fn empty_text_and_empty_ranges() {
        let normalized = Normalized::new("");
        assert_eq!(normalized.text(), "");
        assert_eq!(normalized.original_range(0, 0), 0..0);
        let normalized = Normalized::new("ﬁne");
        assert_eq!(normalized.original_range(1, 1), 0..0);
        assert_eq!(normalized.original_range(4, 4), 5..5);
    }

    #[test]
    fn whole_word_hi_is_not_inside_this() {
        let text = "this";
        assert!(!is_whole_word(text, 1, 3));
    }

    #[test]
    fn whole_word_hi_before_a_comma() {
        assert!(is_whole_word("hi, there", 0, 2));
        assert!(is_whole_word("say hi", 4, 6));
    }

    #[test]
    fn whole_word_han_neighbours_are_boundaries() {
        let text = "去12315投诉";
        let start = text.find("12315").expect("number");
        assert!(is_whole_word(text, start, start + 5));
        // But a Latin letter next to the digits is not.
        let text = "a12315投诉";
        assert!(!is_whole_word(text, 1, 6));
    }

    #[test]
    fn whole_word_phrase_with_han_ends_needs_no_boundary() {
        let text = "非常抱歉给您带来不便";
        let start = text.find("抱歉").expect("phrase");
        assert!(is_whole_word(text, start, start + "抱歉".len()));
        // A Han-ended phrase inside Latin letters still needs a boundary on its Latin side.
        let text = "xok抱歉";
        assert!(!is_whole_word(text, 1, text.len()));
    }

    #[test]
    fn whole_word_ok_is_not_inside_okay() {
        assert!(!is_whole_word("okay", 0, 2));
        assert!(is_whole_word("ok.", 0, 2));
        assert!(!is_whole_word("okay", 0, 0));
        assert!(!is_whole_word("okay", 3, 9));
    }

    #[test]
    fn whole_word_mark_on_a_han_neighbour_is_a_boundary() {
        let text = "漢\u{FE00}abc";
        let start = text.find("abc").expect("abc");
        assert!(is_whole_word(text, start, text.len()));
        assert!(is_whole_word(text, 0, "漢".len()));
    }

    #[test]
    fn count_words_contractions_hyphens_and_digits_are_one_word() {
        assert_eq!(count_words("I'm"), 1);
        assert_eq!(count_words("e-mail"), 1);
        assert_eq!(count_words("7am"), 1);
        assert_eq!(count_words("don’t"), 1);
        assert_eq!(count_words("rock 'n' roll"), 3);
        assert_eq!(count_words("a--b"), 2);
        assert_eq!(count_words("well - then"), 2);
        assert_eq!(count_words("café"), 1);
        assert_eq!(count_words("cafe\u{301} ok"), 2);
    }

    #[test]
    fn count_words_punctuation_separates() {
        assert_eq!(count_words("Hello, world!"), 2);
        assert_eq!(count_words("...!?, -- ' 👍"), 0);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn count_words_each_han_or_kana_character_is_a_word() {
        assert_eq!(count_words("你好世界"), 4);
        assert_eq!(count_words("我用e-mail联系"), 5);
        assert_eq!(count_words("コーヒーを"), 5);
        assert_eq!(count_words("您好，请稍等。"), 5);
        assert_eq!(count_words("か\u{3099}"), 1);
    }

    #[test]
    fn is_cjk_covers_han_kana_and_the_prolonged_sound_mark() {
        for c in ['漢', '々', 'ひ', 'ゝ', 'カ', 'ヾ', 'ｶ', 'ー', 'ｰ'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', '1', '한', '・', '、', '👍', ' '] {
            assert!(!is_cjk(c), "{c}");
        }
    }

    #[test]
    fn no_han_or_kana_below_the_cjk_radicals() {
        for c in (0..0x2E80).filter_map(char::from_u32) {
            assert!(
                !matches!(
                    c.script(),
                    Script::Han | Script::Hiragana | Script::Katakana
                ),
                "{c:?}"
            );
        }
    }

    #[test]
    fn quick_characters_fold_as_the_general_path_does() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if let Some(folded) = quick_fold(c) {
                let s = c.to_string();
                let general = Normalized::new_general(&s);
                assert_eq!(general.text(), folded.to_string(), "U+{:04X}", u32::from(c));
                assert!(!is_combining_mark(c));
            }
        }
    }

    #[test]
    fn full_width_forms_fold_as_the_general_path_does() {
        for c in '\u{FF01}'..='\u{FF5E}' {
            let s = format!("{c}x{c}{c}");
            assert_eq!(Normalized::new(&s), Normalized::new_general(&s), "{c}");
        }
    }

    #[test]
    fn ascii_characters_fold_as_the_general_path_does() {
        for b in 0..0x80_u8 {
            let s = char::from(b).to_string();
            assert_eq!(Normalized::new(&s), Normalized::new_general(&s), "{b:#x}");
        }
    }

    /// A char from the classes normalisation treats specially, or any char at all.
    fn interesting_char() -> impl Strategy<Value = char> {
        let picked: Vec<char> = "’‘ʼ＇`'-ßẞﬁﬂﬀﬃ¨´˘ΣσςİıǰK\u{212A}ｶﾞﾟ\u{3099}\u{200d}\u{fe0f}\
             \u{fe00}\u{fdfa}\u{1f3fd}\u{1f468}\u{1f469}\u{1f1ef}\u{1f1f5}\
             \r\n\t\u{b}\u{85}\u{a0}\u{3000}\u{2028}\u{1680}"
            .chars()
            .collect();
        prop_oneof![
            4 => prop::char::range(' ', '~'),
            2 => prop::char::range('\0', '\u{7f}'),
            2 => prop::char::range('\u{a0}', '\u{ff}'),
            2 => prop::char::range('\u{300}', '\u{36f}'),
            2 => prop::char::range('\u{4e00}', '\u{4e80}'),
            1 => prop::char::range('\u{3040}', '\u{30ff}'),
            1 => prop::char::range('\u{ff01}', '\u{ff9f}'),
            1 => prop::char::range('\u{1100}', '\u{11ff}'),
            1 => prop::char::range('\u{ac00}', '\u{ac40}'),
            1 => prop::char::range('\u{1f300}', '\u{1f64f}'),
            3 => prop::sample::select(picked),
            1 => any::<char>(),
        ]
    }

    fn interesting_string() -> impl Strategy<Value = String> {
        prop::collection::vec(interesting_char(), 0..32).prop_map(String::from_iter)
    }

    /// The spec's normalisation applied to the text as a whole, without segmentation.
    fn whole_text_reference(original: &str) -> String {
        let nfkc: String = original.nfkc().collect();
        let folded = CASE.fold_string(&nfkc).into_owned();
        let mut text = String::new();
        let mut ends_in_space = false;
        for c in folded.nfkc() {
            push_folded(&mut text, &mut ends_in_space, c);
        }
        text
    }

    fn boundaries(s: &str) -> Vec<usize> {
        s.char_indices()
            .map(|(at, _)| at)
            .chain([s.len()])
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn original_ranges_are_valid_monotone_and_compose(original in interesting_string()) {
            let normalized = Normalized::new(&original);
            let text = normalized.text();
            prop_assert_eq!(text, normalize(&original));
            prop_assert_eq!(&normalized, &Normalized::new_general(&original));
            prop_assert!(!text.contains("  "));
            prop_assert!(text.chars().all(|c| c == ' ' || !c.is_whitespace()));
            if !text.is_empty() {
                prop_assert_eq!(normalized.original_range(0, text.len()), 0..original.len());
            }
            let cuts = boundaries(text);
            let mut previous_start = 0;
            for (i, &start) in cuts.iter().enumerate() {
                let mut previous_end = 0;
                for &end in &cuts[i + 1..] {
                    let range = normalized.original_range(start, end);
                    let valid = original.get(range.clone()).is_some();
                    prop_assert!(valid, "{start}..{end} -> {range:?}");
                    prop_assert!(range.start < range.end, "{start}..{end} -> {range:?}");
                    prop_assert!(range.start >= previous_start);
                    prop_assert!(range.end >= previous_end);
                    previous_end = range.end;
                    // Spans compose: start from the first char, end from the last.
                    let first = cuts[i + 1];
                    prop_assert_eq!(range.start, normalized.original_range(start, first).start);
                    let last = cuts[cuts.iter().position(|&c| c == end).expect("cut") - 1];
                    prop_assert_eq!(range.end, normalized.original_range(last, end).end);
                }
                if start < text.len() {
                    previous_start = normalized.original_range(start, cuts[i + 1]).start;
                }
            }
        }

        #[test]
        fn ascii_fast_path_agrees_with_the_general_path(
            original in "[\\x00-\\x7f]{0,64}|[ -~\t\n\r\u{b}\u{c}]{0,64}",
        ) {
            prop_assert_eq!(Normalized::new(&original), Normalized::new_general(&original));
        }

        #[test]
        fn per_grapheme_equals_whole_text_normalisation(original in interesting_string()) {
            prop_assert_eq!(normalize(&original), whole_text_reference(&original));
        }

        #[test]
        fn refilling_the_last_text_s_buffers_normalises_as_new_does(
            first in interesting_string(),
            second in interesting_string(),
        ) {
            let mut reused = Normalized::new(&first);
            reused.refill(&second);
            prop_assert_eq!(&reused, &Normalized::new(&second));
            let mut into = normalize(&first);
            normalize_into(&second, &mut into);
            prop_assert_eq!(into, normalize(&second));
        }

        #[test]
        fn normalisation_is_idempotent(original in interesting_string()) {
            let once = normalize(&original);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn word_functions_never_panic(original in interesting_string()) {
            let text = normalize(&original);
            let cuts = boundaries(&text);
            for &start in &cuts {
                for &end in &cuts {
                    let _ = is_whole_word(&text, start, end);
                }
            }
            let _ = count_words(&original);
        }
    }

    /// Rough timing of `Normalized::new`, for the record, not a pass/fail check:
    /// `cargo test --release --lib engine::normalize::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run by hand"]
    #[allow(clippy::print_stderr)]
    fn timing() {
        use std::hint::black_box;
        use std::time::Instant;
        let english = "Hi Sam, thanks for getting in touch and I'm really sorry the parcel \
            arrived damaged. I've issued a full refund of $42.50 to your original payment \
            method today; it usually shows within 3-5 business days. If you'd like a \
            replacement instead, just reply to this e-mail and I'll send one out. Best, Ana";
        let chinese = "您好，非常抱歉给您带来不便。我们已经为您办理了全额退款，款项将在三到五个\
            工作日内退回您的原支付账户。如果您希望换货，请直接回复此邮件，我们会尽快为您安排。\
            祝您生活愉快！如有其他问题欢迎随时联系。客服小李";
        let mixed = "Ｈｉ Sam — sorry, the ﬁle you sent didn’t arrive 😕. Café closes at 7pm; \
            您好，请稍等。 Straße 12, 12315 ok?";
        for (name, reply) in [("english", english), ("chinese", chinese), ("mixed", mixed)] {
            let rounds = 200_000_u32;
            let started = Instant::now();
            for _ in 0..rounds {
                black_box(Normalized::new(black_box(reply)));
            }
            let per = started.elapsed() / rounds;
            eprintln!("{name}: {} bytes, {per:?} per Normalized::new", reply.len());
        }
    }
}
