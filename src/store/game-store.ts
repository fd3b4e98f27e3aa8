/**
 * The game's one writer: a zustand vanilla store. Every action calls the pure core step and
 * appends to the decision log in one setState; the save is written, and its durable write has
 * completed, before subscribers (the scenes and the overlay) see the new state, so the next screen
 * is drawn only once the decision that led to it is on disk. Actions that write are therefore
 * async; while one is writing, further decisions are refused (a double key press cannot take a
 * choice twice). Scenes and pages read with getState and subscribe; they never change state.
 *
 * When the same game is open in several tabs, one tab writes (TabLock, and the save's owner
 * record); the others show the game but take no decisions until the student takes over there.
 *
 * Replay: the student can look back at any decision of any attempt (`look`, read-only; `view` says
 * where) and, when the teacher's link allows it (`rewind=free`), go back and choose again
 * (`rewind`), which starts a new attempt in the log. Every state shown comes from replaying the log.
 * A store made with `watch` plays someone's log back: it saves nothing and takes no decision.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  appendEntry,
  availableChoices,
  createLog,
  initialState,
  isoUtc,
  lookup,
  MAX_REASON_CHARS,
  originAt,
  replayLog,
  startAttempt,
  step,
  type ChoiceView,
  type DecisionLog,
  type LoadedScenario,
  type PlayMode,
  type ReasonsMode,
  type RewindMode,
  type SessionState,
} from '../core/play.ts';
import { SET_ASIDE_SENTENCES, checkSave, decisionCount, type SaveCheck } from './open-log.ts';
import type { SaveCopy, SaveSlot, SetAsideSave, WriteResult } from './save-slot.ts';
import { SAVE_OFF_UNAVAILABLE, type SaveStatus } from './storage.ts';
import { soleTab, type TabLock } from './tab-lock.ts';

export interface Student {
  label: string;
  classCode?: string;
}

export interface StartInput {
  student: Student;
  variant: string;
  /** Defaults to a fresh seed from the injected source. */
  seed?: number;
}

/** The saved game the title offers to continue: checked and replayed at load. */
export interface SavedGame {
  log: DecisionLog;
  session: SessionState;
}

/**
 * The modes a teacher's link sets for new games; a saved game keeps the modes it was started with.
 * `play: 'class'` is a game the whole class plays together on the projector (absent: one student's own).
 */
export interface Modes {
  rewind: RewindMode;
  reasons: ReasonsMode;
  play?: PlayMode;
}

/** A point looked at: the state after `keep` decisions of attempt `attempt`'s full path. */
export interface ViewPoint {
  attempt: number;
  keep: number;
}

/** Whose log a watching store plays back. */
export interface Watching {
  student: Student;
  /** The file's name, when it came from a file. */
  file: string | null;
}

/** Whether this tab writes the save; a tab that does not says why in `message`. */
export type TabRole = { writer: true } | { writer: false; message: string };

