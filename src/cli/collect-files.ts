import { promises as fs } from 'node:fs';
import path from 'node:path';

/** File extensions the command reads. */
export const READABLE = /\.(xlsx|xlsm|csv|tsv|txt)$/i;

/**
 * Expands the paths given on the command line: files as given, folders into their readable files (sorted,
 * one level deep; Office lock files `~$…` skipped). A path that does not exist is kept, to be reported.
 */
export async function collectFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => READABLE.test(n) && !n.startsWith('~$')).sort();
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  return out;
}
