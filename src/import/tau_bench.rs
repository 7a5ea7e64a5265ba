//! τ-bench result files (a JSON array of runs with `traj`) as conversation
//! lines: id `TASK/TRIAL`, the `reward` kept as a top-level field (it comes
//! back under `meta` in grade output), the messages as the run has them, and
//! on each assistant message whose tool call acts on a reservation the facts
//! the airline policy speaks of (`facts`), as known at that point:
//!
//! - from the conversation's own tool results before the call (a user's
//!   details, a reservation's details, the flights a search listed), and
//! - where the conversation never looked, from the booking database given
//!   with `--db` (`users.json`, `reservations.json`, `flights.json`).
//!
//! The facts: `membership`, `cabin`, `insurance`, `booked_hours_ago` (the
//! policy's "now" is 2024-05-15 15:00 EST; booking times are EST too),
//! `flight_status` (of the reservation's flights: `cancelled` if any is,
//! else `delayed` if any is, else the first flight's), `segment_flown` (a
//! flight of it has landed or is flying), `passengers` and `free_bags` (free
//! checked bags per passenger, from the policy's table). A fact that cannot
//! be known is left out, never guessed.
//!
//! Besides, from what the call and the conversation show:
//!
//! - `user_id_given`: whether a message of the user so far contains the user
//!   id of the call (its `user_id` argument, else the reservation's owner).
//!   The policy asks that the agent first *obtain* the user id: from the
//!   user, not from a lookup. It is also set on `get_reservation_details`,
//!   the call that reads a reservation, and on nothing else;
//! - `flights_changed` (`update_reservation_flights`): whether the call's
//!   flights (number and date) differ from the reservation's, so that a
//!   cabin-only change (allowed for basic economy) is told from a change
//!   of flights (not allowed);
//! - `certificates`, `credit_cards`, `gift_cards` (`book_reservation`): how
//!   many payment methods of each kind the booking uses;
//! - `payment_in_profile`: whether every payment method the call names is
//!   in the user's profile;
//! - `bags_removed` (`update_reservation_baggages`): whether the call's
//!   `total_baggages` is below the reservation's;
//! - `passenger_count_changed` (`update_reservation_passengers`): whether
//!   the call lists another number of passengers than the reservation has;
//! - `changed_or_cancelled` (`send_certificate`): whether the reservation
//!   talked about was changed or cancelled earlier in the conversation (a
//!   call that succeeded): the policy gives the delay gesture only "after
//!   ... changing or cancelling the reservation".

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value, json};

/// The policy's "now": 2024-05-15 15:00 EST, as booking times are written.
const NOW: &str = "2024-05-15T15:00:00";

/// The tools that act on a reservation, and so get facts.
const ACTING: &[&str] = &[
    "book_reservation",
    "cancel_reservation",
    "update_reservation_flights",
    "update_reservation_baggages",
    "update_reservation_passengers",
    "send_certificate",
];

/// The tools that read a reservation: they get `user_id_given` only.
const READING: &[&str] = &["get_reservation_details"];

/// The tools whose results the importer knows how to read (or may pass
/// over: they say nothing about the case).
const KNOWN: &[&str] = &[
    "get_user_details",
    "get_reservation_details",
    "search_direct_flight",
    "search_onestop_flight",
    "list_all_airports",
    "calculate",
    "think",
    "transfer_to_human_agents",
    "book_reservation",
    "cancel_reservation",
    "update_reservation_flights",
    "update_reservation_baggages",
    "update_reservation_passengers",
    "send_certificate",
    "get_flight_status",
];

/// The booking database, read from `--db DIR`.
#[derive(Debug, Default)]
pub struct Db {
    users: Map<String, Value>,
    reservations: Map<String, Value>,
    flights: Map<String, Value>,
}

/// Why the database could not be read: which file, and what is wrong.
#[derive(Debug)]
pub struct DbError {
    pub file: String,
    pub why: String,
}

impl Db {
    /// Read `users.json`, `reservations.json` and `flights.json` from `dir`.
    pub fn read(dir: &Path) -> Result<Db, DbError> {
        let read = |name: &str| -> Result<Map<String, Value>, DbError> {
            let path = dir.join(name);
            let file = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| DbError {
                file: file.clone(),
                why: crate::io_error::describe(&e),
            })?;
            match serde_json::from_str(&text) {
                Ok(Value::Object(map)) => Ok(map),
                Ok(_) => Err(DbError {
                    file,
                    why: "not a JSON object".to_owned(),
                }),
                Err(e) => Err(DbError {
                    file,
                    why: e.to_string(),
                }),
            }
        };
        Ok(Db {
            users: read("users.json")?,
            reservations: read("reservations.json")?,
            flights: read("flights.json")?,
        })
    }
}

