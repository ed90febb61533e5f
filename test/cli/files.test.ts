import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { findSoffice } from '../../src/hosts/files/soffice';
import { editPart } from '../fixtures/package-variants';
import { drc } from '../helpers/drc';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const MARKET = path.join(EXAMPLES, '于都县市场监督管理局-检查实施清单.xlsx');
const GBK_CSV = path.join(EXAMPLES, '于都县住建局-抽查事项清单(GBK).csv');
const LEGACY = path.join(ROOT, 'test', 'fixtures', 'legacy.xls');
const SOFFICE = findSoffice();
const posix = process.platform !== 'win32';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-files-'));
const copy = (from: string, to: string) => {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
  return to;
};
/** Every file under a folder with its hash: what "nothing changed, nothing written" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile())
        out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
const json = async (...args: string[]) => {
  const run = await drc(...args, '--json');
  return { ...run, doc: JSON.parse(run.out) };
};
/** The notes (legacy comments) of a package, all text joined. */
const notesOf = (file: string) =>
  Object.entries(unzipSync(new Uint8Array(readFileSync(file))))
    .filter(([n]) => /comments\d*\.xml$/.test(n))
    .map(([, b]) => strFromU8(b))
    .join('');

async function xlsx(file: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}
const HEAD = ['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例', '抽查频次'];

