import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { drc } from '../../helpers/drc';

// The report .xlsx written by `drc adjust --out`, re-opened with exceljs, then printed to PDF by LibreOffice.
const DIR = path.join(__dirname, '..', '..', '..', 'examples', 'adjust');
const PREVIOUS = path.join(DIR, '于都县市场监督管理局-2019年度检查事项清单.xlsx');
const CURRENT = path.join(DIR, '于都县市场监督管理局-2020年度检查事项清单.xlsx');
const SAME_BEFORE = path.join(DIR, '于都县应急管理局-2019年度检查事项清单.xlsx');
const SAME_AFTER = path.join(DIR, '于都县应急管理局-2020年度检查事项清单.xlsx');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-report-'));

async function writeReport(previous: string, current: string, dir = tmp()): Promise<string> {
  const out = path.join(dir, '动态调整情况表.xlsx');
  const { code, err } = await drc('adjust', '--previous', previous, '--current', current, '--out', out);
  expect(err).toBe('');
  expect([0, 1]).toContain(code);
  return out;
}

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('the report .xlsx, re-opened', () => {
  test('title, fonts, ruled table, 合计, signature block, page setup and print titles', async () => {
    const file = await writeReport(PREVIOUS, CURRENT);
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['动态调整情况表', '调整后清单']);
    const ws = wb.getWorksheet('动态调整情况表')!;
    expect(ws.getCell('A1').value).toBe('于都县市场监督管理局2020年度行政检查事项清单动态调整情况表');
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 20 });
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：于都县市场监督管理局');
    expect(String(ws.getCell('D2').value)).toMatch(/^填报日期：/);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '事项名称',
      '调整类型',
      '调整内容（原 → 新）',
      '调整原因',
      '备注',
    ]);
    expect(ws.getCell('A3').font.name).toBe('黑体');
    expect(ws.getCell('D4').font).toMatchObject({ name: '仿宋', size: 12 });
    const total = 3 + 9 + 1; // header, 9 entries, 合计
    expect(ws.getCell(total, 1).value).toBe('合计');
    expect(String(ws.getCell(total, 3).value)).toMatch(/^新增 2 项，删除 3 项，修改 4 项，无变化 3 项/);
    for (let r = 3; r <= total; r++)
      for (let c = 1; c <= 6; c++) {
        const b = ws.getCell(r, c).border;
        expect({ r, c, sides: [b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style] }).toEqual({
          r,
          c,
          sides: ['thin', 'thin', 'thin', 'thin'],
        });
      }
    expect(ws.getCell(total - 1, 2).alignment).toMatchObject({ wrapText: true });
    expect([
      ws.getCell(total + 2, 1).value,
      ws.getCell(total + 2, 3).value,
      ws.getCell(total + 2, 5).value,
    ]).toEqual(['填报人：', '联系电话：', '审核人：']);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    const list = wb.getWorksheet('调整后清单')!;
    expect(list.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '3:3',
    });
    // As Excel and WPS read it: the print titles are a defined name of the workbook.
    const workbookXml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['xl/workbook.xml']!);
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;动态调整情况表&apos;!$3:$3</definedName>',
    );
  });

  test('the 无动态调整 form', async () => {
    const ws = (await open(await writeReport(SAME_BEFORE, SAME_AFTER))).getWorksheet('动态调整情况表')!;
    expect(ws.getCell('A1').value).toBe('于都县应急管理局2020年度行政检查事项清单动态调整情况表');
    expect(ws.getCell('A4').value).toBe('本单位2020年度行政检查事项清单无动态调整');
    expect(ws.getCell('A4').isMerged && ws.getCell('F4').isMerged).toBe(true);
    expect(ws.getCell('F4').border?.right?.style).toBe('thin');
    expect(ws.getCell('A5').value).toBe('合计');
  });
});

// LibreOffice and poppler-utils: CI installs them; on a machine without them this part is skipped, saying so.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const printable = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!printable)
  console.warn(
    'soffice, pdfinfo or pdftotext not found: skipping the LibreOffice PDF test of the adjustment report',
  );
