import type { FileFinding, Place } from '../../core/rule';
import {
  type DecisionRow,
  decisionFinding,
  duplicateFinding,
  type Nomination,
  possibleDuplicateFinding,
  type QuotaRow,
  quotaRowFinding,
  type StatedTotal,
  quotaTotalFinding,
  type UnplacedUnit,
  unplacedUnitFinding,
} from './tally.rule';

const SHEET = '监测点企业申报表';
const unitCell: Place = { sheet: SHEET, row: 4, column: 2, field: 'unit', received: '县住建' };

describe('unplacedUnitFinding', () => {
  test.each<[string, UnplacedUnit, FileFinding]>([
    ['no unit anywhere', { text: '' }, { code: 'tally/no-unit', sheet: SHEET, params: {} }],
    [
      'a unit of the register without a quota',
      { text: '县住建', registered: '于都县住房和城乡建设局' },
      {
        code: 'tally/unit-outside-quota',
        ...unitCell,
        params: { name: '县住建', unit: '于都县住房和城乡建设局' },
      },
    ],
    [
      'a unit close to one of the table',
      { text: '县住建', suggestion: '县住建局' },
      { code: 'tally/unknown-unit', ...unitCell, params: { name: '县住建', suggestion: '县住建局' } },
    ],
    [
      'a unit close to none',
      { text: '县住建' },
      { code: 'tally/unknown-unit-no-match', ...unitCell, params: { name: '县住建' } },
    ],
  ])('%s', (_, unit, finding) => {
    expect(unplacedUnitFinding(unit, unitCell)).toEqual(finding);
  });
});

const nomination = (over: Partial<Nomination>): Nomination => ({
  enterprise: '于都县华丰食品有限公司',
  key: '于都县华丰食品有限公司',
  file: 'in/县市场监管局/申报表.xlsx',
  sheet: SHEET,
  unit: '县市场监管局',
  at: { sheet: SHEET, row: 5, column: 3, field: 'enterprise', received: '于都县华丰食品有限公司' },
  ...over,
});

describe('duplicateFinding', () => {
  const first = nomination({});
  test.each<[string, Partial<Nomination>, FileFinding | undefined]>([
    [
      'another unit nominated it',
      { file: 'in/县应急局/申报表.xlsx', unit: '县应急局' },
      {
        code: 'tally/duplicate',
        ...nomination({}).at,
        params: { enterprise: '于都县华丰食品有限公司', firstUnit: '县市场监管局', firstFile: '申报表.xlsx' },
      },
    ],
    [
      'another sheet of the same file',
      { sheet: '补报' },
      {
        code: 'tally/duplicate',
        ...nomination({}).at,
        params: { enterprise: '于都县华丰食品有限公司', firstUnit: '县市场监管局', firstFile: '申报表.xlsx' },
      },
    ],
    [
      'two rows of one sheet with one name (the sheet reports it)',
      { at: { sheet: SHEET, row: 9 } },
      undefined,
    ],
    [
      'two rows of one sheet under two names (one credit code)',
      { enterprise: '华丰食品公司', key: '华丰食品公司', at: { sheet: SHEET, row: 9 } },
      {
        code: 'tally/duplicate',
        sheet: SHEET,
        row: 9,
        params: { enterprise: '华丰食品公司', firstUnit: '县市场监管局', firstFile: '申报表.xlsx' },
      },
    ],
  ])('%s', (_, later, finding) => {
    expect(duplicateFinding(nomination(later), first)).toEqual(finding);
  });

  test('a first nomination without a unit is named ?', () => {
    const found = duplicateFinding(
      nomination({ file: 'b.xlsx' }),
      nomination({ unit: '', file: 'a\\x\\a.xlsx' }),
    );
    expect(found?.params).toEqual({
      enterprise: '于都县华丰食品有限公司',
      firstUnit: '?',
      firstFile: 'a.xlsx',
    });
  });

  test('a possible duplicate names the other enterprise and its unit', () => {
    const later = nomination({ enterprise: '于都县华丰食品(有限)公司', unit: '' });
    expect(possibleDuplicateFinding(later, nomination({}))).toEqual({
      code: 'tally/possible-duplicate',
      ...later.at,
      params: {
        enterprise: '于都县华丰食品(有限)公司',
        other: '于都县华丰食品有限公司',
        otherUnit: '县市场监管局',
      },
    });
  });
});

