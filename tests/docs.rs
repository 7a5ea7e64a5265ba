//! The reference in `docs/` is the project's own (issue 11, item 11: the README
//! linked `../shared/spec`, which a clone does not have). These tests keep it in
//! step with the code: every diagnostic code, every top-level playbook field,
//! every subcommand and each of its long flags is documented, and every link
//! of the README and the docs resolves inside the repository.

use std::path::Path;

use clap::CommandFactory;
use ethos::check::Code;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text of a Markdown section: from its heading to the next heading of the
/// same or a higher level.
fn section<'d>(doc: &'d str, heading: &str) -> &'d str {
    let start = doc
        .find(heading)
        .unwrap_or_else(|| panic!("no heading `{heading}`"));
    let level = heading.chars().take_while(|&c| c == '#').count();
    let body = &doc[start + heading.len()..];
    let end = body
        .match_indices("\n#")
        .find(|(i, _)| {
            let rest = &body[i + 1..];
            let hashes = rest.chars().take_while(|&c| c == '#').count();
            hashes <= level && rest[hashes..].starts_with(' ')
        })
        .map_or(body.len(), |(i, _)| i);
    &body[..end]
}

#[test]
fn every_code_has_a_section_with_its_severity_in_docs_diagnostics() {
    let doc = read("docs/diagnostics.md");
    for code in Code::ALL {
        let heading = format!("\n## `{}`\n", code.as_str());
        let body = section(&doc, &heading);
        assert!(
            body.contains(&format!("**Severity:** {}", code.severity())),
            "docs/diagnostics.md: `{}` lacks its severity",
            code.as_str()
        );
        assert!(
            body.contains("```console"),
            "`{}` has no example",
            code.as_str()
        );
        assert!(
            body.contains("**How to fix:**"),
            "`{}` says no fix",
            code.as_str()
        );
        let row = format!("| [`{0}`](#{0}) | {1} |", code.as_str(), code.severity());
        assert!(doc.contains(&row), "the table lacks `{row}`");
    }
    // Added by the matcher's limits (issue 11, item 4).
    assert!(doc.contains("\n## `phrase-too-long`\n"));
}

#[test]
fn every_top_level_field_is_in_the_top_level_table_of_docs_playbook() {
    let schema: serde_json::Value =
        serde_json::from_str(&read("schema/playbook.schema.json")).unwrap();
    let doc = read("docs/playbook.md");
    let table = section(&doc, "\n## Top level");
    let fields = schema["properties"].as_object().unwrap();
    assert!(fields.len() >= 10, "{fields:?}");
    for field in fields.keys() {
        assert!(
            table.contains(&format!("`{field}`")),
            "docs/playbook.md's top level table lacks `{field}`"
        );
    }
}

#[test]
fn every_subcommand_and_each_of_its_long_flags_is_in_docs_cli() {
    let doc = read("docs/cli.md");
    let cli = ethos::cli::Cli::command();
    for command in cli.get_subcommands() {
        let name = command.get_name();
        let heading = format!("\n## `ethos {name}");
        let body = section(&doc, &heading);
        for arg in command.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if matches!(long, "help" | "version") {
                continue;
            }
            assert!(
                body.contains(&format!("`--{long}")),
                "docs/cli.md: `ethos {name}` lacks `--{long}`"
            );
        }
    }
}

/// Relative links (`[text](path)` and `[text](path#anchor)`) in a Markdown file.
fn relative_links(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(i, _)| {
            let rest = &text[i + 2..];
            let link = &rest[..rest.find(')')?];
            let target = link.split('#').next().unwrap_or_default();
            (!target.is_empty() && !target.contains("://")).then(|| target.to_owned())
        })
        .collect()
}

#[test]
fn the_readme_and_the_docs_link_only_to_files_of_the_repository() {
    for file in [
        "README.md",
        "docs/playbook.md",
        "docs/cli.md",
        "docs/diagnostics.md",
    ] {
        let text = read(file);
        assert!(
            !text.contains("../shared"),
            "{file} links outside the repository"
        );
        let dir = Path::new(file).parent().unwrap();
        for link in relative_links(&text) {
            assert!(
                dir.join(&link).exists(),
                "{file} links to `{link}`, which does not exist"
            );
        }
    }
    let readme = read("README.md");
    for doc in ["docs/playbook.md", "docs/cli.md", "docs/diagnostics.md"] {
        assert!(
            readme.contains(&format!("]({doc})")),
            "README does not link {doc}"
        );
    }
}

/// Issue 11, item 11: the README named the wrong `init` path and said render
/// has no `--today`.
#[test]
fn the_readme_names_what_the_binary_does() {
    let readme = read("README.md");
    assert!(!readme.contains("has no `--today`"));
    assert!(!readme.contains("(`playbooks/starter/starter.yaml`)"));
    let init = ethos::cli::Cli::command()
        .find_subcommand_mut("init")
        .unwrap()
        .render_long_help()
        .to_string();
    assert!(init.contains("./playbook.yaml"), "{init}");
    assert!(readme.contains("`./playbook.yaml`"));
}
