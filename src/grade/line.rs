//! One line of `ethos grade`: the reply read from JSON, judged, written back.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::Scenes;
use crate::engine::{Assessment, Context, Engine, Judgement, Proposal, Verdict};
use crate::playbook::{Playbook, Scalar};
use crate::report::judgement::JudgementView;
use crate::util::suggest::{self, unknown_id_help};

/// A reply as a graded line gives it. A field ethos does not know is an
/// error for the line (a mistyped `contxt` would otherwise be graded without
/// its context, and quietly pass or fail).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineIn<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    /// The step; a line with a `beat` takes the beat's step when it has none.
    #[serde(borrow, default)]
    pub step: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
    /// The role that replied (an addition to the spec's fields); the
    /// scenario's role, else the first role, by default.
    #[serde(borrow, default)]
    pub role: Option<Cow<'a, str>>,
    /// The scenario whose customer and facts the reply answers.
    #[serde(borrow, default)]
    pub scenario: Option<Cow<'a, str>>,
    /// The beat of `scenario`: its step, customer line and key facts.
    #[serde(borrow, default)]
    pub beat: Option<Cow<'a, str>>,
    /// Borrowed from the line: reading a context allocates nothing. Its
    /// values override the scenario's.
    #[serde(borrow, default)]
    pub context: Option<ContextIn<'a>>,
    /// What an `echo` rule wants mentioned; replaces the beat's.
    #[serde(default)]
    pub key_facts: Option<Vec<String>>,
    /// The role the case is already with.
    #[serde(borrow, default)]
    pub escalated: Option<Cow<'a, str>>,
    #[serde(default)]
    pub actions: Vec<ActionIn>,
    #[serde(default)]
    pub escalate: Option<String>,
    /// A person's verdict (`ethos calibrate`); `grade` reads past it, so a
    /// labels file can be graded as it is.
    #[serde(borrow, default)]
    pub human: Option<Cow<'a, str>>,
    /// Why the person judged so (`ethos calibrate`); `grade` reads past it.
    #[serde(borrow, default)]
    pub note: Option<Cow<'a, str>>,
}

/// Read one line of JSON as a reply, or say why it is not one.
pub fn read(text: &str) -> Result<LineIn<'_>, String> {
    // serde reads a struct from an array too (`["r1", "welcome", "Hello"]`
    // would be graded as id, step, text): only an object is a reply.
    if let Some(found) = not_an_object(text) {
        return Err(format!("expected one JSON object a line, found {found}"));
    }
    serde_json::from_str(text).map_err(|e| {
        if !e.is_data() {
            return format!("not a JSON object: {e}");
        }
        // An object with a wrong field: serde's words name it ("unknown
        // field `contxt`, expected one of …"); the likely typo is added.
        let mut why = e.to_string();
        if let Some(field) = why
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
            && let Some(best) = suggest::closest(field, FIELDS.iter().copied())
        {
            let _ = write!(why, "; did you mean `{best}`?");
        }
        why
    })
}

/// `text` with only the fields of a graded line, for `--ignore-columns`
/// (help-desk exports carry many): `None` if it is not a JSON object. Only
/// lines with unknown fields come here, so the second parse costs the rest
/// nothing.
pub fn known_fields(text: &str) -> Option<String> {
    let fields: std::collections::BTreeMap<String, &RawValue> = serde_json::from_str(text).ok()?;
    let mut known = String::with_capacity(text.len());
    known.push('{');
    for (key, value) in fields.iter().filter(|(k, _)| FIELDS.contains(&k.as_str())) {
        if known.len() > 1 {
            known.push(',');
        }
        let _ = write!(known, "\"{key}\":{}", value.get());
    }
    known.push('}');
    Some(known)
}

/// The fields of a graded line, as [`LineIn`] names them.
pub const FIELDS: &[&str] = &[
    "id",
    "step",
    "text",
    "role",
    "scenario",
    "beat",
    "context",
    "key_facts",
    "escalated",
    "actions",
    "escalate",
    "human",
    "note",
];

