/**
 * The glossary of the cable's abbreviations and terms. It opens at an entry when a term is chosen in
 * the cable or the story (`openAt`); `links` is what those texts need to make their terms buttons.
 */
import type { Glossary } from '../core/play.ts';
import { buildTermIndex } from '../core/glossary-terms.ts';
import { h, type TermLinks } from './dom.ts';
import { createModal, type Modal } from './modal.ts';

export interface GlossaryDialog extends Modal {
  /** Opens the glossary (if it is not open) and moves focus to the entry for `term`. */
  openAt(term: string): void;
  links: TermLinks;
}

function slug(term: string): string {
  return term.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'term';
}

/**
 * `postId` says which post is being played: a term of one post only (`posts` in the glossary file) is
 * listed, and linked, in that post's game alone.
 */
export function createGlossary(glossary: Glossary, postId: () => string = () => ''): GlossaryDialog {
  const modal = createModal('glossary-dialog', 'Glossary', 'glossary-dialog');
  const entries = new Map<string, HTMLElement>();
  // The entries are built when the glossary is first opened: the first screen does not wait for them.
  const scoped: { posts: readonly string[]; els: HTMLElement[] }[] = [];
  let built = false;
  function build(): void {
    if (built) return;
    built = true;
    const terms = [...glossary.terms].sort((a, b) => a.term.localeCompare(b.term));
    const used = new Set<string>();
    modal.body.append(h(
      'dl',
      { class: 'glossary' },
      ...terms.flatMap((t) => {
        let id = `glossary-${slug(t.term)}`;
        while (used.has(id)) id += '-x';
        used.add(id);
        const dt = h(
          'dt',
          { id, attrs: { tabindex: '-1' } },
          h('strong', { text: t.term }),
          ' ',
          h('span', { class: 'expansion', text: `(${t.expansion})` }),
        );
        entries.set(t.term, dt);
        const dd = h('dd', {}, h('p', { text: t.definition }), h('p', { class: 'source', text: `Source: ${t.source}` }));
        if (t.posts) scoped.push({ posts: t.posts, els: [dt, dd] });
        return [dt, dd];
      }),
    ));
  }

  /** Shows only the terms of the post being played. */
  function fit(): void {
    const post = postId();
    for (const { posts, els } of scoped) for (const el of els) el.hidden = !posts.includes(post);
  }
  const open = (): void => {
    build();
    fit();
    modal.open();
  };

  let target: HTMLElement | null = null;
  function openAt(term: string): void {
    open();
    const dt = entries.get(term);
    if (!dt) return;
    target?.classList.remove('is-target');
    target = dt;
    dt.classList.add('is-target');
    dt.scrollIntoView({ block: 'start' });
    dt.focus({ preventScroll: true });
  }
  modal.el.addEventListener('close', () => {
    target?.classList.remove('is-target');
    target = null;
  });

  // A text links the terms of every post: a term of another post does not occur in this post's text.
  return {
    ...modal,
    open,
    openAt,
    links: { index: buildTermIndex(glossary.terms), open: openAt },
  };
}
