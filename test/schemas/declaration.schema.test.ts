import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CellValue } from '../../src/core/grid';
import { checkGrids } from '../../src/features/check-workbook';
import { openWorkbookFile } from '../../src/hosts/xlsx/node-file';
import { enumRule } from '../../src/rules/enum/enum.rule';
import { phoneRule } from '../../src/rules/phone/phone.rule';
import { scaleRule } from '../../src/rules/scale/scale.rule';
import { usccRule } from '../../src/rules/uscc/uscc.rule';
import { declarationSchema } from '../../src/schemas/declaration.schema';
import { buildTallyCase, creditCode } from '../fixtures/build-tally-workbooks';
import { testRule } from '../helpers/rule-tester';

const options = (key: string) => ({
  options: { ...(declarationSchema.fields.find((f) => f.key === key)?.options ?? {}) },
});
const fieldRule = (key: string) => declarationSchema.fields.find((f) => f.key === key)?.rule;

describe('the declaration schema uses the shared rules', () => {
  test.each([
    ['phone', phoneRule],
    ['scale', scaleRule],
    ['privateOwned', enumRule],
    ['uscc', usccRule],
  ])('%s', (key, rule) => expect(fieldRule(key)).toBe(rule));
});

// 联系电话 as clerks write it on Annex 2.
testRule(phoneRule, {
  valid: [
    { cell: '13907970001' },
    { cell: 13907970001 },
    { cell: '139 0797 0001' },
    { cell: '0797-6222222' },
    { cell: '0797-6222222、13907970001' },
    { cell: '手机:13907970001' },
  ],
  invalid: [
    { cell: '1390797000', findings: [{ id: 'mobile-length', params: { length: 10 } }] },
    { cell: '6222222', findings: [{ id: 'no-area-code' }] },
    { cell: '张三', findings: [{ id: 'invalid' }] },
  ],
});

// 规模: 中型/小型/微型; 大型 is not eligible.
testRule(scaleRule, {
  valid: [{ cell: '中型' }, { cell: '小型' }, { cell: '微型' }, { cell: '小型企业' }],
  invalid: [
    { cell: '大型', findings: [{ id: 'not-eligible' }] },
    { cell: '小微', findings: [{ id: 'invalid' }] },
  ],
});

// 是否为民营企业: 是/否.
testRule(enumRule, {
  valid: [
    { cell: '是', ctx: options('privateOwned'), value: '是' },
    { cell: '否', ctx: options('privateOwned'), value: '否' },
    { cell: '√', ctx: options('privateOwned'), value: '是' },
  ],
  invalid: [
    {
      cell: '民营',
      ctx: options('privateOwned'),
      findings: [{ id: 'not-allowed', params: { allowed: '是、否' } }],
    },
    { cell: '国有', ctx: options('privateOwned'), findings: [{ id: 'not-allowed' }] },
  ],
});

// 统一社会信用代码 when present.
testRule(usccRule, {
  valid: [
    { cell: creditCode(1), value: creditCode(1) },
    { cell: creditCode(42).toLowerCase(), value: creditCode(42) },
    { cell: `${creditCode(7).slice(0, 8)} ${creditCode(7).slice(8)}`, value: creditCode(7) },
    { cell: '360731123456789', findings: [{ id: 'legacy' }] },
  ],
  invalid: [
    {
      cell: creditCode(1).slice(0, 17) + (creditCode(1)[17] === '0' ? '1' : '0'),
      findings: [{ id: 'checksum' }],
    },
    { cell: '91360731MA3', findings: [{ id: 'length', params: { length: 11 } }] },
    { cell: '91360731MA00000O1X', findings: [{ id: 'charset', params: { char: 'O' } }] },
  ],
});

