/**
 * The game clock: whole minutes since 1970-01-01T00:00Z (negative in 1962).
 * Local and Washington times are derived from offsets in the scenario file, never from the
 * runtime's time-zone database. Pure.
 */

export type UtcMinutes = number;

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses "1962-11-20T10:00-06:00" or "…Z" to UTC minutes; returns null when malformed. */
export function parseTime(value: string): UtcMinutes | null {
  const m = TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, z, sign, oh, om] = m;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  check.setUTCHours(Number(h), Number(mi), 0, 0);
  const ms = check.getTime();
  if (Number.isNaN(ms)) return null;
  // A rolled-over field (month 13, 24:00, minute 60) means the text named no real time.
  const fields = [check.getUTCMonth() + 1, check.getUTCDate(), check.getUTCHours(), check.getUTCMinutes()];
  if (fields.join() !== [mo, d, h, mi].map(Number).join()) return null;
  if (z !== 'Z' && (Number(oh) > 14 || Number(om) > 59)) return null;
  const offset = z === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return ms / 60000 - offset;
}

/** Times already read: a scenario names a few dozen, and conditions read them at every step. */
const known = new Map<string, UtcMinutes>();
const KNOWN_MAX = 4096;

/** Like parseTime, but throws a RangeError: for values already validated by the schema. Memoised. */
export function timeOf(value: string): UtcMinutes {
  const cached = known.get(value);
  if (cached !== undefined) return cached;
  const t = parseTime(value);
  if (t === null) throw new RangeError(`not a time: ${value}`);
  if (known.size < KNOWN_MAX) known.set(value, t);
  return t;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface WallTime {
  weekday: string;
  day: number;
  month: string;
  hours: number;
  minutes: number;
  /** "17:00" */
  hhmm: string;
  /** "Tue 20 Nov 17:00" */
  label: string;
}

/** The wall-clock reading of a UTC minute at a fixed offset (minutes east of UTC). */
export function wallTime(t: UtcMinutes, offsetMinutes: number): WallTime {
  const d = new Date((t + offsetMinutes) * 60000);
  const hours = d.getUTCHours();
  const minutes = d.getUTCMinutes();
  const hhmm = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  const weekday = DAYS[d.getUTCDay()] ?? '';
  const month = MONTHS[d.getUTCMonth()] ?? '';
  const day = d.getUTCDate();
  return { weekday, day, month, hours, minutes, hhmm, label: `${weekday} ${day} ${month} ${hhmm}` };
}

/** ISO form in UTC, "1962-11-20T23:00Z", as stored in logs. */
export function isoUtc(t: UtcMinutes): string {
  let text = isoTexts.get(t);
  if (text === undefined) {
    text = new Date(t * 60000).toISOString().slice(0, 16) + 'Z';
    // A game's clock takes a few hundred values; replaying a class's logs asks for them again and again.
    if (isoTexts.size >= 4096) isoTexts.clear();
    isoTexts.set(t, text);
  }
  return text;
}

const isoTexts = new Map<UtcMinutes, string>();

/** "5 h 20 min", "45 min", "0 min"; negative spans are given as their absolute value. */
export function formatSpan(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (h === 0) return `${r} min`;
  return r === 0 ? `${h} h` : `${h} h ${r} min`;
}

/** "UTC−6" style label for an offset. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const m = Math.abs(offsetMinutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  return `UTC${sign}${h}${r ? `:${String(r).padStart(2, '0')}` : ''}`;
}
