//! Small value types of the format: dates, durations, `may` limits, fact
//! scalars, ordered maps and one-or-many phrase lists. Each parses itself, so a
//! bad value is a `schema` error at the node where it is written.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::reason::{Reason, Shape, ValueError};
use super::spanned::Spanned;

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// Today, in the local time zone.
    pub fn today() -> Date {
        Date(jiff::ZonedDateTime::now().date())
    }
}

impl FromStr for Date {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let valid = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        match s.parse::<jiff::civil::Date>() {
            Ok(d) if valid => Ok(Date(d)),
            _ => Err(ValueError::NotADate { text: s.to_owned() }),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|e: ValueError| Reason::from(e).raise())
    }
}

/// A span of time, written `30s`, `15m`, `2h`, `1d` (or combined: `1h30m`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    pub seconds: u64,
}

impl Duration {
    pub fn from_secs(seconds: u64) -> Self {
        Duration { seconds }
    }
}

impl FromStr for Duration {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let bad = || ValueError::NotADuration { text: s.to_owned() };
        // jiff's "friendly" format is the one people write (`15m`, `1h 30m`);
        // days are taken as 24 hours, months and years are refused.
        let span: jiff::Span = s.trim().parse().map_err(|_| bad())?;
        let seconds = span
            .total((
                jiff::Unit::Second,
                jiff::SpanRelativeTo::days_are_24_hours(),
            ))
            .map_err(|_| bad())?;
        if seconds < 0.0 || seconds.fract() != 0.0 {
            return Err(bad());
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(Duration {
            seconds: seconds as u64,
        })
    }
}

impl fmt::Display for Duration {
    /// The largest whole unit: `5m`, `1h`, `90s`, `1d`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds;
        match s {
            0 => f.write_str("0s"),
            _ if s.is_multiple_of(86_400) => write!(f, "{}d", s / 86_400),
            _ if s.is_multiple_of(3_600) => write!(f, "{}h", s / 3_600),
            _ if s.is_multiple_of(60) => write!(f, "{}m", s / 60),
            _ => write!(f, "{s}s"),
        }
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DurationVisitor;
        impl Visitor<'_> for DurationVisitor {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Duration, f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Duration, E> {
                v.parse().map_err(|e: ValueError| Reason::from(e).raise())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Duration, E> {
                Err(Reason::from(ValueError::NoUnit { number: v }).raise())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Duration, E> {
                Err(Reason::from(ValueError::NegativeDuration { number: v }).raise())
            }
        }
        d.deserialize_any(DurationVisitor)
    }
}

/// An amount of money or units: a finite number, 0 or more. Every amount
/// ethos reads (a choice's `action`, a role's limit, a grade line's `actions`,
/// `validate --action`) is checked here, once, as it is read.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Amount(f64);

impl Default for Amount {
    fn default() -> Amount {
        Amount(0.0)
    }
}

impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

/// Why a value is not an [`Amount`] (worded in `words::errors`).
#[derive(Clone, Debug, PartialEq)]
pub enum AmountError {
    NotANumber(String),
    Negative(f64),
}

impl std::error::Error for AmountError {}

impl From<AmountError> for ValueError {
    fn from(error: AmountError) -> ValueError {
        match error {
            AmountError::NotANumber(text) => ValueError::NotANumber { text },
            AmountError::Negative(value) => ValueError::NegativeAmount {
                amount: format_amount(value),
            },
        }
    }
}

