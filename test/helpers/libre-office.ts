import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';

/** The soffice binary, or '' after saying clearly why the LibreOffice checks are skipped (CI installs it). */
export function libreOffice(what = 'the generated workbook was not converted or recalculated'): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    console.warn(
      `SKIPPED: soffice (LibreOffice) is not installed, so ${what}. Install it with: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk`,
    );
  return found;
}

/** True when a poppler tool (pdfinfo, pdftotext, pdftoppm) is on the PATH. */
export function hasPoppler(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim() !== '';
}

/**
 * A LibreOffice profile of the test's own: a second LibreOffice running on the machine would otherwise take the
 * job or lock the profile. It recalculates every formula of an .xlsx on load (OOXMLRecalcMode 0), so a
 * conversion shows what the formulas compute, not the values stored beside them.
 */
export function profileArgs(dir: string): string[] {
  const profile = path.join(dir, 'lo-profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  return [`-env:UserInstallation=file://${profile}`];
}

/** Converts a file with LibreOffice headless into `outDir` (format as `--convert-to` takes it). */
export function convert(
  soffice: string,
  file: string,
  format: string,
  outDir: string,
  profileDir: string,
): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [...profileArgs(profileDir), '--headless', '--convert-to', format, '--outdir', outDir, file],
    {
      stdio: 'pipe',
      timeout: 180000,
    },
  );
}

/**
 * The package with every formula's stored value removed, so that what a viewer shows can only come from
 * recalculating (a stale value cannot pass for a computed one).
 */
export function stripCachedValues(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]!).replace(
      /(<c\b[^>]*>)(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))<v>[\s\S]*?<\/v>/g,
      '$1$2',
    );
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

/**
 * Every sheet of an .xlsx as LibreOffice computes it: cached values stripped, formulas recalculated on load,
 * each sheet exported as UTF-8 CSV and parsed. Keyed by sheet name.
 */
export function recalculatedSheets(soffice: string, xlsx: string, dir: string): Record<string, string[][]> {
  mkdirSync(dir, { recursive: true });
  const stripped = path.join(dir, 'recalc.xlsx');
  writeFileSync(stripped, stripCachedValues(new Uint8Array(readFileSync(xlsx))));
  const csvDir = path.join(dir, 'recalc-csv');
  // 12th token -1: every sheet, each to <name>-<sheet>.csv (LibreOffice 7.2 and later).
  convert(
    soffice,
    stripped,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    csvDir,
    dir,
  );
  const out: Record<string, string[][]> = {};
  for (const name of readdirSync(csvDir)) {
    const m = /^recalc-(.+)\.csv$/.exec(name);
    if (!m) continue;
    out[m[1]!] = Papa.parse<string[]>(readFileSync(path.join(csvDir, name), 'utf8'), {
      skipEmptyLines: false,
    }).data;
  }
  return out;
}

/** Page sizes of a PDF in points, rounded: by pdfinfo (poppler-utils), else from LibreOffice's page objects. */
export function pageSizes(pdf: string): number[][] {
  const round = (m: RegExpMatchArray) => [Math.round(Number(m[1])), Math.round(Number(m[2]))];
  if (hasPoppler('pdfinfo')) {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    return [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map(round);
  }
  const raw = readFileSync(pdf).toString('latin1');
  return [...raw.matchAll(/\/Type\s*\/Page\b[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(round);
}

/** The text of each page of a PDF (pdftotext), or undefined without poppler. */
export function pageTexts(pdf: string): string[] | undefined {
  if (!hasPoppler('pdftotext')) return undefined;
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\f')
    .filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/** A page of a PDF rendered as RGB pixels (pdftoppm, PPM): width, height and the bytes; undefined without poppler. */
export function renderPage(
  pdf: string,
  page: number,
  dpi = 60,
): { width: number; height: number; rgb: Uint8Array } | undefined {
  if (!hasPoppler('pdftoppm')) return undefined;
  const ppm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), pdf], {
    maxBuffer: 256 << 20,
  });
  // P6 <width> <height> <max>\n<bytes>
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[offset]!))) offset++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(ppm[offset]!))) token += String.fromCharCode(ppm[offset++]!);
    fields.push(token);
  }
  offset++;
  return { width: Number(fields[1]), height: Number(fields[2]), rgb: new Uint8Array(ppm.subarray(offset)) };
}

/** How many pixels of a rendered page are close to an RGB colour (hex RRGGBB). */
export function pixelsOf(image: { rgb: Uint8Array }, hex: string, tolerance = 24): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < image.rgb.length; i += 3)
    if (
      Math.abs(image.rgb[i]! - r!) <= tolerance &&
      Math.abs(image.rgb[i + 1]! - g!) <= tolerance &&
      Math.abs(image.rgb[i + 2]! - b!) <= tolerance
    )
      n++;
  return n;
}
