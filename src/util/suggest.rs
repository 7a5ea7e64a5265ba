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
}
