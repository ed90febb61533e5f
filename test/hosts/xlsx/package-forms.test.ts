import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { checkGrids, issuesToMarks } from '../../../src/features/check-workbook';
import { findSoffice } from '../../../src/hosts/files/soffice';
import { openWorkbook } from '../../../src/hosts/xlsx/open-workbook';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { editPart, entries, prefixed, repack, strict } from '../../fixtures/package-variants';

const MARKET = new Uint8Array(
  readFileSync(path.join(__dirname, '..', '..', '..', 'examples', '于都县市场监督管理局-检查实施清单.xlsx')),
);
const SOFFICE = findSoffice();

/** The read error's code and params for bytes, or 'read' when they read. */
async function refusal(bytes: Uint8Array, name = '清单.xlsx') {
  return openWorkbook(bytes, name).then(
    () => ({ code: 'read', params: {} as Record<string, unknown>, message: '' }),
    (e: { code: string; params: Record<string, unknown>; messageIn(l: string): string }) => ({
      code: e.code,
      params: e.params,
      message: e.messageIn('zh-CN'),
    }),
  );
}

async function markedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.load(bytes, '清单.xlsx');
  await wb.applyMarks(issuesToMarks(checkGrids(await wb.readSheets()), 'zh-CN'));
  return wb.toBuffer();
}

describe('corruption is corruption: the part is named, nothing is read as data', () => {
  test('a truncated sharedStrings part', async () => {
    const bytes = editPart(MARKET, 'xl/sharedStrings.xml', (x) => x.slice(0, Math.floor(x.length * 0.6)));
    const r = await refusal(bytes);
    expect(r).toMatchObject({
      code: 'file/corrupt',
      params: { part: 'xl/sharedStrings.xml', reason: 'truncated' },
    });
    expect(r.message).toContain('xl/sharedStrings.xml');
  });

  test('a workbook naming a sheet whose part is missing', async () => {
    const bytes = repack(MARKET, (f) => delete f['xl/worksheets/sheet2.xml']);
    expect(await refusal(bytes)).toMatchObject({
      code: 'file/corrupt',
      params: { part: 'xl/worksheets/sheet2.xml', reason: 'missing', sheet: '填表说明' },
    });
  });

  test('a sheet cut in the middle (also when the cut lands between rows)', async () => {
    const cutAt = (x: string) => x.slice(0, x.indexOf('</row>', x.length / 2) + 6);
    for (const edit of [(x: string) => x.slice(0, Math.floor(x.length / 2)), cutAt]) {
      const bytes = editPart(MARKET, 'xl/worksheets/sheet1.xml', edit);
      expect(await refusal(bytes)).toMatchObject({
        code: 'file/corrupt',
        params: { part: 'xl/worksheets/sheet1.xml', reason: 'truncated' },
      });
    }
  });

  test('a malformed styles.xml (a tag left open, an attribute broken)', async () => {
    for (const edit of [
      (x: string) => x.replace('</cellXfs>', ''),
      (x: string) => x.replace('numFmtId="', 'numFmtId=""'),
    ]) {
      const r = await refusal(editPart(MARKET, 'xl/styles.xml', edit));
      expect(r).toMatchObject({ code: 'file/corrupt', params: { part: 'xl/styles.xml' } });
    }
  });

  test('bytes flipped inside a compressed part fail its checksum', async () => {
    const bytes = MARKET.slice();
    const start = Buffer.from(bytes).indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    bytes[start + 200]! ^= 0xff;
    const r = await refusal(bytes);
    expect(r.code).toBe('file/corrupt');
    expect(r.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml' });
    expect(['crc', 'inflate']).toContain(r.params.reason);
  });

  test('a damaged part the reader does not use (the theme) is still damage', async () => {
    const r = await refusal(editPart(MARKET, 'xl/theme/theme1.xml', (x) => x).slice(0)); // control: intact
    expect(r.code).toBe('read');
    const bytes = MARKET.slice();
    const at = Buffer.from(bytes).indexOf('xl/theme/theme1.xml') + 'xl/theme/theme1.xml'.length + 100;
    bytes[at]! ^= 0x55;
    expect((await refusal(bytes)).params).toMatchObject({ part: 'xl/theme/theme1.xml' });
  });

  test('a cell naming a shared string that does not exist', async () => {
    const bytes = editPart(MARKET, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$19999$2'),
    );
    expect(await refusal(bytes)).toMatchObject({ code: 'file/corrupt', params: { reason: 'shared-string' } });
  });

  test('wrong content types: the workbook declared as something else, or not declared', async () => {
    const wrong = editPart(MARKET, '[Content_Types].xml', (x) =>
      x.replace('spreadsheetml.sheet.main+xml', 'wordprocessingml.document.main+xml'),
    );
    expect(await refusal(wrong)).toMatchObject({ code: 'file/corrupt', params: { reason: 'content-type' } });
    const missing = repack(MARKET, (f) => delete f['[Content_Types].xml']);
    expect(await refusal(missing)).toMatchObject({
      code: 'file/corrupt',
      params: { part: '[Content_Types].xml' },
    });
  });

  test('a Word document renamed .xlsx is said to be one', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      'word/document.xml': strToU8('<w:document xmlns:w="urn:w"/>'),
    });
    const r = await refusal(docx);
    expect(r).toMatchObject({ code: 'file/not-xlsx', params: { what: 'word' } });
    expect(r.message).toContain('Word 文档');
  });

  test('invalid UTF-8 in a part', async () => {
    const bytes = repack(MARKET, (f) => {
      const data = f['xl/sharedStrings.xml']!;
      const at = Buffer.from(data).indexOf('<t>') + 3;
      f['xl/sharedStrings.xml'] = new Uint8Array([...data.subarray(0, at), 0xc3, 0x28, ...data.subarray(at)]);
    });
    expect(await refusal(bytes)).toMatchObject({ code: 'file/corrupt', params: { reason: 'encoding' } });
  });
});

