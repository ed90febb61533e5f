import { itemAt } from './item-at';

describe('itemAt', () => {
  test('returns the item at an index inside the list, also a falsy one', () => {
    expect(itemAt(['a', 'b'], 1)).toBe('b');
    expect(itemAt([0, 1], 0)).toBe(0);
    expect(itemAt('xy', 1)).toBe('y');
  });

  test('throws a RangeError naming the index outside the list', () => {
    expect(() => itemAt(['a'], 1)).toThrow(new RangeError('index 1 outside 0..0'));
    expect(() => itemAt([], 0)).toThrow(RangeError);
    expect(() => itemAt(['a'], -1)).toThrow(RangeError);
  });
});
