import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import {
  checkOutFile,
  checkOutFolder,
  copyExtension,
  planCopies,
  writeFileAtomically,
} from '../../../src/hosts/files/output-plan';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-plan-'));
const put = (file: string, data: string | Uint8Array = 'x') => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
};
const ZIP = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });

describe('planCopies: every copy has its own path, decided before anything is written', () => {
  test('same-named inputs of two folders keep their sub-path under --out', async () => {
    const d = tmp();
    const a = put(path.join(d, 'a', '清单.xlsx'));
    const b = put(path.join(d, 'b', '清单.xlsx'));
    const out = path.join(d, 'o');
    const plan = await planCopies(
      [
        { input: a, extension: '.xlsx' },
        { input: b, extension: '.xlsx' },
      ],
      out,
      [a, b],
    );
    expect(plan.problem).toBeUndefined();
    expect([...plan.targets.values()]).toEqual([
      path.join(out, 'a', '清单.xlsx'),
      path.join(out, 'b', '清单.xlsx'),
    ]);
  });

  test('a CSV beside an .xlsx of the same name: the .xlsx keeps the name, the CSV copy is numbered', async () => {
    const d = tmp();
    const csv = put(path.join(d, 'f', '清单.csv'));
    const xlsx = put(path.join(d, 'f', '清单.xlsx'));
    const out = path.join(d, 'o');
    const plan = await planCopies(
      [
        { input: csv, root: path.join(d, 'f'), extension: '.xlsx' },
        { input: xlsx, root: path.join(d, 'f'), extension: '.xlsx' },
      ],
      out,
      [csv, xlsx],
    );
    expect(plan.targets.get(xlsx)).toBe(path.join(out, '清单.xlsx'));
    expect(plan.targets.get(csv)).toBe(path.join(out, '清单 (2).xlsx'));
  });

  test('names differing only in letter case collide (Windows and macOS disks)', async () => {
    const d = tmp();
    const a = put(path.join(d, 'x', 'List.xlsx'));
    const b = put(path.join(d, 'x', 'LIST.csv'));
    const plan = await planCopies(
      [
        { input: a, extension: '.xlsx' },
        { input: b, extension: '.xlsx' },
      ],
      path.join(d, 'o'),
      [a, b],
    );
    const names = [...plan.targets.values()].map((t) => path.basename(t).toLowerCase());
    expect(new Set(names).size).toBe(2);
  });

  test('a folder argument is mirrored below --out', async () => {
    const d = tmp();
    const f = path.join(d, 'in');
    const deep = put(path.join(f, '住建局', '2020', '清单.xlsx'));
    const plan = await planCopies([{ input: deep, root: f, extension: '.xlsx' }], path.join(d, 'o'), [deep]);
    expect(plan.targets.get(deep)).toBe(path.join(d, 'o', '住建局', '2020', '清单.xlsx'));
  });

  test('refused: a copy over an input, also through a symbolic link', async () => {
    const d = tmp();
    const input = put(path.join(d, 'f', '清单.xlsx'));
    let plan = await planCopies([{ input, extension: '.xlsx' }], path.join(d, 'f'), [input]);
    expect(plan.problem).toMatchObject({ code: 'out/overwrites-input', params: { file: input } });
    // --out is a link to the input's folder: the same file by another path.
    symlinkSync(path.join(d, 'f'), path.join(d, 'link'));
    plan = await planCopies([{ input, extension: '.xlsx' }], path.join(d, 'link'), [input]);
    expect(plan.problem?.code).toBe('out/overwrites-input');
  });

  test('refused: an existing unrelated file in the folder of the inputs (X.csv --out . beside X.xlsx)', async () => {
    const d = tmp();
    const csv = put(path.join(d, 'X.csv'));
    put(path.join(d, 'X.xlsx'), 'original');
    const plan = await planCopies([{ input: csv, extension: '.xlsx' }], d, [csv]);
    expect(plan.problem).toMatchObject({ code: 'out/beside-inputs' });
  });

  test('refused: a folder where a copy should go; allowed: an earlier copy in a separate folder', async () => {
    const d = tmp();
    const input = put(path.join(d, 'f', '清单.xlsx'));
    mkdirSync(path.join(d, 'o', '清单.xlsx'), { recursive: true });
    expect(
      (await planCopies([{ input, extension: '.xlsx' }], path.join(d, 'o'), [input])).problem?.code,
    ).toBe('out/target-not-file');
    put(path.join(d, 'p', '清单.xlsx'), 'an earlier copy');
    expect(
      (await planCopies([{ input, extension: '.xlsx' }], path.join(d, 'p'), [input])).problem,
    ).toBeUndefined();
  });
});

