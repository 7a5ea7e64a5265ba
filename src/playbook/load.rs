//! YAML -> [`Playbook`]: the only module that knows which YAML crate we use.
//!
//! We use `serde-saphyr` rather than `serde_yaml` (deprecated, archived, and
//! unable to say where a node was after deserialising). It reads the file
//! into a tree of positioned nodes ([`Node`], with our own [`Pos`]) and finds
//! every syntax error and limit; `node.rs` then fills the model from the tree
//! and collects every schema error. Swapping the crate means touching this
//! file alone (and `events.rs`, its fast path for the common case, which
//! reads serde-saphyr's own parser, `granit-parser`).

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::{Budget, BudgetBreach};
use serde_saphyr::{
    DuplicateKeyPolicy, Error as YamlError, Location, MessageFormatter, NonFiniteFloatPolicy,
    Spanned as YamlSpanned, UserMessageFormatter,
};

use super::events;
use super::hints;
use super::model::Playbook;
use super::node::{self, Node};
use super::reason::{Help, Reason};
use super::spanned::Pos;

/// The largest playbook file we read. The biggest real playbooks are a few
/// hundred kilobytes; a 2,000-rule stress playbook is about 3 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// How deep a playbook may nest. The format itself needs eight levels.
pub const MAX_DEPTH: usize = 32;

/// How many YAML nodes a playbook may have. A 2,000-rule, 500-scenario stress
/// playbook has about 150,000.
pub const MAX_NODES: usize = 500_000;

/// How many parser events aliases may replay in all. Anchors for shared phrase
/// lists need a few hundred; an alias bomb needs millions, and is refused fast.
pub const MAX_ALIAS_EVENTS: usize = 100_000;

/// Why a file could not be turned into a playbook: data, worded in
/// `words::errors` (which is also where its `Display` is: the message, in
/// the playbook's language, without the position).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// Boxed: errors are rare, and a `Result` should stay small.
    pub reason: Box<Reason>,
    pub pos: Pos,
    /// What to do, where we can tell (a misspelt field name).
    pub help: Option<Help>,
    /// The `language` the file gives, read from its text (a file that does
    /// not load may still say it), so its errors are worded in it.
    pub language: Option<String>,
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn new(reason: Reason, pos: Pos) -> LoadError {
        LoadError {
            kind: if reason.is_syntax() {
                LoadErrorKind::Syntax
            } else {
                LoadErrorKind::Schema
            },
            help: hints::help_for(&reason),
            reason: Box::new(reason),
            pos,
            language: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Not valid YAML, or YAML too large or deep to be a playbook.
    Syntax,
    /// Valid YAML that is not a playbook: unknown field, wrong type, missing field.
    Schema,
}

/// Parse a playbook from its text; the first problem if it has any.
pub fn parse(text: &str) -> Result<Playbook, LoadError> {
    parse_all(text).map_err(|mut errors| errors.swap_remove(0))
}

/// Parse a playbook from its text, with every problem it has (never an
/// empty list): a syntax error alone, as the YAML cannot be read past it, or
/// every schema error, in file order.
pub fn parse_all(text: &str) -> Result<Playbook, Vec<LoadError>> {
    let mut playbook = parse_document::<Playbook>(text, 0).map_err(|e| in_language(e, text))?;
    // Here, so every command (check, validate, grade, drill, render) sees
    // the pack rules the playbook `uses`.
    super::packs::apply(&mut playbook);
    Ok(playbook)
}

/// Parse a playbook without adding the rule packs it `uses`.
pub fn parse_bare(text: &str) -> Result<Playbook, Vec<LoadError>> {
    parse_document::<Playbook>(text, 0).map_err(|e| in_language(e, text))
}

/// Parse a bundled rule pack; `file` marks its positions (see `Pos::file`).
pub fn parse_pack(text: &str, file: u16) -> Result<super::packs::Pack, Vec<LoadError>> {
    parse_document(text, file).map_err(|errors| {
        in_language(errors, text)
            .into_iter()
            .map(|mut e| {
                e.pos.file = file;
                e
            })
            .collect()
    })
}

/// The errors of a file, marked with the `language` its text gives.
fn in_language(mut errors: Vec<LoadError>, text: &str) -> Vec<LoadError> {
    let language = stated_language(text);
    for e in &mut errors {
        e.language.clone_from(&language);
    }
    errors
}

/// The top-level `language:` of a file, read from its text: for the words of
/// a file whose YAML may not parse at all.
pub fn stated_language(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("language:")?;
        let value = value.split(" #").next()?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Read one document of the playbook format (a playbook or a pack), with
/// every problem it has.
fn parse_document<T: serde::de::DeserializeOwned>(
    text: &str,
    file: u16,
) -> Result<T, Vec<LoadError>> {
    let mut root = parse_tree(text).map_err(|e| vec![e])?;
    if file != 0 {
        root.set_file(file);
    }
    if matches!(root.value, node::Value::Null) {
        return Err(vec![empty_file()]);
    }
    let signs: Vec<LoadError> = node::full_width(&root, text)
        .into_iter()
        .map(|p| LoadError::new(p.reason, p.pos))
        .collect();
    let mut errors = match node::from_tree::<T>(&root) {
        Ok(document) if signs.is_empty() => return Ok(document),
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| schema_error(p, text)).collect(),
    };
    // A full-width colon in a key also makes the key unknown: say what to
    // fix, once.
    errors.retain(|e| !signs.iter().any(|s| s.pos.line == e.pos.line));
    errors.extend(signs);
    errors.sort_by_key(|e| e.pos);
    Err(errors)
}

fn empty_file() -> LoadError {
    LoadError::new(Reason::Empty, Pos::FILE_START)
}

/// Read the YAML of a file into a tree of positioned nodes. Every syntax
/// error and every limit is found here; what the nodes mean is left to
/// [`node::from_tree`].
fn parse_tree(text: &str) -> Result<Node<'_>, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len()));
    }
    // The common case, read fast; anything unusual, and every error, is
    // left to serde-saphyr below, so diagnostics stay exactly its own.
    if let Some(root) = events::read(text) {
        return Ok(root);
    }
    parse_tree_slow(text)
}

