/**
 * Going back over a game: the decisions window (the path on screen, decision by decision, and the
 * attempts as a tree), the bar shown while looking back, and the player's controls when a log is
 * being watched. Everything shown is read from the store's log by replay; every action is a store
 * action (look, present, rewind). Plain DOM.
 */
import {
  attemptPath,
  lookup,
  replayAttempts,
  wallTime,
  type DecisionLog,
  type LogEntry,
  type Scenario,
  type SessionState,
} from '../core/play.ts';
import { choiceLabel, nodeLabel } from '../core/replay/map.ts';
import type { GameState, GameStore } from '../store/game-store.ts';
import { formatTimeOfDay, type ClockFormat } from './clock-format.ts';
import { h } from './dom.ts';
import { createModal, type Modal } from './modal.ts';
import { PHASE_TITLES } from './phases.ts';

/** One attempt as the tree shows it. */
export interface AttemptInfo {
  index: number;
  parent: number | null;
  /** How many decisions of the parent's path it keeps. */
  keeps: number;
  end: SessionState | null;
  ending: string | null;
}

/** Every attempt of a log with its end state (replayed once each). */
export function attemptsOf(scenario: Scenario, log: DecisionLog): AttemptInfo[] {
  const { finals } = replayAttempts(scenario, log);
  return log.attempts.map((attempt, index) => {
    const end = finals[index] ?? null;
    return {
      index,
      parent: attempt.from?.attempt ?? null,
      keeps: attempt.from === null ? 0 : prefix(log, index),
      end,
      ending: end ? (lookup(scenario.nodes, end.node)?.ending?.title ?? null) : null,
    };
  });
}

/** Decisions an attempt inherits before its own. */
function prefix(log: DecisionLog, attempt: number): number {
  const path = attemptPath(log, attempt);
  if (!path.ok) return 0;
  return path.path.length - (log.attempts[attempt]?.entries.length ?? 0);
}

/** The attempt on screen: the one looked at, or the last (the present). */
export function attemptOnScreen(state: GameState): number {
  return state.view?.attempt ?? (state.log ? state.log.attempts.length - 1 : 0);
}

/** The log entries of attempt `attempt`'s full path, in order. */
export function entriesOf(log: DecisionLog, attempt: number): LogEntry[] {
  const path = attemptPath(log, attempt);
  return path.ok ? path.path.map((p) => p.entry) : [];
}

/** What was chosen at a decision, in the words of the choice (or the outcome drawn). */
export function takenLabel(scenario: Scenario, step: { node: string; choice: number; roll?: number }): string {
  const node = lookup(scenario.nodes, step.node);
  if (!node) return step.node;
  if (node.chance) {
    const outcome = step.roll === undefined ? undefined : node.chance[step.roll];
    return outcome?.reason ? `Continue (chance: ${outcome.reason})` : 'Continue (chance decided what came next)';
  }
  const choice = node.choices?.[step.choice];
  return choice ? choiceLabel(choice) : `choice ${step.choice + 1}`;
}

/**
 * How many decisions a path holds, as the debrief counts them (a chance step's "Continue" is not a
 * decision), and the turns of chance beside them.
 */
function stepsText(scenario: Scenario, trail: readonly { node: string }[]): string {
  // A decision as the debrief counts one (core/verdict/pace.ts): a step at a node with choices.
  const decisions = trail.filter((s) => lookup(scenario.nodes, s.node)?.choices !== undefined).length;
  const chances = trail.length - decisions;
  const main = `${decisions} ${decisions === 1 ? 'decision' : 'decisions'}`;
  return chances === 0 ? main : `${main} and ${chances} ${chances === 1 ? 'turn' : 'turns'} of chance`;
}

function clockText(scenario: Scenario, minutes: number, format: ClockFormat): string {
  const t = wallTime(minutes, scenario.post.utcOffsetMinutes);
  return `${t.weekday} ${formatTimeOfDay(t, format)}`;
}

export interface DecisionsWindow {
  modal: Modal;
  open(): void;
  /** Redraws the window when open (the store changed). */
  refresh(): void;
}

/** The decisions window: the path on screen and the attempts tree. Key D opens it. */
/**
 * `panelStart` names what takes the focus once a decision has been looked at or chosen again from
 * here and the window has closed: the first thing to do in the panel it has redrawn.
 */
