//! `--format github`: workflow commands that GitHub Actions turns into
//! annotations on the pull request.

use std::fmt::Write;

use super::{CheckReport, counts_in_words};
use crate::playbook::Severity;

pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    for d in report.diagnostics() {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = vec![format!("file={}", escape_property(&d.file))];
        if d.pos.is_known() {
            properties.push(format!("line={}", d.pos.line));
            properties.push(format!("col={}", d.pos.column));
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("ethos {}", d.code))
        ));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        );
    }
    let _ = writeln!(
        out,
        "ethos check: {} in {} file{}",
        counts_in_words(report.counts()),
        report.files.len(),
        if report.files.len() == 1 { "" } else { "s" }
    );
    out
}

/// Escaping of a command's message, as the Actions toolkit does it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a property value: the message escapes, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_escapes_percent_and_line_breaks() {
        assert_eq!(escape_data("100%\r\nnext"), "100%25%0D%0Anext");
    }

    #[test]
    fn property_escapes_colon_and_comma_too() {
        assert_eq!(escape_property("bundled:a,b.yaml"), "bundled%3Aa%2Cb.yaml");
    }
}
