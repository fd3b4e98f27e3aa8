/**
 * The circular as the student reads it, in teletype type. It opens on the message (the opening
 * paragraph, points (a)-(h), the Organ and reaction paragraphs, FYI, USUN, the signature), with the
 * page breaks and classification markings in place. The transmission header (the form's boxes,
 * routing, date-time stamp, distribution, and the drafting and clearance box) is one fold away; the
 * stamps added at declassification are in a fold of their own, labelled as no part of the telegram.
 * Glossary terms are buttons that open the glossary at their entry.
 */
import type { Cable } from '../core/play.ts';
import { h, richText, type TermLinks } from './dom.ts';
import { createModal, type Modal } from './modal.ts';

type Block = Cable['pages'][number]['blocks'][number];
type Placed = Block & { page: number };

const KIND_LABEL: Partial<Record<Block['kind'], string>> = {
  fyi: 'For you alone: not to be passed on',
  usun: 'For the US Mission to the UN only',
};

const MESSAGE_KINDS: ReadonlySet<Block['kind']> = new Set(['body', 'point', 'fyi', 'usun', 'signature']);

/** Sorts the blocks, in the file's order, into the header, the message (with its page markings), and the later stamps. */
function sortBlocks(cable: Cable): { head: Placed[]; foot: Placed[]; message: Placed[]; declassification: Placed[] } {
  const head: Placed[] = [];
  const foot: Placed[] = [];
  const message: Placed[] = [];
  const declassification: Placed[] = [];
  let begun = false;
  for (const page of cable.pages) {
    for (const block of page.blocks) {
      const placed = { ...block, page: page.page };
      if (block.kind === 'declassification') declassification.push(placed);
      else if (MESSAGE_KINDS.has(block.kind)) {
        begun = true;
        message.push(placed);
      } else if (!begun) head.push(placed);
      else if (block.kind === 'footer' || block.kind === 'routing') foot.push(placed);
      // Markings among the message are the page's classification lines: they stay in place.
      else message.push(placed);
    }
  }
  return { head, foot, message, declassification };
}

function blockEl(b: Placed, links: TermLinks | undefined, seen: Set<string>): HTMLElement {
  const note = KIND_LABEL[b.kind];
  const attrs: Record<string, string> = b.ref ? { 'data-ref': b.ref } : {};
  return h(
    'p',
    { class: `cable-block cable-${b.kind}`, attrs },
    ...richText(b.text, links, seen),
    note ? h('span', { class: 'cable-note', text: ` (${note})` }) : null,
  );
}

function fold(className: string, summary: string, ...content: HTMLElement[]): HTMLDetailsElement {
  return h('details', { class: `cable-fold ${className}` }, h('summary', { text: summary }), ...content);
}

/** Renders the cable. With `links`, each glossary term's first occurrence in a block is a button. */
export function renderCable(cable: Cable, links?: TermLinks): HTMLElement {
  const { head, foot, message, declassification } = sortBlocks(cable);
  const block = (b: Placed): HTMLElement => blockEl(b, links, new Set());

  const body = h('section', { class: 'cable-message', attrs: { 'aria-label': 'The message' } });
  let page = message[0]?.page ?? 1;
  for (const b of message) {
    if (b.page !== page) {
      page = b.page;
      body.append(h('p', { class: 'cable-page-number', text: `— page ${page} —` }));
    }
    body.append(block(b));
  }

  /** "page 1", "pages 1 and 3", "pages 1, 2 and 4". */
  const pageNote = (blocks: Placed[]): string => {
    const pages = [...new Set(blocks.map((b) => String(b.page)))];
    const last = pages.pop() ?? '';
    return pages.length ? `pages ${pages.join(', ')} and ${last}` : `page ${last}`;
  };

  return h(
    'article',
    { class: 'cable', attrs: { 'aria-label': cable.title } },
    fold(
      'cable-header',
      'Transmission header',
      h('p', { class: 'cable-fold-note', text: 'The telegram form: its boxes, the routing and distribution, and the date-time stamp.' }),
      ...head.map(block),
      h('p', { class: 'cable-fold-note', text: `At the foot of ${pageNote(foot)}: who drafted and cleared the telegram, and the form's print.` }),
      ...foot.map(block),
    ),
    body,
    declassification.length
      ? fold(
          'cable-declass',
          'Added at declassification (not part of the 1962 telegram)',
          h('p', {
            class: 'cable-fold-note',
            text: `Stamps put on the copy when the file was reviewed and declassified decades later (on ${pageNote(declassification)} of the copy).`,
          }),
          ...declassification.map(block),
        )
      : null,
    h(
      'footer',
      { class: 'cable-source' },
      h('p', { text: `Source: ${cable.source}` }),
      cable.notes.length ? h('ul', {}, ...cable.notes.map((n) => h('li', { text: n }))) : null,
    ),
  );
}

/** The cable's window. The cable is rendered when it is first opened: the first screen does not wait for it. */
export function createCableViewer(cable: Cable, links?: TermLinks): Modal {
  const modal = createModal('cable-dialog', 'Circular 938 — the cable', 'cable-dialog');
  let rendered = false;
  return {
    ...modal,
    open() {
      if (!rendered) {
        rendered = true;
        modal.body.append(renderCable(cable, links));
      }
      modal.open();
    },
  };
}
