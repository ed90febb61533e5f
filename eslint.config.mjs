// ESLint flat config: typescript-eslint recommended, the layers (eslint-plugin-boundaries) and the line that keeps the
// engine host-free. ARCHITECTURE.md draws the layers.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const hostModules = ['exceljs', 'node:*', 'fs', 'path', 'os', 'child_process', 'chardet', 'papaparse'];

/**
 * The layers, innermost first: each may import only itself and the layers listed for it. Entries are the only
 * wiring of a host to the app; adapters (hosts) import no app and no pane.
 */
export const LAYERS = [
  { type: 'core', pattern: 'src/core', allow: [] },
  { type: 'rules', pattern: 'src/rules', allow: ['core'] },
  { type: 'schemas', pattern: 'src/schemas', allow: ['core', 'rules'] },
  { type: 'features', pattern: 'src/features', allow: ['core', 'rules', 'schemas'] },
  { type: 'app', pattern: 'src/app', allow: ['core', 'rules', 'schemas', 'features'] },
  { type: 'hosts', pattern: 'src/hosts', allow: ['core', 'rules', 'schemas', 'features'] },
  { type: 'views', pattern: 'src/taskpane', allow: ['core', 'rules', 'schemas', 'features', 'app'] },
  { type: 'cli', pattern: 'src/cli', allow: ['core', 'rules', 'schemas', 'features', 'app', 'hosts'] },
  {
    type: 'entries',
    pattern: 'src/entries',
    allow: ['core', 'rules', 'schemas', 'features', 'app', 'hosts', 'views', 'cli'],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-wps/',
      'deploy/',
      'deploy-sourcemaps/',
      'out/',
      'coverage/',
      'node_modules/',
      'examples/',
      '.bench/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-checked rules: a promise nobody awaits or handles hides a failure (a ribbon command that fails silently).
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // core, rules, schemas, features and the app never import a host, Node or exceljs (see STYLE.md); which of our
    // own layers each may import is the boundaries block below.
    files: [
      'src/core/**/*.ts',
      'src/rules/**/*.ts',
      'src/schemas/**/*.ts',
      'src/features/**/*.ts',
      'src/app/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: hostModules,
              message: 'The engine is host-free: no Node, exceljs or file libraries here.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'Office',
        'Excel',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map(({ type, pattern }) => ({ type, pattern })),
      'boundaries/include': ['src/**/*.ts'],
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: LAYERS.map(({ type, allow }) => ({
            from: { element: { type } },
            allow: { to: { element: { types: { anyOf: [type, ...allow] } } } },
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'bin/*.js', 'jest.config.js', 'webpack.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
