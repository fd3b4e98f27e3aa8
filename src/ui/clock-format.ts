/**
 * How the page writes a time of day: 24-hour ("17:00", the default, as the cables write it) or
 * 12-hour ("5:00 p.m."), as the student prefers. Formatting only: the hours and minutes come from
 * the core's wallTime(), which stays the one place that turns game time into a wall clock.
 */
import type { WallTime } from '../core/play.ts';
import { readSave, writeSave, type StorageLike } from '../store/storage.ts';

export const CLOCK_FORMATS = ['24h', '12h'] as const;
export type ClockFormat = (typeof CLOCK_FORMATS)[number];

/** The storage key of the remembered format, '24h' or '12h'. */
export const CLOCK_FORMAT_KEY = 'circular938.clock-format';

/** "17:05" or "5:05 p.m."; midnight is "12:00 a.m." and noon "12:00 p.m.". Pure. */
export function formatTimeOfDay(t: Pick<WallTime, 'hours' | 'minutes'>, format: ClockFormat): string {
  const mm = String(t.minutes).padStart(2, '0');
  if (format === '24h') return `${String(t.hours).padStart(2, '0')}:${mm}`;
  const h12 = t.hours % 12 === 0 ? 12 : t.hours % 12;
  return `${h12}:${mm} ${t.hours < 12 ? 'a.m.' : 'p.m.'}`;
}

/** "Tue 20 Nov 17:00" or "Tue 20 Nov 5:00 p.m.". Pure. */
export function formatWallLabel(t: WallTime, format: ClockFormat): string {
  return `${t.weekday} ${t.day} ${t.month} ${formatTimeOfDay(t, format)}`;
}

export interface ClockFormatPreference {
  get(): ClockFormat;
  /** Remembers the format when storage allows; never throws. */
  set(format: ClockFormat): void;
}

/**
 * The remembered clock format, read once. Blocked or failing storage only means the choice is
 * not remembered; anything unknown in storage reads as the default, 24-hour. Never throws.
 */
export function createClockFormatPreference(storage: StorageLike | null): ClockFormatPreference {
  let format: ClockFormat = readSave(storage, CLOCK_FORMAT_KEY) === '12h' ? '12h' : '24h';
  return {
    get: () => format,
    set(value) {
      format = value;
      writeSave(storage, CLOCK_FORMAT_KEY, value);
    },
  };
}
