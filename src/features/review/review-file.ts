import { itemAt } from '../../core/item-at';
import { type Grid, GridView } from '../../core/grid';
import type { Issue } from '../../core/issue';
import type { FileError } from '../../core/report';
import { type DeepPartial, resolveSettings, type Settings } from '../../core/settings';
import { validateGrid } from '../../core/validate';
import { adjustmentReportSchema } from '../../schemas/adjustment-report.schema';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import { checkGrids } from '../check-workbook';
import { type ListRead, listUnit, readListSheet, readMeta, lineTexts } from '../compare/read-list';
import { tallySources } from '../tally';
import { noChangeStatements, type NoChangeStatement, type ReportRead, readReportSheet } from './read-report';

/** One file of the inbox as the front read it: its sheets (a Word file's tables as sheets), or why it could not be read. */
export interface InboxFile {
  /** The path as shown to the office: relative to the inbox, with `/` between folders. */
  file: string;
  /** The folders under the inbox the file sits in (`住建局`, `汇总/住建局`), '' for a flat inbox. */
  folder: string;
  grids?: readonly Grid[];
  error?: FileError;
  /** `other` for a file deliberately not read (a scanned PDF, a photo): listed, not an error. */
  errorKind?: 'other' | 'unreadable';
}

/** What a file is, by its content. */
export type FileKind = 'checklist' | 'adjustment' | 'declaration' | 'other' | 'unreadable';

/** What a sheet of a file was read as. */
export type SheetRole = 'checklist' | 'adjustment' | 'statement' | 'declaration' | 'quota' | 'other';

/** One sheet of a file: what it was read as, where its header is, how many data rows or items it holds. */
export interface SheetFinding {
  name: string;
  role: SheetRole;
  headerRow: number | null;
  rows: number;
}

/** An issue of a reviewed file: the check's issue plus the file it is in. */
export interface ReviewIssue extends Issue {
  file: string;
}

/** Where a text that may name the file's unit was found. */
export type HintSource = 'stamp' | 'title' | 'agency' | 'declaration' | 'code';

/** A text inside the file that may name its unit (the 填报单位 line, a title, the 检查主体 column …). */
export interface UnitHint {
  source: HintSource;
  text: string;
}

/** Everything one file tells the review: its kinds, sheets, issues, list, report, declarations and unit hints. */
export interface FileFindings {
  file: string;
  folder: string;
  error: FileError | null;
  /** Kinds found, most important first (checklist, adjustment, declaration); `other` or `unreadable` alone. */
  kinds: FileKind[];
  sheets: SheetFinding[];
  issues: ReviewIssue[];
  /** The file's inspection list: its sheet with the most items. */
  list?: ListRead;
  /** The file's 动态调整情况表 (rows or the 无动态调整 form). */
  report?: ReportRead;
  /** A 无动态调整 statement outside a report form (a one-line sheet or Word document). */
  statement?: NoChangeStatement;
  /** The sheets that hold declarations, for the county's tally. */
  declarationSheets: Grid[];
  /** Texts inside the file that may name its unit, in order of trust. */
  hints: UnitHint[];
}

/** Columns only a list has. */
const LIST_FIELDS = ['basis', 'agency', 'object', 'method', 'ratio', 'frequency'];

const KIND_ORDER: readonly FileKind[] = ['checklist', 'adjustment', 'declaration'];

/** Texts of the first rows of a sheet (title and stamp lines), one array per row. */
function topLines(grid: Grid, rows = 6): string[][] {
  const view = new GridView(grid);
  return lineTexts(view, view.firstRow + rows);
}

