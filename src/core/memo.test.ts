import { BoundedMemo, FirstRows, MEMO_LIMIT, TextMemo } from './memo';

describe('BoundedMemo', () => {
  test('keeps values up to its limit', () => {
    const memo = new BoundedMemo<number, string>();
    for (let k = 0; k < MEMO_LIMIT + 10; k++) memo.keep(k, `v${k}`);
    expect(memo.get(0)).toBe('v0');
    expect(memo.get(MEMO_LIMIT - 1)).toBe(`v${MEMO_LIMIT - 1}`);
    expect(memo.get(MEMO_LIMIT)).toBeUndefined();
  });

  test('once full, stops looking up when seldom hit (a column of unique values)', () => {
    const memo = new BoundedMemo<number, string>();
    for (let k = 0; k < MEMO_LIMIT; k++) memo.keep(k, `v${k}`);
    for (let k = MEMO_LIMIT; k < MEMO_LIMIT + 999; k++) expect(memo.get(k)).toBeUndefined();
    expect(memo.closed).toBe(false);
    memo.get(-1);
    expect(memo.closed).toBe(true);
    // Closed: even a kept key is no longer looked up.
    expect(memo.get(0)).toBeUndefined();
  });

  test('once full, keeps looking up while it hits', () => {
    const memo = new BoundedMemo<number, string>();
    for (let k = 0; k < MEMO_LIMIT; k++) memo.keep(k, `v${k}`);
    for (let k = 0; k < 3000; k++) memo.get(k % 3 === 0 ? k : -k - 1);
    expect(memo.closed).toBe(false);
    expect(memo.get(7)).toBe('v7');
  });
});

test('TextMemo gives the function of a text, looked up or made again', () => {
  let made = 0;
  const memo = new TextMemo((t) => {
    made++;
    return t.toUpperCase();
  });
  expect(memo.of('ab')).toBe('AB');
  expect(memo.of('ab')).toBe('AB');
  expect(made).toBe(1);
  for (let k = 0; k < MEMO_LIMIT + 2000; k++) expect(memo.of(`x${k}`)).toBe(`X${k}`);
  expect(memo.of('ab')).toBe('AB');
});

test('FirstRows answers the first row of each combination of values', () => {
  const seen = new FirstRows();
  expect(seen.firstOr(['a', 'x'], 1)).toBeUndefined();
  expect(seen.firstOr(['a', 'y'], 2)).toBeUndefined();
  expect(seen.firstOr(['b', 'x'], 3)).toBeUndefined();
  expect(seen.firstOr(['a', 'x'], 4)).toBe(1);
  expect(seen.firstOr(['a', 'x'], 5)).toBe(1);
  expect(seen.firstOr(['b', 'x'], 6)).toBe(3);
});
