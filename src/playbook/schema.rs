//! The JSON Schema of the playbook format, generated from the model types so
//! it cannot drift from what the loader accepts. Editors use it (through the
//! YAML language server) for completion and red squiggles as a manager types.
//!
//! The derive covers the plain structs; this module describes by hand the
//! types whose YAML shape is not their Rust shape (a `Spanned<T>` is just a
//! `T`, a limit is a number or `yes`, a condition has `facts.KEY` keys, ...).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::condition::{AmountBounds, Bounds, Condition, FactBounds};
use super::grant::Grants;
use super::model::{Next, Playbook};
use super::spanned::Spanned;
use super::values::{Date, Duration, Limit, Scalar, SpannedMap, Texts};

/// Where the published schema lives in this repository; bundled playbooks
/// name it in their `yaml-language-server` modeline.
pub const SCHEMA_PATH: &str = "schema/playbook.schema.json";

/// The schema of a playbook file, as pretty JSON.
pub fn playbook_schema() -> String {
    let mut schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Playbook>();
    schema.insert("title".into(), "ethos playbook".into());
    schema.insert(
        "description".into(),
        "A company's customer-service philosophy as a playbook that ethos can check, drill, grade and print (format version 1)."
            .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl<K, V: JsonSchema> JsonSchema for SpannedMap<K, V> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        ["Map_of_", &V::schema_name()].concat().into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<V>();
        json_schema!({ "type": "object", "additionalProperties": value })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date, YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A duration: a number and a unit, such as 30s, 15m, 2h or 1d (also 1h30m, \"5 minutes\").",
            "type": "string",
            "examples": ["30s", "15m", "2h", "1d"],
        })
    }
}

impl JsonSchema for Limit {
    fn schema_name() -> Cow<'static, str> {
        "Limit".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The most a role may grant on its own for one incident, in the action's unit (inclusive), or `yes` for no limit.",
            "anyOf": [
                { "type": "number", "minimum": 0 },
                { "const": true },
                { "enum": ["yes", "unlimited"] },
            ],
        })
    }
}

impl JsonSchema for Grants {
    fn schema_name() -> Cow<'static, str> {
        "Grants".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let limit = generator.subschema_for::<Limit>();
        let condition = generator.subschema_for::<Condition>();
        json_schema!({
            "description": "What the role may grant of the action on its own for one incident: a limit, or a list of grants tried in order, of which the first whose `when` holds gives the limit.",
            "anyOf": [
                limit,
                {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["up_to"],
                        "properties": {
                            "when": condition,
                            "up_to": limit,
                            "per": {
                                "description": "`facts.KEY`: the limit is multiplied by this fact (a number); where the fact is absent or not a number, the grant does not hold.",
                                "type": "string",
                                "pattern": "^facts\\..+$",
                            },
                        },
                    },
                },
            ],
        })
    }
}

impl JsonSchema for Scalar {
    fn schema_name() -> Cow<'static, str> {
        "Scalar".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["boolean", "number", "string"] })
    }
}

impl JsonSchema for Texts {
    fn schema_name() -> Cow<'static, str> {
        "Texts".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text, or a list of texts.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
            ],
        })
    }
}

impl JsonSchema for crate::playbook::Says {
    fn schema_name() -> Cow<'static, str> {
        "Says".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let texts = generator.subschema_for::<Texts>();
        json_schema!({
            "description": "Phrases: a text, a list, or `{phrases, negation: ignore}` to count negated occurrences too.",
            "anyOf": [
                texts,
                {
                    "type": "object",
                    "properties": {
                        "phrases": texts,
                        "negation": { "type": "string", "enum": ["respect", "ignore"] },
                    },
                    "required": ["phrases"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for Next {
    fn schema_name() -> Cow<'static, str> {
        "Next".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The beat that follows: a beat id, or one for a passed and one for a failed reply.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "pass": { "type": "string" }, "fail": { "type": "string" } },
                    "required": ["pass", "fail"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for Condition {
    fn schema_name() -> Cow<'static, str> {
        "Condition".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let texts = generator.subschema_for::<Texts>();
        let counts = generator.subschema_for::<Bounds<u32>>();
        let waits = generator.subschema_for::<Bounds<Duration>>();
        let amount = generator.subschema_for::<AmountBounds>();
        let scalar = generator.subschema_for::<Scalar>();
        let fact_bounds = generator.subschema_for::<FactBounds>();
        let condition = generator.subschema_for::<Condition>();
        let says = generator.subschema_for::<crate::playbook::Says>();
        json_schema!({
            "description": "A condition: every entry must hold.",
            "type": "object",
            "properties": {
                "customer_says": {
                    "description": "The customer's last message contains one of these phrases; `{phrases, negation: ignore}` counts negated occurrences too.",
                    "allOf": [says],
                },
                "contacts": counts,
                "waiting": waits,
                "customer.mood": texts,
                "customer.tier": texts,
                "action": { "type": "string", "description": "The proposed action (escalation rules only)." },
                "amount": amount,
                "any": {
                    "description": "At least one of these conditions holds.",
                    "type": "array",
                    "items": condition,
                    "minItems": 1,
                },
                "not": condition,
                "escalated": { "type": "string", "description": "The case is with this role or a more senior one." },
            },
            "patternProperties": {
                "^facts\\..+$": {
                    "description": "The fact equals the value, is one of a list, or is a number within `{min, max, over, under}`.",
                    "anyOf": [scalar, { "type": "array", "items": scalar }, fact_bounds],
                },
                "^args\\..+$": {
                    "description": "In a procedure: the tool call's argument equals the value, is one of a list, or is a number within `{min, max, over, under}`.",
                    "anyOf": [scalar, { "type": "array", "items": scalar }, fact_bounds],
                },
            },
            "additionalProperties": false,
        })
    }
}
