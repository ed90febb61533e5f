import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { drc } from '../helpers/drc';
import {
  convert,
  libreOffice,
  pageSizes,
  pageTexts,
  pixelsOf,
  recalculatedSheets,
  renderPage,
} from '../helpers/libre-office';
import {
  CHART_SHEET,
  DETAIL_SHEET,
  LIST_SHEETS,
  simulateCount,
  SUMMARY_SHEET,
} from '../../src/features/tally';
import { openWorkbookFile } from '../../src/hosts/xlsx/node-file';
import {
  addListSheet,
  buildTallyCase,
  buildTallyExtras,
  buildUnitsRegister,
  enterprise,
  TALLY_CASE,
  writeWorkbook,
} from '../fixtures/build-tally-workbooks';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-tally-'));

interface UnitJson {
  unit: string;
  quota: number;
  declared: number;
  status: string;
}

describe('drc tally on the 23 units’ files', () => {
  let dir: string;
  let files: string[];
  let units: string;
  let json: Record<string, unknown> & { units: UnitJson[] };
  let code: number;

  beforeAll(async () => {
    dir = tmp();
    files = await buildTallyCase(dir);
    units = await buildUnitsRegister(tmp());
    const run = await drc('tally', ...files, '--units', units, '--json');
    code = run.code;
    json = JSON.parse(run.out);
  });

  test('the documented JSON shape, fields in order; new fields added after them', () => {
    expect(Object.keys(json).slice(0, 7)).toEqual([
      'quotaTotal',
      'declaredTotal',
      'units',
      'unknownUnits',
      'duplicates',
      'excluded',
      'issues',
    ]);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'quota',
        'files',
        'summary',
        'out',
        'shortfall',
        'excess',
        'possibleDuplicates',
      ]),
    );
    expect(Object.keys(json.units[0]!).slice(0, 4)).toEqual(['unit', 'quota', 'declared', 'status']);
    expect(code).toBe(1);
  });

  test('totals: quota 66, counted 62; shortage and excess stated apart, never netted', () => {
    expect(json.quotaTotal).toBe(TALLY_CASE.quotaTotal);
    expect(json.declaredTotal).toBe(TALLY_CASE.declaredTotal);
    expect(json.units).toHaveLength(23);
    expect(json.units.reduce((s, u) => s + u.quota, 0)).toBe(66);
    expect(json.shortfall).toEqual(TALLY_CASE.shortfall);
    expect(json.excess).toEqual(TALLY_CASE.excess);
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

  test('unit names with city and province prefixes, full names and sub-units are matched', () => {
    expect(json.units.find((u) => u.unit === '工信局')).toMatchObject({ declared: 1, submitted: 1 });
    expect(json.units.find((u) => u.unit === '市场监督管理局')).toMatchObject({ declared: 9, submitted: 9 });
    // 赣州市于都县住房和城乡建设局, 于都县公安局交警大队, 江西省于都县应急管理局, 于都县林业局法规股.
    for (const unit of ['住建局', '公安局', '应急管理局', '林业局'])
      expect(json.units.find((u) => u.unit === unit)).toMatchObject({ status: 'met' });
    const issues = json.issues as Array<{ code: string }>;
    expect(issues.filter((i) => i.code.startsWith('tally/unknown-unit'))).toHaveLength(0);
    expect(issues.filter((i) => i.code === 'tally/unit-outside-quota')).toHaveLength(2);
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

  test('a unit outside the table: listed, never dropped; a suggestion only when a table unit is close', () => {
    expect(json.unknownUnits).toEqual([
      {
        name: TALLY_CASE.outside,
        file: expect.stringMatching(/人防办/),
        suggestion: null,
        sheet: '申报表',
        declarations: 1,
        registered: TALLY_CASE.outside,
      },
      {
        name: '于都县统计局',
        file: expect.stringMatching(/统计局/),
        suggestion: null,
        sheet: '申报表',
        declarations: 1,
        registered: '于都县统计局',
      },
    ]);
  });

  test('the register files 于都县工商业联合会 under 统战部; without it the name is unknown and 统战部 silent', async () => {
    expect(json.units.find((u) => u.unit === '统战部')).toMatchObject({ declared: 1, status: 'met' });
    const without = JSON.parse((await drc('tally', ...files, '--json')).out);
    expect(without.declaredTotal).toBe(TALLY_CASE.declaredWithoutRegister);
    expect(without.units.find((u: UnitJson) => u.unit === '统战部')).toMatchObject({ status: 'none' });
    expect(without.shortfall).toEqual({ enterprises: 6, units: 5 });
    const unknown = without.unknownUnits.map((u: { name: string; suggestion: string | null }) => [
      u.name,
      u.suggestion,
    ]);
    expect(unknown).toEqual([
      [TALLY_CASE.outside, null],
      [TALLY_CASE.federation, null],
      ['于都县统计局', null],
    ]);
    const issue = (without.issues as Array<{ code: string; cell: string; message: string }>).find(
      (i) => i.code === 'tally/unknown-unit-no-match' && i.message.includes('统计局'),
    );
    expect(issue).toMatchObject({ cell: 'B4', message: expect.stringContaining('分配表中没有相近的单位') });
  });

  test('one enterprise nominated by a unit outside the table and two table units: it counts for the first table unit', () => {
    const [dup] = json.duplicates as Array<{
      enterprise: string;
      uscc: string;
      units: string[];
      files: string[];
      countedFor: string;
      choice: string;
    }>;
    expect(json.duplicates).toHaveLength(1);
    expect(dup).toMatchObject({
      enterprise: TALLY_CASE.duplicate.enterprise,
      units: TALLY_CASE.duplicate.units,
      count: 3,
      countedFor: '住建局',
      choice: 'table-unit',
    });
    expect(dup!.uscc).toMatch(/^91360731MA/);
    expect(dup!.files.map((f) => path.basename(f))).toEqual([
      '于都县人防办-监测点企业申报表.xlsx',
      '于都县住建局-监测点企业申报表.xlsx',
      '于都县城管局-监测点企业申报表.xlsx',
    ]);
    const issues = (
      json.issues as Array<{ code: string; cell: string; file: string; message: string }>
    ).filter((i) => i.code === 'tally/duplicate');
    expect(issues.map((i) => [path.basename(i.file), i.cell])).toEqual([
      ['于都县人防办-监测点企业申报表.xlsx', 'C4'],
      ['于都县城管局-监测点企业申报表.xlsx', 'C7'],
    ]);
    expect(issues[0]!.message).toContain('该企业已计入住建局');
  });

  test('names that differ only by 有限公司 / 有限责任公司, neither with a code: listed, both counted', () => {
    expect(json.possibleDuplicates).toEqual([
      {
        enterprises: TALLY_CASE.possible,
        units: ['农业农村局', '林业局'],
        files: [expect.stringMatching(/农业农村局/), expect.stringMatching(/林业局/)],
      },
    ]);
    expect(json.units.find((u) => u.unit === '林业局')).toMatchObject({ declared: 2, status: 'met' });
    expect(json.units.find((u) => u.unit === '农业农村局')).toMatchObject({ declared: 4, status: 'met' });
    const issue = (json.issues as Array<{ code: string; severity: string }>).find(
      (i) => i.code === 'tally/possible-duplicate',
    );
    expect(issue).toMatchObject({ severity: 'warning' });
  });

  test('a 大型 enterprise is excluded, listed, and marked on its cell', () => {
    expect(json.excluded).toEqual([
      expect.objectContaining({ unit: TALLY_CASE.outside, reason: 'duplicate' }),
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
    const { out } = await drc('tally', ...files, '--units', units);
    expect(out).toMatch(/民政局\s+2\s+0\s+-2\s+未申报/);
    expect(out).toMatch(/工信局\s+2\s+1\s+-1\s+不足1/);
    expect(out).toMatch(/市场监督管理局\s+8\s+9\s+\+1\s+超出1/);
    expect(out).toMatch(/合计\s+66\s+62\s+-4\s+不足5，超出1/);
    expect(out).toContain('全县任务 66 家，已计入 62 家，还差 5 家(4 个单位)，超出 1 家(1 个单位)');
    expect(out).toContain(
      '江西鑫建建设工程有限公司 91360731MA0000001P：于都县人民防空办公室、住建局、城管局 → 计入住建局(分配表中的单位优先)',
    );
    expect(out).toContain('可能重复，请核实(1 组)');
    expect(out).toContain(
      '于都县统计局(于都县统计局-监测点企业申报表.xlsx，1 份)，在单位名录中，但分配表未给它分配任务',
    );
    expect(out).toContain('赣南商贸集团股份有限公司(商务局)：大型企业，不属于中小微企业');
    expect(out).toContain('江西鑫建建设工程有限公司(城管局)：重复申报，已计入住建局');
    const en = (await drc('tally', ...files, '--lang', 'en-US')).out;
    expect(en).toMatch(/工信局\s+2\s+1\s+-1\s+short by 1/);
    expect(en).toContain('no unit of the quota table is close to it');
    expect(en).toContain('6 still missing (5 units), 1 over (1 unit)');
  });

  test('a folder stands for its files (sorted: 人防办 before 住建局 before 城管局)', async () => {
    const folder = JSON.parse((await drc('tally', dir, '--units', units, '--json')).out);
    expect(folder.declaredTotal).toBe(62);
    expect(folder.duplicates[0].countedFor).toBe('住建局');
  });
});

describe('declarations as units really send them: Word tables, forms stacked on one sheet', () => {
  let files: string[];
  let json: {
    units: UnitJson[];
    files: Array<{ file: string; sheets: Array<{ name: string; layout: string; declarations: number }> }>;
    issues: Array<{ code: string; file: string; sheet: string }>;
  };
  beforeAll(async () => {
    files = await buildTallyCase(tmp());
    json = JSON.parse((await drc('tally', ...files, '--json')).out);
  });

  test('the Annex 2 form as a Word table counts, its unit read from the 推荐单位 line above it', () => {
    expect(json.units.find((u) => u.unit === '司法局')).toMatchObject({ declared: 1, status: 'met' });
    const word = json.files.find((f) => f.file.endsWith(TALLY_CASE.wordForm))!;
    expect(word.sheets).toEqual([{ name: '表格1', kind: 'declaration', layout: 'form', declarations: 1 }]);
  });

  test('a Word list counts one enterprise per table row, the unit named by its title', () => {
    expect(json.units.find((u) => u.unit === '文广新旅局')).toMatchObject({ declared: 2, status: 'met' });
    const word = json.files.find((f) => f.file.endsWith(TALLY_CASE.wordList))!;
    expect(word.sheets).toEqual([{ name: '表格1', kind: 'declaration', layout: 'list', declarations: 2 }]);
  });

  test('four forms stacked on one sheet are four declarations; the unit written once above them holds for all', () => {
    const stacked = json.files.find((f) => f.file.endsWith(TALLY_CASE.stackedFile))!;
    expect(stacked.sheets).toEqual([
      { name: '申报表', kind: 'declaration', layout: 'form', declarations: 4 },
    ]);
    expect(json.units.find((u) => u.unit === '生态环境局')).toMatchObject({ declared: 4, status: 'met' });
    expect(json.issues.filter((i) => i.file.endsWith(TALLY_CASE.stackedFile))).toEqual([]);
  });
});

describe('every file that gave no declaration is named, with what it was taken to be', () => {
  let dir: string;
  let run: { code: number; out: string; err: string };
  let json: {
    noDeclaration: Array<{ file: string; kind: string; unit: string | null; message: string | null }>;
    skipped: Array<{ file: string; reason: string }>;
    units: UnitJson[];
  };
  beforeAll(async () => {
    dir = tmp();
    await buildTallyCase(dir);
    await buildTallyExtras(dir);
    writeFileSync(path.join(dir, '扫描件.pdf'), '%PDF-1.4\n');
    run = await drc('tally', dir);
    json = JSON.parse((await drc('tally', dir, '--json')).out);
  });

  test('JSON: each file, its kind and the unit it seems to be from; the folder’s other files too', () => {
    const byName = Object.fromEntries(
      json.noDeclaration.map((n) => [path.basename(n.file), [n.kind, n.unit]]),
    );
    expect(byName).toEqual({ ...TALLY_CASE.extras, '扫描件.pdf': ['skipped', null] });
    const doc = json.noDeclaration.find((n) => n.file.endsWith('.doc'))!;
    expect(doc.message).toContain('另存为 .docx');
    expect(json.skipped.map((k) => [path.basename(k.file), k.reason])).toEqual([['扫描件.pdf', 'skip/pdf']]);
    // 民政局 sent its list, not its declaration: still 未申报, and now the list says why.
    expect(json.units.find((u) => u.unit === '民政局')).toMatchObject({ status: 'none' });
    expect(json.units.find((u) => u.unit === '医保局')).toMatchObject({ status: 'met' });
  });

  test('text: the list under its own heading; an unreadable file exits 2', () => {
    expect(run.out).toContain('未读到申报的文件(5 个)：');
    expect(run.out).toContain('于都县民政局-检查实施清单.xlsx(似为民政局)：检查实施清单，不是监测点申报表');
    expect(run.out).toContain('新建 Microsoft Excel 工作表.xlsx：空白工作簿');
    expect(run.out).toContain('关于报送监测点企业的说明.docx：Word 文档，其中没有申报表');
    expect(run.out).toContain('于都县医保局-监测点企业申报表.doc(似为医保局)：无法读取(原因见上)');
    expect(run.out).toMatch(/✖ 无法读取：文件"于都县医保局-监测点企业申报表\.doc"是旧版 Word 97-2003 文档/);
    expect(run.out).toMatch(/扫描件\.pdf：未读取：PDF/);
    expect(run.code).toBe(2);
  });
});

describe('live formulas match exactly: wildcards and operators in names', () => {
  test('* ? ~ and a leading = in enterprise and unit names: LibreOffice recalculates the tally’s own figures', async () => {
    const soffice = libreOffice();
    const dir = tmp();
    // A quota table whose unit carries a footnote star, as printed tables do (市场监管局* 含知识产权局).
    const quota = await writeWorkbook(dir, '分配表.xlsx', (wb) => {
      const ws = wb.addWorksheet('分配表');
      ws.addRow(['于都县中小微企业行政检查监测点分配表']);
      ws.addRow(['序号', '单位', '任务数']);
      ws.addRow([1, '林业局', 3]);
      ws.addRow([2, '市场监管局*', 2]);
      ws.addRow([3, '市场监管局', 2]);
      ws.addRow([4, '商务局', 3]);
      ws.addRow(['合计', null, 10]);
    });
    const e = (name: string) => enterprise({ name, uscc: '' });
    const files = [
      // COUNTIF would read * and ? as wildcards: 于都县*星… matches 于都县好星…, 于都县?源… matches 于都县鑫源….
      await writeWorkbook(dir, 'a.xlsx', (wb) =>
        addListSheet(wb, '申报', '申报表', '林业局', [
          e('于都县*星电子有限公司'),
          e('于都县好星电子有限公司'),
          e('于都县~波文化传媒有限公司'),
        ]),
      ),
      await writeWorkbook(dir, 'b.xlsx', (wb) =>
        addListSheet(wb, '申报', '申报表', '商务局', [
          e('于都县?源食品有限公司'),
          e('于都县鑫源食品有限公司'),
          e('=于都县等号商贸有限公司'),
        ]),
      ),
      await writeWorkbook(dir, 'c.xlsx', (wb) =>
        addListSheet(wb, '申报', '申报表', '市场监管局*', [e('于都县星号一号有限公司')]),
      ),
      await writeWorkbook(dir, 'd.xlsx', (wb) =>
        addListSheet(wb, '申报', '申报表', '市场监管局', [
          e('于都县无星一号有限公司'),
          e('于都县无星二号有限公司'),
        ]),
      ),
    ];
    const out = path.join(dir, '汇总.xlsx');
    const json = JSON.parse((await drc('tally', ...files, '--quota', quota, '--out', out, '--json')).out);
    expect(json.units.map((u: UnitJson) => [u.unit, u.declared])).toEqual([
      ['林业局', 3],
      ['市场监管局*', 1],
      ['市场监管局', 2],
      ['商务局', 3],
    ]);
    expect(json.declaredTotal).toBe(9);
    if (!soffice) return;
    const sheets = recalculatedSheets(soffice, out, path.join(dir, 'recalc'));
    const summary = sheets[SUMMARY_SHEET]!;
    expect(summary.slice(4, 8).map((r) => [r[1], r[3]])).toEqual(
      json.units.map((u: UnitJson) => [u.unit, String(u.declared)]),
    );
    expect(summary[8]!.slice(0, 4)).toEqual(['合计', '', '10', '9']);
    // Every declaration of 申报明细 is 计入 = 是: none of them is another one's duplicate.
    expect(sheets[DETAIL_SHEET]!.slice(2).map((r) => r[5])).toEqual(Array(9).fill('是'));
  });
});

describe('the office decides which unit a repeated nomination counts for', () => {
  let files: string[];
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    files = await buildTallyCase(dir);
  });

  test('a decisions CSV moves 江西鑫建 from 住建局 to 城管局; its wrong rows are reported', async () => {
    const decisions = path.join(dir, '重复申报决定.csv');
    writeFileSync(
      decisions,
      '企业名称,计入单位\n# 由城管局计入\n江西鑫建建设工程有限公司,于都县城市管理局\n于都县恒通物流有限公司,住建局\n',
    );
    const json = JSON.parse((await drc('tally', ...files, '--decisions', decisions, '--json')).out);
    expect(json.duplicates[0]).toMatchObject({ countedFor: '城管局', choice: 'decision' });
    expect(json.units.find((u: UnitJson) => u.unit === '城管局')).toMatchObject({
      declared: 4,
      status: 'met',
    });
    expect(json.units.find((u: UnitJson) => u.unit === '住建局')).toMatchObject({
      declared: 3,
      status: 'short',
    });
    expect(json.issues.find((i: { code: string }) => i.code === 'tally/decision-unused')).toMatchObject({
      file: decisions,
      row: 4,
    });
  });

  test('the summary workbook’s 重复申报 sheet is itself a decisions file', async () => {
    const out = path.join(dir, '汇总.xlsx');
    await drc('tally', ...files, '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('重复申报')!;
    const head = (sheet.getRow(3).values as unknown[]).slice(1);
    const column = head.indexOf('计入单位') + 1;
    expect(sheet.getCell(4, column).value).toBe('住建局');
    sheet.getCell(4, column).value = '城管局';
    const edited = path.join(dir, '汇总-已改.xlsx');
    await wb.xlsx.writeFile(edited);
    const json = JSON.parse((await drc('tally', ...files, '--decisions', edited, '--json')).out);
    expect(json.duplicates[0]).toMatchObject({ countedFor: '城管局', choice: 'decision' });
  });

  test('a decision for a unit that did not nominate it, or not in the table, keeps the default and says so', async () => {
    const decisions = path.join(dir, '决定2.csv');
    writeFileSync(decisions, '江西鑫建建设工程有限公司,水利局\n91360731MA0000001P,税务局\n');
    const json = JSON.parse((await drc('tally', ...files, '--decisions', decisions, '--json')).out);
    expect(json.duplicates[0]).toMatchObject({ countedFor: '住建局', choice: 'table-unit' });
    expect(
      json.issues
        .filter((i: { code: string }) => i.code.startsWith('tally/decision'))
        .map((i: { code: string; row: number }) => [i.code, i.row]),
    ).toEqual([
      ['tally/decision-no-match', 1],
      ['tally/decision-unit-unknown', 2],
    ]);
  });

  test('a decisions file without decisions exits 2', async () => {
    const empty = path.join(dir, '空.csv');
    writeFileSync(empty, '说明\n');
    const run = await drc('tally', ...files, '--decisions', empty);
    expect(run.code).toBe(2);
    expect(run.err).toContain('没有重复申报的决定');
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
    expect(json.unknownUnits.map((u: { name: string }) => u.name)).toContain('赣州市于都县住房和城乡建设局');
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

  test('a district’s table (赣县区): its units written 赣县区…, 区… and 赣州市赣县区… match; the text says 全区', async () => {
    const dir2 = tmp();
    const quota = await writeWorkbook(dir2, '赣县区分配表.xlsx', (wb) => {
      const ws = wb.addWorksheet('附件1');
      ws.addRow(['附件1']);
      ws.addRow(['赣县区中小微企业行政检查监测点分配表']);
      ws.addRow(['序号', '单位', '任务数(家)']);
      ws.addRow([1, '工信局', 2]);
      ws.addRow([2, '住建局', 1]);
      ws.addRow([3, '市场监管局', 2]);
      ws.addRow(['合计', null, 5]);
    });
    const decl = (name: string, unit: string, k: number) =>
      writeWorkbook(dir2, name, (wb) =>
        addListSheet(
          wb,
          '申报表',
          '行政检查监测点企业申报表',
          unit,
          Array.from({ length: k }, () => enterprise()),
        ),
      );
    const files = [
      await decl('a.xlsx', '赣县区工业和信息化局', 2),
      await decl('b.xlsx', '区住建局', 1),
      await decl('c.xlsx', '赣州市赣县区市场监督管理局城关分局', 1),
    ];
    const json = JSON.parse((await drc('tally', ...files, '--quota', quota, '--json')).out);
    expect(json.quota).toMatchObject({ region: '赣县区', units: 3, stated: 5 });
    expect(json.units.map((u: UnitJson) => [u.unit, u.declared])).toEqual([
      ['工信局', 2],
      ['住建局', 1],
      ['市场监管局', 1],
    ]);
    expect(json.unknownUnits).toEqual([]);
    const { out } = await drc('tally', ...files, '--quota', quota);
    expect(out).toContain('全区任务 5 家，已计入 4 家，还差 1 家(1 个单位)');
    const wbOut = path.join(dir2, '区汇总.xlsx');
    await drc('tally', ...files, '--quota', quota, '--out', wbOut);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(wbOut);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value).toBe('赣县区中小微企业行政检查监测点汇总表');
  });

  test('a --quota file without a quota table exits 2 with a message', async () => {
    const { code, err } = await drc('tally', files[0]!, '--quota', files[0]!);
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
      { name: '', file, suggestion: null, sheet: 'Sheet1', declarations: 1, registered: null },
    ]);
    expect(without.issues.map((i: { code: string }) => i.code)).toEqual(['tally/no-unit']);
    const withUnit = JSON.parse((await drc('tally', file, '--unit', '于都县林业局', '--json')).out);
    expect(withUnit.units.find((u: UnitJson) => u.unit === '林业局')).toMatchObject({ declared: 1 });
    expect(withUnit.unknownUnits).toEqual([]);
  });

  test('--unit overrides the unit a file writes (its column, title and name)', async () => {
    const dir = tmp();
    const file = await writeWorkbook(dir, '于都县水利局-监测点企业申报表.xlsx', (wb) =>
      addListSheet(wb, '申报表', '于都县水利局行政检查监测点企业申报表', '于都县水利局', [
        enterprise(),
        enterprise(),
      ]),
    );
    const json = JSON.parse((await drc('tally', file, '--unit', '县林业局', '--json')).out);
    expect(json.units.find((u: UnitJson) => u.unit === '林业局')).toMatchObject({
      declared: 2,
      status: 'met',
    });
    expect(json.units.find((u: UnitJson) => u.unit === '水利局')).toMatchObject({ declared: 0 });
  });

  test('--unit naming no unit of the table exits 2, with a close one when there is one', async () => {
    const dir = tmp();
    const file = await writeWorkbook(dir, 'a.xlsx', (wb) =>
      addListSheet(wb, 'S', '申报表', '林业局', [enterprise()]),
    );
    const far = await drc('tally', file, '--unit', '税务局');
    expect(far.code).toBe(2);
    expect(far.err).toContain('--unit 指定的单位"税务局"不在分配表中');
    const close = await drc('tally', file, '--unit', '自然资原局');
    expect(close.err).toContain('最接近的是"自然资源局"');
  });
});

describe('--out: the summary workbook', () => {
  let dir: string;
  let out: string;
  let json: {
    units: UnitJson[];
    declaredTotal: number;
    quotaTotal: number;
    shortfall: { enterprises: number; units: number };
    excess: { enterprises: number; units: number };
    summary: { declarations: number };
    excluded: unknown[];
  };
  let text: string;
  let files: string[];
  let units: string;
  beforeAll(async () => {
    dir = tmp();
    files = [...(await buildTallyCase(dir)), ...(await buildTallyExtras(dir))];
    units = await buildUnitsRegister(tmp());
    out = path.join(dir, 'out', '监测点汇总.xlsx');
    const run = await drc('tally', ...files, '--units', units, '--out', out, '--json');
    json = JSON.parse(run.out);
    expect(JSON.parse(run.out).out).toBe(out);
    text = (await drc('tally', ...files, '--units', units)).out;
  });

  test('re-opened: title, 制表 line, units, values and exact live formulas; each list on a sheet of its own', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEET,
      CHART_SHEET,
      ...Object.values(LIST_SHEETS),
      DETAIL_SHEET,
    ]);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(ws.getCell('A1').value).toBe('于都县中小微企业行政检查监测点汇总表');
    expect(ws.getCell('A2').value).toBe('制表单位（盖章）：');
    expect(ws.getCell('D2').value).toMatch(/^制表日期：\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(ws.getCell('A3').value).toContain('另见“重复申报”表（1 家）');
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '序号',
      '单位',
      '任务数（家）',
      '申报数（家）',
      '差额',
      '完成情况',
    ]);
    const names = Array.from({ length: 23 }, (_, i) => ws.getCell(5 + i, 2).value);
    expect(names[0]).toBe('工信局');
    expect(names[22]).toBe('市场监督管理局');
    expect(ws.getCell('C5').value).toBe(2);
    expect(ws.getCell('D5').value).toEqual({
      formula: `SUMPRODUCT(EXACT('申报明细'!$B$3:$B$1068,$B5)*('申报明细'!$F$3:$F$1068="是"))`,
      result: 1,
    });
    expect(ws.getCell('E5').value).toMatchObject({ formula: 'D5-C5', result: -1 });
    expect(ws.getCell('F5').value).toMatchObject({
      formula: expect.stringContaining('"不足"&(C5-D5)'),
      result: '不足1',
    });
    expect(ws.getCell('F7').value).toMatchObject({ result: '未申报' });
    expect(ws.getCell('F27').value).toMatchObject({ result: '超出1' });
    expect(ws.getCell('A28').value).toBe('合计');
    expect(ws.getCell('C28').value).toEqual({ formula: 'SUM(C5:C27)', result: 66 });
    expect(ws.getCell('D28').value).toEqual({ formula: 'SUM(D5:D27)', result: 62 });
    expect(ws.getCell('F28').value).toMatchObject({ result: '不足5，超出1' });
    expect(ws.getCell('C29').value).toMatchObject({ result: '4 个单位，共差 5 家' });
    expect(ws.getCell('C30').value).toMatchObject({ result: '1 个单位，共超 1 家' });
    expect(ws.rowCount).toBe(30);
    expect((ws.getCell('F5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('F6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    });
    // The status recolours itself when a count changes: conditional formats in the sheet's XML.
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<conditionalFormatting sqref="F5:F28">');
    expect(xml).toContain('LEFT($F5,2)=&quot;不足&quot;');
    // Each list: its own title, note and header, the header repeated on every printed page.
    const dup = wb.getWorksheet('重复申报')!;
    expect((dup.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '申报单位',
      '计入单位',
      '来源文件',
    ]);
    expect((dup.getRow(4).values as unknown[]).slice(2, 6)).toEqual([
      TALLY_CASE.duplicate.enterprise,
      '91360731MA0000001P',
      '于都县人民防空办公室、住建局、城管局',
      '住建局',
    ]);
    for (const name of ['重复申报', '可能重复', '不在分配表的单位', '不计入的企业'])
      expect(wb.getWorksheet(name)!.pageSetup.printTitlesRow).toBe('3:3');
    const unknown = wb.getWorksheet('不在分配表的单位')!;
    expect(unknown.getCell('E5').value).toBe('单位名录中的“于都县统计局”，分配表未给它分配任务');
    const detail = wb.getWorksheet(DETAIL_SHEET)!;
    expect(detail.getCell('F3').value).toMatchObject({
      formula: expect.stringContaining('SUMPRODUCT((C$3:C3=C3)*1)>1'),
      result: '是',
    });
  });

  test('each formula, computed over the 申报明细 sheet as written, gives the value stored beside it', async () => {
    const grids = await (await openWorkbookFile(out)).readSheets();
    const summary = grids.find((g) => g.name === SUMMARY_SHEET)!;
    const live = [
      {
        sheet: DETAIL_SHEET,
        unitColumn: 2,
        criteria: [{ column: 6, criterion: '是' }],
        firstRow: 3,
        lastRow: 1068,
      },
    ];
    for (let r = 5; r <= 27; r++) {
      const [unit, declared] = [summary.values[r - 1]![1] as string, summary.values[r - 1]![3] as number];
      expect({ unit, count: simulateCount(grids, live, unit) }).toEqual({ unit, count: declared });
    }
  });

  test('recalculated by LibreOffice (stored values stripped), every county figure is the text’s and the JSON’s', () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const sheets = recalculatedSheets(soffice, out, path.join(dir, 'recalc'));
    const summary = sheets[SUMMARY_SHEET]!;
    for (const [i, u] of json.units.entries()) {
      const row = summary[4 + i]!;
      expect(row.slice(1, 4)).toEqual([u.unit, String(u.quota), String(u.declared)]);
      expect(text).toMatch(new RegExp(`\\s${u.unit}\\s+${u.quota}\\s+${u.declared}\\s`));
    }
    expect(summary[27]!.slice(2, 6)).toEqual([
      String(json.quotaTotal),
      String(json.declaredTotal),
      '-4',
      '不足5，超出1',
    ]);
    expect(summary[28]![2]).toBe(`${json.shortfall.units} 个单位，共差 ${json.shortfall.enterprises} 家`);
    expect(summary[29]![2]).toBe(`${json.excess.units} 个单位，共超 ${json.excess.enterprises} 家`);
    expect(text).toContain(
      `已计入 ${json.declaredTotal} 家，还差 ${json.shortfall.enterprises} 家(${json.shortfall.units} 个单位)，超出 ${json.excess.enterprises} 家(${json.excess.units} 个单位)`,
    );
    // 申报明细's 计入: exactly the declarations the tally counted.
    const counted = sheets[DETAIL_SHEET]!.slice(2).filter((r) => r[5] === '是').length;
    expect(counted).toBe(json.summary.declarations - json.excluded.length);
  });

  test('LibreOffice prints it on A4; each list sits under its own header, never the quota table’s', () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const pdfDir = path.join(dir, 'pdf');
    convert(soffice, out, 'pdf', pdfDir, dir);
    const pdf = path.join(pdfDir, '监测点汇总.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const sizes = pageSizes(pdf);
    // The summary: one portrait A4 page (595 × 842 pt); the other sheets: portrait or landscape A4.
    expect(sizes[0]).toEqual([595, 842]);
    for (const size of sizes)
      expect([
        [595, 842],
        [842, 595],
      ]).toContainEqual(size);
    const pages = pageTexts(pdf);
    if (!pages) return;
    const quotaHeader = /任务数（家）/;
    for (const [title, head] of [
      ['监测点重复申报的企业', /计入单位/],
      ['可能重复的企业', /申报单位/],
      ['不在于都县中小微企业行政检查监测点分配表中的单位', /填写的单位/],
      ['监测点不计入的企业', /原因/],
      ['未读到监测点申报的文件', /读作/],
    ] as const) {
      const page = pages.find((p) => p.includes(title));
      expect({ title, found: !!page }).toEqual({ title, found: true });
      expect(page).toMatch(head);
      expect(page).not.toMatch(quotaHeader);
    }
    expect(pages[0]).toMatch(/制表单位（盖章）：\s+制表日期：/);
  });

  test('the chart: a DrawingML part LibreOffice draws, on a page of its own, both series in their colours', () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const pdfDir = path.join(dir, 'pdf-chart');
    convert(soffice, out, 'pdf', pdfDir, dir);
    const pdf = path.join(pdfDir, '监测点汇总.pdf');
    const pages = pageTexts(pdf);
    if (!pages) return;
    const page = pages.findIndex((p) => p.includes('各单位监测点任务数与申报数'));
    expect(page).toBeGreaterThan(0);
    // The unit names are the chart's category labels, read from the summary.
    expect(pages[page]).toContain('市场监督管理局');
    expect(pages[page]).not.toMatch(/任务数（家）\s+申报数（家）\s+差额/);
    const image = renderPage(pdf, page + 1, 50);
    if (!image) return;
    // 23 units × 2 bars at 50 dpi: thousands of pixels of each series' fill; an undrawn chart has none.
    expect(pixelsOf(image, '5B9BD5', 20)).toBeGreaterThan(1500);
    expect(pixelsOf(image, 'ED7D31', 20)).toBeGreaterThan(1500);
  });

  test('the counts are live: a row added to 申报明细 changes the summary when LibreOffice recalculates', async () => {
    const soffice = libreOffice();
    if (!soffice) return;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
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
    const summary = recalculatedSheets(soffice, edited, path.join(dir, 'edited'))[SUMMARY_SHEET];
    expect(summary).toContainEqual(['3', '民政局', '2', '1', '-1', '不足1']);
    expect(summary).toContainEqual(['1', '工信局', '2', '1', '-1', '不足1']);
    expect(summary).toContainEqual(['合计', '', '66', '63', '-3', '不足4，超出1']);
    expect(summary).toContainEqual(['其中：任务不足', '', '4 个单位，共差 4 家', '', '', '']);
  });

  test('the summary workbook tallied again gives the same counts (申报明细 is a declaration list)', async () => {
    const json = JSON.parse((await drc('tally', out, '--json')).out);
    expect(json.noDeclaration).toEqual([]);
    expect(json.files[0].sheets.map((s: { name: string; kind: string }) => `${s.name}:${s.kind}`)).toEqual([
      `${SUMMARY_SHEET}:other`,
      `${CHART_SHEET}:other`,
      '重复申报:other',
      '可能重复:other',
      '不在分配表的单位:other',
      '不计入的企业:other',
      '未读到申报的文件:other',
      `${DETAIL_SHEET}:declaration`,
    ]);
    expect(json.declaredTotal).toBe(62);
    expect(json.duplicates).toHaveLength(1);
    expect(json.duplicates[0].countedFor).toBe('住建局');
    expect(json.unknownUnits.map((u: { name: string }) => u.name)).toEqual([
      TALLY_CASE.outside,
      '于都县统计局',
    ]);
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