/** The 机构代码 most rows of a list give (or the one written above it). */
function listCode(list: ListRead): string | undefined {
  if (list.meta.agencyCode) return list.meta.agencyCode;
  const counts = new Map<string, number>();
  for (const i of list.items) {
    const code = (i.texts.agencyCode ?? '').replace(/\s/g, '').toUpperCase();
    if (code.length === 18) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Reads one file of the inbox by its content, host-free: which sheets are inspection lists, 动态调整情况表 (or a
 * 无动态调整 statement), declarations or something else; the engine's issues of each (`drc check`'s for lists and
 * reports, the tally's for declarations); and the texts that may name its unit. Runs in a worker thread for large
 * inboxes: its input and output are plain data.
 */
export function reviewFile(input: InboxFile, settings?: DeepPartial<Settings>): FileFindings {
  const out: FileFindings = {
    file: input.file,
    folder: input.folder,
    error: input.error ?? null,
    kinds: [],
    sheets: [],
    issues: [],
    declarationSheets: [],
    hints: [],
  };
  if (input.error || !input.grids) {
    out.kinds = [input.errorKind ?? 'unreadable'];
    return out;
  }
  const grids = input.grids;
  const resolved = resolveSettings(settings);
  const reports = checkGrids(grids, settings);
  // Declarations are looked for only in sheets that are no list and no report (the tally's readers are the costly
  // part of reading a small file, and most files are lists).
  const others = grids.filter((_, i) => {
    const { kind } = itemAt(reports, i);
    return kind !== 'checklist' && kind !== 'adjustment';
  });
  const tally = tallySources(others.length ? [{ file: input.file, grids: others }] : [], { settings });
  const tallySheets = new Map(tally.files[0]?.sheets.map((s) => [s.name, s]) ?? []);
  const kinds = new Set<FileKind>();
  const titles: UnitHint[] = [];
  const agencies: UnitHint[] = [];
  let listItems = -1;

  grids.forEach((grid, i) => {
    let report = itemAt(reports, i);
    const tallied = tallySheets.get(grid.name);
    const finding: SheetFinding = { name: grid.name, role: 'other', headerRow: report.headerRow, rows: 0 };
    out.sheets.push(finding);
    if (tallied?.kind === 'declaration' && tallied.declarations > 0) {
      finding.role = 'declaration';
      finding.rows = tallied.declarations;
      kinds.add('declaration');
      out.declarationSheets.push(grid);
      return;
    }
    if (tallied?.kind === 'quota') {
      finding.role = 'quota';
      return;
    }
    // A sheet of only 序号, 事项名称, 调整类型 and 调整原因 ties between a list and a report: with no list column
    // (依据, 主体, 对象, 方式, 比例, 频次) it is a report.
    const listLike = LIST_FIELDS.some((f) => report.columns[f] !== undefined);
    if (report.kind === 'checklist' && !listLike && report.columns.adjustType !== undefined) {
      const asReport = validateGrid(grid, [adjustmentReportSchema], resolved, DEFAULT_SEVERITIES);
      if (asReport.kind === 'adjustment') report = asReport;
    }
    if (report.kind === 'checklist') {
      const list = readListSheet(grid);
      finding.role = 'checklist';
      finding.rows = list?.items.length ?? 0;
      kinds.add('checklist');
      out.issues.push(...report.issues.map((issue) => ({ ...issue, file: input.file })));
      if (list && list.items.length > listItems) {
        listItems = list.items.length;
        out.list = list;
      }
      if (list?.meta.unit) titles.push({ source: 'title', text: list.meta.unit });
      const agency = list ? listUnit({ ...list, meta: {} }) : undefined;
      if (agency) agencies.push({ source: 'agency', text: agency });
      const code = list ? listCode(list) : undefined;
      if (code) out.hints.push({ source: 'code', text: code });
      return;
    }
    if (report.kind === 'adjustment') {
      const read = readReportSheet(grid, [adjustmentReportSchema]);
      finding.role = read?.statement ? 'statement' : 'adjustment';
      finding.rows = read?.entries.length ?? 0;
      kinds.add('adjustment');
      // The 无动态调整 form has no rows by design: its "no data" note says nothing to the office.
      out.issues.push(
        ...report.issues
          .filter((issue) => !(read?.statement && issue.code === 'sheet/no-data'))
          .map((issue) => ({ ...issue, file: input.file })),
      );
      if (read && (!out.report || read.entries.length > out.report.entries.length)) out.report = read;
      if (read?.meta.unit) titles.push({ source: 'title', text: read.meta.unit });
      return;
    }
    const statements = noChangeStatements(grid);
    if (statements.length > 0) {
      finding.role = 'statement';
      kinds.add('adjustment');
      out.statement ??= statements[0];
      // The sentences often name the unit (中共于都县委统战部2020年度…无动态调整).
      for (const st of statements) titles.push({ source: 'title', text: st.text });
    }
    const meta = readMeta(topLines(grid));
    if (meta.unit) titles.push({ source: 'title', text: meta.unit });
  });

  // Declarations' issues come from the county's tally (it also sees duplicates across files); here only the units
  // they name (columns, form labels, titles).
  const named = new Set<string>();
  for (const d of tally.declarations)
    if ((d.unit.source === 'column' || d.unit.source === 'label' || d.unit.source === 'title') && d.unit.text)
      named.add(d.unit.text);
  // 填报单位 lines of any sheet come before titles; the list's 检查主体 after them.
  for (const grid of grids)
    for (const line of topLines(grid)) {
      const stamp =
        /^(?:填报单位|报送单位|申报单位|推荐单位)\s*(?:[(（](?:盖章|印章|公章)[)）])?\s*[:：]\s*(.*)$/.exec(
          line[0] ?? '',
        );
      const text = stamp ? (stamp[1] || line[1] || '').trim() : '';
      if (text && !/^[_\s]*$/.test(text)) out.hints.unshift({ source: 'stamp', text });
    }
  out.hints.push(
    ...titles,
    ...agencies,
    ...[...named].map((text) => ({ source: 'declaration' as const, text })),
  );
  out.kinds = KIND_ORDER.filter((k) => kinds.has(k));
  if (out.kinds.length === 0) out.kinds = ['other'];
  return out;
}
