/**
 * A document to print or forward (a note, a letter), described without any host: a title, then paragraphs and
 * ruled tables in order. A host renders it (.docx through the Word adapter).
 */
export interface DocumentSpec {
  title: string;
  blocks: DocumentBlock[];
}

/** A paragraph (left, right or centred; bold for a heading; first line indented) or a ruled table. */
export type DocumentBlock =
  | { kind: 'paragraph'; text: string; align?: 'left' | 'right' | 'center'; bold?: boolean; indent?: boolean }
  | { kind: 'table'; head: string[]; widths: number[]; rows: string[][] };
