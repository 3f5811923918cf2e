//! The engine's own hash maps and sets (word lists, per-document tables), on the fast
//! non-cryptographic hasher of rustc ([`rustc_hash::FxHasher`]): a few instructions per word
//! where the standard SipHash spends dozens. Not resistant to chosen collisions, which the
//! engine's maps do not need: their keys are lexicon words, indices and a document's own
//! names, and a collision costs time, never a wrong answer. Nothing the engine writes out
//! depends on the order these maps iterate in.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

/// Fast maps and sets: `FastMap::default()`, `FastSet::default()`.
pub(crate) type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub(crate) type FastSet<T> = HashSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_near_keys_apart() {
        let b = FxBuildHasher;
        assert_eq!(b.hash_one("russia"), b.hash_one(String::from("russia")));
        let words = [
            "", "a", "a\0", "ab", "ba", "russia", "russian", "russians", "the",
        ];
        for (i, x) in words.iter().enumerate() {
            for y in &words[i + 1..] {
                assert_ne!(b.hash_one(x), b.hash_one(y), "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn maps_work_as_maps() {
        let mut m: FastMap<String, usize> = FastMap::default();
        for (i, w) in ["iran", "russia", "turkey"].iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("russia"), Some(&1));
        assert_eq!(m.get("russ"), None);
        let s: FastSet<usize> = (0..1000).collect();
        assert!(s.contains(&999) && !s.contains(&1000));
    }
}
