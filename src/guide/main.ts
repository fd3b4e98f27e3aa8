/**
 * The teacher guide (guide.html): the prose is in the page; what must stay true as the game
 * changes is drawn here from the game's own data: the vocabulary from the shared glossary file,
 * the posts and their worlds from the registry, the phases from the core, and the link builder
 * over the parameters the game reads. Plain DOM, no Phaser, no store; nothing is sent anywhere.
 */
import '@fontsource/libre-franklin/400.css';
import '@fontsource/libre-franklin/600.css';
import '@fontsource/courier-prime/400.css';
import '@fontsource/courier-prime/700.css';
import '../ui/styles.css';
import '../ui/game.css';
import './guide.css';
import { glossary, posts, type PostSummary } from '../content.ts';
import { PHASES } from '../core/scenario/schema.ts';
import type { Glossary } from '../core/scenario/schema.ts';
import { h } from '../ui/dom.ts';
import { PHASE_TITLES } from '../ui/phases.ts';
import { localDeadline } from '../ui/post-chooser.ts';
import { LESSON_PLAN, PHASE_QUESTIONS, schedule } from './lesson.ts';
import { worldsFor } from './link.ts';
import { renderLinkBuilder } from './link-builder.ts';

/** "UTC−6", "UTC−4:30": the offset as the research tables write it. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const m = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}

function renderVocabulary(terms: Glossary['terms']): HTMLElement {
  return h(
    'dl',
    { class: 'vocabulary' },
    ...terms.map((t) =>
      h(
        'div',
        { class: 'term', attrs: { 'data-term': t.term } },
        h('dt', {}, h('strong', { text: t.term }), h('span', { class: 'expansion', text: ` (${t.expansion})` })),
        h('dd', { text: t.definition }),
        h('dd', { class: 'src', text: `Source: ${t.source}` }),
      ),
    ),
  );
}

function renderPosts(list: readonly PostSummary[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'posts', id: 'posts' },
      h('caption', { text: `${list.length} ${list.length === 1 ? 'post' : 'posts'}, west to east` }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Post', 'Id for the link', 'Offset to Greenwich', 'Press conference, local time', 'Worlds (id and title)'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })),
        ),
      ),
      h(
        'tbody',
        {},
        ...list.map((p) =>
          h(
            'tr',
            { attrs: { 'data-post': p.id } },
            h('th', { attrs: { scope: 'row' }, text: `${p.post.city}, ${p.post.country}` }),
            h('td', {}, h('code', { text: p.id })),
            h('td', { class: 'nowrap', text: utcOffset(p.post.utcOffsetMinutes) }),
            h('td', { class: 'nowrap', text: localDeadline(p) }),
            h('td', {}, h('ul', { class: 'worlds' }, ...Object.entries(p.variants).map(([id, v]) => h('li', {}, h('code', { text: id }), `: ${v.label}`)))),
          ),
        ),
      ),
    ),
  );
}

/** The world ids every post has, as the parameter table names them. */
function renderVariantIds(list: readonly PostSummary[]): Node[] {
  const ids = worldsFor(list, null).map((w) => w.id);
  const out: Node[] = [];
  ids.forEach((id, i) => {
    if (i > 0) out.push(document.createTextNode(i === ids.length - 1 ? ' or ' : ', '));
    out.push(h('code', { text: id }));
  });
  out.push(document.createTextNode(ids.length > 0 ? ' (every post has these; see the table for each post\u2019s own)' : 'see each post in the table'));
  return out;
}

function renderQuestions(): HTMLElement {
  return h(
    'div',
    { class: 'questions' },
    ...PHASES.map((phase, i) =>
      h(
        'div',
        { class: 'phase-questions', attrs: { 'data-phase': phase } },
        h('h3', { id: `questions-${phase}` }, `${i + 1}. ${PHASE_TITLES[phase].title}`, h('span', { class: 'place', text: ` · ${PHASE_TITLES[phase].place}` })),
        h('ol', {}, ...PHASE_QUESTIONS[phase].map((q) => h('li', { text: q }))),
      ),
    ),
  );
}

function renderPlan(): HTMLElement {
  const blocks = schedule(LESSON_PLAN);
  const total = blocks.at(-1)?.to ?? 0;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'plan', id: 'plan-blocks' },
      h('caption', { text: `${blocks.length} blocks, ${total} minutes` }),
      h('thead', {}, h('tr', {}, ...['Minutes', 'Block', 'What happens'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))),
      h(
        'tbody',
        {},
        ...blocks.map((b) =>
          h(
            'tr',
            { attrs: { 'data-minutes': String(b.minutes) } },
            h('td', { class: 'nowrap' }, `${b.from}–${b.to}`, h('span', { class: 'sub', text: `${b.minutes} min` })),
            h('th', { attrs: { scope: 'row' }, text: b.title }),
            h('td', { text: b.activity }),
          ),
        ),
      ),
      h('tfoot', {}, h('tr', {}, h('td', { text: `${total} min` }), h('th', { attrs: { scope: 'row' }, text: 'In all' }), h('td', {}))),
    ),
  );
}

function fill(id: string, ...content: Node[]): void {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The guide has no #${id} element.`);
  el.replaceChildren(...content);
}

function boot(): void {
  fill('vocabulary-list', renderVocabulary(glossary.terms));
  fill('post-table', renderPosts(posts));
  fill('variant-ids', ...renderVariantIds(posts));
  fill('link-builder', renderLinkBuilder(posts, document.baseURI));
  fill('questions-list', renderQuestions());
  fill('plan-table', renderPlan());
  document.getElementById('print-guide')?.addEventListener('click', () => window.print());
  document.body.setAttribute('data-ready', 'true');
}

try {
  boot();
} catch (error) {
  document.body.setAttribute('data-ready', 'failed');
  const main = document.getElementById('main');
  main?.prepend(h('p', { class: 'warning', attrs: { role: 'alert' }, text: `Part of this guide could not be drawn: ${error instanceof Error ? error.message : String(error)}` }));
}
