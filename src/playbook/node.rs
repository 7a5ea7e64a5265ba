//! A parsed YAML document as a tree of positioned nodes, and a serde
//! deserialiser over it that collects every schema error instead of stopping
//! at the first.
//!
//! Serde stops at the first error, and a deserialiser reading straight from
//! the parser cannot skip the rest of a bad entry and go on. Over a tree it
//! can: `load.rs` parses the file into [`Node`]s (the only part that knows the
//! YAML crate), and the playbook's `Deserialize` impls then read the tree.
//! Where they fail, this module records the error and recovers:
//!
//! - a list entry that fails is left out and the next one is read;
//! - a key a struct does not have, or a key written twice, is recorded and
//!   hidden from the struct, which then reads on;
//! - a value that fails is recorded and its key hidden, and the whole document
//!   is read again, so the other fields of the same entry are checked too (a
//!   "missing field" for a hidden key is a knock-on and not reported).
//!
//! A clean file is read once; each new round of errors costs one more read.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::reason::{self, Counts, Found, Reason, Shape};
use super::spanned::Pos;

/// One YAML node with where it is written. Its text borrows the file's
/// where the parser could (most scalars are written as they read), so a
/// large playbook is not copied once more into its tree on the way to the
/// model.
#[derive(Debug)]
pub struct Node<'s> {
    /// Unique in the tree (an alias's copy gets its own), to hide a key by.
    pub id: u32,
    pub pos: Pos,
    pub value: Value<'s>,
}

#[derive(Debug)]
pub enum Value<'s> {
    Null,
    /// A plain scalar the YAML schema read as something else than text, with
    /// its text as written (`title: 1.50` is the text `1.50`).
    Bool(bool, Cow<'s, str>),
    Int(i64, Cow<'s, str>),
    UInt(u64, Cow<'s, str>),
    Float(f64, Cow<'s, str>),
    Str(Cow<'s, str>),
    Seq(Vec<Node<'s>>),
    Map(Vec<(Node<'s>, Node<'s>)>),
}

impl Node<'_> {
    /// Mark every position in the tree as one of file `file` (a bundled rule
    /// pack: see `Pos::file`).
    pub fn set_file(&mut self, file: u16) {
        self.pos.file = file;
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.set_file(file)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                k.set_file(file);
                v.set_file(file);
            }),
            _ => {}
        }
    }

    /// The text of a scalar as a text field would read it.
    fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s)
            | Value::Bool(_, s)
            | Value::Int(_, s)
            | Value::UInt(_, s)
            | Value::Float(_, s) => Some(s.as_ref()),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// What the node is, for "found …" in a message.
    fn found(&self) -> Found {
        match &self.value {
            Value::Null => Found::Nothing,
            Value::Seq(_) => Found::List,
            Value::Map(_) => Found::Mapping,
            _ => Found::Value(clip(self.text().unwrap_or_default())),
        }
    }

    /// The entry `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Self> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.text() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Found text in a message: one line, not a page.
fn clip(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    if text.chars().count() > 60 {
        format!("{line}…")
    } else {
        line
    }
}

/// One schema error: why, and the node it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub reason: Reason,
    pub pos: Pos,
}

/// The error type of the tree deserialiser.
#[derive(Debug)]
pub struct Error {
    reason: Reason,
    pos: Option<Pos>,
    /// Already recorded (or deliberately not): the callers only unwind.
    recorded: bool,
    /// A node further in was hidden, so the next read gets further here.
    hidden_below: bool,
}

/// What a recorded error says, so that [`lenient_list`] can tell it from the
/// errors of another deserialiser (which it must not swallow).
const RECORDED: &str = "\u{1f}ethos: recorded";

impl Error {
    fn new(reason: Reason) -> Error {
        Error {
            reason,
            pos: None,
            recorded: false,
            hidden_below: false,
        }
    }

    fn recorded(hidden_below: bool) -> Error {
        Error {
            reason: Reason::Other(RECORDED.to_owned()),
            pos: None,
            recorded: true,
            hidden_below,
        }
    }

    fn missing_field_name(&self) -> Option<&str> {
        match &self.reason {
            Reason::MissingField { field, .. } => Some(field),
            _ => None,
        }
    }