/// [`parse_tree`] through serde-saphyr: every file the fast reader leaves,
/// and every syntax error and limit.
fn parse_tree_slow(text: &str) -> Result<Node<'_>, LoadError> {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_NODES * 2;
    budget.max_aliases = 10_000;
    budget.max_documents = 1;
    let options = serde_saphyr::options! {
        budget: Some(budget),
        with_snippet: false,
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_EVENTS,
        },
        // A key written twice is reported by the tree's reader, which goes on.
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        // `weight: .nan` is a value the checks can name ("not above zero").
        non_finite_float_policy: NonFiniteFloatPolicy::PassThrough,
    };
    let raw = match serde_saphyr::from_str_with_options::<YamlSpanned<Raw>>(text, options) {
        Ok(raw) => raw,
        Err(err) => {
            if matches!(original(&err), YamlError::Eof { .. }) {
                return Err(empty_file());
            }
            return Err(convert_error(&err, text));
        }
    };
    let mut next_id = 0;
    Ok(to_node(raw, text, &mut next_id))
}

/// A YAML node as the YAML crate reads it, before it becomes a [`Node`].
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<YamlSpanned<Raw>>),
    Map(Vec<(YamlSpanned<Raw>, YamlSpanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                Ok(Raw::UInt(v))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Str(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
                Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Raw::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Raw::Map(entries))
            }
        }
        d.deserialize_any(RawVisitor)
    }
}

fn to_node<'s>(raw: YamlSpanned<Raw>, text: &'s str, next_id: &mut u32) -> Node<'s> {
    let id = *next_id;
    *next_id = next_id.saturating_add(1);
    // A scalar the schema read as a number or a boolean keeps its text as
    // written, for a text field (`title: 1.50`); an alias's is where the
    // anchor's value is defined.
    let written = |fallback: String| -> Cow<'s, str> {
        let span = raw.defined.span();
        span.byte_offset()
            .zip(span.byte_len())
            .and_then(|(start, len)| {
                let start = usize::try_from(start).ok()?;
                text.get(start..start.checked_add(usize::try_from(len).ok()?)?)
            })
            .filter(|t| !t.is_empty())
            .map_or(Cow::Owned(fallback), Cow::Borrowed)
    };
    let value = match raw.value {
        Raw::Null => node::Value::Null,
        Raw::Bool(b) => node::Value::Bool(b, written(b.to_string())),
        Raw::Int(n) => node::Value::Int(n, written(n.to_string())),
        Raw::UInt(n) => node::Value::UInt(n, written(n.to_string())),
        Raw::Float(x) => node::Value::Float(x, written(x.to_string())),
        Raw::Str(s) => node::Value::Str(Cow::Owned(s)),
        Raw::Seq(items) => node::Value::Seq(
            items
                .into_iter()
                .map(|item| to_node(item, text, next_id))
                .collect(),
        ),
        Raw::Map(entries) => node::Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (to_node(k, text, next_id), to_node(v, text, next_id)))
                .collect(),
        ),
    };
    Node {
        id,
        pos: pos_of(&raw.referenced),
        value,
    }
}

