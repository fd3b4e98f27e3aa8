/**
 * The game behind the first screen (main.ts loads it once the title is on screen, or at once when a
 * reload resumes a game or a log is to be watched): the post's content, the store with the saved
 * game, and the overlay, which takes over the title already drawn. The fonts, Phaser, the art and
 * the sound load behind it through dynamic imports.
 */
import './ui/game.css';
import { cable, glossary, loadAllPosts, loadPost, posts } from './content.ts';
import { teletypeText, verdictOf, type LoadedScenario } from './core/play.ts';
import { createMutePreference } from './audio/mute-preference.ts';
import { openDurable } from './store/durable.ts';
import { createGameStore, saveKey } from './store/game-store.ts';
import { readLinkParams, type PostParam } from './store/link-params.ts';
import { createPresentation, type PresentationStore } from './store/presentation.ts';
import { createSaveSlot } from './store/save-slot.ts';
import { browserStorage, clearSave, PLAYING_KEY, POST_KEY, readSave, writeSave } from './store/storage.ts';
import { browserTabLock } from './store/tab-lock.ts';
import { keepForWatching, readWatched } from './store/watch-slot.ts';
import { findScormApi } from './lms/find-api.ts';
import { h } from './ui/dom.ts';
import { createClockFormatPreference } from './ui/clock-format.ts';
import { mountOverlay, type Overlay } from './ui/overlay.ts';
import type { Skeleton } from './ui/skeleton.ts';
import type { Title } from './ui/title-screen.ts';
import { registerServiceWorker } from './offline/site.ts';

function newSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] ?? 1;
}

/** A random token naming this tab as the save's writer (crypto.randomUUID needs a secure context). */
function tabToken(): string {
  const a = new Uint32Array(4);
  crypto.getRandomValues(a);
  return Array.from(a, (n) => n.toString(16).padStart(8, '0')).join('');
}

export interface GamePage {
  app: HTMLElement;
  /** The post to play, chosen by main.ts (the link's, the one last played here, or the first). */
  postId: string;
  /** What the link said of the post (`?post=…&lock=post`), and why its post was left out if it was. */
  postLink: PostParam;
  /** The frame and the title main.ts drew while the game loaded. */
  adopt?: { skeleton: Skeleton; title: Title };
}

/**
 * Opens a log file for watching (the title's "Watch a log"): checks it, keeps it in this browser and
 * opens this page with `?watch=KEY`. Resolves with why it cannot be opened, or null.
 */
/**
 * The posts a log to watch needs: the one its header names, when that is a post of the game (the
 * others' content is not fetched); every post otherwise, so that the verifier's answer about an
 * unknown scenario is the same as ever.
 */
async function postsForLog(text: string): Promise<LoadedScenario[]> {
  let id: unknown = null;
  try {
    const header: unknown = JSON.parse(text);
    if (typeof header === 'object' && header !== null && 'scenario' in header) {
      const scenario: unknown = header.scenario;
      if (typeof scenario === 'object' && scenario !== null && 'id' in scenario) id = scenario.id;
    }
  } catch {
    // Not JSON: the verifier says what is wrong with it.
  }
  return typeof id === 'string' && posts.some((p) => p.id === id) ? [await loadPost(id)] : loadAllPosts();
}

export async function openLogToWatch(file: File): Promise<string | null> {
  if (file.size > 5 * 1024 * 1024) return `${file.name} is larger than any decision log (at most 5 MB are read).`;
  const text = await file.text();
  const { openForWatching } = await import('./watch.ts');
  const opened = await openForWatching(text, await postsForLog(text));
  if (!opened.ok) return `${file.name}: ${opened.problem}`;
  const key = keepForWatching(browserStorage(), text, file.name);
  if (key === null) return 'This browser does not let the game keep the file to play it back (storage is off or full).';
  // This page with another query: index.html on the site, the one-file copy from disk.
  location.assign(`?watch=${key}`);
  return null;
}

export async function startGamePage(page: GamePage): Promise<void> {
  const { app, postId, postLink } = page;
  const storage = browserStorage();
  // IndexedDB opens while the post's content arrives (each takes a moment on a slow machine).
  const durableOpening = openDurable();
  const scenario = await loadPost(postId);
  writeSave(storage, POST_KEY, postId);
  const link = readLinkParams(location.search, scenario.scenario.variants);
  if (postLink.problem) link.problems.unshift(postLink.problem);
  if (link.watch !== null) return watch(app, link.watch, storage);
  // A teacher's link presets the form (?variant=…&class=…&name=…), each value checked against the
  // scenario and the form's limits; the title says why a value was left out. ?seed=N makes every new
  // game of this page load start from seed N (a reproducible run); a resumed game keeps its log's seed.
  const fixedSeed = link.seed;
  // The first screen waits for IndexedDB (a few milliseconds; at most a few seconds when it hangs,
  // then the game saves to localStorage alone) so that it offers the durable save.
  const key = saveKey(scenario.scenario.id);
  const durable = await durableOpening;
  const slot = storage || durable ? createSaveSlot({ key, storage, durable, token: tabToken() }) : null;
  const tabs = browserTabLock(`circular938.writer.${key}`);
  // ?rewind=free|look|off, ?reasons=required and ?mode=class set the modes of new games; a saved game keeps its own.
  const store = createGameStore({ loaded: scenario, slot, tabs, now: () => Date.now(), newSeed: () => fixedSeed ?? newSeed(), modes: link.modes });
  await store.getState().load();
  resumeAfterReload(store);
  reportToLmsIfAny(store);
  const preset = { ...link.preset, problems: link.problems };
  const chooser = { posts, current: postId, locked: postLink.locked };

  const parts = pageParts(app, store, storage);
  const overlay = mountOverlay({
    ...parts,
    preset,
    chooser,
    onWatch: openLogToWatch,
    ...(page.adopt ? { adopt: page.adopt } : {}),
    savedGame() {
      const saved = store.getState().saved;
      return saved ? { session: saved.session, student: saved.log.student.label, classGame: saved.log.play === 'class' } : null;
    },
  });
  (globalThis as { circular938?: unknown }).circular938 = { store };
  loadLater(overlay, store, parts.presentation);
}