describe('decisionFinding', () => {
  const at: Place = { sheet: '决定', row: 3 };
  const row = (over: Partial<DecisionRow>): DecisionRow => ({
    enterprise: '于都县华丰食品有限公司',
    unit: '市场监管',
    duplicated: true,
    resolved: '县市场监管局',
    nominated: true,
    ...over,
  });
  test.each<[string, Partial<DecisionRow>, FileFinding | undefined]>([
    ['a decision that picks a nominating unit is followed', {}, undefined],
    [
      'an enterprise nominated once',
      { duplicated: false },
      { code: 'tally/decision-unused', ...at, params: { enterprise: '于都县华丰食品有限公司' } },
    ],
    [
      'a unit not in the table',
      { resolved: undefined },
      {
        code: 'tally/decision-unit-unknown',
        ...at,
        received: '市场监管',
        params: { enterprise: '于都县华丰食品有限公司', unit: '市场监管' },
      },
    ],
    [
      'a unit that did not nominate it',
      { nominated: false },
      {
        code: 'tally/decision-no-match',
        ...at,
        received: '市场监管',
        params: { enterprise: '于都县华丰食品有限公司', unit: '县市场监管局' },
      },
    ],
  ])('%s', (_, over, finding) => {
    expect(decisionFinding(row(over), at)).toEqual(finding);
  });
});

describe('quota checks', () => {
  const unit: Place = { sheet: '分配表', row: 6, column: 2 };
  const quota: Place = { sheet: '分配表', row: 6, column: 3 };
  test.each<[string, QuotaRow, FileFinding | undefined]>([
    ['a whole number for a new unit', { unit: '县教育局', text: '3', quota: 3 }, undefined],
    [
      'a quota that is not a number',
      { unit: '县教育局', text: '三家' },
      {
        code: 'tally/quota-invalid',
        ...quota,
        received: '三家',
        params: { unit: '县教育局', received: '三家' },
      },
    ],
    [
      'a unit listed twice',
      { unit: '县教育局', text: '3', quota: 3, firstRow: 4 },
      {
        code: 'tally/quota-duplicate-unit',
        ...unit,
        received: '县教育局',
        params: { unit: '县教育局', firstRow: 4 },
      },
    ],
  ])('row: %s', (_, row, finding) => {
    expect(quotaRowFinding(row, unit, quota)).toEqual(finding);
  });

  const total = (value: number, row: number, pairSum = 0): StatedTotal => ({
    value,
    row,
    column: 3,
    pairSum,
  });
  test.each<[string, StatedTotal[], number, number, FileFinding | undefined]>([
    ['a 合计 equal to the sum', [total(66, 30)], 66, 23, undefined],
    ['one 合计 per half, each its half', [total(40, 20, 40), total(26, 20, 26)], 66, 23, undefined],
    [
      'a 合计 other than the sum',
      [total(65, 30)],
      66,
      23,
      {
        code: 'tally/quota-total-mismatch',
        sheet: '分配表',
        row: 30,
        column: 3,
        received: '65',
        params: { stated: 65, sum: 66 },
      },
    ],
    [
      'halves whose last 合计 is neither the sum nor its half',
      [total(40, 20, 40), total(27, 20, 26)],
      66,
      23,
      {
        code: 'tally/quota-total-mismatch',
        sheet: '分配表',
        row: 20,
        column: 3,
        received: '27',
        params: { stated: 27, sum: 66 },
      },
    ],
    ['no 合计', [], 66, 23, { code: 'tally/quota-no-total', sheet: '分配表', params: { sum: 66 } }],
    ['no 合计 and no units', [], 0, 0, undefined],
  ])('total: %s', (_, stated, sum, units, finding) => {
    expect(quotaTotalFinding(stated, sum, units, '分配表')).toEqual(finding);
  });
});
