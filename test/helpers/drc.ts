import { main } from '../../src/entries/cli';

/** Runs `drc` in-process; resolves to the exit code and what it printed. */
export async function drc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    out: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
    err: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream,
  };
  const code = await main(args, io);
  return { code, out, err };
}
