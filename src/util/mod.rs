//! Small pieces every layer may use and that depend on no other module of
//! the crate: did-you-mean for misspelt ids, and writing files atomically.

mod path;
pub mod suggest;
pub mod write;

pub use path::display_path;
