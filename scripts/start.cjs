// `npm start` / `npm stop` for the Excel add-in.
// start: on Windows and macOS with office-addin-debugging installed, sideloads manifest.xml into desktop Excel and
//        starts the dev server (as every Office add-in project does). Anywhere else — Linux, or where the optional
//        office-addin-debugging could not be installed — serves the standalone page and prints its address.
// stop:  unloads the add-in (office-addin-debugging stop) and ends a dev server this script started.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PID_FILE = path.join(os.tmpdir(), 'double-random-checklist-dev-server.pid');

/** The office-addin-debugging command-line script, or undefined when the optional package is absent. */
function debuggingCli() {
  try {
    const pkgFile = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    const bin =
      typeof pkg.bin === 'string'
        ? pkg.bin
        : pkg.bin && (pkg.bin['office-addin-debugging'] || Object.values(pkg.bin)[0]);
    return bin ? path.join(path.dirname(pkgFile), bin) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs office-addin-debugging with arguments; resolves to its exit code. */
function runDebugging(cli, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

/** Serves the add-in with webpack-dev-server in this process and prints the standalone page's address. */
async function serveStandalone(reason) {
  console.log(`[start] ${reason}`);
  console.log(
    '[start] Serving the standalone page instead: the same pane, validating a chosen .xlsx or .csv in the browser.',
  );
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const devServer = config.devServer;
  delete config.devServer;
  const server = new WebpackDevServer(devServer, webpack(config));
  try {
    await server.start();
  } catch (e) {
    console.error(`[start] The dev server could not start on port ${devServer.port}: ${e.message}`);
    console.error('[start] Is another `npm start` running? `npm stop` ends it.');
    process.exit(1);
  }
  fs.writeFileSync(PID_FILE, String(process.pid));
  const scheme = devServer.server.type === 'https' ? 'https' : 'http';
  const base = `${scheme}://localhost:${devServer.port}`;
  console.log('');
  console.log(`  独立模式 / Standalone page:  ${base}/standalone.html`);
  console.log(`  Task pane page (for Excel):  ${base}/taskpane.html`);
  console.log(`  Example files to try:        ${path.join(ROOT, 'examples')}`);
  console.log('  Ctrl+C or `npm stop` ends the server.');
  console.log('');
  const stop = async () => {
    try {
      fs.unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function start() {
  const cli = debuggingCli();
  const desktop = process.platform === 'win32' || process.platform === 'darwin';
  if (desktop && cli) {
    process.exitCode = await runDebugging(cli, ['start', MANIFEST, ...process.argv.slice(3)]);
    return;
  }
  const reason = !desktop
    ? `Desktop Excel cannot be sideloaded on ${process.platform} (office-addin-debugging supports Windows and macOS).`
    : 'office-addin-debugging is not installed (it is optional: its keytar dependency may fail to build).';
  await serveStandalone(reason);
}

async function stop() {
  const cli = debuggingCli();
  if (cli && (process.platform === 'win32' || process.platform === 'darwin')) {
    process.exitCode = await runDebugging(cli, ['stop', MANIFEST]);
  }
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
  } catch {
    pid = undefined;
  }
  if (!pid) {
    if (!cli) console.log('[stop] No dev server started by `npm start` is running.');
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`[stop] Ended the dev server (process ${pid}).`);
  } catch {
    console.log('[stop] The dev server had already ended.');
  }
  try {
    fs.unlinkSync(PID_FILE);
  } catch {
    // already gone
  }
}

(process.argv[2] === 'stop' ? stop() : start()).catch((e) => {
  console.error(e);
  process.exit(1);
});
