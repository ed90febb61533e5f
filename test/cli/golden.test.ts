import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkFiles } from '../../src/cli/check-command';
import { toJson } from '../../src/cli/output';

// Golden files: every example workbook and every fixture under test/fixtures/golden has its expected JSON beside
// it (<name>.expected.json). An empty or missing expectation is written from the actual result and the test fails,
// so a person reads it once before it is trusted.
const ROOT = path.join(__dirname, '..', '..');
const inputs = [
  ...readdirSync(path.join(ROOT, 'examples')).map((n) => path.join('examples', n)),
  ...readdirSync(path.join(ROOT, 'test/fixtures/golden'))
    .filter((n) => !n.endsWith('.json'))
    .map((n) => path.join('test/fixtures/golden', n)),
].filter((f) => /\.(xlsx|csv)$/.test(f));

describe('golden JSON', () => {
  test.each(inputs)('%s', async (file) => {
    const [report] = await checkFiles([file], { locale: 'zh-CN' });
    const actual = JSON.parse(JSON.stringify(toJson([report!], 'zh-CN')));
    const expectedPath = path.join(ROOT, 'test/fixtures/golden', `${path.basename(file)}.expected.json`);
    const text = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8').trim() : '';
    if (text === '') {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      throw new Error(
        `No expectation for ${file}: wrote ${path.relative(ROOT, expectedPath)}; review it and run again`,
      );
    }
    expect(actual).toEqual(JSON.parse(text));
  });
});
