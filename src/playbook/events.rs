//! The [`Node`] tree read straight from the YAML parser's events: the fast
//! path of `load.rs`, for files that use nothing unusual.
//!
//! serde-saphyr's `Spanned<T>` delivers every node as a synthetic map of the
//! value and two nested `Location` maps, and that machinery was most of the
//! time a large playbook takes to load. Here we read the events of
//! `granit-parser`, the parser serde-saphyr itself drives (its re-export, so
//! the same version and features; the same options), and resolve plain scalars exactly as serde-saphyr's typeless
//! path (`deserialize_any`) does with our options.
//!
//! Diagnostics stay serde-saphyr's: this reader gives up (`None`) on anything
//! it is not certain to read the same way — any error, anchors and aliases,
//! tags, directives, merge keys, keys that are not scalars, a second
//! document, a root that is not a mapping, a budget approached — and
//! `load.rs` then reads the file again the slow way, which gives the same
//! tree or the same error as it always did. A test compares both readers'
//! trees over every playbook and fixture we have.

use std::borrow::Cow;

// Through serde-saphyr's re-export: the very parser, version and features it
// reads with, so both readers parse alike.
use serde_saphyr::granit_parser::{self, Event, Parser, ScalarStyle, Span, StrInput};

use super::load::{MAX_DEPTH, MAX_NODES};
use super::node::{Node, Value};
use super::spanned::Pos;

/// How close to serde-saphyr's budgets this reader goes before leaving the
/// file to it: far enough that whatever it counts differently (stream and
/// document events, off-by-ones) cannot matter.
const MARGIN: usize = 64;

/// serde-saphyr's default budget for scalar text (64 MiB); we stop at half.
const MAX_SCALAR_BYTES: usize = 32 * 1024 * 1024;

/// The tree of a file, or `None` if the slow reader must read it.
pub(super) fn read(text: &str) -> Option<Node<'_>> {
    // The options serde-saphyr's `Budget::parser_options` gives the parser
    // for our budget: its defaults, and room for one level past our depth.
    let options = granit_parser::options! {
        simple_key_max_lookahead: 1024,
        flow_nesting_limit: 255,
        block_nesting_limit: granit_parser::Options::default()
            .block_nesting_limit
            .max(MAX_DEPTH + 1),
        emit_comments: false,
    };
    let mut reader = Reader {
        text,
        stack: Vec::new(),
        children: Vec::new(),
        root: None,
        next_id: 0,
        events: 0,
        nodes: 0,
        scalar_bytes: 0,
        documents: 0,
    };
    for item in Parser::with_options(StrInput::new(text), options) {
        let (event, span) = item.ok()?;
        reader.event(event, &span)?;
    }
    if !reader.stack.is_empty() {
        return None;
    }
    reader
        .root
        .filter(|root| matches!(root.value, Value::Map(_)))
}

struct Reader<'t> {
    text: &'t str,
    stack: Vec<Open>,
    /// The finished children of every open node, the innermost's last (a
    /// mapping's as key, value, key, …): moved into a list of just their
    /// number when their parent ends, rather than pushed onto lists that
    /// grow by doubling (copying and leaving room unused in a large tree).
    children: Vec<Node<'t>>,
    root: Option<Node<'t>>,
    next_id: u32,
    events: usize,
    nodes: usize,
    scalar_bytes: usize,
    documents: usize,
}

/// A sequence or mapping whose end has not come yet.
struct Open {
    id: u32,
    pos: Pos,
    map: bool,
    /// Where its children start in [`Reader::children`].
    first_child: usize,
}

