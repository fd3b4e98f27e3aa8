/** The glossary of the cable's abbreviations and terms. */
import type { Glossary } from '../core/index.ts';
import { h } from './dom.ts';
import { createModal, type Modal } from './modal.ts';

export function createGlossary(glossary: Glossary): Modal {
  const modal = createModal('glossary-dialog', 'Glossary', 'glossary-dialog');
  const terms = [...glossary.terms].sort((a, b) => a.term.localeCompare(b.term));
  modal.body.append(
    h(
      'dl',
      { class: 'glossary' },
      ...terms.flatMap((t) => [
        h('dt', {}, h('strong', { text: t.term }), ' ', h('span', { class: 'expansion', text: `(${t.expansion})` })),
        h('dd', {}, h('p', { text: t.definition }), h('p', { class: 'source', text: `Source: ${t.source}` })),
      ]),
    ),
  );
  return modal;
}