export interface GameState {
  loaded: LoadedScenario;
  session: SessionState | null;
  log: DecisionLog | null;
  /** Wall time (ms) when the current node was shown: thinkMs is measured from it. */
  shownAt: number;
  save: SaveStatus;
  /** A readable message for the last refused action or a save set aside; null when all is well. */
  problem: string | null;
  /** The saved game offered on the title, or null. */
  saved: SavedGame | null;
  /** Saves this version could not resume, kept for the teacher (oldest first). */
  setAside: SetAsideSave[];
  tab: TabRole;
  /** The modes of the game on screen (its log's), or of a new game (the link's) when none is. */
  modes: Modes;
  /** Every state of the current attempt's full path: `path[k]` is the state after k decisions; the last is the present. */
  path: SessionState[];
  /** Where the student is looking back, or null in the present. While looking, `session` is that state and nothing can be chosen. */
  view: ViewPoint | null;
  /** Set in a store that plays someone's log back (read-only, nothing saved). */
  watching: Watching | null;
  /**
   * Finds out whether this tab writes, reads every stored copy of the save, offers the best one
   * that replays and sets aside the others. Call once before the first screen. Never rejects.
   */
  load(): Promise<void>;
  /** Begins a new game (replacing any saved one for this scenario); resolves once it is saved. */
  start(input: StartInput): Promise<boolean>;
  /**
   * Takes choice `index` (the index carried by ChoiceView) at the current node, once it is saved,
   * with the student's reason where the node asks why (required when the modes say so).
   */
  choose(index: number, reason?: string): Promise<boolean>;
  /** Shows the state after `keep` decisions of attempt `attempt` (its end when `keep` is left out), read-only. */
  look(attempt: number, keep?: number): boolean;
  /** Leaves looking back and shows the present again. */
  present(): void;
  /**
   * Goes back to the state after `keep` decisions of attempt `attempt` to choose again: a new
   * attempt starts there, once it is saved. Only when the modes allow rewinding.
   */
  rewind(attempt: number, keep: number): Promise<boolean>;
  /** Continues the saved game found by `load`; false (with `problem` set) when there is none. */
  resume(): boolean;
  /** Leaves the current game and deletes its save. */
  quit(): Promise<void>;
  /** Makes this tab the one that writes, and continues from the save the other tab left. */
  takeOver(): Promise<void>;
  /** Marks the current node as shown now (the overlay calls it after rendering). */
  shown(): void;
}

export interface StoreDeps {
  loaded: LoadedScenario;
  /** Where the save lives; null when the page cannot store anything. */
  slot: SaveSlot | null;
  /** Which tab writes; one tab only when omitted. */
  tabs?: TabLock;
  /** Wall clock in ms; only used for the log's `at` and `thinkMs`, never for game rules. */
  now: () => number;
  /** A fresh 32-bit seed for a new game. */
  newSeed: () => number;
  /** The teacher's link's modes for new games; rewinding free and reasons optional when omitted. */
  modes?: Modes;
  /** A log to play back instead of a game: the store saves nothing and takes no decision. */
  watch?: { log: DecisionLog; file: string | null };
}

export type GameStore = StoreApi<GameState>;

export function saveKey(scenarioId: string): string {
  return `circular938.save.${scenarioId}`;
}

/** The choices open now, or none when no game is running. */
export function choicesOf(state: GameState): ChoiceView[] {
  return state.session ? availableChoices(state.loaded.scenario, state.session) : [];
}

export const READER_MESSAGE =
  'This game is open in another tab, which saves it; this tab does not. Press "Play here" to continue in this tab instead.';
const READER_REFUSAL = 'This tab does not save this game, because another tab does: press "Play here" first to play in this tab.';
const TAKEN_REFUSAL = 'That choice was not taken, because another tab has taken over this game: press "Play here" to take it back.';
const LOOKING_REFUSAL = 'You are looking back at an earlier decision. Return to the present to choose.';
const WATCHING_REFUSAL = 'This is a log being watched: nothing can be chosen or changed here.';
export const REASON_REQUIRED = 'Your teacher asks for a reason here: write a sentence or two on why, then choose.';
const REWIND_REFUSALS: Readonly<Record<RewindMode, string>> = {
  free: '',
  look: 'In this game you can look back at earlier decisions but not change them (your teacher set it so).',
  off: 'In this game decisions cannot be revisited (your teacher set it so).',
};

