//! A small fast hasher for the engine's own hash maps and sets (word lists, per-document
//! tables): the multiply-rotate hash of Firefox and rustc ("FxHash"), a few instructions per
//! word where the standard SipHash spends dozens. Not resistant to chosen collisions, which
//! the engine's maps do not need: their keys are lexicon words, indices and a document's own
//! names, and a collision costs time, never a wrong answer.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Fast maps and sets: `FastMap::default()`, `FastSet::default()`.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// The hasher behind [`FastMap`] and [`FastSet`].
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_near_keys_apart() {
        let b = BuildHasherDefault::<FxHasher>::default();
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
