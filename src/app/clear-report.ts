import { fillTemplate, type Locale } from '../core/locale';
import type { ClearReport, SkippedMark } from '../core/workbook-port';

const CLEAR_TEXT = {
  'zh-CN': {
    cleared: '已清除标记，单元格原有的填充和批注已恢复。',
    restored: '已清除标记：{restored} 个单元格的原有填充和批注已恢复。',
    kept: '其中 {count} 处批注在标注后由您补写过内容，只删去了本工具写入的文字，您写的内容已保留。',
    changed: '另有 {count} 个单元格在标注后被修改过填充，保留现状、未恢复：{cells}。',
    lost: '{count} 个标记未能找回（工作表已删除，或所在行已移动且无法确认），未作处理：{cells}。',
    more: '{cells} 等',
    separator: '、',
  },
  'en-US': {
    cleared: 'Marks cleared; the cells’ original fills and notes are back.',
    restored: 'Marks cleared: {restored} cells have their original fills and notes back.',
    kept: '{count} of the notes had words of yours added after marking: only the text this tool wrote was taken out, yours is kept.',
    changed: '{count} more cells had their fill changed after marking and were left as they are: {cells}.',
    lost: '{count} marks could not be found again (the sheet is gone, or the row moved beyond recognition) and were left alone: {cells}.',
    more: '{cells} and more',
    separator: ', ',
  },
};

// Why the assignment: an English table missing a Chinese key (or the reverse) is a compile error.
const _sameKeys: Record<Locale, Record<keyof (typeof CLEAR_TEXT)['zh-CN'], string>> = CLEAR_TEXT;
void _sameKeys;

/** At most this many cells are named in a sentence; the count says how many there are. */
const NAMED_CELLS = 5;

function cellList(marks: readonly SkippedMark[], locale: Locale): string {
  const text = CLEAR_TEXT[locale];
  const names = marks.slice(0, NAMED_CELLS).map((m) => `${m.sheet}!${m.address}`);
  const cells = names.join(text.separator);
  return marks.length > NAMED_CELLS ? fillTemplate(text.more, { cells }) : cells;
}

/**
 * What 清除标记 did, in a sentence or four: how many cells were restored, in how many notes the person's own words
 * were kept, which were left as the person changed them, which marks could not be found again. Without a report (a host that keeps no record), the plain sentence.
 */
export function clearSentence(report: ClearReport | undefined, locale: Locale): string {
  const text = CLEAR_TEXT[locale];
  if (!report) return text.cleared;
  const changed = report.skipped.filter((m) => m.reason === 'changed');
  const lost = report.skipped.filter((m) => m.reason !== 'changed');
  const parts = [fillTemplate(text.restored, { restored: report.restored })];
  if (report.kept > 0) parts.push(fillTemplate(text.kept, { count: report.kept }));
  if (changed.length > 0)
    parts.push(fillTemplate(text.changed, { count: changed.length, cells: cellList(changed, locale) }));
  if (lost.length > 0)
    parts.push(fillTemplate(text.lost, { count: lost.length, cells: cellList(lost, locale) }));
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
