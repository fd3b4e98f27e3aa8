/** On-screen captions for every sound, shown whether or not audio plays. */
import type { SoundCue } from '../core/play.ts';
import { captionFor } from '../audio/captions.ts';
import { h } from './dom.ts';

export interface Captions {
  el: HTMLElement;
  show(cue: SoundCue): void;
}

export function createCaptions(): Captions {
  const line = h('span', { class: 'caption-line' });
  const el = h('div', { id: 'captions', class: 'captions', attrs: { 'aria-live': 'polite', role: 'status', 'aria-label': 'Sound captions' } }, line);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    el,
    show(cue) {
      line.textContent = captionFor(cue);
      el.classList.add('visible');
      clearTimeout(timer);
      timer = setTimeout(() => el.classList.remove('visible'), 6000);
    },
  };
}