/// A problem the tree's reader found, placed for the author.
fn schema_error(problem: &node::Problem, text: &str) -> LoadError {
    let mut reason = tidy(problem.reason.clone());
    let mut pos = problem.pos;
    if let Reason::MissingField { entry, .. } = &mut reason {
        pos = hints::place_missing_field(text, pos);
        *entry = hints::entry_id(text, pos);
    }
    let mut error = LoadError::new(reason, pos);
    // Read from the tree, the YAML is fine, whatever the reason says.
    error.kind = LoadErrorKind::Schema;
    error
}

/// The error for a file over [`MAX_FILE_BYTES`] (also used by readers that
/// stop reading early).
pub fn too_large(bytes: usize) -> LoadError {
    LoadError::new(Reason::TooLarge { bytes }, Pos::UNKNOWN)
}

fn convert_error(err: &YamlError, text: &str) -> LoadError {
    let raw = UserMessageFormatter.format_message(err);
    let mut pos = err.location().map_or(Pos::UNKNOWN, |l| pos_of(&l));
    let kind = match original(err) {
        // Errors raised while filling our types: the YAML is fine, the playbook is not.
        YamlError::Message { .. }
        | YamlError::Unexpected { .. }
        | YamlError::NullIntoString { .. }
        | YamlError::InvalidBooleanStrict { .. }
        | YamlError::InvalidCharNull { .. }
        | YamlError::InvalidCharNotSingleScalar { .. }
        | YamlError::UnexpectedValueForUnit { .. }
        | YamlError::ExpectedEmptyMappingForUnitStruct { .. }
        | YamlError::NonFiniteFloat { .. }
        | YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::SerdeInvalidLength { .. }
        | YamlError::SerdeUnknownVariant { .. }
        | YamlError::SerdeUnknownField { .. }
        | YamlError::SerdeMissingField { .. }
        | YamlError::SerdeVariantId { .. }
        | YamlError::TaggedEnumMismatch { .. }
        | YamlError::DuplicateMappingKey { .. }
        // An empty file is valid YAML (a null document), just not a playbook.
        | YamlError::Eof { .. } => LoadErrorKind::Schema,
        // Parser errors, and budgets: not YAML, or too large or deep to be a playbook.
        _ => LoadErrorKind::Syntax,
    };
    let mut reason = match original(err) {
        YamlError::Budget { breach, .. } => budget_reason(breach),
        YamlError::Eof { .. } => Reason::Empty,
        _ if raw.contains("total_replayed_events") || raw.contains("expansions_per_anchor") => {
            Reason::AliasBomb
        }
        _ => tidy(Reason::Yaml(raw.clone().into_owned())),
    };
    if raw.contains("tab") {
        pos = hints::place_tab(text, pos);
        reason = hints::tab_reason(text, pos);
    } else if let Some((found, at)) = hints::full_width_syntax(text, pos) {
        reason = found;
        pos = at;
    } else if let Some(found) = hints::indentation(text, pos) {
        reason = found;
    }
    let mut error = LoadError::new(reason, pos);
    error.kind = kind;
    error
}

/// The error itself, without the wrappers that add snippets or alias sites.
fn original(mut err: &YamlError) -> &YamlError {
    loop {
        match err {
            YamlError::WithSnippet { error, .. } | YamlError::AliasError { error, .. } => {
                err = error;
            }
            other => return other,
        }
    }
}

