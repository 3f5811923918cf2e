//! One shared stable sort for the engine and the page, for the size of the wasm: std's
//! `sort_by` is compiled anew for every element type and comparator (about 4 KB of wasm
//! each), while [`sort_by`] costs a call site two small functions (compare two elements,
//! swap two elements) behind one non-generic merge sort of indices.
//!
//! | id | rule |
//! |---|---|
//! | SORT-STABLE | elements that compare equal keep their order, as with `slice::sort_by` |
//! | SORT-SMALL | up to [`SMALL`] elements: insertion sort in place, no allocation |
//! | SORT-SORTED | input already in order: checked with `len - 1` comparisons, no allocation |
//! | SORT-MERGE | otherwise: one allocation of `2 * len` indices, runs of [`SMALL`] sorted by insertion, then merged bottom-up, then the slice is permuted in place by swaps |
//!
//! The result is the one `slice::sort_by` gives for any comparator that is a total order
//! (a stable sort's result is unique); with one that is not, the order is unspecified and
//! nothing panics. It is slower than std's sort on large inputs (an indirect comparison per
//! step); the engine's sorts are of a sentence's or a document's items.
//!
//! ```
//! let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
//! entente_core::sort::sort_by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
//! ```

use std::cmp::Ordering;

/// The longest slice sorted by insertion (SORT-SMALL), and the length of the runs the
/// merge sort starts from (SORT-MERGE).
pub const SMALL: usize = 20;

/// Sorts `v` stably by `compare`: the result of `v.sort_by(compare)` (SORT-STABLE).
pub fn sort_by<T, F: FnMut(&T, &T) -> Ordering>(v: &mut [T], compare: F) {
    sort_dyn(&mut By { v, compare });
}

/// Sorts `v` stably by the key `key` gives: the result of `v.sort_by_key(key)`. The key is
/// computed twice per comparison, as there.
pub fn sort_by_key<T, K: Ord, F: FnMut(&T) -> K>(v: &mut [T], mut key: F) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order: the result of `v.sort()` (and of `v.sort_unstable()`
/// where equal elements cannot be told apart).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// What the non-generic sort needs of a slice: its length, an order and a swap.
trait Permute {
    fn len(&self) -> usize;
    /// Whether the element at `i` must come before the one at `j` (strictly).
    fn less(&mut self, i: usize, j: usize) -> bool;
    fn swap(&mut self, i: usize, j: usize);
}

struct By<'a, T, F> {
    v: &'a mut [T],
    compare: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Permute for By<'_, T, F> {
    fn len(&self) -> usize {
        self.v.len()
    }
    fn less(&mut self, i: usize, j: usize) -> bool {
        (self.compare)(&self.v[i], &self.v[j]) == Ordering::Less
    }
    fn swap(&mut self, i: usize, j: usize) {
        self.v.swap(i, j);
    }
}

/// The one compiled sort: SORT-SMALL, SORT-SORTED, SORT-MERGE.
#[inline(never)]
fn sort_dyn(s: &mut dyn Permute) {
    let n = s.len();
    if n <= SMALL {
        // SORT-SMALL: each element moves left past the ones strictly greater than it.
        for i in 1..n {
            let mut j = i;
            while j > 0 && s.less(j, j - 1) {
                s.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    // SORT-SORTED
    if (1..n).all(|i| !s.less(i, i - 1)) {
        return;
    }
    // SORT-MERGE: `order[k]` is the position in `s` of the element that goes to `k`.
    let mut buf = vec![0usize; 2 * n];
    let (mut order, mut other) = buf.split_at_mut(n);
    for (k, o) in order.iter_mut().enumerate() {
        *o = k;
    }
    for run in order.chunks_mut(SMALL) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && s.less(x, run[j - 1]) {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    let mut width = SMALL;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(
                s,
                &order[start..mid],
                &order[mid..end],
                &mut other[start..end],
            );
        }
        std::mem::swap(&mut order, &mut other);
        width *= 2;
    }
    permute(s, order);
}

/// Merges the sorted runs `left` and `right` into `out`; on a tie, `left` first
/// (SORT-STABLE).
fn merge(s: &mut dyn Permute, left: &[usize], right: &[usize], out: &mut [usize]) {
    let (mut i, mut j) = (0, 0);
    for o in out {
        if j < right.len() && (i == left.len() || s.less(right[j], left[i])) {
            *o = right[j];
            j += 1;
        } else {
            *o = left[i];
            i += 1;
        }
    }
}

/// Moves the element at `order[k]` to `k` for every `k`, by swaps along each cycle of the
/// permutation; `order` is used up (each done position is marked as a fixed point).
fn permute(s: &mut dyn Permute, order: &mut [usize]) {
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = k;
            if from == start || from == k {
                break;
            }
            s.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, input); each is sorted by its first field and compared with std's `sort_by`,
    /// the second field telling equal keys apart (SORT-STABLE).
    fn cases() -> Vec<(&'static str, Vec<(u8, usize)>)> {
        let tag = |keys: &[u8]| keys.iter().copied().zip(0..).collect::<Vec<_>>();
        let long = |n: usize, f: fn(usize) -> u8| (0..n).map(f).zip(0..).collect::<Vec<_>>();
        vec![
            ("empty", vec![]),
            ("one element", tag(&[7])),
            ("two in order", tag(&[1, 2])),
            ("two reversed", tag(&[2, 1])),
            ("two equal", tag(&[5, 5])),
            ("small, shuffled", tag(&[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])),
            ("small, all equal", tag(&[4; SMALL])),
            (
                "one past small, reversed",
                long(SMALL + 1, |i| (SMALL - i) as u8),
            ),
            ("already sorted", long(1000, |i| (i / 4) as u8)),
            ("reverse", long(1000, |i| (255 - i / 4) as u8)),
            ("many equal keys", long(1000, |i| (i * 7 % 3) as u8)),
            ("all equal", long(333, |_| 9)),
            ("sawtooth", long(517, |i| (i % 37) as u8)),
            (
                "sorted but the last",
                long(300, |i| if i == 299 { 0 } else { i as u8 }),
            ),
        ]
    }

    #[test]
    fn sort_by_is_std_sort_by() {
        for (name, input) in cases() {
            let mut want = input.clone();
            want.sort_by_key(|p| p.0);
            let mut got = input.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "{name}");
            let mut got = input;
            sort_by_key(&mut got, |p| p.0);
            assert_eq!(got, want, "{name}, by key");
        }
    }

    #[test]
    fn sort_is_std_sort() {
        for (name, input) in cases() {
            let mut want: Vec<u8> = input.iter().map(|p| p.0).collect();
            let mut got = want.clone();
            want.sort();
            sort(&mut got);
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn reverse_comparator_keeps_ties_in_order() {
        let mut v = [(1, 'a'), (2, 'b'), (1, 'c'), (2, 'd')];
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(2, 'b'), (2, 'd'), (1, 'a'), (1, 'c')]);
    }

    #[test]
    fn inconsistent_comparator_does_not_panic_and_keeps_the_elements() {
        let mut calls = 0u32;
        let mut v: Vec<u32> = (0..200).collect();
        sort_by(&mut v, |_, _| {
            calls += 1;
            [Ordering::Less, Ordering::Greater, Ordering::Equal][calls as usize % 3]
        });
        v.sort();
        assert_eq!(v, (0..200).collect::<Vec<_>>());
    }
}
