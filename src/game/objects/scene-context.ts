/**
 * What every scene receives from startGame: the store to read, the cable to type, how to present
 * it (motion, the teletype), and a hook
 * for the first finished frame. Scenes read the store; they never write to it.
 */
import type { UtcMinutes } from '../../core/engine/clock.ts';
import type { GameState, GameStore } from '../../store/game-store.ts';
import type { PresentationStore } from '../../store/presentation.ts';

export interface SceneContext {
  readonly store: GameStore;
  readonly cableText: string;
  /** Reduced motion and the teletype's stop (read, followed, never written). */
  readonly presentation: PresentationStore;
  /** Called by each scene when its room is drawn; startGame forwards the first call to onReady. */
  drawn(): void;
  /** What one room hands on to the next: the game time its clock last showed. */
  readonly memory: { time: UtcMinutes | null };
}

export type { GameState, GameStore };
