/**
 * The game's one writer: a zustand vanilla store. Every action calls the pure core step and
 * appends to the decision log in one setState; the save is written before subscribers (the
 * scenes and the overlay) see the new state, so a reload always resumes where the student was.
 * Scenes and pages read with getState and subscribe; they never change state themselves.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  appendEntry,
  availableChoices,
  createLog,
  initialState,
  isoUtc,
  replayLog,
  step,
  type ChoiceView,
  type DecisionLog,
  type LoadedScenario,
  type SessionState,
} from '../core/index.ts';
import { checkOpenLog } from './open-log.ts';
import { SAVE_OFF_UNAVAILABLE, clearSave, readSave, writeSave, type SaveStatus, type StorageLike } from './storage.ts';

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

export interface GameState {
  loaded: LoadedScenario;
  session: SessionState | null;
  log: DecisionLog | null;
  /** Wall time (ms) when the current node was shown: thinkMs is measured from it. */
  shownAt: number;
  save: SaveStatus;
  /** A readable message for the last refused action or failed resume; null when all is well. */
  problem: string | null;
  /** Begins a new game (replacing any saved one for this scenario). */
  start(input: StartInput): void;
  /** Takes choice `index` (the index carried by ChoiceView) at the current node. */
  choose(index: number): boolean;
  /** Restores the saved game by replaying its log; false (with `problem` set) if there is none or it is unusable. */
  resume(): boolean;
  /** Leaves the current game and deletes its save. */
  quit(): void;
  /** Marks the current node as shown now (the overlay calls it after rendering). */
  shown(): void;
}

export interface StoreDeps {
  loaded: LoadedScenario;
  storage: StorageLike | null;
  /** Wall clock in ms; only used for the log's `at` and `thinkMs`, never for game rules. */
  now: () => number;
  /** A fresh 32-bit seed for a new game. */
  newSeed: () => number;
}

export type GameStore = StoreApi<GameState>;

export function saveKey(scenarioId: string): string {
  return `circular938.save.${scenarioId}`;
}

/** Whether a saved game exists for this scenario (without loading it). */
export function hasSave(storage: StorageLike | null, scenarioId: string): boolean {
  return readSave(storage, saveKey(scenarioId)) !== null;
}

/** The choices open now, or none when no game is running. */
export function choicesOf(state: GameState): ChoiceView[] {
  return state.session ? availableChoices(state.loaded.scenario, state.session) : [];
}

export function createGameStore(deps: StoreDeps): GameStore {
  const { loaded, storage, now } = deps;
  const key = saveKey(loaded.scenario.id);
  const initialSave: SaveStatus = storage ? { on: true } : { on: false, reason: SAVE_OFF_UNAVAILABLE };

  return createStore<GameState>()((set, get) => ({
    loaded,
    session: null,
    log: null,
    shownAt: now(),
    save: initialSave,
    problem: null,

    start(input) {
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
      });
      const save = writeSave(storage, key, JSON.stringify(log));
      set({ session, log, save, problem: null, shownAt: now() });
    },

    choose(index) {
      const { session, log, shownAt } = get();
      if (!session || !log) return false;
      const result = step(loaded.scenario, session, { type: 'choice.made', choice: index });
      if (!result.ok) {
        set({ problem: `That choice is not open here (${result.error}).` });
        return false;
      }
      const at = now();
      const entryLog = appendEntry(log, {
        node: session.node,
        choice: index,
        clock: isoUtc(session.clock),
        at: new Date(at).toISOString(),
        thinkMs: Math.max(0, Math.round(at - shownAt)),
      });
      // The save goes first: subscribers draw the next screen only after it is written.
      const save = writeSave(storage, key, JSON.stringify(entryLog));
      set({ session: result.state, log: entryLog, save, problem: null, shownAt: at });
      return true;
    },

    resume() {
      const text = readSave(storage, key);
      if (text === null) {
        set({ problem: 'There is no saved game in this browser.' });
        return false;
      }
      const checked = checkOpenLog(text, loaded);
      if (!checked.ok) {
        set({ problem: checked.problem });
        return false;
      }
      const replayed = replayLog(loaded.scenario, checked.log);
      if (!replayed.ok) {
        set({
          problem: `The saved game could not be replayed (${replayed.error}). It has been kept; start a new game to replace it.`,
        });
        return false;
      }
      set({ session: replayed.state, log: checked.log, problem: null, shownAt: now() });
      return true;
    },

    quit() {
      clearSave(storage, key);
      set({ session: null, log: null, problem: null });
    },

    shown() {
      set({ shownAt: now() });
    },
  }));
}
