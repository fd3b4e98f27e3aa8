/**
 * The page's frame, the same for the title drawn before the game has loaded (main.ts) and for the
 * overlay (overlay.ts), which fills it in place when it takes over: the top bar with the post, the
 * stage for the pictures beside the panel for the words, and the status bar. Filling it in place
 * keeps what is on screen, and where the focus and the student's typing are, as they were.
 */
import { h } from './dom.ts';

export interface Skeleton {
  header: HTMLElement;
  /**
   * Where the clock bar and the tools go: until then a hidden stand-in of the same shape, so that
   * the page does not move when they come.
   */
  clockSlot: HTMLElement;
  toolsSlot: HTMLElement;
  main: HTMLElement;
  stageWrap: HTMLElement;
  panel: HTMLElement;
  footer: HTMLElement;
}

/**
 * A clock bar (clock-bar.ts) of the same rows and widths, its words there only to take the room the
 * real ones will, hidden from sight and from assistive technology.
 */
function clockPlaceholder(city: string): HTMLElement {
  const item = (label: string, value: string): HTMLElement =>
    h('span', { class: 'clock-item' }, h('span', { class: 'clock-label', text: label }), h('span', { class: 'clock-value', text: value }));
  return h(
    'div',
    { class: 'clock-bar clock-placeholder', attrs: { 'aria-hidden': 'true' } },
    item(`${city} (UTC−0)`, 'Mon 19 Nov 00:00'),
    item('Washington (UTC−5)', 'Mon 19 Nov 00:00'),
    item('Deadline: press conference', 'Tue 00:00 local · 00:00 Washington'),
    h('span', { class: 'clock-status', text: '00 h 00 min left' }),
  );
}

/** The tools' row as the title shows it (cable, glossary, sound, clock format), as words of the same size. */
function toolsPlaceholder(): HTMLElement {
  const tool = (name: string, key?: string): HTMLElement => h('span', { class: 'tool' }, name, ...(key ? [' ', h('kbd', { text: key })] : []));
  return h('div', { class: 'tools clock-placeholder', attrs: { 'aria-hidden': 'true' } }, tool('Cable', 'C'), tool('Glossary', 'G'), tool('Sound on', 'M'), tool('12-hour clock'));
}

export function drawSkeleton(root: HTMLElement, city: string): Skeleton {
  const clockSlot = clockPlaceholder(city);
  const toolsSlot = toolsPlaceholder();
  const header = h('header', { class: 'topbar' }, h('h1', { class: 'brand' }, h('strong', { text: 'Circular 938' }), ` · ${city}`), clockSlot, toolsSlot);
  const stageWrap = h('div', { class: 'stage-wrap' });
  const panel = h('section', { id: 'panel', class: 'panel', attrs: { 'aria-label': 'Game' } });
  const main = h('main', { class: 'layout' }, stageWrap, panel);
  const footer = h('footer', { class: 'statusbar' });
  root.replaceChildren(h('a', { class: 'skip-link', attrs: { href: '#panel' }, text: 'Skip to the story' }), header, main, footer);
  return { header, clockSlot, toolsSlot, main, stageWrap, panel, footer };
}