/** What both pages (playing and watching) give the overlay: the root, the store, the content, the remembered settings and the presentation (motion, the teletype). */
function pageParts(app: HTMLElement, store: ReturnType<typeof createGameStore>, storage: ReturnType<typeof browserStorage>) {
  const mute = createMutePreference(storage);
  const clockFormat = createClockFormatPreference(storage);
  return {
    root: app,
    store,
    presentation: createPresentation(),
    cable,
    glossary,
    muted: mute.get(),
    onMutedChange: (m: boolean) => mute.set(m),
    clockFormat: clockFormat.get(),
    onClockFormatChange: (f: ReturnType<typeof clockFormat.get>) => clockFormat.set(f),
  };
}

/**
 * The page as a player of someone's log (`?watch=KEY`): the log kept under KEY is verified and
 * played back in the same scenes, read-only, by a store that saves nothing.
 */
async function watch(app: HTMLElement, key: string, storage: ReturnType<typeof browserStorage>): Promise<void> {
  const kept = readWatched(storage, key);
  const { openForWatching } = await import('./watch.ts');
  const opened = kept === null
    ? { ok: false as const, problem: 'The log to watch is no longer in this browser. Open it again from the title screen ("Watch a log") or from the review page.' }
    : await openForWatching(kept.text, await postsForLog(kept.text));
  if (!opened.ok) {
    app.replaceChildren(
      h('main', { class: 'fatal' }, h('div', { attrs: { role: 'alert' } }, h('h1', { text: 'This log cannot be watched' }), h('p', { text: opened.problem }), h('p', {}, h('a', { attrs: { href: location.pathname }, text: 'Back to the game' })))),
    );
    return;
  }
  const store = createGameStore({
    loaded: opened.loaded,
    slot: null,
    now: () => Date.now(),
    newSeed: () => 0,
    watch: { log: opened.log, file: kept?.file ?? null },
  });
  if (opened.warning) store.setState({ problem: opened.warning });
  const parts = pageParts(app, store, storage);
  const overlay = mountOverlay({
    ...parts,
    preset: {},
    savedGame: () => null,
  });
  document.title = `Watching ${opened.log.student.label} · Circular 938`;
  (globalThis as { circular938?: unknown }).circular938 = { store };
  loadLater(overlay, store, parts.presentation);
}

/**
 * In a school's LMS (a SCORM 1.2 API in a parent or opener window) the game reports the store's
 * decisions and score to it; the adapter is loaded only then, so outside an LMS nothing is fetched,
 * called or said. A watched log is never reported.
 */
function reportToLmsIfAny(store: ReturnType<typeof createGameStore>): void {
  const api = findScormApi(window);
  if (!api) return;
  import('./lms/scorm.ts')
    .then(({ browserLmsDeps, reportToLms }) => void reportToLms(api, store, browserLmsDeps(verdictOf)))
    .catch(() => undefined);
}

/**
 * A reload puts the student straight back where they were; a new visit (another tab, the next
 * day, the next student on a shared laptop) starts at the title, which offers to continue. The
 * difference is a flag in sessionStorage, which lives as long as the tab.
 */
function resumeAfterReload(store: ReturnType<typeof createGameStore>): void {
  const flag = PLAYING_KEY;
  let tab: Storage | null = null;
  try {
    tab = sessionStorage;
  } catch {
    // Without sessionStorage a reload shows the title, which still offers to continue.
  }
  // Only a save that load() found usable is resumed; otherwise the title says why (store.problem).
  if (readSave(tab, flag) === '1' && !(store.getState().saved && store.getState().resume())) clearSave(tab, flag);
  store.subscribe((state) => {
    if (state.session) writeSave(tab, flag, '1');
    else clearSave(tab, flag);
  });
}

/** Phaser and sound arrive after the first screen is usable; the game plays on in text if either fails. */
function loadLater(overlay: Overlay, store: ReturnType<typeof createGameStore>, presentation: PresentationStore): void {
  overlay.stageStatus('Drawing the embassy…');
  const cableText = teletypeText(cable);
  const start = (): void => {
    import('./ui/fonts.ts').catch(() => undefined);
    import('./game/main.ts')
      .then(({ startGame }) => {
        startGame(overlay.stage, { store, cableText, presentation, onReady: () => overlay.stageStatus(null) });
      })
      .catch(() => overlay.stageStatus('The pictures could not be loaded. You can still play: all the words are here.'))
      // Only then does the service worker fetch the rest of the site for offline use: not in Phaser's way.
      .finally(registerServiceWorker);
    import('./audio/audio.ts')
      .then(({ createAudio }) => {
        // The overlay owns the mute setting and the captions; the adapter only makes sound.
        const audio = createAudio({ storage: null });
        void audio.load();
        overlay.setSound(audio);
      })
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') requestAnimationFrame(() => setTimeout(start, 0));
  else addEventListener('load', () => setTimeout(start, 0), { once: true });
}
