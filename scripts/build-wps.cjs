#!/usr/bin/env node
// Builds the WPS add-in (WPS 加载项) with webpack's Node API:
//
//   dist-wps/                       the folder to serve online: index.html + main.js (ribbon callbacks), ribbon.xml,
//                                   taskpane.html + taskpane.js (the pane), images/, assets/
//   dist-wps/jsplugins.xml          online entry (<jspluginonline url=…/>) for oem.ini's JSPluginsServer
//   dist-wps/offline/<name>_<version>/      the same files, the folder WPS keeps in its jsaddons directory
//   dist-wps/offline/<name>_<version>.7z    that folder packed with 7-Zip, as WPS downloads offline add-ins
//   dist-wps/offline/<name>_<version>.zip   the folder plus publish.xml and install scripts, for copying by hand
//   dist-wps/offline/jsplugins.xml  offline entry (<jsplugin url=….7z version=…/>) for a server that hosts the .7z
//   dist-wps/offline/publish.xml    the per-user entry for the folder in jsaddons (what the install scripts write)
//
// Usage: node scripts/build-wps.cjs [--out DIR] [--base-url http://server/path/] [--mode production|development]
// The base URL (also WPS_BASE_URL) is where dist-wps/ will be served; it goes into the two jsplugins.xml files.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { spawnSync } = require('child_process');
const zlib = require('zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const acorn = require('acorn');
const { zipSync } = require('fflate');
const { contentSecurityPolicy, withPolicy } = require('./csp.cjs');

const ROOT = path.resolve(__dirname, '..');
/**
 * The oldest web view the WPS add-in runs in: Chromium 61, as in WPS Office 2019 (11.1) builds (README, 支持的 WPS).
 * Syntax is ES2017 (Chrome 58 has all of it); the built-ins newer than this engine are polyfilled from core-js by
 * usage, in the WPS build only.
 */
const WPS_CHROME = 61;
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** Files of the add-in folder that are not part of the served add-in itself. */
const NOT_IN_FOLDER = new Set(['jsplugins.xml', 'offline']);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out.outDir = argv[++i];
    else if (a === '--base-url') out.baseUrl = argv[++i];
    else if (a === '--mode') out.mode = argv[++i];
    else if (a === '--no-pack') out.pack = false;
    else throw new Error(`Unknown argument: ${a}`);
  }
  return out;
}

/** The policy of the WPS pages: scripts only from the add-in's folder, served over http or opened from disk. */
const WPS_POLICY = contentSecurityPolicy({ file: true });

/**
 * The shared pane's page without Office.js (WPS runs its own object model, and the CDN may be unreachable) and without
 * the Internet Explorer notice (WPS's web view is Chromium).
 */
function paneTemplate() {
  const html = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  const office = /\s*<!-- Office\.js from[^]*?-->\s*<script[^>]*src="[^"]*office\.js"[^>]*><\/script>/;
  const legacy = /\s*<!-- Says so when an old Office[^]*?-->\s*<script src="legacy-webview\.js"><\/script>/;
  if (!office.test(html) || !legacy.test(html))
    throw new Error('taskpane.html: the Office.js or legacy-webview.js script tag was not found');
  return withPolicy(
    html
      .replace(office, '')
      .replace(legacy, '')
      .replace(/<title>[^<]*<\/title>/, '<title>双随机清单助手 · WPS</title>'),
    WPS_POLICY,
    'taskpane.html (WPS)',
  );
}

/** Our code minified; the report writer's chunk (exceljs's browser build, already minified) left as it is. */
function minimizers() {
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [
      new MinimizerPlugin({
        test: /\.js$/,
        exclude: /^exceljs\./,
        minify: MinimizerPlugin.terserMinify,
        minimizerOptions: { ecma: 2017, compress: { passes: 2 } },
      }),
    ];
  } catch {
    return ['...'];
  }
}

/**
 * Babel after TypeScript: keeps the syntax the engine reads and imports each core-js polyfill where the code uses
 * the built-in (`useBuiltIns: 'usage'`), so the bundle carries only what that engine lacks.
 */
function babelLoader(sourceType) {
  return {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: false,
      sourceType,
      compact: false,
      presets: [
        [
          '@babel/preset-env',
          {
            targets: { chrome: String(WPS_CHROME) },
            useBuiltIns: 'usage',
            corejs: require('core-js/package.json').version,
            modules: false,
            bugfixes: true,
          },
        ],
      ],
    },
  };
}

