/**
 * "Your post" on the title screen: the post this page plays, and (unless the teacher's link locks
 * it, `&lock=post`) every other post as a link that opens it (`?post=…`, the rest of the link kept
 * but the world, which each post names its own way). The list is the keyboard and screen-reader
 * way to choose; a map of the hemisphere (post-map.ts, loaded after the first screen) shows the
 * same posts with their local deadlines.
 */
import { wallTime } from '../core/engine/clock.ts';
import { timeOf } from '../core/engine/clock.ts';
import type { PostSummary } from '../posts.ts';
import { h } from './dom.ts';

export interface ChooserOptions {
  posts: readonly PostSummary[];
  current: string;
  locked: boolean;
}

/** The post's local deadline, "Tue 17:00". */
export function localDeadline(post: PostSummary): string {
  const t = wallTime(timeOf(post.deadline), post.post.utcOffsetMinutes);
  return `${t.weekday} ${t.hhmm}`;
}

/**
 * The link that opens a post, keeping the teacher's other parameters but the world. Only a query,
 * so it opens the page it is on, whatever its name: index.html on the site, the one-file copy from disk.
 */
export function postLink(id: string, search: string): string {
  const params = new URLSearchParams(search);
  params.set('post', id);
  params.delete('variant');
  return `?${params.toString()}`;
}

export function renderChooser(o: ChooserOptions): HTMLElement {
  const current = o.posts.find((p) => p.id === o.current);
  const map = h('div', { class: 'post-map', id: 'post-map', attrs: { 'aria-hidden': 'true' } });
  const section = h(
    'section',
    { class: 'post-chooser', id: 'post-chooser', attrs: { 'aria-labelledby': 'post-title' } },
    h('h3', { id: 'post-title', text: 'Your post' }),
    current
      ? h('p', { class: 'post-current' }, h('strong', { text: `${current.post.city}, ${current.post.country}` }), ` · the press conference falls at ${localDeadline(current)} local time`)
      : null,
  );
  if (o.locked || o.posts.length < 2) return section;
  const others = o.posts.filter((p) => p.id !== o.current);
  section.append(
    map,
    h('p', { class: 'post-hint', text: 'Another post? Each capital received the same circular; choose one to play it there.' }),
    h(
      'ul',
      { class: 'post-list', attrs: { 'aria-label': 'Other posts' } },
      ...others.map((p) =>
        h('li', {}, h('a', { attrs: { href: postLink(p.id, location.search), 'data-post': p.id } }, `${p.post.city}, ${p.post.country}`), ` · deadline ${localDeadline(p)}`),
      ),
    ),
  );
  // The map arrives after the first screen; without it the list is the whole chooser.
  void import('./post-map.ts')
    .then(({ drawPostMap }) => drawPostMap(map, o.posts, o.current, (id) => location.assign(postLink(id, location.search))))
    .catch(() => map.remove());
  return section;
}
