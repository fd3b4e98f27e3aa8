/**
 * The branch map: the scenario's graph in SVG, phases as bands (layout: branch-map-layout.ts), the
 * current path, what the attempts explored and the endings marked, each decision of the current path
 * a rewind point. Unreached nodes show only their phase until `reveal`. The drawing is hidden from
 * screen readers except its rewind points; the same graph follows as a nested list. No store import:
 * the caller passes a view and gets `onRewind` calls.
 */
import type { Scenario, TrailStep } from '../core/play.ts';
import { edgeLabel, mapMarks, type MapMark, type MapMarks } from '../core/replay/map.ts';
import { h } from './dom.ts';
import { createModal } from './modal.ts';
import { phaseOf } from './phases.ts';
import { BAND_HEAD, countLabelAt, layoutMap, type EdgeShape, type MapLayout, type NodeBox, type Point } from './branch-map-layout.ts';
import { mapList, nodeWords, rewindAt } from './branch-map-list.ts';
import './branch-map.css';

export interface MapView {
  scenario: Scenario;
  /** Every attempt's full trail, in attempt order. */
  trails: readonly TrailStep[][];
  /** Every attempt's current or last node. */
  ends: readonly string[];
  /** Which attempt is the current one. */
  current: number;
  /** The path on screen now (shorter than `trails[current]` when looking back). */
  currentTrail: readonly TrailStep[];
  currentNode: string;
  /** At the debrief: every node's text may be shown. */
  reveal: boolean;
  rewind: 'free' | 'look' | 'off';
  /** For the class review: students per edge key and per ending node id. */
  counts?: { edges: Record<string, number>; endings: Record<string, number> };
  /** `keep` = how many decisions of `currentTrail` to keep (0 = back to the start). */
  onRewind?(keep: number): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const MIN_SCALE = 0.1;
const MAX_SCALE = 2.5;
const PAN = 80;
/** Characters per line of a node's label, and lines. */
const LINE_CHARS = 24;
let instances = 0;

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/** Words wrapped into at most `max` lines of about LINE_CHARS characters; the last line ends in "…" when cut. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${(kept[max - 1] ?? '').replace(/[.,;:…]?$/, '')}…`;
  return kept;
}

/** A smooth line through dagre's points (a uniform B-spline, as d3's curveBasis). */
function curve(p: readonly Point[]): string {
  const f = (n: number): string => n.toFixed(1);
  if (p.length < 3) return p.map((q, i) => `${i ? 'L' : 'M'}${f(q.x)},${f(q.y)}`).join('');
  const [a, b] = p as [Point, Point];
  let d = `M${f(a.x)},${f(a.y)}L${f((5 * a.x + b.x) / 6)},${f((5 * a.y + b.y) / 6)}`;
  for (let i = 2; i <= p.length; i++) {
    const p0 = p[i - 2] as Point;
    const p1 = p[i - 1] as Point;
    const p2 = p[Math.min(i, p.length - 1)] as Point;
    d += `C${f((2 * p0.x + p1.x) / 3)},${f((2 * p0.y + p1.y) / 3)} ${f((p0.x + 2 * p1.x) / 3)},${f((p0.y + 2 * p1.y) / 3)} ${f((p0.x + 4 * p1.x + p2.x) / 6)},${f((p0.y + 4 * p1.y + p2.y) / 6)}`;
  }
  const last = p[p.length - 1] as Point;
  return `${d}L${f(last.x)},${f(last.y)}`;
}

/** Straight runs with rounded corners (the edges between bands). */
function runs(p: readonly Point[], r = 8): string {
  let d = `M${p[0]?.x ?? 0},${p[0]?.y ?? 0}`;
  for (let i = 1; i < p.length - 1; i++) {
    const [a, b, c] = [p[i - 1], p[i], p[i + 1]] as [Point, Point, Point];
    const r1 = Math.min(r, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const u = (q: Point): Point => {
      const len = Math.hypot(q.x - b.x, q.y - b.y) || 1;
      return { x: b.x + ((q.x - b.x) / len) * r1, y: b.y + ((q.y - b.y) / len) * r1 };
    };
    const [s1, s2] = [u(a), u(c)];
    d += `L${s1.x},${s1.y}Q${b.x},${b.y} ${s2.x},${s2.y}`;
  }
  const last = p[p.length - 1];
  return last ? `${d}L${last.x},${last.y}` : d;
}

interface Drawn {
  svg: SVGSVGElement;
  nodes: Map<string, SVGGElement>;
  edges: Map<string, SVGGElement>;
  edgeLayer: SVGGElement;
}

function drawStatic(scenario: Scenario, layout: MapLayout, prefix: string): Drawn {
  const marker = (mark: string): SVGMarkerElement =>
    s('marker', { id: `${prefix}-${mark}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: `bm-arrow bm-arrow-${mark}` }, s('path', { d: 'M0,0L10,5L0,10z' }));
  const bands = layout.bands.map((b, i) =>
    s('g', { class: `bm-band ${i % 2 ? 'bm-band-odd' : ''}` },
      // A path, not a rect: a test may take every `[data-node] rect` as a node box, and <body> carries data-node too.
      s('path', { class: 'bm-band-bg', d: `M0,${b.y}H${layout.width}V${b.y + b.h}H0Z` }),
      s('text', { class: 'bm-band-title', x: 12, y: b.y + BAND_HEAD / 2 + 5 }, `${i + 1}. ${phaseOf(scenario, b.phase).title}`, s('tspan', { class: 'bm-band-place', dx: 8 }, phaseOf(scenario, b.phase).place))));
  const edges = new Map<string, SVGGElement>();
  for (const e of layout.edges) {
    edges.set(e.key, s('g', { class: 'bm-edge', 'data-edge': e.key }, s('path', { d: e.cross ? runs(e.points) : curve(e.points) })));
  }
  const edgeLayer = s('g', { class: 'bm-edges' }, ...edges.values());
  const nodes = new Map<string, SVGGElement>();
  for (const box of layout.nodes.values()) {
    nodes.set(box.id, s('g', { class: 'bm-node', 'data-node': box.id, transform: `translate(${box.x},${box.y})`, ...(box.kind === 'ending' ? { 'data-ending': '' } : {}) }));
  }
  const svg = s('svg', {
    class: 'bm-svg', xmlns: SVG, viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, role: 'group', 'aria-label': 'Branch map: rewind points',
  },
  s('defs', {}, marker('path'), marker('explored'), marker('unexplored')),
  s('g', { 'aria-hidden': 'true' }, ...bands),
  s('g', { 'aria-hidden': 'true' }, edgeLayer),
  s('g', { class: 'bm-nodes' }, ...nodes.values()));
  return { svg, nodes, edges, edgeLayer };
}

const TAG: Record<MapMark, string> = { current: 'YOU ARE HERE', path: '', explored: '', unexplored: '' };

/** The tag row of a node's box: "DECISION 3" or "YOU ARE HERE 5" on the left, "END" or "CHANCE" on the right. */
function tagsOf(view: MapView, box: NodeBox, mark: MapMark, k: number | null): { left: string; right: string } {
  const left = k !== null ? `${TAG[mark] || 'DECISION'} ${k + 1}` : TAG[mark] || (box.kind === 'chance' ? 'CHANCE' : '');
  const endCount = box.kind === 'ending' && view.counts ? ` · ${view.counts.endings[box.id] ?? 0}` : '';
  const right = box.kind === 'ending' ? `END${endCount}` : box.kind === 'chance' && left !== 'CHANCE' ? 'CHANCE' : '';
  return { left, right };
}

/**
 * A rewind point's accessible name: what its box shows, in the box's order ("Decision 3, chance:
 * Whom to see"), then what Enter does. Speech-input users say what they see, so the name holds the
 * visible words (WCAG 2.5.3); a label cut short on the box is given in full.
 */
function pointName(view: MapView, box: NodeBox, mark: MapMark, k: number, words: string | null): string {
  const { left, right } = tagsOf(view, box, mark, k);
  const sentence = (t: string): string => t.charAt(0) + t.slice(1).toLowerCase();
  const tags = [left, right].filter(Boolean).map(sentence).join(', ');
  return `${tags}: ${words ?? 'not reached yet'}; ${view.rewind === 'look' ? 'look at it' : 'go back to it'}`;
}

/** A node's contents for this view: one rect (the box), the tag row, the label or "?". */
function nodeContent(view: MapView, marks: MapMarks, box: NodeBox, mark: MapMark, k: number | null): Node[] {
  const words = nodeWords(view, marks, box.id);
  const out: Node[] = [s('rect', { class: 'bm-box', width: box.w, height: box.h, rx: box.kind === 'ending' ? 12 : 4 })];
  if (box.kind === 'ending') out.push(s('path', { class: 'bm-box-inner', d: `M12,4H${box.w - 12}A8,8 0 0 1 ${box.w - 4},12V${box.h - 12}A8,8 0 0 1 ${box.w - 12},${box.h - 4}H12A8,8 0 0 1 4,${box.h - 12}V12A8,8 0 0 1 12,4Z` }));
  const { left, right } = tagsOf(view, box, mark, k);
  // Each piece of text ends in a space (not drawn: SVG strips it at a text's end, and it ends a
  // line), so that the words of the box read apart (its name holds them, see pointName).
  if (left) out.push(s('text', { class: 'bm-tag', x: 9, y: 15 }, `${left} `));
  if (right) out.push(s('text', { class: 'bm-tag bm-tag-end', x: box.w - 9, y: 15, 'text-anchor': 'end' }, `${right} `));
  if (words === null) {
    out.push(s('text', { class: 'bm-unknown', x: box.w / 2, y: box.h / 2 + 12, 'text-anchor': 'middle' }, '?'));
  } else {
    const lines = wrap(words, box.kind === 'ending' ? 2 : 3);
    out.push(s('text', { class: 'bm-label', x: 9, y: 31 }, ...lines.map((line, i) => s('tspan', { x: 9, dy: i ? 14.5 : 0 }, `${line} `))));
  }
  return out;
}

function edgeTitle(view: MapView, marks: MapMarks, e: EdgeShape): string {
  return marks.reached.has(e.from) || view.reveal ? edgeLabel(view.scenario, e) : 'A choice not reached yet';
}

/** The drawing for a view and its controls; `update` redraws the marks only. */
function mountMap(first: MapView): { el: HTMLElement; update(view: MapView): void; centre(): void; layout(): MapLayout } {
  const prefix = `bm${++instances}`;
  let view = first;
  let layout = layoutMap(view.scenario);
  let drawn = drawStatic(view.scenario, layout, prefix);
  let scale = 1;
  const viewport = h('div', { class: 'bm-viewport', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Branch map drawing. Arrow keys pan; plus, minus and 0 zoom.' } });
  const zoomLabel = h('output', { class: 'bm-zoom', text: '100%', attrs: { 'aria-live': 'polite' } });
  const listHolder = h('div', {});
  const details = h('details', { class: 'bm-details', attrs: { open: '' } }, h('summary', { text: 'The map as a list' }), listHolder);
  const tool = (text: string, label: string, fn: () => void): HTMLButtonElement =>
    h('button', { class: 'bm-tool', text, attrs: { type: 'button', 'aria-label': label, title: label }, on: { click: fn } });

  const setScale = (next: number, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2): void => {
    const to = Math.min(MAX_SCALE, Math.max(MIN_SCALE, next));
    const px = (viewport.scrollLeft + cx) / scale;
    const py = (viewport.scrollTop + cy) / scale;
    scale = to;
    drawn.svg.setAttribute('width', String(layout.width * scale));
    drawn.svg.setAttribute('height', String(layout.height * scale));
    viewport.scrollLeft = px * scale - cx;
    viewport.scrollTop = py * scale - cy;
    zoomLabel.textContent = `${Math.round(scale * 100)}%`;
  };
  const fit = (): void => {
    setScale(Math.min(viewport.clientWidth / layout.width, viewport.clientHeight / layout.height));
    viewport.scrollLeft = 0;
    viewport.scrollTop = 0;
  };
  const centre = (): void => {
    const box = layout.nodes.get(view.currentNode);
    if (!box) return;
    viewport.scrollLeft = (box.x + box.w / 2) * scale - viewport.clientWidth / 2;
    viewport.scrollTop = (box.y + box.h / 2) * scale - viewport.clientHeight / 2;
  };

  viewport.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [-PAN, 0], ArrowRight: [PAN, 0], ArrowUp: [0, -PAN], ArrowDown: [0, PAN] };
    const by = Object.hasOwn(pan, e.key) ? pan[e.key] : undefined;
    if (by) viewport.scrollBy(by[0], by[1]);
    else if (e.key === '+' || e.key === '=') setScale(scale * 1.25);
    else if (e.key === '-' || e.key === '_') setScale(scale / 1.25);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
  });
  viewport.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = viewport.getBoundingClientRect();
    setScale(scale * Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  // Drag to pan; a drag of more than a few pixels is not a click on a rewind point.
  let drag: { x: number; y: number; left: number; top: number; moved: boolean } | null = null;
  let dragged = false;
  viewport.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, moved: false };
    dragged = false;
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const [dx, dy] = [e.clientX - drag.x, e.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) > 4) {
      drag.moved = true;
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add('bm-dragging');
    }
    if (drag.moved) {
      viewport.scrollLeft = drag.left - dx;
      viewport.scrollTop = drag.top - dy;
    }
  });
  const endDrag = (): void => {
    dragged = drag?.moved ?? false;
    drag = null;
    viewport.classList.remove('bm-dragging');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);

  const rewindFrom = (target: EventTarget | null): number | null => {
    const g = target instanceof Element ? target.closest('[data-rewind]') : null;
    const k = g ? Number(g.getAttribute('data-rewind')) : NaN;
    return Number.isInteger(k) && drawn.svg.contains(g) ? k : null;
  };
  viewport.addEventListener('click', (e) => {
    const k = rewindFrom(e.target);
    if (k !== null && !dragged) view.onRewind?.(k);
    dragged = false;
  });
  viewport.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const k = rewindFrom(e.target);
    if (k === null) return;
    e.preventDefault();
    view.onRewind?.(k);
  });

  const apply = (next: MapView): void => {
    if (next.scenario !== view.scenario) {
      layout = layoutMap(next.scenario);
      const fresh = drawStatic(next.scenario, layout, prefix);
      drawn.svg.replaceWith(fresh.svg);
      drawn = fresh;
      setScale(scale);
    }
    view = next;
    const marks = mapMarks(layout.graph, view);
    for (const [id, g] of drawn.nodes) {
      const box = layout.nodes.get(id) as NodeBox;
      const mark = marks.nodes.get(id) ?? 'unexplored';
      const k = rewindAt(view, marks, id);
      g.setAttribute('data-mark', mark);
      g.replaceChildren(...nodeContent(view, marks, box, mark, k));
      if (k === null) {
        for (const a of ['data-rewind', 'tabindex', 'role', 'aria-label']) g.removeAttribute(a);
        g.setAttribute('aria-hidden', 'true');
      } else {
        g.removeAttribute('aria-hidden');
        g.setAttribute('data-rewind', String(k));
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', pointName(view, box, mark, k, nodeWords(view, marks, id)));
      }
    }
    const layers: Record<Exclude<MapMark, 'current'>, SVGGElement[]> = { unexplored: [], explored: [], path: [] };
    const counts = view.counts;
    // The class's counts, each where no other is written (two choices to the same step share a middle).
    const countAt = counts ? countLabelAt(layout, new Set(layout.edges.filter((e) => (counts.edges[e.key] ?? 0) > 0).map((e) => e.key))) : null;
    for (const e of layout.edges) {
      const g = drawn.edges.get(e.key) as SVGGElement;
      const mark = marks.edges.get(e.key) ?? 'unexplored';
      g.setAttribute('data-mark', mark);
      const path = g.firstElementChild as SVGPathElement;
      path.setAttribute('marker-end', `url(#${prefix}-${mark})`);
      // Only the choices some student took carry a number; a row of zeros would hide the lines.
      const n = view.counts ? (view.counts.edges[e.key] ?? 0) : null;
      g.replaceChildren(path, s('title', {}, edgeTitle(view, marks, e)), ...(n === null || n === 0 ? [] : [s('text', { class: 'bm-count', x: (countAt?.get(e.key) ?? e.label).x, y: (countAt?.get(e.key) ?? e.label).y + 4, 'text-anchor': 'middle' }, String(n))]));
      layers[mark].push(g);
    }
    // The current path is drawn last, so it is never under a pale line.
    drawn.edgeLayer.replaceChildren(...layers.unexplored, ...layers.explored, ...layers.path);
    listHolder.replaceChildren(mapList(view, layout.graph, marks));
  };

  viewport.append(drawn.svg);
  const legend = h('p', { class: 'bm-legend' },
    h('span', { class: 'bm-key bm-key-path', text: 'Thick red: your current path' }),
    h('span', { class: 'bm-key bm-key-explored', text: 'Solid: chosen in an attempt' }),
    h('span', { class: 'bm-key bm-key-unexplored', text: 'Dashed: never chosen' }),
    h('span', { class: 'bm-key', text: 'Double border, END: an ending · ?: not reached yet' }),
  );
  const toolbar = h('div', { class: 'bm-toolbar' }, legend,
    h('div', { class: 'bm-zoom-tools', attrs: { role: 'group', 'aria-label': 'Zoom' } },
      tool('−', 'Zoom out', () => setScale(scale / 1.25)), zoomLabel, tool('+', 'Zoom in', () => setScale(scale * 1.25)),
      tool('Fit', 'Fit the whole map', fit), tool('You are here', 'You are here: centre the map on it', centre)));
  const el = h('div', { class: 'bm' }, toolbar, viewport, details);
  apply(first);
  return { el, update: apply, centre, layout: () => layout };
}

/** The map without a dialog (the review page). Pure DOM; `onRewind` is called on a rewind point. */
export function renderBranchMap(view: MapView): HTMLElement {
  return mountMap(view).el;
}

/** The branch map in its dialog. */
export interface BranchMap {
  el: HTMLDialogElement;
  open(view: MapView): void;
  update(view: MapView): void;
  close(): void;
  isOpen(): boolean;
}

/** The branch map in a modal dialog. `open` lays out the scenario on first use and centres on the current node. */
export function createBranchMap(): BranchMap {
  const modal = createModal('branch-map', 'Branch map', 'branch-map-dialog');
  let map: ReturnType<typeof mountMap> | null = null;
  return {
    el: modal.el,
    open(view) {
      if (map) map.update(view);
      else {
        map = mountMap(view);
        modal.body.replaceChildren(map.el);
      }
      modal.open();
      map.centre();
    },
    update(view) {
      map?.update(view);
    },
    close: () => modal.close(),
    isOpen: () => modal.isOpen(),
  };
}
