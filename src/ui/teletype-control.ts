/**
 * "Stop the teletype": while the circular types out on the code room's teletype (the cable phase:
 * minutes of moving type and clatter), a button on the picture stops it; the machine then shows
 * the circular printed and its clatter stops. The words are all in the cable (C) either way. The
 * control is a polite live region, so the stop is announced; focus goes on to the first choice.
 * With reduced motion the teletype never types, and nothing is offered.
 */
import type { PresentationStore } from '../store/presentation.ts';
import { h } from './dom.ts';

export interface TeletypeControl {
  el: HTMLElement;
  /** Whether the teletype's room is on screen (the cable phase). */
  setActive(active: boolean): void;
}

/** `onStop` is called once the student has stopped it: it stops the clatter and moves focus on. */
export function createTeletypeControl(presentation: PresentationStore, onStop: () => void): TeletypeControl {
  const el = h('div', { class: 'teletype-control', id: 'teletype-control', attrs: { role: 'status' } });
  const hint = h('span', { class: 'sr-only', id: 'teletype-hint', text: 'It types the circular for several minutes; the whole text is in the cable (C).' });
  const button = h('button', {
    class: 'tool teletype-stop',
    id: 'stop-teletype',
    attrs: { type: 'button', 'aria-describedby': 'teletype-hint' },
    text: 'Stop the teletype',
    on: { click: () => presentation.getState().stopTeletype() },
  });
  let active = false;
  let shown: 'offer' | 'stopped' | 'none' = 'none';

  const draw = (): void => {
    const { reducedMotion, teletypeStopped } = presentation.getState();
    const next = !active || reducedMotion ? 'none' : teletypeStopped ? 'stopped' : 'offer';
    if (next === shown) return;
    // Only a stop the student has just made is said; a room that opens stopped (or still) says nothing.
    const justStopped = shown === 'offer' && next === 'stopped';
    shown = next;
    if (next === 'offer') el.replaceChildren(button, hint);
    else if (justStopped) el.replaceChildren(h('span', { class: 'teletype-said', text: 'The teletype is stopped: the circular shows printed.' }));
    else el.replaceChildren();
    el.hidden = el.childElementCount === 0;
    if (justStopped) onStop();
  };
  presentation.subscribe(draw);
  draw();
  return {
    el,
    setActive(on) {
      active = on;
      draw();
    },
  };
}
