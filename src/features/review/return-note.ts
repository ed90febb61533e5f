import type { DocumentSpec } from '../../core/document-spec';
import type { Locale } from '../../core/locale';
import { renderIssue } from '../check-workbook';
import type { Deliverable, DeliverableIssue } from './cross-check';
import type { ReviewResult, UnitReview } from './review-inbox';
import { issuePlace, returnIssues } from './review-sheets';

/** Options of a note: who sends it, and the date it carries (blank lines to fill by hand when absent). */
export interface NoteOptions {
  office?: string;
  date?: string;
  locale?: Locale;
}

const MATERIAL: Record<Deliverable, string> = {
  checklist: '检查实施清单',
  adjustment: '动态调整情况表',
  declaration: '监测点企业申报表',
};
const NUMBERS = ['一', '二', '三', '四'];

/** The file name of a unit's note: `退回意见-<单位>` with characters Windows refuses replaced. */
export function noteFileName(unit: string, ext: string): string {
  return `退回意见-${[...unit].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('')}.${ext}`;
}

/**
 * A unit's 退回意见 as a document the office can forward: what is missing, what must be corrected (errors, with
 * file, sheet and cell), what to check (warnings). Undefined for a unit with nothing to fix.
 */
export function buildReturnNote(
  result: ReviewResult,
  u: UnitReview,
  options: NoteOptions = {},
): DocumentSpec | undefined {
  const issues = returnIssues(u);
  if (issues.length === 0) return undefined;
  const locale = options.locale ?? 'zh-CN';
  const missing = issues.filter((i) => i.code.startsWith('review/missing-'));
  const errors = issues.filter((i) => !missing.includes(i) && i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const office = options.office ?? `${result.region}司法局`;
  const row = (i: DeliverableIssue, n: number) => [
    String(n + 1),
    i.deliverable ? MATERIAL[i.deliverable] : '文件',
    i.file ? i.file.replace(/^.*\//, '') : '',
    issuePlace(i),
    renderIssue(i, locale),
  ];
  const table = (list: DeliverableIssue[]) => ({
    kind: 'table' as const,
    head: ['序号', '材料', '文件', '位置', '问题及修改要求'],
    widths: [6, 12, 22, 16, 44],
    rows: list.map(row),
  });
  const blocks: DocumentSpec['blocks'] = [
    { kind: 'paragraph', text: `${u.unit}：` },
    {
      kind: 'paragraph',
      indent: true,
      text:
        `你单位报送的${result.year}年度“双随机”监管事项有关材料经审核，` +
        `${missing.length ? '有材料未报送，' : ''}${errors.length ? `有 ${errors.length} 处需要修改，` : ''}` +
        `${warnings.length ? `有 ${warnings.length} 处请核实，` : ''}具体如下。请修改后重新报送。`,
    },
  ];
  let section = 0;
  if (missing.length) {
    blocks.push({ kind: 'paragraph', bold: true, text: `${NUMBERS[section++]}、未报送的材料` });
    missing.forEach((i, n) =>
      blocks.push({ kind: 'paragraph', indent: true, text: `${n + 1}. ${renderIssue(i, locale)}` }),
    );
  }
  if (errors.length) {
    blocks.push({
      kind: 'paragraph',
      bold: true,
      text: `${NUMBERS[section++]}、需要修改的问题（${errors.length} 处）`,
    });
    blocks.push(table(errors));
  }
  if (warnings.length) {
    blocks.push({
      kind: 'paragraph',
      bold: true,
      text: `${NUMBERS[section++]}、请核实的事项（${warnings.length} 处）`,
    });
    blocks.push(table(warnings));
  }
  blocks.push({ kind: 'paragraph', text: '位置写作“工作表!单元格”，指你单位报送的文件中的单元格。' });
  blocks.push({ kind: 'paragraph', text: '' });
  blocks.push({ kind: 'paragraph', align: 'right', text: office });
  blocks.push({ kind: 'paragraph', align: 'right', text: options.date ?? '　　年　　月　　日' });
  return { title: `关于${u.unit}报送材料的退回意见`, blocks };
}
