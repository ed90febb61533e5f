import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';

/** Why the Excel adapter refused to change the workbook (always before anything was changed). */
export type ExcelHostCode =
  | 'excel/unknown-sheet'
  | 'excel/sheet-protected'
  | 'excel/read-only'
  | 'excel/structure-protected'
  | 'excel/outside-sheet'
  | 'excel/access-denied';

const MESSAGES: Record<Locale, Record<ExcelHostCode, string>> = {
  'zh-CN': {
    'excel/unknown-sheet': '工作簿中没有名为"{sheet}"的工作表(可能已被改名或删除),未做任何修改',
    'excel/sheet-protected':
      '工作表"{sheet}"受保护,无法标注或清除标注;请先在"审阅→撤消工作表保护"中取消保护后重试。未做任何修改',
    'excel/read-only': '工作簿以只读方式打开,无法标注或写入;请另存一份或以编辑模式打开后重试。未做任何修改',
    'excel/structure-protected':
      '工作簿结构受保护,无法新增或删除工作表;请先在"审阅→保护工作簿"中取消保护后重试。未做任何修改',
    'excel/outside-sheet': '单元格 {cell}(工作表"{sheet}")超出了 Excel 的表格范围,未做任何修改',
    'excel/access-denied':
      'Excel 拒绝了修改(工作表或工作簿可能受保护,或以只读方式打开);请取消保护或以编辑模式打开后重试',
  },
  'en-US': {
    'excel/unknown-sheet':
      'The workbook has no sheet named "{sheet}" (it may have been renamed or deleted); nothing was changed',
    'excel/sheet-protected':
      'The sheet "{sheet}" is protected, so marks cannot be added or cleared; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed',
    'excel/read-only':
      'The workbook is open read-only, so nothing can be marked or written; save a copy or open it for editing and try again. Nothing was changed',
    'excel/structure-protected':
      'The workbook structure is protected, so sheets cannot be added or removed; unprotect it (Review → Protect Workbook) and try again. Nothing was changed',
    'excel/outside-sheet': 'Cell {cell} (sheet "{sheet}") is outside an Excel sheet; nothing was changed',
    'excel/access-denied':
      'Excel refused the change (the sheet or workbook may be protected or open read-only); unprotect it or open it for editing and try again',
  },
};

type Params = Record<string, string | number>;

function render(locale: Locale, code: ExcelHostCode, params: Params): string {
  return fillTemplate(localiseTemplate(MESSAGES[locale][code], locale), params);
}

/** A refusal of the Excel adapter: a stable code, its parameters, and the sentence in each locale. */
export class ExcelHostError extends Error {
  override readonly name = 'ExcelHostError';

  constructor(
    readonly code: ExcelHostCode,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(render('zh-CN', code, params), options);
  }

  /** The message in the given locale. */
  messageIn(locale: Locale): string {
    return render(locale, this.code, this.params);
  }
}