const whenPrintable = printable ? describe : describe.skip;

/** Converts .xlsx files to PDF with LibreOffice headless (its own profile, so parallel runs do not collide). */
function toPdf(files: string[], dir: string): string[] {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { timeout: 120000, stdio: 'pipe' },
  );
  return files.map((f) => {
    const pdf = path.join(dir, `${path.basename(f, '.xlsx')}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    return pdf;
  });
}

/** Size of every page in points, and the text of each page. */
function pages(pdf: string): Array<{ width: number; height: number; text: string }> {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Number(m[2]),
    height: Number(m[3]),
    text: execFileSync('pdftotext', ['-layout', '-f', m[1]!, '-l', m[1]!, pdf, '-'], { encoding: 'utf8' }),
  }));
}

/** Two lists of `n` items whose ratio went from 5% (text) to 10% (a number with a % format). */
async function longPair(dir: string, n: number): Promise<[string, string]> {
  const files: [string, string] = [path.join(dir, '上年.xlsx'), path.join(dir, '本年.xlsx')];
  for (const [i, file] of files.entries()) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.addRow([`于都县市场监督管理局${2019 + i}年度行政检查事项清单`]);
    ws.addRow([
      '序号',
      '检查事项名称',
      '检查依据',
      '检查主体',
      '检查对象',
      '检查方式',
      '检查比例',
      '检查频次',
      '调整类型',
      '调整原因',
    ]);
    for (let k = 1; k <= n; k++) {
      const row = ws.addRow([
        k,
        `第${k}类食品经营企业监督检查`,
        '《中华人民共和国食品安全法》第一百一十条',
        '于都县市场监督管理局',
        `第${k}类食品经营企业`,
        '双随机抽查',
        i ? 0.1 : '5%',
        '每年1次',
        i ? '修改' : '',
        i ? '监管实际' : '',
      ]);
      if (i) row.getCell(7).numFmt = '0%';
    }
    await wb.xlsx.writeFile(file);
  }
  return files;
}

whenPrintable('the report printed by LibreOffice', () => {
  test('converts without error; A4 landscape pages, every column on each page, the header repeated', async () => {
    const dir = tmp();
    const example = await writeReport(PREVIOUS, CURRENT, dir);
    const longDir = path.join(dir, 'long');
    mkdirSync(longDir);
    const [previous, current] = await longPair(mkdtempSync(path.join(tmpdir(), 'drc-long-')), 60);
    const long = await writeReport(previous, current, longDir);
    // The long report alone: its pages are the table's pages.
    const wb = await open(long);
    wb.removeWorksheet(wb.getWorksheet('调整后清单')!.id);
    const reportOnly = path.join(dir, '长表.xlsx');
    await wb.xlsx.writeFile(reportOnly);
    const [examplePdf, longPdf] = toPdf([example, reportOnly], dir);

    const ex = pages(examplePdf!);
    // One page for the report and one for the adjusted list: each is one page wide and one page tall.
    expect(ex).toHaveLength(2);
    for (const p of [...ex, ...pages(longPdf!)]) {
      expect({ width: Math.round(p.width), height: Math.round(p.height) }).toEqual({
        width: 842,
        height: 595,
      });
      expect(p.text).toContain('序号');
      expect(p.text).toContain('备注');
    }
    expect(ex[0]!.text).toContain('动态调整情况表');
    expect(ex[0]!.text).toContain('审核人');

    const lp = pages(longPdf!);
    expect(lp.length).toBeGreaterThan(1);
    // Every entry printed once, in order, across the pages; the signature block beside table rows, not alone.
    const seen = lp.flatMap((p) =>
      [...p.text.matchAll(/第(\d+)类食品经营企业监督检查/g)].map((m) => Number(m[1])),
    );
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const last = lp[lp.length - 1]!.text;
    expect(last).toContain('审核人');
    expect(last).toMatch(/第\d+类食品经营企业监督检查/);
  });
});