const HEAD = [
  '序号',
  '推荐单位',
  '企业名称',
  '统一社会信用代码',
  '法定代表人',
  '地址',
  '行业',
  '联系人',
  '联系电话',
  '规模',
  '是否为民营企业',
  '企业简介',
];
const row = (n: number, over: Partial<Record<string, CellValue>> = {}): CellValue[] => {
  const base: Record<string, CellValue> = {
    序号: n,
    推荐单位: '工信局',
    企业名称: `于都县某某${n}有限公司`,
    统一社会信用代码: creditCode(n),
    法定代表人: '陈建国',
    地址: '于都县贡江镇',
    行业: '制造业',
    联系人: '刘伟',
    联系电话: `1390797${String(n).padStart(4, '0')}`,
    规模: '小型',
    是否为民营企业: '是',
    企业简介: '生产经营正常',
  };
  return HEAD.map((h) => (h in over ? over[h]! : base[h]!));
};
const tuples = (values: CellValue[][]) => {
  const [report] = checkGrids([{ name: 'S', values, merges: [] }]);
  return {
    kind: report!.kind,
    issues: report!.issues.map(
      (i) => `${i.column ? String.fromCharCode(64 + i.column) : '-'}${i.row ?? ''} ${i.code}`,
    ),
  };
};

describe('declaration list on inline grids', () => {
  test('valid rows: no issues', () => {
    expect(
      tuples([
        ['行政检查监测点企业申报表'],
        HEAD,
        row(1),
        row(2),
        row(3, { 规模: '微型企业', 是否为民营企业: '否', 统一社会信用代码: null }),
      ]),
    ).toEqual({
      kind: 'declaration',
      issues: [],
    });
  });

  test('invalid rows: each defect on its cell', () => {
    const rows = [
      HEAD,
      row(1, { 联系电话: '1390797000' }),
      row(2, { 规模: '大型' }),
      row(3, { 规模: '小微' }),
      row(4, { 是否为民营企业: '民营' }),
      row(5, { 统一社会信用代码: '91360731MA3' }),
      row(6, { 法定代表人: '' }),
      row(7, { 企业名称: '于都县某某1有限公司' }),
    ];
    expect(tuples(rows)).toEqual({
      kind: 'declaration',
      issues: [
        'I2 phone/mobile-length',
        'J3 scale/not-eligible',
        'J4 scale/invalid',
        'K5 enum/not-allowed',
        'D6 uscc/length',
        'E7 required/missing',
        'C8 unique/duplicate',
      ],
    });
  });

  test('a list without 规模 and the other Annex 2 columns is reported as missing them', () => {
    const { kind, issues } = tuples([
      ['企业名称', '法定代表人', '联系电话', '规模'],
      ['某公司', '张三', '13907970001', '小型'],
    ]);
    expect(kind).toBe('declaration');
    expect(issues).toEqual([
      '-1 header/missing-column',
      '-1 header/missing-column',
      '-1 header/missing-column',
      '-1 header/missing-column',
    ]);
  });
});

describe('a checklist is never a declaration, nor a declaration a checklist', () => {
  test('an objects directory (name, code, address, legal representative) is not a declaration', () => {
    expect(
      tuples([
        ['企业名称', '统一社会信用代码', '法定代表人', '地址', '联系电话'],
        ['某公司', creditCode(1), '张三', '于都县', '13907970001'],
      ]).kind,
    ).toBe('unknown');
  });

  test('every example and golden workbook keeps its kind', async () => {
    const root = path.join(__dirname, '..', '..');
    const dirs = ['examples', 'examples/adjust', 'test/fixtures/golden'].map((d) => path.join(root, d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((n) => /\.xlsx$/.test(n))
        .map((n) => path.join(d, n)),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const kinds = checkGrids(await (await openWorkbookFile(file)).readSheets()).map((s) => s.kind);
      expect({ file: path.basename(file), declaration: kinds.includes('declaration') }).toEqual({
        file: path.basename(file),
        declaration: false,
      });
    }
  });

  test('every declaration list of the 23 units is a declaration; printed forms are no checklist either', async () => {
    const files = (await buildTallyCase(mkdtempSync(path.join(tmpdir(), 'drc-decl-')))).filter((f) =>
      f.endsWith('.xlsx'),
    );
    for (const file of files) {
      const kinds = checkGrids(await (await openWorkbookFile(file)).readSheets()).map((s) => s.kind);
      // Printed forms, one per sheet or stacked on one sheet, are no list of either kind.
      const expected = /交通运输局|附件2/.test(file) ? ['unknown'] : ['declaration'];
      expect({ file: path.basename(file), kinds: [...new Set(kinds)] }).toEqual({
        file: path.basename(file),
        kinds: expected,
      });
    }
  });
});
