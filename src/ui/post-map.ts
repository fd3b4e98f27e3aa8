/**
 * The map of Latin America and the Caribbean behind the post chooser: country shapes from
 * world-atlas (Natural Earth, 1:110m) through topojson-client, projected with d3-geo at build time
 * (src/build/map-land.ts), drawn in SVG; the posts are placed here with the same projection.
 * Each post is a marker with its city and local deadline; a click opens it. The map is a picture
 * for the mouse: the list beside it is the chooser for the keyboard and screen readers.
 */
import { geoMercator } from 'd3-geo';
import land from 'virtual:post-map-land';
import type { PostSummary } from '../posts.ts';
import { localDeadline } from './post-chooser.ts';
import { MAP_FRAME, MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH } from './post-map-frame.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function drawPostMap(into: HTMLElement, posts: readonly PostSummary[], current: string, open: (id: string) => void): void {
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], MAP_FRAME);
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'post-map-svg', role: 'img' });
  svg.append(el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }));
  for (const d of land) svg.append(el('path', { d, class: 'land' }));
  const placed = posts.flatMap((p) => {
    if (p.post.lat === undefined || p.post.lon === undefined) return [];
    const at = projection([p.post.lon, p.post.lat]);
    return at ? [{ p, x: at[0], y: at[1], text: `${p.post.city} ${localDeadline(p).split(' ')[1] ?? ''}` }] : [];
  });
  for (const { p, x, y, text } of placed) {
    // A label goes to the left of its marker when it would run off the map or into a neighbour's marker on the right.
    const width = text.length * 6.2;
    const near = (o: { p: PostSummary; y: number }): boolean => o.p !== p && Math.abs(o.y - y) < 14;
    const right = placed.some((o) => near(o) && o.x > x && o.x - x < width + 12);
    const leftward = placed.some((o) => near(o) && o.x < x && x - o.x < width + 12);
    // Crowded on both sides (Buenos Aires between Santiago and Montevideo): the label goes under the marker.
    const below = (right || x + 9 + width > WIDTH) && leftward;
    const left = !below && (x + 9 + width > WIDTH || right);
    const g = el('g', { class: `post-marker${p.id === current ? ' current' : ''}`, 'data-post': p.id });
    g.append(el('circle', { cx: x, cy: y, r: p.id === current ? 7 : 5 }));
    const label = below
      ? el('text', { x, y: y + 18, 'text-anchor': 'middle' })
      : el('text', { x: left ? x - 9 : x + 9, y: y + 4, 'text-anchor': left ? 'end' : 'start' });
    label.textContent = text;
    g.append(label);
    if (p.id !== current) g.addEventListener('click', () => open(p.id));
    svg.append(g);
  }
  into.replaceChildren(svg);
}
