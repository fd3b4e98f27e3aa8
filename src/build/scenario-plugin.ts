/**
 * Vite plugin: `import x from '…/scenarios/mexico.yaml'` yields the checked scenario
 * (`LoadedScenario`: scenario, hash, file), and a file of `scenarios/shared/` yields the parsed
 * cable or glossary, chosen by its `format` field; `…/mexico.yaml?summary` yields only what the
 * post chooser shows (`PostSummary`: id, title, post, deadline, worlds), so the first screen can list
 * every post without carrying any post's content; `…/mexico.yaml?front` yields what the title screen
 * shows of that post (`PostFront`), a few hundred bytes that the page fetches before the post's
 * content. A file with any issue fails the import with
 * every issue listed, so `vite build` stops and `vite dev` shows them in its error overlay.
 * Build time only (Node): the game never parses YAML in the browser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatIssue, type ScenarioIssue } from '../core/scenario/issues.ts';
import { loadScenario } from '../core/scenario/load.ts';
import { parseShared } from '../core/scenario/parse.ts';
import { frontOf } from '../core/scenario/front.ts';
import { westToEast } from '../core/scenario/order.ts';
import type { LoadedScenario } from '../core/scenario/load.ts';

export interface ScenarioPluginOptions {
  /** Absolute path of the scenarios folder; issues name files relative to its parent. */
  dir: string;
}

