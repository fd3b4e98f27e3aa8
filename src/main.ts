/**
 * The entry: the first screen is plain DOM and usable at once; Phaser, the art and the sound
 * load behind it through dynamic imports. If anything stops the game from starting, the page
 * says so in words, never a blank canvas.
 */
import '@fontsource/libre-franklin/400.css';
import '@fontsource/libre-franklin/600.css';
import '@fontsource/courier-prime/400.css';
import '@fontsource/courier-prime/700.css';
import './ui/styles.css';
import { cable, glossary, scenario } from './content.ts';
import { replayLog, teletypeText } from './core/index.ts';
import { createMutePreference } from './audio/mute-preference.ts';
import { createGameStore, saveKey } from './store/game-store.ts';
import { checkOpenLog } from './store/open-log.ts';
import { parseSeed } from './store/seed.ts';
import { browserStorage, clearSave, readSave, writeSave } from './store/storage.ts';
import { createClockFormatPreference } from './ui/clock-format.ts';
import { mountOverlay, type Overlay } from './ui/overlay.ts';
import { showFatal } from './ui/fatal.ts';

function newSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] ?? 1;
}

function boot(): void {
  const app = document.getElementById('app');
  if (!app) throw new Error('The page has no #app element.');
  const storage = browserStorage();
  const params = new URLSearchParams(location.search);
  // ?seed=N makes every new game of this page load start from seed N (a reproducible run); a
  // resumed game keeps the seed its log carries.
  const fixedSeed = parseSeed(params.get('seed'));
  const store = createGameStore({ loaded: scenario, storage, now: () => Date.now(), newSeed: () => fixedSeed ?? newSeed() });
  resumeAfterReload(store);
  const preset: { variant?: string; classCode?: string; name?: string } = {};
  for (const [param, key] of [['variant', 'variant'], ['class', 'classCode'], ['name', 'name']] as const) {
    const v = params.get(param);
    if (v) preset[key] = v;
  }
  const mute = createMutePreference(storage);
  const clockFormat = createClockFormatPreference(storage);

  const overlay = mountOverlay({
    root: app,
    store,
    cable,
    glossary,
    preset,
    muted: mute.get(),
    onMutedChange: (m) => mute.set(m),
    clockFormat: clockFormat.get(),
    onClockFormatChange: (f) => clockFormat.set(f),
    savedGame() {
      const text = readSave(storage, saveKey(scenario.scenario.id));
      if (text === null) return null;
      const checked = checkOpenLog(text, scenario);
      if (!checked.ok) return null;
      const replayed = replayLog(scenario.scenario, checked.log);
      return replayed.ok ? { session: replayed.state, student: checked.log.student.label } : null;
    },
  });
  (globalThis as { circular938?: unknown }).circular938 = { store };
  loadLater(overlay, store);
}

/**
 * A reload puts the student straight back where they were; a new visit (another tab, the next
 * day, the next student on a shared laptop) starts at the title, which offers to continue. The
 * difference is a flag in sessionStorage, which lives as long as the tab.
 */
function resumeAfterReload(store: ReturnType<typeof createGameStore>): void {
  const flag = 'circular938.playing';
  let tab: Storage | null = null;
  try {
    tab = sessionStorage;
  } catch {
    // Without sessionStorage a reload shows the title, which still offers to continue.
  }
  if (readSave(tab, flag) === '1' && !store.getState().resume()) clearSave(tab, flag);
  store.subscribe((state) => {
    if (state.session) writeSave(tab, flag, '1');
    else clearSave(tab, flag);
  });
}

/** Phaser and sound arrive after the first screen is usable; the game plays on in text if either fails. */
function loadLater(overlay: Overlay, store: ReturnType<typeof createGameStore>): void {
  overlay.stageStatus('Drawing the embassy…');
  const cableText = teletypeText(cable);
  const start = (): void => {
    import('./game/main.ts')
      .then(({ startGame }) => {
        startGame(overlay.stage, { store, cableText, onReady: () => overlay.stageStatus(null) });
      })
      .catch(() => overlay.stageStatus('The pictures could not be loaded. You can still play: all the words are here.'));
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

try {
  boot();
} catch (e) {
  showFatal(e);
}
addEventListener('error', (e) => {
  if (!document.querySelector('.layout')) showFatal(e.error ?? e.message);
});
addEventListener('unhandledrejection', (e) => {
  if (!document.querySelector('.layout')) showFatal(e.reason);
});