export function createDecisionsWindow(store: GameStore, clockFormat: () => ClockFormat, panelStart: () => HTMLElement | null): DecisionsWindow {
  const modal = createModal('decisions', 'Your decisions', 'decisions-dialog');
  let drawnFor: unknown = null;

  function draw(): void {
    const state = store.getState();
    const { log, session } = state;
    drawnFor = [log, state.view, session];
    const scenario = state.loaded.scenario;
    if (!log || !session) {
      modal.body.replaceChildren(h('p', { text: 'No game is running.' }));
      return;
    }
    const mode = state.watching ? 'watch' : state.modes.rewind;
    const onScreen = attemptOnScreen(state);
    const attempts = attemptsOf(scenario, log);
    const shown = attempts[onScreen]?.end ?? session;
    const entries = entriesOf(log, onScreen);
    const here = state.view?.keep ?? shown.trail.length;
    const format = clockFormat();

    const intro = h('p', {
      class: 'mode-line',
      text:
        mode === 'free'
          ? 'Go back to any decision to look at it, or to choose again from there: choosing again starts a new attempt, and every attempt is kept in your log.'
          : mode === 'look'
            ? 'You can look back at any decision; your teacher has set this game so that decisions cannot be changed.'
            : mode === 'off'
              ? 'Your teacher has set this game so that earlier decisions cannot be revisited. This is the list of what you decided.'
              : 'The decisions of the log being watched. Choose one to show it.',
    });

    const rows = shown.trail.map((step, k) => {
      const node = lookup(scenario.nodes, step.node);
      const reason = entries[k]?.reason;
      const isHere = k === here;
      const actions: HTMLElement[] = [];
      if (mode !== 'off' && !isHere) {
        actions.push(
          h('button', {
            class: 'tool',
            attrs: { type: 'button', 'data-look': String(k), 'aria-label': `Look at decision ${k + 1}` },
            text: 'Look',
            on: { click: () => { if (store.getState().look(onScreen, k)) modal.close(panelStart); } },
          }),
        );
      }
      if (mode === 'free' && node?.choices) {
        actions.push(
          h('button', {
            class: 'tool',
            attrs: { type: 'button', 'data-rewind': String(k), 'aria-label': `Choose again from here, decision ${k + 1}` },
            text: 'Choose again from here',
            on: { click: () => void store.getState().rewind(onScreen, k).then((ok) => ok && modal.close(panelStart)) },
          }),
        );
      }
      return h(
        'li',
        { class: `decision${isHere ? ' here' : ''}`, attrs: { 'data-decision': String(k), ...(isHere ? { 'aria-current': 'step' } : {}) } },
        h('span', { class: 'decision-when', text: `${clockText(scenario, step.clock, format)} · ${node ? PHASE_TITLES[node.phase].title : ''}` }),
        h('span', { class: 'decision-what', text: node ? nodeLabel(node) : step.node }),
        h('span', { class: 'decision-taken', text: `→ ${takenLabel(scenario, step)}` }),
        reason ? h('q', { class: 'decision-reason', text: reason }) : null,
        actions.length > 0 ? h('span', { class: 'decision-actions' }, ...actions) : null,
      );
    });
    const atEnd = here === shown.trail.length;
    const endRow = h(
      'li',
      { class: `decision now${atEnd ? ' here' : ''}`, attrs: atEnd ? { 'aria-current': 'step' } : {} },
      h('span', { class: 'decision-when', text: `${clockText(scenario, shown.clock, format)} · ${PHASE_TITLES[shown.phase].title}` }),
      h('span', { class: 'decision-what', text: lookup(scenario.nodes, shown.node)?.ending ? `Ending: ${lookup(scenario.nodes, shown.node)?.ending?.title ?? ''}` : 'Where this attempt stands' }),
      !atEnd && mode !== 'off'
        ? h('button', {
            class: 'tool',
            attrs: { type: 'button', 'data-look': String(shown.trail.length) },
            text: state.watching || onScreen !== log.attempts.length - 1 ? 'Show' : 'Back to the present',
            on: { click: () => { if (store.getState().look(onScreen)) modal.close(panelStart); } },
          })
        : null,
    );

    modal.body.replaceChildren(
      intro,
      h('h3', { text: `Attempt ${onScreen + 1}${onScreen === 0 ? ' (the first)' : ''}: ${stepsText(scenario, shown.trail)}` }),
      h('ol', { class: 'decision-list', attrs: { 'aria-label': `Decisions of attempt ${onScreen + 1}` } }, ...rows, endRow),
      ...(attempts.length > 1 || mode === 'free' || mode === 'watch' ? [attemptTree(store, attempts, onScreen, log.attempts.length - 1, modal, mode, panelStart)] : []),
    );
  }

  return {
    modal,
    open() {
      draw();
      modal.open();
    },
    refresh() {
      const state = store.getState();
      if (modal.isOpen() && drawnFor !== null && JSON.stringify(drawnFor) !== JSON.stringify([state.log, state.view, state.session])) draw();
    },
  };
}

