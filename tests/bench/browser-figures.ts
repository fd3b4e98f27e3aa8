/**
 * The bench's measures in headless Chromium (tests/e2e/browser.ts), each on a cold page: the HTTP
 * cache off, the origin's storage cleared, the CPU throttled through CDP when asked.
 *
 * - `loadOnce`: milliseconds from navigation to the first usable control, and the bytes fetched by
 *   then. For the game, the first visible, enabled <button> (the moment it entered the page, noted by
 *   a MutationObserver, or the frame at which it became visible); for the baseline, its first
 *   scene's `create`. Bytes: Resource Timing's `encodedBodySize` (the body as
 *   it crossed the network, so gzip bytes from the bench server) of the page and of every request
 *   that started before that moment, counted in full.
 * - `framesP95`: requestAnimationFrame deltas collected in the page over a window, and their 95th
 *   percentile.
 * - `heapMB`: the used JS heap after a garbage collection (CDP Runtime.getHeapUsage).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { TestBrowser } from '../e2e/browser.ts';

/**
 * The page's report of its first usable control, installed before any script of the page runs. It
 * must cost the page next to nothing: a MutationObserver only notes when each <button> entered the
 * page (no layout), and once a frame the buttons noted are checked for being visible and enabled.
 * The moment reported is when the first such button entered the page, or the frame at which it
 * became visible when it entered hidden.
 */
const USABLE_PROBE = `(() => {
  let done = false;
  const report = (at) => {
    if (done) return;
    done = true;
    globalThis.benchReport(at);
  };
  // The baseline sets this in its first scene's create.
  Object.defineProperty(globalThis, 'benchUsableAt', { configurable: true, set: (at) => report(at), get: () => undefined });
  if (!globalThis.benchProbeButtons) return;
  const noted = new Map();
  const checkedOnce = new Set();
  const note = (node, at) => {
    if (node.nodeType !== 1) return;
    if (node.tagName === 'BUTTON' && !noted.has(node)) noted.set(node, at);
    for (const b of node.getElementsByTagName('button')) if (!noted.has(b)) noted.set(b, at);
  };
  const observer = new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records) for (const n of r.addedNodes) note(n, at);
  });
  observer.observe(document, { subtree: true, childList: true });
  const frame = () => {
    const now = performance.now();
    for (const [b, at] of noted) {
      if (b.isConnected && !b.disabled && b.getClientRects().length > 0 && b.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
        report(checkedOnce.has(b) ? now : at);
        observer.disconnect();
        return;
      }
      checkedOnce.add(b);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Collects requestAnimationFrame deltas until `benchFramesOn` is cleared. A string: tsx would wrap a function's inner names. */
const FRAME_COLLECTOR = `(() => {
  const frames = [];
  globalThis.benchFrames = frames;
  globalThis.benchFramesOn = true;
  let last = null;
  const frame = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (globalThis.benchFramesOn) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

export interface Load {
  usableMs: number;
  /** Encoded (gzip where the server compressed) bytes of the requests started before the usable moment. */
  bytes: number;
  requests: number;
  /** The requests counted, as `path bytes`, for reading what the first screen carries. */
  files: string[];
}

export interface Cold {
  page: Page;
  cdp: CDPSession;
}

/** A new page with the cache off and the origin's storage cleared, throttled `rate` times. */
export async function coldPage(browser: TestBrowser, url: string, rate: number): Promise<Cold> {
  for (const p of browser.context.pages()) await p.close();
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp };
}

/** Loads `url` cold at CPU throttling `rate` and measures its first usable control. */
export async function loadOnce(browser: TestBrowser, url: string, rate: number, buttons: boolean): Promise<Load & Cold> {
  const cold = await coldPage(browser, url, rate);
  const { page } = cold;
  let resolveUsable: (at: number) => void = () => undefined;
  const usable = new Promise<number>((resolve) => {
    resolveUsable = resolve;
  });
  await page.exposeFunction('benchReport', (at: number) => resolveUsable(at));
  await page.addInitScript(`globalThis.benchProbeButtons = ${buttons};\n${USABLE_PROBE}`);
  await page.goto(url, { waitUntil: 'commit' });
  const usableMs = await Promise.race([
    usable,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${url}: no usable control within 60 s`)), 60_000)),
  ]);
  // Every request started before that moment has finished by the load event and a moment after.
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const counted = await page.evaluate((before) => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return entries.filter((e) => e.startTime < before).map((e) => ({ name: new URL(e.name).pathname, bytes: e.encodedBodySize }));
  }, usableMs);
  const bytes = counted.reduce((n, e) => n + e.bytes, 0);
  return { ...cold, usableMs, bytes, requests: counted.length, files: counted.map((e) => `${e.name} ${e.bytes}`) };
}

/** The 95th percentile (nearest rank) of `values`. */
export function p95(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number;
}

/** Frame times (requestAnimationFrame deltas) over `ms` at CPU throttling `rate`; the throttle is lifted after. */
export async function frameTimes({ page, cdp }: Cold, ms: number, rate: number): Promise<number[]> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.evaluate(FRAME_COLLECTOR);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const frames = await page.evaluate(() => {
    const g = globalThis as { benchFrames?: number[]; benchFramesOn?: boolean };
    g.benchFramesOn = false;
    return g.benchFrames ?? [];
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return frames;
}

/** The used JS heap in MB after a garbage collection. */
export async function heapMB({ cdp }: Cold): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}
