import type { EtApplication } from '../../../src/hosts/wps';
import { WpsWorkbook, type WpsWorkbookOptions } from '../../../src/hosts/wps';
import type { Counters, FakeEt } from './fake-et';

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