    fn at(mut self, pos: Pos) -> Error {
        if self.pos.is_none() {
            self.pos = Some(pos);
        }
        self
    }
}

impl fmt::Display for Error {
    /// Only this module reads these errors; a recorded one says so, so that
    /// [`lenient_list`] can tell it apart.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Reason::Other(text) => f.write_str(text),
            reason => f.write_str(&reason.code()),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    /// A reason the playbook's own `Deserialize` impls carry through serde
    /// (see `reason.rs`), or serde's own words.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let text = format!("{msg:#}");
        match reason::decode(&text) {
            Some((reason, pos)) => Error {
                pos,
                ..Error::new(reason)
            },
            None => Error::new(Reason::Other(text)),
        }
    }

    // "expected X, found Y": what the author should write first.
    fn invalid_type(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(Reason::Expected {
            shape: reason::decode_shape(&format!("{expected:#}")),
            found: found_of(&unexpected),
        })
    }

    fn invalid_value(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(unexpected, expected)
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(Reason::MissingField {
            field: field.to_owned(),
            entry: None,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Reason::UnknownField {
            field: field.to_owned(),
            expected: expected.iter().map(|&e| e.to_owned()).collect(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Reason::UnknownVariant {
            variant: variant.to_owned(),
            expected: expected.iter().map(|&e| e.to_owned()).collect(),
        })
    }
}

fn found_of(unexpected: &de::Unexpected) -> Found {
    match unexpected {
        de::Unexpected::Bool(b) => Found::Value(b.to_string()),
        de::Unexpected::Unsigned(n) => Found::Value(n.to_string()),
        de::Unexpected::Signed(n) => Found::Value(n.to_string()),
        de::Unexpected::Float(x) => Found::Value(x.to_string()),
        de::Unexpected::Char(c) => Found::Value(c.to_string()),
        de::Unexpected::Str(s) => Found::Value(clip(s)),
        de::Unexpected::Unit | de::Unexpected::Option => Found::Nothing,
        de::Unexpected::Seq => Found::List,
        de::Unexpected::Map => Found::Mapping,
        other => Found::Serde(other.to_string()),
    }
}

/// The struct name by which [`super::Spanned`] asks for its node's position.
pub const SPANNED: &str = "$ethos::Spanned";
/// The fields of that request: the position as five numbers, then the value.
pub const SPANNED_FIELDS: &[&str] = &["$pos", "$value"];

/// How many times a document is read again to find more errors. Each read
/// finds at least one more error per entry; an entry with more bad fields
/// than this is reported in part.
const MAX_ROUNDS: usize = 16;

/// What every deserialiser over one tree shares.
struct Context<'t> {
    problems: RefCell<Vec<Problem>>,
    seen: RefCell<HashSet<(Pos, Reason)>>,
    /// Keys whose value failed and list entries that failed, left out of the
    /// next read.
    hidden: RefCell<HashSet<u32>>,
    hid_more: Cell<bool>,
    /// The keys and mappings above the node being read, for messages that
    /// depend on where a value is (`replace: 40 EUR` is an amount of `replace`).
    path: RefCell<Vec<(&'t Node<'t>, &'t Node<'t>)>>,
    /// Action id -> its `unit`, for amounts.
    units: HashMap<String, String>,
}

impl Context<'_> {
    /// What a list entry or a mapping value does when reading it failed:
    /// record the error where it arose, hide the node if nothing further in
    /// was hidden (so the next read skips it and gets further), and unwind.
    fn failed(&self, err: Error, node: &Node<'_>, at: Pos) -> Error {
        let hidden_below = err.hidden_below;
        if !err.recorded {
            self.record(err, at);
        }
        if !hidden_below {
            self.hide(node.id);
        }
        Error::recorded(true)
    }

    fn record(&self, err: Error, fallback: Pos) {
        if err.recorded {
            return;
        }
        let pos = err.pos.unwrap_or(fallback);
        if self.seen.borrow_mut().insert((pos, err.reason.clone())) {
            self.problems.borrow_mut().push(Problem {
                reason: err.reason,
                pos,
            });
        }
    }

    fn hide(&self, id: u32) {
        if self.hidden.borrow_mut().insert(id) {
            self.hid_more.set(true);
        }
    }

    fn is_hidden(&self, id: u32) -> bool {
        let hidden = self.hidden.borrow();
        !hidden.is_empty() && hidden.contains(&id)
    }

    /// The key `back` levels up from the value being read (0: its own key).
    fn key(&self, back: usize) -> Option<&str> {
        let path = self.path.borrow();
        let index = path.len().checked_sub(back + 1)?;
        path[index].0.text()
    }

    /// The mapping `back` levels up holds this value (0: its own mapping).
    fn map_text(&self, back: usize, key: &str) -> Option<String> {
        let path = self.path.borrow();
        let index = path.len().checked_sub(back + 1)?;
        path[index].1.get(key)?.text().map(str::to_owned)
    }
}

