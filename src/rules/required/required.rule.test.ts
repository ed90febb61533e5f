import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { requiredRule } from './required.rule';

const named = { options: { field: '检查事项名称' } };

testRule(requiredRule, {
  valid: [
    { cell: '对食品生产经营者的监督检查', ctx: named, value: '对食品生产经营者的监督检查' },
    { cell: '  县市场监督管理局\n', value: '县市场监督管理局' },
    { cell: 0, value: '0' },
    { cell: 0.05, format: '0%', value: '5%' },
    { cell: false, value: 'FALSE' },
    { cell: '/', value: '/' },
  ],
  invalid: [
    { cell: null, ctx: named, findings: [{ id: 'missing', params: { field: '检查事项名称' } }] },
    {
      cell: '',
      ctx: { options: { field: '检查依据' } },
      findings: [{ id: 'missing', params: { field: '检查依据' } }],
    },
    { cell: '   ', findings: [{ id: 'missing', params: { field: '' } }] },
    { cell: '\u00a0', ctx: named, findings: [{ id: 'missing' }] },
    { cell: '\u3000\n', ctx: named, findings: [{ id: 'missing' }] },
    { cell: '\u200b', ctx: named, findings: [{ id: 'missing' }] },
  ],
});

describe('required properties', () => {
  const settings = resolveSettings();
  test('parse never throws, and fails exactly when the cell text is empty', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const text = cellText(s);
        expect(requiredRule.parse({ text, value: s }, { settings }).ok).toBe(text !== '');
      }),
    );
  });
});
