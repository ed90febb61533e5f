import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { phoneRule } from './phone.rule';

const mobile = (text: string, digits = text.replace(/\D/g, '').slice(-11)) => ({
  text,
  kind: 'mobile',
  number: `+86${digits}`,
});
const fixed = (text: string, e164: string, extension?: string) =>
  extension ? { text, kind: 'fixed', number: e164, extension } : { text, kind: 'fixed', number: e164 };

testRule(phoneRule, {
  valid: [
    // Mobiles, 13x–19x, with and without country code; as text and as a number cell.
    { cell: '15070167658', value: [mobile('15070167658')] },
    { cell: 15079732716, value: [mobile('15079732716')] },
    { cell: 8615070167658, value: [mobile('8615070167658')] },
    { cell: '+8615070167658', value: [mobile('+8615070167658')] },
    { cell: '+86 150 7016 7658', value: [mobile('+86 150 7016 7658')] },
    { cell: '86-15070167658', value: [mobile('86-15070167658')] },
    { cell: '(+86)15070167658', value: [mobile('(+86)15070167658')] },
    { cell: '150-7016-7658', value: [mobile('150-7016-7658')] },
    { cell: '150 7016 7658', value: [mobile('150 7016 7658')] },
    { cell: '13907976543', value: [mobile('13907976543')] },
    { cell: '14512345678', value: [mobile('14512345678')] },
    { cell: '16607971234', value: [mobile('16607971234')] },
    { cell: '17770791234', value: [mobile('17770791234')] },
    { cell: '18979712345', value: [mobile('18979712345')] },
    { cell: '19979712345', value: [mobile('19979712345')] },
    { cell: '１５０７０１６７６５８', value: [mobile('15070167658')] },
    // Several numbers in one cell (the notice: "15070167658   15079732716").
    { cell: '15070167658   15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658\u00a0\u00a015079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658\n15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658/15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658、15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658，15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658；15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    { cell: '15070167658或15079732716', value: [mobile('15070167658'), mobile('15079732716')] },
    {
      cell: '0797-6222222 15070167658',
      value: [fixed('0797-6222222', '+867976222222'), mobile('15070167658')],
    },
    // Landlines with area code, every spelling.
    { cell: '0797-6222222', value: [fixed('0797-6222222', '+867976222222')] },
    { cell: '07976222222', value: [fixed('07976222222', '+867976222222')] },
    { cell: '(0797)6222222', value: [fixed('(0797)6222222', '+867976222222')] },
    { cell: '（0797）6222222', value: [fixed('(0797)6222222', '+867976222222')] },
    { cell: '0797 6222222', value: [fixed('0797 6222222', '+867976222222')] },
    { cell: '(0797) 6222222', value: [fixed('(0797) 6222222', '+867976222222')] },
    { cell: '0797-8222222', value: [fixed('0797-8222222', '+867978222222')] },
    { cell: '0791-86222222', value: [fixed('0791-86222222', '+8679186222222')] },
    { cell: '010-65123456', value: [fixed('010-65123456', '+861065123456')] },
    { cell: '021-62222222', value: [fixed('021-62222222', '+862162222222')] },
    { cell: '+86-797-6222222', value: [fixed('+86-797-6222222', '+867976222222')] },
    // A number cell loses the leading 0 of the area code; libphonenumber still reads it.
    { cell: 7976222222, value: [fixed('7976222222', '+867976222222')] },
    // Extensions.
    { cell: '0797-6222222-801', value: [fixed('0797-6222222-801', '+867976222222', '801')] },
    { cell: '0797-6222222转801', value: [fixed('0797-6222222', '+867976222222', '801')] },
    { cell: '0797-6222222 转 801', value: [fixed('0797-6222222', '+867976222222', '801')] },
    { cell: '0797-6222222分机801', value: [fixed('0797-6222222', '+867976222222', '801')] },
    { cell: '0797-6222222 ext. 801', value: [fixed('0797-6222222', '+867976222222', '801')] },
    // Labels and notes around a number.
    { cell: '手机:15070167658', value: [mobile('15070167658')] },
    { cell: '办公室：0797-6222222', value: [fixed('0797-6222222', '+867976222222')] },
    { cell: '0797-6222222(办)', value: [fixed('0797-6222222', '+867976222222')] },
    // Service numbers.
    { cell: '400-812-3123', value: [{ text: '400-812-3123', kind: 'service', number: '+864008123123' }] },
    { cell: '4008123123', value: [{ text: '4008123123', kind: 'service', number: '+864008123123' }] },
    { cell: '400 812 3123', value: [{ text: '400 812 3123', kind: 'service', number: '+864008123123' }] },
    { cell: '800-820-8820', value: [{ text: '800-820-8820', kind: 'service', number: '+868008208820' }] },
    { cell: '95598', value: [{ text: '95598', kind: 'service', number: '95598' }] },
    { cell: '95588', value: [{ text: '95588', kind: 'service', number: '95588' }] },
    { cell: '12345', value: [{ text: '12345', kind: 'service', number: '12345' }] },
    {
      cell: '12315 95598',
      value: [
        { text: '12315', kind: 'service', number: '12315' },
        { text: '95598', kind: 'service', number: '95598' },
      ],
    },
    // Local number without area code: accepted with a note.
    {
      cell: '6222222',
      value: [{ text: '6222222', kind: 'local', number: '6222222' }],
      findings: [{ id: 'no-area-code', params: { number: '6222222' } }],
    },
    {
      cell: '86222222',
      value: [{ text: '86222222', kind: 'local', number: '86222222' }],
      findings: [{ id: 'no-area-code', params: { number: '86222222' } }],
    },
    {
      cell: '15070167658、6222222',
      findings: [{ id: 'no-area-code', params: { number: '6222222' } }],
    },
    // Blank separators only: no number to check (emptiness is the engine's business).
    { cell: '', value: [] },
  ],
  invalid: [
    { cell: '1507016765', findings: [{ id: 'mobile-length', params: { number: '1507016765', length: 10 } }] },
    {
      cell: '150701676581',
      findings: [{ id: 'mobile-length', params: { number: '150701676581', length: 12 } }],
    },
    { cell: '150-7016-765', findings: [{ id: 'mobile-length', params: { length: 10 } }] },
    { cell: '+86 1507016765', findings: [{ id: 'mobile-length', params: { length: 10 } }] },
    {
      cell: '1507016765 15079732716',
      findings: [{ id: 'mobile-length', params: { number: '1507016765' } }],
    },
    {
      cell: '15070167658/1507973271',
      findings: [{ id: 'mobile-length', params: { number: '1507973271', length: 10 } }],
    },
    { cell: '12345678901', findings: [{ id: 'invalid', params: { number: '12345678901' } }] },
    { cell: '11012345678', findings: [{ id: 'invalid', params: { number: '11012345678' } }] },
    { cell: '10012345678', findings: [{ id: 'invalid', params: { number: '10012345678' } }] },
    { cell: '0797-622222', findings: [{ id: 'invalid', params: { number: '0797-622222' } }] },
    { cell: '0797-622222222', findings: [{ id: 'invalid', params: { number: '0797-622222222' } }] },
    { cell: '0000-6222222', findings: [{ id: 'invalid' }] },
    { cell: '400-812-312', findings: [{ id: 'invalid', params: { number: '400-812-312' } }] },
    { cell: '622222', findings: [{ id: 'invalid', params: { number: '622222' } }] },
    { cell: '9559', findings: [{ id: 'invalid', params: { number: '9559' } }] },
    { cell: '无', findings: [{ id: 'invalid', params: { number: '无' } }] },
    { cell: '陈联军15070167658', findings: [{ id: 'invalid', params: { number: '陈联军15070167658' } }] },
    { cell: 'abc', findings: [{ id: 'invalid', params: { number: 'abc' } }] },
    { cell: '#N/A', findings: [{ id: 'invalid' }, { id: 'invalid' }] },
    {
      cell: '0797-6222222、12345678901',
      findings: [{ id: 'invalid', params: { number: '12345678901' } }],
    },
    {
      cell: '6222222 1507016765',
      findings: [{ id: 'no-area-code', params: { number: '6222222' } }, { id: 'mobile-length' }],
    },
  ],
});

describe('phone properties', () => {
  const settings = resolveSettings();
  const phoneish = fc.string({
    unit: fc.constantFrom(...'0123456789 +-()/、,;转#86'.split('')),
    maxLength: 40,
  });
  test('parse never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), phoneish), (s) => {
        phoneRule.parse({ text: cellText(s), value: s }, { settings });
      }),
    );
  });
  test('every mobile of an allocated block parses as one mobile number', () => {
    // 154x and 194x are not allocated (libphonenumber metadata), so whole 15x/19x ranges are not used here.
    const blocks = fc.constantFrom('13', '18', '150', '158', '159', '166', '177', '198', '199');
    const mobiles = fc.tuple(blocks, fc.integer({ min: 0, max: 99999999 }));
    fc.assert(
      fc.property(mobiles, ([prefix, rest]) => {
        const text = prefix + String(rest).padStart(11 - prefix.length, '0');
        const r = phoneRule.parse({ text, value: text }, { settings });
        expect(r.ok && r.value.map((p) => p.kind)).toEqual(['mobile']);
      }),
    );
  });
});
