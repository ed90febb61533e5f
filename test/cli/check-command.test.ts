import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { drc } from '../helpers/drc';
import { encodeText } from '../helpers/encode-text';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-cli-'));
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const MARKET = path.join(EXAMPLES, '于都县市场监督管理局-检查实施清单.xlsx');
const CLEAN = path.join(EXAMPLES, '于都县应急管理局-检查实施清单(无问题).xlsx');

async function xlsx(file: string, build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'));
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

describe('drc check', () => {
  test('exit 0 on a clean file, 1 when errors are found', async () => {
    expect((await drc('check', CLEAN)).code).toBe(0);
    expect((await drc('check', MARKET)).code).toBe(1);
  });

  test('--json prints the documented shape', async () => {
    const { code, out } = await drc('check', MARKET, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['files', 'skipped', 'summary']);
    const [file] = json.files;
    expect(file.file).toBe(MARKET);
    expect(file.error).toBeNull();
    const sheet = file.sheets[0];
    expect(sheet).toMatchObject({ name: '检查实施清单', kind: 'checklist', headerRow: 4, dataRows: 9 });
    expect(sheet.columns).toMatchObject({ itemName: 'B', ratio: 'I', frequency: 'J' });
    const issue = sheet.issues.find((i: { cell: string }) => i.cell === 'I7');
    expect(issue).toEqual({
      code: 'ratio/out-of-range',
      severity: 'error',
      cell: 'I7',
      row: 7,
      column: 9,
      field: 'ratio',
      received: '150%',
      message: expect.stringContaining('150%'),
      params: expect.any(Object),
    });
    expect(file.sheets[1]).toMatchObject({ name: '填表说明', kind: 'unknown' });
    expect(json.summary).toEqual({ files: 1, errors: 7, warnings: 3, infos: 0, skipped: 0 });
  });

  test('--lang en-US renders messages in English', async () => {
    const { out } = await drc('check', MARKET, '--json', '--lang', 'en-US');
    const messages = JSON.parse(out).files[0].sheets[0].issues.map((i: { message: string }) => i.message);
    expect(messages.join('\n')).not.toMatch(/[应请]/);
  });

  test('thresholds are settings: --ratio-disturb 50 flags a 60% ratio', async () => {
    const dir = tmp();
    const file = await xlsx(path.join(dir, 'a.xlsx'), (ws) => {
      ws.addRow(['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例', '抽查频次']);
      ws.addRow([1, '食品检查', '《食品安全法》', '某局', '食品企业', '双随机抽查', '60%', '每年1次']);
    });
    const codes = async (...extra: string[]) =>
      JSON.parse((await drc('check', file, '--json', ...extra)).out).files[0].sheets[0].issues.map(
        (i: { code: string }) => i.code,
      );
    expect(await codes()).toEqual([]);
    expect(await codes('--ratio-disturb', '50')).toEqual(['ratio/disturb']);
  });

  test('a folder is expanded into its readable files; its subfolders are listed, not read', async () => {
    const { out } = await drc('check', EXAMPLES, '--json');
    const json = JSON.parse(out);
    expect(json.files).toHaveLength(3);
    expect(json.skipped).toEqual([
      {
        file: path.join(EXAMPLES, 'adjust'),
        reason: 'skip/subfolder',
        message: expect.stringContaining('--recursive'),
      },
      {
        file: path.join(EXAMPLES, 'review'),
        reason: 'skip/subfolder',
        message: expect.stringContaining('--recursive'),
      },
      {
        file: path.join(EXAMPLES, 'tally'),
        reason: 'skip/subfolder',
        message: expect.stringContaining('--recursive'),
      },
      {
        file: path.join(EXAMPLES, 'units'),
        reason: 'skip/subfolder',
        message: expect.stringContaining('--recursive'),
      },
    ]);
    const deep = JSON.parse((await drc('check', EXAMPLES, '--json', '--recursive')).out);
    expect(deep.files.length).toBeGreaterThan(3);
    expect(deep.files.map((f: { file: string }) => f.file)).toContain(
      path.join(EXAMPLES, 'adjust', '于都县市场监督管理局-2020年度检查事项清单.xlsx'),
    );
  });

  test('wrong arguments exit 2', async () => {
    expect((await drc('bogus')).code).toBe(2);
    expect((await drc('check')).code).toBe(2);
    expect((await drc('check', MARKET, '--lang', 'fr')).code).toBe(2);
  });
});

describe('bad input: a clear message naming the file, exit 2, never a stack trace', () => {
  const cases: Array<[string, (dir: string) => Promise<string> | string, RegExp, string]> = [
    [
      'an empty file',
      (d) => (writeFileSync(path.join(d, '空文件.xlsx'), ''), path.join(d, '空文件.xlsx')),
      /空文件\.xlsx.*空的/,
      'file/empty',
    ],
    [
      'a text file renamed .xlsx',
      (d) => (writeFileSync(path.join(d, '改名.xlsx'), '序号,事项\n1,食品'), path.join(d, '改名.xlsx')),
      /改名\.xlsx.*不是有效的 \.xlsx/,
      'file/not-xlsx',
    ],
    [
      'a truncated workbook',
      (d) => {
        const bytes = readFileSync(CLEAN);
        writeFileSync(path.join(d, '截断.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
        return path.join(d, '截断.xlsx');
      },
      /截断\.xlsx/,
      'file/corrupt',
    ],
    ['a missing file', (d) => path.join(d, '不存在.xlsx'), /不存在\.xlsx/, 'file/not-found'],
  ];
  test.each(cases)('%s', async (_label, make, message, code) => {
    const file = await make(tmp());
    const text = await drc('check', file);
    expect(text.code).toBe(2);
    expect(text.out).toMatch(message);
    expect(text.out + text.err).not.toMatch(/\bat \w+ \(|Error:|node_modules/);
    const json = JSON.parse((await drc('check', file, '--json')).out);
    expect(json.files[0].error.code).toBe(code);
    expect(json.files[0].error.message).toContain(path.basename(file));
  });

  test('a password-protected workbook', async () => {
    const file = path.join(__dirname, '..', 'fixtures', 'encrypted.xlsx');
    const json = JSON.parse((await drc('check', file, '--json')).out);
    expect(json.files[0].error).toEqual({
      code: 'file/encrypted',
      message: expect.stringContaining('encrypted.xlsx'),
    });
  });

  test('one bad file does not stop the others; exit 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip');
    const { code, out } = await drc('check', path.join(dir, 'bad.xlsx'), CLEAN, '--json');
    expect(code).toBe(2);
    const json = JSON.parse(out);
    expect(json.files.map((f: { error: unknown }) => f.error === null)).toEqual([false, true]);
  });

  test('a sheet with only a title is unknown; a header with no data rows is reported', async () => {
    const dir = tmp();
    const title = await xlsx(path.join(dir, 'title.xlsx'), (ws) =>
      ws.addRow(['于都县某局2020年度行政检查事项清单']),
    );
    const header = await xlsx(path.join(dir, 'header.xlsx'), (ws) => {
      ws.addRow(['于都县某局2020年度行政检查事项清单']);
      ws.addRow(['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例', '抽查频次']);
    });
    const json = JSON.parse((await drc('check', title, header, '--json')).out);
    expect(json.files[0].sheets[0]).toMatchObject({ kind: 'unknown', dataRows: 0, issues: [] });
    expect(json.files[1].sheets[0]).toMatchObject({ kind: 'checklist', headerRow: 2, dataRows: 0 });
    expect(json.files[1].sheets[0].issues.map((i: { code: string }) => i.code)).toEqual(['sheet/no-data']);
  });

  test('a 200-column sheet is read; the list columns are found among the others', async () => {
    const dir = tmp();
    const file = await xlsx(path.join(dir, 'wide.xlsx'), (ws) => {
      const head = Array.from({ length: 200 }, (_, i) => `字段${i + 1}`);
      head.splice(0, 5, '序号', '检查事项', '检查对象', '抽查比例', '抽查频次');
      ws.addRow(head);
      const row = Array.from({ length: 200 }, (_, i) => `值${i}`);
      row.splice(0, 5, '1', '食品检查', '食品企业', '150%', '每年1次');
      ws.addRow(row);
    });
    const json = JSON.parse((await drc('check', file, '--json')).out);
    const sheet = json.files[0].sheets[0];
    expect(sheet.kind).toBe('checklist');
    expect(
      sheet.issues
        .filter((i: { cell: string }) => i.cell)
        .map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`),
    ).toEqual(['D2 ratio/out-of-range']);
  });

  test('a GBK CSV is decoded; its marked copy is an .xlsx', async () => {
    const dir = tmp();
    const file = path.join(dir, '清单.csv');
    writeFileSync(
      file,
      encodeText(
        '序号,抽查事项,抽查依据,抽查主体,抽查对象,抽查方式,抽查比例,抽查频次\r\n1,食品检查,《食品安全法》,于都县某局,食品企业,双随机抽查,150%,每年1次\r\n',
        'gbk',
      ),
    );
    const { out } = await drc('check', file, '--json', '--out', path.join(dir, 'out'));
    const sheet = JSON.parse(out).files[0].sheets[0];
    expect(sheet.columns.itemName).toBe('B');
    expect(sheet.issues.map((i: { cell: string }) => i.cell)).toEqual(['G2']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', '清单.xlsx'));
    expect(wb.worksheets[0]!.getCell('B2').value).toBe('食品检查');
    expect(String(wb.worksheets[0]!.getCell('G2').note ? 'noted' : '')).toBe('noted');
  });
});

describe('--out never touches the input', () => {
  test('the input bytes are identical after writing the marked copy', async () => {
    const dir = tmp();
    const input = path.join(dir, '清单.xlsx');
    writeFileSync(input, readFileSync(MARKET));
    const hash = () => createHash('sha256').update(readFileSync(input)).digest('hex');
    const before = hash();
    await drc('check', input, '--out', path.join(dir, 'out'));
    expect(hash()).toBe(before);
    expect((await drc('check', input, '--out', dir)).code).toBe(2); // would overwrite the input: refused
    expect(hash()).toBe(before);
  });
});
