import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './src/build/scenario-plugin.ts';
import { scormPackagePlugin } from './src/build/scorm-package.ts';
import { serviceWorkerPlugin } from './src/build/service-worker.ts';
import { firstScreen } from './src/build/first-screen.ts';
import { mapLandPlugin } from './src/build/map-land.ts';
import { SINGLE_FILE_MODE, singleFileConfig } from './src/build/single-file.ts';

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// The review page is optional until it is written; the game page is not.
const pages: Record<string, string> = { index: fromRoot('./src/index.html') };
if (existsSync(fromRoot('./src/review.html'))) pages.review = fromRoot('./src/review.html');
pages.guide = fromRoot('./src/guide.html');

const scenarios = scenarioPlugin({ dir: fromRoot('./scenarios') });
// What the first screen must not carry (src/build/first-screen.ts stops the build if it does): it is
// drawn from the chosen post's front alone, and everything else loads behind it.
const first = firstScreen(
  fromRoot('./src/main.ts'),
  [
    { test: /[\\/]node_modules[\\/]/, what: 'a library (they load with the game behind the title)' },
    { test: /[\\/]scenarios[\\/][^\\/]+\.yaml$/, what: "a post's whole content (only its front, `?front`)" },
    // The clock's formatting and the log's constants (a few lines each) are the title's too.
    {
      test: /[\\/]src[\\/]core[\\/](engine[\\/](?!clock\.ts$)|log[\\/](?!format\.ts$)|verdict[\\/]|rubric[\\/]|replay[\\/]|scenario[\\/](load|parse|schema|schema-issues|issues|check|check-graph)\.ts$)/,
      what: 'the scenario loader, the engine, the verdicts or the log',
    },
    { test: /[\\/]src[\\/](game[\\/]|boot-game\.ts|store[\\/]game-store\.ts|ui[\\/]overlay)/, what: 'the game behind the title' },
  ],
  fromRoot('.'),
);

const site = defineConfig({
  root: 'src',
  // Relative URLs, so dist/ works from any static path (a school server, a subfolder, a USB stick).
  base: './',
  publicDir: false,
  plugins: [
    scenarios,
    mapLandPlugin(),
    first.plugin,
    serviceWorkerPlugin(),
    // The whole built site again as a SCORM 1.2 package for a school's LMS (dist/circular938-scorm.zip).
    scormPackagePlugin({ fileName: 'circular938-scorm.zip', identifier: 'circular938', title: 'Circular 938' }),
  ],
  server: {
    // scenarios/, assets/ and node_modules/ live beside the Vite root, not under it.
    fs: { allow: [fromRoot('.')] },
  },
  // Vitest reads this file too. Its projects set their own root: the Vite root is src/, the tests are in tests/.
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: fromRoot('.'),
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/store/**/*.test.ts', 'tests/scenarios/**/*.test.ts', 'tests/ui/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/guide/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/lms/**/*.test.ts', 'tests/game/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          root: fromRoot('.'),
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Phaser alone is about 1.4 MB minified, on purpose in one lazy chunk; warn only beyond it.
    chunkSizeWarningLimit: 1500,
    // Browsers without modulepreload (older Safari) only fetch a little later: not worth a script of its own before the first screen.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: pages,
      // The report of slow plugin callbacks names the offline plugin writing its service worker (about 2 s), every build.
      checks: { pluginTimings: false },
      onwarn(warning, warn) {
        // Meant: the first post's front comes in the first screen's chunk (virtual:first-front), and posts.ts's
        // table of fronts still lists it for any other page that asks; every other post's front is a chunk of its own.
        if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && warning.message.includes('?front')) return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            // Phaser (about 357 KB gzip) in a chunk of its own, loaded behind the first DOM screen.
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/, priority: 2 },
            // The game page's first screen in one chunk beside its entry (src/build/first-screen.ts).
            { name: 'first', test: first.test, priority: 1 },
          ],
        },
      },
    },
  },
});

// `vite build` makes the site; `vite build --mode single-file` then adds dist/circular938-offline.html,
// the whole game in one file for opening from disk (src/build/single-file.ts). `npm run build` runs both.
export default defineConfig(({ mode }) => (mode === SINGLE_FILE_MODE ? singleFileConfig(site, { page: fromRoot('./src/index.html'), plugins: [scenarios, mapLandPlugin()] }) : site));