function webpackConfig({ outDir, mode }) {
  return {
    mode,
    context: ROOT,
    // The WPS web view's engine varies between releases: ES2017 everywhere (async/await, no newer syntax).
    target: ['web', 'es2017'],
    devtool: false,
    entry: {
      main: './src/entries/wps-addin.ts',
      taskpane: './src/entries/wps-pane.ts',
      // The pane's Web Worker for a chosen file (its standalone mode, outside WPS).
      'file-worker': { import: './src/entries/file-worker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: outDir,
      // Relative: the same files work online (http://…/) and offline (file:///…/jsaddons/<name>_<version>/).
      publicPath: '',
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      alias: {
        // exceljs only writes generated reports as .xlsx files in the browser (a download): not needed in WPS,
        // and its browser build is ES2018 (see no-exceljs.ts).
        exceljs$: path.join(ROOT, 'src/hosts/wps/no-exceljs.ts'),
      },
      fallback: { fs: false, path: false, stream: false },
    },
    module: {
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            babelLoader('module'),
            {
              loader: 'ts-loader',
              options: {
                configFile: path.join(ROOT, 'tsconfig.web.json'),
                transpileOnly: true,
                onlyCompileBundledFiles: true,
                compilerOptions: {
                  target: 'ES2017',
                  module: 'ESNext',
                  moduleResolution: 'Bundler',
                  sourceMap: false,
                  declaration: false,
                },
              },
            },
          ],
        },
        // Libraries too: their use of newer built-ins (Array.prototype.flat, Object.fromEntries…) needs the same
        // polyfills. core-js itself and exceljs's prebuilt browser bundle (not in this build) are left alone.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](core-js|exceljs)[\\/]/,
          use: [babelLoader('unambiguous')],
        },
      ],
    },
    plugins: [
      // `hash` adds ?<build hash> to the script URLs: WPS's web view caches add-in files hard.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        templateContent: () =>
          withPolicy(
            fs.readFileSync(path.join(ROOT, 'wps/index.html'), 'utf8'),
            WPS_POLICY,
            'wps/index.html',
          ),
        chunks: ['main'],
        inject: 'body',
        scriptLoading: 'blocking',
        hash: true,
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: paneTemplate(),
        chunks: ['taskpane'],
        inject: 'body',
        scriptLoading: 'blocking',
        hash: true,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'wps/images/*.svg', to: 'images/[name][ext]' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    optimization: { splitChunks: false, minimizer: minimizers() },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function runWebpack(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve(stats);
    });
  });
}

/** Fills `{{name}}`-style slots of a template from wps/publish/. */
function template(file, values) {
  const text = fs.readFileSync(path.join(ROOT, 'wps/publish', file), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key) => (key in values ? values[key] : whole));
}

/** The install and uninstall scripts of the offline package (and oem.ini.example), filled in, by file name. */
function publishScripts(values) {
  const crlf = (text) => text.replace(/\r?\n/g, '\r\n');
  return {
    'install-linux.sh': template('install-linux.sh', values),
    'uninstall-linux.sh': template('uninstall-linux.sh', values),
    // cmd.exe reads batch files line by line in CRLF; their text is ASCII apart from rem lines.
    'install-windows.cmd': crlf(template('install-windows.cmd', values)),
    'uninstall-windows.cmd': crlf(template('uninstall-windows.cmd', values)),
    // Windows PowerShell reads a script without a byte-order mark in the ANSI code page: Chinese text needs the BOM.
    'install-windows.ps1': `\ufeff${crlf(template('install-windows.ps1', values))}`,
    'oem.ini.example': template('oem.ini.example', values),
  };
}

/** Every .js file under a folder. */
function jsFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (e.name.endsWith('.js')) out.push(p);
  }
  return out;
}

/** Fails when a built script is not ES2017 (parsed as a classic script, as index.html and taskpane.html load them). */
function checkEs2017(dir) {
  for (const file of jsFiles(dir)) {
    try {
      acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' });
    } catch (e) {
      throw new Error(`${path.relative(dir, file)} is not ES2017: ${e.message}`);
    }
  }
}

/**
 * The 7za binary of 7zip-bin, made executable (its npm package may lose the execute bit; where the file cannot be
 * changed, a copy in the temp folder is).
 */