/// Deserialise `T` from a tree, with every error found.
pub fn from_tree<'de, T: serde::Deserialize<'de>>(root: &Node<'_>) -> Result<T, Vec<Problem>> {
    let cx = Context {
        problems: RefCell::default(),
        seen: RefCell::default(),
        hidden: RefCell::default(),
        hid_more: Cell::new(false),
        path: RefCell::default(),
        units: units(root),
    };
    for _ in 0..MAX_ROUNDS {
        cx.hid_more.set(false);
        cx.path.borrow_mut().clear();
        let result = T::deserialize(NodeDe {
            node: root,
            cx: &cx,
        });
        match result {
            Ok(value) if cx.problems.borrow().is_empty() => return Ok(value),
            Ok(_) => {}
            Err(err) => cx.record(err, root.pos),
        }
        if !cx.hid_more.get() {
            break;
        }
    }
    let mut problems = cx.problems.into_inner();
    problems.sort_by_key(|p| p.pos);
    Err(problems)
}

/// `actions: [{id, unit}]` of the document, read loosely (it may be wrong).
fn units(root: &Node<'_>) -> HashMap<String, String> {
    let mut units = HashMap::new();
    if let Some(Node {
        value: Value::Seq(actions),
        ..
    }) = root.get("actions")
    {
        for action in actions {
            if let (Some(id), Some(unit)) = (
                action.get("id").and_then(Node::text),
                action.get("unit").and_then(Node::text),
            ) {
                units.insert(id.to_owned(), unit.to_owned());
            }
        }
    }
    units
}

#[derive(Clone, Copy)]
struct NodeDe<'a, 't> {
    node: &'t Node<'t>,
    cx: &'a Context<'t>,
}

