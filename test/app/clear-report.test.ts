import { clearSentence } from '../../src/app/clear-report';
import { clearCommand, validateCommand } from '../../src/app/ribbon-commands';
import type { ClearReport, SkippedMark } from '../../src/core/workbook-port';
import { checklistSheet } from '../hosts/wps/checklist-sheet';
import { FakeEt } from '../hosts/wps/fake-et';
import { adapterOn } from '../hosts/wps/helpers';

const changed = (address: string): SkippedMark => ({ sheet: '清单', address, reason: 'changed' });

describe('the clear report reaches the person', () => {
  test('restored cells, cells left as the person changed them, marks not found again', () => {
    const report: ClearReport = {
      restored: 12,
      relocated: 0,
      kept: 0,
      skipped: [changed('B3'), { sheet: '旧表', address: 'C4', reason: 'sheet-deleted' }],
    };
    expect(clearSentence(report, 'zh-CN')).toBe(
      '已清除标记：12 个单元格的原有填充和批注已恢复。另有 1 个单元格在标注后被修改过填充，保留现状、未恢复：清单!B3。' +
        '1 个标记未能找回（工作表已删除，或所在行已移动且无法确认），未作处理：旧表!C4。',
    );
    expect(clearSentence(report, 'en-US')).toMatch(
      /^Marks cleared: 12 cells .* 1 more cells had their fill changed .*: 清单!B3\. 1 marks could not be found again .*: 旧表!C4\.$/,
    );
  });

  test('notes the person wrote more into are counted: their words were kept', () => {
    const report: ClearReport = { restored: 3, relocated: 0, kept: 2, skipped: [] };
    expect(clearSentence(report, 'zh-CN')).toBe(
      '已清除标记：3 个单元格的原有填充和批注已恢复。其中 2 处批注在标注后由您补写过内容，只删去了本工具写入的文字，您写的内容已保留。',
    );
    expect(clearSentence(report, 'en-US')).toMatch(
      / 2 of the notes had words of yours added after marking: .* yours is kept\.$/,
    );
  });

  test('a long list names five cells and says there are more', () => {
    const skipped = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(changed);
    expect(clearSentence({ restored: 0, relocated: 0, kept: 0, skipped }, 'zh-CN')).toContain(
      '另有 7 个单元格在标注后被修改过填充，保留现状、未恢复：清单!A1、清单!A2、清单!A3、清单!A4、清单!A5 等。',
    );
  });

  test('without a record (a file in the page), the plain sentence', () => {
    expect(clearSentence(undefined, 'zh-CN')).toBe('已清除标记，单元格原有的填充和批注已恢复。');
  });

  test('WPS 清除标记 says which cell it left because the person refilled it', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 30)] });
    const wb = adapterOn(fake);
    await validateCommand(wb);
    const marked = JSON.parse(fake.decorations('检查实施清单')) as unknown[][];
    expect(marked[0]!.length).toBeGreaterThan(0);
    const state = JSON.parse((await wb.loadState('drc.result')) ?? '{}') as {
      sheets: Record<string, { report: { issues: Array<{ row?: number; column?: number }> } }>;
    };
    const issue = state.sheets['检查实施清单']!.report.issues.find((i) => i.row && i.column)!;
    const address = `${String.fromCharCode(64 + issue.column!)}${issue.row}`;
    fake.setFill('检查实施清单', address, '#123456');
    const said = await clearCommand(wb);
    expect(said).toMatch(/^已清除标记：\d+ 个单元格的原有填充和批注已恢复。/);
    expect(said).toContain(
      `另有 1 个单元格在标注后被修改过填充，保留现状、未恢复：检查实施清单!${address}。`,
    );
  });

  test('WPS 清除标记 says in how many comments it kept the words the person added', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 30)] });
    const wb = adapterOn(fake);
    await validateCommand(wb);
    const state = JSON.parse((await wb.loadState('drc.result')) ?? '{}') as {
      sheets: Record<string, { report: { issues: Array<{ row?: number; column?: number }> } }>;
    };
    const issue = state.sheets['检查实施清单']!.report.issues.find((i) => i.row && i.column)!;
    const address = `${String.fromCharCode(64 + issue.column!)}${issue.row}`;
    const ours = fake.comment('检查实施清单', address)!;
    fake.setComment('检查实施清单', address, `${ours}\n已电话核实`);
    const said = await clearCommand(wb);
    expect(said).toContain('其中 1 处批注在标注后由您补写过内容');
    expect(fake.comment('检查实施清单', address)).toBe('已电话核实');
  });
});
