import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';

const ROOT = join(__dirname, '..', '..', '..');

/** The project's webpack config function (webpack.config.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<Configuration>;

/** Where the office.js stand-in is built for an add-in built into `outDir`. */
export function stubDir(outDir: string): string {
  return `${outDir}-e2e-stub`;
}

/** The office.js stand-in of the hosted test: the fake Excel behind Office.onReady and Excel.run. */
function stubConfig(outDir: string): Configuration {
  return {
    mode: 'development',
    context: ROOT,
    target: ['web', 'es2017'],
    devtool: false,
    entry: { 'office-stub': './test/e2e/stub/office-stub.ts' },
    // Beside the built add-in, not in it: the add-in's build empties its own folder.
    output: { path: stubDir(outDir), filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            configFile: join(ROOT, 'tsconfig.web.json'),
            transpileOnly: true,
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
    stats: 'errors-only',
  };
}

function run(compiler: webpack.MultiCompiler): Promise<webpack.MultiStats> {
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats?.toString('errors-only') ?? 'webpack failed'));
      else resolve(stats);
    }),
  );
}

/**
 * Builds the add-in as `npm run build` does (production) into a fresh temporary folder, plus the office.js stub.
 * `DRC_E2E_DIST` names an already built folder to use instead (the stub is then built beside it).
 */
export async function buildForTests(): Promise<{ dir: string; stats: Stats[] }> {
  const prebuilt = process.env.DRC_E2E_DIST;
  const dir = prebuilt ?? mkdtempSync(join(tmpdir(), 'drc-e2e-'));
  const configs: Configuration[] = [stubConfig(dir)];
  if (!prebuilt) configs.unshift(await makeConfig({ outDir: dir }, { mode: 'production' }));
  const stats = await run(webpack(configs));
  return { dir, stats: stats.stats };
}
