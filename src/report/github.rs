//! `--format github`: workflow commands that GitHub Actions turns into
//! annotations on the pull request.

use std::fmt::Write;

use super::CheckReport;
use crate::playbook::Severity;

pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    for (file, d) in report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
    {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = vec![property("file", &d.file)];
        if d.pos.is_known() {
            properties.push(property("line", &d.pos.line.to_string()));
            properties.push(property("col", &d.pos.column.to_string()));
        }
        // The annotation's title is the tool and the code, in every language.
        properties.push(property("title", &["ethos ", d.code.as_str()].concat()));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(&file.words.check_help_line(help));
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        );
    }
    let counts = report.counts();
    out.push_str(
        &report
            .words()
            .check_summary_short((counts.errors, counts.warnings), report.files.len()),
    );
    out.push('\n');
    out
}

/// One `NAME=VALUE` property of a workflow command (its names are the
/// protocol's, not words for people), the value escaped.
fn property(name: &str, value: &str) -> String {
    [name, "=", &escape_property(value)].concat()
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
