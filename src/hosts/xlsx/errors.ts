import type { FileError } from '../../core/report';
import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';

/** Why a file could not be opened at all. */
export type WorkbookReadCode =
  | 'file/empty'
  | 'file/not-xlsx'
  | 'file/not-text'
  | 'file/encrypted'
  | 'file/legacy-xls'
  | 'file/needs-libreoffice'
  | 'file/conversion-failed'
  | 'file/corrupt'
  | 'file/too-large'
  | 'file/part-too-large'
  | 'file/unsupported'
  | 'file/not-found'
  | 'file/no-permission'
  | 'file/busy'
  | 'file/symlink-loop'
  | 'file/is-directory'
  | 'file/not-regular'
  | 'file/unreadable';

/** Why marks could not be written. */
export type WorkbookMarkCode = 'mark/unknown-sheet' | 'mark/outside-sheet' | 'mark/clear-unsupported';

/** Formats read only after conversion (by LibreOffice, in the command line). */
export type LegacyFormat = 'xls' | 'et' | 'ods' | 'html' | 'xml2003';

/** How each legacy format is named in messages (`{format}`). */
const FORMAT_NAMES: Record<Locale, Record<LegacyFormat, string>> = {
  'zh-CN': {
    xls: 'Excel 97-2003 .xls',
    et: 'WPS 表格 .et',
    ods: 'OpenDocument 表格 .ods',
    html: '网页(HTML)表格,以 .xls 为扩展名',
    xml2003: 'Excel 2003 XML 表格',
  },
  'en-US': {
    xls: 'Excel 97-2003 .xls',
    et: 'WPS Spreadsheets .et',
    ods: 'OpenDocument .ods',
    html: 'a web page (HTML) named .xls',
    xml2003: 'Excel 2003 XML',
  },
};

/** The name of a legacy format in a locale. */
export function legacyFormatName(format: LegacyFormat, locale: Locale): string {
  return FORMAT_NAMES[locale][format];
}

