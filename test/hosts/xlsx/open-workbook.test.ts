import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { columnLetter } from '../../../src/core/grid';
import { CsvWorkbook } from '../../../src/hosts/xlsx/csv-workbook';
import { WorkbookReadError } from '../../../src/hosts/xlsx/errors';
import { openWorkbookFile, readFileBytes } from '../../../src/hosts/xlsx/node-file';
import { openWorkbook } from '../../../src/hosts/xlsx/open-workbook';
import { XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { buildRichWorkbook } from '../../fixtures/build-rich-workbook';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drc-open-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes bytes to a real file under the temp folder and returns its path. */
function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Opens a path and returns the WorkbookReadError it throws (fails when it opens). */
async function readError(p: string): Promise<WorkbookReadError> {
  const err = await openWorkbookFile(p).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  return err as WorkbookReadError;
}

/** Asserts the code and that both messages name the file and carry no raw library error. */
async function expectCode(p: string, code: string): Promise<WorkbookReadError> {
  const err = await readError(p);
  expect(err.code).toBe(code);
  const name = path.basename(p);
  for (const message of [err.message, err.messageIn('zh-CN'), err.messageIn('en-US')]) {
    expect(message).toContain(`"${name}"`);
    expect(message).not.toMatch(/zip|central directory|JSZip|Error:|\bat \w+ \(/i);
  }
  expect(err.toFileError('en-US')).toEqual({ code, message: err.messageIn('en-US') });
  return err;
}

async function excelBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('openWorkbook: files that cannot be read', () => {
  it('an empty file', async () => {
    await expectCode(file('空文件.xlsx', new Uint8Array(0)), 'file/empty');
    await expectCode(file('空文件.csv', new Uint8Array(0)), 'file/empty');
  });

  it('a file of whitespace only (UTF-8 BOM or UTF-16 included)', async () => {
    await expectCode(file('空白.csv', ' \r\n\t \r\n'), 'file/empty');
    await expectCode(file('空白2.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a])), 'file/empty');
    await expectCode(file('空白3.tsv', new Uint8Array([0xff, 0xfe, 0x0d, 0x00, 0x0a, 0x00])), 'file/empty');
  });

  it('a text file renamed .xlsx', async () => {
    const err = await expectCode(
      file('清单.xlsx', '序号,检查事项名称\n1,食品生产企业监督检查\n'),
      'file/not-xlsx',
    );
    expect(err.message).toBe(
      '文件"清单.xlsx"不是有效的 .xlsx 工作簿(可能是改了扩展名的文本文件)，请在 Excel 或 WPS 中另存为 .xlsx 后重试',
    );
    expect(err.messageIn('en-US')).toContain('save it as .xlsx');
  });

  it('a real password-protected workbook (made by LibreOffice)', async () => {
    const p = path.join(dir, '加密清单.xlsx');
    copyFileSync(path.join(FIXTURES, 'encrypted.xlsx'), p);
    const err = await expectCode(p, 'file/encrypted');
    expect(err.message).toContain('密码');
    // The same container saved as .xls (or with no hint at all in its name) is still encrypted.
    const bytes = await readFileBytes(p);
    await expect(openWorkbook(bytes, '加密清单.xls')).rejects.toMatchObject({ code: 'file/encrypted' });
  });

  it('a real old .xls (made by LibreOffice), under its own name and renamed .xlsx', async () => {
    const p = path.join(dir, '旧清单.xls');
    copyFileSync(path.join(FIXTURES, 'legacy.xls'), p);
    await expectCode(p, 'file/legacy-xls');
    const renamed = path.join(dir, '旧清单改名.xlsx');
    copyFileSync(p, renamed);
    const err = await expectCode(renamed, 'file/legacy-xls');
    expect(err.message).toContain('另存为 .xlsx');
  });

  it('a web page saved as .xls (as some platforms export) asks for .xlsx', async () => {
    await expectCode(
      file('平台导出.xls', '<html><body><table><tr><td>序号</td></tr></table></body></html>'),
      'file/legacy-xls',
    );
  });

  it('a truncated zip', async () => {
    const whole = await buildRichWorkbook();
    await expectCode(file('截断.xlsx', whole.subarray(0, Math.floor(whole.length / 2))), 'file/corrupt');
    await expectCode(file('只有开头.xlsx', whole.subarray(0, 200)), 'file/corrupt');
  });

  it('a zip that is not a workbook', async () => {
    await expectCode(file('压缩包.xlsx', zipSync({ 'readme.txt': strToU8('不是工作簿') })), 'file/corrupt');
  });

  it('binary that is neither zip nor OLE', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    // Named as text but not text: said so, never "cannot be read as an .xlsx workbook".
    const err = await expectCode(file('乱码.csv', noise), 'file/not-text');
    expect(err.message).not.toContain('.xlsx 工作簿读取');
    expect(err.messageIn('en-US')).toContain('.csv');
    await expectCode(file('乱码.xlsx', noise), 'file/not-xlsx');
  });

  it('an OpenDocument .ods is a legacy format, named as such', async () => {
    const err = await expectCode(
      file('清单.ods', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') })),
      'file/legacy-xls',
    );
    expect(err.message).toContain('OpenDocument');
    expect(err.message).toContain('请另存为 .xlsx 后再检查');
  });

  it('other extensions', async () => {
    await expectCode(file('清单.pdf', '%PDF-1.4'), 'file/unsupported');
    await expectCode(file('清单', '序号'), 'file/unsupported');
  });

  it('XlsxWorkbook.load itself sorts its input the same way', async () => {
    await expect(XlsxWorkbook.load(new Uint8Array(0), 'a.xlsx')).rejects.toMatchObject({
      code: 'file/empty',
    });
    await expect(XlsxWorkbook.load(strToU8('a,b'), 'a.xlsx')).rejects.toMatchObject({
      code: 'file/not-xlsx',
    });
    const encrypted = await readFileBytes(path.join(FIXTURES, 'encrypted.xlsx'));
    await expect(
      XlsxWorkbook.load(
        encrypted.buffer.slice(
          encrypted.byteOffset,
          encrypted.byteOffset + encrypted.byteLength,
        ) as ArrayBuffer,
        'a.xlsx',
      ),
    ).rejects.toMatchObject({ code: 'file/encrypted' });
  });
});

describe('openWorkbook: odd but readable workbooks', () => {
  it('a sheet with only a title', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('只有标题');
      ws.getCell('A1').value = '于都县2026年度双随机抽查事项清单';
      ws.mergeCells('A1:H1');
    });
    const wb = await openWorkbookFile(file('只有标题.xlsx', bytes));
    const [grid] = await wb.readSheets();
    expect(grid!.name).toBe('只有标题');
    expect(grid!.values).toEqual([['于都县2026年度双随机抽查事项清单']]);
    expect(grid!.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 8 }]);
  });

  it('an empty sheet next to a filled one', async () => {
    const bytes = await excelBytes((wb) => {
      wb.addWorksheet('Sheet1');
      wb.addWorksheet('清单').getCell('B2').value = '序号';
    });
    const grids = await (await openWorkbookFile(file('两表.xlsx', bytes))).readSheets();
    expect(grids.map((g) => [g.name, g.values])).toEqual([
      ['Sheet1', []],
      ['清单', [[], [null, '序号']]],
    ]);
  });

  it('a 200-column sheet', async () => {
    const bytes = await excelBytes((wb) => {
      const ws = wb.addWorksheet('宽表');
      for (let c = 1; c <= 200; c++) {
        ws.getCell(1, c).value = `字段${c}`;
        ws.getCell(2, c).value = c;
        ws.getCell(3, c).value = c % 2 ? `值${columnLetter(c)}` : null;
      }
    });
    const [grid] = await (await openWorkbookFile(file('宽表.xlsx', bytes))).readSheets();
    expect(grid!.values).toHaveLength(3);
    expect(grid!.values[0]).toHaveLength(200);
    expect(grid!.values[0]![199]).toBe('字段200');
    expect(grid!.values[1]![199]).toBe(200);
    expect(grid!.values[2]).toHaveLength(199); // the trailing blank (column 200) is dropped
    expect(grid!.values[2]![198]).toBe(`值${columnLetter(199)}`);
    for (let c = 1; c <= 200; c++) expect(grid!.values[0]![c - 1]).toBe(`字段${c}`);
  });

  it('a zip named .xls (an .xlsx with the wrong extension) is read as .xlsx', async () => {
    const wb = await openWorkbookFile(file('其实是xlsx.xls', await buildRichWorkbook()));
    expect(wb).toBeInstanceOf(XlsxWorkbook);
  });

  it('tab-separated text named .xls (as platforms export it) is read as text', async () => {
    const wb = await openWorkbookFile(
      file('平台导出清单.xls', '序号\t检查事项名称\n1\t食品生产企业监督检查\n'),
    );
    expect(wb).toBeInstanceOf(CsvWorkbook);
    expect((await wb.readSheets())[0]!.values).toEqual([
      ['序号', '检查事项名称'],
      ['1', '食品生产企业监督检查'],
    ]);
  });
});
