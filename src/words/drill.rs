//! The drill's sentences built from parts: who speaks and how they feel,
//! the hint of an `echo` rule, a figure in seconds. The drill's fixed words
//! are the `drill-…` messages of `locales/*/drill.ftl`.

use super::Words;
use super::report::score;

/// A line the customer says: "Claire (annoyed): “…”", "陈女士（不满）：「…」",
/// "Frau Huber (verärgert): „…“". `who` is the customer's name, or `None`
/// for "The customer".
pub fn customer_says(w: Words, who: Option<&str>, mood: Option<&str>, line: &str) -> String {
    let who = who.map_or_else(|| w.text("drill-the-customer"), str::to_owned);
    let speaker = match mood {
        Some(mood) => w.fmt(
            "drill-speaker-mood",
            &[("who", who.into()), ("mood", mood.into())],
        ),
        None => who,
    };
    w.labelled(&speaker, &w.quote(line))
}

/// An `echo` rule's hint in a drill: the beat's key facts as alternatives,
/// each in quotation marks ("name what you heard, like “foot”, “feet” or
/// “glass”").
pub fn echo_hint<S: AsRef<str>>(w: Words, facts: &[S]) -> String {
    let quoted: Vec<String> = facts.iter().map(|f| w.quote(f.as_ref())).collect();
    w.fmt("drill-echo-hint", &[("facts", w.any_of(&quoted).into())])
}

/// A suggestion of what to say, after the locale's "try".
pub fn try_saying(w: Words, suggestion: &str) -> String {
    w.labelled(&w.text("drill-try"), suggestion.trim())
}

/// A number of seconds with one decimal, for the scorecard.
pub fn seconds(w: Words, seconds: f64) -> String {
    score(w, seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Locale;

    #[test]
    fn the_customer_speaks_in_the_locales_punctuation() {
        let line = "Sorry to bother you.";
        assert_eq!(
            customer_says(
                Words::new(Locale::En),
                Some("Claire"),
                Some("annoyed"),
                line
            ),
            "Claire (annoyed): “Sorry to bother you.”"
        );
        assert_eq!(
            customer_says(
                Words::new(Locale::Zh),
                Some("陈女士"),
                Some("不满"),
                "打扰一下。"
            ),
            "陈女士（不满）：「打扰一下。」"
        );
        assert_eq!(
            customer_says(Words::new(Locale::De), None, None, "Hallo?"),
            "Der Kunde: „Hallo?“"
        );
    }

    #[test]
    fn an_echo_hint_offers_the_facts_as_alternatives() {
        assert_eq!(
            echo_hint(Words::new(Locale::En), &["foot", "feet", "glass"]),
            "name what you heard, like “foot”, “feet” or “glass”"
        );
        assert_eq!(
            echo_hint(Words::new(Locale::Zh), &["咖啡", "毛巾"]),
            "说出您听到的要点，比如「咖啡」或「毛巾」"
        );
    }
}
