// `npx tsx scripts/make-fuzz-corpus.ts DIR`: writes the fuzz corpus of test/fuzz/corpus.ts into DIR (one file per
// case, and manifest.json with what each must give), to try the command line by hand: drc check DIR --json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCorpus } from '../test/fuzz/corpus';

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/make-fuzz-corpus.ts DIR\n');
    process.exitCode = 2;
    return;
  }
  mkdirSync(dir, { recursive: true });
  const cases = await makeCorpus();
  const manifest = cases.map((c, n) => {
    const file = `${String(n).padStart(3, '0')}-${c.file}`;
    writeFileSync(path.join(dir, file), c.bytes);
    return { file, name: c.name, expect: c.expect, codes: c.codes, args: c.args };
  });
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${cases.length} cases written to ${dir}\n`);
}

void main();