/// serde's or the YAML parser's own words, made fit to show. They come
/// without "at line X, column Y" (we show positions our own way) and may
/// contain control characters from the input, which must not reach a
/// terminal.
fn tidy(reason: Reason) -> Reason {
    let clean = |raw: &str| -> String {
        raw.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    match reason {
        Reason::Yaml(raw) => Reason::Yaml(clean(&raw)),
        Reason::Other(raw) => Reason::Other(clean(&raw)),
        other => other,
    }
}

fn budget_reason(breach: &BudgetBreach) -> Reason {
    match breach {
        BudgetBreach::Depth { .. } => Reason::TooDeep,
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => Reason::AliasBomb,
        BudgetBreach::Documents { .. } => Reason::SeveralDocuments,
        _ => Reason::TooManyNodes,
    }
}

fn pos_of(loc: &Location) -> Pos {
    let span = loc.span();
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Pos {
        line: clamp(loc.line()),
        column: clamp(loc.column()),
        offset: clamp(span.byte_offset().unwrap_or(0)),
        len: clamp(span.byte_len().unwrap_or(0)),
        file: 0,
    }
}

/// Read one YAML scalar as a value of the playbook format (`--set
/// contacts=3`, `--set waiting=15m`, `--set facts.at_fault=true`), so the
/// command line reads values exactly as a playbook would.
pub fn parse_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Reason> {
    let root = parse_tree(text).map_err(|e| *e.reason)?;
    node::from_tree::<T>(&root).map_err(|problems| {
        problems
            .into_iter()
            .next()
            .map_or(Reason::Other(String::new()), |p| tidy(p.reason))
    })
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::{events, parse_tree_slow};

    /// Every file under `dir` (recursively) whose name ends in one of `exts`
    /// (all files if `exts` is empty).
    fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, exts, out);
            } else if exts.is_empty()
                || path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.contains(&e))
            {
                out.push(path);
            }
        }
    }

    fn corpus() -> &'static [(String, String)] {
        static CORPUS: OnceLock<Vec<(String, String)>> = OnceLock::new();
        CORPUS.get_or_init(read_corpus)
    }

    fn read_corpus() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        files(&root.join("playbooks"), &["yaml", "yml"], &mut paths);
        files(&root.join("templates"), &["yaml", "yml"], &mut paths);
        files(&root.join("tests/fixtures"), &["yaml", "yml"], &mut paths);
        files(&root.join("fuzz/corpus/load_and_check"), &[], &mut paths);
        paths.sort();
        paths
            .into_iter()
            .filter_map(|p| {
                let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
                Some((p.display().to_string(), text))
            })
            .collect()
    }

    /// Where the fast reader reads a file, it reads the tree serde-saphyr
    /// reads (ids, positions, values and the text of every scalar).
    fn agrees(text: &str) -> Result<bool, String> {
        let Some(fast) = events::read(text) else {
            return Ok(false);
        };
        let slow = parse_tree_slow(text)
            .map_err(|e| format!("fast reader accepted what serde-saphyr refuses: {e:?}"))?;
        let (fast, slow) = (format!("{fast:#?}"), format!("{slow:#?}"));
        if fast == slow {
            Ok(true)
        } else {
            let line = fast
                .lines()
                .zip(slow.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            Err(format!(
                "trees differ from line {line} of their dumps:\nfast: {}\nslow: {}",
                fast.lines().nth(line).unwrap_or_default(),
                slow.lines().nth(line).unwrap_or_default()
            ))
        }
    }

    #[test]
    fn fast_reader_reads_the_tree_serde_saphyr_reads() {
        let corpus = corpus();
        let mut fast = 0;
        for (name, text) in corpus {
            match agrees(text) {
                Ok(read) => fast += usize::from(read),
                Err(why) => panic!("{name}: {why}"),
            }
        }
        // The bundled playbooks are the common case the fast path is for.
        assert!(
            fast * 2 > corpus.len(),
            "{fast} of {} read fast",
            corpus.len()
        );
        for (name, text) in corpus.iter().filter(|(n, _)| n.contains("/playbooks/")) {
            if !text.contains('&') {
                assert!(events::read(text).is_some(), "{name} left to serde-saphyr");
            }
        }
    }

    /// Bits of YAML that touch every rule the fast reader copies or gives up on.
    const SNIPPETS: &[&str] = &[
        "&a ",
        "*a",
        "!!str ",
        "! ",
        "\t",
        "0x1F",
        "0X1F",
        "0o17",
        "0b2",
        "- ",
        ": ",
        "'",
        "\"",
        "\n",
        "  ",
        "yes",
        "No",
        "~",
        "null",
        ".nan",
        "-.inf",
        "1_0",
        "1__0",
        "012",
        "-012",
        "1e999",
        "-0",
        "+3",
        "#",
        "[",
        "]",
        "{",
        "}",
        ",",
        "<<: ",
        "? ",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "\u{feff}",
        "：",
        "é",
        "\\",
        "\r\n",
        "1.50",
        "99999999999999999999",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn fast_reader_agrees_on_edited_files(
            file in any::<prop::sample::Index>(),
            edits in prop::collection::vec(
                (any::<prop::sample::Index>(), prop::sample::select(SNIPPETS)),
                1..4,
            ),
        ) {
            let corpus: Vec<&(String, String)> =
                corpus().iter().filter(|(_, t)| t.len() < 20_000).collect();
            let (name, text) = &corpus[file.index(corpus.len())];
            let mut text = text.clone();
            for (at, snippet) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, snippet);
            }
            if let Err(why) = agrees(&text) {
                prop_assert!(false, "{name} edited to {text:?}: {why}");
            }
        }
    }
}
