/**
 * How the page presents the game, beside the game itself: whether the student's system asks for
 * less motion (`prefers-reduced-motion`, read once from matchMedia and followed when it changes),
 * and whether the student has stopped the teletype. Nothing here is saved or logged. The overlay
 * writes it (the student's click); the scenes read it and follow it, as they do the game store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PresentationState {
  /** The system asks for less motion: the rooms stand still and the teletype does not type. */
  reducedMotion: boolean;
  /** The student stopped the teletype: it shows the circular printed, and its clatter stops. */
  teletypeStopped: boolean;
  stopTeletype(): void;
}

export type PresentationStore = StoreApi<PresentationState>;

/** The part of `window` read here (a fake in tests, nothing in Node). */
export interface MotionQuerySource {
  matchMedia(query: string): Pick<MediaQueryList, 'matches' | 'addEventListener'>;
}

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/**
 * Makes the presentation store. With a `source` (the window), `reducedMotion` starts from the
 * media query and follows its changes; without one, motion is full.
 */
export function createPresentation(source: MotionQuerySource | null = typeof window === 'undefined' ? null : window): PresentationStore {
  const query = source && typeof source.matchMedia === 'function' ? source.matchMedia(REDUCED_MOTION_QUERY) : null;
  const store = createStore<PresentationState>()((set) => ({
    reducedMotion: query?.matches ?? false,
    teletypeStopped: false,
    stopTeletype: () => set({ teletypeStopped: true }),
  }));
  query?.addEventListener('change', (e) => store.setState({ reducedMotion: e.matches }));
  return store;
}
