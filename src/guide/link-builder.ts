/**
 * "Make a link": a small form over `buildGameLink` (link.ts). Every field is labelled and a native
 * control, so it works by keyboard and screen reader; the link is redrawn on every change, and
 * "Copy the link" uses the clipboard where the browser allows it (a secure context) and selects
 * the text for Ctrl+C where it does not (a school server on plain http).
 */
import type { PostSummary } from '../posts.ts';
import { CLASS_CODE_MAX_LENGTH } from '../store/link-params.ts';
import { h } from '../ui/dom.ts';
import { buildGameLink, worldsFor, type LinkChoice, type LinkProblem } from './link.ts';

const REWIND_OPTIONS = [
  { value: 'free', text: 'Free: choose again (the default)' },
  { value: 'look', text: 'Look back, change nothing' },
  { value: 'off', text: 'Off: no going back' },
] as const;

/** Copies `text`; false when the browser allowed neither the clipboard nor the copy command. */
async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, or the page lost focus): fall back to the selection.
    }
  }
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The form; `base` is the URL the link is resolved against (the guide's own). */
export function renderLinkBuilder(posts: readonly PostSummary[], base: string): HTMLElement {
  const post = h(
    'select',
    { id: 'lb-post', attrs: { name: 'post' } },
    h('option', { attrs: { value: '' }, text: 'Let each student choose' }),
    ...posts.map((p) => h('option', { attrs: { value: p.id }, text: `${p.post.city}, ${p.post.country}` })),
  );
  const lock = h('input', { id: 'lb-lock', attrs: { type: 'checkbox', name: 'lock' } });
  const worlds = h('div', { class: 'lb-worlds' });
  const worldSet = h('fieldset', { class: 'lb-field lb-world' }, h('legend', { text: 'World' }), worlds);
  const classCode = h('input', {
    id: 'lb-class',
    attrs: { type: 'text', name: 'class', maxlength: String(CLASS_CODE_MAX_LENGTH), autocomplete: 'off', 'aria-describedby': 'lb-class-hint lb-class-error' },
  });
  const classError = h('p', { class: 'form-error', id: 'lb-class-error' });
  const seed = h('input', {
    id: 'lb-seed',
    attrs: { type: 'text', name: 'seed', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'lb-seed-hint lb-seed-error' },
  });
  const seedError = h('p', { class: 'form-error', id: 'lb-seed-error' });
  const rewind = h('select', { id: 'lb-rewind', attrs: { name: 'rewind', 'aria-describedby': 'lb-rewind-hint' } }, ...REWIND_OPTIONS.map((o) => h('option', { attrs: { value: o.value }, text: o.text })));
  const reasons = h('input', { id: 'lb-reasons', attrs: { type: 'checkbox', name: 'reasons' } });
  const classGame = h('input', { id: 'lb-class-game', attrs: { type: 'checkbox', name: 'mode' } });
  const output = h('input', { id: 'lb-link', class: 'lb-link', attrs: { type: 'text', readonly: '', spellcheck: 'false', 'aria-describedby': 'lb-status' } });
  const copy = h('button', { class: 'primary', id: 'lb-copy', attrs: { type: 'button' }, text: 'Copy the link' });
  const open = h('a', { class: 'lb-open', id: 'lb-open', attrs: { href: './index.html', target: '_blank', rel: 'noopener' }, text: 'Open it in a new tab' });
  const status = h('p', { class: 'lb-status', id: 'lb-status', attrs: { role: 'status' } });

  /** The worlds offered for the chosen post, keeping the one chosen when the new post has it too. */
  const drawWorlds = (): void => {
    const before = worlds.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
    const offered = [{ id: '', label: 'Let each student choose (the title selects the first)' }, ...worldsFor(posts, post.value === '' ? null : post.value)];
    const keep = offered.some((w) => w.id === before) ? before : '';
    worlds.replaceChildren(
      ...offered.map((w, i) => {
        const input = h('input', { id: `lb-world-${i}`, attrs: { type: 'radio', name: 'world', value: w.id } });
        input.checked = w.id === keep;
        const id = w.id === '' ? null : h('code', { text: w.id });
        return h('div', { class: 'lb-choice' }, input, h('label', { attrs: { for: `lb-world-${i}` } }, w.label, id ? ' ' : null, id));
      }),
    );
  };

  const choice = (): LinkChoice => ({
    post: post.value === '' ? null : post.value,
    lock: lock.checked && post.value !== '',
    variant: worlds.querySelector<HTMLInputElement>('input:checked')?.value || null,
    classCode: classCode.value,
    seed: seed.value,
    rewind: rewind.value as LinkChoice['rewind'],
    reasons: reasons.checked ? 'required' : 'optional',
    classGame: classGame.checked,
  });

  const showProblems = (problems: readonly LinkProblem[]): void => {
    const of = (field: LinkProblem['field']): string => problems.find((p) => p.field === field)?.message ?? '';
    for (const [input, error, field] of [[classCode, classError, 'classCode'], [seed, seedError, 'seed']] as const) {
      error.textContent = of(field);
      if (error.textContent) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };

  const redraw = (): void => {
    lock.disabled = post.value === '';
    if (lock.disabled) lock.checked = false;
    const built = buildGameLink(choice());
    showProblems(built.ok ? [] : built.problems);
    if (!built.ok) {
      output.value = '';
      copy.disabled = true;
      open.hidden = true;
      status.textContent = 'Correct the field marked above to get a link.';
      return;
    }
    const url = new URL(built.href, base).href;
    output.value = url;
    open.setAttribute('href', url);
    open.hidden = false;
    copy.disabled = false;
    status.textContent = '';
  };

  copy.addEventListener('click', () => {
    const text = output.value;
    if (text === '') return;
    void copyText(text, output).then((done) => {
      status.textContent = done
        ? 'Copied. Paste it where your students will find it.'
        : 'This browser did not let the page copy. The link is selected: press Ctrl+C (or ⌘C on a Mac) to copy it.';
    });
  });

  const form = h(
    'form',
    { class: 'link-builder', id: 'link-form', attrs: { 'aria-labelledby': 'builder-title', novalidate: '' } },
    h('div', { class: 'lb-field' }, h('label', { attrs: { for: 'lb-post' }, text: 'Post' }), post),
    h('div', { class: 'lb-field lb-choice' }, lock, h('label', { attrs: { for: 'lb-lock' }, text: 'Keep the class on this post (the title offers no other)' })),
    worldSet,
    h(
      'div',
      { class: 'lb-field' },
      h('label', { attrs: { for: 'lb-class' }, text: 'Class code' }),
      h('span', { class: 'hint', id: 'lb-class-hint', text: `Optional, up to ${CLASS_CODE_MAX_LENGTH} characters; written into every log.` }),
      classCode,
      classError,
    ),
    h(
      'div',
      { class: 'lb-field' },
      h('label', { attrs: { for: 'lb-seed' }, text: 'Seed' }),
      h('span', { class: 'hint', id: 'lb-seed-hint', text: 'Optional: a whole number, so that every game from this link draws the same chances.' }),
      seed,
      seedError,
    ),
    h(
      'div',
      { class: 'lb-field' },
      h('label', { attrs: { for: 'lb-rewind' }, text: 'Going back over decisions' }),
      h('span', { class: 'hint', id: 'lb-rewind-hint', text: 'Free: choose again from any decision, every attempt kept. Look: see earlier decisions only. Off: no going back.' }),
      rewind,
    ),
    h('div', { class: 'lb-field lb-choice' }, reasons, h('label', { attrs: { for: 'lb-reasons' }, text: 'Students must write why at the six key decisions' })),
    h(
      'div',
      { class: 'lb-field lb-choice' },
      classGame,
      h('label', { attrs: { for: 'lb-class-game' }, text: 'A class game on the projector: large type, choices lettered for a show of hands, you click' }),
    ),
    h(
      'div',
      { class: 'lb-result' },
      h('label', { attrs: { for: 'lb-link' }, text: 'The link for your students' }),
      output,
      h('div', { class: 'lb-actions' }, copy, open),
      status,
    ),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', redraw);
  form.addEventListener('change', (e) => {
    if (e.target === post) drawWorlds();
    redraw();
  });
  drawWorlds();
  redraw();
  return form;
}
