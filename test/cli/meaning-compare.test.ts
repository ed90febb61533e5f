import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { drc } from '../helpers/drc';
import { HEAD } from '../helpers/list-grid';

// Two lists of the same items, ratio and frequency spelled differently: where the spellings mean the same,
// `drc compare` and `drc adjust` see no change; where the meaning differs (a lower bound against an exact value,
// at least once against once), they do, and say what each side means.
const SAME: Array<[string, string, string, string, string]> = [
  ['食品经营企业检查', '5%', '1次/季度', '百分之五', '每季度一次'],
  ['药品零售企业检查', '不低于5%', '每年4次', '≥5%', '4次/年'],
  ['特种设备使用单位检查', '原则上不得低于全部监管对象的3%', '一般不超过2次/年', '不低于3%', '每年不超过2次'],
  ['建筑施工企业检查', '市级3% 县级8%', '每2年1次', '市级3%,县级8%', '1次/2年'],
  ['危化品经营企业检查', '10%(20户)', '=1', '10%', '每年1次'],
];
const DIFFERENT: Array<[string, string, string, string, string]> = [
  ['广告发布单位检查', '不低于5%', '每年1次', '5%', '每年1次'],
  ['计量器具使用单位检查', '5%', '至少1次', '5%', '每年1次'],
];

async function listFile(
  dir: string,
  name: string,
  pick: (row: string[]) => [string, string],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查实施清单');
  ws.addRow(HEAD);
  [...SAME, ...DIFFERENT].forEach((row, i) => {
    const [ratio, frequency] = pick(row);
    ws.addRow([
      i + 1,
      row[0],
      '《中华人民共和国行政许可法》',
      '某县市场监督管理局',
      '相关企业',
      '双随机抽查',
      ratio,
      frequency,
    ]);
  });
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('comparisons by meaning', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drc-meaning-'));
    a = await listFile(dir, '上年清单.xlsx', (r) => [r[1]!, r[2]!]);
    b = await listFile(dir, '本年清单.xlsx', (r) => [r[3]!, r[4]!]);
  });

  test('drc compare: one difference per different meaning, none between spellings of one meaning', async () => {
    const { out } = await drc('compare', a, b, '--json');
    const json = JSON.parse(out);
    expect(
      json.differences.map((d: { itemName: string; field: string; meaning?: object }) => [
        d.itemName,
        d.field,
        d.meaning,
      ]),
    ).toEqual([
      ['广告发布单位检查', 'ratio', { a: '不低于5%', b: '5%' }],
      ['计量器具使用单位检查', 'frequency', { a: '每年不少于1次', b: '每年1次' }],
    ]);
    const text = (await drc('compare', a, b)).out;
    expect(text).toContain('按含义：不低于5% → 5%');
  });

  test('drc adjust: only the items whose meaning changed are modified, each change saying both meanings', async () => {
    const { out } = await drc('adjust', '--previous', a, '--current', b, '--json');
    const json = JSON.parse(out);
    expect(json.unchanged).toBe(SAME.length);
    expect(
      json.modified.map((m: { itemName: string; changes: object[] }) => [m.itemName, m.changes]),
    ).toEqual([
      [
        '广告发布单位检查',
        [
          {
            field: 'ratio',
            from: '不低于5%',
            to: '5%',
            label: '检查比例',
            meaning: { from: '不低于5%', to: '5%' },
          },
        ],
      ],
      [
        '计量器具使用单位检查',
        [
          {
            field: 'frequency',
            from: '至少1次',
            to: '每年1次',
            label: '检查频次',
            meaning: { from: '每年不少于1次', to: '每年1次' },
          },
        ],
      ],
    ]);
  });
});