impl Amount {
    pub fn new(value: f64) -> Result<Amount, AmountError> {
        if value.is_finite() && value >= 0.0 {
            Ok(Amount(value))
        } else {
            Err(AmountError::Negative(value))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl std::str::FromStr for Amount {
    type Err = AmountError;
    fn from_str(text: &str) -> Result<Amount, AmountError> {
        let value: f64 = text
            .trim()
            .parse()
            .map_err(|_| AmountError::NotANumber(text.trim().to_owned()))?;
        Amount::new(value)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(d)?;
        // Also read from a graded JSON line, where the reason's words show.
        Amount::new(value).map_err(|e| Reason::from(ValueError::from(e)).raise())
    }
}

/// A choice's `action: {ACTION: AMOUNT}`, each amount checked as it is read
/// (the error stands at the amount).
pub fn checked_amounts<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Spanned<SpannedMap<String, f64>>>, D::Error> {
    let read: Option<Spanned<SpannedMap<String, Amount>>> = Option::deserialize(d)?;
    Ok(read.map(|map| Spanned {
        pos: map.pos,
        value: SpannedMap {
            entries: map
                .value
                .entries
                .into_iter()
                .map(|(key, amount)| {
                    (
                        key,
                        Spanned {
                            pos: amount.pos,
                            value: amount.value.get(),
                        },
                    )
                })
                .collect(),
        },
    }))
}

/// The most a role may grant on its own: an amount, or `yes` for no limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    Amount(f64),
    Unlimited,
}

impl Limit {
    /// Whether the limit allows `amount` (limits are inclusive).
    pub fn allows(self, amount: f64) -> bool {
        match self {
            Limit::Amount(l) => amount <= l,
            Limit::Unlimited => true,
        }
    }

    /// Ordering on the ladder: is `self` strictly less than `other`?
    pub fn is_less_than(self, other: Limit) -> bool {
        match (self, other) {
            (Limit::Amount(a), Limit::Amount(b)) => a < b,
            (Limit::Amount(_), Limit::Unlimited) => true,
            (Limit::Unlimited, _) => false,
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LimitVisitor)
    }
}

/// Reads a limit; grants (`playbook::grant`) read their plain form with it.
pub(super) struct LimitVisitor;
impl Visitor<'_> for LimitVisitor {
    type Value = Limit;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Shape::Limit, f)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Limit, E> {
        if v {
            Ok(Limit::Unlimited)
        } else {
            Err(Reason::from(ValueError::LimitNo).raise())
        }
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Limit, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Limit::Amount(v as f64))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Limit, E> {
        #[allow(clippy::cast_precision_loss)]
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Limit, E> {
        Amount::new(v).map(|a| Limit::Amount(a.get())).map_err(|_| {
            Reason::from(if v < 0.0 && v.is_finite() {
                ValueError::NegativeLimit {
                    amount: format_amount(v),
                }
            } else {
                ValueError::NotALimit {
                    number: v.to_string(),
                }
            })
            .raise()
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Limit, E> {
        match v {
            "yes" | "unlimited" => Ok(Limit::Unlimited),
            _ => Err(Reason::from(ValueError::NotALimitText { text: v.to_owned() }).raise()),
        }
    }
}

/// A fact's value: the scalars YAML has.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    /// Equality as a manager means it: `3` equals `3.0`.
    pub fn same_as(&self, other: &Scalar) -> bool {
        match (self, other) {
            #[allow(clippy::cast_precision_loss)]
            (Scalar::Int(a), Scalar::Float(b)) | (Scalar::Float(b), Scalar::Int(a)) => {
                *a as f64 == *b
            }
            _ => self == other,
        }
    }

    /// The value as a number, if it is one.
    #[allow(clippy::cast_precision_loss)]
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Scalar::Int(i) => Some(*i as f64),
            Scalar::Float(x) => Some(*x),
            Scalar::Bool(_) | Scalar::Text(_) => None,
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => b.fmt(f),
            Scalar::Int(i) => i.fmt(f),
            Scalar::Float(x) => x.fmt(f),
            Scalar::Text(s) => s.fmt(f),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Scalar, f)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v).map(Scalar::Int).map_err(|_| {
                    Reason::from(ValueError::TooLarge {
                        number: v.to_string(),
                    })
                    .raise()
                })
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
        }
        d.deserialize_any(ScalarVisitor)
    }
}

/// A YAML map that keeps its order and the position of every key and value.
#[derive(Debug)]
pub struct SpannedMap<K, V> {
    pub entries: Vec<(Spanned<K>, Spanned<V>)>,
}

impl<K, V> Default for SpannedMap<K, V> {
    fn default() -> Self {
        SpannedMap {
            entries: Vec::new(),
        }
    }
}