/** Control characters but the line break, and halves of a character: a reason is plain text. */
// eslint-disable-next-line no-control-regex -- a reason is plain text: control characters are what this refuses
const NOT_PLAIN = /[\u0000-\u0009\u000b-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A reason as the log keeps it: plain text, trimmed, at most MAX_REASON_CHARS (cut between characters); undefined when empty. */
export function cleanReason(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let clean = text.replace(/\r\n?/g, '\n').replace(NOT_PLAIN, '').trim();
  if (clean.length > MAX_REASON_CHARS) {
    clean = clean.slice(0, MAX_REASON_CHARS);
    if (/[\uD800-\uDBFF]$/.test(clean)) clean = clean.slice(0, -1);
    clean = clean.trimEnd();
  }
  return clean === '' ? undefined : clean;
}

/** Kept beside a damaged copy of the same save, so that the teacher has both. */
const INTACT_COPY_ASIDE = 'A copy of the saved game that looked intact, kept together with a damaged copy of it.';

function takenMessage(unsaved: number): string {
  const lost =
    unsaved === 0
      ? ''
      : ` The ${unsaved === 1 ? 'last decision' : `last ${unsaved} decisions`} you took here ${unsaved === 1 ? 'was' : 'were'} not saved, because autosave was off.`;
  return `Another tab has taken over this game and saves it now; this tab no longer saves.${lost} Press "Play here" to take it back.`;
}

const createdMs = (log: DecisionLog): number => {
  const t = Date.parse(log.createdAt);
  return Number.isFinite(t) ? t : 0;
};

/** The copy to offer: the newest game, and of the same game the copy with the most decisions. */
function bestOf(found: { copy: SaveCopy; check: SaveCheck }[]): (SaveCheck & { ok: true }) | null {
  let best: (SaveCheck & { ok: true }) | null = null;
  for (const { check } of found) {
    if (!check.ok) continue;
    if (!best) best = check;
    else {
      const a = createdMs(check.log);
      const b = createdMs(best.log);
      if (a > b || (a === b && decisionCount(check.log) > decisionCount(best.log))) best = check;
    }
  }
  return best;
}

export function createGameStore(deps: StoreDeps): GameStore {
  const { loaded, now } = deps;
  // A watching store never touches the save.
  const slot = deps.watch ? null : deps.slot;
  const linkModes: Modes = deps.modes ?? { rewind: 'free', reasons: 'optional' };
  const modesOf = (log: DecisionLog | null): Modes => {
    if (!log) return linkModes;
    const { rewind, reasons, play } = log;
    return play === undefined ? { rewind, reasons } : { rewind, reasons, play };
  };
  /** Every state of attempt `attempt`'s full path, replayed from the log; null when it does not replay. */
  const statesOf = (log: DecisionLog, attempt: number): SessionState[] | null => {
    const r = replayLog(loaded.scenario, log, { attempt });
    return r.ok ? r.states : null;
  };
  const watched = deps.watch ? statesOf(deps.watch.log, 0) : null;
  const tabs = deps.tabs ?? soleTab();
  const initialSave: SaveStatus = slot?.available ? { on: true } : { on: false, reason: SAVE_OFF_UNAVAILABLE };
  /** A write in flight: decisions wait for it. */
  let writing = false;
  /** Decisions taken since the last one that was saved (autosave off). */
  let unsaved = 0;

  async function write(text: string): Promise<WriteResult> {
    if (!slot) return { status: { on: false, reason: SAVE_OFF_UNAVAILABLE }, takenOver: false };
    writing = true;
    try {
      return await slot.write(text);
    } catch {
      return { status: { on: false, reason: SAVE_OFF_UNAVAILABLE }, takenOver: false };
    } finally {
      writing = false;
    }
  }

  return createStore<GameState>()((set, get) => {
    function lose(): void {
      set({ tab: { writer: false, message: takenMessage(unsaved) } });
    }
    tabs.onLost(lose);

    /**
     * Reads and checks every copy. When any copy cannot be resumed, none is: a damaged copy means
     * the save was broken or edited, and the game does not guess which copy the student meant. As
     * the writer, every copy is then set aside (the same text once) for the teacher.
     */
    async function readSaves(writer: boolean): Promise<Pick<GameState, 'saved' | 'setAside' | 'problem'>> {
      if (!slot) return { saved: null, setAside: [], problem: null };
      const found: { copy: SaveCopy; check: SaveCheck }[] = [];
      for (const copy of await slot.read()) found.push({ copy, check: await checkSave(copy.value, loaded) });
      const refused = found.find((f) => !f.check.ok)?.check;
      if (!refused || refused.ok) {
        const best = bestOf(found);
        return { saved: best ? { log: best.log, session: best.session } : null, setAside: await slot.listSetAside(), problem: null };
      }
      const sentence = SET_ASIDE_SENTENCES[refused.why];
      if (writer) {
        const kept: unknown[] = [];
        for (const { copy, check } of found) {
          // The two copies are usually the same text: keep it once.
          if (typeof copy.value === 'string' && kept.includes(copy.value)) await slot.dropCopy(copy);
          else {
            await slot.setAside(copy, check.ok ? INTACT_COPY_ASIDE : SET_ASIDE_SENTENCES[check.why], new Date(now()).toISOString());
            kept.push(copy.value);
          }
        }
      }
      return { saved: null, setAside: await slot.listSetAside(), problem: sentence };
    }

    return {
      loaded,
      session: null,
      log: null,
      shownAt: now(),
      save: initialSave,
      problem: null,
      saved: null,
      setAside: [],
      tab: { writer: true },
      modes: modesOf(deps.watch?.log ?? null),
      path: [],
      view: null,
      watching: null,
      // A log that does not replay is still a watched log: nothing can be started or chosen, and the page says why.
      ...(deps.watch && !watched
        ? {
            watching: { student: { ...deps.watch.log.student }, file: deps.watch.file },
            save: { on: false, reason: 'Watching a log: nothing is saved, and your own game is not touched.' },
            problem: 'This log cannot be played back: its first attempt does not replay through this scenario.',
          }
        : {}),
      ...(deps.watch && watched
        ? {
            log: deps.watch.log,
            session: watched[0] ?? null,
            path: watched,
            view: { attempt: 0, keep: 0 },
            watching: { student: { ...deps.watch.log.student }, file: deps.watch.file },
            save: { on: false, reason: 'Watching a log: nothing is saved, and your own game is not touched.' },
          }
        : {}),

      async load() {
        if (deps.watch) return;
        const writer = await tabs.claim();
        if (writer) await slot?.claim();
        const found = await readSaves(writer);
        set({ ...found, tab: writer ? { writer: true } : { writer: false, message: READER_MESSAGE } });
      },

      async start(input) {
        if (writing) return false;
        if (get().watching) {
          set({ problem: WATCHING_REFUSAL });
          return false;
        }
        if (!get().tab.writer) {
          set({ problem: READER_REFUSAL });
          return false;
        }
        const seed = (input.seed ?? deps.newSeed()) >>> 0;
        const session = initialState(loaded.scenario, { seed, variant: input.variant });
        const student: Student = { label: input.student.label.trim() };
        const classCode = input.student.classCode?.trim();
        if (classCode) student.classCode = classCode;
        const log = createLog({
          scenario: { id: loaded.scenario.id, version: loaded.scenario.version, hash: loaded.hash },
          seed,
          variant: input.variant,
          student,
          createdAt: new Date(now()).toISOString(),
          rewind: linkModes.rewind,
          reasons: linkModes.reasons,
          ...(linkModes.play === undefined ? {} : { play: linkModes.play }),
        });
        const written = await write(JSON.stringify(log));
        if (written.takenOver) {
          lose();
          set({ problem: TAKEN_REFUSAL });
          return false;
        }
        unsaved = 0;
        set({ session, log, path: [session], view: null, modes: modesOf(log), save: written.status, problem: null, saved: null, shownAt: now() });
        return true;
      },

      async choose(index, reasonText) {
        const { session, log, shownAt, tab, view, watching, path } = get();
        if (writing || !session || !log) return false;
        if (watching) {
          set({ problem: WATCHING_REFUSAL });
          return false;
        }
        if (view) {
          set({ problem: LOOKING_REFUSAL });
          return false;
        }
        if (!tab.writer) {
          set({ problem: READER_REFUSAL });
          return false;
        }
        const result = step(loaded.scenario, session, { type: 'choice.made', choice: index });
        if (!result.ok) {
          set({ problem: `That choice is not open here (${result.error}).` });
          return false;
        }
        // A reason is kept only where the node asks why; required when the log's modes say so.
        const asks = lookup(loaded.scenario.nodes, session.node)?.why !== undefined;
        const reason = asks ? cleanReason(reasonText) : undefined;
        if (asks && reason === undefined && log.reasons === 'required') {
          set({ problem: REASON_REQUIRED });
          return false;
        }
        const at = now();
        const entryLog = appendEntry(log, {
          node: session.node,
          choice: index,
          clock: isoUtc(session.clock),
          at: new Date(at).toISOString(),
          thinkMs: Math.max(0, Math.round(at - shownAt)),
          ...(reason === undefined ? {} : { reason }),
        });
        // The save goes first: subscribers draw the next screen only after it is written.
        const written = await write(JSON.stringify(entryLog));
        if (written.takenOver) {
          lose();
          set({ problem: TAKEN_REFUSAL });
          return false;
        }
        unsaved = written.status.on ? 0 : unsaved + 1;
        set({ session: result.state, log: entryLog, path: [...path, result.state], save: written.status, problem: null, shownAt: at });
        return true;
      },

      look(attempt, keep) {
        const { log, modes, watching } = get();
        if (!log) return false;
        if (!watching && modes.rewind === 'off') {
          set({ problem: REWIND_REFUSALS.off });
          return false;
        }
        const states = Number.isInteger(attempt) && (keep === undefined || Number.isInteger(keep)) ? statesOf(log, attempt) : null;
        if (!states) {
          set({ problem: `Attempt ${attempt + 1} cannot be shown.` });
          return false;
        }
        const k = Math.max(0, Math.min(keep ?? states.length - 1, states.length - 1));
        const present = !watching && attempt === log.attempts.length - 1 && k === states.length - 1;
        if (present) get().present();
        else set({ session: states[k] ?? null, path: watching ? states : get().path, view: { attempt, keep: k }, problem: null });
        return true;
      },

      present() {
        const { path, watching } = get();
        if (watching) return;
        set({ session: path.at(-1) ?? null, view: null, problem: null, shownAt: now() });
      },

      async rewind(attempt, keep) {
        const { log, modes, tab, watching } = get();
        if (writing || !log) return false;
        if (watching) {
          set({ problem: WATCHING_REFUSAL });
          return false;
        }
        if (modes.rewind !== 'free') {
          set({ problem: REWIND_REFUSALS[modes.rewind] });
          return false;
        }
        if (!tab.writer) {
          set({ problem: READER_REFUSAL });
          return false;
        }
        const states = statesOf(log, attempt);
        if (!states || !Number.isInteger(keep) || keep < 0 || keep >= states.length) {
          set({ problem: `There is no decision ${keep + 1} in attempt ${attempt + 1} to go back to.` });
          return false;
        }
        const rewound = startAttempt(log, originAt(log, attempt, keep), new Date(now()).toISOString());
        const written = await write(JSON.stringify(rewound));
        if (written.takenOver) {
          lose();
          set({ problem: TAKEN_REFUSAL });
          return false;
        }
        unsaved = written.status.on ? 0 : unsaved + 1;
        const path = states.slice(0, keep + 1);
        set({ session: path.at(-1) ?? null, log: rewound, path, view: null, save: written.status, problem: null, shownAt: now() });
        return true;
      },

      resume() {
        const saved = get().saved;
        if (!saved) {
          set({ problem: 'There is no saved game in this browser.' });
          return false;
        }
        const path = statesOf(saved.log, saved.log.attempts.length - 1) ?? [saved.session];
        set({ session: saved.session, log: saved.log, path, view: null, modes: modesOf(saved.log), problem: null, shownAt: now() });
        return true;
      },

      async quit() {
        if (get().watching) return;
        if (get().tab.writer && slot && !(await slot.remove())) lose();
        const cleared = { session: null, log: null, path: [], view: null, modes: linkModes };
        if (get().tab.writer) set({ ...cleared, problem: null, saved: null });
        else set({ ...cleared, ...(await readSaves(false)) });
      },

      async takeOver() {
        if (get().watching) return;
        await tabs.takeOver();
        await slot?.claim();
        const playing = get().session !== null;
        const found = await readSaves(true);
        unsaved = 0;
        set({ ...found, tab: { writer: true } });
        // The other tab may have gone on: continue from what it saved.
        if (playing) {
          if (found.saved) get().resume();
          else set({ session: null, log: null, path: [], view: null, modes: linkModes });
        }
      },

      shown() {
        set({ shownAt: now() });
      },
    };
  });
}
