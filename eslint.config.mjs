// ESLint flat config: typescript-eslint recommended, plus the line that keeps the engine host-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostModules = [
  'exceljs',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'iconv-lite',
  'chardet',
  'papaparse',
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-wps/', 'out/', 'coverage/', 'node_modules/', 'examples/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // core, rules, schemas and features never import a host, Node or exceljs (see STYLE.md).
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts', 'src/schemas/**/*.ts', 'src/features/**/*.ts'],
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
            {
              group: [
                '**/hosts/xlsx/**',
                '**/hosts/excel/**',
                '**/hosts/wps/**',
                '**/cli/**',
                '**/taskpane/**',
              ],
              message: 'The engine must not depend on adapters.',
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
