// `npm run bench [-- --json] [-- --rows 1000,10000,50000,200000] [-- --rounds 3] [-- --no-exceljs]`: the speed
// of our reader, the check and the marked copy as ratios to the floor (unzip + tokenize), per size. Every phase
// runs in its own process (so that its peak memory is its own), and the phases are interleaved round by round
// (their order rotated each round) so that load from other processes falls on all of them alike; each figure is
// the median over the rounds, and each ratio the median of the ratios taken within one round.
import { itemAt } from '../src/core/item-at';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Phase = 'floor' | 'read' | 'check' | 'write' | 'exceljs' | 'adjust';
interface PhaseResult {
  ms: number;
  /** Processor time of the phase (user + system, all threads): what it costs whatever else the machine runs. */
  cpuMs: number;
  peakRssMB: number;
  detail: Record<string, number>;
}

const DIR = path.join(__dirname, '..', '.bench');
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** One phase on one file, in this process; modules are loaded before the clock starts and only the phase's own. */
async function runPhase(phase: Phase, arg: string): Promise<PhaseResult> {
  const detail: Record<string, number> = {};
  if (phase === 'adjust') {
    const { adjustLists } = await import('../src/features/adjust');
    const { readList } = await import('../src/features/compare/read-list');
    const { adjustGrids } = await import('./generate-adjust-lists');
    const rows = Number(arg);
    const [previousGrid, currentGrid] = adjustGrids(rows, rows / 2);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const previous = readList([previousGrid])!;
    const current = readList([currentGrid])!;
    const result = adjustLists(previous, current);
    const ms = performance.now() - t0;
    detail.modified = result.modified.length;
    detail.unchanged = result.unchanged;
    detail.added = result.added.length;
    detail.deleted = result.deleted.length;
    return { ms, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
  }
  const bytes = new Uint8Array(readFileSync(arg));
  if (phase === 'floor') {
    const { unzipSync } = await import('fflate');
    const { SaxesParser } = await import('saxes');
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // The floor any reader pays: unzip the package and tokenize the sheet and shared-strings XML (kept as it was
    // first defined, so that figures stay comparable over time).
    const files = unzipSync(bytes, {
      filter: (f) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(f.name),
    });
    let tokens = 0;
    for (const data of Object.values(files)) {
      const parser = new SaxesParser();
      parser.on('opentag', () => tokens++);
      parser.on('text', () => tokens++);
      parser.write(new TextDecoder().decode(data)).close();
    }
    detail.tokens = tokens;
    return { ms: performance.now() - t0, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
  }
  if (phase === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    detail.rows = wb.worksheets[0]?.rowCount ?? 0;
    return { ms: performance.now() - t0, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
  }
  const { openWorkbook } = await import('../src/hosts/xlsx/open-workbook');
  // Package entries inflated as the command line inflates them (Node's zlib).
  await import('../src/hosts/files/native-zlib');
  const { checkGrids, issuesToMarks } = await import('../src/features/check-workbook');
  const name = path.basename(arg);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // What `drc check` does with a file's bytes: open, read every sheet into grids, validate every sheet.
  const wb = await openWorkbook(bytes, name);
  const grids = await wb.readSheets();
  const tRead = performance.now();
  detail.cells = grids.reduce((n, g) => n + g.values.reduce((m, r) => m + (r?.length ?? 0), 0), 0);
  if (phase === 'read') return { ms: tRead - t0, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
  const cpu = process.cpuUsage();
  const reports = checkGrids(grids);
  const tValidate = performance.now();
  detail.validateMs = tValidate - tRead;
  // Processor time as well: on a machine shared with other work, wall time counts the waits for a core.
  const used = process.cpuUsage(cpu);
  detail.validateCpuMs = (used.user + used.system) / 1000;
  detail.dataRows = reports.reduce((n, r) => n + r.dataRows, 0);
  detail.issues = reports.reduce((n, r) => n + r.issues.length, 0);
  if (phase === 'check') return { ms: tValidate - t0, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
  // `drc check --out`: the check, then every flagged cell marked and the marked copy made.
  const marks = issuesToMarks(reports, 'zh-CN');
  await wb.applyMarks(marks);
  const out = await wb.toBuffer();
  detail.marks = marks.length;
  detail.outBytes = out.byteLength;
  return { ms: performance.now() - t0, cpuMs: cpuSince(c0), peakRssMB: peakRssMB(), detail };
}

function child(phase: Phase, arg: string): PhaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--phase', phase, arg], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const mid = s[m] ?? NaN;
  return s.length % 2 ? mid : ((s[m - 1] ?? NaN) + mid) / 2;
};
/** The list started at its `k`-th item and wrapped around: each round runs the phases in another order. */
const rotate = <T>(list: readonly T[], k: number): T[] => {
  const at = k % list.length;
  return [...list.slice(at), ...list.slice(0, at)];
};
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

/** One size's figures, as `--json` prints them. */
interface BenchRow {
  rows: number;
  floorMs: number;
  /** Our reader: open the package and read every sheet into grids. */
  readMs: number;
  /** The whole check: read + validate. */
  checkMs: number;
  validateUsPerRow: number;
  /** The same in processor time (user + system, all threads of the process). */
  validateCpuUsPerRow: number;
  /** The whole check with the marked copy: read + validate + mark + make the copy. */
  writeMs: number;
  checkOverFloor: number;
  writeOverFloor: number;
  /** Peak resident memory of the check's process. */
  peakRssMB: number;
  readOverFloor: number;
  /** The same three ratios in processor time (steadier than wall time on a machine busy with other work). */
  readCpuOverFloor: number;
  checkCpuOverFloor: number;
  writeCpuOverFloor: number;
  /** For reference: exceljs merely loading the file (null when skipped). */
  exceljsMs: number | null;
  /** `adjust` on two lists of this many items, half of them renamed (null when skipped). */
  adjustMs: number | null;
}

async function main() {
  const args = process.argv.slice(2);
  const phaseAt = args.indexOf('--phase');
  if (phaseAt >= 0) {
    const r = await runPhase(args[phaseAt + 1] as Phase, args[phaseAt + 2] ?? '');
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const json = args.includes('--json');
  if (args.includes('--folder')) {
    await folderBench(Number(args[args.indexOf('--folder') + 1] ?? 3000), json);
    return;
  }
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const sizes = (value('--rows') ?? '1000,10000,50000').split(',').map(Number);
  const rounds = Math.max(3, Number(value('--rounds') ?? 3));
  // exceljs takes 15–20× the floor: a reference only, skipped above 50k rows unless asked for.
  const exceljsUpTo = args.includes('--no-exceljs') ? 0 : args.includes('--exceljs') ? Infinity : 50000;
  const adjustUpTo = args.includes('--no-adjust') ? 0 : Number(value('--adjust-up-to') ?? 50000);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  mkdirSync(DIR, { recursive: true });
  log(
    `node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, ${rounds} rounds`,
  );
  const results: BenchRow[] = [];
  for (const rows of sizes) {
    const file = path.join(DIR, `checklist-${rows}.xlsx`);
    if (!existsSync(file)) {
      const { generateChecklist } = await import('./generate-checklist');
      writeFileSync(file, await generateChecklist(rows));
    }
    const phases: Phase[] = ['floor', 'read', 'check', 'write'];
    if (rows <= exceljsUpTo) phases.push('exceljs');
    if (rows <= adjustUpTo) phases.push('adjust');
    const runs = new Map<Phase, PhaseResult[]>(phases.map((p) => [p, []]));
    // A first run of each phase warms the disk cache and the compile cache; it is not counted.
    for (const p of phases) child(p, p === 'adjust' ? String(rows) : file);
    for (let k = 0; k < rounds; k++) {
      for (const p of rotate(phases, k)) runs.get(p)!.push(child(p, p === 'adjust' ? String(rows) : file));
    }
    const ms = (p: Phase) => runs.get(p)!.map((r) => r.ms);
    const over = (p: Phase) => round(median(ms(p).map((t, k) => t / (ms('floor')[k] ?? NaN))), 2);
    const cpu = (p: Phase) => runs.get(p)!.map((r) => r.cpuMs);
    const cpuOver = (p: Phase) => round(median(cpu(p).map((t, k) => t / (cpu('floor')[k] ?? NaN))), 2);
    const check = runs.get('check')!;
    const first = check[0]?.detail;
    const dataRows = first?.dataRows ?? NaN;
    const row: BenchRow = {
      rows,
      floorMs: round(median(ms('floor'))),
      readMs: round(median(ms('read'))),
      checkMs: round(median(ms('check'))),
      validateUsPerRow: round((median(check.map((r) => r.detail.validateMs ?? NaN)) * 1000) / dataRows, 2),
      validateCpuUsPerRow: round(
        (median(check.map((r) => r.detail.validateCpuMs ?? NaN)) * 1000) / dataRows,
        2,
      ),
      writeMs: round(median(ms('write'))),
      checkOverFloor: over('check'),
      writeOverFloor: over('write'),
      peakRssMB: round(median(check.map((r) => r.peakRssMB))),
      readOverFloor: over('read'),
      readCpuOverFloor: cpuOver('read'),
      checkCpuOverFloor: cpuOver('check'),
      writeCpuOverFloor: cpuOver('write'),
      exceljsMs: runs.has('exceljs') ? round(median(ms('exceljs'))) : null,
      adjustMs: runs.has('adjust') ? round(median(ms('adjust'))) : null,
    };
    results.push(row);
    log(`${rows} rows: ${JSON.stringify(row)} (issues ${first?.issues})`);
  }
  log(
    `load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const cols: Array<keyof BenchRow> = [
    'rows',
    'floorMs',
    'readMs',
    'checkMs',
    'validateUsPerRow',
    'validateCpuUsPerRow',
    'writeMs',
    'checkOverFloor',
    'writeOverFloor',
    'readOverFloor',
    'readCpuOverFloor',
    'checkCpuOverFloor',
    'writeCpuOverFloor',
    'peakRssMB',
    'exceljsMs',
    'adjustMs',
  ];
  console.log(cols.join('  '));
  for (const r of results) console.log(cols.map((c) => String(r[c] ?? '-').padStart(c.length)).join('  '));
  console.log(
    'floor = fflate unzip + saxes tokenizing of the sheet and shared strings; read = our reader into grids; ' +
      'check = read + validate; write = check + the marked copy; medians of interleaved rounds.',
  );
}

/**
 * `--folder N`: `drc check FOLDER --json` over N small files (copies of the examples) with no worker thread, one and
 * two (`DRC_WORKERS`), interleaved over rounds; needs the compiled CLI (`npm run build:cli`).
 */
async function folderBench(files: number, json: boolean) {
  const root = path.join(__dirname, '..');
  const examples = readdirSync(path.join(root, 'examples'))
    .filter((f) => /\.(xlsx|csv)$/.test(f))
    .map((f) => path.join(root, 'examples', f));
  const dir = path.join(DIR, `folder-${files}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < files; i++) {
      const from = itemAt(examples, i % examples.length);
      copyFileSync(from, path.join(dir, `${String(i).padStart(5, '0')}${path.extname(from)}`));
    }
  }
  const run = (workers: number) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'drc.js'), 'check', dir, '--json'], {
      env: { ...process.env, DRC_WORKERS: String(workers) },
      maxBuffer: 1 << 30,
    });
    return { ms: performance.now() - t0, out: r.stdout.toString() };
  };
  const counts = [0, 1, 2];
  const runs = new Map<number, number[]>(counts.map((w) => [w, []]));
  const outputs = new Set<string>();
  const rounds = 3;
  for (let k = 0; k < rounds; k++)
    for (const w of rotate(counts, k)) {
      const r = run(w);
      runs.get(w)!.push(r.ms);
      outputs.add(r.out);
    }
  const ms = (w: number) => runs.get(w)!;
  const over = (w: number) => round(median(ms(0).map((t, k) => t / (ms(w)[k] ?? NaN))), 2);
  const result = {
    files,
    oneThreadMs: round(median(ms(0))),
    oneWorkerMs: round(median(ms(1))),
    twoWorkersMs: round(median(ms(2))),
    twoWorkersSpeedup: over(2),
    sameOutput: outputs.size === 1,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
