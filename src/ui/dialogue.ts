/**
 * The dialogue panel: who speaks, what is said, and the numbered choices (lettered A, B, C… in a
 * class game, for a show of hands). New text is announced through a polite live region; focus moves
 * to the first choice so keyboard play flows on.
 */
import { composeTelegram, formatSpan, MAX_REASON_CHARS, nodeText, wallTime, type ChoiceView, type Scenario, type SessionState } from '../core/play.ts';
import { choiceMark, choiceShortcuts } from './choice-keys.ts';
import { formatTimeOfDay, type ClockFormat } from './clock-format.ts';
import { h, paragraphs, type TermLinks } from './dom.ts';
import { phaseOf, phaseSteps } from './phases.ts';
import { holds } from '../core/engine/conditions.ts';

export interface DialogueView {
  phaseTitle: string;
  speaker: string | null;
  text: string;
  choices: ChoiceView[];
}

export function speakerLabel(scenario: Scenario, id: string): string | null {
  if (id === 'narrator') return null;
  const p = scenario.people[id];
  return p ? `${p.name}, ${p.role}` : id;
}

export function renderTelegram(scenario: Scenario, session: SessionState): HTMLElement {
  const t = composeTelegram(scenario, session);
  return h(
    'figure',
    { class: 'telegram', attrs: { 'aria-label': t.sent ? 'Your telegram as sent' : 'Your telegram draft' } },
    h('figcaption', { text: t.sent ? 'Your telegram, as sent' : 'Your telegram (draft)' }),
    h('pre', { class: 'telegram-text', text: t.text }),
    h('p', { class: 'source', text: `About this form: ${scenario.telegram.formSource}` }),
  );
}

/** "until Tue 08:30" or "until Tue 8:30 a.m.", in the student's clock format. */
export function untilText(scenario: Scenario, until: number, format: ClockFormat): string {
  const t = wallTime(until, scenario.post.utcOffsetMinutes);
  return `until ${t.weekday} ${formatTimeOfDay(t, format)}`;
}

/** "15 min", or "until Tue 08:30" when the choice moves the clock on to a set time (`data-until` lets a format change rewrite it). */
function costOf(scenario: Scenario, c: ChoiceView, format: ClockFormat): HTMLElement | null {
  if (c.until !== null) {
    return h('span', { class: 'choice-cost', attrs: { 'data-until': String(c.until) }, text: untilText(scenario, c.until, format) });
  }
  return c.minutes > 0 ? h('span', { class: 'choice-cost', text: formatSpan(c.minutes) }) : null;
}

/** Where the node asks why: the question, and whether the teacher requires an answer. */
export interface WhyAsk {
  prompt: string;
  required: boolean;
}

/** A decision looked back at or watched: the choice taken there (null: none yet) and the reason written. */
export interface ReadOnlyView {
  taken: number | null;
  reason: string | null;
}

export interface DialogueOptions {
  why?: WhyAsk;
  readOnly?: ReadOnlyView;
  /** A class game on the projector: the choices are lettered, and the reason is the class's, typed by the teacher. */
  classGame?: boolean;
}

/** A class game's question over its choices: "What do we do? Hands up for A, B or C." */
function handsUp(count: number): string {
  const letters = Array.from({ length: Math.min(count, 9) }, (_, i) => choiceMark(i, true));
  if (letters.length < 2) return 'What do we do?';
  return `What do we do? Hands up for ${letters.slice(0, -1).join(', ')} or ${letters.at(-1) ?? ''}.`;
}

/** The words beside the reason's question: whose reason it is and whether it is required. */
function reasonNote(why: WhyAsk, classGame: boolean): string {
  if (classGame) return why.required ? "(required: type the class's reason)" : "(optional: type the class's reason)";
  return why.required ? '(your teacher asks for an answer)' : '(optional)';
}

