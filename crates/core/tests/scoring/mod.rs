//! Precision, recall and F1 from counts, shared by the gold evaluations of the actor
//! matcher (tests/actors_eval) and the relation coder (tests/relations_support).
//!
//! Convention at the edges: precision is 1.0 when nothing was predicted (no false
//! positive was made) and recall is 1.0 when the gold holds nothing (nothing was
//! missed); F1 is 0.0 when both are 0.0. So an empty prediction against a non-empty
//! gold scores P 1.0, R 0.0, F1 0.0, and an empty prediction against an empty gold
//! scores 1.0 throughout.

/// Counts at one level of matching.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Predicted items that match a gold item.
    pub tp: usize,
    /// Items predicted.
    pub predicted: usize,
    /// Items in the gold.
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio_or_one(self.tp, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio_or_one(self.tp, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another level's counts (documents summed into a corpus).
    #[allow(dead_code)] // used by the actor evaluation only
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio_or_one(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
            self.precision(),
            self.tp,
            self.predicted,
            self.recall(),
            self.tp,
            self.gold,
            self.f1()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Prf;

    #[test]
    fn edge_cases_follow_the_stated_convention() {
        let nothing_predicted = Prf {
            tp: 0,
            predicted: 0,
            gold: 4,
        };
        assert_eq!(
            (
                nothing_predicted.precision(),
                nothing_predicted.recall(),
                nothing_predicted.f1()
            ),
            (1.0, 0.0, 0.0)
        );
        let both_empty = Prf::default();
        assert_eq!(both_empty.f1(), 1.0);
        let half = Prf {
            tp: 1,
            predicted: 2,
            gold: 2,
        };
        assert_eq!(
            (half.precision(), half.recall(), half.f1()),
            (0.5, 0.5, 0.5)
        );
    }
}
