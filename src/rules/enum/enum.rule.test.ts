import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { ADJUST_TYPE, type EnumOptions, ITEM_CATEGORY, YES_NO, enumRule, matchEnum } from './enum.rule';

const yesNo = { options: { ...YES_NO } };
const category = { options: { ...ITEM_CATEGORY } };
const adjust = { options: { ...ADJUST_TYPE } };
const scale = { options: { values: ['中型', '小型', '微型'] } };

testRule(enumRule, {
  valid: [
    // 是否纳入双随机 / 是否属于市场监管领域 / 是否为民营企业.
    { cell: '是', ctx: yesNo, value: '是' },
    { cell: '否', ctx: yesNo, value: '否' },
    { cell: ' 是 ', ctx: yesNo, value: '是' },
    { cell: '纳入', ctx: yesNo, value: '是' },
    { cell: '不纳入', ctx: yesNo, value: '否' },
    { cell: 'Y', ctx: yesNo, value: '是' },
    { cell: 'y', ctx: yesNo, value: '是' },
    { cell: 'Ｎ', ctx: yesNo, value: '否' },
    { cell: 'no', ctx: yesNo, value: '否' },
    { cell: '√', ctx: yesNo, value: '是' },
    { cell: '×', ctx: yesNo, value: '否' },
    { cell: true, ctx: yesNo, value: '是' },
    { cell: false, ctx: yesNo, value: '否' },
    // 事项类别.
    { cell: '一般检查事项', ctx: category, value: '一般检查事项' },
    { cell: '重点检查事项', ctx: category, value: '重点检查事项' },
    { cell: '一般', ctx: category, value: '一般检查事项' },
    { cell: '重点', ctx: category, value: '重点检查事项' },
    { cell: '重点 检查 事项', ctx: category, value: '重点检查事项' },
    // 调整类型.
    { cell: '新增', ctx: adjust, value: '新增' },
    { cell: '删除', ctx: adjust, value: '删除' },
    { cell: '修改', ctx: adjust, value: '修改' },
    { cell: '无变化', ctx: adjust, value: '无变化' },
    { cell: '修改(比例)', ctx: adjust, value: '修改' },
    { cell: '修改（比例）', ctx: adjust, value: '修改' },
    { cell: '修改比例', ctx: adjust, value: '修改' },
    { cell: '修改(频次)', ctx: adjust, value: '修改' },
    { cell: '修改依据', ctx: adjust, value: '修改' },
    { cell: '修改(比例、频次)', ctx: adjust, value: '修改' },
    { cell: '调整比例', ctx: adjust, value: '修改' },
    { cell: '调整检查频次', ctx: adjust, value: '修改' },
    { cell: '新增事项', ctx: adjust, value: '新增' },
    { cell: '删除(机构改革)', ctx: adjust, value: '删除' },
    { cell: '无调整', ctx: adjust, value: '无变化' },
    { cell: '不变', ctx: adjust, value: '无变化' },
    { cell: '未调整', ctx: adjust, value: '无变化' },
    { cell: '无', ctx: adjust, value: '无变化' },
    // 规模 (declaration form): plain values, no aliases.
    { cell: '小型', ctx: scale, value: '小型' },
    { cell: '微型', ctx: scale, value: '微型' },
  ],
  invalid: [
    {
      cell: '是否',
      ctx: yesNo,
      findings: [{ id: 'not-allowed', params: { received: '是否', allowed: '是、否' } }],
    },
    {
      cell: '待定',
      ctx: yesNo,
      findings: [{ id: 'not-allowed', params: { received: '待定', allowed: '是、否' } }],
    },
    { cell: '1', ctx: yesNo, findings: [{ id: 'not-allowed', params: { received: '1' } }] },
    { cell: '是(部分)', ctx: yesNo, findings: [{ id: 'not-allowed' }] },
    {
      cell: '一般检查',
      ctx: { options: { values: ['一般检查事项', '重点检查事项'] } },
      findings: [{ id: 'not-allowed', params: { allowed: '一般检查事项、重点检查事项' } }],
    },
    {
      cell: '特殊检查事项',
      ctx: category,
      findings: [{ id: 'not-allowed', params: { received: '特殊检查事项' } }],
    },
    { cell: '一般检查事项(市场监管)', ctx: category, findings: [{ id: 'not-allowed' }] },
    {
      cell: '合并',
      ctx: adjust,
      findings: [{ id: 'not-allowed', params: { received: '合并', allowed: '新增、删除、修改、无变化' } }],
    },
    { cell: '无法确定', ctx: adjust, findings: [{ id: 'not-allowed' }] },
    { cell: '比例', ctx: adjust, findings: [{ id: 'not-allowed' }] },
    {
      cell: '大型',
      ctx: scale,
      findings: [{ id: 'not-allowed', params: { received: '大型', allowed: '中型、小型、微型' } }],
    },
    { cell: '中小型', ctx: scale, findings: [{ id: 'not-allowed' }] },
    { cell: '', ctx: scale, findings: [{ id: 'not-allowed', params: { received: '' } }] },
  ],
});

describe('matchEnum', () => {
  test('prefers the longest prefix', () => {
    const options: EnumOptions = { values: ['检查', '检查事项'], startsWith: true };
    expect(matchEnum('检查事项(一般)', options)).toBe('检查事项');
  });
  test('a missing values option is a broken schema', () => {
    const settings = resolveSettings();
    expect(() => enumRule.parse({ text: '是', value: '是' }, { settings })).toThrow(/values/);
    expect(() =>
      enumRule.parse({ text: '是', value: '是' }, { settings, options: { values: [1] } }),
    ).toThrow();
  });
});

describe('enum properties', () => {
  const settings = resolveSettings();
  test('parse never throws on any string', () => {
    const options = fc.constantFrom<EnumOptions>(YES_NO, ITEM_CATEGORY, ADJUST_TYPE);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        options,
        (s, o) => {
          const r = enumRule.parse({ text: cellText(s), value: s }, { settings, options: { ...o } });
          if (r.ok) expect(o.values).toContain(r.value);
        },
      ),
    );
  });
  test('every value and alias maps to a value of its own table', () => {
    for (const o of [YES_NO, ITEM_CATEGORY, ADJUST_TYPE]) {
      for (const [alias, value] of Object.entries(o.aliases ?? {})) {
        expect(o.values).toContain(value);
        expect(matchEnum(alias, o)).toBe(value);
      }
      for (const v of o.values) expect(matchEnum(v, o)).toBe(v);
    }
  });
});
