// Shared bits of the Excel adapter tests.
import { ExcelWorkbook, type ExcelWorkbookOptions } from '../../../src/hosts/excel';
import type { FakeCounters, FakeExcel } from './fake-excel';

/** The adapter on a fake host, as the pane's boot code would build it. */
export function adapterOn(fake: FakeExcel, options?: ExcelWorkbookOptions): ExcelWorkbook {
  return new ExcelWorkbook(fake.run, fake.requirements, options);
}

/** Syncs and payload figures of a measured step, printed so they show in the test output. */
export function figures(
  label: string,
  c: FakeCounters,
): { syncs: number; maxRequest: number; maxResponse: number } {
  const out = { syncs: c.syncs, maxRequest: c.maxRequestBytes, maxResponse: c.maxResponseBytes };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `${label}: ${c.syncs} syncs, ${c.operations} operations, max request ${mb(c.maxRequestBytes)}, max response ${mb(c.maxResponseBytes)}, total ${mb(c.totalRequestBytes)} sent / ${mb(c.totalResponseBytes)} received`,
  );
  return out;
}