impl<'t> NodeDe<'_, 't> {
    fn expected(&self, shape: Shape) -> Error {
        Error::new(Reason::Expected {
            shape,
            found: self.node.found(),
        })
        .at(self.node.pos)
    }

    /// A whole number, with what it counts where the field says.
    fn whole_number<T: TryFrom<i64> + TryFrom<u64>>(&self, signed: bool) -> Result<T, Error> {
        let number = match &self.node.value {
            Value::Int(n, _) => T::try_from(*n).ok(),
            Value::UInt(n, _) => T::try_from(*n).ok(),
            _ => None,
        };
        number.ok_or_else(|| {
            let counts = match (self.cx.key(1), self.cx.key(0)) {
                (Some("contacts"), _) | (_, Some("contacts")) => Counts::Contacts,
                (_, Some("max_words" | "min_words")) => Counts::Words,
                (_, Some("min")) => Counts::KeyFacts,
                _ if signed => Counts::Any,
                _ => Counts::NotNegative,
            };
            self.expected(Shape::WholeNumber(counts))
        })
    }

    fn number(&self) -> Result<f64, Error> {
        #[allow(clippy::cast_precision_loss)]
        match &self.node.value {
            Value::Int(n, _) => Ok(*n as f64),
            Value::UInt(n, _) => Ok(*n as f64),
            Value::Float(x, _) => Ok(*x),
            _ => Err(self.expected(self.what_number())),
        }
    }

    /// "an amount in USD" where the value is an amount of an action with a
    /// unit: `action: {replace: 40}` or an escalation's `amount: {over: 40}`.
    fn what_number(&self) -> Shape {
        let action = match (self.cx.key(1), self.cx.key(0)) {
            (Some("action"), Some(id)) => Some(id.to_owned()),
            (Some("amount"), Some(_)) => self.cx.map_text(1, "action"),
            _ => None,
        };
        let is_amount = action.is_some()
            || self.cx.key(1) == Some("amount")
            || self.cx.key(1) == Some("action");
        match action.as_deref().and_then(|a| self.cx.units.get(a)) {
            Some(unit) => Shape::Amount {
                unit: Some(unit.clone()),
            },
            None if is_amount => Shape::Amount {
                unit: self.only_unit().map(str::to_owned),
            },
            None => Shape::Number,
        }
    }

    /// The unit every action shares, if they share one.
    fn only_unit(&self) -> Option<&str> {
        let mut units = self.cx.units.values();
        let first = units.next()?;
        units.all(|u| u == first).then_some(first.as_str())
    }

    fn seq(&self) -> Result<&'t [Node<'t>], Error> {
        match &self.node.value {
            Value::Seq(items) => Ok(items),
            _ => Err(self.expected(Shape::List)),
        }
    }

    fn entries(&self) -> Result<&'t [(Node<'t>, Node<'t>)], Error> {
        match &self.node.value {
            Value::Map(entries) => Ok(entries),
            _ => Err(self.expected(Shape::Mapping)),
        }
    }

    fn visit_entries<'de, V: Visitor<'de>>(
        self,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let entries = self.entries()?;
        let mut visible = Vec::with_capacity(entries.len());
        // Duplicates: a scan of the few keys a playbook mapping has, and a
        // set once a mapping is large (a hostile one must not be quadratic).
        let mut keys: HashSet<&str> = HashSet::new();
        let large = entries.len() > 16;
        let mut hid_a_key = Vec::new();
        let mut unknown = Vec::new();
        for (key, value) in entries {
            if self.cx.is_hidden(key.id) {
                hid_a_key.extend(key.text());
                continue;
            }
            let text = key.text().unwrap_or_default();
            if let Some(fields) = fields
                && !fields.contains(&text)
            {
                self.cx.record(
                    <Error as de::Error>::unknown_field(text, fields).at(key.pos),
                    key.pos,
                );
                unknown.push(text);
                continue;
            }
            let duplicate = if large {
                !keys.insert(text)
            } else {
                visible
                    .iter()
                    .any(|(k, _): &(&Node<'_>, &Node<'_>)| k.text() == Some(text))
            };
            if duplicate {
                self.cx.record(
                    Error::new(Reason::DuplicateKey {
                        key: text.to_owned(),
                    })
                    .at(key.pos),
                    key.pos,
                );
                continue;
            }
            visible.push((key, value));
        }
        let result = visitor.visit_map(EntryAccess {
            entries: visible.into_iter(),
            value: None,
            map: self.node,
            cx: self.cx,
        });
        result.map_err(|err| match err.missing_field_name() {
            // The field is missing because its value was bad and is hidden,
            // or because it is misspelt (`titel` for `title`, reported with
            // "did you mean"): a knock-on, not reported; the entry as a whole
            // is left out.
            Some(field)
                if hid_a_key.contains(&field)
                    || unknown.iter().any(|u| {
                        crate::util::suggest::closest(u, fields.unwrap_or_default().iter().copied())
                            == Some(field)
                    }) =>
            {
                Error::recorded(false)
            }
            _ => err.at(self.node.pos),
        })
    }
}

