//! Placeholders in phrases and patterns: `{customer.name}`, `{facts.room}`.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::Context;

/// `{namespace.key}`: a dotted name in braces. Only dotted names count, so a
/// regex repetition such as `a{2,3}` is never taken for one.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)+)\}").expect("valid regex")
});

/// The placeholders in a text: where each is and its key (`customer.name`).
pub fn find(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    PLACEHOLDER.captures_iter(text).filter_map(|c| {
        let whole = c.get(0)?;
        Some((whole.range(), c.get(1)?.as_str()))
    })
}

pub fn has_any(text: &str) -> bool {
    text.contains('{') && PLACEHOLDER.is_match(text)
}

/// The text with every placeholder replaced by `value(key)`; `None` when some
/// placeholder has no value (the rule is then `skipped`).
pub fn fill(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> Option<Cow<'_, str>> {
    if !has_any(text) {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, key) in find(text) {
        out.push_str(&text[last..range.start]);
        out.push_str(&value(key)?);
        last = range.end;
    }
    out.push_str(&text[last..]);
    Some(Cow::Owned(out))
}

/// Fill a phrase from a context.
pub fn fill_phrase<'t>(text: &'t str, context: &Context) -> Option<Cow<'t, str>> {
    fill(text, |key| context.placeholder(key))
}

/// Fill a pattern from a context: values are normalised like the reply and
/// escaped, so a name such as `O'Brien (Jr.)` matches literally.
pub fn fill_pattern<'t>(text: &'t str, context: &Context) -> Option<Cow<'t, str>> {
    fill(text, |key| {
        context
            .placeholder(key)
            .map(|v| regex::escape(&super::normalize::normalize(&v)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_names_in_braces_are_placeholders_and_repetitions_are_not() {
        let keys: Vec<&str> = find(r"hi {customer.name}, {facts.room_no} a{2,3} {x}")
            .map(|(_, k)| k)
            .collect();
        assert_eq!(keys, ["customer.name", "facts.room_no"]);
    }

    #[test]
    fn an_unfilled_placeholder_leaves_nothing() {
        assert_eq!(fill("hi {customer.name}", |_| None), None);
        assert_eq!(
            fill("hi {customer.name}!", |_| Some("Dana".into())).as_deref(),
            Some("hi Dana!")
        );
        assert_eq!(
            fill("no placeholder", |_| None).as_deref(),
            Some("no placeholder")
        );
    }
}