/// The `id` of a line that is not a reply, so its error line can say whose
/// it is; `None` where even that cannot be read.
pub fn id_of(text: &str) -> Option<&RawValue> {
    #[derive(Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow, default)]
        id: Option<&'a RawValue>,
    }
    serde_json::from_str::<IdOnly>(text).ok()?.id
}

/// What a line holds when it is JSON but not an object, in words.
fn not_an_object(text: &str) -> Option<&'static str> {
    let first = *text.trim_start().as_bytes().first()?;
    if first == b'{' || serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        return None; // an object, or not JSON at all: serde's message says where
    }
    Some(match first {
        b'[' => "an array",
        b'"' => "a text",
        b't' | b'f' => "true or false",
        b'n' => "null",
        _ => "a number",
    })
}

#[derive(Deserialize, Serialize)]
pub struct ActionIn {
    pub id: String,
    /// Checked as it is read: a negative amount is an error for the line.
    #[serde(default)]
    pub amount: crate::playbook::Amount,
}

/// A line's `context` object, its entries in order.
pub struct ContextIn<'a>(pub Vec<(Cow<'a, str>, ScalarIn<'a>)>);

impl<'de: 'a, 'a> Deserialize<'de> for ContextIn<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = ContextIn<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of context values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<ScalarIn<'a>, ScalarIn<'a>>()? {
                    // Keys arrive as text; serde's `Cow` would copy them.
                    let ScalarIn::Text(key) = key else {
                        return Err(serde::de::Error::custom("a context key is text"));
                    };
                    entries.push((key, value));
                }
                Ok(ContextIn(entries))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// A context value as a line gives it, borrowed where it can be.
pub enum ScalarIn<'a> {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Cow<'a, str>),
    /// An array or object: not a context value.
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for ScalarIn<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = ScalarIn<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text, number or true/false")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(ScalarIn::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(ScalarIn::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                #[allow(clippy::cast_precision_loss)] // a number this large is a float anyway
                Ok(i64::try_from(v).map_or(ScalarIn::Float(v as f64), ScalarIn::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(ScalarIn::Float(v))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ScalarIn::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ScalarIn::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(ScalarIn::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(ScalarIn::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(ScalarIn::Other)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// What a graded line says.
#[derive(Serialize)]
pub struct LineOut<'a> {
    pub id: Option<&'a RawValue>,
    pub verdict: Verdict,
    pub score: f64,
    pub failed: Failed<'a>,
}

/// The rule ids and policy codes a line failed, written without collecting.
pub struct Failed<'a> {
    pub rules: &'a [crate::playbook::Rule],
    pub assessment: &'a Assessment,
}

impl Serialize for Failed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rules = self
            .assessment
            .failed
            .iter()
            .map(|&i| self.rules[i].id.as_str());
        let codes = self.assessment.policy.iter().map(|c| c.as_str());
        s.collect_seq(rules.chain(codes))
    }
}

/// A line that could not be graded.
#[derive(Serialize)]
pub struct LineError<'a> {
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    pub error: String,
}

/// What one worker keeps between lines, so grading a line allocates little.
pub struct Grader<'e, 'p> {
    pub engine: &'e Engine<'p>,
    scenes: &'e Scenes<'p>,
    context: Context,
    proposal: Proposal,
    pub assessment: Assessment,
    default_role: String,
    spare_name: String,
    spare_message: String,
}

/// `text` in the spare buffer, taken out for use.
fn refill(spare: &mut String, text: &str) -> String {
    let mut buffer = std::mem::take(spare);
    buffer.clear();
    buffer.push_str(text);
    buffer
}