macro_rules! whole {
    ($($method:ident $visit:ident $ty:ty, $signed:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let n: $ty = self.whole_number($signed)?;
            visitor.$visit::<Error>(n).map_err(|e| e.at(self.node.pos))
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDe<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let pos = self.node.pos;
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b, _) => visitor.visit_bool(*b),
            Value::Int(n, _) => visitor.visit_i64(*n),
            Value::UInt(n, _) => visitor.visit_u64(*n),
            Value::Float(x, _) => visitor.visit_f64(*x),
            Value::Str(s) => visitor.visit_str(s),
            Value::Seq(_) => self.deserialize_seq(visitor),
            Value::Map(_) => self.visit_entries(None, visitor),
        };
        result.map_err(|e| e.at(pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::Bool(b, _) => visitor
                .visit_bool::<Error>(*b)
                .map_err(|e| e.at(self.node.pos)),
            _ => Err(self.expected(Shape::Bool)),
        }
    }

    whole! {
        deserialize_i8 visit_i8 i8, true;
        deserialize_i16 visit_i16 i16, true;
        deserialize_i32 visit_i32 i32, true;
        deserialize_i64 visit_i64 i64, true;
        deserialize_u8 visit_u8 u8, false;
        deserialize_u16 visit_u16 u16, false;
        deserialize_u32 visit_u32 u32, false;
        deserialize_u64 visit_u64 u64, false;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let x = self.number()?;
        visitor
            .visit_f64::<Error>(x)
            .map_err(|e| e.at(self.node.pos))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.text() {
            Some(text) => visitor
                .visit_str::<Error>(text)
                .map_err(|e| e.at(self.node.pos)),
            None => Err(self.expected(Shape::Text)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.expected(Shape::Nothing)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = self.seq()?;
        visitor
            .visit_seq(ItemAccess {
                items: items.iter(),
                cx: self.cx,
            })
            .map_err(|e| e.at(self.node.pos))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_entries(None, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return visitor.visit_map(SpannedAccess {
                node: self,
                step: 0,
            });
        }
        // Every struct of the model denies unknown fields, so a key that is
        // not a field is an error here, where the others can still be read.
        self.visit_entries(Some(fields), visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if let Value::Str(s) = &self.node.value {
            return visitor
                .visit_enum(s.as_ref().into_deserializer())
                .map_err(|e: Error| e.at(self.node.pos));
        }
        Err(self.expected(Shape::OneOf(
            variants.iter().map(|&v| v.to_owned()).collect(),
        )))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// A list's entries; an entry that fails is recorded and left out.
struct ItemAccess<'a, 't> {
    items: std::slice::Iter<'t, Node<'t>>,
    cx: &'a Context<'t>,
}

impl<'de> SeqAccess<'de> for ItemAccess<'_, '_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        let Some(item) = self.items.by_ref().find(|item| !self.cx.is_hidden(item.id)) else {
            return Ok(None);
        };
        let depth = self.cx.path.borrow().len();
        seed.deserialize(NodeDe {
            node: item,
            cx: self.cx,
        })
        .map(Some)
        .map_err(|err| {
            self.cx.path.borrow_mut().truncate(depth);
            // A list read by `lenient_list` goes on with the next entry.
            self.cx.failed(err, item, item.pos)
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A mapping's entries, as a struct or a map reads them.
struct EntryAccess<'a, 't, I> {
    entries: I,
    value: Option<(&'t Node<'t>, &'t Node<'t>)>,
    map: &'t Node<'t>,
    cx: &'a Context<'t>,
}

impl<'de, 't, I: Iterator<Item = (&'t Node<'t>, &'t Node<'t>)>> MapAccess<'de>
    for EntryAccess<'_, 't, I>
{
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(NodeDe {
            node: key,
            cx: self.cx,
        })
        .map(Some)
        .map_err(|e| e.at(key.pos))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(Error::new(Reason::Other(
                "a value was asked for before its key".to_owned(),
            )));
        };
        self.cx.path.borrow_mut().push((key, self.map));
        let result = seed.deserialize(NodeDe {
            node: value,
            cx: self.cx,
        });
        self.cx.path.borrow_mut().pop();
        // Hidden, the entry is left out of the next read, so the rest of the
        // mapping is checked too.
        result.map_err(|err| self.cx.failed(err, key, value.pos))
    }

    fn size_hint(&self) -> Option<usize> {
        None
    }
}

/// The two entries by which [`super::Spanned`] learns its node's position.
struct SpannedAccess<'a, 't> {
    node: NodeDe<'a, 't>,
    step: u8,
}

impl<'de> MapAccess<'de> for SpannedAccess<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(field) = SPANNED_FIELDS.get(usize::from(self.step)) else {
            return Ok(None);
        };
        seed.deserialize((*field).into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        self.step += 1;
        if self.step == 1 {
            let p = self.node.node.pos;
            let numbers = [p.line, p.column, p.offset, p.len, u32::from(p.file)];
            seed.deserialize(de::value::SeqDeserializer::new(numbers.into_iter()))
        } else {
            // A value's own check (a date that is no date) fails after the
            // node was read: it is about this node.
            seed.deserialize(self.node)
                .map_err(|e| e.at(self.node.node.pos))
        }
    }
}

/// Read a list entry by entry, leaving out (and going on after) the entries
/// this module has recorded an error for. Plain `Vec` stops at the first bad
/// entry, which would hide the errors of the entries after it until the next
/// read; the lists of the model that hold entries use this.
pub fn lenient_list<'de, D: Deserializer<'de>, T: serde::Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(LenientVisitor(std::marker::PhantomData))
}

/// A list read by [`lenient_list`].
pub struct Lenient<T>(pub Vec<T>);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient_list(d).map(Lenient)
    }
}

struct LenientVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for LenientVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Shape::List, f)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            match seq.next_element::<T>() {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                // Recorded: the document will not be taken as good, so the
                // list may go on without the entry and the rest be read now.
                Err(err) if err.to_string() == RECORDED => {}
                Err(err) => return Err(err),
            }
        }
        Ok(items)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for super::Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = super::Spanned<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Value, f)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pos = Pos::UNKNOWN;
                while let Some(key) = map.next_key::<String>()? {
                    if key == SPANNED_FIELDS[0] {
                        let [line, column, offset, len, file] = map.next_value::<[u32; 5]>()?;
                        pos = Pos {
                            line,
                            column,
                            offset,
                            len,
                            file: u16::try_from(file).unwrap_or(0),
                        };
                    } else {
                        return Ok(super::Spanned::new(map.next_value()?, pos));
                    }
                }
                Err(de::Error::missing_field(SPANNED_FIELDS[1]))
            }
        }
        // Only the tree deserialiser answers this request; the playbook is
        // never read by another.
        d.deserialize_struct(
            SPANNED,
            SPANNED_FIELDS,
            SpannedVisitor(std::marker::PhantomData),
        )
    }
}

