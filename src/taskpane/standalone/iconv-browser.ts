// Stands in for iconv-lite in the browser bundle (webpack alias): browsers decode GB18030, Big5 and UTF-16 with
// TextDecoder, so the CSV reader needs neither iconv-lite's code-page tables nor a Buffer polyfill.

/** Decodes bytes in one of the encodings the CSV reader names (utf-8, utf-16le/be, gb18030, big5). */
function decode(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Whether the browser can decode an encoding. */
function encodingExists(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

export default { decode, encodingExists };
