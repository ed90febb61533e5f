import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { drc } from '../helpers/drc';
import { MARK_COLOURS } from '../../src/core/workbook-port';
import { buildRichWorkbook, RICH } from '../fixtures/build-rich-workbook';

// The whole `drc check --out` path on a realistic workbook: everything the clerk made is kept, exactly the
// flagged cells are filled and noted, and a second run over the marked copy gives the same result.

/** The rich workbook with four real-looking defects in checked columns. */
async function defective(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildRichWorkbook()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(RICH.sheet)!;
  ws.getCell('F6').value = 1.5; // 150% with the 0% format
  ws.getCell('H7').value = '也许'; // not 是/否
  ws.getCell('C9').value = null; // item name missing
  ws.getCell('G10').value = '双随机抽查'; // with 否 in H10: contradiction
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};

/** Everything a clerk may have put in a cell except its fill and note. */
function cellState(cell: ExcelJS.Cell) {
  const { fill: _fill, ...style } = cell.style ?? {};
  return JSON.stringify({
    value: cell.value,
    formula: cell.formula,
    numFmt: cell.numFmt,
    merged: cell.isMerged,
    font: style.font,
    border: style.border,
    alignment: style.alignment,
  });
}

function sheetState(ws: ExcelJS.Worksheet) {
  const cells: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => (cells[c.address] = cellState(c))),
  );
  return {
    cells,
    merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(),
    widths: ws.columns.map((c) => c.width),
    views: ws.views,
    validations: (ws as unknown as { dataValidations: { model: object } }).dataValidations.model,
    conditional: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
  };
}

const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (c: ExcelJS.Cell) => {
  const n = c.note as string | { texts?: { text: string }[] } | undefined;
  return typeof n === 'string' ? n : (n?.texts?.map((t) => t.text).join('') ?? '');
};

describe('drc check --out round trip', () => {
  let dir: string;
  let input: string;
  let json: {
    files: Array<{
      sheets: Array<{
        name: string;
        issues: Array<{ cell: string | null; severity: string; message: string }>;
      }>;
    }>;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'drc-rt-'));
    input = path.join(dir, '清单.xlsx');
    writeFileSync(input, await defective());
    const hash = createHash('sha256').update(readFileSync(input)).digest('hex');
    const run = await drc('check', input, '--json', '--out', path.join(dir, 'out'));
    expect(run.code).toBe(1);
    json = JSON.parse(run.out);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(hash);
  });

  test('finds exactly the planted defects', () => {
    const cells = json.files[0]!.sheets[0]!.issues.filter((i) => i.cell).map((i) => i.cell);
    expect(cells.sort()).toEqual(['C9', 'F6', 'H10', 'H7']);
  });

  test('the copy keeps values, formulas, formats, merges, widths, views, validations, rules, names and sheets', async () => {
    const [before, after] = [await load(input), await load(path.join(dir, 'out', '清单.xlsx'))];
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    for (const ws of before.worksheets)
      expect(sheetState(after.getWorksheet(ws.name)!)).toEqual(sheetState(ws));
    expect(after.definedNames.model).toEqual(before.definedNames.model);
  });

  test('exactly the flagged cells are filled by severity and noted with what is wrong', async () => {
    const [before, after] = [await load(input), await load(path.join(dir, 'out', '清单.xlsx'))];
    const issues = json.files[0]!.sheets[0]!.issues.filter((i) => i.cell);
    const flagged = new Map(issues.map((i) => [i.cell!, i]));
    const ws = after.getWorksheet(RICH.sheet)!;
    const orig = before.getWorksheet(RICH.sheet)!;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const issue = flagged.get(c.address);
        if (issue) {
          expect({ cell: c.address, fill: fillOf(c) }).toEqual({
            cell: c.address,
            fill: MARK_COLOURS[issue.severity as 'error'],
          });
          expect(noteOf(c)).toContain(issue.message);
        } else {
          expect({ cell: c.address, fill: fillOf(c) }).toEqual({
            cell: c.address,
            fill: fillOf(orig.getCell(c.address)),
          });
          expect({ cell: c.address, note: noteOf(c) }).toEqual({
            cell: c.address,
            note: noteOf(orig.getCell(c.address)),
          });
        }
      }),
    );
  });

  test('a second run over the marked copy gives the same issues and the same marks', async () => {
    const first = path.join(dir, 'out', '清单.xlsx');
    const run = await drc('check', first, '--json', '--out', path.join(dir, 'out2'));
    const issues = (j: typeof json) => j.files[0]!.sheets.map((s) => s.issues);
    expect(issues(JSON.parse(run.out))).toEqual(issues(json));
    const [a, b] = [await load(first), await load(path.join(dir, 'out2', '清单.xlsx'))];
    const marks = (wb: ExcelJS.Workbook) => {
      const out: Record<string, [string | undefined, string]> = {};
      wb.getWorksheet(RICH.sheet)!.eachRow((row) =>
        row.eachCell((c) => (out[c.address] = [fillOf(c), noteOf(c)])),
      );
      return out;
    };
    expect(marks(b)).toEqual(marks(a));
  });
});
