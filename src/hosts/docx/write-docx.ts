import { itemAt } from '../../core/item-at';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentSpec } from '../../core/document-spec';

/** Body font of official documents, and the title's (as on the printed forms). */
const BODY = '仿宋';
const TITLE = '黑体';
/** A4 portrait: 21 cm less 2.6 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1474;

const run = (text: string, options: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({
    text,
    bold: options.bold,
    size: (options.size ?? 12) * 2,
    font: { ascii: options.font ?? BODY, eastAsia: options.font ?? BODY, hAnsi: options.font ?? BODY },
  });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * Renders a host-free document description as a Word .docx (the `docx` library): 黑体 title, 仿宋 body, ruled tables
 * whose header row repeats on every page, A4 portrait. Text is written as text, never as a field or a formula.
 */
export async function documentToDocx(spec: DocumentSpec): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(spec.title, { font: TITLE, size: 18 })],
    }),
  ];
  for (const b of spec.blocks) {
    if (b.kind === 'paragraph') {
      children.push(
        new Paragraph({
          alignment:
            b.align === 'right'
              ? AlignmentType.RIGHT
              : b.align === 'center'
                ? AlignmentType.CENTER
                : AlignmentType.LEFT,
          indent: b.indent ? { firstLine: 480 } : undefined,
          spacing: { line: 360 },
          children: [run(b.text, { bold: b.bold, font: b.bold ? TITLE : BODY })],
        }),
      );
      continue;
    }
    const total = b.widths.reduce((s, w) => s + w, 0);
    const widths = b.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
    const cell = (text: string, i: number, head: boolean) =>
      new TableCell({
        width: { size: itemAt(widths, i), type: WidthType.DXA },
        borders: { top: line, bottom: line, left: line, right: line },
        children: text.split('\n').map(
          (t) =>
            new Paragraph({
              alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [run(t, { size: 10.5, bold: head, font: head ? TITLE : BODY })],
            }),
        ),
      });
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        rows: [
          new TableRow({ tableHeader: true, children: b.head.map((t, i) => cell(t, i, true)) }),
          ...b.rows.map(
            (r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) }),
          ),
        ],
      }),
      new Paragraph({ children: [] }),
    );
  }
  const doc = new Document({
    creator: '双随机清单助手',
    title: spec.title,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1474, right: 1474 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
