/**
 * The first screen: plain DOM, drawn from the post's front (a few hundred bytes) before the rest of
 * the game has loaded. The student gives a name (as the teacher will see it in the log), an optional
 * class code, and the world; a teacher's link can preset them (?variant=counterfactual&class=9B). In
 * a class game (?mode=class) it says so first, and the name is the one the class's log should carry.
 *
 * The game behind the title (its store, with the saved game if there is one) is attached when it has
 * loaded, without redrawing what the student may be typing in: the saved game and the kept saves
 * appear in their places, and a Begin pressed before then goes ahead once it has (asking first, as
 * always, when it would replace a saved game).
 */
import { wallTime } from '../core/engine/clock.ts';
import type { PostFront } from '../core/scenario/front.ts';
import type { SessionState } from '../core/play.ts';
import { CLASS_CODE_MAX_LENGTH, NAME_MAX_LENGTH, type LinkPreset } from '../store/link-params.ts';
import { ONE_FILE } from '../offline/one-file.ts';
import { renderChooser, type ChooserOptions } from './post-chooser.ts';
import { h, paragraphs } from './dom.ts';
import { PHASE_TITLES } from './phases.ts';

export interface TitleOptions {
  front: PostFront;
  /** The posts to choose from, the one played here, and whether the teacher's link locks it. */
  chooser?: ChooserOptions;
  /** Opens a log file for watching; resolves with why it cannot be opened, or null. Left out: no "Watch a log". */
  onWatch?: (file: File) => Promise<string | null>;
  /** The teacher's link, read by `readLinkParams`; `problems` says why any of its values was left out. */
  preset: LinkPreset & { problems?: readonly string[] };
  /** The teacher's link asks for a class game (`?mode=class`): the whole class plays one game on the projector. */
  classGame?: boolean;
  /** The game behind the title, when it has already loaded; otherwise attach it later. */
  game?: TitleGame;
}

/** What the title needs of the game behind it. */
export interface TitleGame {
  saved: { session: SessionState; student: string; classGame?: boolean } | null;
  /** Saves this version could not resume, kept for the teacher (oldest first). */
  setAside?: readonly { at: string; sentence: string; text: string }[];
  onStart(input: { name: string; classCode: string; variant: string }): void;
  onResume(): void;
}

export interface Title {
  el: HTMLElement;
  /** Whether it was drawn for a class game. */
  classGame: boolean;
  /** The game has loaded: shows its saved game and kept saves, and carries out a Begin already pressed. */
  attach(game: TitleGame): void;
}

/** How many kept saves the title lists (the newest); the rest stay stored. */
const SET_ASIDE_SHOWN = 3;

