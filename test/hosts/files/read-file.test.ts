import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRegularFile } from '../../../src/hosts/files/read-file';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-read-'));
const posix = process.platform !== 'win32';

async function codeOf(file: string, max = 1024 ** 3): Promise<string> {
  return readRegularFile(file, max).then(
    () => 'read',
    (e: { code: string }) => e.code,
  );
}

describe('readRegularFile: only regular files, never more than the limit', () => {
  test('a regular file is read whole', async () => {
    const f = path.join(tmp(), 'a.csv');
    writeFileSync(f, '序号,事项');
    expect(Buffer.from(await readRegularFile(f, 1024)).toString()).toBe('序号,事项');
  });

  (posix ? test : test.skip)(
    'a FIFO is refused at once (no writer: reading it would block forever)',
    async () => {
      const f = path.join(tmp(), '管道.xlsx');
      execFileSync('mkfifo', [f]);
      const e = await readRegularFile(f, 1024).catch(
        (x: { code: string; messageIn(l: string): string }) => x,
      );
      expect(e).toMatchObject({ code: 'file/not-regular', params: { kind: 'fifo' } });
      expect((e as { messageIn(l: string): string }).messageIn('zh-CN')).toContain('命名管道');
    },
  );

  (process.platform === 'linux' ? test : test.skip)('/dev/zero is refused by its type', async () => {
    expect(await codeOf('/dev/zero')).toBe('file/not-regular');
  });

  test('an empty regular file is read as empty', async () => {
    const f = path.join(tmp(), 'empty.csv');
    writeFileSync(f, '');
    expect(await readRegularFile(f, 1024)).toHaveLength(0);
  });

  (process.platform === 'linux' ? test : test.skip)(
    'a regular file that gives no size (/proc) is read to its end, and held to the limit',
    async () => {
      const text = Buffer.from(await readRegularFile('/proc/self/status', 1024 ** 2)).toString();
      expect(text).toMatch(/^Name:/m);
      expect(await codeOf('/proc/self/status', 16)).toBe('file/too-large');
    },
  );

  test('a folder, a missing file, a symbolic-link loop, a file over the limit', async () => {
    const d = tmp();
    expect(await codeOf(d)).toBe('file/is-directory');
    expect(await codeOf(path.join(d, 'none.xlsx'))).toBe('file/not-found');
    if (posix) {
      symlinkSync(path.join(d, 'b'), path.join(d, 'a'));
      symlinkSync(path.join(d, 'a'), path.join(d, 'b'));
      expect(await codeOf(path.join(d, 'a'))).toBe('file/symlink-loop');
    }
    const big = path.join(d, 'big.csv');
    writeFileSync(big, 'x'.repeat(5000));
    expect(await codeOf(big, 4096)).toBe('file/too-large');
  });
});
