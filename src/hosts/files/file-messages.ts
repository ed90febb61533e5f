import { fillTemplate, localiseTemplate, type Locale } from '../../core/locale';
import { WorkbookReadError } from '../xlsx/errors';
import type { SkippedFile } from './list-inputs';
import type { OutputProblem } from './output-plan';

// The sentences of the file-system adapter: why a folder entry was not read, and why an output cannot be
// written. Read errors of files themselves are rendered by `WorkbookReadError` (hosts/xlsx/errors.ts).

const MESSAGES = {
  'zh-CN': {
    'skip/lock-file': 'Office 或 WPS 的临时锁定文件(对应的文件正被打开),不读取',
    'skip/hidden': '隐藏文件或系统文件,不读取',
    'skip/word': 'Word 文档,本命令不读取',
    'skip/pdf': 'PDF 等版式文件,不读取;请提供 .xlsx 工作簿',
    'skip/image': '图片,不读取',
    'skip/archive': '压缩包,不读取;请先解压',
    'skip/other-type': '不是表格文件({ext}),不读取',
    'skip/output-folder': '本次写出标注副本的文件夹,不读取',
    'skip/subfolder': '子文件夹,未读取(加 --recursive 可一并读取)',
    'skip/too-deep': '文件夹层级过深,不读取',
    'skip/folder-loop': '符号链接指向已读取过的文件夹,不重复读取',
    'skip/not-regular': '不是普通文件(如命名管道、设备文件),不读取',
    skipped: '未读取({count} 项)：',
    'out/empty': '{option} 不能为空;请写出名称,如 {option} {example}',
    'out/not-folder': '--out 应为文件夹,"{path}"却是{kind};请另选一个文件夹',
    'out/parent-not-folder': '无法在"{path}"下建文件夹:"{parent}"不是文件夹',
    'out/not-writable': '没有权限写入"{path}";请另选一个可写的文件夹',
    'out/system-folder': '"{path}"是系统虚拟文件夹(如 /proc、/sys、/dev),不能写入文件;请另选一个文件夹',
    'out/overwrites-input': '标注副本"{target}"会覆盖输入文件"{file}";请用 --out 另选文件夹',
    'out/beside-inputs':
      '标注副本"{target}"会覆盖已有文件(它与输入文件在同一文件夹,可能是原件);请用 --out 另选文件夹',
    'out/target-not-file': '标注副本的位置"{target}"已被文件夹或特殊文件占用;请用 --out 另选文件夹',
    'out/not-xlsx': '{option} 应为 .xlsx 文件名,如 {example};收到的是"{path}"',
    'out/file-is-input': '{option} 会覆盖输入文件"{file}";请另选一个文件名',
    'out/file-not-file': '{option} 指向的"{path}"是{kind},不能写成文件;请另选一个文件名',
    'out/write-failed': '无法写入"{path}":{reason}',
    'why/EACCES': '没有写入权限',
    'why/EPERM': '没有写入权限',
    'why/EROFS': '所在磁盘只读',
    'why/ENOSPC': '磁盘空间不足',
    'why/EDQUOT': '超出磁盘配额',
    'why/ENOTDIR': '路径中有一段不是文件夹',
    'why/EISDIR': '已有同名文件夹',
    'why/ENAMETOOLONG': '路径过长',
    'why/EBUSY': '文件正被占用',
    'why/other': '{code}',
    'kind/file': '一个文件',
    'kind/folder': '一个文件夹',
    'kind/device': '设备文件',
    'kind/fifo': '命名管道',
    'kind/socket': '套接字',
    'kind/other': '特殊文件',
  },
  'en-US': {
    'skip/lock-file': 'an Office or WPS lock file (the file it belongs to is open); not read',
    'skip/hidden': 'a hidden or system file; not read',
    'skip/word': 'a Word document; this command does not read it',
    'skip/pdf': 'a PDF or another fixed-layout file; not read: provide an .xlsx workbook',
    'skip/image': 'an image; not read',
    'skip/archive': 'an archive; not read: unpack it first',
    'skip/other-type': 'not a spreadsheet ({ext}); not read',
    'skip/output-folder': "this run's folder of marked copies; not read",
    'skip/subfolder': 'a subfolder; not read (add --recursive to read it too)',
    'skip/too-deep': 'a folder nested too deep; not read',
    'skip/folder-loop': 'a symbolic link to a folder already read; not read twice',
    'skip/not-regular': 'not a regular file (a named pipe or a device, for example); not read',
    skipped: 'Not read ({count}):',
    'out/empty': '{option} cannot be empty; give a name, e.g. {option} {example}',
    'out/not-folder': '--out must be a folder, but "{path}" is {kind}; choose another folder',
    'out/parent-not-folder': 'Cannot make a folder under "{path}": "{parent}" is not a folder',
    'out/not-writable': 'No permission to write in "{path}"; choose a folder you can write to',
    'out/system-folder':
      '"{path}" is a virtual system folder (such as /proc, /sys, /dev) where files cannot be written; choose another folder',
    'out/overwrites-input':
      'The marked copy "{target}" would overwrite the input "{file}"; choose another folder with --out',
    'out/beside-inputs':
      'The marked copy "{target}" would overwrite an existing file in the folder of the inputs (perhaps an original); choose another folder with --out',
    'out/target-not-file':
      'The place of the marked copy "{target}" is taken by a folder or a special file; choose another folder with --out',
    'out/not-xlsx': '{option} must be an .xlsx file name such as {example}; got "{path}"',
    'out/file-is-input': '{option} would overwrite the input "{file}"; choose another file name',
    'out/file-not-file':
      '{option} names "{path}", which is {kind} and cannot be written as a file; choose another name',
    'out/write-failed': 'Cannot write "{path}": {reason}',
    'why/EACCES': 'no permission to write',
    'why/EPERM': 'no permission to write',
    'why/EROFS': 'the disk is read-only',
    'why/ENOSPC': 'the disk is full',
    'why/EDQUOT': 'over the disk quota',
    'why/ENOTDIR': 'a part of the path is not a folder',
    'why/EISDIR': 'a folder of that name exists',
    'why/ENAMETOOLONG': 'the path is too long',
    'why/EBUSY': 'the file is in use',
    'why/other': '{code}',
    'kind/file': 'a file',
    'kind/folder': 'a folder',
    'kind/device': 'a device',
    'kind/fifo': 'a named pipe',
    'kind/socket': 'a socket',
    'kind/other': 'a special file',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A key of the file adapter's sentences. */
export type FileMessage = keyof (typeof MESSAGES)['zh-CN'];

/** A sentence of the file adapter in a locale. */
export function fileText(
  locale: Locale,
  key: FileMessage,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(localiseTemplate(MESSAGES[locale][key], locale), params);
}

/** Why a folder entry was not read, in a locale. */
export function skipText(locale: Locale, skipped: SkippedFile): string {
  if (skipped.reason.startsWith('file/')) {
    const code = skipped.reason as
      'file/not-found' | 'file/no-permission' | 'file/symlink-loop' | 'file/unreadable';
    return new WorkbookReadError(code, skipped.path, { detail: '' }).messageIn(locale);
  }
  return fileText(locale, skipped.reason as FileMessage, { ext: skipped.ext ?? '?' });
}

/** The words for an errno of a failed write (EACCES → 没有写入权限 …). */
export function writeReason(locale: Locale, code: string | undefined): string {
  const key = `why/${code}`;
  return key in MESSAGES[locale]
    ? fileText(locale, key as FileMessage)
    : fileText(locale, 'why/other', { code: code ?? '?' });
}

/** An output problem in a locale. */
export function outputProblemText(locale: Locale, problem: OutputProblem): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (problem.params.kind !== undefined)
    params.kind = fileText(locale, `kind/${problem.params.kind}` as FileMessage);
  if (problem.params.errno !== undefined || problem.code === 'out/write-failed')
    params.reason = writeReason(locale, problem.params.errno as string | undefined);
  return fileText(locale, problem.code, params);
}