/** Offers each kept save as a file, so that the teacher can read what could not be resumed. */
function renderSetAside(kept: readonly { at: string; sentence: string; text: string }[]): HTMLElement | null {
  if (kept.length === 0) return null;
  const newest = kept.slice(-SET_ASIDE_SHOWN).reverse();
  const download = (item: { at: string; text: string }): void => {
    const url = URL.createObjectURL(new Blob([item.text], { type: 'application/json' }));
    const a = h('a', { attrs: { href: url, download: `circular938-kept-save-${item.at.replace(/[^0-9TZ]/g, '')}.json` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return h(
    'div',
    { class: 'resume set-aside', id: 'set-aside' },
    h('p', {
      text: `${kept.length === 1 ? 'A saved game this version could not continue is' : `${kept.length} saved games this version could not continue are`} kept in this browser for your teacher.`,
    }),
    ...newest.map((item, i) =>
      h('button', {
        class: 'secondary download-set-aside',
        id: i === 0 ? 'download-set-aside' : `download-set-aside-${i}`,
        attrs: { type: 'button' },
        text: `Download the save kept on ${item.at.slice(0, 16).replace('T', ' at ')} UTC`,
        on: { click: () => download(item) },
      }),
    ),
  );
}

/**
 * "How you will be judged", from the rubric's own guide: shown, not folded, so that every student has
 * read the criteria before the first choice.
 */
function renderGuide(front: PostFront): HTMLElement {
  const { guide } = front;
  const max = guide.reduce((n, c) => n + c.points, 0);
  return h(
    'section',
    { class: 'judged', id: 'how-judged', attrs: { 'aria-labelledby': 'how-judged-title' } },
    h('h3', { id: 'how-judged-title' }, 'How you will be judged', h('span', { class: 'hint', text: ` (${max} points)` })),
    h(
      'ul',
      { class: 'judged-list' },
      ...guide.map((c) =>
        h(
          'li',
          {},
          h('strong', { text: c.title }),
          h('span', { class: 'judged-points', text: ` (${c.points} ${c.points === 1 ? 'point' : 'points'})` }),
          `: ${c.text}`,
        ),
      ),
    ),
  );
}

/** Why values of the teacher's link were left out, one sentence each, just above the form they would have filled. */
function renderLinkProblems(problems: readonly string[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return h('div', { class: 'resume link-problems', id: 'link-problems', attrs: { role: 'status' } }, ...problems.map((p) => h('p', { text: p })));
}

/** What a class game is, at the top of the title: the class reads, votes by a show of hands, the teacher clicks. */
function renderClassGame(): HTMLElement {
  return h(
    'section',
    { class: 'class-game', id: 'class-game', attrs: { 'aria-labelledby': 'class-game-title' } },
    h('h3', { id: 'class-game-title', text: 'Class game — the teacher plays for the class' }),
    h('p', {
      text:
        'Everyone reads the screen together. At each decision the class votes by a show of hands for A, B, C…, and the teacher ' +
        'clicks the choice (or presses its letter). The teacher may type the class’s reason where the game asks why. ' +
        'The decision log records that the whole class played this game.',
    }),
  );
}

/** How to play by keyboard: number keys and single letters, or in a class game letters for choices and Shift for the tools. */
function renderHow(classGame: boolean): HTMLElement {
  if (classGame) {
    return h(
      'p',
      { class: 'how' },
      'Letter keys ',
      h('kbd', { text: 'A' }),
      ' ',
      h('kbd', { text: 'B' }),
      ' ',
      h('kbd', { text: 'C' }),
      '… (or the number keys) pick a choice; ',
      h('kbd', { text: 'Shift+C' }),
      ' opens the cable, ',
      h('kbd', { text: 'Shift+G' }),
      ' the glossary, ',
      h('kbd', { text: 'Shift+M' }),
      ' turns sound on or off; once the game has begun, ',
      h('kbd', { text: 'Shift+D' }),
      ' lists the decisions and ',
      h('kbd', { text: 'Shift+B' }),
      ' opens the branch map.',
    );
  }
  return h(
    'p',
    { class: 'how' },
    'Play with the keyboard or the mouse: number keys pick a choice, ',
    h('kbd', { text: 'C' }),
    ' opens the cable, ',
    h('kbd', { text: 'G' }),
    ' the glossary, ',
    h('kbd', { text: 'M' }),
    ' turns sound on or off; once the game has begun, ',
    h('kbd', { text: 'D' }),
    ' lists your decisions and ',
    h('kbd', { text: 'B' }),
    ' opens the branch map.',
  );
}

export function renderTitle(o: TitleOptions): Title {
  const { front } = o;
  const classGame = o.classGame === true;
  const variants = Object.entries(front.variants);
  // Own keys only: `?variant=constructor` names no world, whatever every object inherits.
  const chosen = o.preset.variant !== undefined && Object.hasOwn(front.variants, o.preset.variant) ? o.preset.variant : variants[0]?.[0];
  let game: TitleGame | null = null;
  /** A Begin pressed before the game had loaded, carried out when it has. */
  let pending: { name: string; classCode: string; variant: string } | null = null;

  const name = h('input', { id: 'student-name', attrs: { type: 'text', name: 'name', required: '', autocomplete: 'name', maxlength: String(NAME_MAX_LENGTH) } });
  name.value = o.preset.name ?? '';
  const classCode = h('input', { id: 'class-code', attrs: { type: 'text', name: 'class', autocomplete: 'off', maxlength: String(CLASS_CODE_MAX_LENGTH) } });
  classCode.value = o.preset.classCode ?? '';
  const error = h('p', { class: 'form-error', id: 'name-error', attrs: { role: 'alert' } });
  const begin = h('button', { class: 'primary', id: 'begin', attrs: { type: 'submit' }, text: 'Begin' });
  const opening = h('p', { class: 'form-status', id: 'begin-status', attrs: { role: 'status' } });

  const form = h(
    'form',
    { class: 'start-form', id: 'start-form', attrs: { novalidate: '' } },
    classGame
      ? h('label', { attrs: { for: 'student-name' } }, 'Name for the log ', h('span', { class: 'hint', text: '(the class, as the teacher wants it in the log: "Class 9B, period 3")' }))
      : h('label', { attrs: { for: 'student-name' } }, 'Your name ', h('span', { class: 'hint', text: '(your teacher sees it in your log)' })),
    name,
    error,
    h('label', { attrs: { for: 'class-code' } }, 'Class code ', h('span', { class: 'hint', text: '(optional)' })),
    classCode,
    h(
      'fieldset',
      { class: 'variants' },
      h('legend', { text: 'Which world?' }),
      ...variants.map(([id, v]) => {
        const input = h('input', { id: `variant-${id}`, attrs: { type: 'radio', name: 'variant', value: id } });
        input.checked = id === chosen;
        return h(
          'div',
          { class: 'variant' },
          input,
          h('label', { attrs: { for: `variant-${id}` } }, h('strong', { text: v.label }), h('span', { class: 'variant-desc', text: v.description })),
        );
      }),
    ),
    begin,
    opening,
  );
  let confirmed = false;
  /** Starts the game asked for, once the game has loaded; a saved game is replaced only when confirmed. */
  function go(input: { name: string; classCode: string; variant: string }): void {
    if (!game) {
      pending = input;
      opening.textContent = 'Opening the game…';
      return;
    }
    pending = null;
    opening.textContent = '';
    if (game.saved && !confirmed) {
      // A new game replaces the saved one: ask once more rather than lose it to a stray Enter.
      confirmed = true;
      error.textContent = 'Starting a new game replaces your game in progress. Press "Start a new game" again to confirm, or continue your game above.';
      return;
    }
    game.onStart(input);
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const label = name.value.trim();
    if (!label) {
      error.textContent = classGame ? 'Please write a name for the log first (the class’s, for example).' : 'Please write your name first.';
      name.setAttribute('aria-invalid', 'true');
      name.setAttribute('aria-describedby', 'name-error');
      name.focus();
      return;
    }
    const picked = form.querySelector<HTMLInputElement>('input[name="variant"]:checked');
    go({ name: label, classCode: classCode.value.trim(), variant: picked?.value ?? chosen ?? '' });
  });

  // The saved game and the kept saves have their places above the form, filled when the game has loaded.
  const resumeSlot = h('div', { class: 'title-slot', id: 'resume-slot' });
  const setAsideSlot = h('div', { class: 'title-slot', id: 'set-aside-slot' });

  const el = h(
    'div',
    { class: 'title-screen' },
    h('h2', { class: 'game-title' }, 'Circular 938'),
    h('p', { class: 'subtitle', text: front.title }),
    classGame ? renderClassGame() : null,
    ...paragraphs(front.summary),
    renderHow(classGame),
    resumeSlot,
    setAsideSlot,
    renderGuide(front),
    renderLinkProblems(o.preset.problems ?? []),
    o.chooser ? renderChooser(o.chooser) : null,
    form,
    o.onWatch ? renderWatch(o.onWatch) : null,
    // The one-file copy has no review page or guide beside it; the README says where teachers review logs.
    ONE_FILE
      ? null
      : h(
          'p',
          { class: 'review-link' },
          h('a', { id: 'review-link', attrs: { href: './review.html' }, text: "Teacher: review a class's logs" }),
          ' · ',
          h('a', { id: 'guide-link', attrs: { href: './guide.html' }, text: 'Teacher guide' }),
        ),
  );

  function attach(g: TitleGame): void {
    game = g;
    if (g.saved) {
      const { session, student, classGame: savedClassGame } = g.saved;
      const t = wallTime(session.clock, front.post.utcOffsetMinutes);
      resumeSlot.replaceWith(
        h(
          'div',
          { class: 'resume', id: 'resume-slot' },
          h('p', { text: `You have a ${savedClassGame ? 'class game' : 'game'} in progress (${student}): ${PHASE_TITLES[session.phase].title}, ${t.label} in ${front.post.city}.` }),
          h('button', { class: 'primary', id: 'resume', attrs: { type: 'button' }, text: 'Continue your game', on: { click: () => g.onResume() } }),
        ),
      );
      begin.textContent = 'Start a new game';
    }
    const kept = renderSetAside(g.setAside ?? []);
    if (kept) setAsideSlot.replaceWith(kept);
    if (pending) go(pending);
  }
  if (o.game) attach(o.game);
  return { el, classGame, attach };
}

/** "Watch a log": a student's log file played back in the game, read-only; says why a file cannot be opened. */
function renderWatch(onWatch: NonNullable<TitleOptions['onWatch']>): HTMLElement {
  const status = h('p', { class: 'watch-status', id: 'watch-status', attrs: { role: 'status' } });
  const input = h('input', { id: 'watch-file', class: 'sr-only', attrs: { type: 'file', accept: '.json,application/json', tabindex: '-1', 'aria-hidden': 'true' } });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    status.textContent = `Opening ${file.name}…`;
    void onWatch(file).then((problem) => {
      status.textContent = problem ?? '';
    });
  });
  return h(
    'section',
    { class: 'watch-open', attrs: { 'aria-labelledby': 'watch-title' } },
    h('h3', { id: 'watch-title', text: 'Watch a log' }),
    h('p', { text: 'Play back a decision log (yours or a student\'s) in the game, step by step. Nothing is changed, and your own game stays as it is.' }),
    h('button', { class: 'secondary', id: 'watch-choose', attrs: { type: 'button' }, text: 'Choose a log file…', on: { click: () => input.click() } }),
    input,
    status,
  );
}
