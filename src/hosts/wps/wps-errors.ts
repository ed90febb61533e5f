import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';

/** Why the WPS adapter refused (always before anything was changed). */
export type WpsHostCode =
  | 'wps/no-workbook'
  | 'wps/unknown-sheet'
  | 'wps/sheet-protected'
  | 'wps/read-only'
  | 'wps/structure-protected'
  | 'wps/outside-sheet';

const MESSAGES: Record<Locale, Record<WpsHostCode, string>> = {
  'zh-CN': {
    'wps/no-workbook': '没有打开的工作簿;请先在 WPS 表格中打开要处理的清单',
    'wps/unknown-sheet': '工作簿中没有名为"{sheet}"的工作表(可能已被改名或删除),未做任何修改',
    'wps/sheet-protected':
      '工作表"{sheet}"受保护,无法标注或清除标注;请先在"审阅→撤销工作表保护"中取消保护后重试。未做任何修改',
    'wps/read-only': '工作簿以只读方式打开,无法标注或写入;请另存一份或以编辑方式打开后重试。未做任何修改',
    'wps/structure-protected':
      '工作簿结构受保护,无法新增或删除工作表;请先在"审阅→保护工作簿"中取消保护后重试。未做任何修改',
    'wps/outside-sheet': '单元格 {cell}(工作表"{sheet}")超出了表格范围,未做任何修改',
  },
  'en-US': {
    'wps/no-workbook': 'No workbook is open; open the list in WPS Spreadsheets first',
    'wps/unknown-sheet':
      'The workbook has no sheet named "{sheet}" (it may have been renamed or deleted); nothing was changed',
    'wps/sheet-protected':
      'The sheet "{sheet}" is protected, so marks cannot be added or cleared; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed',
    'wps/read-only':
      'The workbook is open read-only, so nothing can be marked or written; save a copy or open it for editing and try again. Nothing was changed',
    'wps/structure-protected':
      'The workbook structure is protected, so sheets cannot be added or removed; unprotect it (Review → Protect Workbook) and try again. Nothing was changed',
    'wps/outside-sheet': 'Cell {cell} (sheet "{sheet}") is outside the sheet; nothing was changed',
  },
};

type Params = Record<string, string | number>;

function render(locale: Locale, code: WpsHostCode, params: Params): string {
  return fillTemplate(localiseTemplate(MESSAGES[locale][code], locale), params);
}

/** A refusal of the WPS adapter: a stable code, its parameters, and the sentence in each locale. */
export class WpsHostError extends Error {
  override readonly name = 'WpsHostError';

  constructor(
    readonly code: WpsHostCode,
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
