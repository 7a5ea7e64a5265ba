//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};

use super::CheckReport;
use crate::check::Code;
use crate::playbook::Severity;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/ethos-cli/ethos";

/// What must be escaped in a URI reference; letters beyond ASCII are escaped
/// as UTF-8 too, so a Chinese file name stays a valid URI.
const URI: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

pub fn render(report: &CheckReport) -> String {
    let words = report.words();
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.description_in(words) },
                "defaultConfiguration": { "level": level(code.severity()) },
                "helpUri": format!("{INFORMATION_URI}#{}", code.as_str()),
            })
        })
        .collect();
    let results: Vec<Value> = report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f.words, d)))
        .map(|(words, d)| {
            let rule_index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push('\n');
                text.push_str(&words.check_help_line(help));
            }
            // GitHub wants a region on every result; a problem with the whole
            // file is shown at its first line.
            let (line, column) = if d.pos.is_known() {
                (d.pos.line, d.pos.column)
            } else {
                (1, 1)
            };
            json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.file) },
                        "region": { "startLine": line, "startColumn": column },
                    }
                }],
            })
        })
        .collect();
    let document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ethos",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&document).expect("plain data serialises");
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn uri(file: &str) -> String {
    utf8_percent_encode(file, URI).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("playbooks/my hotel.yaml"), "playbooks/my%20hotel.yaml");
        assert_eq!(
            uri("playbooks/酒店.yaml"),
            "playbooks/%E9%85%92%E5%BA%97.yaml"
        );
    }
}
