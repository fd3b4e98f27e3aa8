/** The last resort: when the game cannot start, the page says so in words a student can act on. */
import { h } from './dom.ts';

export function showFatal(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  const app = document.getElementById('app') ?? document.body;
  app.replaceChildren(
    // The page's one landmark holds the message, which is announced as it appears.
    h(
      'main',
      { class: 'fatal' },
      h(
        'div',
        { attrs: { role: 'alert' } },
        h('h1', { text: 'Circular 938 could not start' }),
        h('p', { text: 'Something stopped the game from loading. Try reloading the page. If it happens again, tell your teacher and show them the message below.' }),
        h('pre', { class: 'fatal-detail', text: detail }),
      ),
    ),
  );
  document.body.dataset['phase'] = 'error';
}