/** The reason field: its question, whether it is required, and room for one or two sentences. */
function reasonField(why: WhyAsk, classGame: boolean): HTMLElement {
  const count = h('span', { class: 'reason-count', id: 'reason-count', attrs: { 'aria-live': 'off' }, text: `0/${MAX_REASON_CHARS}` });
  const area = h('textarea', {
    id: 'reason',
    class: 'reason-input',
    attrs: { rows: '2', maxlength: String(MAX_REASON_CHARS), 'aria-describedby': 'reason-help reason-count', ...(why.required ? { required: '' } : {}) },
  });
  area.addEventListener('input', () => (count.textContent = `${area.value.length}/${MAX_REASON_CHARS}`));
  return h(
    'div',
    { class: 'reason-field' },
    h('label', { attrs: { for: 'reason' } }, h('strong', { text: why.prompt }), ` ${reasonNote(why, classGame)}`),
    area,
    h(
      'p',
      { class: 'reason-help', id: 'reason-help' },
      classGame ? 'One or two sentences of why the class chose it, kept in the log with the choice. ' : 'One or two sentences of why, kept in your log with your choice. ',
      count,
    ),
  );
}

export function renderDialogue(
  scenario: Scenario,
  session: SessionState,
  choices: ChoiceView[],
  onChoose: (index: number) => void,
  /** Given, the glossary terms in the node's text become buttons that open the glossary. */
  links?: TermLinks,
  format: ClockFormat = '24h',
  options: DialogueOptions = {},
): HTMLElement {
  const { readOnly } = options;
  const classGame = options.classGame === true;
  const why = readOnly ? undefined : options.why;
  const node = scenario.nodes[session.node];
  if (!node) throw new RangeError(`no node ${session.node}`);
  const phase = phaseOf(scenario, session.phase, (c) => holds(scenario, session, c));
  const speaker = speakerLabel(scenario, node.speaker);
  const showTelegram = session.phase === 'report' || (session.phase === 'washington' && session.marks.sent !== undefined);
  const isChance = node.chance !== undefined;

  return h(
    'div',
    { class: 'dialogue-wrap', attrs: { 'data-node': session.node, 'data-phase': session.phase } },
    phaseSteps(scenario, session.phase),
    h('h2', { class: 'phase-title', id: 'phase-title' }, `${phase.title}`, h('span', { class: 'phase-place', text: ` · ${phase.place}` })),
    h(
      'div',
      { id: 'dialogue', class: 'dialogue', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', role: 'region', 'aria-label': 'Story' } },
      speaker ? h('p', { class: 'speaker', text: speaker }) : null,
      // The node's text and the passages that hold now, as one text: a glossary term is linked once.
      ...paragraphs(nodeText(scenario, node, session).join('\n\n'), links),
    ),
    why ? reasonField(why, classGame) : null,
    h('h3', {
      class: 'choices-title',
      id: 'choices-title',
      // A class game's question takes the focus after each decision (overlay.ts), so that no choice looks picked.
      ...(classGame && !readOnly ? { attrs: { tabindex: '-1' } } : {}),
      text: readOnly ? (readOnly.taken === null ? 'Not decided yet' : 'What was chosen') : isChance ? 'Continue' : classGame ? handsUp(choices.length) : 'What do you do?',
    }),
    h(
      'ol',
      { id: 'choices', class: 'choices', attrs: { 'aria-labelledby': 'choices-title', ...(classGame ? { type: 'A' } : {}) } },
      ...choices.map((c, i) =>
        h(
          'li',
          {},
          h(
            'button',
            readOnly
              ? {
                  class: `choice${readOnly.taken === c.index ? ' taken' : ''}`,
                  attrs: { type: 'button', 'data-choice': String(c.index), disabled: '' },
                }
              : {
                  class: 'choice',
                  attrs: { type: 'button', 'data-choice': String(c.index), 'aria-keyshortcuts': choiceShortcuts(i, classGame) },
                  on: { click: () => onChoose(c.index) },
                },
            h('kbd', { text: choiceMark(i, classGame) }),
            h('span', { class: 'choice-label', text: c.label }),
            costOf(scenario, c, format),
            readOnly?.taken === c.index ? h('span', { class: 'taken-mark', text: ' ✔ chosen' }) : null,
          ),
        ),
      ),
    ),
    readOnly?.reason ? h('p', { class: 'reason-shown' }, h('strong', { text: 'Reason written: ' }), h('q', { text: readOnly.reason })) : null,
    // After the choices, so that a keyboard user's focus on the first choice stays in view.
    showTelegram ? renderTelegram(scenario, session) : null,
  );
}
