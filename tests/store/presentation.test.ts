import { describe, expect, it } from 'vitest';
import { createPresentation, REDUCED_MOTION_QUERY, type MotionQuerySource } from '../../src/store/presentation.ts';

/** A system setting the test can change, as a student does in the operating system's settings. */
function systemSetting(reduce: boolean): MotionQuerySource & { set(reduce: boolean): void; asked: string[] } {
  const listeners: ((e: { matches: boolean }) => void)[] = [];
  const query = {
    matches: reduce,
    addEventListener: (_type: string, listener: (e: { matches: boolean }) => void) => void listeners.push(listener),
  };
  const asked: string[] = [];
  return {
    asked,
    matchMedia(q: string) {
      asked.push(q);
      return query as unknown as ReturnType<MotionQuerySource['matchMedia']>;
    },
    set(value) {
      query.matches = value;
      for (const l of listeners) l({ matches: value });
    },
  };
}

describe('the presentation store', () => {
  it('reads prefers-reduced-motion once and follows a change of the system setting', () => {
    const system = systemSetting(true);
    const presentation = createPresentation(system);
    expect(presentation.getState().reducedMotion).toBe(true);
    expect(system.asked).toEqual([REDUCED_MOTION_QUERY]);
    const seen: boolean[] = [];
    presentation.subscribe((s) => seen.push(s.reducedMotion));
    system.set(false);
    system.set(true);
    expect(seen).toEqual([false, true]);
    expect(system.asked, 'the media query is not asked again').toHaveLength(1);
  });

  it('has full motion where there is no window (Node) or no matchMedia', () => {
    expect(createPresentation(null).getState().reducedMotion).toBe(false);
    expect(createPresentation({} as MotionQuerySource).getState().reducedMotion).toBe(false);
  });

  it('keeps the teletype stopped once the student has stopped it', () => {
    const presentation = createPresentation(systemSetting(false));
    expect(presentation.getState().teletypeStopped).toBe(false);
    presentation.getState().stopTeletype();
    presentation.getState().stopTeletype();
    expect(presentation.getState().teletypeStopped).toBe(true);
  });
});
