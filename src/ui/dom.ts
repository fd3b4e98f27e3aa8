/**
 * A tiny element builder. All text goes in through text nodes, never through HTML strings, so
 * nothing from a scenario, a log or a student can become markup.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn as EventListener);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/**
 * Renders text with the cable's `~~struck~~` markup as <s> elements; a visually hidden word
 * tells screen readers that the words are struck through, since <s> alone is not announced.
 */
export function withStrikes(text: string): Node[] {
  const out: Node[] = [];
  const re = /~~(.+?)~~/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(h('s', {}, h('span', { class: 'sr-only', text: '[struck through: ' }), m[1] ?? '', h('span', { class: 'sr-only', text: ']' })));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

/** Splits text into paragraphs on blank lines. */
export function paragraphs(text: string): HTMLParagraphElement[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map((p) => h('p', {}, p));
}
