import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drc } from '../../helpers/drc';

// The office's workbook written by `drc review --out`, printed to PDF by LibreOffice: every page A4, the header row
// repeated on every page of each table.
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const printable = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!printable)
  console.warn(
    'soffice, pdfinfo or pdftotext not found: skipping the LibreOffice test of the review workbook',
  );
const whenPrintable = printable ? test : test.skip;
const INBOX = path.join(__dirname, '..', '..', '..', 'examples', 'review');

whenPrintable('the review workbook prints on A4 with the header on every page', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drc-review-pdf-'));
  const out = path.join(dir, '汇总审核.xlsx');
  expect((await drc('review', INBOX, '--out', out)).code).toBe(1);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      out,
    ],
    { timeout: 180000, stdio: 'pipe' },
  );
  const pdf = path.join(dir, '汇总审核.pdf');
  expect(existsSync(pdf)).toBe(true);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  const pages = [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Math.round(Number(m[2])),
    height: Math.round(Number(m[3])),
    text: execFileSync('pdftotext', ['-layout', '-f', m[1]!, '-l', m[1]!, pdf, '-'], { encoding: 'utf8' }),
  }));
  expect(pages.length).toBe(count);
  for (const p of pages)
    expect([
      [595, 842],
      [842, 595],
    ]).toContainEqual([p.width, p.height]);
  // Each table's header row, as its first words: every page of that table starts with it.
  const tables: Array<[RegExp, RegExp]> = [
    [/“双随机”监管事项报送情况|检查实施清单\s+动态调整情况表/, /序号\s+单位\s+检查实施清单\s+动态调整情况表/],
    [/实施单位\s+检查事项名称/, /序号\s+实施单位\s+检查事项名称\s+检查依据/],
    [/问题及修改要求/, /序号\s+单位\s+材料\s+文件\s+位置/],
  ];
  for (const [belongs, header] of tables) {
    const own = pages.filter((p) => belongs.test(p.text));
    expect(own.length).toBeGreaterThan(0);
    for (const p of own) expect(p.text).toMatch(header);
  }
  // The county list runs over several pages: the header repeats.
  expect(pages.filter((p) => /实施单位\s+检查事项名称/.test(p.text)).length).toBeGreaterThan(1);
  // Landscape, as the wide tables are printed.
  expect(pages.find((p) => /报送情况/.test(p.text))).toMatchObject({ width: 842, height: 595 });
});