const READ_MESSAGES: Record<Locale, Record<WorkbookReadCode, string>> = {
  'zh-CN': {
    'file/empty': '文件"{file}"是空的(0 字节或只有空白),请确认导出已完成、文件未被清空后重试',
    'file/not-xlsx':
      '文件"{file}"不是有效的 .xlsx 工作簿(可能是改了扩展名的{what}),请在 Excel 或 WPS 中另存为 .xlsx 后重试',
    'file/not-text':
      '文件"{file}"的扩展名是 {ext},内容却不是文本(可能是改了扩展名的其他文件);请确认文件,或在 Excel 或 WPS 中另存为 .csv 或 .xlsx 后重试',
    'file/encrypted':
      '文件"{file}"设置了打开密码,无法读取;请在 Excel 或 WPS 中取消密码保护(文件→信息→保护工作簿/文档加密)并另存为 .xlsx 后重试',
    'file/legacy-xls': '文件"{file}"是旧格式({formatName}),这里只能直接读取 .xlsx;请另存为 .xlsx 后再检查',
    'file/needs-libreoffice':
      '文件"{file}"是旧格式({formatName}),需要 LibreOffice 转换,但没有找到 LibreOffice;请另存为 .xlsx 后再检查(或安装 LibreOffice,或用 --soffice 指定 soffice 的位置)',
    'file/conversion-failed':
      '文件"{file}"是旧格式({formatName}),用 LibreOffice 转换失败({detail});请在 Excel 或 WPS 中打开,另存为 .xlsx 后再检查',
    'file/corrupt':
      '文件"{file}"已损坏或不完整({where}),无法读取;请重新导出,或在 Excel 或 WPS 中打开后另存为 .xlsx 再重试',
    'file/too-large':
      '文件"{file}"约有 {size}(.xlsx 按解压后的大小计),超过了上限 {max};如确需检查,请用 --max-size 提高上限(如 --max-size 4GB)',
    'file/part-too-large':
      '文件"{file}"中的部件 {part} 解压后约有 {size},其中有一段过长,无法作为文字读入(这不是 --max-size 的上限);请在 Excel 或 WPS 中删去超长的内容或拆分工作簿,另存为 .xlsx 后再检查',
    'file/unsupported': '不支持文件"{file}"的格式({ext});请提供 .xlsx 工作簿,或 .csv / .tsv 文本文件',
    'file/not-found': '找不到文件"{file}";请检查路径是否正确',
    'file/no-permission': '没有权限读取文件"{file}";请检查文件权限,或复制到自己的文件夹后重试',
    'file/busy': '文件"{file}"正被其他程序占用;请关闭占用它的程序后重试',
    'file/symlink-loop': '"{file}"是循环的符号链接(链接最终指回自身),无法读取;请改为指向实际文件',
    'file/is-directory': '"{file}"是文件夹,不是文件',
    'file/not-regular': '"{file}"不是普通文件({kind}),不会读取;请指定保存在磁盘上的 .xlsx / .csv 文件',
    'file/unreadable': '无法读取文件"{file}"({detail});请确认文件完好、可以打开后重试',
  },
  'en-US': {
    'file/empty':
      'The file "{file}" is empty (0 bytes or only whitespace); check that the export finished and try again',
    'file/not-xlsx':
      'The file "{file}" is not a valid .xlsx workbook (perhaps a {what} with a changed extension); save it as .xlsx in Excel or WPS and try again',
    'file/not-text':
      'The file "{file}" is named {ext} but does not hold text (perhaps another kind of file renamed); check it, or save it as .csv or .xlsx in Excel or WPS and try again',
    'file/encrypted':
      'The file "{file}" is protected by an opening password and cannot be read; remove the password in Excel or WPS (File → Info → Protect Workbook / Encrypt) and save it as .xlsx, then try again',
    'file/legacy-xls':
      'The file "{file}" is in an older format ({formatName}); only .xlsx is read directly here: save it as .xlsx and check it again',
    'file/needs-libreoffice':
      'The file "{file}" is in an older format ({formatName}) that needs LibreOffice to convert, and LibreOffice was not found; save it as .xlsx and check it again (or install LibreOffice, or name its soffice with --soffice)',
    'file/conversion-failed':
      'The file "{file}" is in an older format ({formatName}) and LibreOffice could not convert it ({detail}); open it in Excel or WPS, save it as .xlsx and check it again',
    'file/corrupt':
      'The file "{file}" is damaged or incomplete ({where}) and cannot be read; export it again, or open it in Excel or WPS and save it as .xlsx, then try again',
    'file/too-large':
      'The file "{file}" holds about {size} (an .xlsx counted unpacked), over the limit of {max}; to check it anyway, raise the limit with --max-size (e.g. --max-size 4GB)',
    'file/part-too-large':
      'The part {part} of "{file}" unpacks to about {size} and holds a stretch too long to read as text (this is not the --max-size limit); remove the overlong content or split the workbook in Excel or WPS, save it as .xlsx and check it again',
    'file/unsupported':
      'The format of "{file}" ({ext}) is not supported; provide an .xlsx workbook or a .csv / .tsv text file',
    'file/not-found': 'File "{file}" not found; check the path',
    'file/no-permission':
      'No permission to read "{file}"; check its permissions, or copy it into your own folder and try again',
    'file/busy': 'The file "{file}" is in use by another program; close that program and try again',
    'file/symlink-loop':
      '"{file}" is a symbolic link that loops back on itself and cannot be read; point it at the real file',
    'file/is-directory': '"{file}" is a folder, not a file',
    'file/not-regular':
      '"{file}" is not a regular file ({kind}) and is not read; name an .xlsx / .csv file saved on disk',
    'file/unreadable':
      'Cannot read "{file}" ({detail}); check that the file is intact and opens, then try again',
  },
};

/** Words filled into the messages above, per locale: what a renamed file may be, special file kinds. */
const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    text: '文本文件',
    word: 'Word 文档',
    powerpoint: 'PowerPoint 演示文稿',
    fifo: '命名管道',
    device: '设备文件',
    socket: '套接字',
    other: '特殊文件',
    package: '文件包结构',
    timeout: '超过 {detail} 秒仍未完成',
    'no-output': 'LibreOffice 没有写出 .xlsx{colonDetail}',
    'start-failed': '无法启动 LibreOffice{colonDetail}',
  },
  'en-US': {
    text: 'text file',
    word: 'Word document',
    powerpoint: 'PowerPoint presentation',
    fifo: 'a named pipe',
    device: 'a device',
    socket: 'a socket',
    other: 'a special file',
    package: 'the package structure',
    timeout: 'not finished after {detail} seconds',
    'no-output': 'LibreOffice wrote no .xlsx{colonDetail}',
    'start-failed': 'LibreOffice could not be started{colonDetail}',
  },
};

