import { constants, promises as fs, type Stats } from 'node:fs';
import { WorkbookReadError } from '../xlsx/errors';
import { sizeParams } from '../xlsx/sizes';

/** What a non-regular file is, for `file/not-regular`. */
export function specialKind(stat: Stats): 'fifo' | 'device' | 'socket' | 'other' {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  return 'other';
}

/** The read error of a failed file-system call on `file` (ENOENT, EACCES, ELOOP …), named by `file` as given. */
export function accessError(e: unknown, file: string): WorkbookReadError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new WorkbookReadError('file/not-found', file, {}, { cause: e });
    case 'EACCES':
    case 'EPERM':
      return new WorkbookReadError('file/no-permission', file, {}, { cause: e });
    case 'EBUSY':
    case 'ETXTBSY':
      return new WorkbookReadError('file/busy', file, {}, { cause: e });
    case 'ELOOP':
      return new WorkbookReadError('file/symlink-loop', file, {}, { cause: e });
    case 'EISDIR':
      return new WorkbookReadError('file/is-directory', file, {}, { cause: e });
    default:
      return new WorkbookReadError('file/unreadable', file, { detail: code ?? String(e) }, { cause: e });
  }
}

/**
 * Reads a regular file whole, or throws a `WorkbookReadError` naming `file`. Only regular files are read: a FIFO
 * would block forever and /dev/zero never ends, so they are refused by their type before any read (and opened
 * non-blocking, in case the path changes in between). A file larger than `maxBytes` is `file/too-large`.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Uint8Array> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw accessError(e, file);
  }
  assertRegular(stat, file, maxBytes);
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK is POSIX only (undefined on Windows, where FIFOs are not files anyway).
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw accessError(e, file);
  }
  try {
    const opened = await handle.stat();
    assertRegular(opened, file, maxBytes);
    // Some regular files give no size (/proc, /sys): read them to their end, up to the limit.
    if (opened.size === 0) return await readToEnd(handle, file, maxBytes);
    // Read what the file holds now, up to the limit: a file growing while it is read is cut at its size.
    const bytes = new Uint8Array(opened.size);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw accessError(e, file);
  } finally {
    await handle.close();
  }
}

/** A file whose size is not known in advance, read in chunks to its end; over `maxBytes` is `file/too-large`. */
async function readToEnd(handle: fs.FileHandle, file: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw new WorkbookReadError('file/too-large', file, sizeParams(total, maxBytes));
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function assertRegular(stat: Stats, file: string, maxBytes: number): void {
  if (stat.isDirectory()) throw new WorkbookReadError('file/is-directory', file);
  if (!stat.isFile()) throw new WorkbookReadError('file/not-regular', file, { kind: specialKind(stat) });
  if (stat.size > maxBytes)
    throw new WorkbookReadError('file/too-large', file, sizeParams(stat.size, maxBytes));
}
