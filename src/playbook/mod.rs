//! The playbook: its model, where each part came from, and loading it.

pub mod bundled;
pub mod condition;
pub mod discover;
mod events;
pub mod grant;
mod hints;
pub mod load;
pub mod model;
mod node;
pub mod packs;
pub mod procedure;
pub mod reason;
pub mod schema;
pub mod source;
pub mod spanned;
pub mod starter;
pub mod values;

pub use condition::*;
pub use grant::{Grant, Grants};
pub use load::{LoadError, LoadErrorKind};
pub use model::*;
pub use procedure::{Procedure, ProcedureExamples, Require, TurnShape};
pub use reason::{Counts, Found, Help, Reason, Shape, ValueError};
pub use source::Source;
pub use spanned::{Pos, Spanned};
pub use values::{
    Amount, AmountError, Date, Duration, Limit, Scalar, SpannedMap, Texts, format_amount,
};