/// Which run a warning is about: its place in the file (from 1), and its
/// `TASK/TRIAL` where it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub number: usize,
    pub id: Option<String>,
}

/// What the importer could not read, with the run (and message) it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The run is not a JSON object: skipped.
    NotAnObject { run: Run },
    /// The run has no `traj` list: skipped.
    NoTraj { run: Run },
    /// A tool call's `arguments` is not JSON: its facts are not read, the
    /// call is kept as written.
    BadArguments { run: Run, at: usize, tool: String },
    /// A tool result of a tool the importer does not know, or that answers
    /// no call: kept, but nothing is learnt from it.
    UnknownToolResult {
        run: Run,
        at: usize,
        tool: Option<String>,
    },
}

impl ImportWarning {
    /// Whether the run was left out of the output.
    pub fn skips_run(&self) -> bool {
        matches!(
            self,
            ImportWarning::NotAnObject { .. } | ImportWarning::NoTraj { .. }
        )
    }
}

/// The conversation lines of a result file, in its order, and what could
/// not be read.
#[derive(Debug, Default)]
pub struct Imported {
    pub lines: Vec<String>,
    pub warnings: Vec<ImportWarning>,
}

/// Why a result file is not one at all.
#[derive(Debug)]
pub enum FileError {
    /// Not JSON (the parser's words, with line and column).
    NotJson(String),
    /// JSON, but not an array of runs.
    NotAnArray,
}

/// Import a τ-bench result file's text.
pub fn import(text: &str, db: Option<&Db>) -> Result<Imported, FileError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::NotJson(e.to_string()))?;
    let Value::Array(runs) = value else {
        return Err(FileError::NotAnArray);
    };
    let mut imported = Imported::default();
    for (i, run) in runs.iter().enumerate() {
        if let Some(line) = import_run(run, i + 1, db, &mut imported.warnings) {
            imported.lines.push(line);
        }
    }
    Ok(imported)
}

/// One run as a conversation line; `None` (with a warning) if it cannot be.
pub fn import_run(
    run: &Value,
    number: usize,
    db: Option<&Db>,
    warnings: &mut Vec<ImportWarning>,
) -> Option<String> {
    let Some(object) = run.as_object() else {
        warnings.push(ImportWarning::NotAnObject {
            run: Run { number, id: None },
        });
        return None;
    };
    let id = run_id(object);
    let name = Run {
        number,
        id: id.clone(),
    };
    let Some(traj) = object.get("traj").and_then(Value::as_array) else {
        warnings.push(ImportWarning::NoTraj { run: name });
        return None;
    };
    let mut case = Case::default();
    let mut messages = Vec::with_capacity(traj.len());
    for (at, message) in traj.iter().enumerate() {
        let mut message = message.clone();
        if let Some(facts) = case.facts_at(&message, at, &name, db, warnings)
            && let Some(m) = message.as_object_mut()
        {
            m.insert("facts".to_owned(), Value::Object(facts));
        }
        case.learn(&message, at, &name, warnings);
        messages.push(message);
    }
    let mut line = Map::new();
    line.insert(
        "id".to_owned(),
        Value::String(id.unwrap_or_else(|| number.to_string())),
    );
    for key in ["reward", "task_id", "trial"] {
        if let Some(v) = object.get(key) {
            line.insert(key.to_owned(), v.clone());
        }
    }
    line.insert("messages".to_owned(), Value::Array(messages));
    Some(Value::Object(line).to_string())
}

/// `TASK/TRIAL`, where the run has both.
fn run_id(run: &Map<String, Value>) -> Option<String> {
    let part = |key: &str| match run.get(key)? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    Some(format!("{}/{}", part("task_id")?, part("trial")?))
}

/// What the conversation has shown so far.
#[derive(Default)]
struct Case {
    /// Calls so far by id: the tool and its arguments.
    calls: HashMap<String, (String, Value)>,
    users: HashMap<String, Value>,
    reservations: HashMap<String, Value>,
    /// Flight statuses a search listed, by flight number and date.
    statuses: HashMap<(String, String), String>,
    /// The reservation looked at or acted on last, and its user.
    last_reservation: Option<String>,
    last_user: Option<String>,
    /// The user's messages so far, lower-cased and joined (for
    /// `user_id_given`).
    said: String,
    /// The reservations a call changed or cancelled so far.
    changed: Vec<String>,
}