impl<'t> Reader<'t> {
    fn event(&mut self, event: Event<'t>, span: &Span) -> Option<()> {
        self.events += 1;
        if self.events > MAX_NODES * 2 - MARGIN {
            return None;
        }
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart(_, version) => {
                self.documents += 1;
                if self.documents > 1 || version.is_some() {
                    return None;
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                self.scalar_bytes += value.len();
                if self.scalar_bytes > MAX_SCALAR_BYTES {
                    return None;
                }
                if self.wants_key() && value == "<<" {
                    return None;
                }
                let (id, pos) = self.start(span)?;
                let value = if style == ScalarStyle::Plain {
                    self.plain(value, pos)
                } else {
                    Value::Str(value)
                };
                self.finish(Node { id, pos, value });
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || self.wants_key() {
                    return None;
                }
                let (id, pos) = self.start(span)?;
                if self.stack.len() >= MAX_DEPTH - 2 {
                    return None;
                }
                self.stack.push(Open {
                    id,
                    pos,
                    map: matches!(event, Event::MappingStart(..)),
                    first_child: self.children.len(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = self.stack.pop()?;
                let value = self.collect_children(&open)?;
                self.finish(Node {
                    id: open.id,
                    pos: open.pos,
                    value,
                });
            }
            // Aliases, and anything a later parser version may add.
            _ => return None,
        }
        Some(())
    }

    /// The value of a node that ends, from its children; `None` for a
    /// mapping whose last key has no value.
    fn collect_children(&mut self, open: &Open) -> Option<Value<'t>> {
        let mut children = self.children.drain(open.first_child..);
        if !open.map {
            return Some(Value::Seq(children.collect()));
        }
        if !children.len().is_multiple_of(2) {
            return None;
        }
        let mut entries = Vec::with_capacity(children.len() / 2);
        while let (Some(key), Some(value)) = (children.next(), children.next()) {
            entries.push((key, value));
        }
        Some(Value::Map(entries))
    }

    /// Whether the next node is a mapping key.
    fn wants_key(&self) -> bool {
        self.stack.last().is_some_and(|open| {
            open.map && (self.children.len() - open.first_child).is_multiple_of(2)
        })
    }

    /// A new node: its id (in document order, as `load.rs` numbers them) and
    /// position (as serde-saphyr's `location_from_span` makes it).
    fn start(&mut self, span: &Span) -> Option<(u32, Pos)> {
        if self.root.is_some() {
            return None;
        }
        self.nodes += 1;
        if self.nodes > MAX_NODES - MARGIN {
            return None;
        }
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let start = span.start.byte_offset()?;
        let end = span.end.byte_offset()?;
        let pos = Pos {
            line: clamp(span.start.line()),
            column: clamp(span.start.col() + 1),
            offset: clamp(start),
            len: clamp(end.saturating_sub(start)),
            file: 0,
        };
        Some((id, pos))
    }

    /// Put a finished node into its parent.
    fn finish(&mut self, node: Node<'t>) {
        if self.stack.is_empty() {
            self.root = Some(node);
        } else {
            self.children.push(node);
        }
    }

    /// A plain scalar, resolved as serde-saphyr's `deserialize_any` resolves
    /// an untagged one (null, then YAML 1.1 booleans, then integers, then
    /// floats, else text), with a number or boolean keeping its text as
    /// written.
    fn plain(&self, value: Cow<'t, str>, pos: Pos) -> Value<'t> {
        let written = |fallback: String| -> Cow<'t, str> {
            let start = pos.offset as usize;
            self.text
                .get(start..start + pos.len as usize)
                .filter(|t| !t.is_empty())
                .map_or(Cow::Owned(fallback), Cow::Borrowed)
        };
        match resolve_plain(&value) {
            Plain::Null => Value::Null,
            Plain::Bool(b) => Value::Bool(b, written(b.to_string())),
            Plain::Int(n) => Value::Int(n, written(n.to_string())),
            Plain::UInt(n) => Value::UInt(n, written(n.to_string())),
            Plain::Float(x) => Value::Float(x, written(x.to_string())),
            Plain::Str => Value::Str(value),
        }
    }
}

#[derive(Debug, PartialEq)]
enum Plain {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str,
}

/// serde-saphyr 2.2's resolution of a plain, untagged scalar in a typeless
/// position, with the options we give it (YAML 1.1 booleans, no legacy
/// octal, leading zeros and underscores read as numbers where they parse,
/// non-finite floats passed through). Copied from its `deserialize_any` and
/// `parse_scalars.rs`, in the same order.
fn resolve_plain(value: &str) -> Plain {
    if surely_text(value) {
        return Plain::Str;
    }
    resolve_plain_in_full(value)
}

/// Whether a plain scalar is text by its first byte: most are words, and
/// no null, boolean or number starts with anything else than these bytes
/// (`inf`, which Rust reads as a float, is text here: it is not finite and
/// has no digit).
fn surely_text(value: &str) -> bool {
    // The first byte `yaml_trim` keeps: it trims ASCII bytes only.
    value
        .bytes()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .is_some_and(|b| !b"~nNyYtTfFoO+-.0123456789".contains(&b))
}

fn resolve_plain_in_full(value: &str) -> Plain {
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Plain::Null;
    }
    if let Some(b) = yaml11_bool(value) {
        return Plain::Bool(b);
    }
    let t = yaml_trim(value);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let uppercase_radix = matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..]);
    if uppercase_radix || is_signed_nan(t) {
        return Plain::Str;
    }
    if t.starts_with('-') {
        if !leading_zero_decimal(t)
            && let Some(n) = int_signed(t).and_then(|n| i64::try_from(n).ok())
        {
            return Plain::Int(n);
        }
    } else if let Some(n) = int_unsigned(t).and_then(|n| u64::try_from(n).ok()) {
        return Plain::UInt(n);
    }
    float_incl_overflow(value).map_or(Plain::Str, Plain::Float)
}

