/**
 * The teacher's review page (design.md §6): a class's log files imported at once, each verified by
 * replay, shown as a class table, one student at a time, and the class together; printed and
 * exported. Plain DOM over the core: no Phaser, no store, and no request once the page has loaded
 * (the kept scenario texts, the hash library and the fonts are loaded while it starts).
 */
import '../ui/fonts.ts';
import '../ui/styles.css';
import '../ui/game.css';
import './review.css';
import { preloadArchive, archive } from '../content-archive.ts';
import { loadAllPosts } from '../posts.ts';
import type { LoadedScenario } from '../core/index.ts';
import { sha256Hex } from '../core/index.ts';
import { markDuplicates } from '../core/review/model.ts';
import { registerServiceWorker } from '../offline/site.ts';
import { browserStorage } from '../store/storage.ts';
import { keepForWatching } from '../store/watch-slot.ts';
import { h } from '../ui/dom.ts';
import { createClassTable, type ShownItem } from './class-table.ts';
import { renderClassView } from './class-view.ts';
import { downloadDecisionsCsv, downloadStudentsCsv, downloadXapi } from './exports.ts';
import { dropEntries, pickedFromDrop, pickedFromInput, type Picked } from './pick-files.ts';
import { renderStudentView } from './student-view.ts';
import { verifyFiles, type ReviewItem } from './verify-files.ts';
import { renderImport } from './import-panel.ts';
import { importSummary } from './import-summary.ts';

/** What "verified" proves and what it cannot (design.md §4), said once on the page. */
export const VERIFIED_MEANS =
  '"Verified" means the file has not been changed since the game saved it and that every decision in it replays through the scenario; ' +
  'it cannot prove who played it, or that a person played it at all, because a game that runs in the browser keeps no secret.';

/** Every face of the game's fonts, with a character of each of their subsets, loaded while the page starts. */
const FONT_FACES = ['400 1em "Libre Franklin"', '600 1em "Libre Franklin"', '400 1em "Courier Prime"', '700 1em "Courier Prime"'];
const FONT_SAMPLE = 'aĀạѐҀ';

/** How often the table is redrawn while files are being checked. */
const REDRAW_MS = 1000;

/** Every post's content: logs of any post are checked, and each post's class view drawn. */
const current: LoadedScenario[] = [];

async function preload(): Promise<void> {
  await Promise.all([
    loadAllPosts().then((all) => current.push(...all)),
    preloadArchive(),
    sha256Hex(''),
    ...FONT_FACES.map((f) => document.fonts.load(f, FONT_SAMPLE).catch(() => [])),
  ]);
}

