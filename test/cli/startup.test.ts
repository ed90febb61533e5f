import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drc } from '../helpers/drc';

// Counts how often this test file's module registry loads exceljs (the factory runs on the first require only).
let mockExceljsLoads = 0;
jest.mock('exceljs', () => {
  mockExceljsLoads++;
  return jest.requireActual('exceljs');
});

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

describe('exceljs is loaded only to write a report', () => {
  test('drc --help does not load it', async () => {
    const { code, out } = await drc('--help');
    expect(code).toBe(0);
    expect(out).toContain('check');
    expect(mockExceljsLoads).toBe(0);
  });

  test('drc check with marked copies of an .xlsx and a CSV does not load it', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'drc-startup-'));
    const inputs = readdirSync(EXAMPLES)
      .filter((f) => /\.(xlsx|csv)$/.test(f))
      .map((f) => path.join(EXAMPLES, f));
    expect(inputs.some((f) => f.endsWith('.csv'))).toBe(true);
    const { code } = await drc('check', ...inputs, '--out', out);
    expect(code).toBe(1);
    expect(readdirSync(out).filter((f) => f.endsWith('.xlsx'))).toHaveLength(inputs.length);
    expect(mockExceljsLoads).toBe(0);
  });

  test('drc review --json of a unit folder (a list and its report) does not load it', async () => {
    const { code, out } = await drc('review', path.join(EXAMPLES, 'review', '林业局'), '--json');
    expect([0, 1]).toContain(code);
    expect(JSON.parse(out).summary.files).toBeGreaterThan(0);
    expect(mockExceljsLoads).toBe(0);
  });

  test('drc compare --out, which writes a report sheet, loads it', async () => {
    const dir = path.join(EXAMPLES, 'adjust');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'drc-startup-')), '差异.xlsx');
    await drc(
      'compare',
      path.join(dir, '互联网+监管-检查实施清单导出.xlsx'),
      path.join(dir, '双随机平台-抽查事项清单导出.xlsx'),
      '--out',
      file,
    );
    expect(existsSync(file)).toBe(true);
    expect(mockExceljsLoads).toBe(1);
  });
});
