/**
 * Serves the built site (dist/) the way a school server or a static host would: Vite's
 * programmatic `preview()`, on a free port of 127.0.0.1, with no SPA fallback (a missing file is
 * a 404, not index.html) and under a sub-path, so the test fails if the build is not relocatable
 * (`base: './'`).
 *
 * `npm run test:e2e` builds first. When dist/ is missing or older than the sources (someone ran
 * `vitest --project e2e` alone after an edit), it is rebuilt here with the same two builds as
 * `npm run build` (the site, then the one-file copy), so the tests never pass or fail against a
 * stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { OFFLINE_FILE, SINGLE_FILE_MODE } from '../../src/build/single-file.ts';
import { PROJECT_ROOT } from './browser.ts';

export const DIST = join(PROJECT_ROOT, 'dist');
/** Not '/': the built site must work from any folder of a static server. */
const SUB_PATH = '/circular-938/';

/** What the build reads; dist/ is stale when any of it is newer than dist/index.html. */
const BUILD_INPUTS = ['src', 'scenarios', 'assets', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The one-file copy of the game that `npm run build` writes beside the site. */
export const OFFLINE_PATH = join(DIST, OFFLINE_FILE);

/** What the two builds of `npm run build` write, each checked for being there and fresh. */
const BUILDS = [
  { args: ['build'], output: join(DIST, 'index.html') },
  { args: ['build', '--mode', SINGLE_FILE_MODE], output: OFFLINE_PATH },
];

/** Builds dist/ as `npm run build` does unless everything it writes is present and newer than every build input. */
export function ensureBuilt(): void {
  const built = Math.min(...BUILDS.map((b) => (existsSync(b.output) ? statSync(b.output).mtimeMs : 0)));
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(PROJECT_ROOT, p))));
  if (built > sources) return;
  const why = built === 0 ? 'dist/ lacks the site or the one-file copy' : 'dist/ is older than the sources';
  for (const { args, output } of BUILDS) {
    process.stdout.write(`[e2e] ${why}: running vite ${args.join(' ')}…\n`);
    const result = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'vite'), [...args, '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      // Vitest sets NODE_ENV=test, and a Vite build run with it is not a production build
      // (import.meta.env.PROD is false): build as `npm run build` does.
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.status !== 0 || !existsSync(output)) {
      throw new Error(
        `vite ${args.join(' ')} failed (exit ${String(result.status)}${result.error ? `, ${result.error.message}` : ''}); the end-to-end tests need the built site.\n` +
          `${result.stdout}\n${result.stderr}`,
      );
    }
  }
}

export interface Site {
  /** The URL of the game's first page, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ (building it first if needed). Close it in afterAll. */
export async function serveSite(): Promise<Site> {
  ensureBuilt();
  const server: PreviewServer = await preview({
    configFile: false,
    root: PROJECT_ROOT,
    base: SUB_PATH,
    appType: 'mpa',
    logLevel: 'silent',
    clearScreen: false,
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not listen on a TCP port (address: ${String(address)})`);
  }
  return {
    url: `http://127.0.0.1:${address.port}${SUB_PATH}`,
    close: () => server.close(),
  };
}

/**
 * The front chunk of a post (what its title shows), as the built page's head names it:
 * `assets/<id>-<hash>.js`; null for the first post from the west, whose front is in the first
 * screen's own chunk.
 */
export function frontFile(id: string): string | null {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const table = /var urls = (\{[^}]*\});/.exec(html)?.[1];
  if (!table) throw new Error('dist/index.html has no table of the posts\' fronts');
  const url = (JSON.parse(table) as Record<string, string>)[id];
  return url === undefined ? null : url.replace(/^\.\/assets\//, '');
}

/** The post whose content chunk (`assets/<id>-<hash>.js`, not its front) a request path is, or null. */
export function contentChunkOf(path: string): string | null {
  const m = /\/assets\/([a-z]+)-[\w-]{8}\.js$/.exec(path);
  const id = m?.[1];
  if (id === undefined || !existsSync(join(PROJECT_ROOT, 'scenarios', `${id}.yaml`))) return null;
  const front = frontFile(id);
  return front !== null && path.endsWith(`/assets/${front}`) ? null : id;
}