impl<V> SpannedMap<String, V> {
    pub fn get(&self, key: &str) -> Option<&Spanned<V>> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == key)
            .map(|(_, v)| v)
    }
}

impl<K, V> SpannedMap<K, V> {
    pub fn iter(&self) -> impl Iterator<Item = &(Spanned<K>, Spanned<V>)> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SpannedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = SpannedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Map, f)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<K>>()? {
                    entries.push((key, map.next_value::<Spanned<V>>()?));
                }
                Ok(SpannedMap { entries })
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A list of texts, or one text standing for a list of one
/// (`customer_says: hurt` reads as `[hurt]`).
#[derive(Debug, Default)]
pub struct Texts(pub Vec<Spanned<String>>);

impl Texts {
    pub fn iter(&self) -> impl Iterator<Item = &Spanned<String>> {
        self.0.iter()
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextsVisitor;
        impl<'de> Visitor<'de> for TextsVisitor {
            type Value = Texts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&Shape::Texts, f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Texts, E> {
                Ok(Texts(vec![Spanned::unplaced(v.to_owned())]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<String>>()? {
                    items.push(item);
                }
                Ok(Texts(items))
            }
        }
        d.deserialize_any(TextsVisitor)
    }
}

/// An amount as a person writes it: `30`, `2.5`.
pub fn format_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_a_finite_number_of_0_or_more() {
        assert_eq!("12.5".parse::<Amount>().map(Amount::get), Ok(12.5));
        assert_eq!(" 0 ".parse::<Amount>().map(Amount::get), Ok(0.0));
        assert_eq!("-3".parse::<Amount>(), Err(AmountError::Negative(-3.0)));
        assert!(matches!("ten".parse::<Amount>(), Err(AmountError::NotANumber(t)) if t == "ten"));
        assert!(Amount::new(f64::INFINITY).is_err());
        assert!(Amount::new(f64::NAN).is_err());
    }

    #[test]
    fn durations_are_a_number_and_a_unit() {
        let secs = |s: &str| s.parse::<Duration>().map(|d| d.seconds);
        assert_eq!(secs("30s"), Ok(30));
        assert_eq!(secs("15m"), Ok(900));
        assert_eq!(secs("2h"), Ok(7_200));
        assert_eq!(secs("1d"), Ok(86_400));
        assert_eq!(secs("1h30m"), Ok(5_400));
        assert!(secs("5").is_err(), "a bare number has no unit");
        assert!(secs("-5m").is_err(), "a wait cannot be negative");
        assert!(secs("2mo").is_err(), "months have no fixed length");
        assert_eq!(
            secs("soon"),
            Err(ValueError::NotADuration {
                text: "soon".into()
            })
        );
    }

    #[test]
    fn durations_print_in_their_largest_whole_unit() {
        let show = |s: u64| Duration::from_secs(s).to_string();
        assert_eq!(show(300), "5m");
        assert_eq!(show(3_600), "1h");
        assert_eq!(show(90), "90s");
        assert_eq!(show(172_800), "2d");
    }

    #[test]
    fn dates_are_iso_and_real() {
        assert!("2027-05-01".parse::<Date>().is_ok());
        assert!("2027-13-45".parse::<Date>().is_err());
        assert!("2027-5-1".parse::<Date>().is_err(), "always YYYY-MM-DD");
    }

    #[test]
    fn limits_are_inclusive_and_yes_is_unlimited() {
        assert!(Limit::Amount(30.0).allows(30.0));
        assert!(!Limit::Amount(30.0).allows(30.01));
        assert!(Limit::Unlimited.allows(1e12));
        assert!(Limit::Amount(30.0).is_less_than(Limit::Unlimited));
        assert!(!Limit::Unlimited.is_less_than(Limit::Amount(30.0)));
    }

    #[test]
    fn facts_compare_as_managers_mean_them() {
        assert!(Scalar::Int(3).same_as(&Scalar::Float(3.0)));
        assert!(!Scalar::Text("3".into()).same_as(&Scalar::Int(3)));
    }

    #[test]
    fn amounts_print_without_needless_decimals() {
        assert_eq!(format_amount(30.0), "30");
        assert_eq!(format_amount(2.5), "2.5");
    }
}
