//! Every sentence a user reads comes from the wording layer (`src/words/`,
//! `locales/`). This test reads the other modules' format strings
//! (`format!`, `println!`, `write!`, … `bail!`/`anyhow!`, and thiserror's
//! `#[error("…")]`) and counts those
//! that hold words once placeholders, markup and `code` are taken out: ids,
//! numbers and punctuation may be built in code, words may not.
//!
//! `NOT_YET` held, per file, the words issue 13 had still to move out; it is
//! empty, and a file that needs an exception must say why beside it.

use std::collections::BTreeMap;
use std::path::Path;

use regex::Regex;

/// Files that still build words in code, and how many format strings.
const NOT_YET: &[(&str, usize)] = &[];

/// The format strings of `code` that contain words, before its tests.
fn worded_format_strings(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let call = Regex::new(
        r#"(?:\b(?:format|println|print|eprintln|eprint|write|writeln|bail|anyhow|panic)!\(\s*(?:[a-z_&.()]+,\s*)?|#\[error\(\s*)"((?:[^"\\]|\\.)*)""#,
    )
    .unwrap();
    let placeholder = Regex::new(r"\{[^}]*\}|<[^>]*>|`[^`]*`").unwrap();
    let word = Regex::new(r"[A-Za-z]{2,}|\p{Han}").unwrap();
    call.captures_iter(code)
        .map(|c| c[1].to_owned())
        .filter(|literal| word.is_match(&placeholder.replace_all(literal, "")))
        .collect()
}

#[test]
fn words_are_built_only_in_the_wording_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let ceilings: BTreeMap<&str, usize> = NOT_YET.iter().copied().collect();
    let mut over = Vec::new();
    let mut lower = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.starts_with(src.join("words")) {
            continue;
        }
        let name = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let found = worded_format_strings(&std::fs::read_to_string(path).unwrap());
        let ceiling = ceilings.get(name.as_str()).copied().unwrap_or(0);
        if found.len() > ceiling {
            over.push(format!(
                "src/{name}: {} worded format strings (at most {ceiling}): {found:?}",
                found.len()
            ));
        } else if found.len() < ceiling {
            lower.push(format!(
                "src/{name}: {} now, NOT_YET says {ceiling}",
                found.len()
            ));
        }
    }
    assert!(
        over.is_empty(),
        "words built outside src/words (move them to locales/):\n{}",
        over.join("\n")
    );
    assert!(
        lower.is_empty(),
        "fewer worded strings than NOT_YET allows: lower the ceiling\n{}",
        lower.join("\n")
    );
}