fn yaml_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

fn yaml11_bool(s: &str) -> Option<bool> {
    let t = yaml_trim(s);
    let is = |words: [&str; 4]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(["true", "yes", "y", "on"]) {
        Some(true)
    } else if is(["false", "no", "n", "off"]) {
        Some(false)
    } else {
        None
    }
}

fn is_signed_nan(t: &str) -> bool {
    t.strip_prefix(['+', '-'])
        .is_some_and(|unsigned| matches!(unsigned, ".nan" | ".NaN" | ".NAN"))
}

fn leading_zero_decimal(t: &str) -> bool {
    let s = yaml_trim(t);
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Digits in `radix`, with single underscores between them.
fn digits_u128(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut val: u128 = 0;
    let mut saw = false;
    for (i, &b) in bytes.iter().enumerate() {
        let d = match b {
            b'_' => {
                let prev_ok = i > 0 && bytes[i - 1] != b'_';
                let next_ok = i + 1 < bytes.len() && bytes[i + 1] != b'_';
                if !prev_ok || !next_ok {
                    return None;
                }
                continue;
            }
            b'0'..=b'9' => u32::from(b - b'0'),
            b'a'..=b'f' if radix > 10 => 10 + u32::from(b - b'a'),
            b'A'..=b'F' if radix > 10 => 10 + u32::from(b - b'A'),
            _ => return None,
        };
        if d >= radix {
            return None;
        }
        val = val.checked_mul(u128::from(radix))?;
        val = val.checked_add(u128::from(d))?;
        saw = true;
    }
    saw.then_some(val)
}

fn radix_and_digits(rest: &str) -> (u32, &str) {
    if let Some(r) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = rest.strip_prefix("0o").or_else(|| rest.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = rest.strip_prefix("0b").or_else(|| rest.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, rest)
    }
}

/// serde-saphyr's `parse_int_signed` (as `i128`, without legacy octal).
fn int_signed(s: &str) -> Option<i128> {
    let t = yaml_trim(s);
    let (neg, rest) = match t.strip_prefix('+') {
        Some(r) => (false, r),
        None => match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        },
    };
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    // Its decimal path accumulates towards the sign, so `i128::MIN` reads;
    // through the magnitude that is the same set of values.
    let mag = digits_u128(digits, radix)?;
    if neg {
        if mag == i128::MAX.unsigned_abs() + 1 {
            Some(i128::MIN)
        } else {
            i128::try_from(mag).ok()?.checked_neg()
        }
    } else {
        i128::try_from(mag).ok()
    }
}

