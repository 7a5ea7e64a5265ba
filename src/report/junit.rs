//! `--format junit`: `JUnit` XML with a test case per file, for CI systems that
//! show test results (GitLab, Jenkins, Azure).

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{CheckReport, CheckedFile, counts_in_words};
use crate::check::Counts;

pub fn render(report: &CheckReport) -> String {
    let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    write_report(&mut writer, report).expect("writing to memory cannot fail");
    let mut text = String::from_utf8(writer.into_inner().into_inner()).expect("we wrote UTF-8");
    text.push('\n');
    text
}

fn write_report(w: &mut Writer<Cursor<Vec<u8>>>, report: &CheckReport) -> std::io::Result<()> {
    let failing: Vec<&CheckedFile> = report
        .files
        .iter()
        .filter(|f| f.diagnostics.iter().any(|d| report.fails(d.severity)))
        .collect();
    let tests = report.files.len().to_string();
    let failures = failing.len().to_string();

    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut suites = BytesStart::new("testsuites");
    suites.push_attribute(("name", "ethos check"));
    suites.push_attribute(("tests", tests.as_str()));
    suites.push_attribute(("failures", failures.as_str()));
    w.write_event(Event::Start(suites))?;
    let mut suite = BytesStart::new("testsuite");
    suite.push_attribute(("name", "ethos check"));
    suite.push_attribute(("tests", tests.as_str()));
    suite.push_attribute(("failures", failures.as_str()));
    suite.push_attribute(("errors", "0"));
    w.write_event(Event::Start(suite))?;

    for file in &report.files {
        let mut case = BytesStart::new("testcase");
        case.push_attribute(("name", file.source.name.as_str()));
        case.push_attribute(("classname", "ethos.check"));
        if file.diagnostics.is_empty() {
            w.write_event(Event::Empty(case))?;
            continue;
        }
        w.write_event(Event::Start(case))?;
        let counts = Counts::of(&file.diagnostics);
        let words = file.words;
        let listing = file
            .diagnostics
            .iter()
            .map(|d| {
                let place = if d.pos.is_known() {
                    format!("{}:{}:{}", d.file, d.pos.line, d.pos.column)
                } else {
                    d.file.clone()
                };
                let help = d
                    .help
                    .as_ref()
                    .map(|h| format!("\n  {}", words.check_help_line(h)))
                    .unwrap_or_default();
                let level = words.check_level(d.severity);
                format!("{place}: {level}[{}]: {}{help}", d.code, d.message)
            })
            .collect::<Vec<_>>()
            .join("\n");
        if failing.iter().any(|f| std::ptr::eq(*f, file)) {
            let mut failure = BytesStart::new("failure");
            let message = counts_in_words(words, counts);
            failure.push_attribute(("message", message.as_str()));
            failure.push_attribute(("type", "ethos check"));
            w.write_event(Event::Start(failure))?;
            w.write_event(Event::Text(BytesText::new(&listing)))?;
            w.write_event(Event::End(BytesEnd::new("failure")))?;
        } else {
            // Warnings that do not fail the run are kept visible, not hidden.
            w.write_event(Event::Start(BytesStart::new("system-out")))?;
            w.write_event(Event::Text(BytesText::new(&listing)))?;
            w.write_event(Event::End(BytesEnd::new("system-out")))?;
        }
        w.write_event(Event::End(BytesEnd::new("testcase")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    Ok(())
}
