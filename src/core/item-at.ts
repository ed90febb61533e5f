/**
 * The item at `index` of a list the caller has bounds-checked (a loop below `length`, a length test before it).
 * Throws a RangeError naming the index when that check was wrong, rather than handing on `undefined`.
 */
export function itemAt<T>(list: ArrayLike<T>, index: number): T {
  if (index < 0 || index >= list.length) throw new RangeError(`index ${index} outside 0..${list.length - 1}`);
  return list[index] as T;
}