describe('outputs are planned before anything is written', () => {
  test('check f --out f: the .xlsx would be overwritten by its own copy: exit 2, nothing written, results shown', async () => {
    const d = tmp();
    const f = path.join(d, 'f');
    copy(MARKET, path.join(f, '清单.xlsx'));
    copy(GBK_CSV, path.join(f, '清单.csv'));
    const before = snapshot(d);
    const run = await drc('check', f, '--out', f);
    expect(run.code).toBe(2);
    expect(run.out).toContain('合计'); // the check results come first
    expect(run.err).toMatch(/未写出任何标注副本.*会覆盖输入文件/);
    expect(snapshot(d)).toEqual(before);
    const { doc } = await json('check', f, '--out', f);
    expect(doc.outError.code).toBe('out/overwrites-input');
    expect(doc.files.every((x: { copy?: string }) => x.copy === undefined)).toBe(true);
    expect(snapshot(d)).toEqual(before);
  });

  test('X.csv --out . beside an unrelated X.xlsx: refused, X.xlsx untouched', async () => {
    const d = tmp();
    copy(GBK_CSV, path.join(d, 'X.csv'));
    writeFileSync(path.join(d, 'X.xlsx'), 'an unrelated original');
    const before = snapshot(d);
    const { code, doc } = await json('check', path.join(d, 'X.csv'), '--out', d);
    expect(code).toBe(2);
    expect(doc.outError.code).toBe('out/beside-inputs');
    expect(snapshot(d)).toEqual(before);
  });

  test('a/清单.xlsx and b/清单.xlsx: two copies, each under its sub-path, both marked', async () => {
    const d = tmp();
    const a = copy(MARKET, path.join(d, 'a', '清单.xlsx'));
    const b = copy(MARKET, path.join(d, 'b', '清单.xlsx'));
    const out = path.join(d, 'o');
    const { code, doc } = await json('check', a, b, '--out', out);
    expect(code).toBe(1);
    expect(doc.files.map((x: { copy: string }) => x.copy)).toEqual([
      path.join(out, 'a', '清单.xlsx'),
      path.join(out, 'b', '清单.xlsx'),
    ]);
    for (const c of doc.files) expect(notesOf(c.copy)).toContain('150%');
    expect(Object.keys(snapshot(out)).sort()).toEqual([
      path.join('a', '清单.xlsx'),
      path.join('b', '清单.xlsx'),
    ]);
  });

  test('清单.xlsx and 清单.csv of one folder: 清单.xlsx and 清单 (2).xlsx; a rerun replaces them', async () => {
    const d = tmp();
    const f = path.join(d, 'f');
    copy(MARKET, path.join(f, '清单.xlsx'));
    copy(GBK_CSV, path.join(f, '清单.csv'));
    const out = path.join(d, 'o');
    const { doc } = await json('check', f, '--out', out);
    const copies = Object.fromEntries(
      doc.files.map((x: { file: string; copy: string }) => [path.basename(x.file), x.copy]),
    );
    expect(copies).toEqual({
      '清单.xlsx': path.join(out, '清单.xlsx'),
      '清单.csv': path.join(out, '清单 (2).xlsx'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '清单 (2).xlsx'));
    expect(wb.worksheets[0]!.name).toBe('清单'); // the CSV's copy
    const again = await json('check', f, '--out', out);
    expect(again.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['清单 (2).xlsx', '清单.xlsx']); // replaced, no temp file left
  });

  test('tab-separated text named .xls: its copy is named .xlsx and is a package', async () => {
    const d = tmp();
    const file = path.join(d, '平台导出.xls');
    writeFileSync(
      file,
      `${HEAD.join('\t')}\n1\t食品检查\t《食品安全法》\t某局\t食品企业\t双随机抽查\t150%\t每年1次\n`,
    );
    const { doc } = await json('check', file, '--out', path.join(d, 'o'));
    expect(doc.files[0].copy).toBe(path.join(d, 'o', '平台导出.xlsx'));
    expect(readFileSync(doc.files[0].copy).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('--out targets: exit 2 with the reason, after the check results', () => {
  const cases: Array<[string, (d: string) => string, string]> = [
    [
      'a regular file',
      (d) => (writeFileSync(path.join(d, 'reg'), ''), path.join(d, 'reg')),
      'out/not-folder',
    ],
    ['an empty string', () => '', 'out/empty'],
    [
      'a folder under a file',
      (d) => (writeFileSync(path.join(d, 'reg'), ''), path.join(d, 'reg', 'o')),
      'out/parent-not-folder',
    ],
  ];
  if (process.platform === 'linux')
    cases.push(
      ['/dev/null', () => '/dev/null', 'out/not-folder'],
      ['under /proc', () => '/proc/drc/o', 'out/system-folder'],
    );
  test.each(cases)('%s', async (_label, target, code) => {
    const run = await drc('check', MARKET, '--out', target(tmp()));
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/合计/);
    expect(run.out).toMatch(/I7/);
    expect(run.err).toMatch(/未写出任何标注副本/);
    expect(run.out + run.err).not.toMatch(/EEXIST|EACCES|ENOTDIR|\bat \w+ \(/);
    const { doc } = await json('check', MARKET, '--out', target(tmp()));
    expect(doc.outError.code).toBe(code);
  });

  (posix ? test : test.skip)('an unwritable folder (run as an ordinary user)', () => {
    const d = tmp();
    chmodSync(d, 0o755);
    const input = copy(MARKET, path.join(d, 'in.xlsx'));
    chmodSync(input, 0o644);
    const locked = path.join(d, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // Root writes anywhere: run as nobody when the tests run as root, so that the folder really is unwritable.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'drc.js'), ...args], { encoding: 'utf8', ...as });
    if (cli('--version').status !== 0) {
      console.warn('skipped: an ordinary user cannot run the compiled CLI from this checkout');
      return;
    }
    const run = cli('check', input, '--out', path.join(locked, 'o'));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('合计');
    expect(run.stderr).toMatch(/没有权限写入/);
    expect(existsSync(path.join(locked, 'o'))).toBe(false);
  });
});

describe('special files, limits and long values', () => {
  (posix ? test : test.skip)('a FIFO and /dev/zero are refused at once', async () => {
    const d = tmp();
    const fifo = path.join(d, '管道.xlsx');
    spawnSync('mkfifo', [fifo]);
    const inputs = process.platform === 'linux' ? [fifo, '/dev/zero'] : [fifo];
    const { code, doc } = await json('check', ...inputs);
    expect(code).toBe(2);
    expect(doc.files.map((f: { error: { code: string } }) => f.error.code)).toEqual(
      inputs.map(() => 'file/not-regular'),
    );
  });

  test('--max-size: a package over the limit has its own message; under it, it is read', async () => {
    const big = await xlsx(path.join(tmp(), 'big.xlsx'), [
      HEAD,
      ...Array.from({ length: 2000 }, (_, i) => [
        i + 1,
        `食品检查${i}`,
        '《食品安全法》',
        '某局',
        '企业',
        '双随机抽查',
        '5%',
        '每年1次',
      ]),
    ]);
    const over = await json('check', big, '--max-size', '64KB');
    expect(over.code).toBe(2);
    expect(over.doc.files[0].error.code).toBe('file/too-large');
    expect(over.doc.files[0].error.message).toContain('--max-size');
    expect((await json('check', big, '--max-size', '50MB')).doc.files[0].error).toBeNull();
  });

  test('--max-size holds for tally, compare and adjust too; a wrong value exits 2 before any file is read', async () => {
    const d = tmp();
    const a = copy(MARKET, path.join(d, 'a.xlsx'));
    const b = copy(MARKET, path.join(d, 'b.xlsx'));
    const runs = [
      ['tally', a],
      ['compare', a, b],
      ['adjust', '--previous', a, '--current', b],
    ];
    for (const args of runs) {
      const over = await drc(...args, '--max-size', '2KB');
      expect(over.code).toBe(2);
      expect(over.out + over.err).toMatch(/超过了上限 2 KB/);
      const wrong = await drc(...args, '--max-size', 'abc', '--json');
      expect(wrong.code).toBe(2);
      expect(JSON.parse(wrong.out).error.code).toBe('args/size');
      expect(wrong.err).toContain('--max-size');
      expect((await drc(...args, '--max-size', '50MB')).out).not.toMatch(/超过了上限/);
    }
  });

  test('--max-size holds for review: a file over it is listed unreadable with the reason; a wrong value exits 2', async () => {
    const d = tmp();
    copy(MARKET, path.join(d, '于都县市场监督管理局-检查实施清单.xlsx'));
    // A small file under the limit, so that the inbox is not wholly unreadable.
    writeFileSync(
      path.join(d, '于都县应急管理局-检查实施清单.csv'),
      `${HEAD.join(',')}\n1,安全检查,《安全生产法》,某局,企业,双随机抽查,5%,每年1次\n`,
    );
    type Listed = { file: string; error: { code: string; message: string } | null };
    const byFile = (doc: { units: { files: Listed[] }[] }) =>
      Object.fromEntries(doc.units.flatMap((u) => u.files).map((f) => [f.file, f.error ?? null]));
    const over = byFile((await json('review', d, '--max-size', '2KB')).doc);
    expect(over['于都县应急管理局-检查实施清单.csv']).toBeNull();
    expect(over['于都县市场监督管理局-检查实施清单.xlsx']?.code).toBe('file/too-large');
    expect(over['于都县市场监督管理局-检查实施清单.xlsx']?.message).toMatch(/超过了上限 2 KB/);
    expect(Object.values(byFile((await json('review', d, '--max-size', '50MB')).doc))).toEqual([null, null]);
    const wrong = await drc('review', d, '--max-size', 'abc', '--json');
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.out).error.code).toBe('args/size');
    expect(wrong.err).toContain('--max-size');
  });

  test('a 50,000-character cell is quoted cut short in the text and in its note', async () => {
    const d = tmp();
    const long = '很'.repeat(50000);
    const file = await xlsx(path.join(d, '长.xlsx'), [
      HEAD,
      [1, '食品检查', '《食品安全法》', '某局', '食品企业', '双随机抽查', long, '每年1次'],
    ]);
    const run = await drc('check', file, '--out', path.join(d, 'o'));
    const line = run.out.split('\n').find((l) => l.includes('G2'))!;
    expect(line.length).toBeLessThan(600);
    expect(line).toContain('共 50000 字');
    const notes = notesOf(path.join(d, 'o', '长.xlsx'));
    expect(notes.length).toBeLessThan(32767);
    expect(notes).toContain('共 50000 字');
  });
});

describe('a damaged workbook is never checked as if whole', () => {
  test.each([
    [
      'a truncated sharedStrings part',
      'xl/sharedStrings.xml',
      (x: string) => x.slice(0, Math.floor(x.length / 2)),
    ],
    ['a sheet cut mid-way', 'xl/worksheets/sheet1.xml', (x: string) => x.slice(0, Math.floor(x.length / 2))],
    ['a malformed styles.xml', 'xl/styles.xml', (x: string) => x.replace('</cellXfs>', '')],
  ])('%s: exit 2, the part named, no copy', async (_label, part, edit) => {
    const d = tmp();
    const file = path.join(d, '清单.xlsx');
    writeFileSync(file, editPart(new Uint8Array(readFileSync(MARKET)), part, edit));
    const out = path.join(d, 'o');
    const { code, doc } = await json('check', file, '--out', out);
    expect(code).toBe(2);
    expect(doc.files[0].error.code).toBe('file/corrupt');
    expect(doc.files[0].error.message).toContain(part);
    expect(doc.files[0].sheets).toEqual([]);
    expect(existsSync(path.join(out, '清单.xlsx'))).toBe(false);
  });
});

describe('option values are checked: exit 2 with the reason, before any file is read', () => {
  test.each([
    ['--ratio-disturb', 'abc'],
    ['--ratio-disturb', '0'],
    ['--ratio-disturb', '101'],
    ['--ratio-blind', '-1'],
    ['--max-per-year', '-1'],
    ['--max-per-year', '0'],
    ['--max-per-year', '1.5'],
    ['--max-per-year', '367'],
    ['--max-size', 'abc'],
    ['--max-size', '0'],
    ['--max-size', '5TB'],
    ['--soffice', '/nonexistent/soffice'],
    ['--soffice-timeout', '0'],
    ['--severity', 'ratio/bogus=error'],
    ['--severity', 'ratio/prose=fatal'],
    ['--severity', 'ratio/prose'],
  ])('%s %s', async (option, value) => {
    const run = await drc('check', path.join(tmp(), '不存在.xlsx'), `${option}=${value}`);
    expect(run.code).toBe(2);
    expect(run.err).toContain(option);
    expect(run.err).toContain(value);
    expect(run.out).toBe(''); // no file was read
  });

  test('the blind-spot threshold must be below the disturbing one; good values pass', async () => {
    expect((await drc('check', MARKET, '--ratio-blind', '60', '--ratio-disturb', '50')).err).toMatch(
      /--ratio-blind/,
    );
    const ok = await drc(
      'check',
      MARKET,
      '--ratio-blind',
      '5%',
      '--ratio-disturb',
      '９０',
      '--max-per-year',
      '24',
    );
    expect(ok.code).toBe(1);
  });

  test('--severity changes the severity of one code, repeatable, in English or as the output prints it', async () => {
    const file = path.join(tmp(), '清单.csv');
    writeFileSync(
      file,
      '检查事项,检查依据,检查主体,检查对象,检查方式,是否纳入双随机,抽查比例,抽查频次\n' +
        '事项,《条例》,县局,企业,双随机抽查,是,按省级计划确定的比例,一般不超过2次/年\n',
    );
    const plain = await drc('check', file, '--json');
    const codes = (run: typeof plain) =>
      (
        JSON.parse(run.out) as {
          files: Array<{ sheets: Array<{ issues: Array<{ code: string; severity: string }> }> }>;
        }
      ).files[0]!.sheets[0]!.issues.map((i) => `${i.code} ${i.severity}`);
    expect(plain.code).toBe(0);
    expect(codes(plain)).toEqual(['ratio/prose warning', 'frequency/hedged info']);
    const set = await drc(
      'check',
      file,
      '--json',
      '--severity',
      'ratio/prose=error',
      '--severity=frequency/hedged=警告',
    );
    expect(set.code).toBe(1);
    expect(codes(set)).toEqual(['ratio/prose error', 'frequency/hedged warning']);
  });

  test('unknown options and commands: exit 2 with a sentence in the chosen language', async () => {
    const zh = await drc('check', MARKET, '--bogus');
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/未知的选项 --bogus/);
    const en = await drc('check', MARKET, '--bogus', '--lang', 'en-US');
    expect(en.err).toMatch(/Unknown option --bogus/);
    expect((await drc('nosuch')).err).toMatch(/未知的命令 nosuch/);
  });
});

describe('--version, --help and en-US output', () => {
  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const run = await drc('--version');
    expect(run.code).toBe(0);
    expect(run.out.trim()).toBe(version);
  });

  test('--help in the chosen language', async () => {
    const zh = await drc('check', '--help');
    expect(zh.out).toMatch(/^用法:/);
    expect(zh.out).toMatch(/选项:/);
    const en = await drc('check', '--help', '--lang', 'en-US');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Usage:/);
    expect(en.out).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await drc('--help', '--lang=en-US')).out).toMatch(/Commands:/);
  });

  test('en-US: singular and plural, columns aligned, issues by row then column', async () => {
    const d = tmp();
    const one = await xlsx(path.join(d, 'one.xlsx'), [
      HEAD,
      [1, '食品检查', '《食品安全法》', '某局', '食品企业', '双随机抽查', '150%', '每年1次'],
    ]);
    const single = await drc('check', one, '--lang', 'en-US');
    expect(single.out).toContain('1 error, 0 warnings, 0 notes');
    expect(single.out).toContain('Total: 1 file, 1 error, 0 warnings');
    const { out } = await drc('check', MARKET, '--lang', 'en-US');
    const issueLines = out.split('\n').filter((l) => /^ {4}(Error|Warning|Note) /.test(l));
    expect(issueLines.length).toBeGreaterThan(5);
    const messageColumn = (l: string) => l.search(/ {2}\S/);
    expect(new Set(issueLines.map(messageColumn)).size).toBe(1);
    const cells = issueLines.map((l) => /^ {4}\S+ +(\w+)/.exec(l)![1]);
    const order = cells.map((c) => {
      const m = /^([A-Z]+)(\d+)$/.exec(c!)!;
      return Number(m[2]) * 100 + (m[1]!.length === 1 ? m[1]!.charCodeAt(0) - 64 : 27);
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('legacy formats', () => {
  test('without conversion: .xls and .et are listed with "请另存为 .xlsx 后再检查", named by their real format; exit 2', async () => {
    const d = tmp();
    copy(LEGACY, path.join(d, '旧清单.xls'));
    copy(LEGACY, path.join(d, 'WPS清单.et'));
    copy(MARKET, path.join(d, '清单.xlsx'));
    const run = await drc('check', d, '--no-convert');
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/WPS清单\.et[\s\S]*WPS 表格 \.et[\s\S]*请另存为 \.xlsx 后再检查/);
    expect(run.out).toMatch(/旧清单\.xls[\s\S]*Excel 97-2003 \.xls[\s\S]*请另存为 \.xlsx 后再检查/);
    expect(run.out).not.toMatch(/WPS清单\.et\n.*Excel 97-2003/);
    const { doc } = await json('check', d, '--no-convert');
    expect(doc.files.map((f: { error: { code: string } | null }) => f.error?.code ?? null)).toEqual([
      'file/needs-libreoffice',
      'file/needs-libreoffice',
      null,
    ]);
  });

  (SOFFICE ? test : test.skip)(
    'with LibreOffice: .xls, .et and .ods are read; their copies are .xlsx and say so',
    async () => {
      const d = tmp();
      const f = path.join(d, 'f');
      copy(LEGACY, path.join(f, '旧清单.xls'));
      copy(LEGACY, path.join(f, 'WPS清单.et'));
      // An .ods made by LibreOffice itself from the same table.
      spawnSync(SOFFICE!, [
        `-env:UserInstallation=file://${path.join(d, 'profile')}`,
        '--headless',
        '--convert-to',
        'ods',
        '--outdir',
        path.join(d, 'ods'),
        LEGACY,
      ]);
      copy(path.join(d, 'ods', 'legacy.ods'), path.join(f, '开源.ods'));
      const before = snapshot(f);
      const out = path.join(d, 'o');
      const { doc } = await json('check', f, '--out', out);
      expect(doc.files.map((x: { convertedFrom: string }) => x.convertedFrom)).toEqual(['et', 'ods', 'xls']);
      expect(doc.files.every((x: { error: unknown }) => x.error === null)).toBe(true);
      for (const x of doc.files) {
        expect(x.copy).toMatch(/\.xlsx$/);
        expect(readFileSync(x.copy).subarray(0, 2).toString()).toBe('PK');
      }
      expect(snapshot(f)).toEqual(before); // inputs untouched, no lock file beside them
      const text = await drc('check', path.join(f, 'WPS清单.et'), '--out', out);
      expect(text.out).toMatch(/已用 LibreOffice 把 WPS 表格 \.et 转换为 \.xlsx 后读取/);
      expect(text.out).toMatch(/副本是 \.xlsx 工作簿/);
    },
  );
});

describe('tally reads folders the same way', () => {
  test('files it does not read are listed with the reason', async () => {
    const d = tmp();
    copy(path.join(EXAMPLES, 'tally', '于都县住建局-监测点企业申报表.xlsx'), path.join(d, '住建局.xlsx'));
    writeFileSync(path.join(d, '回执.pdf'), 'x');
    // Word files are read by the tally (units return Annex 2 as a Word table): a broken one is named, not skipped.
    writeFileSync(path.join(d, '回执.docx'), 'x');
    const { doc } = await json('tally', d);
    expect(doc.skipped).toEqual([
      { file: path.join(d, '回执.pdf'), reason: 'skip/pdf', message: expect.stringContaining('PDF') },
    ]);
    expect(doc.files.find((f: { file: string }) => f.file.endsWith('回执.docx')).error.code).toBe(
      'docx/corrupt',
    );
  });
});
