import { readFileSync } from 'node:fs';
import { cellAddress, type Grid } from '../../../src/core/grid';
import type { EtApplication } from '../../../src/hosts/wps';
import { WpsWorkbook, type WpsWorkbookOptions } from '../../../src/hosts/wps';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import type { Counters, FakeEt, FakeSheetInit } from './fake-et';

/** The adapter on a fake host. */
export function adapterOn(fake: FakeEt, options: WpsWorkbookOptions = {}): WpsWorkbook {
  return new WpsWorkbook(fake.app as EtApplication, options);
}

/** Host-call figures of an operation, printed once so the bench numbers can be quoted. */
export function figures(
  label: string,
  c: Counters,
): { total: number; gets: number; sets: number; calls: number; colourSets: number } {
  const colourSets = c.sum(/^Interior\.(Color|ColorIndex|Pattern|PatternColor)=$/);
  const f = { total: c.total, gets: c.gets, sets: c.sets, calls: c.calls, colourSets };
  if (process.env.WPS_FIGURES !== '0')
    console.log(
      `[wps] ${label}: ${f.total} host calls (${f.gets} reads, ${f.sets} writes, ${f.calls} method calls; ${colourSets} colour writes)`,
    );
  return f;
}

/** A sheet of an example .xlsx as a fake sheet (values, number formats, merges), renamed. */
export function fromXlsx(file: string, name: string, index = 0): FakeSheetInit {
  const grid: Grid = readXlsxGrids(new Uint8Array(readFileSync(file)))[index]!;
  const top = grid.startRow ?? 1;
  const left = grid.startColumn ?? 1;
  const formats: Record<string, string> = {};
  grid.numberFormats?.forEach((row, i) =>
    row?.forEach((f, j) => f && (formats[cellAddress(top + i, left + j)] = f)),
  );
  const values = grid.values.map((row) =>
    (row ?? []).map((v) => (v === null || typeof v === 'object' ? null : v)),
  );
  return {
    name,
    origin: cellAddress(top, left),
    values: values as FakeSheetInit['values'],
    formats,
    merges: grid.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
  };
}
