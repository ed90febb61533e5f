import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';

/** Why a Word file could not be read. */
export type DocumentReadCode = 'docx/corrupt' | 'docx/not-docx' | 'docx/legacy-doc' | 'docx/encrypted';

const MESSAGES: Record<Locale, Record<DocumentReadCode, string>> = {
  'zh-CN': {
    'docx/corrupt': 'Word 文件"{file}"已损坏或不完整,无法读取其中的表格;请重新保存为 .docx 后再试',
    'docx/not-docx': '文件"{file}"不是 Word .docx 文档(包中没有正文);请在 Word 或 WPS 中另存为 .docx 后再试',
    'docx/legacy-doc':
      '文件"{file}"是旧版 Word 97-2003 文档(.doc / .wps),无法读取其中的表格;请在 Word 或 WPS 中另存为 .docx 后再试',
    'docx/encrypted': 'Word 文件"{file}"设置了打开密码,无法读取;请取消密码后另存为 .docx 再试',
  },
  'en-US': {
    'docx/corrupt':
      'The Word file "{file}" is damaged or incomplete and its tables cannot be read; save it again as .docx and retry',
    'docx/not-docx':
      'The file "{file}" is not a Word .docx document (the package has no body); save it as .docx in Word or WPS and retry',
    'docx/legacy-doc':
      'The file "{file}" is an old Word 97-2003 document (.doc / .wps) whose tables cannot be read; save it as .docx in Word or WPS and retry',
    'docx/encrypted':
      'The Word file "{file}" is protected by an opening password and cannot be read; remove the password, save it as .docx and retry',
  },
};

/** A Word file that cannot be read: a stable code, the file name, and the sentence in each locale. */
export class DocumentReadError extends Error {
  override readonly name = 'DocumentReadError';

  constructor(
    readonly code: DocumentReadCode,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(fillTemplate(localiseTemplate(MESSAGES['zh-CN'][code], 'zh-CN'), { file }), options);
  }

  /** The message in the given locale. */
  messageIn(locale: Locale): string {
    return fillTemplate(localiseTemplate(MESSAGES[locale][this.code], locale), { file: this.file });
  }
}