/** Where and how a package is damaged, per `PackageError` reason and XML problem. */
const CORRUPT_WORDS: Record<Locale, Record<string, string> & { package: string; sheet: string }> = {
  'zh-CN': {
    package: '文件包结构损坏',
    zip: '文件包的目录损坏或文件不完整(可能只下载或复制了一部分)',
    inflate: '部件 {part} 无法解压',
    crc: '部件 {part} 的数据校验不符,内容已损坏',
    missing: '缺少部件 {part}{sheet}',
    sheet: '(工作表"{sheet}")',
    truncated: '部件 {part} 不完整,内容被截断',
    xml: '部件 {part} 第 {line} 行的 XML 格式错误:{problem}',
    encoding: '部件 {part} 的文字编码无效',
    'content-type': '[Content_Types].xml 没有为部件 {part} 声明正确的类型',
    'shared-string': '部件 {part} 的单元格 {cell} 引用了不存在的共享字符串(第 {index} 个)',
    'no-workbook': '没有工作簿部件 {part}',
    'xml/mismatch': '结束标签 </{found}> 与开始标签 <{expected}> 不匹配',
    'xml/bad-name': '标签名无效',
    'xml/bad-attribute': '属性写法无效',
    'xml/duplicate-attribute': '属性 {attribute} 重复',
    'xml/bad-entity': '无效的字符引用',
    'xml/bad-character': '含有 XML 不允许的字符',
    'xml/text-outside-root': '根元素之外有文字',
    'xml/second-root': '有多个根元素',
    'xml/doctype': '含有 DOCTYPE 声明',
    'xml/declaration': 'XML 声明有误',
    'xml/no-root': '没有根元素',
    'xml/sheet': '工作表缺少名称或关系',
  },
  'en-US': {
    package: 'the package structure is damaged',
    zip: 'its index is damaged or the file is incomplete (perhaps only part of it was downloaded or copied)',
    inflate: 'the part {part} cannot be unpacked',
    crc: 'the part {part} fails its checksum: its content is damaged',
    missing: 'the part {part} is missing{sheet}',
    sheet: ' (sheet "{sheet}")',
    truncated: 'the part {part} is cut short',
    xml: 'the XML of the part {part} is malformed at line {line}: {problem}',
    encoding: 'the part {part} has an invalid text encoding',
    'content-type': '[Content_Types].xml gives no proper type for the part {part}',
    'shared-string':
      'cell {cell} of the part {part} names a shared string that does not exist (number {index})',
    'no-workbook': 'there is no workbook part {part}',
    'xml/mismatch': 'the end tag </{found}> does not match the start tag <{expected}>',
    'xml/bad-name': 'an invalid tag name',
    'xml/bad-attribute': 'an invalid attribute',
    'xml/duplicate-attribute': 'the attribute {attribute} is repeated',
    'xml/bad-entity': 'an invalid character reference',
    'xml/bad-character': 'a character XML cannot hold',
    'xml/text-outside-root': 'text outside the root element',
    'xml/second-root': 'a second root element',
    'xml/doctype': 'a DOCTYPE declaration',
    'xml/declaration': 'a malformed XML declaration',
    'xml/no-root': 'no root element',
    'xml/sheet': 'a sheet without a name or a relationship',
  },
};

/** Params that name a thing (`what`, `kind`, `format`) rendered as words of the locale. */
function localParams(code: WorkbookReadCode, params: Params, locale: Locale): Params {
  const out: Params = { ...params };
  if (code === 'file/not-xlsx')
    out.what = WORDS[locale][String(params.what ?? 'text')] ?? String(params.what);
  if (code === 'file/not-regular')
    out.kind = WORDS[locale][String(params.kind ?? 'other')] ?? String(params.kind);
  if (code === 'file/legacy-xls' || code === 'file/needs-libreoffice' || code === 'file/conversion-failed')
    out.formatName = legacyFormatName((params.format as LegacyFormat | undefined) ?? 'xls', locale);
  if (code === 'file/conversion-failed' && params.reason !== undefined) {
    const detail = String(params.detail ?? '');
    out.detail = fillTemplate(WORDS[locale][String(params.reason)] ?? String(params.reason), {
      detail,
      colonDetail: detail ? `${locale === 'zh-CN' ? ':' : ': '}${detail}` : '',
    });
  }
  if (code === 'file/corrupt') {
    const words = CORRUPT_WORDS[locale];
    const reason = String(params.reason ?? '');
    const problem =
      params.problem === undefined
        ? ''
        : fillTemplate(words[`xml/${params.problem}`] ?? String(params.problem), params);
    const where = words[reason] ?? words.package;
    out.where = fillTemplate(where, {
      ...params,
      part: String(params.part ?? ''),
      problem,
      sheet: params.sheet === undefined ? '' : fillTemplate(words.sheet, params),
    });
  }
  return out;
}

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
    super(
      render(READ_MESSAGES['zh-CN'][code], 'zh-CN', { file, ...localParams(code, params, 'zh-CN') }),
      options,
    );
  }

  /** The message in the given locale. */
  messageIn(locale: Locale): string {
    return render(READ_MESSAGES[locale][this.code], locale, {
      file: this.file,
      ...localParams(this.code, this.params, locale),
    });
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