/** Thrown when a scenario or shared file has issues; the message lists every one. */
export class ScenarioFileError extends Error {
  override readonly name = 'ScenarioFileError';
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: readonly ScenarioIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${file}: ${count}\n${issues.map(formatIssue).join('\n')}`);
    this.issues = issues;
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The module's value, or a ScenarioFileError. */
async function moduleValue(dir: string, file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  const name = path.relative(path.dirname(dir), file).split(path.sep).join('/');
  if (isInside(path.join(dir, 'shared'), file)) {
    const shared = parseShared(text, name);
    if (!shared.ok) throw new ScenarioFileError(name, shared.issues);
    return shared.kind === 'cable' ? shared.cable : shared.kind === 'glossary' ? shared.glossary : shared.washington;
  }
  const result = await loadScenario(text, name);
  if (!result.ok) throw new ScenarioFileError(name, result.issues);
  // Washington's side is written once for every post; each post's module carries it beside the
  // scenario (not inside it: the scenario's hash, which logs name, covers the post's own file only).
  const table = await readShared(dir, path.join(dir, 'shared', 'washington.yaml'));
  const hemisphere = table.kind === 'washington' ? table.washington.hemisphere : undefined;
  return hemisphere ? { ...result.loaded, hemisphere } : result.loaded;
}

async function readShared(dir: string, file: string): Promise<Exclude<ReturnType<typeof parseShared>, { ok: false }>> {
  const name = path.relative(path.dirname(dir), file).split(path.sep).join('/');
  const shared = parseShared(await readFile(file, 'utf8'), name);
  if (!shared.ok) throw new ScenarioFileError(name, shared.issues);
  return shared;
}

/** What the post chooser needs of a scenario, and no more. */
export interface PostSummary {
  id: string;
  version: number;
  title: string;
  post: { country: string; city: string; utcOffsetMinutes: number; lat?: number; lon?: number };
  deadline: string;
  variants: Record<string, { label: string }>;
}

function summaryOf(loaded: { scenario: { id: string; version: number; title: string; post: Record<string, unknown>; clock: { deadline: string }; variants: Record<string, { label: string }> } }): PostSummary {
  const { id, version, title, post, clock, variants } = loaded.scenario;
  const place = post as { country: string; city: string; utcOffsetMinutes: number; lat?: number; lon?: number };
  return {
    id,
    version,
    title,
    post: {
      country: place.country,
      city: place.city,
      utcOffsetMinutes: place.utcOffsetMinutes,
      ...(place.lat === undefined ? {} : { lat: place.lat }),
      ...(place.lon === undefined ? {} : { lon: place.lon }),
    },
    deadline: clock.deadline,
    variants: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, { label: v.label }])),
  };
}

/**
 * What the game's page puts first in its head to start fetching the front of the post it will open
 * while its own scripts arrive, instead of after they have run. The front of the first post from the
 * west (the one a page opens without a link or a remembered post, as src/posts.ts orders them) comes
 * in the first screen's chunk (`virtual:first-front`); for another post, a classic script adds a
 * `modulepreload` link: for the link's `?post=`, or for the post remembered under
 * `circular938.post`. It runs as a task of its own, so the parser goes on to ask for the page's
 * scripts and styles first: the first read of localStorage waits on the browser (10 to 25 ms on a
 * slow laptop) and is better spent while they arrive. It only adds a link for a post it is sure of;
 * the page loads the front as before. The post's content is fetched once the title is on screen.
 */
function preloadTags(posts: readonly { id: string; url: string }[]): string {
  // Only posts whose front is a chunk of its own: the first post's is in the first screen's chunk.
  const urls = Object.fromEntries(posts.map((p) => [p.id, p.url]));
  return `<script>setTimeout(function () {
  var urls = ${JSON.stringify(urls)};
  var id = new URLSearchParams(location.search).get('post');
  if (id !== null && id !== '' && !Object.prototype.hasOwnProperty.call(urls, id)) return;
  if (id === null || id === '') { try { id = localStorage.getItem('circular938.post'); } catch (e) { id = null; } }
  if (id === null || !Object.prototype.hasOwnProperty.call(urls, id) || new URLSearchParams(location.search).has('watch')) return;
  var link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = urls[id];
  document.head.appendChild(link);
}, 0);</script>`;
}

/**
 * `import first, { id } from 'virtual:first-front'`: the front of the post a page opens without a
 * link or a remembered post (the first from the west), in the first screen's own chunk, so that the
 * usual first visit draws its title without waiting on another module (a wait in which the browser
 * paints the loading line first).
 */
export const FIRST_FRONT = 'virtual:first-front';

/** The plugin; register it once in vite.config.ts. */
export function scenarioPlugin(options: ScenarioPluginOptions): Plugin {
  const dir = path.resolve(options.dir);
  // What each post file's summary said, and the module id of its front, for the game page's preload script.
  const summaries = new Map<string, PostSummary>();
  const fronts = new Map<string, string>();
  return {
    name: 'circular938:scenarios',
    enforce: 'pre',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return undefined;
        const posts: { id: string; url: string }[] = [];
        for (const chunk of Object.values(ctx.bundle)) {
          const module = chunk.type === 'chunk' ? chunk.facadeModuleId : null;
          const file = module ? fronts.get(module) : undefined;
          const summary = file ? summaries.get(file) : undefined;
          if (chunk.type === 'chunk' && summary) posts.push({ id: summary.id, url: `./${chunk.fileName}` });
        }
        if (posts.length === 0) return undefined;
        // Right after the charset, before any stylesheet: an inline script after one waits for it to load.
        const charset = /<meta charset="utf-8" \/>/i;
        if (!charset.test(html)) throw new Error(`${ctx.filename}: the page has no <meta charset="utf-8" /> to put the preload script after`);
        return html.replace(charset, (m) => `${m}\n    ${preloadTags(posts)}`);
      },
    },
    resolveId: (id) => (id === FIRST_FRONT ? `\0${FIRST_FRONT}` : null),
    async load(id) {
      if (id === `\0${FIRST_FRONT}`) {
        // The first post from the west, as src/posts.ts orders them: its front, and its id.
        const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
        const all = await Promise.all(files.map(async (file) => ({ file, summary: summaryOf((await moduleValue(dir, file)) as Parameters<typeof summaryOf>[0]) })));
        const first = all.sort((a, b) => westToEast(a.summary, b.summary))[0];
        if (!first) throw new Error(`${dir}: no post to open first`);
        return `export { default } from ${JSON.stringify(`${first.file}?front`)};\nexport const id = ${JSON.stringify(first.summary.id)};\n`;
      }
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.yaml') || !isInside(dir, file)) return null;
      // scenarios/ is outside the Vite root, so dev mode would not reload on an edit otherwise.
      this.addWatchFile(file);
      if (!isInside(path.join(dir, 'shared'), file)) this.addWatchFile(path.join(dir, 'shared', 'washington.yaml'));
      const value = await moduleValue(dir, file);
      const post = !isInside(path.join(dir, 'shared'), file);
      const summary = post && id.includes('?summary');
      const front = post && id.includes('?front');
      const exported = summary ? summaryOf(value as Parameters<typeof summaryOf>[0]) : front ? frontOf((value as LoadedScenario).scenario) : value;
      if (post) summaries.set(file, summaryOf(value as Parameters<typeof summaryOf>[0]));
      if (front) fronts.set(id, file);
      // As a JSON text given to JSON.parse: engines read a large literal that way several times
      // faster than the same data as a JavaScript object literal, which counts on a slow machine.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(exported))});\n`, moduleType: 'js', map: null };
    },
  };
}