function sevenZip() {
  const bin = require('7zip-bin').path7za;
  try {
    fs.accessSync(bin, fs.constants.X_OK);
    return bin;
  } catch {
    try {
      fs.chmodSync(bin, 0o755);
      return bin;
    } catch {
      const copy = path.join(os.tmpdir(), `7za-${process.pid}${path.extname(bin)}`);
      fs.copyFileSync(bin, copy);
      fs.chmodSync(copy, 0o755);
      return copy;
    }
  }
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (NOT_IN_FOLDER.has(e.name) && from !== to) continue;
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

/** Files of a folder as fflate's tree, under a top folder name. */
function zipTree(dir) {
  const tree = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    tree[e.name] = e.isDirectory() ? zipTree(p) : fs.readFileSync(p);
  }
  return tree;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Builds dist-wps/ (or `outDir`) and, unless `pack` is false, the offline package. Returns what was made. */
async function buildWps(options = {}) {
  const name = PKG.name;
  const version = PKG.version;
  const folder = `${name}_${version}`;
  const outDir = path.resolve(ROOT, options.outDir || process.env.WPS_OUT_DIR || 'dist-wps');
  const mode = options.mode || 'production';
  const baseUrl = String(
    options.baseUrl || process.env.WPS_BASE_URL || `http://127.0.0.1:3889/${name}/`,
  ).replace(/\/?$/, '/');
  if (!/^(https?|file):\/\//.test(baseUrl))
    throw new Error(`The base URL must be http(s):// or file://, got ${baseUrl}`);

  await runWebpack(webpackConfig({ outDir, mode }));
  checkEs2017(outDir);
  const values = { name, version, folder, url: baseUrl };
  fs.writeFileSync(path.join(outDir, 'jsplugins.xml'), template('jsplugins.online.xml', values));

  const made = { outDir, folder, version, baseUrl, files: {} };
  if (options.pack !== false) {
    const offline = path.join(outDir, 'offline');
    const staged = path.join(offline, folder);
    copyDir(outDir, staged);
    fs.writeFileSync(path.join(offline, 'jsplugins.xml'), template('jsplugins.offline.xml', values));
    fs.writeFileSync(path.join(offline, 'publish.xml'), template('publish.xml', values));
    const scripts = publishScripts(values);
    for (const [file, text] of Object.entries(scripts))
      fs.writeFileSync(path.join(offline, file), text, { mode: file.endsWith('.sh') ? 0o755 : 0o644 });

    const archive = path.join(offline, `${folder}.7z`);
    fs.rmSync(archive, { force: true });
    const run = spawnSync(sevenZip(), ['a', '-t7z', '-mx=9', '-bd', archive, folder], {
      cwd: offline,
      encoding: 'utf8',
    });
    if (run.status !== 0)
      throw new Error(`7za failed (${run.status}): ${run.stderr || run.stdout || run.error}`);
    const zip = zipSync(
      {
        [folder]: zipTree(staged),
        'publish.xml': fs.readFileSync(path.join(offline, 'publish.xml')),
        ...Object.fromEntries(
          Object.entries(scripts).map(([file, text]) => [
            file,
            file.endsWith('.sh') ? [Buffer.from(text), { os: 3, attrs: 0o755 << 16 }] : Buffer.from(text),
          ]),
        ),
      },
      { level: 9 },
    );
    fs.writeFileSync(path.join(offline, `${folder}.zip`), zip);
    made.files.sevenZip = archive;
    made.files.zip = path.join(offline, `${folder}.zip`);
  }

  const sizes = jsFiles(outDir)
    .filter((f) => !f.includes(`${path.sep}offline${path.sep}`))
    .map((f) => {
      const bytes = fs.readFileSync(f);
      return `  ${path.relative(outDir, f).padEnd(30)} ${kb(bytes.length).padStart(10)}, ${kb(zlib.gzipSync(bytes, { level: 9 }).length).padStart(9)} gzipped`;
    });
  console.log(
    `WPS add-in ${folder} → ${path.relative(ROOT, outDir) || '.'}/ (base URL ${baseUrl}); every script parses as ES2017\n${sizes.join('\n')}`,
  );
  if (made.files.sevenZip)
    console.log(
      `  offline package: ${path.relative(ROOT, made.files.sevenZip)} (${kb(fs.statSync(made.files.sevenZip).size)}), ${path.relative(ROOT, made.files.zip)}`,
    );
  return made;
}

module.exports = { buildWps, paneTemplate, publishScripts, WPS_CHROME };

if (require.main === module) {
  buildWps(parseArgs(process.argv.slice(2))).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
