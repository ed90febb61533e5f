#!/usr/bin/env node
// Prints line coverage per layer (core, rules, schemas, features, app, hosts/…, views, cli, entries) from jest's
// coverage/coverage-summary.json (`npm run coverage` runs both).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LAYERS = [
  ['core', 'src/core/'],
  ['rules', 'src/rules/'],
  ['schemas', 'src/schemas/'],
  ['features', 'src/features/'],
  ['app', 'src/app/'],
  ['hosts/xlsx', 'src/hosts/xlsx/'],
  ['hosts/files', 'src/hosts/files/'],
  ['hosts/excel', 'src/hosts/excel/'],
  ['hosts/wps', 'src/hosts/wps/'],
  ['views', 'src/taskpane/'],
  ['cli', 'src/cli/'],
  ['entries', 'src/entries/'],
];

const summary = JSON.parse(fs.readFileSync(path.join(ROOT, 'coverage', 'coverage-summary.json'), 'utf8'));
const totals = new Map(LAYERS.map(([name]) => [name, { covered: 0, total: 0, files: 0 }]));
for (const [file, data] of Object.entries(summary)) {
  if (file === 'total') continue;
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const layer = LAYERS.find(([, prefix]) => rel.startsWith(prefix));
  if (!layer) continue;
  const t = totals.get(layer[0]);
  t.covered += data.lines.covered;
  t.total += data.lines.total;
  t.files++;
}
const pct = (c, t) => (t === 0 ? '   —  ' : `${((100 * c) / t).toFixed(1).padStart(5)}%`);
console.log('Line coverage by layer:');
for (const [name, t] of totals)
  console.log(
    `  ${name.padEnd(12)} ${pct(t.covered, t.total)}  ${String(t.covered).padStart(6)} / ${String(t.total).padEnd(6)} lines, ${t.files} files`,
  );
const all = summary.total.lines;
console.log(
  `  ${'all'.padEnd(12)} ${pct(all.covered, all.total)}  ${String(all.covered).padStart(6)} / ${all.total} lines`,
);