function boot(): void {
  const root = document.getElementById('review');
  if (!root) throw new Error('The page has no #review element.');
  const context = { current, library: archive };
  const ready = preload();
  const storage = browserStorage();
  let items: ReviewItem[] = [];
  let shown: ShownItem[] = [];
  let busy = false;

  const table = createClassTable((item) => openStudent(item));
  const classCsv = h('button', {
    class: 'secondary', id: 'export-students',
    attrs: { type: 'button', title: 'One row for every file imported, copies included, whatever the filters show' },
    text: 'Class CSV', on: { click: () => downloadStudentsCsv(markDuplicates(items.map((i) => i.row))) },
  });
  const studentSection = h('section', { class: 'student-section', id: 'student-section', attrs: { 'aria-label': 'One student' } });
  studentSection.hidden = true;
  const classViewBody = h('div', { id: 'class-view-body' });
  const classViewSection = h(
    'section',
    { class: 'class-view', id: 'class-view', attrs: { 'aria-labelledby': 'class-view-title' } },
    h('h2', { id: 'class-view-title', text: 'What the class did' }),
    classViewBody,
  );
  classViewSection.hidden = true;

  const fold = (): void => {
    const rows = markDuplicates(items.map((i) => i.row));
    const byKey = new Map<string, ShownItem>();
    shown = [];
    rows.forEach((row, k) => {
      const item = items[k] as ReviewItem;
      if (row.duplicate) {
        byKey.get(row.key)?.copies.push(row.file);
        return;
      }
      const one: ShownItem = { ...item, row, copies: [] };
      byKey.set(row.key, one);
      shown.push(one);
    });
  };
  const redraw = (withClassView: boolean): void => {
    fold();
    table.update(shown);
    exportBar.hidden = shown.length === 0;
    // The class CSV writes every file imported, whatever the table's filters show: its label says so.
    classCsv.textContent = `Class CSV (all ${items.length} ${items.length === 1 ? 'file' : 'files'})`;
    if (withClassView) {
      classViewSection.hidden = shown.length === 0;
      // One class view per post the files are from (a teacher may give each group another post).
      const ids = [...new Set(shown.map((i) => i.play?.scenario.id).filter((id): id is string => id !== undefined))];
      const views = ids.flatMap((id) => {
        const post = current.find((c) => c.scenario.id === id);
        if (!post) return [];
        const mine = shown.filter((i) => i.play?.scenario.id === id);
        return ids.length === 1 ? [renderClassView(mine, post.scenario)] : [h('h3', { text: post.scenario.post.city }), renderClassView(mine, post.scenario)];
      });
      classViewBody.replaceChildren(...(shown.length === 0 ? [''] : views));
    }
  };

  const watch = (item: ShownItem): string | null => {
    if (item.text === null) return 'This file was not read, so it cannot be watched.';
    const key = keepForWatching(storage, item.text, item.row.file);
    if (key === null) return 'This browser does not let the page keep the file for the game (storage is off or full).';
    window.open(`./index.html?watch=${key}`, '_blank', 'noopener');
    return `${item.row.student?.label ?? item.row.file} opens in the game in a new tab.`;
  };
  const printAs = (what: 'class' | 'student'): void => {
    document.body.setAttribute('data-print', what);
    window.print();
  };
  // The browser's own Print (Ctrl+P) prints what is on the screen: the student whose page is open, else the class.
  window.addEventListener('beforeprint', () => {
    if (!document.body.hasAttribute('data-print') && !studentSection.hidden) document.body.setAttribute('data-print', 'student');
  });
  window.addEventListener('afterprint', () => document.body.removeAttribute('data-print'));
  // The import lives only in this page: the browser asks before a reload or a link throws it away.
  window.addEventListener('beforeunload', (e) => {
    if (items.length === 0 && !busy) return;
    e.preventDefault();
    // Older Chromium asks only when returnValue is set.
    e.returnValue = '';
  });

  // A student's view is an entry in the browser's history (#student-KEY), so Back returns to the
  // class rather than leaving the page, and with it the import, which is kept nowhere.
  const studentIn = (state: unknown): string | null => {
    const key = (state as { student?: unknown } | null)?.student;
    return typeof key === 'string' ? key : null;
  };
  const leaveStudentEntry = (): void => {
    if (studentIn(history.state) !== null) history.replaceState(null, '', `${location.pathname}${location.search}`);
  };
  // Nothing is imported yet after a reload: an address of a student has nothing to show.
  leaveStudentEntry();
  window.addEventListener('popstate', (e) => {
    const key = studentIn(e.state);
    const item = key === null ? undefined : shown.find((i) => i.row.key === key);
    if (item) showStudent(item);
    else if (!studentSection.hidden) hideStudent();
  });

  let opener: HTMLElement | null = null;
  function openStudent(item: ShownItem): void {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const state = { student: item.row.key };
    const url = `#student-${encodeURIComponent(item.row.key.slice(0, 16))}`;
    // From one student to another the entry is replaced: Back still goes to the class.
    if (studentIn(history.state) === null) history.pushState(state, '', url);
    else history.replaceState(state, '', url);
    showStudent(item);
  }
  function showStudent(item: ShownItem): void {
    studentSection.replaceChildren(
      renderStudentView({
        item,
        current: (current.find((c) => c.scenario.id === item.row.scenario?.id) ?? current[0])?.scenario ?? null,
        onWatch: watch,
        onPrint: () => printAs('student'),
        onBack: closeStudent,
      }),
    );
    studentSection.hidden = false;
    const title = studentSection.querySelector<HTMLElement>('#student-title');
    title?.scrollIntoView({ block: 'start' });
    title?.focus({ preventScroll: true });
  }
  /** "Back to the class": the history entry of the student is left as Back would leave it. */
  function closeStudent(): void {
    if (studentIn(history.state) !== null) history.back();
    else hideStudent();
  }
  function hideStudent(): void {
    studentSection.hidden = true;
    studentSection.replaceChildren();
    const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('#class-table .open-student');
    back?.focus();
    document.getElementById('class-title')?.scrollIntoView({ block: 'start' });
  }

  const panel = renderImport({
    verifiedMeans: VERIFIED_MEANS,
    onPicked: (picked) => void importPicked(picked),
    onDrop: (data) => {
      const dropped = dropEntries(data);
      void pickedFromDrop(dropped).then((picked) => importPicked(picked));
    },
    onClear: () => {
      if (busy) return;
      items = [];
      leaveStudentEntry();
      hideStudent();
      redraw(true);
      panel.say('The list is empty.');
    },
    count: () => shown.length,
    pickedFromInput,
  });

  async function importPicked(picked: Picked): Promise<void> {
    if (busy) {
      panel.say('Wait for the files being checked, then import these again.');
      return;
    }
    if (picked.files.length === 0) {
      panel.say(picked.skipped > 0 ? `No .json files were found (${picked.skipped} other ${picked.skipped === 1 ? 'file was' : 'files were'} left out).` : 'No files were chosen.');
      return;
    }
    busy = true;
    document.body.setAttribute('data-importing', 'true');
    const before = items.length;
    const started = performance.now();
    let drawn = started;
    panel.say(`Checking ${picked.files.length} ${picked.files.length === 1 ? 'file' : 'files'}…`);
    // The posts' content arrives with the page; files given before it has are checked once it has.
    await ready.catch(() => undefined);
    await verifyFiles(
      picked.files,
      context,
      (item) => {
        items.push(item);
        if (performance.now() - drawn > REDRAW_MS) {
          redraw(false);
          drawn = performance.now();
        }
      },
      (p) => panel.progress(p.done, p.total),
    );
    redraw(true);
    const added = items.slice(before);
    const ms = Math.round(performance.now() - started);
    panel.say(importSummary({ added, earlier: items.slice(0, before), shown: shown.length }, picked), ms);
    busy = false;
    document.body.removeAttribute('data-importing');
    document.body.setAttribute('data-imported', String(items.length));
  }

  const exportBar = h(
    'div',
    { class: 'export-bar no-print', attrs: { role: 'group', 'aria-label': 'Print and download' } },
    h('button', { class: 'secondary', id: 'print-class', attrs: { type: 'button' }, text: 'Print the class table', on: { click: () => printAs('class') } }),
    classCsv,
    h('button', { class: 'secondary', id: 'export-decisions', attrs: { type: 'button' }, text: 'Decisions CSV', on: { click: () => downloadDecisionsCsv(shown) } }),
    h('button', { class: 'secondary', id: 'export-xapi', attrs: { type: 'button' }, text: 'xAPI statements (JSON)', on: { click: () => {
      const n = downloadXapi(shown);
      panel.say(`The xAPI file holds the statements of ${n} verified ${n === 1 ? 'log' : 'logs'}.`);
    } } }),
  );
  exportBar.hidden = true;

  const classSection = h(
    'section',
    { class: 'class-section', id: 'class-section', attrs: { 'aria-labelledby': 'class-title' } },
    h('div', { class: 'section-head' }, h('h2', { id: 'class-title', text: 'The class' }), exportBar),
    table.el,
  );

  root.replaceChildren(
    h('a', { class: 'skip-link', attrs: { href: '#main' }, text: 'Skip to the content' }),
    h(
      'header',
      { class: 'topbar review-top' },
      h('h1', { class: 'brand' }, h('span', { class: 'brand-name', text: 'Circular 938' }), ' · Review a class\u2019s logs'),
      h(
        'nav',
        { class: 'page-links', attrs: { 'aria-label': 'Pages' } },
        h('a', { class: 'tool', id: 'back-to-game', attrs: { href: './index.html' }, text: 'Back to the game' }),
        h('a', { class: 'tool', id: 'to-guide', attrs: { href: './guide.html' }, text: 'Teacher guide' }),
      ),
    ),
    h('main', { id: 'main', attrs: { tabindex: '-1' } }, panel.el, classSection, studentSection, classViewSection),
  );
  redraw(true);

  void ready.finally(() => {
    document.body.setAttribute('data-ready', 'true');
    // Once everything the page needs is here, the service worker keeps the site for offline use.
    registerServiceWorker();
  });
}

try {
  boot();
} catch (error) {
  const message = document.getElementById('boot-message');
  if (message) message.textContent = `The review page could not start: ${error instanceof Error ? error.message : String(error)}`;
}
