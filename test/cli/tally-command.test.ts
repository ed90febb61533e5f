import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { drc } from '../helpers/drc';
import { DETAIL_SHEET, simulateCount, SUMMARY_SHEET } from '../../src/features/tally';
import { openWorkbookFile } from '../../src/hosts/xlsx/node-file';
import {
  addListSheet,
  buildTallyCase,
  enterprise,
  TALLY_CASE,
  writeWorkbook,
} from '../fixtures/build-tally-workbooks';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-tally-'));

/** The soffice binary, or '' after saying clearly why the LibreOffice checks are skipped (CI installs it). */
function libreOffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    console.warn(
      'SKIPPED: soffice (LibreOffice) is not installed, so the tally summary was not converted to PDF or recalculated. Install it with: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk',
    );
  return found;
}

/** Page sizes of a PDF in points, rounded: by pdfinfo (poppler-utils), else from LibreOffice's page objects. */
function pageSizes(pdf: string): number[][] {
  const round = (m: RegExpMatchArray) => [Math.round(Number(m[1])), Math.round(Number(m[2]))];
  if (spawnSync('sh', ['-c', 'command -v pdfinfo'], { encoding: 'utf8' }).stdout.trim()) {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    return [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map(round);
  }
  const raw = readFileSync(pdf).toString('latin1');
  return [...raw.matchAll(/\/Type\s*\/Page\b[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(round);
}

/**
 * A LibreOffice profile of the test's own: a second LibreOffice running on the machine would otherwise take the
 * job or lock the profile. It recalculates every formula of an .xlsx on load (OOXMLRecalcMode 0), so a
 * conversion shows what the formulas compute, not the values stored beside them.
 */
function profileArgs(dir: string): string[] {
  const profile = path.join(dir, 'lo-profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  return [`-env:UserInstallation=file://${profile}`];
}

interface UnitJson {
  unit: string;
  quota: number;
  declared: number;
  status: string;
}

describe('drc tally on the 23 units’ files', () => {
  let dir: string;
  let files: string[];
  let json: Record<string, unknown> & { units: UnitJson[] };
  let code: number;

  beforeAll(async () => {
    dir = tmp();
    files = await buildTallyCase(dir);
    const run = await drc('tally', ...files, '--json');
    code = run.code;
    json = JSON.parse(run.out);
  });

  test('the documented JSON shape, fields in order', () => {
    expect(Object.keys(json).slice(0, 7)).toEqual([
      'quotaTotal',
      'declaredTotal',
      'units',
      'unknownUnits',
      'duplicates',
      'excluded',
      'issues',
    ]);
    expect(Object.keys(json.units[0]).slice(0, 4)).toEqual(['unit', 'quota', 'declared', 'status']);
    expect(code).toBe(1);
  });

  test('totals: quota 66, counted 62', () => {
    expect(json.quotaTotal).toBe(TALLY_CASE.quotaTotal);
    expect(json.declaredTotal).toBe(TALLY_CASE.declaredTotal);
    expect(json.units).toHaveLength(23);
    expect(json.units.reduce((s, u) => s + u.quota, 0)).toBe(66);
  });

  test('shortfalls, an excess, a silent unit; every other unit met', () => {
    for (const u of json.units) {
      const [status, declared] = TALLY_CASE.statuses[u.unit] ?? ['met', u.quota];
      expect({ unit: u.unit, status: u.status, declared: u.declared }).toEqual({
        unit: u.unit,
        status,
        declared,
      });
    }
    expect(json.units.find((u) => u.unit === '民政局')).toMatchObject({
      status: 'none',
      declared: 0,
      difference: -2,
      submitted: 0,
    });
    expect(json.units.find((u) => u.unit === '市场监督管理局')).toMatchObject({
      status: 'over',
      difference: 1,
    });
  });

  test('a county-prefixed full name (于都县工业和信息化局) and an alternative name (县市场监管局) are matched', () => {
    expect(json.units.find((u) => u.unit === '工信局')).toMatchObject({ declared: 1, submitted: 1 });
    expect(json.units.find((u) => u.unit === '市场监督管理局')).toMatchObject({ declared: 9, submitted: 9 });
  });

  test('a unit named only by its file name (于都县卫生健康委员会-….xlsx) is matched', () => {
    expect(json.units.find((u) => u.unit === '卫健委')).toMatchObject({ declared: 4, status: 'met' });
  });

  test('the printed-form file: four sheets, one enterprise each', () => {
    const form = (json.files as Array<{ file: string; sheets: unknown[] }>).find((f) =>
      f.file.endsWith(TALLY_CASE.formFile),
    )!;
    expect(form.sheets).toEqual(
      [1, 2, 3, 4].map((i) => ({ name: `企业${i}`, kind: 'declaration', layout: 'form', declarations: 1 })),
    );
    expect(json.units.find((u) => u.unit === '交通运输局')).toMatchObject({ declared: 4, status: 'met' });
  });

  test('an unknown unit is reported with the closest suggestion, never dropped', () => {
    expect(json.unknownUnits).toEqual([
      {
        name: '于都县统计局',
        file: expect.stringMatching(/统计局/),
        suggestion: '统战部',
        sheet: '申报表',
        declarations: 1,
      },
    ]);
    const issues = json.issues as Array<{ code: string; cell: string; file: string; message: string }>;
    expect(issues.find((i) => i.code === 'tally/unknown-unit')).toMatchObject({
      cell: 'B4',
      message: expect.stringContaining('统战部'),
    });
  });

  test('the same enterprise nominated by two units in two files: listed, counted once (first file)', () => {
    const [dup] = json.duplicates as Array<{
      enterprise: string;
      uscc: string;
      units: string[];
      files: string[];
    }>;
    expect(json.duplicates).toHaveLength(1);
    expect(dup).toMatchObject({
      enterprise: TALLY_CASE.duplicate.enterprise,
      units: TALLY_CASE.duplicate.units,
      count: 2,
    });
    expect(dup.uscc).toMatch(/^91360731MA/);
    expect(dup.files.map((f) => path.basename(f))).toEqual([
      '于都县住建局-监测点企业申报表.xlsx',
      '于都县城管局-监测点企业申报表.xlsx',
    ]);
    const issue = (json.issues as Array<{ code: string; cell: string; file: string }>).find(
      (i) => i.code === 'tally/duplicate',
    );
    expect(issue).toMatchObject({ cell: 'C7', file: expect.stringMatching(/城管局/) });
  });

  test('a 大型 enterprise is excluded, listed, and marked on its cell', () => {
    expect(json.excluded).toEqual([
      expect.objectContaining({
        enterprise: TALLY_CASE.large.enterprise,
        unit: '商务局',
        reason: 'large-enterprise',
      }),
      expect.objectContaining({
        enterprise: TALLY_CASE.duplicate.enterprise,
        unit: '城管局',
        reason: 'duplicate',
      }),
    ]);
    const issue = (json.issues as Array<{ code: string; cell: string; file: string }>).find(
      (i) => i.code === 'scale/not-eligible',
    );
    expect(issue).toMatchObject({ cell: 'J5', file: expect.stringMatching(/商务局/), severity: 'error' });
  });

  test('the readable report names what the Justice Bureau must act on', async () => {
    const { out } = await drc('tally', ...files);
    expect(out).toMatch(/民政局\s+2\s+0\s+-2\s+未申报/);
    expect(out).toMatch(/工信局\s+2\s+1\s+-1\s+不足1/);
    expect(out).toMatch(/市场监督管理局\s+8\s+9\s+\+1\s+超出1/);
    expect(out).toMatch(/合计\s+66\s+62\s+-4\s+不足4/);
    expect(out).toContain('全县任务 66 家，已计入 62 家，还差 4 家');
    const en = (await drc('tally', ...files, '--lang', 'en-US')).out;
    expect(en).toMatch(/工信局\s+2\s+1\s+-1\s+short by 1/);
    expect(en).toContain('closest: 统战部');
  });

  test('a folder stands for its files (sorted: 住建局 before 城管局)', async () => {
    const folder = JSON.parse((await drc('tally', dir, '--json')).out);
    expect(folder.declaredTotal).toBe(62);
  });
});

describe('the quota table replaced', () => {
  let files: string[];
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    files = await buildTallyCase(dir);
  });

  const quotaFile = (total: number) =>
    writeWorkbook(dir, `兴国县分配表-${total}.xlsx`, (wb) => {
      const ws = wb.addWorksheet('分配表');
      ws.addRow(['兴国县中小微企业行政检查监测点分配表']);
      ws.addRow(['序号', '单位', '任务数(家)']);
      ws.addRow([1, '工信局', 1]);
      ws.addRow([2, '市场监管局', 9]);
      ws.addRow([3, '卫生健康委员会', 4]);
      ws.addRow([null, '合计', total]);
    });

  test('--quota FILE: its units and total are used; the other units become unknown', async () => {
    const { code, out } = await drc('tally', ...files, '--quota', await quotaFile(14), '--json');
    const json = JSON.parse(out);
    expect(json.quotaTotal).toBe(14);
    expect(json.quota).toMatchObject({ source: 'file', region: '兴国县', units: 3 });
    expect(json.units.map((u: UnitJson) => [u.unit, u.quota, u.declared, u.status])).toEqual([
      ['工信局', 1, 1, 'met'],
      ['市场监管局', 9, 9, 'met'],
      ['卫生健康委员会', 4, 4, 'met'],
    ]);
    expect(json.declaredTotal).toBe(14);
    expect(json.unknownUnits.map((u: { name: string }) => u.name)).toContain('住建局');
    expect(json.issues.some((i: { code: string }) => i.code === 'tally/quota-total-mismatch')).toBe(false);
    expect(code).toBe(1);
  });

  test('its 合计 is checked against the sum', async () => {
    const json = JSON.parse((await drc('tally', ...files, '--quota', await quotaFile(15), '--json')).out);
    expect(json.quotaTotal).toBe(14);
    expect(json.issues.find((i: { code: string }) => i.code === 'tally/quota-total-mismatch')).toMatchObject({
      cell: 'C6',
      params: { stated: 15, sum: 14 },
      sheet: '分配表',
    });
  });

  test('a quota sheet inside the tallied workbook replaces the default', async () => {
    const file = await writeWorkbook(dir, '汇总用.xlsx', (wb) => {
      const q = wb.addWorksheet('分配表');
      q.addRow(['单位', '任务数']);
      q.addRow(['林业局', 2]);
      q.addRow(['合计', 2]);
      addListSheet(wb, '申报', '申报表', '于都县林业局', [enterprise(), enterprise()]);
    });
    const json = JSON.parse((await drc('tally', file, '--json')).out);
    expect(json.quota).toMatchObject({ source: 'workbook', sheet: '分配表', units: 1 });
    expect(json.units).toEqual([
      expect.objectContaining({ unit: '林业局', quota: 2, declared: 2, status: 'met' }),
    ]);
    expect(json.files[0].sheets.map((s: { kind: string }) => s.kind)).toEqual(['quota', 'declaration']);
    expect(json.issues).toEqual([]);
    expect((await drc('tally', file)).code).toBe(0);
  });

  test('a --quota file without a quota table exits 2 with a message', async () => {
    const { code, err } = await drc('tally', files[0], '--quota', files[0]);
    expect(code).toBe(2);
    expect(err).toContain('没有分配表');
  });
});

describe('where the unit comes from', () => {
  test('--unit names the unit of a file that names none; without it the file is reported', async () => {
    const dir = tmp();
    const file = await writeWorkbook(dir, '申报表.xlsx', (wb) =>
      addListSheet(wb, 'Sheet1', '行政检查监测点企业申报表', null, [enterprise()]),
    );
    const without = JSON.parse((await drc('tally', file, '--json')).out);
    expect(without.unknownUnits).toEqual([
      { name: '', file, suggestion: null, sheet: 'Sheet1', declarations: 1 },
    ]);
    expect(without.issues.map((i: { code: string }) => i.code)).toEqual(['tally/no-unit']);
    const withUnit = JSON.parse((await drc('tally', file, '--unit', '于都县林业局', '--json')).out);
    expect(withUnit.units.find((u: UnitJson) => u.unit === '林业局')).toMatchObject({ declared: 1 });
    expect(withUnit.unknownUnits).toEqual([]);
  });
});

describe('--out: the summary workbook', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = tmp();
    const files = await buildTallyCase(dir);
    out = path.join(dir, 'out', '监测点汇总.xlsx');
    const run = await drc('tally', ...files, '--out', out, '--json');
    expect(JSON.parse(run.out).out).toBe(out);
  });

  test('re-opened: title, units, values and live formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, DETAIL_SHEET]);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(ws.getCell('A1').value).toBe('于都县中小微企业行政检查监测点汇总表');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '单位',
      '任务数（家）',
      '申报数（家）',
      '差额',
      '完成情况',
    ]);
    const units = Array.from({ length: 23 }, (_, i) => ws.getCell(4 + i, 2).value);
    expect(units[0]).toBe('工信局');
    expect(units[22]).toBe('市场监督管理局');
    expect(ws.getCell('C4').value).toBe(2);
    expect(ws.getCell('D4').value).toEqual({
      formula: `COUNTIFS('申报明细'!$B:$B,$B4,'申报明细'!$F:$F,"是")`,
      result: 1,
    });
    expect(ws.getCell('E4').value).toMatchObject({ formula: 'D4-C4', result: -1 });
    expect(ws.getCell('F4').value).toMatchObject({
      formula: expect.stringContaining('"不足"&(C4-D4)'),
      result: '不足1',
    });
    expect(ws.getCell('F6').value).toMatchObject({ result: '未申报' });
    expect(ws.getCell('F26').value).toMatchObject({ result: '超出1' });
    expect(ws.getCell('A27').value).toBe('合计');
    expect(ws.getCell('C27').value).toEqual({ formula: 'SUM(C4:C26)', result: 66 });
    expect(ws.getCell('D27').value).toEqual({ formula: 'SUM(D4:D26)', result: 62 });
    expect((ws.getCell('F4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('F5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    const texts = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    expect(texts).toEqual(
      expect.arrayContaining([
        '重复申报的企业（1 家）',
        TALLY_CASE.duplicate.enterprise,
        '住建局、城管局',
        '不在分配表中的单位（1 个）',
        '于都县统计局',
        '统战部',
        '不计入的企业（2 家）',
        TALLY_CASE.large.enterprise,
      ]),
    );
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    // The status recolours itself when a count changes: conditional formats in the sheet's XML.
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<conditionalFormatting sqref="F4:F27">');
    expect(xml).toContain('LEFT($F4,2)=&quot;不足&quot;');
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    expect(detail.getCell('F3').value).toMatchObject({
      formula: expect.stringContaining('COUNTIF(C$3:C3,C3)>1'),
      result: '是',
    });
  });

  test('each COUNTIFS, computed over the 申报明细 sheet as written, gives the value stored beside it', async () => {
    const grids = await (await openWorkbookFile(out)).readSheets();
    const summary = grids.find((g) => g.name === SUMMARY_SHEET)!;
    const live = [{ sheet: DETAIL_SHEET, unitColumn: 2, criteria: [{ column: 6, criterion: '是' }] }];
    for (let r = 4; r <= 26; r++) {
      const [unit, declared] = [summary.values[r - 1][1] as string, summary.values[r - 1][3] as number];
      expect({ unit, count: simulateCount(grids, live, unit) }).toEqual({ unit, count: declared });
    }
  });

  test('LibreOffice converts it to PDF without error, every page A4 wide', () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const pdfDir = path.join(dir, 'pdf');
    mkdirSync(pdfDir, { recursive: true });
    execFileSync(
      soffice,
      [...profileArgs(dir), '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out],
      { stdio: 'pipe', timeout: 120000 },
    );
    const pdf = path.join(pdfDir, '监测点汇总.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    // The summary: one portrait A4 page (595 × 842 pt); the detail: landscape A4 pages (842 × 595 pt).
    expect(sizes[0]).toEqual([595, 842]);
    for (const size of sizes)
      expect([
        [595, 842],
        [842, 595],
      ]).toContainEqual(size);
  });

  test('the counts are live: a row added to 申报明细 changes the summary when LibreOffice recalculates', async () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The status recolours itself when a count changes: conditional formats in the sheet's XML.
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<conditionalFormatting sqref="F4:F27">');
    expect(xml).toContain('LEFT($F4,2)=&quot;不足&quot;');
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    const r = detail.rowCount + 1;
    detail.getRow(r).values = [r - 2, '民政局', '于都县新添家政服务有限公司', '', '小型'];
    const counted = (detail.getCell('F3').value as ExcelJS.CellFormulaValue).formula.replace(
      /(?<![$\d])3\b/g,
      String(r),
    );
    detail.getCell(r, 6).value = { formula: counted } as ExcelJS.CellFormulaValue;
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const csvDir = path.join(dir, 'csv');
    // UTF-8 CSV of the first sheet (the summary), every formula recalculated on load (see profileArgs).
    execFileSync(
      soffice,
      [
        ...profileArgs(dir),
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        csvDir,
        edited,
      ],
      { stdio: 'pipe', timeout: 120000 },
    );
    const lines = readFileSync(path.join(csvDir, 'edited.csv'), 'utf8').split(/\r?\n/);
    expect(lines).toContain('3,民政局,2,1,-1,不足1');
    expect(lines).toContain('1,工信局,2,1,-1,不足1');
    expect(lines).toContain('合计,,66,63,-3,不足3');
  });

  test('the summary workbook tallied again gives the same counts (申报明细 is a declaration list)', async () => {
    const json = JSON.parse((await drc('tally', out, '--json')).out);
    expect(json.files[0].sheets.map((s: { name: string; kind: string }) => `${s.name}:${s.kind}`)).toEqual([
      `${SUMMARY_SHEET}:other`,
      `${DETAIL_SHEET}:declaration`,
    ]);
    expect(json.declaredTotal).toBe(62);
    expect(json.duplicates).toHaveLength(1);
    expect(json.unknownUnits.map((u: { name: string }) => u.name)).toEqual(['于都县统计局']);
  });

  test('refuses a non-.xlsx --out and an --out that is an input', async () => {
    const dir2 = tmp();
    const file = await writeWorkbook(dir2, 'a.xlsx', (wb) =>
      addListSheet(wb, 'S', '申报表', '林业局', [enterprise()]),
    );
    expect((await drc('tally', file, '--out', path.join(dir2, 'a.pdf'))).code).toBe(2);
    expect((await drc('tally', file, '--out', file)).code).toBe(2);
  });
});