/// `context` made equal to `base`, field by field, so its buffers are reused.
fn reset_to(context: &mut Context, base: &Context) {
    context.step.clone_from(&base.step);
    context.role.clone_from(&base.role);
    context.customer_name.clone_from(&base.customer_name);
    context.customer_mood.clone_from(&base.customer_mood);
    context.customer_tier.clone_from(&base.customer_tier);
    context.contacts = base.contacts;
    context.waiting = base.waiting;
    context.facts.clone_from(&base.facts);
    context.message.clone_from(&base.message);
    context.key_facts.clone_from(&base.key_facts);
    context.escalated.clone_from(&base.escalated);
}

/// Why an id names nothing, with the likely typo.
fn unknown<'a>(kind: &str, id: &str, known: impl Iterator<Item = &'a str> + Clone) -> String {
    let help = unknown_id_help(id, kind, known).unwrap_or_default();
    format!("unknown {kind} `{id}`: {help}")
}

impl<'e, 'p> Grader<'e, 'p> {
    pub fn new(engine: &'e Engine<'p>, scenes: &'e Scenes<'p>) -> Self {
        let default_role = engine
            .playbook
            .roles
            .first()
            .map(|r| r.id.value.clone())
            .unwrap_or_default();
        Grader {
            engine,
            scenes,
            context: Context::default(),
            proposal: Proposal::default(),
            assessment: Assessment::default(),
            default_role,
            spare_name: String::new(),
            spare_message: String::new(),
        }
    }

