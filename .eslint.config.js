// Lint rules, including the layer rules of design.md §7: core is pure, Phaser stays in src/game,
// howler in src/audio.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const purity = 'src/core is pure: no Phaser, howler, zustand, DOM, storage, Node I/O, wall time or Math.random.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM with src/ui/dom.ts, never from HTML strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM with src/ui/dom.ts, never from HTML strings.' },
      ],
    },
  },
  // Outer layers: Phaser only in src/game, howler only in src/audio/audio.ts. Core's block below
  // comes last because a later block's rule replaces an earlier one's.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['phaser', 'phaser/*'], message: 'Only src/game imports Phaser (the entry loads it dynamically).' },
        { group: ['howler'], message: 'src/audio/audio.ts is the only file that imports howler.' },
      ] }],
    },
  },
  {
    files: ['src/game/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['howler'], message: 'src/audio/audio.ts is the only file that imports howler.' }] }],
    },
  },
  {
    files: ['src/audio/audio.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['phaser', 'phaser/*'], message: 'Only src/game imports Phaser.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*', 'howler', 'zustand', 'zustand/*'], message: purity },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: purity },
            // `./review/**` is the core's own review model (src/core/review, from src/core/index.ts), not the page.
            { group: ['**/store/**', '**/game/**', '**/ui/**', '**/audio/**', '**/review/**', '!./review/**'], message: 'Dependencies point one way: core imports no outer layer.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'fetch', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame'].map((name) => ({ name, message: purity })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: purity },
        { object: 'Date', property: 'now', message: purity },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: purity },
        { selector: "CallExpression[callee.name='Date']", message: purity },
      ],
    },
  },
);
