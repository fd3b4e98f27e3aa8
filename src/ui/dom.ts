/**
 * A tiny element builder. All text goes in through text nodes, never through HTML strings, so
 * nothing from a scenario, a log or a student can become markup.
 */
import { parseMarkup } from '../core/cable-markup.ts';
import { findTerms, type TermIndex } from '../core/glossary-terms.ts';

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

/** What a text needs to link glossary terms: the compiled forms and a way to open the glossary at an entry. */
export interface TermLinks {
  index: TermIndex;
  open(term: string): void;
}

/** A button that opens the glossary at `term`; its name is the words shown, the tooltip says where it goes. */
export function termButton(words: string, term: string, links: TermLinks): HTMLButtonElement {
  return h('button', {
    class: 'term-link',
    text: words,
    attrs: { type: 'button', 'aria-haspopup': 'dialog', title: `Glossary: ${term}`, 'data-term': term },
    on: { click: () => links.open(term) },
  });
}

/** A place the copy does not let us read: shown as "[illegible]", announced as such; the OCR reading is never shown. */
export function illegibleGap(): HTMLElement {
  return h('span', { class: 'illegible', text: '[illegible]', attrs: { role: 'img', 'aria-label': 'illegible in the copy' } });
}

/**
 * Renders a transcribed text with its marks (`~~struck~~`, `[[illegible: ...]]`, see
 * src/core/cable-markup.ts) and, given `links`, each glossary term as a button. Struck words and
 * gaps are never linked. Pass one `seen` set to several calls to link only a term's first occurrence.
 */
export function richText(text: string, links?: TermLinks, seen: Set<string> = new Set()): Node[] {
  const out: Node[] = [];
  for (const span of parseMarkup(text)) {
    if (span.kind === 'struck') out.push(...withStrikes(`~~${span.text}~~`));
    else if (span.kind === 'illegible') out.push(illegibleGap());
    else if (!links) out.push(document.createTextNode(span.text));
    else {
      let button: HTMLButtonElement | null = null;
      for (const seg of findTerms(span.text, links.index, seen)) {
        if (seg.kind === 'term') {
          button = termButton(seg.text, seg.term, links);
          out.push(button);
          continue;
        }
        // A button is a box the line may break after, so a comma after a term could start the next
        // line: the punctuation that follows a term is kept on its line with it.
        const stuck = button === null ? null : /^[,.;:!?)\]’”'"…]+/.exec(seg.text);
        if (button !== null && stuck !== null) {
          out[out.length - 1] = h('span', { class: 'term-with-stop' }, button, stuck[0]);
          if (seg.text.length > stuck[0].length) out.push(document.createTextNode(seg.text.slice(stuck[0].length)));
        } else out.push(document.createTextNode(seg.text));
        button = null;
      }
    }
  }
  return out;
}

/**
 * Splits text into paragraphs on blank lines. Given `links`, glossary terms become buttons (the
 * first occurrence of each in the text) and the text's marks are rendered as in `richText`.
 */
export function paragraphs(text: string, links?: TermLinks): HTMLParagraphElement[] {
  const seen = new Set<string>();
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map((p) => (links ? h('p', {}, ...richText(p, links, seen)) : h('p', {}, p)));
}
