import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readDocxGrids } from '../../src/hosts/docx/read-docx';
import { annex2Docx } from '../fixtures/build-docx-forms';
import { buildReviewInbox, REVIEW_CASE } from '../fixtures/build-review-inbox';
import { drc } from '../helpers/drc';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-review-'));
let inbox: string;

interface UnitJson {
  unit: string;
  status: string;
  deliverables: Record<string, string>;
  errors: number;
  items: number;
  files: Array<{ file: string; kind: string }>;
  issues: Array<{ code: string; file: string | null; cell: string | null; message: string }>;
}

beforeAll(async () => {
  inbox = path.join(tmp(), '收件');
  await buildReviewInbox(inbox, { docx: annex2Docx });
});

async function reviewJson(...args: string[]) {
  const run = await drc('review', inbox, '--json', ...args);
  return {
    ...run,
    json: JSON.parse(run.out) as {
      units: UnitJson[];
      unassigned: Array<Record<string, unknown>>;
      summary: Record<string, number>;
    },
  };
}

describe('drc review on an inbox as it arrives', () => {
  test('every unit: what it sent, what is missing, what to fix; exit 1', async () => {
    const { code, json, err } = await reviewJson();
    expect(err).toBe('');
    expect(code).toBe(1);
    const byUnit = new Map(json.units.map((u) => [u.unit, u]));
    expect(json.units).toHaveLength(REVIEW_CASE.units);
    for (const unit of REVIEW_CASE.complete)
      expect({ unit, status: byUnit.get(unit)?.status }).toEqual({ unit, status: 'complete' });
    for (const [unit, missing] of Object.entries(REVIEW_CASE.missing)) {
      const u = byUnit.get(unit)!;
      expect({
        unit,
        missing: Object.keys(u.deliverables).filter((d) => u.deliverables[d] === 'missing'),
      }).toEqual({
        unit,
        missing,
      });
    }
    for (const unit of REVIEW_CASE.withIssues)
      expect({ unit, status: byUnit.get(unit)?.status }).toEqual({ unit, status: 'issues' });
    expect(byUnit.get('水利局')).toMatchObject({
      deliverables: { checklist: 'ok', adjustment: 'issues', declaration: 'ok' },
      items: 3,
    });
    expect(byUnit.get('水利局')!.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'review/total-type-mismatch',
        'review/added-not-in-list',
        'review/modified-differs',
        'review/deleted-still-listed',
      ]),
    );
    expect(byUnit.get('农业农村局')!.files.map((f) => [f.file, f.kind])).toContainEqual([
      '农业农村局/新建 Microsoft Excel 工作表.xlsx',
      'checklist',
    ]);
    expect(byUnit.get('公安局')!.files).toContainEqual(
      expect.objectContaining({ file: '公安局/动态调整情况表(盖章扫描件).pdf', kind: 'other' }),
    );
    expect(byUnit.get('公安局')!.files).toContainEqual(
      expect.objectContaining({ file: REVIEW_CASE.unreadableFile, kind: 'unreadable' }),
    );
    expect(json.unassigned.map((u) => [u.file, u.kind, u.code])).toEqual([
      ['收文登记.csv', 'other', 'review/no-unit'],
      [REVIEW_CASE.unknownUnitFile, 'checklist', 'review/unknown-unit-no-match'],
    ]);
    expect(json.summary).toMatchObject({ units: 23, complete: 16, missing: 4, withIssues: 3 });
    // The Word form, loose at the top, named by its file name: two declarations of 林业局.
    expect(byUnit.get('林业局')!.files).toContainEqual(
      expect.objectContaining({ file: REVIEW_CASE.docx, kind: 'declaration', unitSource: 'file' }),
    );
    expect(json.summary.files).toBe(
      json.units.reduce((n, u) => n + u.files.length, 0) + json.unassigned.length,
    );
  });

  test('the text report names each unit and the files of no known unit', async () => {
    const { code, out } = await drc('review', inbox);
    expect(code).toBe(1);
    expect(out).toMatch(/水利局\s+已报\s+已报\(错误4\)/);
    expect(out).toContain('未能确定单位的文件');
    expect(out).toContain('另有 1 个系统文件未读取');
    const en = await drc('review', inbox, '--lang', 'en-US');
    expect(en.out).toContain('Files of no known unit (2):');
  });

  test('--out: the office workbook, sheet by sheet, print-ready', async () => {
    const out = path.join(tmp(), '汇总审核.xlsx');
    const { code } = await drc('review', inbox, '--out', out);
    expect(code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '报送情况',
      '清单汇总',
      '全县检查事项清单',
      '退回意见',
      '监测点汇总',
      '申报明细',
    ]);
    const sub = wb.getWorksheet('报送情况')!;
    expect(sub.getRow(3).values).toEqual([
      undefined,
      '序号',
      '单位',
      '检查实施清单',
      '动态调整情况表',
      '监测点企业申报表',
      '文件数',
      '错误',
      '警告',
      '完成情况',
      '备注',
    ]);
    const water = sub.getRow(3 + 11);
    expect([
      water.getCell(2).value,
      water.getCell(3).value,
      water.getCell(4).value,
      water.getCell(9).value,
    ]).toEqual(['水利局', '已报', '已报（错误 4）', '需修改']);
    expect(sub.getRow(3 + 7).getCell(10).value).toBe('缺清单、情况表、申报表');
    expect(sub.getRow(3 + 24).getCell(1).value).toBe('合计');
    for (const ws of wb.worksheets.slice(0, 4))
      expect({ name: ws.name, setup: ws.pageSetup }).toMatchObject({
        name: ws.name,
        setup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' },
      });
    const county = wb.getWorksheet('全县检查事项清单')!;
    const shared: unknown[] = [];
    county.eachRow((r, n) => {
      if (n > 3 && r.getCell(3).value === REVIEW_CASE.sharedItem) shared.push(r.getCell(13).value);
    });
    expect(shared).toEqual(['应急管理局也列有此事项', '住建局也列有此事项']);
    const returns = wb.getWorksheet('退回意见')!;
    const lines: string[] = [];
    returns.eachRow(
      (r, n) => n > 3 && lines.push([r.getCell(2).value, r.getCell(5).value, r.getCell(7).value].join('|')),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^水利局\|动态调整情况表!B5\|“河道采砂检查”报为修改，检查比例调整为“10%”，但清单第 5 行的检查比例是“5%”/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^（未能确定单位）\|\|文件“统计局\//));
  });

  test('--notes: one Word note per unit with something to fix, none for a complete unit', async () => {
    const dir = path.join(tmp(), '退回意见');
    const { code, out } = await drc('review', inbox, '--notes', dir);
    expect(code).toBe(1);
    const names = readdirSync(dir).sort();
    expect(names).toContain('退回意见-水利局.docx');
    expect(names).toContain('退回意见-医保局.docx');
    expect(names).not.toContain('退回意见-工信局.docx');
    expect(names).toHaveLength(9); // 7 units with errors or missing deliverables, 2 with warnings only
    expect(out).toContain(`已写出 9 份退回意见`);
    const grids = readDocxGrids(
      new Uint8Array(readFileSync(path.join(dir, '退回意见-水利局.docx'))),
      'x.docx',
    );
    const text = grids.map((g) => g.values.map((r) => r.join('|')).join('\n')).join('\n');
    expect(text).toContain('关于水利局报送材料的退回意见');
    expect(text).toMatch(
      /动态调整情况表\|水利局动态调整情况表\.xlsx\|动态调整情况表!B5\|“河道采砂检查”报为修改/,
    );
    expect(text).toContain('请核实的事项（1 处）');
  });

  test('a complete inbox exits 0; --units gives the register', async () => {
    const small = tmp();
    cpSync(path.join(inbox, '工信局'), path.join(small, '工信局'), { recursive: true });
    const units = path.join(small, '..', `units-${path.basename(small)}.csv`);
    writeFileSync(units, '单位名称,别名\n于都县工业和信息化局,工信局\n');
    const { code, out } = await drc('review', small, '--units', units, '--json');
    const json = JSON.parse(out);
    expect(json.units.map((u: UnitJson) => [u.unit, u.status, u.deliverables])).toEqual([
      ['于都县工业和信息化局', 'complete', { checklist: 'ok', adjustment: 'ok', declaration: 'ok' }],
    ]);
    expect(code).toBe(0);
  });

  test('wrong arguments and nothing readable exit 2', async () => {
    const empty = tmp();
    expect((await drc('review', empty)).code).toBe(2);
    const units = path.join(empty, '名单.csv');
    writeFileSync(units, '序号,单位名称\n');
    mkdirSync(path.join(empty, 'in'));
    writeFileSync(path.join(empty, 'in', 'a.xlsx'), 'not a workbook');
    const noUnits = await drc('review', inbox, '--units', units);
    expect([noUnits.code, noUnits.err]).toEqual([2, expect.stringContaining('单位名单')]);
    const unreadable = await drc('review', path.join(empty, 'in'));
    expect([unreadable.code, unreadable.err]).toEqual([2, expect.stringContaining('都无法读取')]);
    const notXlsx = await drc('review', inbox, '--out', path.join(empty, 'x.pdf'));
    expect(notXlsx.code).toBe(2);
  });
});
