#!/usr/bin/env node
// Serves the built add-in folder over http for a trial of the online mode (WPS on this machine or another one in
// the office): `node wps/serve.cjs [folder] [port]`, by default dist-wps on port 3889, reachable at
// http://<this machine>:3889/double-random-checklist/ — the base URL `npm run build:wps` writes into jsplugins.xml.
// For everyday use, put dist-wps/ on the office's web server instead (see the README's WPS section).
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const folder = path.resolve(process.argv[2] || path.join(ROOT, 'dist-wps'));
const port = Number(process.argv[3] || process.env.PORT || 3889);
const prefix = `/${PKG.name}/`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.7z': 'application/x-7z-compressed',
  '.zip': 'application/zip',
  '.ini': 'text/plain; charset=utf-8',
};

const server = http.createServer((req, res) => {
  const url = decodeURIComponent((req.url || '/').split('?')[0]);
  if (!url.startsWith(prefix)) {
    res.writeHead(302, { Location: prefix });
    res.end();
    return;
  }
  const file = path.normalize(path.join(folder, url.slice(prefix.length) || 'index.html'));
  if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  // No caching while trying versions out; WPS's web view otherwise keeps old files.
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
  });
  fs.createReadStream(file).pipe(res);
});

server.listen(port, () => {
  console.log(
    `Serving ${folder} at http://127.0.0.1:${port}${prefix} (jsplugins.xml: http://127.0.0.1:${port}${prefix}jsplugins.xml)`,
  );
});
