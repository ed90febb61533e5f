// Node's zlib inflates package entries, deflates the parts of a marked copy and takes their CRC-32 in the command
// line (and its worker threads): about 4× fflate's speed and 10× our CRC. Browsers keep fflate and ours. Node's
// Buffer also decodes the parts the marked copy edits.
import { Buffer, isAscii } from 'node:buffer';
import zlib from 'node:zlib';
import { itemAt } from '../../core/item-at';
import { useUtf8Decode } from '../xlsx/ooxml/package';
import { useCrc32, useRawInflate } from '../xlsx/zip-package';
import { useRawDeflate, useRawDeflateAsync } from '../xlsx/zip-writer';

/** The largest single output buffer asked of zlib (a part is inflated into one buffer up to this size). */
const MAX_CHUNK = 64 * 1024 * 1024;

/** Bytes deflated per task of zlib's thread pool (a 22 MB sheet: six tasks, run on every core). */
const PIECE_BYTES = 4 * 1024 * 1024;

const deflateRawTask = (data: Uint8Array, options: zlib.ZlibOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    zlib.deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out))),
  );

/**
 * Deflates bytes in pieces of `pieceBytes`, each in a task of zlib's thread pool, into one raw deflate stream:
 * every piece but the last ends with a flush to a byte boundary and no final block, so the pieces join as they
 * are (as pigz does; each piece starts without the previous one's window, a few KB more on a 22 MB sheet).
 */
export async function deflateInPieces(
  data: Uint8Array,
  level: number,
  pieceBytes = PIECE_BYTES,
): Promise<Uint8Array> {
  const tasks: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length || at === 0; at += pieceBytes) {
    const last = at + pieceBytes >= data.length;
    tasks.push(
      deflateRawTask(data.subarray(at, at + pieceBytes), {
        level,
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      }),
    );
    if (last) break;
  }
  const pieces = await Promise.all(tasks);
  return pieces.length === 1 ? itemAt(pieces, 0) : Buffer.concat(pieces);
}

/** Sets Node's zlib and Buffer as the codecs of packages (done when this module is loaded). */
export function useNodeCodecs(): void {
  // One output chunk of the declared size: no copying of chunks into one buffer at the end (half the time of a
  // 22 MB sheet); capped, so that a size the directory overstates cannot make a huge buffer by itself.
  useRawInflate((data, size) =>
    zlib.inflateRawSync(data, {
      maxOutputLength: Math.max(1, size),
      chunkSize: Math.min(size + 64, MAX_CHUNK),
    }),
  );
  useRawDeflate((data, level) => zlib.deflateRawSync(data, { level }));
  useRawDeflateAsync((data, level) => deflateInPieces(data, level));
  // zlib.crc32 came in Node 20.15.
  if (typeof zlib.crc32 === 'function') useCrc32((b, previous) => zlib.crc32(b, previous));
  // UTF-8 decoding has no ASCII fast path in Node 20 (about 27 ms for a 22 MB sheet); checking that every byte
  // is ASCII and copying them as Latin-1 gives the same text in about 3 ms.
  useUtf8Decode((bytes) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return buffer.toString(isAscii(buffer) ? 'latin1' : 'utf8');
  });
}

useNodeCodecs();
