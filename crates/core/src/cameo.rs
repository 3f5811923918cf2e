//! CAMEO event codes: the quad class a code falls in.
//!
//! Each cue rule names its CAMEO code (`data/cues.toml`); its Goldstein value is the code's
//! in `data/cameo.tsv` (GDELT's table, filled in at build time) and its quad class follows
//! from the code here, so the two cannot disagree with the published scale.
//!
//! Rules (CAMEO-Q):
//! - Q1: root 01 (make public statement) is `neutral`, except its codes with a positive
//!   Goldstein value (empathetic comment 018, express accord 019, deny responsibility 016),
//!   which are verbal cooperation.
//! - Q2: roots 02-05 are verbal cooperation, 06-08 material cooperation, 09-13 verbal
//!   conflict, 14-20 material conflict: GDELT's QuadClass.
//! - Q3: one departure from GDELT, the project's convention (see the domain notes): signing
//!   a formal agreement (057) is material cooperation. A signed treaty or contract is a
//!   deed, the thing the say-versus-do reading weighs against words.

use crate::model::Quad;

/// The root (first two digits) of a CAMEO code, e.g. `"19"` for `"1951"`.
pub fn root(code: &str) -> Option<&str> {
    code.get(..2)
        .filter(|r| r.bytes().all(|b| b.is_ascii_digit()))
}

/// The quad class of a CAMEO code with its Goldstein value; `None` for a code whose root
/// is not 01-20.
pub fn quad_class(code: &str, goldstein: f64) -> Option<Quad> {
    if code == "057" {
        return Some(Quad::MaterialCooperation);
    }
    let root: u8 = root(code)?.parse().ok()?;
    Some(match root {
        1 if goldstein > 0.0 => Quad::VerbalCooperation,
        1 => Quad::Neutral,
        2..=5 => Quad::VerbalCooperation,
        6..=8 => Quad::MaterialCooperation,
        9..=13 => Quad::VerbalConflict,
        14..=20 => Quad::MaterialConflict,
        _ => return None,
    })
}

/// GDELT's QuadClass number (1-4) of a quad; `None` for `neutral`, which GDELT has not.
pub fn gdelt_quad_class(quad: Quad) -> Option<u8> {
    match quad {
        Quad::VerbalCooperation => Some(1),
        Quad::MaterialCooperation => Some(2),
        Quad::VerbalConflict => Some(3),
        Quad::MaterialConflict => Some(4),
        Quad::Neutral => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes_follow_the_root() {
        assert_eq!(quad_class("010", 0.0), Some(Quad::Neutral));
        assert_eq!(quad_class("012", -0.4), Some(Quad::Neutral));
        assert_eq!(quad_class("018", 3.4), Some(Quad::VerbalCooperation));
        assert_eq!(quad_class("0253", -0.3), Some(Quad::VerbalCooperation));
        assert_eq!(quad_class("046", 7.0), Some(Quad::VerbalCooperation));
        assert_eq!(quad_class("057", 8.0), Some(Quad::MaterialCooperation));
        assert_eq!(quad_class("072", 8.3), Some(Quad::MaterialCooperation));
        assert_eq!(quad_class("1053", -5.0), Some(Quad::VerbalConflict));
        assert_eq!(quad_class("138", -7.0), Some(Quad::VerbalConflict));
        assert_eq!(quad_class("161", -4.0), Some(Quad::MaterialConflict));
        assert_eq!(quad_class("1951", -10.0), Some(Quad::MaterialConflict));
        assert_eq!(quad_class("21", 0.0), None);
        assert_eq!(quad_class("x1", 0.0), None);
        assert_eq!(quad_class("", 0.0), None);
    }

    #[test]
    fn roots() {
        assert_eq!(root("1951"), Some("19"));
        assert_eq!(root("13y"), Some("13"));
        assert_eq!(root("7"), None);
    }
}
