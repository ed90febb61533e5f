// Webpack: the Excel add-in (task pane and ribbon commands) for the browser. `npm run build` writes deploy/ — only
// what the web server needs — and the source maps apart, into deploy-sourcemaps/;
// `npm run dev-server` serves it on https://localhost:3000 (http where no certificate can be installed).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { contentSecurityPolicy, withPolicy } = require('./scripts/csp.cjs');

/** Where the manifest points during development; a production build may replace it (ADDIN_BASE_URL). */
const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
/** The task pane's initial JavaScript must stay at or under this, gzipped. */
const INITIAL_LIMIT_KB = 150;

/** Gzipped size in bytes, at the level servers commonly use. */
function gzipSize(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Prints the gzipped size of each entry's initial JavaScript (what the page loads before it can run) and of the
 * chunks loaded later; fails a production build whose task pane is over the limit.
 */
class InitialSizePlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    // Sizes are taken when the assets are final (before emit, after which webpack keeps only their sizes).
    let sizes = new Map();
    compiler.hooks.thisCompilation.tap('InitialSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InitialSizePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          sizes = new Map();
          for (const [file, source] of Object.entries(assets))
            if (file.endsWith('.js')) sizes.set(file, gzipSize(source.buffer()));
        },
      );
    });
    compiler.hooks.done.tap('InitialSizePlugin', (stats) => {
      const compilation = stats.compilation;
      // Development builds carry eval source maps: their sizes mean nothing.
      if (compilation.errors.length > 0 || !this.options.enforce) return;
      const sizeOf = (file) => sizes.get(file) ?? 0;
      const lines = [];
      const initialFiles = new Set();
      let taskpane = 0;
      for (const [name, entry] of compilation.entrypoints) {
        const files = entry.getFiles().filter((f) => f.endsWith('.js'));
        files.forEach((f) => initialFiles.add(f));
        const total = files.reduce((n, f) => n + sizeOf(f), 0);
        if (name === 'taskpane') taskpane = total;
        lines.push(`  ${name.padEnd(9)} initial JS ${kb(total).padStart(9)} gzipped (${files.join(', ')})`);
      }
      for (const chunk of compilation.chunks) {
        for (const file of chunk.files) {
          if (!file.endsWith('.js') || initialFiles.has(file)) continue;
          lines.push(
            `  lazy      ${String(chunk.name || chunk.id).padEnd(9)} ${kb(sizeOf(file)).padStart(9)} gzipped (${file})`,
          );
        }
      }
      const over = taskpane > INITIAL_LIMIT_KB * 1024;
      const verdict = over
        ? `OVER the ${INITIAL_LIMIT_KB} KB limit`
        : `within the ${INITIAL_LIMIT_KB} KB limit`;
      console.log(
        `\nBundle sizes (gzip -9):\n${lines.join('\n')}\n  task pane initial JS: ${kb(taskpane)} gzipped, ${verdict}\n`,
      );
      if (over && this.options.enforce) {
        compilation.errors.push(
          new Error(
            `The task pane's initial JavaScript is ${kb(taskpane)} gzipped, over ${INITIAL_LIMIT_KB} KB`,
          ),
        );
      }
    });
  }
}

const TASKPANE_TEMPLATE = path.join(__dirname, 'src/taskpane/taskpane.html');
const OFFICE_JS_TAG =
  /\s*<!-- Office\.js from[\s\S]*?-->\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>/;

/** A page template with its Content-Security-Policy filled in (scripts/csp.cjs). */
function page(file, policy) {
  return withPolicy(fs.readFileSync(path.join(__dirname, file), 'utf8'), policy, file);
}

/**
 * The standalone page: the task pane's page without the Office.js tag, for browsers on networks where Microsoft's
 * CDN is blocked (a script tag that hangs until a firewall's timeout would delay the page). Same bundle; its policy
 * allows no script from anywhere else.
 */
function standaloneTemplate(policy) {
  const html = fs.readFileSync(TASKPANE_TEMPLATE, 'utf8');
  if (!OFFICE_JS_TAG.test(html)) throw new Error('taskpane.html: the Office.js script tag was not found');
  return withPolicy(html.replace(OFFICE_JS_TAG, ''), policy, 'standalone.html');
}

/**
 * Moves the source maps out of the served folder once they are written: a production build's maps go to their own
 * folder (kept for reading a stack trace, never deployed), and the scripts name no map.
 */
class SourceMapsApartPlugin {
  constructor(mapsDir) {
    this.mapsDir = mapsDir;
  }

  apply(compiler) {
    // Libraries bundled as they are (exceljs's browser build, chardet) still name maps that are not deployed.
    compiler.hooks.thisCompilation.tap('SourceMapsApartPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SourceMapsApartPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING + 1 },
        (assets) => {
          for (const [file, source] of Object.entries(assets)) {
            if (!file.endsWith('.js')) continue;
            const text = source.source().toString();
            const clean = text.replace(/^\/\/# sourceMappingURL=\S*$/gm, '');
            if (clean !== text) compilation.updateAsset(file, new webpack.sources.RawSource(clean));
          }
        },
      );
    });
    compiler.hooks.afterEmit.tap('SourceMapsApartPlugin', (compilation) => {
      const out = compilation.outputOptions.path;
      fs.rmSync(this.mapsDir, { recursive: true, force: true });
      for (const file of Object.keys(compilation.assets).filter((f) => f.endsWith('.map'))) {
        const to = path.join(this.mapsDir, file);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.renameSync(path.join(out, file), to);
      }
    });
  }
}

