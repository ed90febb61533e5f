// `npm run bench [-- --json] [-- --rows 1000,10000]`: measures checking against reading, per size, each phase
// in its own process so that peak memory is that phase's own. ratio = checkMs / readMs, where checkMs is the
// whole check (our reader + validation) and readMs is exceljs merely loading the same file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { generateChecklist } from './generate-checklist';
import { checkGrids, issuesToMarks } from '../src/features/check-workbook';
import { openWorkbook } from '../src/hosts/xlsx/open-workbook';

type Phase = 'floor' | 'read' | 'check' | 'write';
interface PhaseResult {
  ms: number;
  peakRssMB: number;
  detail?: Record<string, number>;
}

const DIR = path.join(__dirname, '..', '.bench');

async function runPhase(phase: Phase, file: string): Promise<PhaseResult> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const detail: Record<string, number> = {};
  if (phase === 'floor') {
    // The floor any reader pays: unzip the package and tokenize the sheet and shared-strings XML.
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
  } else if (phase === 'read') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    detail.rows = wb.worksheets[0].rowCount;
  } else {
    const wb = await openWorkbook(bytes, path.basename(file));
    const grids = await wb.readSheets();
    const tRead = performance.now();
    const reports = checkGrids(grids);
    const tValidate = performance.now();
    detail.gridMs = tRead - t0;
    detail.validateMs = tValidate - tRead;
    detail.issues = reports.reduce((n, r) => n + r.issues.length, 0);
    if (phase === 'write') {
      const tw = performance.now();
      const marks = issuesToMarks(reports, 'zh-CN');
      await wb.applyMarks(marks);
      const out = await wb.toBuffer();
      detail.marks = marks.length;
      detail.outBytes = out.byteLength;
      return { ms: performance.now() - tw, peakRssMB: process.resourceUsage().maxRSS / 1024, detail };
    }
  }
  return { ms: performance.now() - t0, peakRssMB: process.resourceUsage().maxRSS / 1024, detail };
}

function child(phase: Phase, file: string): PhaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--phase', phase, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main() {
  const args = process.argv.slice(2);
  const phaseAt = args.indexOf('--phase');
  if (phaseAt >= 0) {
    const r = await runPhase(args[phaseAt + 1] as Phase, args[phaseAt + 2]);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const json = args.includes('--json');
  const rowsArg = args.indexOf('--rows');
  const sizes = rowsArg >= 0 ? args[rowsArg + 1].split(',').map(Number) : [1000, 10000, 50000];
  mkdirSync(DIR, { recursive: true });
  const results = [];
  for (const rows of sizes) {
    const file = path.join(DIR, `checklist-${rows}.xlsx`);
    if (!existsSync(file)) writeFileSync(file, await generateChecklist(rows));
    // Each phase twice; the faster run counts (the first warms the disk cache and the JIT of the child).
    const best = (p: Phase) => [child(p, file), child(p, file)].sort((a, b) => a.ms - b.ms)[0];
    const floor = best('floor');
    const read = best('read');
    const check = best('check');
    const write = best('write');
    const row = {
      rows,
      floorMs: Math.round(floor.ms),
      readMs: Math.round(read.ms),
      checkMs: Math.round(check.ms),
      validateMs: Math.round(check.detail?.validateMs ?? 0),
      writeMs: Math.round(write.ms),
      ratio: Number((check.ms / read.ms).toFixed(3)),
      readOverFloor: Number((read.ms / floor.ms).toFixed(2)),
      peakRssMB: Math.round(check.peakRssMB),
      writePeakRssMB: Math.round(write.peakRssMB),
      issues: check.detail?.issues ?? 0,
    };
    results.push(row);
    if (!json) process.stderr.write(`${rows} rows done\n`);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  console.log(
    'rows     floorMs  readMs  checkMs  (validateMs)  writeMs  ratio(check/read)  read/floor  peakRssMB  writePeakRssMB  issues',
  );
  for (const r of results)
    console.log(
      `${String(r.rows).padEnd(8)} ${String(r.floorMs).padStart(7)} ${String(r.readMs).padStart(7)} ${String(r.checkMs).padStart(8)} ${String(r.validateMs).padStart(13)} ${String(r.writeMs).padStart(8)} ${String(r.ratio).padStart(18)} ${String(r.readOverFloor).padStart(11)} ${String(r.peakRssMB).padStart(10)} ${String(r.writePeakRssMB).padStart(15)} ${String(r.issues).padStart(7)}`,
    );
  console.log(
    'ratio = checkMs / readMs: the whole check (open + read into grids + validate) against exceljs merely reading.',
  );
  console.log(
    'peakRssMB: the check; writePeakRssMB: writing the marked copy (exceljs). Goals: ratio < 1.10, peakRssMB < 600 at 50k rows.',
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
