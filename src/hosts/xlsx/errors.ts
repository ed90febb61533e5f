import type { FileError } from '../../core/report';
import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';

/** Why a file could not be opened at all. */
export type WorkbookReadCode =
  'file/empty' | 'file/not-xlsx' | 'file/encrypted' | 'file/legacy-xls' | 'file/corrupt' | 'file/unsupported';

/** Why marks could not be written. */
export type WorkbookMarkCode = 'mark/unknown-sheet' | 'mark/outside-sheet' | 'mark/clear-unsupported';

const READ_MESSAGES: Record<Locale, Record<WorkbookReadCode, string>> = {
  'zh-CN': {
    'file/empty': '文件"{file}"是空的(0 字节或只有空白),请确认导出已完成、文件未被清空后重试',
    'file/not-xlsx':
      '文件"{file}"不是有效的 .xlsx 工作簿(可能是改了扩展名的文本文件),请在 Excel 或 WPS 中另存为 .xlsx 后重试',
    'file/encrypted':
      '文件"{file}"设置了打开密码,无法读取;请在 Excel 或 WPS 中取消密码保护(文件→信息→保护工作簿/文档加密)并另存为 .xlsx 后重试',
    'file/legacy-xls':
      '文件"{file}"是旧版 .xls 格式(Excel 97-2003 或网页导出的表格),本工具只读取 .xlsx;请在 Excel 或 WPS 中另存为 .xlsx 后重试',
    'file/corrupt':
      '文件"{file}"已损坏或不完整,无法作为 .xlsx 工作簿读取;请重新导出,或在 Excel 或 WPS 中打开后另存为 .xlsx 再重试',
    'file/unsupported': '不支持文件"{file}"的格式({ext});请提供 .xlsx 工作簿,或 .csv / .tsv 文本文件',
  },
  'en-US': {
    'file/empty':
      'The file "{file}" is empty (0 bytes or only whitespace); check that the export finished and try again',
    'file/not-xlsx':
      'The file "{file}" is not a valid .xlsx workbook (perhaps a text file with a changed extension); save it as .xlsx in Excel or WPS and try again',
    'file/encrypted':
      'The file "{file}" is protected by an opening password and cannot be read; remove the password in Excel or WPS (File → Info → Protect Workbook / Encrypt) and save it as .xlsx, then try again',
    'file/legacy-xls':
      'The file "{file}" is in the old .xls format (Excel 97-2003 or a web-page export); only .xlsx is read: save it as .xlsx in Excel or WPS and try again',
    'file/corrupt':
      'The file "{file}" is damaged or incomplete and cannot be read as an .xlsx workbook; export it again, or open it in Excel or WPS and save it as .xlsx, then try again',
    'file/unsupported':
      'The format of "{file}" ({ext}) is not supported; provide an .xlsx workbook or a .csv / .tsv text file',
  },
};

const MARK_MESSAGES: Record<Locale, Record<WorkbookMarkCode, string>> = {
  'zh-CN': {
    'mark/unknown-sheet': '无法标注:文件"{file}"中没有名为"{sheet}"的工作表,未写入任何标注',
    'mark/outside-sheet':
      '无法标注:单元格 {cell}(工作表"{sheet}")超出了表格范围(共 {lastRow} 行、{lastColumn} 列),未写入任何标注',
    'mark/clear-unsupported': '文件"{file}"不支持清除标注:命令行把标注写在副本里,原文件从未被修改',
  },
  'en-US': {
    'mark/unknown-sheet': 'Cannot mark: the file "{file}" has no sheet named "{sheet}"; no mark was written',
    'mark/outside-sheet':
      'Cannot mark: cell {cell} (sheet "{sheet}") is outside the sheet ({lastRow} rows, {lastColumn} columns); no mark was written',
    'mark/clear-unsupported':
      'Clearing marks is not supported for files ("{file}"): the command line writes marks into a copy and never changes the original',
  },
};

type Params = Record<string, string | number>;

/** Renders a template: zh-CN gets full-width punctuation after Chinese text (see `localiseTemplate`). */
function render(template: string, locale: Locale, params: Params): string {
  return fillTemplate(localiseTemplate(template, locale), params);
}

/** A file that cannot be opened: a stable code, the file name, and the sentence in each locale. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  constructor(
    readonly code: WorkbookReadCode,
    readonly file: string,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(render(READ_MESSAGES['zh-CN'][code], 'zh-CN', { file, ...params }), options);
  }

  /** The message in the given locale. */
  messageIn(locale: Locale): string {
    return render(READ_MESSAGES[locale][this.code], locale, { file: this.file, ...this.params });
  }

  /** The file-level error of a report, rendered in the given locale. */
  toFileError(locale: Locale = 'zh-CN'): FileError {
    return { code: this.code, message: this.messageIn(locale) };
  }
}

/** Marks that cannot be written (thrown before anything is changed). */
export class WorkbookMarkError extends Error {
  override readonly name = 'WorkbookMarkError';

  constructor(
    readonly code: WorkbookMarkCode,
    readonly file: string,
    readonly params: Params = {},
  ) {
    super(render(MARK_MESSAGES['zh-CN'][code], 'zh-CN', { file, ...params }));
  }

  /** The message in the given locale. */
  messageIn(locale: Locale): string {
    return render(MARK_MESSAGES[locale][this.code], locale, { file: this.file, ...this.params });
  }
}
