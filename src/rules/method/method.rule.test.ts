import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { methodRule } from './method.rule';

const m = (methods: string[], doubleRandom: boolean) => ({ methods, doubleRandom });

testRule(methodRule, {
  valid: [
    { cell: '双随机抽查', value: m(['双随机抽查'], true) },
    { cell: '随机抽查', value: m(['随机抽查'], true) },
    { cell: '重点检查', value: m(['重点检查'], false) },
    { cell: '信用监管', value: m(['信用监管'], false) },
    { cell: '日常巡查', value: m(['日常巡查'], false) },
    { cell: '专项检查', value: m(['专项检查'], false) },
    { cell: '现场检查', value: m(['现场检查'], false) },
    { cell: '书面检查', value: m(['书面检查'], false) },
    { cell: '网络检查', value: m(['网络检查'], false) },
    { cell: '抽检', value: m(['抽检'], false) },
    { cell: '检测', value: m(['检测'], false) },
    { cell: '双随机抽查、重点检查', value: m(['双随机抽查', '重点检查'], true) },
    { cell: '现场检查,书面检查', value: m(['现场检查', '书面检查'], false) },
    { cell: '现场检查，书面检查；网络检查', value: m(['现场检查', '书面检查', '网络检查'], false) },
    { cell: '日常巡查/专项检查', value: m(['日常巡查', '专项检查'], false) },
    { cell: '双随机抽查\n重点检查\n信用监管', value: m(['双随机抽查', '重点检查', '信用监管'], true) },
    { cell: '“双随机、一公开”监管', value: m(['双随机一公开监管'], true) },
    { cell: '双随机、一公开', value: m(['双随机一公开'], true) },
    { cell: '1.双随机抽查 2.重点检查', value: m(['双随机抽查', '重点检查'], true) },
    { cell: '1、现场检查;2、书面检查', value: m(['现场检查', '书面检查'], false) },
    { cell: '抽样检验', value: m(['抽样检验'], false) },
    { cell: '在线监测', value: m(['在线监测'], false) },
    { cell: '资料核查', value: m(['资料核查'], false) },
    { cell: '安全评估', value: m(['安全评估'], false) },
    { cell: '', value: m([], false) },
    // Unknown parts: a note naming them; the known ones are still read.
    {
      cell: '双随机抽查、约谈',
      value: m(['双随机抽查', '约谈'], true),
      findings: [{ id: 'unknown', params: { method: '约谈' } }],
    },
    { cell: '其他', value: m(['其他'], false), findings: [{ id: 'unknown', params: { method: '其他' } }] },
    {
      cell: '走访、座谈',
      value: m(['走访', '座谈'], false),
      findings: [{ id: 'unknown', params: { method: '走访、座谈' } }],
    },
  ],
  invalid: [
    { cell: '不定期', findings: [{ id: 'unknown', params: { method: '不定期' } }] },
    { cell: '5%', findings: [{ id: 'unknown', params: { method: '5%' } }] },
    { cell: '每年1次', findings: [{ id: 'unknown', params: { method: '每年1次' } }] },
  ],
});

describe('method properties', () => {
  const settings = resolveSettings();
  test('parse never throws on any string, and doubleRandom follows the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const r = methodRule.parse({ text: cellText(s), value: s }, { settings });
        expect(r.ok).toBe(true);
        if (r.ok && r.value.doubleRandom) expect(cellText(s)).toMatch(/随机/);
      }),
    );
  });
});
