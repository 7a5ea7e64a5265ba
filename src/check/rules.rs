//! Rules that cannot work (`invalid-pattern`, `phrase-too-long`,
//! `empty-rule`) and steps no rule covers (`step-without-rules`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::MAX_PHRASE_CHARS;
use crate::engine::matcher::{abbreviated, phrase_too_long, regex_reason};
use crate::engine::placeholder;
use crate::playbook::{Clause, Condition, Pos, Rule, Spanned};
use crate::words::check::{Help, Kind, Message, RegexFault};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    for rule in &pb.rules {
        patterns_compile(ctx, rule);
        phrases_fit(ctx, rule);
        not_empty(ctx, rule);
    }
    for escalation in &pb.escalation {
        says_fit(ctx, Kind::EscalationRule, &escalation.id, &escalation.when);
    }
    for step in pb.steps.iter() {
        if !pb.rules.iter().any(|r| r.applies_at(&step.id)) {
            ctx.report(
                Code::StepWithoutRules,
                step.id.pos,
                Message::StepWithoutRules { step: &step.id },
            )
            .help(Help::AddRuleAtStep { step: &step.id });
        }
    }
}

fn patterns_compile(ctx: &mut CheckContext, rule: &Rule) {
    for pattern in rule.patterns() {
        // A placeholder is filled before compiling (`{` would read as a
        // repetition), so it stands in as a plain word here.
        let Some(literal) = placeholder::fill(pattern, |_| Some("placeholder".to_owned())) else {
            continue;
        };
        // Parsing finds every syntax error at a fraction of the cost of
        // building the matcher, which the reply engine does once, later.
        let parsed = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(&literal);
        if let Err(err) = parsed {
            let reason = regex_reason(&err.to_string());
            ctx.report(
                Code::InvalidPattern,
                pattern.pos,
                Message::PatternDoesNotCompile {
                    pattern,
                    rule: &rule.id,
                    fault: regex_fault(&err, &reason),
                },
            )
            .help(Help::PatternSyntax);
        }
    }
}

/// Every phrase a reply or a customer line is searched for is at most
/// [`crate::engine::MAX_PHRASE_CHARS`] long (the engine refuses longer ones).
fn phrases_fit(ctx: &mut CheckContext, rule: &Rule) {
    let swapped = rule
        .swap
        .iter()
        .flat_map(|s| s.iter())
        .flat_map(|(k, v)| [k, v]);
    for phrase in rule.phrases().iter().chain(swapped) {
        phrase_fits(ctx, Kind::Rule, &rule.id, phrase, phrase.pos);
    }
    if let Some(when) = &rule.when {
        says_fit(ctx, Kind::Rule, &rule.id, when);
    }
}

fn says_fit(ctx: &mut CheckContext, what: Kind, owner: &str, when: &Spanned<Condition>) {
    for clause in &when.clauses {
        if let Clause::CustomerSays(phrases) = &clause.value {
            for phrase in phrases.iter() {
                // `customer_says: hurt` (one text, not a list) has no place of its own.
                let at = if phrase.pos.is_known() {
                    phrase.pos
                } else {
                    clause.pos
                };
                phrase_fits(ctx, what, owner, phrase, at);
            }
        }
    }
}

fn phrase_fits(ctx: &mut CheckContext, what: Kind, owner: &str, phrase: &str, at: Pos) {
    if phrase_too_long(phrase).is_some() {
        ctx.report(
            Code::PhraseTooLong,
            at,
            Message::PhraseTooLong {
                phrase: &abbreviated(phrase),
                owner: what,
                id: owner,
                chars: phrase.chars().count(),
                max: MAX_PHRASE_CHARS,
            },
        )
        .help(Help::ShortenPhrase);
    }
}

fn not_empty(ctx: &mut CheckContext, rule: &Rule) {
    // (An echo rule is never empty: it counts the beat's key facts.)
    if rule.is_empty() {
        ctx.report(
            Code::EmptyRule,
            rule.id.pos,
            Message::EmptyRule { rule: &rule.id },
        )
        .help(Help::FillRule {
            check: rule.check.value,
        });
    }
}

/// The regex parser's error as data: the kinds authors meet are worded in
/// the playbook's language, the rest keep the parser's words (`reason`).
fn regex_fault<'r>(err: &regex_syntax::Error, reason: &'r str) -> RegexFault<'r> {
    use regex_syntax::ast::ErrorKind as A;
    let regex_syntax::Error::Parse(err) = err else {
        return RegexFault::Other(reason);
    };
    match err.kind() {
        A::GroupUnclosed => RegexFault::GroupUnclosed,
        A::GroupUnopened => RegexFault::GroupUnopened,
        A::ClassUnclosed => RegexFault::ClassUnclosed,
        A::ClassRangeInvalid => RegexFault::ClassRangeInvalid,
        A::RepetitionMissing => RegexFault::RepetitionMissing,
        A::RepetitionCountUnclosed => RegexFault::RepetitionCountUnclosed,
        A::RepetitionCountInvalid => RegexFault::RepetitionCountInvalid,
        A::EscapeUnrecognized => RegexFault::EscapeUnrecognized,
        A::EscapeUnexpectedEof => RegexFault::EscapeUnexpectedEnd,
        A::UnsupportedLookAround => RegexFault::LookAround,
        A::UnsupportedBackreference => RegexFault::Backreference,
        A::UnicodeClassInvalid => RegexFault::UnicodeClassInvalid,
        _ => RegexFault::Other(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{Locale, Words};

    /// The parser's error for a pattern, as `patterns_compile` sees it.
    fn parse_error(pattern: &str) -> regex_syntax::Error {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .expect_err(pattern)
    }

    #[test]
    fn the_english_words_for_a_pattern_error_are_the_parsers_own() {
        // English diagnostics said what the regex parser says; worded in the
        // locales now, they must still say exactly that.
        let cases = [
            ("(calm down", RegexFault::GroupUnclosed),
            ("calm)", RegexFault::GroupUnopened),
            ("[abc", RegexFault::ClassUnclosed),
            ("[z-a]", RegexFault::ClassRangeInvalid),
            ("*calm", RegexFault::RepetitionMissing),
            ("a{2", RegexFault::RepetitionCountUnclosed),
            ("a{3,2}", RegexFault::RepetitionCountInvalid),
            (r"\q", RegexFault::EscapeUnrecognized),
            ("calm\\", RegexFault::EscapeUnexpectedEnd),
            ("(?=calm)", RegexFault::LookAround),
            (r"(a)\1", RegexFault::Backreference),
        ];
        let en = Words::new(Locale::En);
        for (pattern, fault) in cases {
            let err = parse_error(pattern);
            let reason = regex_reason(&err.to_string());
            assert_eq!(regex_fault(&err, &reason), fault, "{pattern}");
            let message = |fault| Message::PatternDoesNotCompile {
                pattern,
                rule: "r",
                fault,
            };
            assert_eq!(
                en.check_message(&message(fault)),
                en.check_message(&message(RegexFault::Other(&reason))),
                "{pattern}"
            );
        }
    }

    #[test]
    fn a_pattern_error_without_words_of_ours_keeps_the_parsers() {
        let err = parse_error("(?<>a)");
        let reason = regex_reason(&err.to_string());
        assert_eq!(regex_fault(&err, &reason), RegexFault::Other(&reason));
    }
}
