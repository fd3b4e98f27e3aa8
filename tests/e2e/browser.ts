/**
 * A real headless Chromium for the end-to-end tests, and a page that keeps a record of everything
 * that went wrong in it (console errors, uncaught page errors, failed requests, HTTP errors,
 * crashes) so that each test can assert that nothing did.
 *
 * The browser is Debian's `chromium` (or CHROMIUM_PATH). A missing browser is a failure with a
 * message that says how to install it, never a skipped test (design.md §9, .ci/run).
 *
 * Every browser gets a fresh, throw-away profile directory. Playwright refuses `--user-data-dir`
 * in `launch()` args ("Pass userDataDir parameter to launchPersistentContext"), so the profile is
 * given to `launchPersistentContext`, which is one browser with one context: a reload keeps the
 * page's localStorage, and closing removes the profile.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Frame, type Page, type Request } from 'playwright-core';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots land here (gitignored). */
export const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'e2e', 'artifacts');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium binary to drive; throws (never skips) when there is none. */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM;
  const how =
    "install Debian's chromium (apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary. " +
    'The end-to-end tests need a real browser and are never skipped.';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: ${how}`);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`Chromium at ${path} is not executable: ${how}`);
  }
  return path;
}

/** Something that went wrong in the page, in words. */
export interface PageProblem {
  kind: 'console.error' | 'pageerror' | 'requestfailed' | 'http' | 'crash';
  text: string;
  /** The URL the problem is about, when there is one (the failing request, the console message's source). */
  url: string;
}

/**
 * A problem a test causes on purpose (blocking the Phaser chunk), with the reason it is expected.
 * Nothing is ignored by default.
 */
export interface ExpectedProblem {
  kinds: PageProblem['kind'][];
  url: RegExp;
  why: string;
}

export interface BrowserOptions {
  /** Chromium switches added to the common ones. */
  args?: string[];
  /**
   * Preferences written into the fresh profile before Chromium starts (the JSON of
   * `Default/Preferences`), e.g. content settings a school administrator might set.
   */
  preferences?: Record<string, unknown>;
  /** An IANA zone for the browser; the game must not depend on it (offsets come from the scenario). */
  timezoneId?: string;
  /** The window in CSS pixels (default 1280x800). */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: 1.5 with a 853x533 viewport is a 1280x800 laptop zoomed to 150 %. */
  deviceScaleFactor?: number;
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Everything recorded so far, in order. */
  problems: PageProblem[];
  /**
   * The recorded requests the page itself cancelled by navigating (a reload while a chunk was
   * still loading): in `problems` for the record, never unexpected. See `watch`.
   */
  abortedByNavigation(): PageProblem[];
  /** Declares a problem the test causes on purpose; it is then left out of `unexpectedProblems`. */
  expect(problem: ExpectedProblem): void;
  /** Recorded problems that no `expect` covers. */
  unexpectedProblems(): PageProblem[];
  /** Throws with a readable list when any unexpected problem was recorded. */
  assertNoProblems(where: string): void;
  close(): Promise<void>;
}

/** The flags every Chromium of the tests starts with (env: this machine's closed network). */
export const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Keyboard scrolling (PageDown in the cable) lands at once instead of animating, so a test can
  // check what is in view right after the key press.
  '--disable-smooth-scrolling',
];

function describeConsole(message: ConsoleMessage): PageProblem {
  const location = message.location();
  const where = location.url ? ` (${location.url}:${location.lineNumber + 1}:${location.columnNumber + 1})` : '';
  return { kind: 'console.error', text: `${message.text()}${where}`, url: location.url };
}

/** Chromium's error text for a request cancelled before it finished, whoever cancelled it. */
const ABORTED = 'net::ERR_ABORTED';

/**
 * Tells whether a recorded problem is a request the page cancelled itself by navigating.
 *
 * When a frame navigates (a reload, a link), Chromium cancels the requests its old document still
 * had in flight and reports each as failed with net::ERR_ABORTED: the page's own doing, not a
 * problem. Each frame counts its navigation requests and its commits (`framenavigated`); each
 * request remembers its frame's commit count when it was issued. An ERR_ABORTED failure is put
 * down to navigation only when a navigation of its frame was under way when it failed and its
 * frame has committed a navigation since the request was issued (checked when asked, since the
 * commit is reported just after the cancellations it causes). Every other failure counts: any
 * other error text (refused, not found, failed), an abort with no navigation behind it, and any
 * HTTP status of 400 or more.
 */
type NavigationAborts = (problem: PageProblem) => boolean;

/** Records every problem of one page. Call once per page; the listeners live as long as the page. */
function watch(page: Page, problems: PageProblem[]): NavigationAborts {
  const commits = new WeakMap<Frame, number>();
  const navigationRequests = new WeakMap<Frame, number>();
  const issuedAt = new WeakMap<Request, number>();
  const aborts = new WeakMap<PageProblem, { frame: Frame; issuedAt: number; navigating: boolean }>();
  const count = (map: WeakMap<Frame, number>, frame: Frame): number => map.get(frame) ?? 0;
  const frameOf = (request: Request): Frame | null => {
    try {
      return request.frame();
    } catch {
      return null; // a service worker's request has no frame
    }
  };
  page.on('request', (request) => {
    const frame = frameOf(request);
    if (!frame) return;
    issuedAt.set(request, count(commits, frame));
    if (request.isNavigationRequest()) navigationRequests.set(frame, count(navigationRequests, frame) + 1);
  });
  page.on('framenavigated', (frame) => commits.set(frame, count(commits, frame) + 1));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(describeConsole(message));
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: error.stack ?? `${error.name}: ${error.message}`, url: page.url() });
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'unknown error';
    const problem: PageProblem = { kind: 'requestfailed', text: `${request.method()} ${request.url()} failed: ${error}`, url: request.url() };
    const frame = frameOf(request);
    const issued = issuedAt.get(request);
    if (error === ABORTED && frame && issued !== undefined) {
      aborts.set(problem, { frame, issuedAt: issued, navigating: count(navigationRequests, frame) > count(commits, frame) });
    }
    problems.push(problem);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push({ kind: 'http', text: `${response.request().method()} ${response.url()} answered ${response.status()}`, url: response.url() });
    }
  });
  page.on('crash', () => problems.push({ kind: 'crash', text: 'the page crashed', url: page.url() }));
  return (problem) => {
    const abort = aborts.get(problem);
    return abort !== undefined && abort.navigating && count(commits, abort.frame) > abort.issuedAt;
  };
}

function formatProblems(problems: PageProblem[]): string {
  return problems.map((p, i) => `  ${i + 1}. [${p.kind}] ${p.text}`).join('\n');
}

/**
 * Starts Chromium with a fresh profile and returns its first page, watched. Always `close()` it
 * (in afterAll/finally): that also deletes the profile directory.
 */
export async function openBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const executablePath = chromiumPath();
  const profile = await mkdtemp(join(tmpdir(), 'circular938-e2e-'));
  if (options.preferences) {
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(options.preferences));
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...COMMON_ARGS, ...(options.args ?? [])],
      acceptDownloads: true,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
      locale: 'en-US',
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      timeout: 60_000,
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Chromium at ${executablePath} did not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  context.setDefaultTimeout(20_000);
  const problems: PageProblem[] = [];
  const expected: ExpectedProblem[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  const byNavigation: NavigationAborts[] = [watch(page, problems)];
  // Any other page (a popup, a download opened in a tab) is watched too.
  context.on('page', (p) => {
    if (p !== page) byNavigation.push(watch(p, problems));
  });

  const abortedByNavigation = (): PageProblem[] => problems.filter((p) => byNavigation.some((caused) => caused(p)));
  const unexpectedProblems = (): PageProblem[] => {
    const aborted = new Set(abortedByNavigation());
    return problems.filter((p) => !aborted.has(p) && !expected.some((e) => e.kinds.includes(p.kind) && e.url.test(p.url)));
  };

  return {
    context,
    page,
    problems,
    abortedByNavigation,
    expect(problem) {
      expected.push(problem);
    },
    unexpectedProblems,
    assertNoProblems(where) {
      const bad = unexpectedProblems();
      if (bad.length > 0) {
        throw new Error(`${where}: ${bad.length} console error(s), page error(s) or failed request(s):\n${formatProblems(bad)}`);
      }
    },
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