impl Case {
    /// The facts of an assistant message whose tool call acts on a
    /// reservation, as known before the call.
    fn facts_at(
        &self,
        message: &Value,
        at: usize,
        run: &Run,
        db: Option<&Db>,
        warnings: &mut Vec<ImportWarning>,
    ) -> Option<Map<String, Value>> {
        let calls = message.get("tool_calls")?.as_array()?;
        let call = calls.iter().find_map(|c| {
            let function = c.get("function")?;
            let name = function.get("name")?.as_str()?;
            (ACTING.contains(&name) || READING.contains(&name)).then_some((name, function))
        })?;
        let (name, function) = call;
        let Some(args) = arguments(function) else {
            warnings.push(ImportWarning::BadArguments {
                run: run.clone(),
                at,
                tool: name.to_owned(),
            });
            return None;
        };
        let mut facts = Map::new();
        let reservation_id = args
            .get("reservation_id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| {
                // A certificate is sent for the reservation talked about.
                (name == "send_certificate")
                    .then(|| self.last_reservation.clone())
                    .flatten()
            });
        let reservation = reservation_id.as_deref().and_then(|id| {
            self.reservations
                .get(id)
                .or_else(|| db.and_then(|db| db.reservations.get(id)))
        });
        // Whose the call is: its own argument, else the reservation's owner
        // (not the last user looked up: a lookup is not the user's word).
        let owner = args
            .get("user_id")
            .and_then(Value::as_str)
            .or_else(|| reservation.and_then(|r| r.get("user_id")?.as_str()));
        if let Some(owner) = owner {
            let given = self.said.contains(&owner.to_lowercase());
            facts.insert("user_id_given".to_owned(), json!(given));
        }
        if READING.contains(&name) {
            return (!facts.is_empty()).then_some(facts);
        }
        let user_id = owner.or(self.last_user.as_deref());
        let user = user_id.and_then(|id| {
            self.users
                .get(id)
                .or_else(|| db.and_then(|db| db.users.get(id)))
        });
        // A booking brings its own cabin, passengers and insurance.
        let source = if name == "book_reservation" {
            Some(&args)
        } else {
            reservation
        };
        let membership = user.and_then(|u| u.get("membership")?.as_str());
        if let Some(m) = membership {
            facts.insert("membership".to_owned(), json!(m));
        }
        let cabin = source.and_then(|r| r.get("cabin")?.as_str());
        if let Some(c) = cabin {
            facts.insert("cabin".to_owned(), json!(c));
        }
        if let Some(insurance) = source.and_then(|r| r.get("insurance")?.as_str()) {
            facts.insert("insurance".to_owned(), json!(insurance == "yes"));
        }
        let passengers = source
            .and_then(|r| r.get("passengers")?.as_array())
            .map(Vec::len);
        if let Some(n) = passengers {
            facts.insert("passengers".to_owned(), json!(n));
        }
        if let (Some(m), Some(c)) = (membership, cabin)
            && let Some(bags) = free_bags(m, c)
        {
            facts.insert("free_bags".to_owned(), json!(bags));
        }
        if name == "book_reservation" {
            let ids = payment_ids(&args);
            for (key, prefix) in [
                ("certificates", "certificate_"),
                ("credit_cards", "credit_card_"),
                ("gift_cards", "gift_card_"),
            ] {
                let n = ids.iter().filter(|id| id.starts_with(prefix)).count();
                facts.insert(key.to_owned(), json!(n));
            }
        }
        if let Some(methods) = user.and_then(|u| u.get("payment_methods")?.as_object()) {
            let ids = payment_ids(&args);
            if !ids.is_empty() {
                let known = ids.iter().all(|id| methods.contains_key(*id));
                facts.insert("payment_in_profile".to_owned(), json!(known));
            }
        }
        if name == "update_reservation_baggages"
            && let (Some(new), Some(old)) = (
                args.get("total_baggages").and_then(Value::as_f64),
                reservation.and_then(|r| r.get("total_baggages")?.as_f64()),
            )
        {
            facts.insert("bags_removed".to_owned(), json!(new < old));
        }
        if name == "update_reservation_passengers"
            && let (Some(new), Some(old)) = (
                args.get("passengers").and_then(Value::as_array),
                reservation.and_then(|r| r.get("passengers")?.as_array()),
            )
        {
            facts.insert(
                "passenger_count_changed".to_owned(),
                json!(new.len() != old.len()),
            );
        }
        if name == "send_certificate"
            && let Some(id) = reservation_id.as_deref()
        {
            let changed = self.changed.iter().any(|c| c == id);
            facts.insert("changed_or_cancelled".to_owned(), json!(changed));
        }
        if name == "update_reservation_flights"
            && let (Some(new), Some(old)) = (
                args.get("flights").and_then(Value::as_array),
                reservation.and_then(|r| r.get("flights")?.as_array()),
            )
        {
            facts.insert(
                "flights_changed".to_owned(),
                json!(flight_keys(new) != flight_keys(old)),
            );
        }
        if name != "book_reservation"
            && let Some(r) = reservation
        {
            if let Some(hours) = r
                .get("created_at")
                .and_then(Value::as_str)
                .and_then(hours_before_now)
            {
                facts.insert("booked_hours_ago".to_owned(), json!(hours));
            }
            let statuses: Vec<Option<String>> = r
                .get("flights")
                .and_then(Value::as_array)
                .map(|flights| flights.iter().map(|f| self.status(f, db)).collect())
                .unwrap_or_default();
            if let Some(status) = summary_status(&statuses) {
                facts.insert("flight_status".to_owned(), json!(status));
            }
            if let Some(flown) = segment_flown(&statuses) {
                facts.insert("segment_flown".to_owned(), json!(flown));
            }
        }
        (!facts.is_empty()).then_some(facts)
    }

    /// A flight's status on its date: as a search listed it, else the
    /// database's.
    fn status(&self, flight: &Value, db: Option<&Db>) -> Option<String> {
        let number = flight.get("flight_number")?.as_str()?;
        let date = flight.get("date")?.as_str()?;
        if let Some(s) = self.statuses.get(&(number.to_owned(), date.to_owned())) {
            return Some(s.clone());
        }
        let db = db?;
        let status = db
            .flights
            .get(number)?
            .get("dates")?
            .get(date)?
            .get("status")?
            .as_str()?;
        Some(status.to_owned())
    }

    /// Learn from a message: remember calls, and read the results of the
    /// tools that tell about the case.
    fn learn(&mut self, message: &Value, at: usize, run: &Run, warnings: &mut Vec<ImportWarning>) {
        match message.get("role").and_then(Value::as_str) {
            Some("assistant") => {
                for call in message
                    .get("tool_calls")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let Some(function) = call.get("function") else {
                        continue;
                    };
                    let name = function
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let args = arguments(function);
                    if args.is_none() && !ACTING.contains(&name) {
                        // Acting calls are reported where their facts are.
                        warnings.push(ImportWarning::BadArguments {
                            run: run.clone(),
                            at,
                            tool: name.to_owned(),
                        });
                    }
                    let args = args.unwrap_or(Value::Null);
                    if let Some(id) = args.get("reservation_id").and_then(Value::as_str) {
                        self.last_reservation = Some(id.to_owned());
                    }
                    if let Some(id) = args.get("user_id").and_then(Value::as_str) {
                        self.last_user = Some(id.to_owned());
                    }
                    if let Some(id) = call.get("id").and_then(Value::as_str) {
                        self.calls.insert(id.to_owned(), (name.to_owned(), args));
                    }
                }
            }
            Some("tool") => self.learn_result(message, at, run, warnings),
            Some("user") => {
                if let Some(text) = message.get("content").and_then(Value::as_str) {
                    self.said.push('\n');
                    self.said.push_str(&text.to_lowercase());
                }
            }
            _ => {}
        }
    }

    fn learn_result(
        &mut self,
        message: &Value,
        at: usize,
        run: &Run,
        warnings: &mut Vec<ImportWarning>,
    ) {
        let call = message
            .get("tool_call_id")
            .and_then(Value::as_str)
            .and_then(|id| self.calls.get(id))
            .cloned();
        let named = message.get("name").and_then(Value::as_str);
        let Some((tool, args)) = call else {
            warnings.push(ImportWarning::UnknownToolResult {
                run: run.clone(),
                at,
                tool: named.map(str::to_owned),
            });
            return;
        };
        if !KNOWN.contains(&tool.as_str()) {
            warnings.push(ImportWarning::UnknownToolResult {
                run: run.clone(),
                at,
                tool: Some(tool),
            });
            return;
        }
        // Errors ("Error: ...") and plain texts teach nothing.
        let Some(result) = message
            .get("content")
            .and_then(Value::as_str)
            .and_then(|c| serde_json::from_str::<Value>(c).ok())
        else {
            return;
        };
        match tool.as_str() {
            "get_user_details" => {
                if let Some(id) = args.get("user_id").and_then(Value::as_str) {
                    self.users.insert(id.to_owned(), result);
                    self.last_user = Some(id.to_owned());
                }
            }
            // A reservation's details, or the reservation as a change left it.
            "get_reservation_details"
            | "update_reservation_flights"
            | "update_reservation_baggages"
            | "update_reservation_passengers"
            | "cancel_reservation"
            | "book_reservation" => {
                if let Some(id) = result.get("reservation_id").and_then(Value::as_str) {
                    if tool != "get_reservation_details" && tool != "book_reservation" {
                        self.changed.push(id.to_owned());
                    }
                    self.last_reservation = Some(id.to_owned());
                    if let Some(user) = result.get("user_id").and_then(Value::as_str) {
                        self.last_user = Some(user.to_owned());
                    }
                    self.reservations.insert(id.to_owned(), result);
                }
            }
            "search_direct_flight" | "search_onestop_flight" => {
                let date = args.get("date").and_then(Value::as_str);
                self.learn_statuses(&result, date);
            }
            _ => {}
        }
    }

    /// The statuses a search listed (one-stop results are lists of legs,
    /// each with its own date).
    fn learn_statuses(&mut self, result: &Value, date: Option<&str>) {
        let Some(items) = result.as_array() else {
            return;
        };
        for item in items {
            if item.is_array() {
                self.learn_statuses(item, date);
                continue;
            }
            let number = item.get("flight_number").and_then(Value::as_str);
            let day = item.get("date").and_then(Value::as_str).or(date);
            let status = item.get("status").and_then(Value::as_str);
            if let (Some(n), Some(d), Some(s)) = (number, day, status) {
                self.statuses
                    .insert((n.to_owned(), d.to_owned()), s.to_owned());
            }
        }
    }
}

