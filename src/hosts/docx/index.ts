/**
 * Word documents read for their tables (Annex 2 forms and lists returned as .docx), as grids the engine reads;
 * browser-safe (fflate and the XML). `./document-file` reads one from disk (Node).
 */
export { type DocumentReadCode, DocumentReadError } from './errors';
export { DOCX_EXTENSIONS, isWordFile, LEGACY_DOC_EXTENSIONS, openDocument, readDocxGrids } from './read-docx';
