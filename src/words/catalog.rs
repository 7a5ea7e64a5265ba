//! The message catalogs: one Fluent bundle per locale, built from the `.ftl`
//! files under `locales/` that are compiled into the binary.
//!
//! A locale's files are split by area (`common`, `policy`, `render`, …) so
//! that each layer's words live in one place; within a locale every message
//! id is unique across its files (a test checks it, and that every locale has
//! the same ids with the same arguments).

use std::cell::OnceCell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};

use super::Locale;

/// The areas each locale has a file for, in load order.
pub const AREAS: &[&str] = &[
    "common",
    "policy",
    "render",
    "drill",
    "report",
    "check",
    "errors",
    "tool",
    "conversation",
];

macro_rules! locale_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/policy.ftl")),
            include_str!(concat!("../../locales/", $lang, "/render.ftl")),
            include_str!(concat!("../../locales/", $lang, "/drill.ftl")),
            include_str!(concat!("../../locales/", $lang, "/report.ftl")),
            include_str!(concat!("../../locales/", $lang, "/check.ftl")),
            include_str!(concat!("../../locales/", $lang, "/errors.ftl")),
            include_str!(concat!("../../locales/", $lang, "/tool.ftl")),
            include_str!(concat!("../../locales/", $lang, "/conversation.ftl")),
        ]
    };
}

/// The `.ftl` sources of a locale, one per [`AREAS`] entry.
pub fn sources(locale: Locale) -> [&'static str; AREAS.len()] {
    match locale {
        Locale::En => locale_files!("en"),
        Locale::Zh => locale_files!("zh"),
        Locale::De => locale_files!("de"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of a locale, built on first use.
pub fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; Locale::ALL.len()] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[locale as usize].get_or_init(|| build(locale))
}

fn build(locale: Locale) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![locale.langid()]);
    // Output goes to terminals, CSV and HTML, not to bidi-aware widgets: the
    // isolation marks Fluent puts around arguments would show as junk.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match locale {
        Locale::En => format_en,
        Locale::Zh => format_zh,
        Locale::De => format_de,
    }));
    for source in sources(locale) {
        // The files are ours and tested (`every_locale_parses`): a syntax
        // error cannot reach a user's build.
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// Formats a message. A message missing from `locale` falls back to English;
/// one missing from English too (a bug the tests catch) reads as its id, so a
/// user sees a word out of place and never a crash.
pub fn format(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let mut errors = Vec::new();
    for bundle in [bundle(locale), bundle(Locale::En)] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    debug_assert!(false, "no message `{id}` in any locale");
    id.to_owned()
}

/// Numbers as the locale writes them: "1,5" in German, grouped from five
/// digits on ("12,345" but "1000").
fn format_number<M: MemoizerKind>(locale: Locale, value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    Some(number_text(locale, number.value))
}

fn format_en<M: MemoizerKind>(value: &FluentValue, m: &M) -> Option<String> {
    format_number(Locale::En, value, m)
}
fn format_zh<M: MemoizerKind>(value: &FluentValue, m: &M) -> Option<String> {
    format_number(Locale::Zh, value, m)
}
fn format_de<M: MemoizerKind>(value: &FluentValue, m: &M) -> Option<String> {
    format_number(Locale::De, value, m)
}

/// A number in the locale's digits and separators, with as many decimals as
/// it has (an amount is shown as written: `12.5`, not `12.50`).
pub fn number_text(locale: Locale, value: f64) -> String {
    thread_local! {
        // DecimalFormatter holds `Rc`s: one set per thread, built on first use.
        static FORMATTERS: [OnceCell<Option<DecimalFormatter>>; Locale::ALL.len()] =
            const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
    }
    let plain = crate::playbook::format_amount(value);
    let Ok(decimal) = plain.parse::<Decimal>() else {
        return plain;
    };
    FORMATTERS.with(|formatters| {
        let formatter = formatters[locale as usize].get_or_init(|| {
            let mut options = DecimalFormatterOptions::default();
            options.grouping_strategy = Some(GroupingStrategy::Min2);
            let locale: icu_locale_core::Locale = locale.tag().parse().ok()?;
            DecimalFormatter::try_new(locale.into(), options).ok()
        });
        match formatter {
            Some(formatter) => formatter.format(&decimal).to_string(),
            None => plain.clone(),
        }
    })
}
