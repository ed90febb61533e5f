import type { ListItem } from '../../../src/features/compare/read-list';
import { matchItems } from '../../../src/features/compare/match-items';

/** A list item with the fields matching looks at. */
const item = (row: number, itemName: string, basis = '', object = ''): ListItem => ({
  row,
  itemName,
  itemCode: '',
  texts: { basis, object },
  reason: '',
});

// Distinct names built from distinct characters, so every name has bigrams of its own.
const CHARS = [
  ...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海江湖风雨雷电春夏秋冬东南西北',
];
const distinctName = (i: number) =>
  `对${CHARS[i % CHARS.length]}${CHARS[Math.floor(i / CHARS.length) % CHARS.length]}${CHARS[(i * 7) % CHARS.length]}类经营单位的监督检查`;

describe('matchItems on lists too large to score every pair', () => {
  // 700 × 700 unpaired items: far above the pairs scored exhaustively, so only blocked candidates are scored.
  const n = 700;
  const previous = Array.from({ length: n }, (_, i) =>
    item(i + 2, `${distinctName(i)}${i}`, '《安全生产法》', '生产经营单位'),
  );
  // Every item renamed the way lists rename: a word added, a word dropped.
  const current = previous.map((p, i) =>
    item(i + 2, `关于${p.itemName.replace('的', '')}工作`, '《安全生产法》', '生产经营单位'),
  );

  test('every renamed item is paired with its own predecessor', () => {
    const result = matchItems(previous, current);
    expect(result.onlyPrevious).toHaveLength(0);
    expect(result.onlyCurrent).toHaveLength(0);
    expect(result.pairs).toHaveLength(n);
    for (const pair of result.pairs) {
      expect(pair.how).toBe('similar');
      expect(pair.current.row).toBe(pair.previous.row);
    }
  });

  test('items with nothing in common stay unpaired', () => {
    const others = Array.from({ length: n }, (_, i) =>
      item(i + 2, `${i}号水域航道通航`, '《航道法》', '航运企业'),
    );
    const result = matchItems(previous, others);
    expect(result.pairs).toHaveLength(0);
    expect(result.uncertain).toHaveLength(0);
    expect(result.onlyPrevious).toHaveLength(n);
  });
});

describe('matchItems on small lists scores every pair', () => {
  test('a short renamed name sharing no bigram is still paired when its basis and objects agree', () => {
    // 甲乙 vs 甲丙 share no character bigram; exhaustive scoring still sees them as alike.
    const result = matchItems(
      [item(2, '甲乙', '《某法》', '某单位')],
      [item(2, '甲丙', '《某法》', '某单位')],
    );
    expect(result.uncertain.length + result.pairs.length).toBe(1);
  });
});
