/**
 * DOM methods the oldest WPS web view (Chromium 61) lacks and core-js does not provide, added where missing. The
 * language built-ins (Object.fromEntries, Array.prototype.flat …) come from core-js, imported by usage in the WPS build.
 */
export function addMissingDomMethods(win: Window & typeof globalThis): void {
  const blob = win.Blob?.prototype as (Blob & { arrayBuffer?: unknown; text?: unknown }) | undefined;
  if (!blob) return;
  // Blob.arrayBuffer / text arrived in Chrome 76; chosen files are read through them.
  if (typeof blob.arrayBuffer !== 'function')
    Object.defineProperty(blob, 'arrayBuffer', {
      configurable: true,
      writable: true,
      value(this: Blob): Promise<ArrayBuffer> {
        return read(win, this, (r, b) => r.readAsArrayBuffer(b)) as Promise<ArrayBuffer>;
      },
    });
  if (typeof blob.text !== 'function')
    Object.defineProperty(blob, 'text', {
      configurable: true,
      writable: true,
      value(this: Blob): Promise<string> {
        return read(win, this, (r, b) => r.readAsText(b)) as Promise<string>;
      },
    });
}

function read(
  win: Window & typeof globalThis,
  blob: Blob,
  start: (reader: FileReader, blob: Blob) => void,
): Promise<ArrayBuffer | string> {
  return new Promise((resolve, reject) => {
    const reader = new win.FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer | string);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    start(reader, blob);
  });
}
