/** Distinct keys a memo remembers: a column of unique texts (item names) stops growing there. */
export const MEMO_LIMIT = 5000;

/** Look-ups of a full memo after which it is judged (see `BoundedMemo`). */
const JUDGE_AFTER = 1000;

/**
 * A memo of at most `MEMO_LIMIT` keys. Once full, a memo that seldom hits (a column of unique names or numbers)
 * stops being consulted (`closed`): a look-up that misses in a large map costs about as much as making the value
 * again, and then buys nothing.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  // Look-ups since the memo was last judged, or -1 once closed. (Why not a boolean field: optimised code treats a
  // field never written since its object was made as a constant, and the one write that closed the memo would
  // throw away the optimised code of everything that read it, half-way through a sheet.)
  private probes = 0;
  private hits = 0;

  /** True once the memo is full and seldom hit: `get` then answers undefined without looking. */
  get closed(): boolean {
    return this.probes < 0;
  }

  /** The value kept for a key, if any. */
  get(key: K): V | undefined {
    if (this.probes < 0) return undefined;
    const hit = this.map.get(key);
    if (this.map.size >= MEMO_LIMIT) {
      if (hit !== undefined) this.hits++;
      if (++this.probes === JUDGE_AFTER) {
        this.probes = this.hits < JUDGE_AFTER / 10 ? -1 : 0;
        this.hits = 0;
      }
    }
    return hit;
  }

  /** Keeps a value for a key while there is room; returns the value. */
  keep(key: K, value: V): V {
    if (this.map.size < MEMO_LIMIT) this.map.set(key, value);
    return value;
  }
}

/** A function of a text, remembered per distinct text (bounded, see `BoundedMemo`). */
export class TextMemo<V> {
  private readonly memo = new BoundedMemo<string, V>();

  constructor(private readonly make: (text: string) => V) {}

  /** The value for a text, made on a miss. */
  of(text: string): V {
    const known = this.memo.get(text);
    return known !== undefined ? known : this.memo.keep(text, this.make(text));
  }
}

/**
 * The first row of each combination of values (a duplicate check across rows): maps nested by value instead of one
 * joined string per row, so a 50k-row sheet makes no key strings; the last value is the outer level, the first
 * (the item name, the most varied) the inner one.
 */
export class FirstRows {
  private readonly root = new Map<string, unknown>();

  /** The first row seen with these values; when none was, `row` is recorded as the first and undefined returned. */
  firstOr(values: readonly string[], row: number): number | undefined {
    let map = this.root;
    for (let k = values.length - 1; k > 0; k--) {
      const value = values[k]!;
      let next = map.get(value) as Map<string, unknown> | undefined;
      if (!next) map.set(value, (next = new Map<string, unknown>()));
      map = next;
    }
    const last = values[0] ?? '';
    const first = map.get(last) as number | undefined;
    if (first === undefined) map.set(last, row);
    return first;
  }
}
