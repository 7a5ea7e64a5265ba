//! Tables for people (comfy-table), styled one way across commands.

use comfy_table::{ContentArrangement, Table, presets};

/// A table with this header. `width` fixes the width (output that is not a
/// terminal, snapshots); `None` fits the terminal.
pub fn table<S: AsRef<str>>(header: &[S], width: Option<u16>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(AsRef::as_ref).collect::<Vec<&str>>());
    if let Some(width) = width {
        table.set_width(width).force_no_tty();
    }
    table
}

/// The width tables get: the terminal's when stdout is one, else 100 columns
/// so that piped and tested output is stable.
pub fn width_for_stdout() -> Option<u16> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        None
    } else {
        Some(100)
    }
}