/// The payment ids a call names: its `payment_id`, or each of its
/// `payment_methods`.
fn payment_ids(args: &Value) -> Vec<&str> {
    let single = args.get("payment_id").and_then(Value::as_str);
    let listed = args
        .get("payment_methods")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("payment_id")?.as_str());
    single.into_iter().chain(listed).collect()
}

/// A reservation's flights as (number, date) pairs, sorted: what a change
/// of flights changes (prices, cabin and the order listed are not part of
/// it).
fn flight_keys(flights: &[Value]) -> Vec<(Option<&str>, Option<&str>)> {
    let mut keys: Vec<_> = flights
        .iter()
        .map(|f| {
            (
                f.get("flight_number").and_then(Value::as_str),
                f.get("date").and_then(Value::as_str),
            )
        })
        .collect();
    keys.sort_unstable();
    keys
}

/// A call's arguments: JSON text as `OpenAI` writes it, or an object.
fn arguments(function: &Value) -> Option<Value> {
    match function.get("arguments")? {
        Value::String(text) if text.trim().is_empty() => Some(Value::Object(Map::new())),
        Value::String(text) => serde_json::from_str(text).ok(),
        Value::Object(_) => function.get("arguments").cloned(),
        _ => None,
    }
}

/// Hours from a booking time to the policy's now, to one decimal.
fn hours_before_now(created_at: &str) -> Option<f64> {
    let created: jiff::civil::DateTime = created_at.parse().ok()?;
    let now: jiff::civil::DateTime = NOW.parse().ok()?;
    let span = created.until(now).ok()?;
    let seconds = span
        .total((jiff::Unit::Second, jiff::civil::date(2024, 5, 15)))
        .ok()?;
    Some((seconds / 360.0).round() / 10.0)
}