/// Full-width colons and commas (`：` `，`) where YAML syntax expects `:` or
/// `,`: in a plain (unquoted) mapping key, and in a plain entry of a flow
/// list (`[您好，欢迎]`). YAML reads them as text, so `phrases: [您好，欢迎]`
/// silently becomes one phrase. Inside quotes, or in a value, they are the
/// author's text and left alone.
pub fn full_width(root: &Node<'_>, text: &str) -> Vec<Problem> {
    // Most files have neither sign anywhere: one scan of the text then
    // says what a walk of every node would.
    if !text.contains('：') && !text.contains('，') {
        return Vec::new();
    }
    let mut problems = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                let flow = text.as_bytes().get(node.pos.offset as usize) == Some(&b'{');
                for (k, v) in entries {
                    problems.extend(sign_in(k, text, '：'));
                    if flow {
                        problems.extend(sign_in(k, text, '，'));
                        problems.extend(sign_in(v, text, '，'));
                    }
                    stack.push(v);
                }
            }
            Value::Seq(items) => {
                let flow = text.as_bytes().get(node.pos.offset as usize) == Some(&b'[');
                for item in items {
                    if flow {
                        problems.extend(sign_in(item, text, '，'));
                    }
                    stack.push(item);
                }
            }
            _ => {}
        }
    }
    problems.sort_by_key(|p| p.pos);
    problems
}

/// The first `sign` in a plain scalar as written, as a problem.
fn sign_in(node: &Node<'_>, text: &str, sign: char) -> Option<Problem> {
    if !matches!(node.value, Value::Str(_)) {
        return None;
    }
    let start = node.pos.offset as usize;
    let written = text.get(start..start + node.pos.len as usize)?;
    if written.starts_with(['"', '\'', '|', '>']) || written.contains('\n') {
        return None;
    }
    let byte = written.find(sign)?;
    let column = node.pos.column + u32::try_from(written[..byte].chars().count()).ok()?;
    Some(Problem {
        reason: super::hints::full_width_reason(sign),
        pos: Pos {
            line: node.pos.line,
            column,
            offset: node.pos.offset + u32::try_from(byte).ok()?,
            len: u32::try_from(sign.len_utf8()).ok()?,
            file: node.pos.file,
        },
    })
}
