// Node's zlib inflates package entries, deflates the parts of a marked copy and takes their CRC-32 in the command
// line (and its worker threads): about 4× fflate's speed and 10× our CRC. Browsers keep fflate and ours.
import zlib from 'node:zlib';
import { useCrc32, useRawInflate } from '../xlsx/zip-package';
import { useRawDeflate } from '../xlsx/zip-writer';

/** The largest single output buffer asked of zlib (a part is inflated into one buffer up to this size). */
const MAX_CHUNK = 64 * 1024 * 1024;

// One output chunk of the declared size: no copying of chunks into one buffer at the end (half the time of a
// 22 MB sheet); capped, so that a size the directory overstates cannot make a huge buffer by itself.
useRawInflate((data, size) =>
  zlib.inflateRawSync(data, {
    maxOutputLength: Math.max(1, size),
    chunkSize: Math.min(size + 64, MAX_CHUNK),
  }),
);
useRawDeflate((data, level) => zlib.deflateRawSync(data, { level }));
// zlib.crc32 came in Node 20.15.
if (typeof zlib.crc32 === 'function') useCrc32((b) => zlib.crc32(b));
