// Node's zlib inflates package entries, deflates the parts of a marked copy and takes their CRC-32 in the command
// line (and its worker threads): about 4× fflate's speed and 10× our CRC. Browsers keep fflate and ours.
import zlib from 'node:zlib';
import { useCrc32, useRawInflate } from '../xlsx/zip-package';
import { useRawDeflate } from '../xlsx/zip-writer';

useRawInflate((data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }));
useRawDeflate((data, level) => zlib.deflateRawSync(data, { level }));
// zlib.crc32 came in Node 20.15.
if (typeof zlib.crc32 === 'function') useCrc32((b) => zlib.crc32(b));
