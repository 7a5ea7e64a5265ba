//! One line of `ethos grade`: the reply read from JSON, judged, written back.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::engine::{Assessment, Context, Engine, Proposal, Verdict};
use crate::playbook::{Playbook, Scalar};

/// A reply as a graded line gives it. Unknown fields are ignored: help-desk
/// exports carry many.
#[derive(Deserialize)]
pub struct LineIn<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub step: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
    /// The role that replied (an addition to the spec's fields); the first role by default.
    #[serde(borrow, default)]
    pub role: Option<Cow<'a, str>>,
    /// Borrowed from the line: reading a context allocates nothing.
    #[serde(borrow, default)]
    pub context: Option<ContextIn<'a>>,
    #[serde(default)]
    pub actions: Vec<ActionIn>,
    #[serde(default)]
    pub escalate: Option<String>,
}

#[derive(Deserialize, Serialize)]
pub struct ActionIn {
    pub id: String,
    #[serde(default)]
    pub amount: f64,
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

impl<'e, 'p> Grader<'e, 'p> {
    pub fn new(engine: &'e Engine<'p>) -> Self {
        let default_role = engine
            .playbook
            .roles
            .first()
            .map(|r| r.id.value.clone())
            .unwrap_or_default();
        Grader {
            engine,
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
        let step = input.step.as_deref().ok_or("the line has no `step`")?;
        if pb.step(step).is_none() {
            let steps: Vec<&str> = pb.steps.iter().map(|s| s.id.as_str()).collect();
            let help = crate::check::suggest::unknown_id_help(step, "step", steps.iter().copied())
                .unwrap_or_default();
            return Err(format!("unknown step `{step}`: {help}"));
        }
        let c = &mut self.context;
        c.step.clear();
        c.step.push_str(step);
        c.role.clear();
        c.role
            .push_str(input.role.as_deref().unwrap_or(&self.default_role));
        if pb.role(&c.role).is_none() {
            return Err(format!("unknown role `{}`", c.role));
        }
        // Kept aside, not dropped, so their buffers serve the next line.
        if let Some(name) = c.customer_name.take() {
            self.spare_name = name;
        }
        if let Some(message) = c.message.take() {
            self.spare_message = message;
        }
        c.customer_mood = None;
        c.customer_tier = None;
        c.contacts = crate::playbook::Scenario::DEFAULT_CONTACTS;
        c.waiting = crate::playbook::Duration::default();
        c.facts.clear();
        c.key_facts.clear();
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
            c.set(key, scalar)
                .map_err(|why| format!("context `{key}`: {why}"))?;
        }
        self.proposal.actions.clear();
        for action in &input.actions {
            if pb.action(&action.id).is_none() {
                return Err(format!("unknown action `{}`", action.id));
            }
            if !(action.amount.is_finite() && action.amount >= 0.0) {
                return Err(format!("the amount of `{}` must be 0 or more", action.id));
            }
            self.proposal
                .actions
                .push((action.id.clone(), action.amount));
        }
        self.proposal.escalate.clone_from(&input.escalate);
        if let Some(role) = &input.escalate
            && pb.role(role).is_none()
        {
            return Err(format!("unknown role `{role}` to escalate to"));
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

    /// The full judgement of the prepared line, as `validate --format json` gives it.
    pub fn explain(&self, text: &str) -> serde_json::Value {
        let judgement = self.engine.judge(text, &self.context, Some(&self.proposal));
        serde_json::to_value(&judgement).expect("plain data serialises")
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
