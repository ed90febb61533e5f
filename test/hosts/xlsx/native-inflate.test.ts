import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PackageError, useRawInflate, ZipPackage } from '../../../src/hosts/xlsx/zip-package';

// The command line inflates package entries with Node's zlib, browsers with fflate: every package must read the
// same both ways, damaged ones included (what zlib refuses is inflated again by fflate).

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', '于都县市场监督管理局-检查实施清单.xlsx');
const zlib = (data: Uint8Array, size: number) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) });

/** Every part of a package (or the error that stops it), read with fflate or with zlib. */
function readAll(bytes: Uint8Array, native: boolean): Record<string, Uint8Array | string> {
  useRawInflate(native ? zlib : undefined);
  try {
    const zip = ZipPackage.open(bytes, 1 << 30);
    const out: Record<string, Uint8Array | string> = {};
    for (const name of zip.names()) {
      try {
        out[name] = new Uint8Array(zip.read(name));
      } catch (e) {
        out[name] = e instanceof PackageError ? `${e.reason} ${e.part ?? ''}` : String(e);
      }
    }
    return out;
  } finally {
    useRawInflate(undefined);
  }
}

test('a package reads the same parts with zlib as with fflate', () => {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));
  const parts = readAll(bytes, true);
  expect(Object.keys(parts).length).toBeGreaterThan(5);
  expect(Object.values(parts).every((p) => p instanceof Uint8Array)).toBe(true);
  expect(parts).toEqual(readAll(bytes, false));
});

test('a byte changed anywhere in the compressed data gives the same part or the same error both ways', () => {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));
  let errors = 0;
  // Every 97th byte of the file, each flipped in a copy of its own.
  for (let at = 0; at < bytes.length; at += 97) {
    const flipped = bytes.slice();
    flipped[at]! ^= 0x5a;
    let native: Record<string, Uint8Array | string> | string;
    let plain: Record<string, Uint8Array | string> | string;
    try {
      native = readAll(flipped, true);
    } catch (e) {
      native = String(e);
    }
    try {
      plain = readAll(flipped, false);
    } catch (e) {
      plain = String(e);
    }
    expect(native).toEqual(plain);
    if (typeof plain === 'string' || Object.values(plain).some((p) => typeof p === 'string')) errors++;
  }
  expect(errors).toBeGreaterThan(10);
});
