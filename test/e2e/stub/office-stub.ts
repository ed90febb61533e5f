// office.js for the hosted end-to-end test: Office.onReady reports Excel, and Excel.run is the fake Excel's, so
// the real pane and commands run against a workbook that enforces Office.js rules. Served in place of the CDN file.
/// <reference types="office-js" />
import { FakeExcel } from '../../hosts/excel/fake-excel';
import { SAVED_KEY, type StubInit } from './stub-init';

interface StubWindow {
  __drcStubInit?: StubInit;
  __drcFake?: FakeExcel;
  __drcCommands?: Record<string, (event: { completed(): void }) => unknown>;
  Office?: unknown;
  Excel?: unknown;
}

const w = globalThis as unknown as StubWindow;
const init = w.__drcStubInit;
if (!init) throw new Error('office-stub: window.__drcStubInit is missing');
const saved = sessionStorage.getItem(SAVED_KEY);
const fake = saved ? FakeExcel.open(saved, init.workbook.api ?? '1.18') : new FakeExcel(init.workbook);
w.__drcFake = fake;
w.__drcCommands = {};

const info = { host: 'Excel', platform: 'PC' };
w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
  PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
  onReady(callback?: (i: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: init.language,
    requirements: {
      isSetSupported: (set: string, version?: string) => fake.requirements(set, version ?? '1.1'),
    },
  },
  actions: {
    associate(name: string, handler: (event: { completed(): void }) => unknown) {
      w.__drcCommands![name] = handler;
    },
  },
};
w.Excel = { run: fake.run };
