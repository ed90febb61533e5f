import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listInputs } from '../../../src/hosts/files/list-inputs';

const put = (file: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
};

/** A unit's folder as it arrives: lists in every format, a reply in Word, a scan, a lock file, a subfolder. */
function arrivals(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'drc-list-'));
  for (const n of [
    '清单.xlsx',
    '清单.csv',
    '旧清单.xls',
    'WPS清单.et',
    '开源.ods',
    '说明.docx',
    '扫描件.pdf',
  ])
    put(path.join(d, n));
  for (const n of ['~$清单.xlsx', '.DS_Store', 'Thumbs.db', '照片.jpg', '附件.zip', 'notes.md'])
    put(path.join(d, n));
  put(path.join(d, '住建局', '申报表.xlsx'));
  put(path.join(d, '.git', 'config.xlsx'));
  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [path.join(d, '管道.xlsx')]);
    symlinkSync(path.join(d, 'missing.xlsx'), path.join(d, '断链.xlsx'));
    symlinkSync(d, path.join(d, '住建局', '回到上层'));
  }
  return d;
}

describe('listInputs: every entry of a folder is read or listed with the reason', () => {
  test('one level: spreadsheets to read or convert, everything else skipped with its reason', async () => {
    const d = arrivals();
    const { files, skipped } = await listInputs([d]);
    expect(files.map((f) => [path.basename(f.path), f.how])).toEqual([
      ['WPS清单.et', 'convert'],
      ['开源.ods', 'convert'],
      ['旧清单.xls', 'convert'],
      ['清单.csv', 'read'],
      ['清单.xlsx', 'read'],
    ]);
    expect(files.every((f) => f.root === d)).toBe(true);
    const reasons = Object.fromEntries(skipped.map((s) => [path.basename(s.path), s.reason]));
    expect(reasons).toMatchObject({
      '~$清单.xlsx': 'skip/lock-file',
      '.DS_Store': 'skip/hidden',
      'Thumbs.db': 'skip/hidden',
      '.git': 'skip/hidden',
      '说明.docx': 'skip/word',
      '扫描件.pdf': 'skip/pdf',
      '照片.jpg': 'skip/image',
      '附件.zip': 'skip/archive',
      'notes.md': 'skip/other-type',
      住建局: 'skip/subfolder',
    });
    if (process.platform !== 'win32') {
      expect(reasons['管道.xlsx']).toBe('skip/not-regular');
      expect(reasons['断链.xlsx']).toBe('file/not-found');
    }
    // Nothing in the folder is left out of both lists.
    expect(files.length + skipped.length).toBe(process.platform !== 'win32' ? 17 : 15);
  });

  test('recursive: subfolders read, a link back up not followed twice, the output folder left out', async () => {
    const d = arrivals();
    const out = path.join(d, '住建局');
    const deep = await listInputs([d], { recursive: true });
    expect(deep.files.map((f) => path.relative(d, f.path))).toContain(path.join('住建局', '申报表.xlsx'));
    if (process.platform !== 'win32')
      expect(deep.skipped).toContainEqual({
        path: path.join(d, '住建局', '回到上层'),
        reason: 'skip/folder-loop',
      });
    const excluded = await listInputs([d], { recursive: true, exclude: [out] });
    expect(excluded.skipped).toContainEqual({ path: out, reason: 'skip/output-folder' });
    expect(excluded.files.some((f) => f.path.startsWith(out))).toBe(false);
  });

  test('a path named directly is always read, whatever it is (the reader says what is wrong)', async () => {
    const d = arrivals();
    const listing = await listInputs([path.join(d, '说明.docx'), path.join(d, '不存在.xlsx')]);
    expect(listing.files.map((f) => path.basename(f.path))).toEqual(['说明.docx', '不存在.xlsx']);
    expect(listing.skipped).toEqual([]);
  });

  test('extra extensions a command reads (review reads Word tables)', async () => {
    const d = arrivals();
    const { files } = await listInputs([d], { alsoRead: ['.docx'] });
    expect(files.map((f) => path.basename(f.path))).toContain('说明.docx');
  });
});
