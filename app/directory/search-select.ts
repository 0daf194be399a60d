/**
 * Puts the k smallest numbers of an array first, unordered (quickselect, Hoare partition with a
 * median-of-three pivot), so a results page only needs its own 20 keys sorted, not every match.
 * Expected linear time: at 50,000 matches this is a few times cheaper than sorting them all.
 */
export function selectSmallest(keys: Float64Array, k: number): void {
  let left = 0;
  let right = keys.length - 1;
  while (right > left && k > left && k <= right) {
    const middle = (left + right) >>> 1;
    const a = keys[left];
    const b = keys[middle];
    const c = keys[right];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const swap = keys[i];
        keys[i] = keys[j];
        keys[j] = swap;
        i++;
        j--;
      }
    }
    // Now keys[left..j] <= pivot <= keys[i..right], and anything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
