/** A byte count for people: `1.2 GB`, `600 MB`, `35 KB`, `12 B`. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  const shown = u === 0 || n >= 100 ? Math.round(n) : Math.round(n * 10) / 10;
  return `${shown} ${units[u]}`;
}

/** The `{size}` and `{max}` params of `file/too-large`. */
export function sizeParams(size: number, max: number): { size: string; max: string } {
  return { size: formatSize(size), max: formatSize(max) };
}