/// serde-saphyr's `parse_int_unsigned` (as `u128`, without legacy octal).
fn int_unsigned(s: &str) -> Option<u128> {
    let t = yaml_trim(s);
    if t.starts_with('-') {
        return None;
    }
    let rest = t.strip_prefix('+').unwrap_or(t);
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    digits_u128(digits, radix)
}

/// serde-saphyr's `try_parse_float_incl_overflow` for an untagged scalar:
/// YAML 1.2 floats, `.nan`/`.inf` spellings, and numerals that overflow to
/// infinity.
fn float_incl_overflow(s: &str) -> Option<f64> {
    let t = yaml_trim(s);
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" if negative => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    if let Ok(v) = t.parse::<f64>()
        && v.is_finite()
    {
        return Some(v);
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if !unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_infinite() => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Plain, resolve_plain, resolve_plain_in_full, surely_text};

    /// The shortcut by the first byte agrees with the full resolution, for
    /// every ASCII first byte and a few others.
    #[test]
    fn what_is_surely_text_resolves_as_text() {
        let tails = [
            "", "1", "0x1f", "rue", "es", "ull", "n", "f", ".5", "e3", "nf", "an", "_000", " 1",
        ];
        for first in (0u8..128)
            .map(char::from)
            .chain(['é', '是', '５', '\u{a0}'])
        {
            for tail in tails {
                let text = format!("{first}{tail}");
                if surely_text(&text) {
                    assert_eq!(resolve_plain_in_full(&text), Plain::Str, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn plain_scalars_resolve_as_serde_saphyr_resolves_them() {
        let cases: &[(&str, Plain)] = &[
            ("", Plain::Null),
            ("~", Plain::Null),
            ("NULL", Plain::Null),
            ("nULL", Plain::Str),
            ("yes", Plain::Bool(true)),
            ("Off", Plain::Bool(false)),
            ("n", Plain::Bool(false)),
            ("12", Plain::UInt(12)),
            ("+12", Plain::UInt(12)),
            ("1_000", Plain::UInt(1000)),
            ("1__0", Plain::Str),
            ("-3", Plain::Int(-3)),
            ("-0", Plain::Int(0)),
            ("0x1f", Plain::UInt(31)),
            ("0X1f", Plain::Str),
            ("0o17", Plain::UInt(15)),
            ("0b101", Plain::UInt(5)),
            ("-0x10", Plain::Int(-16)),
            ("012", Plain::Float(12.0)),
            ("-012", Plain::Float(-12.0)),
            ("1.50", Plain::Float(1.5)),
            ("1e3", Plain::Float(1000.0)),
            ("1e999", Plain::Float(f64::INFINITY)),
            (".inf", Plain::Float(f64::INFINITY)),
            ("-.Inf", Plain::Float(f64::NEG_INFINITY)),
            ("-.nan", Plain::Str),
            ("inf", Plain::Str),
            ("nan", Plain::Str),
            (
                "18446744073709551616",
                Plain::Float(18_446_744_073_709_551_616.0),
            ),
            ("-9223372036854775808", Plain::Int(i64::MIN)),
            ("15m", Plain::Str),
            ("refund", Plain::Str),
            ("Hello, I am sorry", Plain::Str),
            ("Infinity", Plain::Str),
            ("infinity", Plain::Str),
            ("INF", Plain::Str),
            ("NaN", Plain::Str),
            ("No", Plain::Bool(false)),
            ("TRUE", Plain::Bool(true)),
            ("oN", Plain::Bool(true)),
            ("+.5", Plain::Float(0.5)),
            (".5", Plain::Float(0.5)),
            ("５", Plain::Str),
            ("是", Plain::Str),
        ];
        for (text, want) in cases {
            assert_eq!(&resolve_plain(text), want, "{text:?}");
        }
        assert!(matches!(resolve_plain(".NaN"), Plain::Float(x) if x.is_nan()));
    }
}
