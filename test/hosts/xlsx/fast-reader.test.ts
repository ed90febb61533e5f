import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/core/grid';
import { cellText } from '../../../src/core/normalise';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { buildRichWorkbook } from '../../fixtures/build-rich-workbook';
import { editPart, prefixed } from '../../fixtures/package-variants';

/** Every cell as the text a person reads, keyed by address, from a grid. */
function texts(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  grid.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      const t = cellText(v, grid.numberFormats?.[r]?.[c] ?? undefined);
      if (t !== '') out.set(`${r + 1}:${c + 1}`, t);
    }),
  );
  return out;
}

/** The same, read through exceljs's full object model (the reference). */
async function exceljsTexts(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const out = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        let v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in (v as object))
          v = (v as { result?: unknown }).result ?? null;
        if (v && typeof v === 'object' && 'sharedFormula' in (v as object))
          v = (v as { result?: unknown }).result ?? null;
        if (v && typeof v === 'object' && 'richText' in (v as object))
          v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
        if (v && typeof v === 'object' && 'hyperlink' in (v as object)) v = (v as { text: unknown }).text;
        const t = cellText(v as never, cell.numFmt);
        if (t !== '') out.set(`${r}:${c}`, t);
      }),
    );
    const merges = Object.values(
      (ws as unknown as { _merges: Record<string, { model: object }> })._merges,
    ).map((m) => m.model);
    return { name: ws.name, cells: out, merges };
  });
}

const ROOT = path.join(__dirname, '..', '..', '..');
const files = [
  ...readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(ROOT, 'examples', f)),
  ...readdirSync(path.join(ROOT, 'test/fixtures/golden'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(ROOT, 'test/fixtures/golden', f)),
];

describe('fast reader reads what exceljs reads', () => {
  const compare = async (bytes: Uint8Array) => {
    const reference = await exceljsTexts(bytes);
    const grids = readXlsxGrids(bytes);
    expect(grids.map((g) => g.name)).toEqual(reference.map((s) => s.name));
    grids.forEach((g, i) => {
      expect(Object.fromEntries(texts(g))).toEqual(Object.fromEntries(reference[i]!.cells));
      const key = (m: object) => JSON.stringify(m);
      expect(g.merges.map(key).sort()).toEqual(
        reference[i]!.merges.map((m) =>
          key({
            top: (m as never)['top'],
            left: (m as never)['left'],
            bottom: (m as never)['bottom'],
            right: (m as never)['right'],
          }),
        ).sort(),
      );
    });
  };

  test('the rich workbook (formulas, #N/A, rich text, hyperlinks, dates, percentages, merges)', async () => {
    await compare(await buildRichWorkbook());
  });

  test.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    await compare(new Uint8Array(readFileSync(file)));
  });

  test('XML entities, _xHHHH_ escapes and inline strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('特殊 & <字符>');
    ws.getCell('A1').value = 'A&B <c> "d" \'e\'';
    ws.getCell('A2').value = '第一行\r\n第二行';
    ws.getCell('A3').value = { richText: [{ text: '重点' }, { text: '检查', font: { bold: true } }] };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const [g] = readXlsxGrids(bytes);
    expect(g!.name).toBe('特殊 & <字符>');
    expect(g!.values[0]![0]).toBe('A&B <c> "d" \'e\'');
    expect(cellText(g!.values[1]![0]!)).toBe('第一行 第二行');
    expect(g!.values[2]![0]).toBe('重点检查');
  });

  test('a package that is not a workbook throws', () => {
    expect(() => readXlsxGrids(new Uint8Array([1, 2, 3]))).toThrow();
  });
});

describe('a large part is read in segments with the same result', () => {
  /** The package with long runs of white space before, between and after its rows (what some writers pad). */
  const padded = (bytes: Uint8Array) =>
    editPart(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<sheetData>/, `<sheetData>${' '.repeat(9_000)}`)
        .replace(/<\/row>/g, `</row>${' '.repeat(700)}`)
        .replace(/<\/sheetData>/, `${'\n'.repeat(5_000)}</sheetData>`),
    );

  test.each(files.map((f) => [path.basename(f), f]))(
    '%s, as it is, prefixed and padded',
    async (_n, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      for (const variant of [bytes, prefixed(bytes), padded(bytes)]) {
        const whole = readXlsxGrids(variant);
        // 1,000 bytes a segment: each part is cut in many places, inside characters, tags and long rows.
        expect(readXlsxGrids(variant, { segmentBytes: 1000 })).toEqual(whole);
      }
      expect(readXlsxGrids(padded(bytes))).toEqual(readXlsxGrids(bytes));
    },
  );
});
