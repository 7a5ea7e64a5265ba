//! What a reply is judged in: the step, who acts, who the customer is, what
//! they said, and what the reply does besides its words.

use std::collections::BTreeMap;

use crate::playbook::{Beat, Duration, Playbook, Scalar, Scenario, Spanned};

/// The situation a reply answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    /// The service step the reply belongs to.
    pub step: String,
    /// The role of whoever replies (for the policy); the first role by default.
    pub role: String,
    pub customer_name: Option<String>,
    pub customer_mood: Option<String>,
    pub customer_tier: Option<String>,
    /// Contacts about this issue, this one included.
    pub contacts: u32,
    /// How long the customer has waited.
    pub waiting: Duration,
    pub facts: BTreeMap<String, Scalar>,
    /// The customer's last message (for `customer_says`).
    pub message: Option<String>,
    /// Facts an `echo` rule wants the reply to mention.
    pub key_facts: Vec<String>,
    /// The role the case is already with (context key `escalated`): obligations
    /// up to that role are met.
    pub escalated: Option<String>,
}

/// What a reply does besides its words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposal {
    /// Actions taken, with their amounts in the action's unit.
    pub actions: Vec<(String, f64)>,
    /// The role the case is handed to, if any.
    pub escalate: Option<String>,
}

impl Proposal {
    /// What a decision's choice proposes: its action, or its escalation.
    pub fn of_choice(choice: &crate::playbook::Choice) -> Proposal {
        Proposal {
            actions: choice
                .action
                .as_ref()
                .and_then(|a| a.iter().next())
                .map(|(id, amount)| (id.value.clone(), amount.value))
                .into_iter()
                .collect(),
            escalate: choice.escalate.as_ref().map(|r| r.value.clone()),
        }
    }
}

/// The placeholders a phrase or pattern may use, besides `facts.KEY`.
pub const CUSTOMER_PLACEHOLDERS: &[&str] = &["customer.name", "customer.mood", "customer.tier"];

impl Context {
    /// A context at a step, played by the playbook's first role.
    pub fn at_step(playbook: &Playbook, step: &str) -> Context {
        Context {
            step: step.to_owned(),
            role: playbook
                .roles
                .first()
                .map(|r| r.id.value.clone())
                .unwrap_or_default(),
            contacts: crate::playbook::Scenario::DEFAULT_CONTACTS,
            ..Context::default()
        }
    }

    /// The context of a scenario before any beat: its role, customer, facts.
    pub fn of_scenario(playbook: &Playbook, scenario: &Scenario) -> Context {
        let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
        Context {
            step: String::new(),
            role: scenario
                .role
                .as_ref()
                .map(|r| r.value.clone())
                .or_else(|| playbook.roles.first().map(|r| r.id.value.clone()))
                .unwrap_or_default(),
            customer_name: text(&scenario.customer.name),
            customer_mood: text(&scenario.customer.mood),
            customer_tier: text(&scenario.customer.tier),
            contacts: scenario
                .contacts
                .as_ref()
                .map_or(Scenario::DEFAULT_CONTACTS, |c| c.value),
            waiting: scenario
                .waiting
                .as_ref()
                .map(|w| w.value)
                .unwrap_or_default(),
            facts: scenario
                .facts
                .iter()
                .map(|(k, v)| (k.value.clone(), v.value.clone()))
                .collect(),
            message: None,
            key_facts: Vec::new(),
            escalated: None,
        }
    }

    /// The context of one beat: the scenario's, with the beat's step, customer
    /// line, key facts and (if it says one) mood.
    pub fn of_beat(playbook: &Playbook, scenario: &Scenario, beat: &Beat) -> Context {
        let mut context = Context::of_scenario(playbook, scenario);
        context.enter_beat(beat);
        context
    }

    /// Move to a beat: its step, what the customer says, its key facts; a mood
    /// given by the beat holds from here on.
    pub fn enter_beat(&mut self, beat: &Beat) {
        self.step.clone_from(&beat.step.value);
        self.message = Some(beat.customer.value.clone());
        self.key_facts = beat.key_facts.iter().map(|k| k.value.clone()).collect();
        if let Some(mood) = &beat.mood {
            self.customer_mood = Some(mood.value.clone());
        }
    }

    /// The value of a placeholder key (`customer.name`, `facts.room`), as text.
    pub fn placeholder(&self, key: &str) -> Option<String> {
        match key {
            "customer.name" => self.customer_name.clone(),
            "customer.mood" => self.customer_mood.clone(),
            "customer.tier" => self.customer_tier.clone(),
            _ => key
                .strip_prefix("facts.")
                .and_then(|fact| self.facts.get(fact))
                .map(ToString::to_string),
        }
    }
}

/// The keys a context can be given (`validate --set`, a graded line's
/// `context`).
pub const CONTEXT_KEYS: &str = "customer.name, customer.mood, customer.tier, contacts, waiting, facts.KEY, message, escalated, key_facts";

impl Context {
    /// Give or override one context value. Texts (`customer.*`, `message`)
    /// take any scalar as text; `contacts` a whole number; `waiting` a
    /// duration (`15m`); `facts.KEY` any scalar; `escalated` a role id (the
    /// caller, who has the playbook, says whether it is a role).
    pub fn set(&mut self, key: &str, value: Scalar) -> Result<(), ContextError> {
        let text = |v: Scalar| match v {
            Scalar::Text(t) => t,
            other => other.to_string(),
        };
        match key {
            "customer.name" => self.customer_name = Some(text(value)),
            "customer.mood" => self.customer_mood = Some(text(value)),
            "customer.tier" => self.customer_tier = Some(text(value)),
            "message" => self.message = Some(text(value)),
            "escalated" => self.escalated = Some(text(value)),
            // A list in one value, so that `--set` and `examples_context` can give it.
            "key_facts" => {
                self.key_facts = text(value)
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|fact| !fact.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "contacts" => {
                self.contacts = match value {
                    Scalar::Int(n) => {
                        u32::try_from(n).map_err(|_| ContextError::NotContacts { given: n })?
                    }
                    other => {
                        return Err(ContextError::NotWholeNumber {
                            given: other.to_string(),
                        });
                    }
                };
            }
            "waiting" => {
                let given = text(value);
                self.waiting = given
                    .parse::<Duration>()
                    .map_err(|_| ContextError::NotDuration { given })?;
            }
            _ => match key.strip_prefix("facts.") {
                Some(fact) if !fact.is_empty() => {
                    self.facts.insert(fact.to_owned(), value);
                }
                _ => {
                    return Err(ContextError::UnknownKey {
                        key: key.to_owned(),
                        closest: crate::util::suggest::closest(key, CONTEXT_KEYS.split(", ")),
                    });
                }
            },
        }
        Ok(())
    }
}

/// Why a context value cannot be given ([`Context::set`]); worded by
/// `words::engine::context_error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContextError {
    /// `contacts` is a whole number, but negative or past `u32`.
    NotContacts { given: i64 },
    /// `contacts` is not a whole number (the value as given).
    NotWholeNumber { given: String },
    /// `waiting` is not a duration (the value as given).
    NotDuration { given: String },
    /// No such key, with the known key closest to it, if any (the keys are
    /// [`CONTEXT_KEYS`]).
    UnknownKey {
        key: String,
        closest: Option<&'static str>,
    },
}

/// Whether a placeholder key can ever be filled (`unbound-placeholder` otherwise).
pub fn is_known_placeholder(key: &str) -> bool {
    CUSTOMER_PLACEHOLDERS.contains(&key)
        || key.strip_prefix("facts.").is_some_and(|k| !k.is_empty())
}
