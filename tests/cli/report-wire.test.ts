import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packReports, unpackReports } from '../../src/cli/report-wire.ts';
import type { FileReport } from '../../src/cli/verify-file.ts';

const text = fc.string({ maxLength: 12, unit: 'grapheme' });
const count = fc.nat({ max: 400 });

/** A report with its fields in the order `reportOf` writes them, nested objects included. */
const report: fc.Arbitrary<FileReport> = fc
  .record({
    file: text,
    status: fc.constantFrom('verified', 'scenario-changed', 'edited', 'refused'),
    finished: fc.constantFrom(true, false, null),
    student: fc.option(fc.record({ label: text, classCode: fc.option(text, { nil: undefined }) }), { nil: null }),
    attempts: fc.option(count, { nil: null }),
    attemptEndings: fc.option(
      fc.array(fc.record({
        index: count,
        from: fc.option(fc.record({ attempt: count, seq: count }), { nil: null }),
        decisions: count,
        ending: fc.option(text, { nil: null }),
      }), { maxLength: 4 }),
      { nil: null },
    ),
    ending: fc.option(text, { nil: null }),
    format: fc.option(fc.constantFrom(1, 2), { nil: null }),
    modes: fc.option(fc.record({ rewind: text, reasons: text, play: fc.option(fc.constant('class'), { nil: undefined }) }), { nil: null }),
    score: fc.option(fc.record({ points: fc.integer({ min: -50, max: 50 }), max: count }), { nil: null }),
    problems: fc.array(text, { maxLength: 3 }),
    notes: fc.array(text, { maxLength: 3 }),
    newerText: fc.boolean(),
    scenario: fc.option(fc.record({ id: text, version: fc.integer({ min: 1, max: 9 }), hash: text }), { nil: null }),
  })
  // An absent classCode or play is left out, as reportOf leaves it out (not written as undefined).
  .map((r) => ({
    ...r,
    student: r.student === null ? null : r.student.classCode === undefined ? { label: r.student.label } : { label: r.student.label, classCode: r.student.classCode },
    modes: r.modes === null ? null : r.modes.play === undefined ? { rewind: r.modes.rewind, reasons: r.modes.reasons } : { rewind: r.modes.rewind, reasons: r.modes.reasons, play: r.modes.play },
  }));

describe('packReports and unpackReports', () => {
  it('give back every batch of reports as it was, fields in the same order', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 6 }), (reports) => {
        const back = unpackReports(structuredClone(packReports(reports)));
        expect(back).toEqual(reports);
        // --json prints each report as JSON.stringify writes it: the order of the fields shows.
        expect(back.map((r) => JSON.stringify(r))).toEqual(reports.map((r) => JSON.stringify(r)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a list that is not a packed batch, saying so', () => {
    const packed = packReports([{
      file: 'a.json', status: 'refused', finished: null, student: null, attempts: null, attemptEndings: null, ending: null, format: null, modes: null, score: null,
      problems: ['There is no such file.'], notes: [], newerText: false, scenario: null,
    }]);
    expect(() => unpackReports(packed.slice(0, -1))).toThrow(/ends too soon/);
    expect(() => unpackReports([...packed, 'more'])).toThrow(/left over/);
    expect(() => unpackReports([1, 7])).toThrow(/number where a text belongs/);
    expect(() => unpackReports(['one'])).toThrow(/no count/);
  });
});
