import type { MergeRange } from './grid';
import { MergeIndex } from './merge-index';

/** What a map entry per merged cell says of a cell (the index's reference: the later range wins). */
function reference(merges: readonly MergeRange[], lastRow: number, lastColumn: number) {
  const followers = new Map<string, MergeRange>();
  const masters = new Map<string, MergeRange>();
  for (const m of merges) {
    masters.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++)
      for (let c = m.left; c <= Math.min(m.right, Math.max(lastColumn, m.left)); c++)
        if (r !== m.top || c !== m.left) followers.set(`${r},${c}`, m);
  }
  return {
    at: (r: number, c: number) => followers.get(`${r},${c}`) ?? masters.get(`${r},${c}`),
    followed: (r: number, c: number) => followers.get(`${r},${c}`),
  };
}

function randomMerges(seed: number, count: number, overlapping: boolean): MergeRange[] {
  let state = seed;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const out: MergeRange[] = [];
  const taken = new Set<string>();
  for (let k = 0; k < count * 5 && out.length < count; k++) {
    const top = 1 + rand(40);
    const left = 1 + rand(12);
    const m = {
      top,
      left,
      bottom: top + rand(k % 7 === 0 ? 60 : 4),
      right: left + rand(k % 5 === 0 ? 20 : 3),
    };
    const cells: string[] = [];
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.push(`${r},${c}`);
    if (!overlapping && cells.some((x) => taken.has(x))) continue;
    cells.forEach((x) => taken.add(x));
    out.push(m);
  }
  return out;
}

describe.each([
  ['ranges that do not overlap', false],
  ['overlapping ranges (which Excel refuses)', true],
])('MergeIndex with %s', (_, overlapping) => {
  test.each([1, 2, 3, 4, 5])('finds what a map entry per cell finds (seed %i)', (seed) => {
    const merges = randomMerges(seed, 30, overlapping);
    // The sheet ends before some ranges do: followers beyond its last row and column are capped.
    const lastRow = 45;
    const lastColumn = 10;
    const index = new MergeIndex(merges, lastRow, lastColumn);
    const ref = reference(merges, lastRow, lastColumn);
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (let r = 1; r <= 110; r++)
      for (let c = 1; c <= 36; c++) {
        got.push([r, c, index.at(r, c), index.followed(r, c)]);
        want.push([r, c, ref.at(r, c), ref.followed(r, c)]);
      }
    expect(got).toEqual(want);
    // The sheets drawn hold merged cells of every kind looked at.
    expect(want.filter((x) => (x as unknown[])[3] !== undefined).length).toBeGreaterThan(50);
  });
});
