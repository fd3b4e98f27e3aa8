/**
 * The game in a school's LMS: reports to a SCORM 1.2 API (found by find-api.ts) what the store
 * records, and nothing else. It subscribes to the store and never writes to it; the values come
 * from the pure mapping in src/core/review/scorm.ts (what is reported, and why, is said there).
 *
 * The session with the LMS:
 * - at once: `LMSInitialize("")`; the count of interactions already stored (so a second session
 *   appends after the first's), the progress kept in `cmi.suspend_data`, and a status of
 *   "not attempted" made "incomplete";
 * - at each decision: its `cmi.interactions.n` (id, type, student_response, result, latency, time),
 *   and the progress in `cmi.suspend_data`. A game resumed in a later session reports only the
 *   decisions the earlier session did not; a new game ("Play again") goes on after the last one;
 * - at each ending reached (the present of the game, not a state looked back at): the score, the
 *   status and the session time, then `LMSCommit`. A later ending (after a rewind, or in a new game)
 *   replaces the score, as the downloaded log's verdict is the last attempt's;
 * - when the page is hidden: the session time and `LMSCommit`, so a closed laptop keeps what was done;
 * - when the page goes (`pagehide`): the session time, `cmi.core.exit` ("suspend" while the game has
 *   not ended, so the LMS offers to resume it, else ""), `LMSCommit` and `LMSFinish("")`. Nothing is
 *   called after that.
 * An API that answers "false" to LMSInitialize gets no other call. A call that throws or answers
 * "false" later is passed over: the game plays on whatever the LMS does, and writes nothing to the
 * console.
 */
import {
  cmiTime,
  cmiTimespan,
  readScormProgress,
  scormGameKey,
  scormInteractions,
  scormOutcome,
  writeScormProgress,
  type ScormProgress,
} from '../core/review/scorm.ts';
import type { Scenario, SessionState, Verdict } from '../core/index.ts';
import type { GameState, GameStore } from '../store/game-store.ts';
import type { Scorm12Api } from './find-api.ts';

export interface LmsDeps {
  /**
   * `verdictOf` of the core. The page passes it in: it has it loaded already, and an import here
   * would move it out of the first screen's chunks into one more shared chunk.
   */
  verdict: (scenario: Scenario, state: SessionState) => Pick<Verdict, 'score'>;
  /** Wall clock in ms, for the session time. */
  now: () => number;
  /** Minutes east of UTC of the learner's clock at an instant, for the time of a decision. */
  offsetAt: (ms: number) => number;
  /** The page whose `pagehide` ends the LMS session and whose `visibilitychange` commits. */
  page: {
    addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  };
  /** Whether the page is hidden now (document.visibilityState). */
  hidden: () => boolean;
}

/** The LMS session the game keeps; `finish` is what `pagehide` calls. */
export interface LmsSession {
  /** Ends the LMS session (commit, then LMSFinish) and stops reporting; later calls do nothing. */
  finish(): void;
}

const truthy = (answer: unknown): boolean => answer === true || answer === 'true';

/** The browser's own clock, page and time zone, and the core's verdict. */
export function browserLmsDeps(verdict: LmsDeps['verdict']): LmsDeps {
  return {
    verdict,
    now: () => Date.now(),
    offsetAt: (ms) => -new Date(ms).getTimezoneOffset(),
    page: {
      addEventListener: (type, listener) => (type === 'pagehide' ? window : document).addEventListener(type, listener),
      removeEventListener: (type, listener) => (type === 'pagehide' ? window : document).removeEventListener(type, listener),
    },
    hidden: () => document.visibilityState === 'hidden',
  };
}

/**
 * Opens the LMS session and reports the store's game to it until the page goes. Returns null (and
 * calls nothing more) when the LMS refuses to initialise. Never throws.
 */
export function reportToLms(api: Scorm12Api, store: GameStore, deps: LmsDeps): LmsSession | null {
  const call = (fn: () => unknown): unknown => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };
  const get = (element: string): string => {
    const value = call(() => api.LMSGetValue(element));
    return typeof value === 'string' ? value : '';
  };
  const set = (element: string, value: string): void => void call(() => api.LMSSetValue(element, value));

  if (!truthy(call(() => api.LMSInitialize('')))) return null;
  const started = deps.now();
  const count = Number.parseInt(get('cmi.interactions._count'), 10);
  /** The index of the next interaction to write. */
  let next = Number.isSafeInteger(count) && count > 0 ? count : 0;
  let progress: ScormProgress | null = readScormProgress(get('cmi.suspend_data'));
  const status = get('cmi.core.lesson_status');
  if (status === 'not attempted' || status === '') set('cmi.core.lesson_status', 'incomplete');

  let seenLog: GameState['log'] = null;
  /** Whether the game on screen has reached an ending (its present, the last attempt's end). */
  let ended = false;
  let finished = false;
  const sessionTime = (): void => set('cmi.core.session_time', cmiTimespan(deps.now() - started));

  function report(state: GameState): void {
    const { log, watching } = state;
    if (finished || watching || log === seenLog) return;
    seenLog = log;
    if (!log) {
      ended = false;
      return;
    }
    const scenario = state.loaded.scenario;
    const game = scormGameKey(log);
    const from = progress?.game === game ? progress.reported : 0;
    const interactions = scormInteractions(scenario, log);
    for (const d of interactions.slice(from)) {
      const n = next++;
      set(`cmi.interactions.${n}.id`, d.id);
      set(`cmi.interactions.${n}.type`, d.type);
      set(`cmi.interactions.${n}.student_response`, d.response);
      set(`cmi.interactions.${n}.result`, d.result);
      set(`cmi.interactions.${n}.latency`, d.latency);
      if (d.at !== null) set(`cmi.interactions.${n}.time`, cmiTime(d.at, deps.offsetAt(d.at)));
    }
    if (interactions.length > from || progress?.game !== game) {
      progress = { game, reported: Math.max(from, interactions.length) };
      set('cmi.suspend_data', writeScormProgress(progress));
    }
    // The present of the game: the last state of the current attempt, whatever is being looked at.
    const present = state.path.at(-1);
    const outcome = present ? scormOutcome(scenario, present, deps.verdict) : null;
    ended = outcome !== null && outcome.score !== null;
    if (outcome?.score) {
      set('cmi.core.score.raw', String(outcome.score.raw));
      set('cmi.core.score.min', String(outcome.score.min));
      set('cmi.core.score.max', String(outcome.score.max));
      set('cmi.core.lesson_status', outcome.status);
      sessionTime();
      call(() => api.LMSCommit(''));
    }
  }

  const onHidden = (): void => {
    if (finished || !deps.hidden()) return;
    sessionTime();
    call(() => api.LMSCommit(''));
  };
  const unsubscribe = store.subscribe((state) => report(state));
  const session: LmsSession = {
    finish() {
      if (finished) return;
      finished = true;
      unsubscribe();
      deps.page.removeEventListener('pagehide', session.finish);
      deps.page.removeEventListener('visibilitychange', onHidden);
      sessionTime();
      set('cmi.core.exit', ended ? '' : 'suspend');
      call(() => api.LMSCommit(''));
      call(() => api.LMSFinish(''));
    },
  };
  deps.page.addEventListener('pagehide', session.finish);
  deps.page.addEventListener('visibilitychange', onHidden);
  report(store.getState());
  return session;
}
