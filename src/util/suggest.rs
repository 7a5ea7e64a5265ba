//! "Did you mean …?" for misspelt ids.

/// The candidate closest to `wrong`, if it is close enough to be a typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let allowed = (wrong.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// A help line for an id that names nothing: the likely typo, or what exists.
pub fn unknown_id_help<'a>(
    wrong: &str,
    kind: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<String> {
    if let Some(best) = closest(wrong, candidates.clone()) {
        return Some(format!("did you mean `{best}`?"));
    }
    let mut all: Vec<String> = Vec::new();
    for c in candidates {
        let quoted = format!("`{c}`");
        if !all.contains(&quoted) {
            all.push(quoted);
        }
    }
    if all.is_empty() {
        Some(format!("this playbook defines no {kind}s"))
    } else {
        Some(format!("the {kind}s are {}", all.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_letter_typo_is_suggested() {
        assert_eq!(closest("welcom", ["welcome", "farewell"]), Some("welcome"));
        assert_eq!(
            closest("fairwell", ["welcome", "farewell"]),
            Some("farewell")
        );
    }

    #[test]
    fn an_unrelated_word_is_not_suggested() {
        assert_eq!(closest("refund", ["welcome", "farewell"]), None);
    }

    #[test]
    fn without_a_near_miss_the_help_lists_what_exists() {
        let help = unknown_id_help("zzz", "step", ["welcome", "resolve"]).unwrap();
        assert_eq!(help, "the steps are `welcome`, `resolve`");
    }
}