/** The attempts as a nested list: each under the one it branched from. */
function attemptTree(store: GameStore, attempts: AttemptInfo[], onScreen: number, last: number, modal: Modal, mode: string, panelStart: () => HTMLElement | null): HTMLElement {
  const children = new Map<number | null, AttemptInfo[]>();
  for (const a of attempts) children.set(a.parent, [...(children.get(a.parent) ?? []), a]);
  const item = (a: AttemptInfo): HTMLElement => {
    const phase = a.end ? PHASE_TITLES[a.end.phase].title : '';
    // "The meeting" reads "stopped in the meeting"; a name ("Washington") keeps its capital.
    const end = a.ending !== null ? `ending "${a.ending}"` : a.end ? `stopped in ${phase.startsWith('The ') ? phase.toLowerCase() : phase}` : 'does not replay';
    const where = a.parent === null ? 'from the start' : `from attempt ${a.parent + 1}, after decision ${a.keeps}`;
    const marks = [a.index === 0 ? 'the first' : null, a.index === last && mode !== 'watch' ? 'the latest' : null, a.index === onScreen ? 'on screen' : null].filter(Boolean);
    const kids = children.get(a.index) ?? [];
    return h(
      'li',
      { class: `attempt${a.index === onScreen ? ' on-screen' : ''}`, attrs: { 'data-attempt': String(a.index), ...(a.index === onScreen ? { 'aria-current': 'true' } : {}) } },
      h('strong', { text: `Attempt ${a.index + 1}` }),
      marks.length > 0 ? h('span', { class: 'attempt-marks', text: ` (${marks.join(', ')})` }) : null,
      h('span', { text: `: ${where}; ${end}. ` }),
      a.end && (a.index !== onScreen || store.getState().view !== null)
        ? h('button', {
            class: 'tool',
            attrs: { type: 'button', 'data-show-attempt': String(a.index) },
            text: a.index === last && mode !== 'watch' ? 'Back to the present' : 'Show its end',
            on: { click: () => { if (store.getState().look(a.index)) modal.close(panelStart); } },
          })
        : null,
      kids.length > 0 ? h('ul', {}, ...kids.map(item)) : null,
    );
  };
  return h(
    'section',
    { class: 'attempt-tree', attrs: { 'aria-labelledby': 'attempts-title' } },
    h('h3', { id: 'attempts-title', text: 'Attempts' }),
    h('ul', {}, ...(children.get(null) ?? []).map(item)),
  );
}

/** The bar above the story while looking back: where, and the way back. Null in the present. */
export function lookingBar(state: GameState, store: GameStore): HTMLElement | null {
  const { view, log } = state;
  if (!view || !log || state.watching) return null;
  const free = state.modes.rewind === 'free';
  const canChoose = free && state.session !== null && lookup(state.loaded.scenario.nodes, state.session.node)?.choices !== undefined;
  return h(
    'div',
    { id: 'looking', class: 'looking-bar', attrs: { role: 'status' } },
    h('span', { text: `You are looking back at decision ${view.keep + 1} of attempt ${view.attempt + 1}. Nothing changes unless you choose again.` }),
    h('button', { class: 'tool', attrs: { type: 'button', id: 'back-to-present' }, text: 'Back to the present', on: { click: () => store.getState().present() } }),
    canChoose
      ? h('button', { class: 'tool', attrs: { type: 'button', id: 'choose-again' }, text: 'Choose again from here', on: { click: () => void store.getState().rewind(view.attempt, view.keep) } })
      : null,
  );
}
