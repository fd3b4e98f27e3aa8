/**
 * What the bench loads in the browser: the game as `vite build` made it (dist/) and a bare Phaser
 * page (tests/bench/baseline/) built here with the game's own Vite settings into a temporary folder,
 * both served from one HTTP server on 127.0.0.1 that compresses like a real static host.
 *
 * The server gzips (level 6, as most hosts do) every text response: HTML, JavaScript, CSS, JSON,
 * SVG. Fonts (woff2), sound and images go as they are, since they are compressed already. So the
 * bytes the browser reports as transferred (Resource Timing's `encodedBodySize`) are what a school
 * network would carry.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type ConfigEnv, type InlineConfig, type UserConfig, type UserConfigExport } from 'vite';
import gameConfig from '../../vite.config.ts';
import { PROJECT_ROOT } from '../e2e/browser.ts';
import { DIST, ensureBuilt } from '../e2e/server.ts';

const BASELINE_SOURCE = join(PROJECT_ROOT, 'tests', 'bench', 'baseline');

const TYPES: Readonly<Record<string, { type: string; gzip: boolean }>> = {
  '.html': { type: 'text/html; charset=utf-8', gzip: true },
  '.js': { type: 'text/javascript; charset=utf-8', gzip: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', gzip: true },
  '.css': { type: 'text/css; charset=utf-8', gzip: true },
  '.json': { type: 'application/json', gzip: true },
  '.webmanifest': { type: 'application/manifest+json', gzip: true },
  '.svg': { type: 'image/svg+xml', gzip: true },
  '.txt': { type: 'text/plain; charset=utf-8', gzip: true },
  '.woff2': { type: 'font/woff2', gzip: false },
  '.woff': { type: 'font/woff', gzip: false },
  '.png': { type: 'image/png', gzip: false },
  '.wav': { type: 'audio/wav', gzip: false },
  '.ogg': { type: 'audio/ogg', gzip: false },
  '.opus': { type: 'audio/ogg', gzip: false },
  '.webm': { type: 'audio/webm', gzip: false },
  '.mp3': { type: 'audio/mpeg', gzip: false },
};

/** How the server encodes responses, for the bench's output. */
export const COMPRESSION = 'gzip level 6 for html, js, css, json, svg (as a static host does); fonts, sound and images as they are';

/**
 * The game's Vite settings for another page: the same base, build options and chunking (Phaser in
 * its own chunk), with the page's own root, input and a temporary output folder. The game's plugins
 * (its content, its offline build) are about the game and are left out.
 */
export async function baselineConfig(outDir: string): Promise<InlineConfig> {
  const game = await siteConfig();
  const rolldownOptions = { ...game.build?.rolldownOptions, input: { index: join(BASELINE_SOURCE, 'index.html') } };
  return {
    configFile: false,
    root: BASELINE_SOURCE,
    base: game.base ?? './',
    publicDir: false,
    logLevel: 'warn',
    build: { ...game.build, outDir, emptyOutDir: true, rolldownOptions },
  };
}

/**
 * The game's own config as `vite build` resolves it (vite.config.ts exports a function of the mode:
 * the site, or the one-file copy), for the site's build.
 */
export async function siteConfig(): Promise<UserConfig> {
  const exported = gameConfig as UserConfigExport;
  const env: ConfigEnv = { command: 'build', mode: 'production', isSsrBuild: false, isPreview: false };
  return typeof exported === 'function' ? await exported(env) : await exported;
}

export interface BenchSites {
  /** The game's first page, ending in '/'. */
  game: string;
  /** The baseline page, ending in '/'. */
  baseline: string;
  close(): Promise<void>;
}

type Roots = Readonly<Record<string, string>>;

async function respond(roots: Roots, request: IncomingMessage, response: ServerResponse, cache: Map<string, Buffer>): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const [, site = '', ...rest] = url.pathname.split('/');
  const root = Object.hasOwn(roots, site) ? roots[site] : undefined;
  const relative = decodeURIComponent(rest.join('/')) || 'index.html';
  const file = root === undefined ? null : normalize(join(root, relative));
  if (root === undefined || file === null || !file.startsWith(root + sep) || !(await stat(file).catch(() => null))?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const kind = TYPES[extname(file)] ?? { type: 'application/octet-stream', gzip: false };
  const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  let body: Buffer = await readFile(file);
  const headers: Record<string, string> = { 'content-type': kind.type, 'cache-control': 'no-store' };
  if (kind.gzip && accepts) {
    const known = cache.get(file);
    body = known ?? gzipSync(body, { level: 6 });
    cache.set(file, body);
    headers['content-encoding'] = 'gzip';
    headers.vary = 'accept-encoding';
  }
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Builds the baseline (the game is built by `npm run bench` before this runs, or here when dist/
 * is stale) and serves both. Close it when done: that also removes the baseline's build.
 */
export async function serveBenchSites(): Promise<BenchSites> {
  ensureBuilt();
  const out = await mkdtemp(join(tmpdir(), 'circular938-baseline-'));
  try {
    await build(await baselineConfig(out));
  } catch (e) {
    await rm(out, { recursive: true, force: true });
    throw e;
  }
  const roots: Roots = { game: DIST, baseline: out };
  const cache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    respond(roots, request, response, cache).catch((e: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the bench server did not listen on a TCP port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    game: `${origin}/game/`,
    baseline: `${origin}/baseline/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
