import { itemAt } from '../../core/item-at';
import { type DeepPartial, resolveSettings, type Settings } from '../../core/settings';
import { DEFAULT_YEAR } from '../adjust';
import { nameKey } from '../compare/field-compare';
import type { ListItem, ListRead } from '../compare/read-list';
import {
  type QuotaRead,
  type TallyResult,
  type TallySource,
  type UnitTally,
  tallySources,
  YUDU_2020,
} from '../tally';
import {
  declarationFinding,
  listChoiceFinding,
  receivedFileFindings,
  reportChoiceFinding,
  type ReviewFinding,
  unplacedFileFinding,
} from '../../rules/review/review.rule';
import { unitNameIn } from '../tally/unit-names';
import {
  activeItems,
  checkReportAgainstList,
  checkReportTotals,
  checkStatementAgainstList,
  type Deliverable,
  type DeliverableIssue,
  gradeReview,
  reportCounts,
} from './cross-check';
import { type ListStats, listStats } from './list-stats';
import type { NoChangeStatement, ReportRead } from './read-report';
import type { FileFindings, FileKind, HintSource } from './review-file';
import { RegisterMatcher, registerFromQuota, type UnitRegister } from './unit-register';

/** How a deliverable of a unit stands: sent without errors, sent with errors, not sent, or not asked of the unit. */
export type DeliverableStatus = 'ok' | 'issues' | 'missing' | 'not-required';

/** How a unit stands: everything sent without errors, something sent with errors, or something missing. */
export type UnitStatus = 'complete' | 'issues' | 'missing';

/** Where a file's unit was read. */
export type UnitSource = 'folder' | HintSource | 'file';

/** A file of the inbox after review: its kinds, the unit(s) it belongs to and how that was decided. */
export interface ReviewedFile extends FileFindings {
  /** The file's main kind: the first of `kinds`. */
  kind: FileKind;
  /** Register units the file belongs to (several for a county-wide declaration list); empty when unassigned. */
  units: string[];
  unitSource: UnitSource | null;
  /** The text the unit was read from. */
  unitText: string | null;
}

/** What a unit's 动态调整情况表 says: counts per type, or a 无动态调整 statement. */
export interface ReportSummary {
  file: string;
  sheet: string;
  statement: boolean;
  added: number;
  deleted: number;
  modified: number;
}

/** One unit's review: its files, each deliverable's status, its issues, its list's figures and its report's. */
export interface UnitReview {
  unit: string;
  files: ReviewedFile[];
  deliverables: Record<Deliverable, DeliverableStatus>;
  status: UnitStatus;
  /** Every issue of the unit: its files', the cross-checks' and the missing deliverables'. */
  issues: DeliverableIssue[];
  errors: number;
  warnings: number;
  /** The list used for the unit's figures (the one with the most items) and its figures. */
  list?: { file: string; sheet: string; read: ListRead; stats: ListStats };
  report?: ReportSummary;
  /** The unit's row of the monitoring-point tally, when the quota table has the unit. */
  tally?: UnitTally;
}

/** A file no unit could be found for, with the issue that says why. */
export interface UnassignedFile {
  file: ReviewedFile;
  issue: DeliverableIssue;
}

/** An item of the county-wide list: the unit that lists it and the other units that list it too. */
export interface CountyItem {
  unit: string;
  item: ListItem;
  file: string;
  /** Other units whose lists have an item of the same name. */
  alsoListedBy: string[];
}

/** The office's review of an inbox. */
export interface ReviewResult {
  register: UnitRegister;
  units: UnitReview[];
  unassigned: UnassignedFile[];
  files: ReviewedFile[];
  tally: TallyResult;
  countyItems: CountyItem[];
  /** The year the lists are for (from their titles; 2020 by default) and the county. */
  year: number;
  region: string;
  summary: {
    units: number;
    complete: number;
    missing: number;
    withIssues: number;
    files: number;
    errors: number;
    warnings: number;
  };
}

/** Options of the review: the units register, the quota table, thresholds and severities. */
export interface ReviewOptions {
  register?: UnitRegister;
  quota?: QuotaRead;
  settings?: DeepPartial<Settings>;
}

