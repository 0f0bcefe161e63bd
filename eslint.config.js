// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules (see docs/architecture.md): imports flow renderer → shared, electron/* → shared,
 * server → shared, electron/main → electron/host. These are enforced here, not by convention;
 * tests/lint/layers.test.ts proves a violation fails the lint run.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'ws', 'pg', 'fastify', 'electron', 'electron-updater', 'tsx'];

/** @param {string} text */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One no-restricted-imports rule per layer: exact package names (and their subpaths) plus
 * relative paths into forbidden rooms.
 * @param {{ packages?: string[], packagesWhy?: string, rooms?: string[], roomsWhy?: string }} layer
 */
const restrict = ({ packages = [], packagesWhy = '', rooms = [], roomsWhy = '' }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: packages.map((name) => ({ name, message: packagesWhy })),
      patterns: [
        // Subpaths too: 'electron/main', 'libphonenumber-js/max'-style imports of a forbidden package.
        ...packages.map((name) => ({ regex: `^${escapeRegex(name)}/`, message: packagesWhy })),
        ...rooms.map((room) => ({ regex: `^(\\.\\.?/)+(.*/)?${room}(/|$)`, message: roomsWhy })),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '.data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // First config that includes a file wins: the renderer is checked against the browser config.
        project: ['./tsconfig.web.json', './tsconfig.webtest.json', './tsconfig.json', './tests/rigs/customer-phone/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parserOptions (project: false): plain JS is in no tsconfig.
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['shared/**'],
    rules: restrict({
      packages: [...nodeBuiltins, ...nodeOnlyPackages, 'react', 'react-dom', 'sip.js'],
      packagesWhy: 'shared/ is pure TypeScript: no Node, DOM or Electron imports.',
      rooms: ['electron', 'renderer', 'server'],
      roomsWhy: 'shared/ must not import from other layers.',
    }),
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        packages: [...nodeBuiltins, ...nodeOnlyPackages],
        packagesWhy: 'The renderer reaches the host only through the API contract (renderer/api).',
        rooms: ['electron', 'server'],
        roomsWhy: 'The renderer reaches the host only through the API contract (renderer/api).',
      }),
    },
  },
  {
    files: ['electron/host/**'],
    rules: restrict({
      packages: ['electron', 'electron-updater'],
      packagesWhy: 'electron/host runs in plain Node too: only electron/main imports electron.',
      rooms: ['renderer', 'server', 'main', 'preload'],
      roomsWhy: 'electron/host imports shared/ only (and its own files).',
    }),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict({
      packages: [...nodeBuiltins, 'better-sqlite3', 'ws'],
      packagesWhy: 'The preload is a narrow bridge: contextBridge + ipcRenderer only.',
      rooms: ['renderer', 'server', 'host', 'main'],
      roomsWhy: 'The preload imports shared/ only.',
    }),
  },
  {
    files: ['electron/main/**'],
    rules: restrict({ rooms: ['renderer', 'server'], roomsWhy: 'electron/main may import electron/host and shared/ only.' }),
  },
  {
    files: ['server/**'],
    rules: restrict({
      packages: ['electron', 'electron-updater', 'react', 'react-dom', 'sip.js'],
      packagesWhy: 'server/ imports shared/ only.',
      rooms: ['electron', 'renderer'],
      roomsWhy: 'server/ imports shared/ only.',
    }),
  },
  {
    files: ['electron/**', 'server/**', 'scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
);