describe('prefixed and Strict SpreadsheetML are read and marked like the usual form', () => {
  const forms: Array<[string, Uint8Array]> = [
    ['prefixed <x:c>', prefixed(MARKET)],
    ['Strict (purl.oclc.org)', strict(MARKET)],
    ['Strict and prefixed', prefixed(strict(MARKET))],
  ];

  test.each(forms)('%s: the same grids as the usual form', (_label, bytes) => {
    const sheet1 = strFromU8(entries(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toMatch(/<x:c |purl\.oclc\.org/); // made the way the test says
    expect(readXlsxGrids(bytes)).toEqual(readXlsxGrids(MARKET));
  });

  test.each(forms)('%s: the marked copy reads back the same and carries the marks', async (_label, bytes) => {
    const copy = await markedCopy(bytes);
    expect(readXlsxGrids(copy)).toEqual(readXlsxGrids(MARKET)); // well-formed, same values
    const files = entries(copy);
    const comments = Object.keys(files).find((n) => /comments\d*\.xml$/.test(n))!;
    const notes = strFromU8(files[comments]!);
    expect(notes).toContain('150%');
    const isStrict = strFromU8(files['xl/workbook.xml']!).includes('purl.oclc.org');
    // New parts and relationships speak the package's own namespace names.
    expect(notes).toContain(
      isStrict ? 'purl.oclc.org/ooxml/spreadsheetml/main' : 'schemas.openxmlformats.org',
    );
    const sheetRels = strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels']!);
    expect(sheetRels).toContain(
      isStrict ? 'purl.oclc.org/ooxml/officeDocument/relationships/comments' : '2006/relationships/comments',
    );
  });

  (SOFFICE ? test : test.skip)(
    'LibreOffice opens each marked copy and sees the fill and the note on I7',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'drc-forms-'));
      const names: string[] = [];
      for (const [i, [, bytes]] of forms.entries()) {
        const file = path.join(dir, `form${i}.xlsx`);
        writeFileSync(file, await markedCopy(bytes));
        names.push(file);
      }
      spawnSync(SOFFICE!, [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'lo'),
        ...names,
      ]);
      for (const file of names) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(dir, 'lo', path.basename(file)));
        const cell = wb.getWorksheet('检查实施清单')!.getCell('I7');
        expect(cell.value).toBe('150%');
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFC7CE$/i);
        expect(JSON.stringify(cell.note)).toContain('150%');
      }
    },
  );
});
