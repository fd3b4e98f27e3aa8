/**
 * The page's frame, the same for the title drawn before the game has loaded (main.ts) and for the
 * overlay (overlay.ts), which fills it in place when it takes over: the top bar with the post, the
 * stage for the pictures beside the panel for the words, and the status bar. Filling it in place
 * keeps what is on screen, and where the focus and the student's typing are, as they were.
 */
import { h } from './dom.ts';

export interface Skeleton {
  header: HTMLElement;
  main: HTMLElement;
  stageWrap: HTMLElement;
  panel: HTMLElement;
  footer: HTMLElement;
}

export function drawSkeleton(root: HTMLElement, city: string): Skeleton {
  const header = h('header', { class: 'topbar' }, h('h1', { class: 'brand' }, h('strong', { text: 'Circular 938' }), ` · ${city}`));
  const stageWrap = h('div', { class: 'stage-wrap' });
  const panel = h('section', { id: 'panel', class: 'panel', attrs: { 'aria-label': 'Game' } });
  const main = h('main', { class: 'layout' }, stageWrap, panel);
  const footer = h('footer', { class: 'statusbar' });
  root.replaceChildren(h('a', { class: 'skip-link', attrs: { href: '#panel' }, text: 'Skip to the story' }), header, main, footer);
  return { header, main, stageWrap, panel, footer };
}