/**
 * Minifies our code but not the report writer's chunk: it is mostly exceljs's browser build, already minified, and
 * minifying it again costs a minute per build for a few kilobytes. Falls back to webpack's default minimizer.
 */
function minimizers() {
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [
      new MinimizerPlugin({
        test: /\.js$/,
        exclude: /^exceljs\./,
        minify: MinimizerPlugin.terserMinify,
        minimizerOptions: { compress: { passes: 2 } },
      }),
    ];
  } catch {
    return ['...'];
  }
}

/**
 * HTTPS options for the dev server from office-addin-dev-certs, where its certificates are (or can be) installed
 * without a password prompt: Windows and macOS, or Linux when they are already trusted or sudo needs no password.
 * Anywhere else the server falls back to http and says so.
 */
async function httpsOptions() {
  if (process.env.DRC_DEV_HTTP === '1') return { options: undefined, why: 'DRC_DEV_HTTP=1' };
  let certs;
  try {
    certs = require('office-addin-dev-certs');
  } catch {
    return { options: undefined, why: 'office-addin-dev-certs is not installed' };
  }
  if (process.platform === 'linux') {
    const { execSync } = require('child_process');
    let trusted = false;
    try {
      trusted = require('office-addin-dev-certs/lib/verify').verifyCertificates();
    } catch {
      trusted = false;
    }
    let sudo = false;
    if (!trusted) {
      try {
        execSync('sudo -n true', { stdio: 'ignore' });
        sudo = true;
      } catch {
        sudo = false;
      }
    }
    if (!trusted && !sudo)
      return {
        options: undefined,
        why: 'the development certificate cannot be installed here (no password-less sudo)',
      };
  }
  try {
    return { options: await certs.getHttpsServerOptions() };
  } catch (e) {
    return {
      options: undefined,
      why: `the development certificate could not be installed (${String(e.message || e).split('\n')[0]})`,
    };
  }
}

/** The dev server: the add-in's files from memory, the examples for the standalone page, CORS for Office. */
async function devServer() {
  const https = await httpsOptions();
  if (!https.options) {
    console.log(
      `[dev-server] Serving http://localhost:${DEV_PORT} instead of https: ${https.why}. The standalone page works; ` +
        'Excel only loads add-ins over https (run `npm start` on Windows or a Mac, or install the certificate).',
    );
  }
  return {
    port: DEV_PORT,
    host: 'localhost',
    server: https.options ? { type: 'https', options: https.options } : { type: 'http' },
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: [{ directory: path.join(__dirname, 'examples'), publicPath: '/examples', watch: false }],
    client: { overlay: { errors: true, warnings: false } },
    hot: false,
    liveReload: true,
    open: false,
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  const outDir = path.resolve(env.outDir || path.join(__dirname, 'deploy'));
  const mapsDir = path.resolve(env.mapsDir || `${outDir}-sourcemaps`);
  const officePolicy = contentSecurityPolicy({ office: true, dev });
  const plainPolicy = contentSecurityPolicy({ dev });
  const baseUrl = (env.baseUrl || process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/?$/, '/');
  if (!/^https:\/\//.test(baseUrl))
    throw new Error(`ADDIN_BASE_URL must be an https address, got ${baseUrl}`);

  const config = {
    mode,
    context: __dirname,
    target: ['web', 'es2017'],
    // No eval-based maps in development either: the pages' policy allows no eval.
    devtool: dev ? 'cheap-module-source-map' : 'hidden-source-map',
    entry: {
      taskpane: './src/entries/excel-addin.ts',
      commands: './src/entries/excel-commands.ts',
      // The standalone page's Web Worker; its lazy chunk (the file adapter) is loaded with importScripts.
      'file-worker': { import: './src/entries/file-worker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: outDir,
      publicPath: '',
      // The worker keeps a fixed name: the page starts it by name, with the build's hash as a query.
      filename: (data) =>
        dev || data.chunk?.name === 'file-worker' ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      fallback: { fs: false, path: false, stream: false },
    },
    module: {
      // exceljs's browser build is already bundled and minified: parse it as is.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            configFile: path.join(__dirname, 'tsconfig.web.json'),
            transpileOnly: true,
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: () => page('src/taskpane/taskpane.html', officePolicy),
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        templateContent: () => standaloneTemplate(plainPolicy),
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        templateContent: () => page('src/entries/excel-commands.html', officePolicy),
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        templateContent: () => page('src/taskpane/help.html', plainPolicy),
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/legacy-webview.js', to: 'legacy-webview.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
          },
        ],
      }),
      new InitialSizePlugin({ enforce: !dev }),
      ...(dev ? [] : [new SourceMapsApartPlugin(mapsDir)]),
    ],
    // Lazy chunks: the file adapter (CSV reading, marked copies), loaded only for a CSV or a marked copy; exceljs, only
    // to download a generated report; the report sections.
    optimization: { splitChunks: false, minimizer: minimizers() },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  if (env.WEBPACK_SERVE) config.devServer = await devServer();
  return config;
};

module.exports.DEV_PORT = DEV_PORT;
