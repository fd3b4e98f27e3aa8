/**
 * The player's controls when a log is watched: whose log, which attempt, which decision; step
 * back and forward, play at 1×, 2× or 4× (each student's think time shortened, long pauses cut),
 * switch attempts. It only calls the store's `look`; nothing can be chosen and nothing is saved.
 * Keys: ← and → step, Space plays or pauses, Home and End go to the ends.
 */
import type { GameStore } from '../store/game-store.ts';
import { h } from './dom.ts';
import { entriesOf } from './replay-panel.ts';

export const SPEEDS = [1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** How long playback waits before decision `thinkMs` was taken: the think time, at most 6 s and at least 1.2 s, over the speed. */
export function playDelay(thinkMs: number, speed: Speed): number {
  return Math.round(Math.min(6000, Math.max(1200, thinkMs)) / speed);
}

export interface WatchBar {
  el: HTMLElement;
  update(): void;
  /** Handles a key; true when it was the bar's. */
  key(e: KeyboardEvent): boolean;
  stop(): void;
}

export function createWatchBar(store: GameStore): WatchBar {
  let playing = false;
  let speed: Speed = 1;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const who = h('strong', { id: 'watch-student' });
  const where = h('span', { id: 'watch-where', attrs: { 'aria-live': 'polite' } });
  const attemptSelect = h('select', { id: 'watch-attempt', attrs: { 'aria-label': 'Attempt' } });
  const button = (id: string, text: string, label: string, key: string, on: () => void): HTMLButtonElement =>
    h('button', { id, class: 'tool', attrs: { type: 'button', 'aria-label': label, 'aria-keyshortcuts': key }, text, on: { click: on } });
  const first = button('watch-first', '« First', 'First decision', 'Home', () => go(0));
  const back = button('watch-back', '◀ Back', 'Step back', 'ArrowLeft', () => go(keep() - 1));
  const play = button('watch-play', '▶ Play', 'Play', 'Space', () => toggle());
  const forward = button('watch-forward', 'Forward ▶', 'Step forward', 'ArrowRight', () => go(keep() + 1));
  const last = button('watch-last', 'Last »', 'Last decision', 'End', () => go(Number.MAX_SAFE_INTEGER));
  const speeds = SPEEDS.map((s) =>
    h('button', {
      class: 'tool speed',
      attrs: { type: 'button', 'data-speed': String(s), 'aria-pressed': String(s === speed) },
      text: `${s}×`,
      on: {
        click: () => {
          speed = s;
          update();
          if (playing) schedule();
        },
      },
    }),
  );
  attemptSelect.addEventListener('change', () => {
    // Read before pausing: pausing redraws the bar, which sets the select back to the attempt on screen.
    const chosen = Number(attemptSelect.value);
    pause();
    store.getState().look(chosen, 0);
  });
  const el = h(
    // A landmark of its own (a labelled section), so a screen reader can jump to the player's controls.
    'section',
    { id: 'watch-bar', class: 'watch-bar', attrs: { 'aria-label': 'Watching a log' } },
    h('p', { class: 'watch-title' }, 'Watching the log of ', who, ' · ', where),
    h('div', { class: 'watch-controls' }, first, back, play, forward, last, h('span', { class: 'watch-speeds', attrs: { role: 'group', 'aria-label': 'Speed' } }, ...speeds), h('label', {}, 'Attempt ', attemptSelect)),
    h('p', { class: 'watch-note', text: 'Nothing can be chosen or changed here, and your own game is not touched. ' }, h('a', { attrs: { href: location.pathname }, text: 'Back to the game' })),
  );

  const keep = (): number => store.getState().view?.keep ?? 0;
  const attempt = (): number => store.getState().view?.attempt ?? 0;
  const length = (): number => Math.max(0, store.getState().path.length - 1);

  function go(k: number): void {
    const target = Math.max(0, Math.min(k, length()));
    if (target !== keep()) store.getState().look(attempt(), target);
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!playing) return;
    if (keep() >= length()) {
      pause();
      return;
    }
    const log = store.getState().log;
    const entry = log ? entriesOf(log, attempt())[keep()] : undefined;
    timer = setTimeout(() => {
      timer = null;
      go(keep() + 1);
      schedule();
    }, playDelay(entry?.thinkMs ?? 0, speed));
  }

  function pause(): void {
    playing = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    update();
  }

  function toggle(): void {
    if (playing) pause();
    else {
      if (keep() >= length()) go(0);
      playing = true;
      update();
      schedule();
    }
  }

  function update(): void {
    const state = store.getState();
    const log = state.log;
    if (!log || !state.watching) return;
    const { label, classCode } = state.watching.student;
    who.textContent = classCode ? `${label} (${classCode})` : label;
    where.textContent = `attempt ${attempt() + 1} of ${log.attempts.length}, decision ${keep()} of ${length()}`;
    if (attemptSelect.options.length !== log.attempts.length) {
      attemptSelect.replaceChildren(...log.attempts.map((_, i) => h('option', { attrs: { value: String(i) }, text: `${i + 1}${i === 0 ? ' (the first)' : ''}` })));
    }
    attemptSelect.value = String(attempt());
    play.textContent = playing ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    first.disabled = back.disabled = keep() === 0;
    forward.disabled = last.disabled = keep() >= length();
    for (const b of speeds) b.setAttribute('aria-pressed', String(Number(b.dataset['speed']) === speed));
  }

  return {
    el,
    update,
    key(e) {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'SELECT' || target.tagName === 'BUTTON') && (e.key === ' ' || e.key === 'Enter')) return false;
      if (e.key === 'ArrowRight') go(keep() + 1);
      else if (e.key === 'ArrowLeft') go(keep() - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(length());
      else if (e.key === ' ' || e.key.toLowerCase() === 'p') toggle();
      else return false;
      e.preventDefault();
      return true;
    },
    stop: pause,
  };
}
