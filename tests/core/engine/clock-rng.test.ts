import { describe, expect, it } from 'vitest';
import { formatSpan, isoUtc, offsetLabel, parseTime, timeOf, wallTime } from '../../../src/core/engine/clock.ts';
import { nextRandom, pickWeighted, seedState } from '../../../src/core/engine/rng.ts';

describe('clock', () => {
  it('reads times with an offset or Z as UTC minutes', () => {
    expect(parseTime('1962-11-20T17:00-06:00')).toBe(parseTime('1962-11-20T23:00Z'));
    expect(parseTime('1962-11-20T18:30-04:30')).toBe(parseTime('1962-11-20T23:00Z'));
    expect(isoUtc(timeOf('1962-11-19T17:18-05:00'))).toBe('1962-11-19T22:18Z');
  });

  it('refuses times that roll over (month 13, 24:00, minute 60, 29 February 1962)', () => {
    for (const t of ['1962-13-01T10:00Z', '1962-11-20T24:00Z', '1962-11-20T10:60Z', '1962-02-29T10:00Z', '1962-11-31T10:00Z']) {
      expect(parseTime(t)).toBeNull();
    }
  });

  it('refuses impossible offsets', () => {
    expect(parseTime('1962-11-20T10:00+15:00')).toBeNull();
    expect(parseTime('1962-11-20T10:00-05:60')).toBeNull();
  });

  it('reads years before 100 as written, not as 19xx', () => {
    expect(parseTime('0062-11-20T10:00Z')).not.toBe(parseTime('1962-11-20T10:00Z'));
    expect(isoUtc(timeOf('0062-11-20T10:00Z'))).toBe('0062-11-20T10:00Z');
  });

  it('throws a RangeError from timeOf for a malformed time', () => {
    expect(() => timeOf('20 Nov 1962')).toThrow(RangeError);
  });

  it('shows wall-clock time at a fixed offset, whatever the runtime time zone', () => {
    const t = timeOf('1962-11-20T23:00Z');
    expect(wallTime(t, -360).label).toBe('Tue 20 Nov 17:00');
    expect(wallTime(t, -270).hhmm).toBe('18:30');
    expect(wallTime(t, -180).label).toBe('Tue 20 Nov 20:00');
    expect(offsetLabel(-270)).toBe('UTC−4:30');
    expect(formatSpan(-320)).toBe('5 h 20 min');
  });
});

describe('rng', () => {
  it('gives the same sequence from the same seed', () => {
    const run = (seed: number): number[] => {
      let s = seedState(seed);
      return Array.from({ length: 5 }, () => {
        const [v, next] = nextRandom(s);
        s = next;
        return v;
      });
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    expect(run(42).every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('reduces a seed to an unsigned 32-bit state', () => {
    expect(seedState(-1)).toBe(0xffffffff);
    expect(seedState(2 ** 32 + 5)).toBe(5);
  });

  it('picks indices in proportion to integer weights', () => {
    const counts = [0, 0, 0];
    let s = seedState(7);
    for (let i = 0; i < 6000; i++) {
      const [index, next] = pickWeighted(s, [1, 2, 3]);
      counts[index] = (counts[index] ?? 0) + 1;
      s = next;
    }
    expect(counts.map((c) => Math.round((c / 6000) * 6))).toEqual([1, 2, 3]);
  });
});