describe('the copy extension follows the content', () => {
  test('.xlsx and .xlsm packages keep theirs; text, legacy and misnamed files become .xlsx', async () => {
    const d = tmp();
    expect(await copyExtension(put(path.join(d, 'a.xlsx'), ZIP))).toBe('.xlsx');
    expect(await copyExtension(put(path.join(d, 'a.xlsm'), ZIP))).toBe('.xlsm');
    expect(await copyExtension(put(path.join(d, 'b.xlsm'), 'not a zip'))).toBe('.xlsx');
    expect(await copyExtension(put(path.join(d, 'tsv.xls'), '序号\t事项\n'))).toBe('.xlsx');
    expect(await copyExtension(put(path.join(d, 'c.csv'), 'a,b'))).toBe('.xlsx');
    expect(await copyExtension(path.join(d, 'missing.xlsx'))).toBe('.xlsx');
  });
});

describe('output places are checked before writing', () => {
  test('--out: empty, a regular file, a device, under /proc', async () => {
    const d = tmp();
    expect((await checkOutFolder(''))?.code).toBe('out/empty');
    expect(await checkOutFolder(put(path.join(d, 'file')))).toMatchObject({
      code: 'out/not-folder',
      params: { kind: 'file' },
    });
    expect(await checkOutFolder(path.join(d, 'file', 'below'))).toMatchObject({
      code: 'out/parent-not-folder',
    });
    expect(await checkOutFolder(path.join(d, 'new', 'deeper'))).toBeUndefined();
    if (process.platform === 'linux') {
      expect(await checkOutFolder('/dev/null')).toMatchObject({
        code: 'out/not-folder',
        params: { kind: 'device' },
      });
      expect((await checkOutFolder('/proc/drc-out/copies'))?.code).toBe('out/system-folder');
    }
  });

  test('--out FILE.xlsx of a report: not .xlsx, an input, a folder', async () => {
    const d = tmp();
    const input = put(path.join(d, 'a.xlsx'));
    expect((await checkOutFile(path.join(d, 'r.pdf'), [input]))?.code).toBe('out/not-xlsx');
    expect((await checkOutFile(input, [input]))?.code).toBe('out/file-is-input');
    mkdirSync(path.join(d, 'dir.xlsx'));
    expect((await checkOutFile(path.join(d, 'dir.xlsx'), [input]))?.code).toBe('out/file-not-file');
    expect(await checkOutFile(path.join(d, 'new', 'r.xlsx'), [input])).toBeUndefined();
  });
});

describe('writeFileAtomically', () => {
  test('writes the whole file, makes missing folders, leaves no temp file', async () => {
    const d = tmp();
    const target = path.join(d, 'a', 'b', 'c.xlsx');
    await writeFileAtomically(target, strToU8('new'));
    await writeFileAtomically(target, strToU8('newer'));
    expect(readFileSync(target, 'utf8')).toBe('newer');
    expect(readdirSync(path.dirname(target))).toEqual(['c.xlsx']);
  });

  test('a failure leaves the old file whole and no temp file', async () => {
    const d = tmp();
    const target = put(path.join(d, 'c.xlsx'), 'old');
    mkdirSync(path.join(d, 'dir.xlsx'));
    await expect(writeFileAtomically(path.join(d, 'dir.xlsx'), strToU8('x'))).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|EEXIST|ENOTEMPTY|EPERM/),
    });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d).sort()).toEqual(['c.xlsx', 'dir.xlsx']);
  });
});
