import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-types';
import { fileProgress } from '../../src/cli/progress-bar';

/** An io whose standard error says it is (or is not) a terminal, and keeps what was written to it. */
function io(tty: boolean): CliIo & { written: () => string } {
  const err = Object.assign(new PassThrough(), {
    isTTY: tty,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  let text = '';
  err.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { out: new PassThrough(), err, written: () => text };
}

describe('fileProgress', () => {
  test.each([
    ['standard error is not a terminal', false, 3, false],
    ['one file only', true, 1, false],
    ['JSON output', true, 3, true],
  ])('no bar when %s', (_label, tty, total, json) => {
    const target = io(tty);
    expect(fileProgress(target, total, json)).toBeUndefined();
    expect(target.written()).toBe('');
  });

  test('on a terminal, over several files, the bar shows the count and the file being done', async () => {
    const target = io(true);
    const bar = fileProgress(target, 3, false);
    expect(bar).toBeDefined();
    bar?.update(2, '清单.xlsx');
    bar?.stop();
    await new Promise((r) => setImmediate(r));
    expect(target.written()).toContain('2/3 清单.xlsx');
  });
});
