import path from 'node:path';
import cnMetadata from './cn-metadata.json';

describe('the China-only phone metadata', () => {
  test('is libphonenumber-js max metadata of the installed version, cut to +86 (scripts/make-phone-metadata.cjs)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a CommonJS script
    const { chinaMetadata } = require(path.join(__dirname, '../../../scripts/make-phone-metadata.cjs')) as {
      chinaMetadata: () => unknown;
    };
    expect(cnMetadata).toEqual(chinaMetadata());
    expect(Object.keys(cnMetadata.countries)).toEqual(['CN']);
  });
});
