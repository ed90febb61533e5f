// Node's zlib inflates package entries in the command line (and its worker threads): about 4× fflate's speed.
import { inflateRawSync } from 'node:zlib';
import { useRawInflate } from '../xlsx/zip-package';

useRawInflate((data, size) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) }));
