//! The catalogs are data the compiler cannot check: these tests do.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Every message of a locale with the variables it uses.
fn messages(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (area, source) in AREAS.iter().zip(sources(locale)) {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
            panic!(
                "locales/{}/{area}.ftl does not parse: {errors:?}",
                locale.tag()
            )
        });
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut vars);
                }
                let id = message.id.name.to_owned();
                assert!(
                    all.insert(id.clone(), vars).is_none(),
                    "`{id}` is defined twice in locales/{}/",
                    locale.tag()
                );
            }
        }
    }
    all
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
            for named in &arguments.named {
                inline_vars(&named.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_message_with_the_same_arguments() {
    let english = messages(Locale::En);
    for locale in [Locale::Zh, Locale::De] {
        let other = messages(locale);
        let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{}: missing {missing:?}, not in English {extra:?}",
            locale.tag()
        );
        for (id, vars) in &english {
            assert_eq!(
                vars,
                &other[id],
                "`{id}` takes other arguments in locales/{}",
                locale.tag()
            );
        }
    }
}

#[test]
fn every_message_id_the_code_asks_for_exists() {
    // Message ids are string literals passed to `text`/`fmt`; one misspelt
    // would print as its id. Scan the sources for them.
    let english = messages(Locale::En);
    let pattern = regex::Regex::new(r#"\.(?:text|fmt)\(\s*"([a-z][a-z0-9-]*)""#).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut unknown = Vec::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(entry.path()).unwrap();
        for capture in pattern.captures_iter(&code) {
            if !english.contains_key(&capture[1]) {
                unknown.push(format!("{}: {}", entry.path().display(), &capture[1]));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "message ids with no message: {unknown:?}"
    );
}

#[test]
fn a_language_tag_falls_back_to_its_language_then_english() {
    assert_eq!(Locale::negotiate("de"), Locale::De);
    assert_eq!(Locale::negotiate("de-AT"), Locale::De);
    assert_eq!(Locale::negotiate("zh-Hant-TW"), Locale::Zh);
    assert_eq!(Locale::negotiate("ZH_cn"), Locale::Zh);
    assert_eq!(Locale::negotiate("en-GB"), Locale::En);
    assert_eq!(Locale::negotiate("fr"), Locale::En);
    assert_eq!(Locale::negotiate(""), Locale::En);
}

#[test]
fn the_environment_language_is_ethos_lang_then_the_posix_variables() {
    let env = |pairs: &'static [(&str, &str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let of = |pairs| Locale::of_environment(env(pairs));
    assert_eq!(of(&[]), Locale::En);
    assert_eq!(of(&[("LANG", "de_DE.UTF-8")]), Locale::De);
    assert_eq!(
        of(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]),
        Locale::Zh
    );
    assert_eq!(
        of(&[("LC_MESSAGES", "de_AT@euro"), ("LANG", "zh_CN")]),
        Locale::De
    );
    assert_eq!(of(&[("ETHOS_LANG", "zh"), ("LC_ALL", "de_DE")]), Locale::Zh);
    // Set but empty is not set; `C` and `POSIX` are English.
    assert_eq!(of(&[("ETHOS_LANG", ""), ("LANG", "de-CH")]), Locale::De);
    assert_eq!(of(&[("LC_ALL", "C"), ("LANG", "de_DE")]), Locale::En);
    assert_eq!(of(&[("LANG", "POSIX")]), Locale::En);
    assert_eq!(of(&[("LANG", "fr_FR.UTF-8")]), Locale::En);
}

#[test]
fn durations_take_each_languages_plural() {
    let d = |s| Duration::from_secs(s);
    assert_eq!(Words::new(Locale::En).duration(d(86_400)), "1 day");
    assert_eq!(Words::new(Locale::En).duration(d(2 * 86_400)), "2 days");
    assert_eq!(Words::new(Locale::De).duration(d(86_400)), "1 Tag");
    assert_eq!(Words::new(Locale::De).duration(d(300)), "5 Minuten");
    assert_eq!(Words::new(Locale::Zh).duration(d(86_400)), "1天");
    assert_eq!(Words::new(Locale::En).duration(d(90)), "90 seconds");
}

#[test]
fn lists_and_quotes_follow_the_locale() {
    let items = ["a", "b", "c"];
    assert_eq!(Words::new(Locale::En).any_of(&items), "a, b or c");
    assert_eq!(Words::new(Locale::Zh).any_of(&items), "a、b或c");
    assert_eq!(Words::new(Locale::De).all_of(&items), "a, b und c");
    assert_eq!(Words::new(Locale::En).any_of(&["x"]), "x");
    assert_eq!(Words::new(Locale::Zh).quote(" 您好 "), "「您好」");
    assert_eq!(Words::new(Locale::De).quote("Guten Tag"), "„Guten Tag“");
    assert_eq!(Words::new(Locale::Zh).colon(), "：");
}

#[test]
fn numbers_use_the_locales_separators() {
    assert_eq!(Words::new(Locale::De).amount(12.5, Some("EUR")), "12,5 EUR");
    assert_eq!(Words::new(Locale::En).amount(12.5, Some("USD")), "12.5 USD");
    assert_eq!(Words::new(Locale::En).number(1000.0), "1000");
    assert_eq!(Words::new(Locale::En).number(25_000.0), "25,000");
    assert_eq!(Words::new(Locale::De).number(25_000.0), "25.000");
    assert_eq!(Words::new(Locale::En).amount(50.0, None), "50");
}
