import { CheckController } from '../../src/app/check-controller';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { clearCommand, validateCommand } from '../../src/app/ribbon-commands';
import { cellAddress } from '../../src/core/grid';
import type { Issue } from '../../src/core/issue';
import { checkGrids } from '../../src/features/check-workbook';
import { checklistSheet as excelSheet } from '../hosts/excel/checklist-data';
import { FakeExcel } from '../hosts/excel/fake-excel';
import { adapterOn as excelOn } from '../hosts/excel/helpers';
import { checklistSheet as wpsSheet } from '../hosts/wps/checklist-sheet';
import { FakeEt } from '../hosts/wps/fake-et';
import { adapterOn as wpsOn } from '../hosts/wps/helpers';

// 清除标记's report reaches the person in both hosts: what was restored, in which notes their words were kept, and
// which cells were left as they changed them.

const SHEET = '检查实施清单';

/** Two marked cells on two rows: the first two ratio issues (a column of its own, never merged). */
function twoMarkedCells(reports: ReadonlyArray<{ issues: readonly Issue[] }>): [Issue, Issue] {
  const onCells = (reports[0]?.issues ?? []).filter((i) => i.row !== undefined && i.field === 'ratio');
  const [first] = onCells;
  const second = onCells.find((i) => i.row !== first?.row);
  if (!first || !second) throw new Error('the sheet has fewer than two ratio issues');
  return [first, second];
}

const at = (i: Issue) => cellAddress(i.row!, i.column!);

test('Excel pane: the notice after 清除标记 says what was restored, kept and left as the person changed it', async () => {
  const fake = new FakeExcel({ sheets: [excelSheet(SHEET, 60)] });
  const controller = new CheckController(defaultPaneSettings('zh-CN'), {
    port: excelOn(fake),
    recheckDelay: 60_000,
    log: () => undefined,
  });
  await controller.validate();
  const [changed, annotated] = twoMarkedCells(controller.state.reports);
  fake.model(SHEET).ensure(changed.row!, changed.column!).fill = {
    color: '#7030A0',
    pattern: 'Solid',
    tint: 0,
  };
  fake.setNote(SHEET, at(annotated), `${fake.note(SHEET, at(annotated))}\n已与科室核实`);
  await controller.clear();
  const notice = controller.state.notice!;
  expect(notice.kind).toBe('info');
  expect(notice.text).toMatch(/^已清除标记：\d+ 个单元格的原有填充和批注已恢复。/);
  expect(notice.text).toContain(
    '其中 1 处批注在标注后由您补写过内容，只删去了本工具写入的文字，您写的内容已保留。',
  );
  expect(notice.text).toContain(
    `另有 1 个单元格在标注后被修改过填充，保留现状、未恢复：${SHEET}!${at(changed)}。`,
  );
  expect(fake.note(SHEET, at(annotated))).toBe('已与科室核实');
  expect(fake.fill(SHEET, at(changed))).toBe('#7030A0');
});

test('WPS ribbon: the message after 清除标记 says what was restored, kept and left as the person changed it', async () => {
  const fake = new FakeEt({ sheets: [wpsSheet(SHEET, 60)] });
  const wb = wpsOn(fake);
  await validateCommand(wb);
  const [changed, annotated] = twoMarkedCells(checkGrids([await wb.readSheet(SHEET)]));
  fake.setFill(SHEET, at(changed), '#123456');
  fake.setComment(SHEET, at(annotated), `${fake.comment(SHEET, at(annotated))}\n已与科室核实`);
  const said = await clearCommand(wb);
  expect(said).toMatch(/^已清除标记：\d+ 个单元格的原有填充和批注已恢复。/);
  expect(said).toContain('其中 1 处批注在标注后由您补写过内容，只删去了本工具写入的文字，您写的内容已保留。');
  expect(said).toContain(`另有 1 个单元格在标注后被修改过填充，保留现状、未恢复：${SHEET}!${at(changed)}。`);
  expect(fake.comment(SHEET, at(annotated))).toBe('已与科室核实');
  expect(fake.fill(SHEET, at(changed))).toBe('#123456');
});
