// The fake WPS object model as a browser script, for the pane test in headless Chromium: it puts a fake
// `window.Application` (a workbook with one 检查实施清单 sheet) on the page before the pane's scripts run.
import { checklistSheet } from './checklist-sheet';
import { FakeEt } from './fake-et';

const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 200)] });
Object.assign(window, { Application: fake.app, __fake: fake });
