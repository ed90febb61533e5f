import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { basisRule, citedTitles } from './basis.rule';

testRule(basisRule, {
  valid: [
    { cell: '《中华人民共和国食品安全法》第一百一十条', value: ['中华人民共和国食品安全法'] },
    {
      cell: '1.《中华人民共和国药品管理法》第九十九条;\n2.《医疗器械监督管理条例》第五十三条',
      value: ['中华人民共和国药品管理法', '医疗器械监督管理条例'],
    },
    {
      cell: '《建设工程质量管理条例》第四十七条、《建设工程安全生产管理条例》第四十条',
      value: ['建设工程质量管理条例', '建设工程安全生产管理条例'],
    },
    { cell: '《江西省水资源条例》', value: ['江西省水资源条例'] },
    { cell: '《 中华人民共和国安全生产法 》', value: ['中华人民共和国安全生产法'] },
    { cell: '<<中华人民共和国森林法>>第六十六条', value: ['中华人民共和国森林法'] },
    // A title inside a title (the notice: 《关于印发<…>等五项规定的通知》) stays one citation.
    {
      cell: '《关于印发<于都县推行行政执法“三项制度”工作协调机制>等五项规定的通知》(于法府建办字〔2019〕7号)',
      value: ['关于印发<于都县推行行政执法“三项制度”工作协调机制>等五项规定的通知'],
    },
    {
      cell: '《关于印发《赣州市推行行政执法“三项制度”工作协调机制》等五项规定的通知》',
      value: ['关于印发《赣州市推行行政执法“三项制度”工作协调机制》等五项规定的通知'],
    },
    // No 《》, but it names an instrument.
    { cell: '中华人民共和国安全生产法第六十二条', value: [] },
    { cell: '国务院办公厅关于推广随机抽查规范事中事后监管的通知(国办发〔2015〕58号)', value: [] },
    { cell: '江西省人民政府关于在市场监管领域全面推行部门联合“双随机、一公开”监管的实施意见', value: [] },
    { cell: 'GB 2760-2014 食品安全国家标准', value: [] },
    { cell: '', value: [] },
    // Notes: no citation, or unbalanced title marks.
    { cell: '日常监管需要', value: [], findings: [{ id: 'no-citation' }] },
    { cell: '上级工作安排', value: [], findings: [{ id: 'no-citation' }] },
    { cell: '/', value: [], findings: [{ id: 'no-citation' }] },
    {
      cell: '《中华人民共和国食品安全法第一百一十条',
      value: [],
      findings: [{ id: 'unbalanced', params: { open: 1, close: 0 } }],
    },
    {
      cell: '中华人民共和国食品安全法》第一百一十条',
      value: [],
      findings: [{ id: 'unbalanced', params: { open: 0, close: 1 } }],
    },
    {
      cell: '《中华人民共和国食品安全法》》',
      value: ['中华人民共和国食品安全法'],
      findings: [{ id: 'unbalanced', params: { open: 1, close: 2 } }],
    },
    { cell: '《》', value: [], findings: [{ id: 'no-citation' }] },
    { cell: '《监管', value: [], findings: [{ id: 'unbalanced' }, { id: 'no-citation' }] },
  ],
  invalid: [
    { cell: '根据工作需要', findings: [{ id: 'no-citation' }] },
    { cell: '《食品安全法', findings: [{ id: 'unbalanced', params: { open: 1, close: 0 } }] },
  ],
});

describe('citedTitles', () => {
  test('ignores a closing mark before any opening one', () => {
    expect(citedTitles('》《中华人民共和国食品安全法》')).toEqual(['中华人民共和国食品安全法']);
  });
});

describe('basis properties', () => {
  const settings = resolveSettings();
  const marked = fc.string({
    unit: fc.constantFrom('《', '》', '<', '>', '法', '条', 'a', ' '),
    maxLength: 30,
  });
  test('parse never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), marked), (s) => {
        const r = basisRule.parse({ text: cellText(s), value: s }, { settings });
        expect(r.ok).toBe(true);
      }),
    );
  });
});
