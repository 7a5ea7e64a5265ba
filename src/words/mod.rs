//! The wording layer: every sentence and label a user reads, in the
//! playbook's language.
//!
//! The engine, the policy and `check` return data (which rule, which span,
//! which role, which amount); the presentation layers (drill, validate,
//! grade's summary, the check report, the rendered documents) turn it into
//! words here and nowhere else, so two of them cannot word the same decision
//! differently. The words themselves are Project Fluent messages, one folder
//! of `.ftl` files per locale under `locales/`, compiled into the binary:
//! Fluent gives each language its own plural rules ("1 day", "2 days";
//! "1 Tag", "2 Tage"; "1 天") and its own sentence order, which format
//! strings in code could not.

mod catalog;
pub mod check;
pub mod conversation;
pub mod drill;
pub mod engine;
pub mod errors;
pub mod import;
pub mod policy;
pub mod render;
pub mod report;
pub mod tool;

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::playbook::{Duration, Playbook, primary_subtag};

pub use catalog::{AREAS, number_text, sources};

/// A language ethos speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    En = 0,
    Zh = 1,
    De = 2,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Zh, Locale::De];

    /// The locale for a playbook's `language` (BCP 47): the tag itself if
    /// ethos has it, else the language without its region or script
    /// (`de-AT` → `de`, `zh-Hant-TW` → `zh`), else English.
    pub fn negotiate(tag: &str) -> Locale {
        let tag = tag.trim();
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .or_else(|| {
                let primary = primary_subtag(tag);
                Locale::ALL
                    .into_iter()
                    .find(|l| l.tag().eq_ignore_ascii_case(primary))
            })
            .unwrap_or(Locale::En)
    }

    /// The BCP 47 tag of the locale's catalog (`locales/TAG/`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
            Locale::De => "de",
        }
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        self.tag()
            .parse()
            .expect("every locale tag is a valid language identifier")
    }
}

/// The words of one locale: a handle on its (static) catalog, cheap to copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    locale: Locale,
}

/// One argument of a message: its name in the `.ftl` file and its value.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

impl Words {
    pub fn new(locale: Locale) -> Words {
        Words { locale }
    }

    /// The words for a language tag (see [`Locale::negotiate`]).
    pub fn for_tag(tag: &str) -> Words {
        Words::new(Locale::negotiate(tag))
    }

    /// The words of a playbook's `language`.
    pub fn of(playbook: &Playbook) -> Words {
        Words::for_tag(playbook.language())
    }

    pub fn locale(self) -> Locale {
        self.locale
    }

    /// A message that takes no arguments.
    pub fn text(self, id: &str) -> String {
        catalog::format(self.locale, id, None)
    }

    /// A message with its arguments.
    pub fn fmt(self, id: &str, args: &[Arg<'_>]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        catalog::format(self.locale, id, Some(&fluent))
    }

    /// ": " in English and German, "：" in Chinese.
    pub fn colon(self) -> String {
        self.text("punct-colon")
    }

    /// A label and its value: "Mood: calm", "情绪：平静".
    pub fn labelled(self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon())
    }

    /// A text in the locale's quotation marks: “…”, 「…」, „…“.
    pub fn quote(self, text: &str) -> String {
        self.fmt("punct-quoted", &[("text", text.trim().into())])
    }

    /// Items joined as alternatives: "a, b or c", "a、b或c", "a, b oder c".
    pub fn any_of<S: AsRef<str>>(self, items: &[S]) -> String {
        self.join(items, "list-or")
    }

    /// Items joined as a whole: "a, b and c", "a、b和c", "a, b und c".
    pub fn all_of<S: AsRef<str>>(self, items: &[S]) -> String {
        self.join(items, "list-and")
    }

    fn join<S: AsRef<str>>(self, items: &[S], last: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_owned(),
            [init @ .., end] => {
                let separator = self.text("list-separator");
                let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
                self.fmt(
                    last,
                    &[
                        ("head", head.join(&separator).into()),
                        ("last", end.as_ref().into()),
                    ],
                )
            }
        }
    }

    /// A number as the locale writes it ("1,5" in German).
    pub fn number(self, value: f64) -> String {
        number_text(self.locale, value)
    }

    /// An amount with its unit: "50 USD", "12,5 EUR".
    pub fn amount(self, value: f64, unit: Option<&str>) -> String {
        match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some(unit) => self.fmt(
                "amount-with-unit",
                &[("amount", self.number(value).into()), ("unit", unit.into())],
            ),
            None => self.number(value),
        }
    }

    /// A duration in its largest whole unit: "5 minutes", "1 Tag", "1 天".
    pub fn duration(self, d: Duration) -> String {
        let s = d.seconds;
        let (n, unit) = if s == 0 {
            (0, "duration-seconds")
        } else if s.is_multiple_of(86_400) {
            (s / 86_400, "duration-days")
        } else if s.is_multiple_of(3_600) {
            (s / 3_600, "duration-hours")
        } else if s.is_multiple_of(60) {
            (s / 60, "duration-minutes")
        } else {
            (s, "duration-seconds")
        };
        self.fmt(unit, &[("count", FluentValue::from(n))])
    }

    /// The locale's "yes" or "no".
    pub fn yes_no(self, yes: bool) -> String {
        self.text(if yes { "yes" } else { "no" })
    }

    /// The first letter upper-cased (the start of a sentence built from parts).
    pub fn capitalise(text: &str) -> Cow<'_, str> {
        let mut chars = text.chars();
        match chars.next() {
            Some(first) if first.is_lowercase() => {
                Cow::Owned(first.to_uppercase().chain(chars).collect())
            }
            _ => Cow::Borrowed(text),
        }
    }
}

#[cfg(test)]
mod tests;

impl Words {
    /// The words of the environment's language, for messages not about a playbook:
    /// `ETHOS_LANG`, then the language of `LC_ALL`, `LC_MESSAGES`, `LANG`; English if none.
    ///
    /// The first of these that is set and not empty decides, as POSIX has it
    /// (`LC_ALL` overrides `LC_MESSAGES`, which overrides `LANG`); its value
    /// may be a POSIX locale (`de_DE.UTF-8`, `zh_CN@x`) or a BCP 47 tag
    /// (`de-AT`), and `C` or `POSIX` means English. A load error about a
    /// playbook whose `language` can be read is worded in that language
    /// instead (see [`errors`]).
    pub fn of_environment() -> Words {
        Words::new(Locale::of_environment(|name| std::env::var(name).ok()))
    }
}

impl Locale {
    /// The locale the environment asks for (see [`Words::of_environment`]),
    /// with the variables read through `var`.
    pub fn of_environment(var: impl Fn(&str) -> Option<String>) -> Locale {
        let Some(value) = ["ETHOS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.trim().is_empty())
        else {
            return Locale::En;
        };
        // `de_DE.UTF-8@euro` → `de-DE`; BCP 47 tags pass through.
        let tag = value
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-");
        if tag.eq_ignore_ascii_case("C") || tag.eq_ignore_ascii_case("POSIX") {
            Locale::En
        } else {
            Locale::negotiate(&tag)
        }
    }
}
