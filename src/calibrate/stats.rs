//! Agreement between two raters who each say pass or fail: the 2×2 table,
//! the share of agreement and Cohen's kappa.

use serde::Serialize;

/// How the people's labels and the tool's verdicts fall, line by line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub both_pass: u64,
    /// The human passed it, the tool failed it.
    pub human_pass_tool_fail: u64,
    /// The human failed it, the tool passed it.
    pub human_fail_tool_pass: u64,
    pub both_fail: u64,
}

impl Confusion {
    /// Count one line.
    pub fn add(&mut self, human_pass: bool, tool_pass: bool) {
        match (human_pass, tool_pass) {
            (true, true) => self.both_pass += 1,
            (true, false) => self.human_pass_tool_fail += 1,
            (false, true) => self.human_fail_tool_pass += 1,
            (false, false) => self.both_fail += 1,
        }
    }

    pub fn total(&self) -> u64 {
        self.both_pass + self.human_pass_tool_fail + self.human_fail_tool_pass + self.both_fail
    }

    /// The percentage of lines where both say the same; `None` with no lines.
    pub fn agreement(&self) -> Option<f64> {
        let (agreed, n) = self.agreed_of();
        (n > 0.0).then(|| 100.0 * agreed / n)
    }

    /// Cohen's kappa: agreement beyond what chance would give, from -1 to 1.
    ///
    /// `None` where it is 0/0: no lines, or both raters put every line in
    /// the same one class (chance alone would then agree on all of them, and
    /// there is nothing beyond chance to measure).
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn kappa(&self) -> Option<f64> {
        let (agreed, n) = self.agreed_of();
        if n == 0.0 {
            return None;
        }
        let observed = agreed / n;
        let human_pass = (self.both_pass + self.human_pass_tool_fail) as f64 / n;
        let tool_pass = (self.both_pass + self.human_fail_tool_pass) as f64 / n;
        let chance = human_pass * tool_pass + (1.0 - human_pass) * (1.0 - tool_pass);
        if chance >= 1.0 {
            return None;
        }
        Some((observed - chance) / (1.0 - chance))
    }

    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    fn agreed_of(&self) -> (f64, f64) {
        (
            (self.both_pass + self.both_fail) as f64,
            self.total() as f64,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(both_pass: u64, pass_fail: u64, fail_pass: u64, both_fail: u64) -> Confusion {
        Confusion {
            both_pass,
            human_pass_tool_fail: pass_fail,
            human_fail_tool_pass: fail_pass,
            both_fail,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_textbook_example_has_kappa_0_4() {
        // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, two
        // readers say yes to 20 together, no to 15, and differ on 5 and 10.
        let t = table(20, 5, 10, 15);
        assert!(close(t.agreement().unwrap(), 70.0));
        assert!(close(t.kappa().unwrap(), 0.4));
    }

    #[test]
    fn agreement_below_chance_gives_a_negative_kappa() {
        // Two raters who mostly disagree: observed 0.2, chance 0.5.
        let t = table(1, 4, 4, 1);
        assert!(close(t.kappa().unwrap(), -0.6));
    }

    #[test]
    fn perfect_agreement_on_both_classes_is_kappa_1() {
        let t = table(3, 0, 0, 2);
        assert!(close(t.agreement().unwrap(), 100.0));
        assert!(close(t.kappa().unwrap(), 1.0));
    }

    #[test]
    fn three_of_four_is_75_percent() {
        let t = table(2, 1, 0, 1);
        assert!(close(t.agreement().unwrap(), 75.0));
        // observed 0.75; chance 0.75 * 0.5 + 0.25 * 0.5 = 0.5
        assert!(close(t.kappa().unwrap(), 0.5));
    }

    #[test]
    fn kappa_is_undefined_when_both_say_the_same_one_class_throughout() {
        let t = table(4, 0, 0, 0);
        assert!(close(t.agreement().unwrap(), 100.0));
        assert_eq!(t.kappa(), None);
        assert_eq!(table(0, 0, 0, 3).kappa(), None);
    }

    #[test]
    fn when_only_the_people_use_one_class_kappa_is_zero_however_high_agreement_is() {
        let t = table(9, 1, 0, 0);
        assert!(close(t.agreement().unwrap(), 90.0));
        assert!(close(t.kappa().unwrap(), 0.0));
    }

    #[test]
    fn no_lines_have_no_agreement_and_no_kappa() {
        let t = Confusion::default();
        assert_eq!(t.agreement(), None);
        assert_eq!(t.kappa(), None);
    }
}
