import type { CellSpec, SheetSpec, StyleSpec } from '../../core/sheet-spec';
import { NO_DECLARATION_WORDS } from './no-declaration';
import type { ExclusionReason } from './tally';
import type { TallyResult } from './tally-sources';
import { LIST_BODY, LIST_STYLES, listBox } from './table-styles';
import { wrappedHeight } from './text-height';

/** Sheets of the summary workbook that list what the office must look at, one list per sheet. */
export const LIST_SHEETS = {
  duplicates: '重复申报',
  possible: '可能重复',
  unknown: '不在分配表的单位',
  excluded: '不计入的企业',
  noDeclaration: '未读到申报的文件',
} as const;

const REASONS: Record<ExclusionReason, string> = {
  'large-enterprise': '大型企业，不属于中小微企业',
  duplicate: '重复申报，已计入其他单位',
};

const STYLES: Record<string, StyleSpec> = {
  ...LIST_STYLES,
  choice: listBox({ font: { ...LIST_BODY, bold: true }, fill: 'FFFFF2CC' }),
};

const HEADER_ROW = 3;

/** File name without folders. */
const baseName = (file: string) => file.replace(/^.*[\\/]/, '');

/**
 * One list on a sheet of its own: title, a note, its own header (repeated on every printed page), the rows. Why a
 * sheet each: lists below the quota table were printed under the table's repeated header.
 */
function listSheet(
  name: string,
  title: string,
  note: string,
  head: readonly string[],
  widths: readonly number[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  styles: readonly string[] = [],
): SheetSpec {
  const wide = (value: string, style: string, height: number) => ({
    cells: [{ value, style }, ...Array<CellSpec | null>(head.length - 1).fill(null)],
    height,
  });
  const body = rows.map((values, i) => {
    const cells: CellSpec[] = [
      { value: i + 1, style: 'centre' },
      ...values.map((value, j) => ({ value, style: styles[j] ?? 'cell' })),
    ];
    const height = wrappedHeight(
      widths.map((width, j) => ({ text: String(cells[j]?.value ?? ''), width })),
      10,
      18,
    );
    return { cells, height };
  });
  return {
    name,
    columns: [...widths],
    rows: [
      wide(title, 'title', 28),
      wide(note, 'note', 30),
      { cells: ['序号', ...head.slice(1)].map((value) => ({ value, style: 'head' })), height: 24 },
      ...body,
    ],
    merges: [
      { top: 1, left: 1, bottom: 1, right: head.length },
      { top: 2, left: 1, bottom: 2, right: head.length },
    ],
    styles: STYLES,
    page: {
      orientation: widths.reduce((s, w) => s + w, 0) > 95 ? 'landscape' : 'portrait',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: HEADER_ROW, last: HEADER_ROW },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      horizontalCentered: true,
      footer: `${name} 第 &P 页，共 &N 页`,
    },
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
}

/**
 * The lists of the summary workbook, each on its own sheet, only those with something in them: enterprises
 * nominated more than once (with 计入单位, which the office may change and give back as `--decisions`), possible
 * duplicates by name variant, unit names not in the table, and the declarations not counted.
 */
export function buildListSheets(result: TallyResult): SheetSpec[] {
  const region = result.quota.region;
  const sheets: SheetSpec[] = [];
  if (result.duplicates.length > 0)
    sheets.push(
      listSheet(
        LIST_SHEETS.duplicates,
        `${region}监测点重复申报的企业`,
        '同一企业只计一次：分配表中的单位优先，其次按读取顺序。如需改由其他单位计入，在“计入单位”列写明该单位，' +
          '保存后用 --decisions 该文件重新汇总。',
        ['序号', '企业名称', '统一社会信用代码', '申报单位', '计入单位', '来源文件'],
        [6, 28, 21, 26, 12, 34],
        result.duplicates.map((d) => [
          d.enterprise,
          d.uscc ?? '',
          d.units.join('、'),
          d.countedFor ?? '',
          d.files.map(baseName).join('\n'),
        ]),
        ['cell', 'cell', 'cell', 'choice', 'cell'],
      ),
    );
  if (result.possibleDuplicates.length > 0)
    sheets.push(
      listSheet(
        LIST_SHEETS.possible,
        `${region}监测点可能重复的企业（请核实）`,
        '名称只差括号、标点或“有限公司/有限责任公司”，且没有不同的统一社会信用代码；暂都计入，请核实是否为同一企业。',
        ['序号', '企业名称', '申报单位', '来源文件'],
        [6, 40, 24, 40],
        result.possibleDuplicates.map((p) => [
          p.enterprises.join('\n'),
          p.units.join('、'),
          p.files.map(baseName).join('\n'),
        ]),
      ),
    );
  if (result.unknownUnits.length > 0)
    sheets.push(
      listSheet(
        LIST_SHEETS.unknown,
        `不在${result.quota.title || '分配表'}中的单位`,
        '这些单位申报的企业不计入任何单位。如是分配表中的单位，请改用分配表中的名称，或在单位名录（--units）中写明它的其他名称。',
        ['序号', '填写的单位', '来源文件', '申报数', '说明'],
        [6, 26, 36, 8, 30],
        result.unknownUnits.map((u) => [
          u.name || '（未注明单位）',
          `${baseName(u.file)} · ${u.sheet}`,
          u.declarations,
          u.registered
            ? `单位名录中的“${u.registered}”，分配表未给它分配任务`
            : u.suggestion
              ? `最接近的单位：${u.suggestion}`
              : u.name
                ? '分配表中没有相近的单位'
                : '文件中没有写明推荐单位',
        ]),
        ['cell', 'cell', 'centre', 'cell'],
      ),
    );
  if (result.excluded.length > 0)
    sheets.push(
      listSheet(
        LIST_SHEETS.excluded,
        `${region}监测点不计入的企业`,
        '大型企业不属于中小微企业；重复申报的企业只计入一个单位（见“重复申报”表）。',
        ['序号', '企业名称', '申报单位', '原因', '来源'],
        [6, 30, 24, 26, 34],
        result.excluded.map((e) => [
          e.enterprise,
          e.unit,
          e.reason === 'duplicate' && e.countedFor ? `重复申报，已计入${e.countedFor}` : REASONS[e.reason],
          `${baseName(e.file)} · ${e.sheet} 第${e.row}行`,
        ]),
      ),
    );
  if (result.noDeclaration.length > 0)
    sheets.push(
      listSheet(
        LIST_SHEETS.noDeclaration,
        '未读到监测点申报的文件',
        '这些文件中没有读到监测点企业申报，其单位可能因此显示为“未申报”。请核对：是否报错了文件、申报表是否为空白，' +
          '或将旧格式文件另存为 .xlsx / .docx 后重新汇总。',
        ['序号', '文件', '可能的单位', '读作', '说明'],
        [6, 40, 14, 24, 40],
        result.noDeclaration.map((n) => [
          baseName(n.file),
          n.unit ?? '',
          NO_DECLARATION_WORDS[n.kind],
          n.message ?? '',
        ]),
      ),
    );
  return sheets;
}
