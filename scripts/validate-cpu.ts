// `npx tsx scripts/validate-cpu.ts [--rows 50000] [--runs 8] [--dump FILE]`: the validation of one generated
// checklist in processor time, in one process: the first run (cold: code not yet optimised) and the fastest of
// `--runs` (warm), in µs a data row, with the issue count; `--dump` writes the issues as JSON lines.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

async function main() {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const rows = Number(value('--rows') ?? 50000);
  const runs = Number(value('--runs') ?? 8);
  const dir = path.join(__dirname, '..', '.bench');
  const file = path.join(dir, `checklist-${rows}.xlsx`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { generateChecklist } = await import('./generate-checklist');
    writeFileSync(file, await generateChecklist(rows));
  }
  const { openWorkbook } = await import('../src/hosts/xlsx/open-workbook');
  const { checkGrids } = await import('../src/features/check-workbook');
  const wb = await openWorkbook(new Uint8Array(readFileSync(file)), path.basename(file));
  const grids = await wb.readSheets();
  const times: number[] = [];
  let reports: ReturnType<typeof checkGrids> = [];
  for (let k = 0; k < runs; k++) {
    const cpu = process.cpuUsage();
    reports = checkGrids(grids);
    const used = process.cpuUsage(cpu);
    times.push(used.user + used.system);
  }
  const dataRows = reports.reduce((n, r) => n + r.dataRows, 0);
  const issues = reports.flatMap((r) => r.issues);
  const us = (t: number) => (t / dataRows).toFixed(2);
  const dump = value('--dump');
  if (dump) writeFileSync(dump, issues.map((i) => JSON.stringify(i)).join('\n') + '\n');
  process.stdout.write(
    `${JSON.stringify({ rows: dataRows, issues: issues.length, coldCpuUsPerRow: Number(us(times[0] ?? 0)), warmCpuUsPerRow: Number(us(Math.min(...times))), runsUs: times.map((t) => Number(us(t))), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
