import { describe, expect, it } from 'vitest';
import { wallTime } from '../../src/core/index.ts';
import { CLOCK_FORMAT_KEY, createClockFormatPreference, formatTimeOfDay, formatWallLabel } from '../../src/ui/clock-format.ts';

const at = (hours: number, minutes: number): { hours: number; minutes: number } => ({ hours, minutes });

describe('the clock format', () => {
  it('writes 24-hour times as the cables do', () => {
    expect(formatTimeOfDay(at(17, 0), '24h')).toBe('17:00');
    expect(formatTimeOfDay(at(0, 5), '24h')).toBe('00:05');
  });

  it('writes 12-hour times with a.m. and p.m., midnight and noon as 12', () => {
    expect(formatTimeOfDay(at(17, 0), '12h')).toBe('5:00 p.m.');
    expect(formatTimeOfDay(at(0, 5), '12h')).toBe('12:05 a.m.');
    expect(formatTimeOfDay(at(12, 0), '12h')).toBe('12:00 p.m.');
    expect(formatTimeOfDay(at(9, 30), '12h')).toBe('9:30 a.m.');
  });

  it('keeps the day in a full label', () => {
    // 1962-11-20T23:00Z is 17:00 in Mexico City (UTC-6).
    const t = wallTime(Date.UTC(1962, 10, 20, 23, 0) / 60000, -360);
    expect(formatWallLabel(t, '24h')).toBe(t.label);
    expect(formatWallLabel(t, '12h')).toBe('Tue 20 Nov 5:00 p.m.');
  });

  it('remembers the choice when storage works, and defaults to 24-hour', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    expect(createClockFormatPreference(storage).get()).toBe('24h');
    createClockFormatPreference(storage).set('12h');
    expect(data.get(CLOCK_FORMAT_KEY)).toBe('12h');
    expect(createClockFormatPreference(storage).get()).toBe('12h');
    data.set(CLOCK_FORMAT_KEY, 'garbage');
    expect(createClockFormatPreference(storage).get()).toBe('24h');
  });

  it('still switches, unremembered, when storage is blocked', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('SecurityError');
      },
      removeItem: (): void => undefined,
    };
    const pref = createClockFormatPreference(blocked);
    expect(pref.get()).toBe('24h');
    expect(() => pref.set('12h')).not.toThrow();
    expect(pref.get()).toBe('12h');
    expect(createClockFormatPreference(null).get()).toBe('24h');
  });
});