const count = (issues: readonly DeliverableIssue[], severity: 'error' | 'warning') =>
  issues.filter((i) => i.severity === severity).length;

const baseName = (file: string) => file.replace(/^.*\//, '');
const stem = (file: string) => baseName(file).replace(/\.[^.]+$/, '');

interface Attribution {
  units: string[];
  source: UnitSource | null;
  text: string | null;
  conflict?: { folder: string; named: string };
  unknown?: { text: string; suggestion?: string };
}

/**
 * The unit(s) a file belongs to. The folder the office sorted it into wins when it names a unit; then what the file
 * says (its 填报单位 line, its title, the 检查主体 of its list, the units its declarations name), then its file
 * name, then its 机构代码 (given by the register, or learned from other files of the unit). A folder and a
 * content that name two different units are reported.
 */
function attribute(
  f: FileFindings,
  matcher: RegisterMatcher,
  codes: ReadonlyMap<string, string>,
): Attribution {
  const named = (text: string) => matcher.match(text).unit ?? matcher.findIn(text);
  // The nearest folder that names a unit: 汇总/住建局/附件/… is 住建局's.
  let folder: string | undefined;
  let folderName = '';
  for (const segment of f.folder.split('/').filter(Boolean).reverse()) {
    folder = matcher.match(segment).unit ?? matcher.findIn(segment);
    if (folder) {
      folderName = segment;
      break;
    }
  }
  let content: { unit: string; source: HintSource; text: string } | undefined;
  const declared = new Set<string>();
  for (const h of f.hints) {
    if (h.source === 'code') continue;
    const unit = named(h.text);
    if (!unit) continue;
    if (h.source === 'declaration') declared.add(unit);
    content ??= { unit, source: h.source, text: h.text };
  }
  // A declaration list naming several units serves each of them.
  if (declared.size > 1 && f.kinds[0] === 'declaration')
    return { units: [...declared], source: 'declaration', text: [...declared].join('、') };
  if (folder) {
    const conflict =
      content && content.unit !== folder && f.kinds[0] !== 'other'
        ? { folder: folderName, named: content.text }
        : undefined;
    return { units: [folder], source: 'folder', text: folderName, ...(conflict ? { conflict } : {}) };
  }
  if (content) return { units: [content.unit], source: content.source, text: content.text };
  const byName = named(stem(f.file));
  if (byName) return { units: [byName], source: 'file', text: stem(f.file) };
  for (const h of f.hints)
    if (h.source === 'code') {
      const unit = matcher.byCode(h.text) ?? codes.get(h.text);
      if (unit) return { units: [unit], source: 'code', text: h.text };
    }
  const written =
    f.hints.find((h) => h.source !== 'code')?.text ??
    f.folder
      .split('/')
      .map((segment) => unitNameIn(segment))
      .find(Boolean) ??
    unitNameIn(stem(f.file));
  if (written)
    return { units: [], source: null, text: null, unknown: { text: written, ...matcher.match(written) } };
  return { units: [], source: null, text: null };
}

/**
 * Reviews an inbox: attributes every file to a unit of the register, picks each unit's list, report and
 * declarations, checks the report on its own and against the list, tallies the declarations county-wide, and
 * states for each unit which deliverable is sent, missing or to be fixed. Files are taken in the order given (the
 * first nomination of an enterprise counts, as in the tally).
 */
export function reviewInbox(findings: readonly FileFindings[], options: ReviewOptions = {}): ReviewResult {
  const settings = resolveSettings(options.settings);
  const quota = options.quota?.table ?? YUDU_2020;
  const register = options.register ?? registerFromQuota(quota);
  const matcher = new RegisterMatcher(register);

  // Codes learned from files whose unit is known otherwise, for files that give nothing but their 机构代码.
  const learned = new Map<string, Set<string>>();
  const attributions = findings.map((f) => {
    const a = attribute(f, matcher, new Map());
    const [only] = a.units;
    if (only !== undefined && a.units.length === 1)
      for (const h of f.hints)
        if (h.source === 'code') learned.set(h.text, (learned.get(h.text) ?? new Set()).add(only));
    return a;
  });
  const codes = new Map<string, string>();
  for (const [code, units] of learned) {
    const [unit] = units;
    if (unit !== undefined && units.size === 1) codes.set(code, unit);
  }
  const files: ReviewedFile[] = findings.map((f, i) => {
    const first = itemAt(attributions, i);
    const a = first.units.length ? first : attribute(f, matcher, codes);
    attributions[i] = a;
    // A reviewed file has at least one kind ('other' when nothing else fits).
    return { ...f, kind: f.kinds[0] ?? 'other', units: a.units, unitSource: a.source, unitText: a.text };
  });

  const tally = tallySources(
    files
      .filter((f) => f.declarationSheets.length > 0)
      .map((f): TallySource => ({ file: f.file, grids: f.declarationSheets, unit: f.units[0] })),
    {
      quota: options.quota,
      settings: options.settings,
      ...(register.read && register.file ? { register: { file: register.file, read: register.read } } : {}),
    },
  );
  const tallyByUnit = new Map<string, UnitTally>();
  for (const row of tally.units) {
    const unit = matcher.match(row.unit).unit;
    if (unit && !tallyByUnit.has(unit)) tallyByUnit.set(unit, row);
  }

  const units: UnitReview[] = register.units.map(({ name }) => ({
    unit: name,
    files: [],
    deliverables: { checklist: 'missing', adjustment: 'missing', declaration: 'missing' },
    status: 'missing',
    issues: [],
    errors: 0,
    warnings: 0,
    tally: tallyByUnit.get(name),
  }));
  const byUnit = new Map(units.map((u) => [u.unit, u]));
  const unassigned: UnassignedFile[] = [];
  files.forEach((f, i) => {
    const a = itemAt(attributions, i);
    for (const unit of f.units) byUnit.get(unit)!.files.push(f);
    if (f.units.length === 0) {
      const issue = gradeReview(settings, f.file, unplacedFileFinding(f.file, a.unknown));
      unassigned.push({ file: f, issue });
    }
  });

  // The lists' year: the latest their titles name (last year's lists sent for comparison are older).
  const years = files.map((f) => f.list?.meta.year).filter((y): y is number => !!y);
  const year = years.length ? Math.max(...years) : DEFAULT_YEAR;
  for (const u of units) reviewUnit(u, attributions, files, tally, settings, year);

  const countyItems = countyList(units);
  const summary = {
    units: units.length,
    complete: units.filter((u) => u.status === 'complete').length,
    missing: units.filter((u) => u.status === 'missing').length,
    withIssues: units.filter((u) => u.status === 'issues').length,
    files: files.length,
    errors:
      units.reduce((s, u) => s + u.errors, 0) +
      count(
        unassigned.map((x) => x.issue),
        'error',
      ),
    warnings:
      units.reduce((s, u) => s + u.warnings, 0) +
      count(
        unassigned.map((x) => x.issue),
        'warning',
      ),
  };
  return {
    register,
    units,
    unassigned,
    files,
    tally,
    countyItems,
    year,
    region: register.region || quota.region,
    summary,
  };
}

/** Picks a unit's list, report and declarations, runs the cross-checks, and states each deliverable. */
function reviewUnit(
  u: UnitReview,
  attributions: readonly Attribution[],
  all: readonly ReviewedFile[],
  tally: TallyResult,
  settings: Settings,
  year: number,
): void {
  const issues: DeliverableIssue[] = [];
  const add = (file: string, found: ReviewFinding | undefined) => {
    if (found) issues.push(gradeReview(settings, file, found));
  };
  for (const f of u.files) {
    const a = itemAt(attributions, all.indexOf(f));
    const received = {
      name: f.file,
      kind: f.kind,
      error: f.error?.message,
      quota: f.sheets.some((s) => s.role === 'quota'),
      conflict: a.conflict,
    };
    for (const found of receivedFileFindings(received, u.unit)) add(f.file, found);
    for (const issue of f.issues) {
      const role = f.sheets.find((s) => s.name === issue.sheet)?.role;
      issues.push({ ...issue, deliverable: role === 'checklist' ? 'checklist' : 'adjustment' });
    }
  }

  // The list: this year's (a title naming an earlier year is last year's list), then the one with the most items.
  const lists = u.files.filter((f) => f.list && f.units[0] === u.unit);
  const old = (f: ReviewedFile) => Number((f.list!.meta.year ?? year) < year);
  const chosen = [...lists].sort(
    (a, b) => old(a) - old(b) || activeItems(b.list!).length - activeItems(a.list!).length,
  )[0];
  if (chosen?.list) {
    const read = chosen.list;
    const sheetIssues = chosen.issues.filter((i) => i.sheet === read.sheet);
    u.list = { file: chosen.file, sheet: read.sheet, read, stats: listStats(read, sheetIssues) };
  }
  const listChoice = listChoiceFinding(
    lists.length,
    u.list && { file: u.list.file, sheet: u.list.sheet, items: u.list.stats.items },
    year,
  );
  add(u.list?.file ?? '', listChoice);

  // The report: rows beat a statement; the one with the most rows.
  const reports: Array<{ file: string; report?: ReportRead; statement?: NoChangeStatement }> = [];
  for (const f of u.files) {
    if (f.units[0] !== u.unit) continue;
    if (f.report) reports.push({ file: f.file, report: f.report });
    else if (f.statement) reports.push({ file: f.file, statement: f.statement });
  }
  const rows = (r: (typeof reports)[number]) => r.report?.entries.length ?? -1;
  const report = [...reports].sort((a, b) => rows(b) - rows(a))[0];
  if (report) {
    const read = report.report;
    const statement = !read || read.entries.length === 0;
    const counts = read ? reportCounts(read) : { 新增: 0, 删除: 0, 修改: 0, 无变化: 0 };
    u.report = {
      file: report.file,
      sheet: read?.sheet ?? report.statement!.sheet,
      statement,
      added: counts.新增,
      deleted: counts.删除,
      modified: counts.修改,
    };
    add(report.file, reportChoiceFinding(reports.length, u.report));
    const listItems = u.list ? u.list.stats.items : undefined;
    if (read) issues.push(...checkReportTotals(read, report.file, settings, listItems));
    if (u.list && read && !statement)
      issues.push(...checkReportAgainstList(read, report.file, u.list.read, u.list.file, settings));
    if (u.list && statement) issues.push(...checkStatementAgainstList(u.list.read, u.list.file, settings));
  } else add('', reportChoiceFinding(0, undefined));

  // Declarations: the county tally's issues in the unit's files, and its count against the quota.
  const own = new Set(u.files.map((f) => f.file));
  const declared = u.files.some((f) => f.declarationSheets.length > 0) || (u.tally?.submitted ?? 0) > 0;
  for (const i of tally.issues)
    if (own.has(i.file) && i.code !== 'tally/unknown-unit' && i.code !== 'tally/no-unit')
      issues.push({ ...i, deliverable: 'declaration' });
  const quota = u.tally?.quota ?? 0;
  const required = quota > 0;
  add('', declarationFinding(declared, u.tally?.declared, quota));

  const status = (d: Deliverable, present: boolean, needed = true): DeliverableStatus => {
    if (!present) return needed ? 'missing' : 'not-required';
    return issues.some((i) => i.deliverable === d && i.severity === 'error') ? 'issues' : 'ok';
  };
  u.deliverables = {
    checklist: status('checklist', !!u.list),
    adjustment: status('adjustment', !!u.report),
    declaration: status('declaration', declared, required),
  };
  u.issues = issues;
  u.errors = count(issues, 'error');
  u.warnings = count(issues, 'warning');
  const values = Object.values(u.deliverables);
  u.status = values.includes('missing') ? 'missing' : u.errors > 0 ? 'issues' : 'complete';
}

/** Every unit's items in register order, each marked with the other units that list an item of the same name. */
function countyList(units: readonly UnitReview[]): CountyItem[] {
  const owners = new Map<string, Set<string>>();
  const items: CountyItem[] = [];
  for (const u of units) {
    if (!u.list) continue;
    for (const item of activeItems(u.list.read)) {
      const key = nameKey(item.itemName);
      owners.set(key, (owners.get(key) ?? new Set()).add(u.unit));
      items.push({ unit: u.unit, item, file: u.list.file, alsoListedBy: [] });
    }
  }
  for (const c of items)
    c.alsoListedBy = [...(owners.get(nameKey(c.item.itemName)) ?? [])].filter((x) => x !== c.unit);
  return items;
}
