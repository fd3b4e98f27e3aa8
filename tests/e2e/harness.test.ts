/**
 * The harness's own rules for what counts as a failed request (browser.ts, `watch`), proven on a
 * tiny local site rather than the game, so that each half is certain to happen:
 * - a request still in flight when the page reloads is cancelled by the page itself
 *   (net::ERR_ABORTED) and is not a problem;
 * - a 404, a refused connection, and an abort with no navigation behind it still are.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from './browser.ts';

let server: Server;
let base = '';
/** A port where nothing listens: requests to it are refused. */
let closedPort = 0;
/** Resolves the next time the server receives /slow (the slow responses are never answered until close). */
let slowArrived: () => void = () => undefined;
const held: { end(): void }[] = [];

const PAGES: Record<string, string> = {
  // A dynamic import and an image that never arrive, as the Phaser chunk had not when the reload came.
  '/slow.html': `<!doctype html><title>slow</title><p>slow</p><img alt="" src="slow.png"><script type="module">import('./slow.js').catch(() => undefined);</script>`,
  '/fine.html': '<!doctype html><title>fine</title><p>fine</p>',
  '/missing.html': '<!doctype html><title>missing</title><p>missing</p><img alt="" src="missing.png">',
};

async function listen(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/slow.js' || path === '/slow.png') {
      held.push(res);
      slowArrived();
      return;
    }
    const page = PAGES[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  base = `http://127.0.0.1:${await listen(server)}`;
  const closed = createServer();
  closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  for (const res of held) res.end();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let browser: TestBrowser | null = null;
afterEach(async () => {
  await browser?.close();
  browser = null;
});

describe('the e2e harness', () => {
  it('does not count a request the page cancelled by reloading as a failure', async () => {
    browser = await openBrowser();
    const { page } = browser;
    // Each document's slow requests are in flight before the next navigation cancels them. The page
    // is reloaded only once its new document has parsed: a reload sent on mere commit can reach the
    // document being replaced (Chromium gives every navigation a new frame host) and is refused with
    // "Not attached to an active page".
    const slowRequested = (): Promise<void> => new Promise<void>((resolve) => (slowArrived = resolve));
    let arrived = slowRequested();
    await page.goto(`${base}/slow.html`, { waitUntil: 'domcontentloaded' });
    await arrived;
    arrived = slowRequested();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await arrived;
    // The reloaded page asks again; a second reload, then a navigation away, cancels those too.
    arrived = slowRequested();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await arrived;
    await page.goto(`${base}/fine.html`);
    await expect
      .poll(() => browser?.abortedByNavigation().length ?? 0, { message: 'the in-flight requests were cancelled by the navigations' })
      .toBeGreaterThan(0);
    expect(browser.abortedByNavigation().every((p) => p.text.includes('net::ERR_ABORTED'))).toBe(true);
    expect(browser.unexpectedProblems()).toEqual([]);
    expect(() => browser?.assertNoProblems('after reloads')).not.toThrow();
  });

  it('still counts a 404, a refused connection, and an abort no navigation caused', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.route('**/aborted.png', (route) => route.abort('aborted'));
    await page.goto(`${base}/missing.html`);
    await page.evaluate(
      async ([refused, aborted]) => {
        const load = (src: string): Promise<void> =>
          new Promise((resolve) => {
            const img = new Image();
            img.onload = img.onerror = () => resolve();
            img.src = src;
          });
        await Promise.all([load(refused), load(aborted)]);
      },
      [`http://127.0.0.1:${closedPort}/refused.png`, `${base}/aborted.png`] as const,
    );
    const problems = (): string[] => browser?.unexpectedProblems().map((p) => `[${p.kind}] ${p.text}`) ?? [];
    await expect.poll(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[http\] GET .*\/missing\.png answered 404$/),
        expect.stringMatching(/^\[requestfailed\] GET .*\/refused\.png failed: net::ERR_CONNECTION_REFUSED$/),
        expect.stringMatching(/^\[requestfailed\] GET .*\/aborted\.png failed: net::ERR_ABORTED$/),
      ]),
    );
    expect(browser.abortedByNavigation()).toEqual([]);
    expect(() => browser?.assertNoProblems('with a 404')).toThrow(/missing\.png answered 404/);
  });
});
