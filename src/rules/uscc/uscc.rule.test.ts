import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { isValidUscc, usccCheckChar, usccRule } from './uscc.rule';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('usccCheckChar', () => {
  test.each([
    // Published codes of large companies.
    ['91440300192203821', '6'],
    ['91440300708461136', 'T'],
    ['91330100799655058', 'B'],
    ['91110000710925032', '4'],
    // 于都县 (360731): check characters 0 and letters.
    ['91360731MA3125905', '0'],
    ['12360731480000009', 'G'],
    ['92360731L00000003', 'T'],
  ])('%s → %s', (first17, check) => expect(usccCheckChar(first17)).toBe(check));

  test('undefined for a wrong length or a character outside the set', () => {
    expect(usccCheckChar('9136073100000000')).toBeUndefined();
    expect(usccCheckChar('91360731MA3I25905')).toBeUndefined();
  });
});

describe('isValidUscc', () => {
  test('true for valid codes, false otherwise', () => {
    expect(isValidUscc('91360731MA31259050')).toBe(true);
    expect(isValidUscc('91360731MA31259051')).toBe(false);
    expect(isValidUscc('91360731ma31259050')).toBe(false); // callers upper-case first
    expect(isValidUscc('360731000000000')).toBe(false);
  });
});

testRule(usccRule, {
  valid: [
    // 于都县 360731: companies, individual businesses, public institutions, organs, social organisations.
    { cell: '91360731MA31259050', value: '91360731MA31259050' },
    { cell: '91360731MA31270110', value: '91360731MA31270110' },
    { cell: '91360731MA31000033', value: '91360731MA31000033' },
    { cell: '91360731MA310037XU', value: '91360731MA310037XU' },
    { cell: '91360731MA3100740M', value: '91360731MA3100740M' },
    { cell: '92360731L00000003T', value: '92360731L00000003T' },
    { cell: '92360731L0055433X0', value: '92360731L0055433X0' },
    { cell: '12360731480000009G', value: '12360731480000009G' },
    { cell: '123607314800209660', value: '123607314800209660' },
    { cell: '11360731480001319W', value: '11360731480001319W' },
    { cell: '113607314800144190', value: '113607314800144190' },
    { cell: '52360731480001319M', value: '52360731480001319M' },
    { cell: '93360731M00000000R', value: '93360731M00000000R' },
    // Elsewhere: 南昌, 北京, published codes.
    { cell: '91360100MA310037X0', value: '91360100MA310037X0' },
    { cell: '91110000MA31000030', value: '91110000MA31000030' },
    { cell: '914403001922038216', value: '914403001922038216' },
    { cell: '91440300708461136T', value: '91440300708461136T' },
    // Lower case, spaces, full-width, a line break: accepted after normalising.
    { cell: '91360731ma310037xu', value: '91360731MA310037XU' },
    { cell: '9136 0731 MA31 2590 50', value: '91360731MA31259050' },
    { cell: '９１３６０７３１ＭＡ３１２５９０５０', value: '91360731MA31259050' },
    { cell: ' 91360731MA31259050\n', value: '91360731MA31259050' },
    // Old 15-digit registration number: accepted with a note.
    { cell: '360731210001234', value: '360731210001234', findings: [{ id: 'legacy' }] },
    { cell: 360731210001234, value: '360731210001234', findings: [{ id: 'legacy' }] },
  ],
  invalid: [
    { cell: '91360731MA3125905', findings: [{ id: 'length', params: { length: 17 } }] },
    { cell: '91360731MA312590500', findings: [{ id: 'length', params: { length: 19 } }] },
    { cell: '3607312100012345', findings: [{ id: 'length', params: { length: 16 } }] },
    { cell: '无', findings: [{ id: 'length', params: { length: 1 } }] },
    { cell: '91360731MA3I259050', findings: [{ id: 'charset', params: { char: 'I' } }] },
    { cell: '91360731MA3125905O', findings: [{ id: 'charset', params: { char: 'O' } }] },
    { cell: '91360731MS31259050', findings: [{ id: 'charset', params: { char: 'S' } }] },
    { cell: '91360731MA3V259050', findings: [{ id: 'charset', params: { char: 'V' } }] },
    { cell: '91360731MA3Z259050', findings: [{ id: 'charset', params: { char: 'Z' } }] },
    { cell: '91360731-MA3125905', findings: [{ id: 'charset', params: { char: '-' } }] },
    { cell: '91360731MA31259051', findings: [{ id: 'checksum', params: { expected: '0', actual: '1' } }] },
    { cell: '91360731MA310037X0', findings: [{ id: 'checksum', params: { expected: 'U', actual: '0' } }] },
    { cell: '92360731L00000003A', findings: [{ id: 'checksum', params: { expected: 'T', actual: 'A' } }] },
    // Two characters swapped.
    { cell: '91360731AM31259050', findings: [{ id: 'checksum', params: { actual: '0' } }] },
  ],
});

describe('uscc properties', () => {
  const settings = resolveSettings();
  test('parse never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        usccRule.parse({ text: cellText(s), value: s }, { settings });
      }),
    );
  });
  test('any 17 characters plus their check character form a valid code', () => {
    const body = fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(body, (first17) => {
        const code = first17 + usccCheckChar(first17);
        expect(isValidUscc(code)).toBe(true);
        expect(usccRule.parse({ text: code, value: code }, { settings }).ok).toBe(true);
      }),
    );
  });
});
