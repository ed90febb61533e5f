import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { drc } from '../helpers/drc';

// Two exports of one unit's 2020 list (互联网+监管 and the 双随机 platform), made by scripts/make-adjust-examples.ts.
const DIR = path.join(__dirname, '..', '..', 'examples', 'adjust');
const A = path.join(DIR, '互联网+监管-检查实施清单导出.xlsx');
const B = path.join(DIR, '双随机平台-抽查事项清单导出.xlsx');

describe('drc compare', () => {
  test('--json: counts, names in one list only, field differences by meaning, 机构代码', async () => {
    const { code, out } = await drc('compare', A, B, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json).slice(0, 6)).toEqual([
      'countA',
      'countB',
      'onlyInA',
      'onlyInB',
      'differences',
      'agencyCode',
    ]);
    expect(json).toMatchObject({
      countA: 8,
      countB: 7,
      onlyInA: ['商品条码印刷企业检查', '棉花质量监督检查'],
      onlyInB: ['农药经营企业检查'],
    });
    // 每年1次 against the platform's =1, 5% against 0.05 with a % format, 第一百一十条 against 第110条: no difference.
    expect(json.differences.map((d: Record<string, string>) => [d.itemName, d.field, d.a, d.b])).toEqual([
      ['特种设备使用单位监督检查', 'ratio', '10%', '5%'],
      ['药品零售企业监督检查', 'method', '双随机抽查、重点检查', '双随机抽查'],
      ['网络交易平台经营者监督检查', 'itemName', '网络交易平台经营者监督检查', '对网络交易平台经营者的检查'],
    ]);
    expect(json.agencyCode).toEqual({
      a: '11360731014258003K',
      b: '113607310142580030',
      same: false,
      validA: true,
      validB: false,
    });
  });

  test('a list compared with itself agrees: exit 0', async () => {
    const { code, out } = await drc('compare', A, A);
    expect(code).toBe(0);
    expect(out).toContain('两份清单一致');
  });

  test('--out writes the 差异 sheet, one difference per row', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'drc-compare-')), '差异.xlsx');
    const { code, out } = await drc('compare', A, B, '--out', file);
    expect(code).toBe(1);
    expect(out).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('差异')!;
    expect(ws.getCell('A1').value).toBe('于都县市场监督管理局检查实施清单两平台比对差异表');
    expect(ws.getRow(4).values).toEqual([
      undefined,
      '序号',
      '差异类型',
      '事项名称',
      '比对项目',
      '清单A',
      '清单B',
      '备注',
    ]);
    const types: string[] = [];
    for (let r = 5; r <= 12; r++) types.push(String(ws.getCell(r, 2).value));
    expect(types).toEqual([
      '事项数量',
      '仅清单A有',
      '仅清单A有',
      '仅清单B有',
      '内容不一致',
      '内容不一致',
      '名称不一致',
      '机构代码',
    ]);
    expect(ws.getCell('A13').value).toBe('合计');
    expect(ws.getCell('C13').value).toBe('共 8 处差异');
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  test('a missing file exits 2 naming it', async () => {
    const { code, err } = await drc('compare', A, path.join(DIR, '不存在.xlsx'));
    expect(code).toBe(2);
    expect(err).toContain('不存在.xlsx');
  });
});
