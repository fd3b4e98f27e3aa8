/** The circular as the student reads it: every page, marking and strike-through, in teletype type. */
import type { Cable } from '../core/index.ts';
import { h, withStrikes } from './dom.ts';
import { createModal, type Modal } from './modal.ts';

const KIND_LABEL: Partial<Record<string, string>> = {
  fyi: 'For the ambassador only: not to be passed on',
  usun: 'For the US Mission to the UN only',
};

export function renderCable(cable: Cable): HTMLElement {
  return h(
    'article',
    { class: 'cable', attrs: { 'aria-label': cable.title } },
    ...cable.pages.map((page) =>
      h(
        'section',
        { class: 'cable-page', attrs: { 'aria-label': `Page ${page.page}` } },
        h('p', { class: 'cable-page-number', text: `— page ${page.page} —` }),
        ...page.blocks.map((b) => {
          const note = KIND_LABEL[b.kind];
          return h(
            'p',
            { class: `cable-block cable-${b.kind}`, attrs: b.ref ? { 'data-ref': b.ref } : {} },
            ...withStrikes(b.text),
            note ? h('span', { class: 'cable-note', text: ` (${note})` }) : null,
          );
        }),
      ),
    ),
    h(
      'footer',
      { class: 'cable-source' },
      h('p', { text: `Source: ${cable.source}` }),
      cable.notes.length ? h('ul', {}, ...cable.notes.map((n) => h('li', { text: n }))) : null,
    ),
  );
}

export function createCableViewer(cable: Cable): Modal {
  const modal = createModal('cable-dialog', 'Circular 938 — the cable', 'cable-dialog');
  modal.body.append(renderCable(cable));
  return modal;
}
