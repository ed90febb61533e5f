import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

// Worker threads run the compiled CLI (dist/, built by `npm run build:cli`, as on install).
const ROOT = path.join(__dirname, '..', '..');
const BUILT = existsSync(path.join(ROOT, 'dist', 'cli', 'file-worker.js'));
if (!BUILT)
  console.warn('dist/cli/file-worker.js not found (run npm run build:cli): skipping the worker-thread tests');
const whenBuilt = BUILT ? test : test.skip;

/** `drc ARGS` with `DRC_WORKERS` set; the exit code and what it printed. */
async function drc(workers: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)('node', [path.join(ROOT, 'bin', 'drc.js'), ...args], {
      env: { ...process.env, DRC_WORKERS: workers },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

/** A folder of 20 files: the example lists, an encrypted file, and a legacy .xls to convert. */
function folder(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'drc-workers-')), 'in');
  mkdirSync(dir);
  const lists = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => /\.(xlsx|csv)$/.test(f))
    .map((f) => path.join(ROOT, 'examples', f));
  const odd = ['encrypted.xlsx', 'legacy.xls'].map((f) => path.join(ROOT, 'test', 'fixtures', f));
  for (let i = 0; i < 40; i++) {
    const from = i % 10 === 9 ? odd[((i / 10) % 2) | 0] : lists[i % lists.length];
    copyFileSync(from!, path.join(dir, `${String(i).padStart(2, '0')}-${path.basename(from!)}`));
  }
  return dir;
}

jest.setTimeout(180_000);

whenBuilt(
  'drc check over a folder gives the same reports and marked copies in worker threads, in order',
  async () => {
    const dir = folder();
    const outOne = path.join(dir, '..', 'out-one');
    const outTwo = path.join(dir, '..', 'out-two');
    const one = await drc('0', 'check', dir, '--json', '--out', outOne);
    const two = await drc('2', 'check', dir, '--json', '--out', outTwo);
    expect(two.code).toBe(one.code);
    type Outcome = { file: string; error: { code: string } | null; convertedFrom?: string };
    const files = (r: { out: string }) =>
      (JSON.parse(r.out.split(outTwo).join(outOne)) as { files: Outcome[] }).files;
    expect(files(two)).toEqual(files(one));
    expect(files(one).map((f) => path.basename(f.file))).toEqual(readdirSync(dir).sort());
    // Every kind of outcome is there: lists with issues, a file that cannot be read, a converted legacy file.
    const outcomes = files(one);
    expect(outcomes.some((f) => f.error?.code === 'file/encrypted')).toBe(true);
    // Handed back to the main thread, which converts it with LibreOffice when there is one.
    expect(
      outcomes.some((f) => f.convertedFrom === 'xls' || f.error?.code === 'file/needs-libreoffice'),
    ).toBe(true);
    expect(outcomes.filter((f) => f.error === null).length).toBeGreaterThanOrEqual(17);
    const copies = readdirSync(outOne).sort();
    expect(readdirSync(outTwo).sort()).toEqual(copies);
    expect(copies.length).toBeGreaterThanOrEqual(17);
    // The same parts with the same bytes, but for the document's dates (the time of writing or converting).
    const parts = (file: string) =>
      unzipSync(new Uint8Array(readFileSync(file)), { filter: (f) => f.name !== 'docProps/core.xml' });
    for (const c of copies) expect(parts(path.join(outTwo, c))).toEqual(parts(path.join(outOne, c)));
  },
);

whenBuilt('drc tally over the example inbox gives the same tally in worker threads', async () => {
  const inbox = path.join(ROOT, 'examples', 'tally');
  const one = await drc('0', 'tally', inbox, '--json');
  const two = await drc('2', 'tally', inbox, '--json');
  expect(two.code).toBe(one.code);
  expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
  expect((JSON.parse(one.out) as { files: unknown[] }).files.length).toBeGreaterThanOrEqual(24);
});
