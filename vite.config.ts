import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { scenarioPlugin } from './src/build/scenario-plugin.ts';

const fromRoot = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// The review page is optional until it is written; the game page is not.
const pages: Record<string, string> = { index: fromRoot('./src/index.html') };
if (existsSync(fromRoot('./src/review.html'))) pages.review = fromRoot('./src/review.html');

export default defineConfig({
  root: 'src',
  // Relative URLs, so dist/ works from any static path (a school server, a subfolder, a USB stick).
  base: './',
  publicDir: false,
  plugins: [scenarioPlugin({ dir: fromRoot('./scenarios') })],
  server: {
    // scenarios/, assets/ and node_modules/ live beside the Vite root, not under it.
    fs: { allow: [fromRoot('.')] },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Phaser alone is about 1.4 MB minified, on purpose in one lazy chunk; warn only beyond it.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: pages,
      output: {
        // Phaser (about 357 KB gzip) in a chunk of its own, loaded behind the first DOM screen.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