    pub fn playbook(&self) -> &'p Playbook {
        self.engine.playbook
    }

    /// Read a line into the context and proposal, or say why it cannot be graded.
    pub fn prepare(&mut self, input: &LineIn<'_>) -> Result<(), String> {
        let pb = self.engine.playbook;
        let roles = || pb.roles.iter().map(|r| r.id.as_str());
        let c = &mut self.context;
        match (input.scenario.as_deref(), input.beat.as_deref()) {
            (Some(scenario), beat) => reset_to(c, self.scenes.context(scenario, beat)?),
            (None, Some(beat)) => {
                return Err(format!(
                    "the line names beat `{beat}` but no `scenario`; beats are named within their scenario"
                ));
            }
            (None, None) => {
                // Kept aside, not dropped, so their buffers serve the next line.
                if let Some(name) = c.customer_name.take() {
                    self.spare_name = name;
                }
                if let Some(message) = c.message.take() {
                    self.spare_message = message;
                }
                c.step.clear();
                c.role.clear();
                c.role.push_str(&self.default_role);
                c.customer_mood = None;
                c.customer_tier = None;
                c.contacts = crate::playbook::Scenario::DEFAULT_CONTACTS;
                c.waiting = crate::playbook::Duration::default();
                c.facts.clear();
                c.key_facts.clear();
                c.escalated = None;
            }
        }
        if let Some(step) = input.step.as_deref() {
            c.step.clear();
            c.step.push_str(step);
        }
        if c.step.is_empty() {
            return Err(if input.scenario.is_some() {
                "the line has no `step`; give `step`, or the `beat` the reply answers".to_owned()
            } else {
                "the line has no `step`".to_owned()
            });
        }
        if pb.step(&c.step).is_none() {
            return Err(unknown(
                "step",
                &c.step,
                pb.steps.iter().map(|s| s.id.as_str()),
            ));
        }
        if let Some(role) = input.role.as_deref() {
            c.role.clear();
            c.role.push_str(role);
        }
        if pb.role(&c.role).is_none() {
            return Err(unknown("role", &c.role, roles()));
        }
        for (key, value) in input.context.iter().flat_map(|c| c.0.iter()) {
            // The two texts most lines give reuse their buffers.
            match (key.as_ref(), value) {
                ("customer.name", ScalarIn::Text(text)) => {
                    c.customer_name = Some(refill(&mut self.spare_name, text));
                    continue;
                }
                ("message", ScalarIn::Text(text)) => {
                    c.message = Some(refill(&mut self.spare_message, text));
                    continue;
                }
                _ => {}
            }
            let scalar = match value {
                ScalarIn::Bool(b) => Scalar::Bool(*b),
                ScalarIn::Int(i) => Scalar::Int(*i),
                ScalarIn::Float(x) => Scalar::Float(*x),
                ScalarIn::Text(t) => Scalar::Text(t.clone().into_owned()),
                ScalarIn::Other => return Err(format!("context `{key}`: not a single value")),
            };
            c.set(key, scalar).map_err(|why| {
                // In English, as the rest of a line's problem (for now).
                let en = crate::words::Words::new(crate::words::Locale::En);
                let why = crate::words::engine::context_error(en, &why);
                format!("context `{key}`: {why}")
            })?;
        }
        if let Some(key_facts) = &input.key_facts {
            c.key_facts.clone_from(key_facts);
        }
        if let Some(role) = input.escalated.as_deref() {
            if pb.role(role).is_none() {
                return Err(unknown("role", role, roles()).replacen(
                    "unknown role",
                    "`escalated` names an unknown role",
                    1,
                ));
            }
            c.escalated = Some(role.to_owned());
        }
        self.proposal.actions.clear();
        for action in &input.actions {
            if pb.action(&action.id).is_none() {
                return Err(unknown(
                    "action",
                    &action.id,
                    pb.actions.iter().map(|a| a.id.as_str()),
                ));
            }
            self.proposal
                .actions
                .push((action.id.clone(), action.amount.get()));
        }
        self.proposal.escalate.clone_from(&input.escalate);
        if let Some(role) = &input.escalate
            && pb.role(role).is_none()
        {
            return Err(unknown("role", role, roles()).replacen(
                "unknown role",
                "unknown role to escalate to",
                1,
            ));
        }
        if input.text.is_none() {
            return Err("the line has no `text`".to_owned());
        }
        Ok(())
    }

    /// Grade the prepared line; the outcome is in `self.assessment`.
    pub fn grade(&mut self, text: &str) {
        self.engine
            .grade_into(text, &self.context, &self.proposal, &mut self.assessment);
    }

    /// The full judgement of the prepared line: the findings with their
    /// spans and messages, and the policy's.
    pub fn judge(&self, text: &str) -> Judgement<'e> {
        self.engine.judge(text, &self.context, Some(&self.proposal))
    }

    /// The full judgement of the prepared line, as `validate --format json` gives it.
    pub fn explain(&self, text: &str) -> serde_json::Value {
        let judgement = JudgementView::of(self.judge(text), self.engine.playbook);
        serde_json::to_value(judgement).expect("plain data serialises")
    }

    pub fn step(&self) -> &str {
        &self.context.step
    }

    /// The rule ids and policy codes the graded line failed.
    pub fn failed(&self) -> Vec<&'p str> {
        let rules = &self.engine.playbook.rules;
        self.assessment
            .failed
            .iter()
            .map(|&i| rules[i].id.as_str())
            .chain(self.assessment.policy.iter().map(|c| c.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_lists_every_field_serde_knows() {
        let why = read(r#"{"zzzzzz": 1}"#).err().unwrap();
        let listed: Vec<&str> = why
            .split("expected one of ")
            .nth(1)
            .unwrap()
            .split(" at line")
            .next()
            .unwrap()
            .split(", ")
            .map(|f| f.trim_matches('`'))
            .collect();
        assert_eq!(listed, FIELDS);
    }

    #[test]
    fn a_mistyped_field_is_named_with_the_likely_one() {
        let why = read(r#"{"step": "welcome", "text": "hi", "contxt": {}}"#)
            .err()
            .unwrap();
        assert!(
            why.starts_with("unknown field `contxt`, expected one of `id`"),
            "{why}"
        );
        assert!(why.ends_with("did you mean `context`?"), "{why}");
    }

    #[test]
    fn a_line_that_is_not_json_says_so() {
        let why = read("not json").err().unwrap();
        assert!(why.starts_with("not a JSON object"), "{why}");
    }
}