/// The status the policy cares about among a reservation's flights: any
/// cancelled, else any delayed, else the first known one.
fn summary_status(statuses: &[Option<String>]) -> Option<&'static str> {
    let known: Vec<&str> = statuses.iter().flatten().map(String::as_str).collect();
    for wanted in ["cancelled", "delayed"] {
        if known.contains(&wanted) {
            return Some(wanted);
        }
    }
    match *known.first()? {
        "flying" => Some("flying"),
        "landed" => Some("landed"),
        "on time" => Some("on time"),
        "available" => Some("available"),
        _ => None,
    }
}

/// Whether a flight of the reservation has been flown (landed, or in the
/// air); unknown when a flight's status is.
fn segment_flown(statuses: &[Option<String>]) -> Option<bool> {
    if statuses
        .iter()
        .flatten()
        .any(|s| s == "landed" || s == "flying")
    {
        return Some(true);
    }
    statuses
        .iter()
        .all(Option::is_some)
        .then_some(false)
        .filter(|_| !statuses.is_empty())
}

/// Free checked bags per passenger (the policy's "Checked bag allowance").
fn free_bags(membership: &str, cabin: &str) -> Option<u32> {
    let row = match membership {
        "regular" => [0, 1, 2],
        "silver" => [1, 2, 3],
        "gold" => [2, 3, 3],
        _ => return None,
    };
    let column = match cabin {
        "basic_economy" => 0,
        "economy" => 1,
        "business" => 2,
        _ => return None,
    };
    Some(row[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(id: &str, name: &str, args: &Value) -> Value {
        json!({"role": "assistant", "content": null, "tool_calls": [
            {"id": id, "type": "function", "function": {"name": name, "arguments": args.to_string()}}]})
    }

    fn result(id: &str, name: &str, content: &Value) -> Value {
        json!({"role": "tool", "tool_call_id": id, "name": name, "content": content.to_string()})
    }

    fn reservation(created: &str, cabin: &str, flights: &Value) -> Value {
        json!({"reservation_id": "ABC123", "user_id": "ana_1", "cabin": cabin,
               "flights": flights, "passengers": [{"first_name": "A"}, {"first_name": "B"}],
               "created_at": created, "insurance": "no"})
    }

    #[allow(clippy::needless_pass_by_value)] // the tests build it in place
    fn run(traj: Vec<Value>) -> Value {
        json!({"task_id": 7, "trial": 2, "reward": 1.0, "info": {}, "traj": traj})
    }

    fn one(run: &Value, db: Option<&Db>) -> (Value, Vec<ImportWarning>) {
        let mut warnings = Vec::new();
        let line = import_run(run, 1, db, &mut warnings).expect("imported");
        (serde_json::from_str(&line).unwrap(), warnings)
    }

    #[test]
    fn a_cancel_gets_the_facts_the_conversation_showed_before_it() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20"}]);
        let traj = vec![
            json!({"role": "system", "content": "policy"}),
            json!({"role": "user", "content": "Cancel ABC123 please, I'm ana_1."}),
            call("c1", "get_user_details", &json!({"user_id": "ana_1"})),
            result("c1", "get_user_details", &json!({"membership": "silver"})),
            call(
                "c2",
                "get_reservation_details",
                &json!({"reservation_id": "ABC123"}),
            ),
            result(
                "c2",
                "get_reservation_details",
                &reservation("2024-05-14T15:00:00", "economy", &flights),
            ),
            json!({"role": "user", "content": "yes"}),
            call(
                "c3",
                "cancel_reservation",
                &json!({"reservation_id": "ABC123"}),
            ),
        ];
        let (line, warnings) = one(&run(traj), None);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(line["id"], "7/2");
        assert_eq!(line["reward"], 1.0);
        let facts = &line["messages"][7]["facts"];
        assert_eq!(facts["membership"], "silver");
        assert_eq!(facts["cabin"], "economy");
        assert_eq!(facts["insurance"], false);
        assert_eq!(facts["passengers"], 2);
        assert_eq!(facts["booked_hours_ago"], 24.0);
        assert_eq!(facts["free_bags"], 2);
        // The conversation never looked at the flight's status, and there is
        // no database: not guessed.
        assert!(facts.get("flight_status").is_none(), "{facts}");
        assert!(facts.get("segment_flown").is_none(), "{facts}");
        // Only the acting call gets facts.
        assert!(line["messages"][4].get("facts").is_none());
    }

    #[test]
    fn the_database_gives_what_the_conversation_never_looked_at() {
        let mut db = Db::default();
        db.users
            .insert("ana_1".into(), json!({"membership": "gold"}));
        db.reservations.insert(
            "ABC123".into(),
            reservation(
                "2024-05-15T09:30:00",
                "business",
                &json!([{"flight_number": "HAT1", "date": "2024-05-14"},
                        {"flight_number": "HAT2", "date": "2024-05-20"}]),
            ),
        );
        db.flights.insert(
            "HAT1".into(),
            json!({"dates": {"2024-05-14": {"status": "landed"}}}),
        );
        db.flights.insert(
            "HAT2".into(),
            json!({"dates": {"2024-05-20": {"status": "cancelled"}}}),
        );
        let traj = vec![call(
            "c1",
            "cancel_reservation",
            &json!({"reservation_id": "ABC123"}),
        )];
        let (line, _) = one(&run(traj), Some(&db));
        let facts = &line["messages"][0]["facts"];
        assert_eq!(facts["membership"], "gold");
        assert_eq!(facts["booked_hours_ago"], 5.5);
        assert_eq!(facts["flight_status"], "cancelled");
        assert_eq!(facts["segment_flown"], true);
    }

    #[test]
    fn a_certificate_is_for_the_reservation_talked_about() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20"}]);
        let traj = vec![
            call(
                "c1",
                "get_reservation_details",
                &json!({"reservation_id": "ABC123"}),
            ),
            result(
                "c1",
                "get_reservation_details",
                &reservation("2024-05-01T00:00:00", "economy", &flights),
            ),
            call(
                "c2",
                "send_certificate",
                &json!({"user_id": "ana_1", "amount": 100}),
            ),
        ];
        let (line, _) = one(&run(traj), None);
        assert_eq!(line["messages"][2]["facts"]["passengers"], 2);
    }

    #[test]
    fn a_run_without_traj_and_a_bad_call_are_warnings_naming_the_run() {
        let mut warnings = Vec::new();
        assert!(import_run(&json!({"task_id": 3, "trial": 0}), 4, None, &mut warnings).is_none());
        assert_eq!(
            warnings,
            [ImportWarning::NoTraj {
                run: Run {
                    number: 4,
                    id: Some("3/0".into())
                }
            }]
        );
        let traj = vec![
            json!({"role": "assistant", "content": null, "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "cancel_reservation", "arguments": "{not json"}}]}),
            result("c9", "mystery_tool", &json!({})),
        ];
        let (line, warnings) = one(&run(traj), None);
        assert_eq!(
            line["messages"].as_array().unwrap().len(),
            2,
            "kept as written"
        );
        assert!(
            matches!(
                &warnings[..],
                [
                    ImportWarning::BadArguments { at: 0, tool, .. },
                    ImportWarning::UnknownToolResult { at: 1, .. }
                ] if tool == "cancel_reservation"
            ),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_file_that_is_not_an_array_of_runs_is_refused() {
        assert!(matches!(import("{}", None), Err(FileError::NotAnArray)));
        assert!(matches!(import("[1,", None), Err(FileError::NotJson(_))));
        let imported = import("[1, {\"traj\": []}]", None).unwrap();
        assert_eq!(imported.lines.len(), 1);
        assert!(imported.warnings[0].skips_run());
    }

    #[test]
    fn a_cabin_only_change_is_told_from_a_change_of_flights() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20", "price": 100},
                             {"flight_number": "HAT2", "date": "2024-05-21", "price": 90}]);
        let change = |new: &Value| {
            let traj = vec![
                call(
                    "c1",
                    "get_reservation_details",
                    &json!({"reservation_id": "ABC123"}),
                ),
                result(
                    "c1",
                    "get_reservation_details",
                    &reservation("2024-05-01T00:00:00", "basic_economy", &flights),
                ),
                call(
                    "c2",
                    "update_reservation_flights",
                    &json!({"reservation_id": "ABC123", "cabin": "economy", "flights": new,
                            "payment_id": "gift_card_1"}),
                ),
            ];
            let (line, _) = one(&run(traj), None);
            line["messages"][2]["facts"].clone()
        };
        // The same flights, listed in another order and without prices: only
        // the cabin changes.
        let same = change(&json!([{"flight_number": "HAT2", "date": "2024-05-21"},
                                  {"flight_number": "HAT1", "date": "2024-05-20"}]));
        assert_eq!(same["flights_changed"], false, "{same}");
        assert_eq!(same["cabin"], "basic_economy", "the cabin before the call");
        let other_day = change(&json!([{"flight_number": "HAT1", "date": "2024-05-22"},
                                       {"flight_number": "HAT2", "date": "2024-05-23"}]));
        assert_eq!(other_day["flights_changed"], true, "{other_day}");
        let other_flight = change(&json!([{"flight_number": "HAT1", "date": "2024-05-20"},
                                          {"flight_number": "HAT9", "date": "2024-05-21"}]));
        assert_eq!(other_flight["flights_changed"], true, "{other_flight}");
    }

    #[test]
    fn the_user_id_is_given_when_the_user_said_it_not_when_a_lookup_found_it() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20"}]);
        let traj = |said: &str| {
            vec![
                json!({"role": "user", "content": said}),
                call(
                    "c1",
                    "get_reservation_details",
                    &json!({"reservation_id": "ABC123"}),
                ),
                result(
                    "c1",
                    "get_reservation_details",
                    &reservation("2024-05-01T00:00:00", "economy", &flights),
                ),
                json!({"role": "user", "content": "Yes, cancel it. My user id is ANA_1."}),
                call(
                    "c2",
                    "cancel_reservation",
                    &json!({"reservation_id": "ABC123"}),
                ),
            ]
        };
        let mut db = Db::default();
        db.reservations.insert(
            "ABC123".into(),
            reservation("2024-05-01T00:00:00", "economy", &flights),
        );
        // The reservation id alone: the lookup (its owner from the
        // database) comes before the user gave a user id.
        let (line, _) = one(&run(traj("Please cancel ABC123.")), Some(&db));
        assert_eq!(line["messages"][1]["facts"]["user_id_given"], false);
        assert_eq!(
            line["messages"][1]["facts"].as_object().unwrap().len(),
            1,
            "a lookup gets this fact only"
        );
        // Said later (in any case), it counts for the calls after.
        assert_eq!(line["messages"][4]["facts"]["user_id_given"], true);
        let (line, _) = one(&run(traj("I'm ana_1, please cancel ABC123.")), Some(&db));
        assert_eq!(line["messages"][1]["facts"]["user_id_given"], true);
        // Without the database, whose the reservation is is unknown before
        // its details come: not guessed.
        let (line, _) = one(&run(traj("Please cancel ABC123.")), None);
        assert!(line["messages"][1].get("facts").is_none());
    }

    #[test]
    fn a_certificate_knows_whether_the_reservation_was_changed_before_it() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20"}]);
        let traj = |change: &str| {
            vec![
                call(
                    "c1",
                    "get_reservation_details",
                    &json!({"reservation_id": "ABC123"}),
                ),
                result(
                    "c1",
                    "get_reservation_details",
                    &reservation("2024-05-01T00:00:00", "economy", &flights),
                ),
                call(
                    "c2",
                    "update_reservation_flights",
                    &json!({"reservation_id": "ABC123", "cabin": "economy", "flights": flights}),
                ),
                json!({"role": "tool", "tool_call_id": "c2", "name": "update_reservation_flights",
                       "content": change}),
                call(
                    "c3",
                    "send_certificate",
                    &json!({"user_id": "ana_1", "amount": 100}),
                ),
            ]
        };
        let changed = reservation("2024-05-01T00:00:00", "economy", &flights).to_string();
        let (line, _) = one(&run(traj(&changed)), None);
        assert_eq!(line["messages"][4]["facts"]["changed_or_cancelled"], true);
        // A change that failed changed nothing.
        let (line, _) = one(&run(traj("Error: not enough seats")), None);
        assert_eq!(line["messages"][4]["facts"]["changed_or_cancelled"], false);
    }

    #[test]
    fn a_change_of_bags_or_passengers_knows_what_it_takes_away() {
        let flights = json!([{"flight_number": "HAT1", "date": "2024-05-20"}]);
        let mut held = reservation("2024-05-01T00:00:00", "economy", &flights);
        held["total_baggages"] = json!(2);
        let traj = |tool: &str, args: &Value| {
            vec![
                call(
                    "c1",
                    "get_reservation_details",
                    &json!({"reservation_id": "ABC123"}),
                ),
                result("c1", "get_reservation_details", &held),
                call("c2", tool, args),
            ]
        };
        let facts = |tool: &str, args: Value| {
            let (line, _) = one(&run(traj(tool, &args)), None);
            line["messages"][2]["facts"].clone()
        };
        let bags = |n: u32| {
            facts(
                "update_reservation_baggages",
                json!({"reservation_id": "ABC123", "total_baggages": n, "nonfree_baggages": 0}),
            )
        };
        assert_eq!(bags(1)["bags_removed"], true);
        assert_eq!(bags(2)["bags_removed"], false);
        assert_eq!(bags(3)["bags_removed"], false);
        let passengers = |n: usize| {
            facts(
                "update_reservation_passengers",
                json!({"reservation_id": "ABC123", "passengers": vec![json!({"first_name": "X"}); n]}),
            )
        };
        assert_eq!(passengers(2)["passenger_count_changed"], false);
        assert_eq!(passengers(3)["passenger_count_changed"], true);
    }

    #[test]
    fn a_booking_counts_its_payment_methods_and_checks_them_against_the_profile() {
        let traj = vec![
            call("c1", "get_user_details", &json!({"user_id": "ana_1"})),
            result(
                "c1",
                "get_user_details",
                &json!({"membership": "gold", "payment_methods": {
                    "certificate_1": {}, "certificate_2": {}, "gift_card_1": {}}}),
            ),
            call(
                "c2",
                "book_reservation",
                &json!({"user_id": "ana_1", "cabin": "economy", "passengers": [{}],
                        "payment_methods": [{"payment_id": "certificate_1", "amount": 10},
                                            {"payment_id": "certificate_2", "amount": 10},
                                            {"payment_id": "credit_card_9", "amount": 10}]}),
            ),
        ];
        let (line, _) = one(&run(traj), None);
        let facts = &line["messages"][2]["facts"];
        assert_eq!(facts["certificates"], 2);
        assert_eq!(facts["credit_cards"], 1);
        assert_eq!(facts["gift_cards"], 0);
        assert_eq!(facts["payment_in_profile"], false, "credit_card_9 is not");
    }

    #[test]
    fn the_bag_allowance_follows_the_policy_table() {
        assert_eq!(free_bags("regular", "basic_economy"), Some(0));
        assert_eq!(free_bags("silver", "economy"), Some(2));
        assert_eq!(free_bags("gold", "business"), Some(3));
        assert_eq!(free_bags("platinum", "economy"), None);
    }
}
