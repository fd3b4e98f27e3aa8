/**
 * A game as SCORM 1.2 values (issue 10, point 4): one interaction per decision (the same decisions,
 * in the same order, as the xAPI export's `answered` statements), each value of a SCORM 1.2 type
 * and accepted by an independent SCORM 1.2 runtime (scorm-again), the score the verdict's, and the
 * progress kept in suspend_data read back or refused.
 */
import { Scorm12API } from 'scorm-again';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { replayAttempts } from '../../../src/core/log/replay.ts';
import { scoreRubric } from '../../../src/core/rubric/rubric.ts';
import {
  cmiTime,
  cmiTimespan,
  readScormProgress,
  scormGameKey,
  scormInteractions,
  scormOutcome,
  SCORM12_LIMITS,
  writeScormProgress,
} from '../../../src/core/review/scorm.ts';
import { xapiStatements } from '../../../src/core/review/xapi.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { verifiedLogs, type Verified } from './review-fixtures.ts';

let logs: { name: string; scenario: Scenario; log: SealedLog }[];
beforeAll(async () => {
  logs = (await verifiedLogs(6)).flatMap((v: Verified) => (v.result.ok ? [{ name: v.name, scenario: v.result.scenario.scenario, log: v.result.log }] : []));
}, 120_000);

/** SCORM 1.2 RTE appendix A, strictly: HHHH:MM:SS.SS (hours 2 to 4 digits), HH:MM:SS, a CMIIdentifier. */
const TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const IDENTIFIER = /^[\x21-\x7e]{1,255}$/;

describe('cmiTimespan', () => {
  it('writes a span as HHHH:MM:SS.SS to the hundredth', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(12_345)).toBe('0000:00:12.35');
    expect(cmiTimespan(2 * 3_600_000 + 61_000 + 40)).toBe('0002:01:01.04');
    expect(cmiTimespan(59_999)).toBe('0000:01:00.00');
  });

  it('writes no negative, unreadable or out-of-range span', () => {
    expect(cmiTimespan(-5)).toBe('0000:00:00.00');
    expect(cmiTimespan(Number.NaN)).toBe('0000:00:00.00');
    expect(cmiTimespan(1e15)).toBe('9999:59:59.99');
    for (const ms of [0, 1, 994, 995, 3_599_999, 86_400_000, 1e12]) expect(cmiTimespan(ms)).toMatch(TIMESPAN);
  });
  // Loads every post and plays a class of games through the real engine: heavier than a unit test.
}, 60_000);

describe('cmiTime', () => {
  it('gives the time of day in the learner\'s zone, across midnight both ways', () => {
    const at = Date.parse('2026-03-02T23:30:05.900Z');
    expect(cmiTime(at, 0)).toBe('23:30:05');
    expect(cmiTime(at, 60)).toBe('00:30:05');
    expect(cmiTime(at, -360)).toBe('17:30:05');
    expect(cmiTime(Date.parse('2026-03-02T00:10:00Z'), -330)).toBe('18:40:00');
    expect(cmiTime(at, 330)).toMatch(TIME);
  });
});

describe('scormInteractions', () => {
  it('reports the decisions the xAPI export states, in the same order: left out are the chance draws and the inherited steps', () => {
    expect(logs.length).toBeGreaterThan(8);
    let chanceEntries = 0;
    let rewound = 0;
    for (const { scenario, log } of logs) {
      const interactions = scormInteractions(scenario, log);
      const answered = xapiStatements({ scenario, log }).filter((s) => (s['verb'] as { id: string }).id.endsWith('/answered'));
      const own = log.attempts.flatMap((a) => a.entries);
      chanceEntries += own.filter((e) => scenario.nodes[e.node]?.chance).length;
      if (log.attempts.length > 1) rewound += 1;
      expect(interactions.length).toBe(answered.length);
      expect(interactions.length).toBe(own.filter((e) => scenario.nodes[e.node]?.choices).length);
      interactions.forEach((d, i) => {
        const s = answered[i] as { object: { id: string }; result: { response: string } };
        expect(s.object.id.endsWith(`/nodes/${d.id.slice(scenario.id.length + 1)}`)).toBe(true);
        expect(`c${parseInt(d.response, 36)}`).toBe(s.result.response);
      });
    }
    expect(chanceEntries, 'the fixtures pass chance nodes').toBeGreaterThan(0);
    expect(rewound, 'the fixtures hold rewound games').toBeGreaterThan(0);
  });

  it('names each decision by post and node, answers with the choice index as one character, marks it neutral, and times it', () => {
    for (const { scenario, log } of logs) {
      const decisions = log.attempts.flatMap((a) => a.entries).filter((e) => scenario.nodes[e.node]?.choices);
      scormInteractions(scenario, log).forEach((d, i) => {
        const e = decisions[i];
        if (!e) throw new Error('fewer decisions than interactions');
        expect(d).toEqual({
          id: `${scenario.id}.${e.node}`,
          type: 'choice',
          response: '0123456789abcdefghijklmnopqrstuvwxyz'[e.choice],
          result: 'neutral',
          latency: cmiTimespan(e.thinkMs),
          at: Date.parse(e.at),
        });
        expect(d.id).toMatch(IDENTIFIER);
        expect(d.response).toMatch(/^[0-9a-z]$/);
        expect(d.latency).toMatch(TIMESPAN);
      });
    }
  });

  it('reports a choice beyond the 36 a SCORM 1.2 choice response can name as a performance, never as another letter', () => {
    const { scenario, log } = logs[0] ?? (() => { throw new Error('no log'); })();
    const first = log.attempts.flatMap((a) => a.entries).find((e) => scenario.nodes[e.node]?.choices);
    if (!first) throw new Error('no decision');
    const far = { ...log, attempts: [{ from: null, startedAt: log.createdAt, entries: [{ ...first, choice: 36 }] }] };
    expect(scormInteractions(scenario, far)[0]).toMatchObject({ type: 'performance', response: '36' });
  });

  it('gives values an independent SCORM 1.2 runtime stores without an error', () => {
    for (const { scenario, log } of logs.slice(0, 4)) {
      const api = new Scorm12API({ logLevel: 5 });
      expect(api.LMSInitialize('')).toBe('true');
      scormInteractions(scenario, log).forEach((d, n) => {
        const values: [string, string][] = [
          ['id', d.id], ['type', d.type], ['student_response', d.response], ['result', d.result], ['latency', d.latency], ['time', cmiTime(d.at ?? 0, 60)],
        ];
        for (const [field, value] of values) {
          expect(api.LMSSetValue(`cmi.interactions.${n}.${field}`, value), `${field} = ${value}`).toBe('true');
          expect(api.LMSGetLastError()).toBe('0');
        }
      });
      expect(api.LMSGetValue('cmi.interactions._count')).toBe(String(scormInteractions(scenario, log).length));
    }
  });
});

describe('scormOutcome', () => {
  it('is completed with the verdict\'s score (the rubric\'s total) at an ending, and incomplete without a score before one', () => {
    let ended = 0;
    for (const { scenario, log } of logs) {
      const { finals } = replayAttempts(scenario, log);
      for (const state of finals) {
        if (!state) continue;
        const asked: string[] = [];
        const outcome = scormOutcome(scenario, state, (s, st) => {
          asked.push(st.node);
          return verdictOf(s, st);
        });
        if (scenario.nodes[state.node]?.ending) {
          ended += 1;
          const { total } = scoreRubric(scenario, state);
          expect(outcome).toEqual({ status: 'completed', score: { raw: total.points, min: 0, max: total.max } });
          expect(outcome.score?.raw).toBeLessThanOrEqual(100);
        } else {
          expect(outcome).toEqual({ status: 'incomplete', score: null });
          expect(asked, 'no verdict is worked out before an ending').toEqual([]);
        }
      }
    }
    expect(ended).toBeGreaterThan(3);
  });
});

describe('the progress in suspend_data', () => {
  it('reads back what it wrote, within CMIString4096', () => {
    const { log } = logs[0] ?? (() => { throw new Error('no log'); })();
    const progress = { game: scormGameKey(log), reported: 17 };
    const text = writeScormProgress(progress);
    expect(text.length).toBeLessThanOrEqual(SCORM12_LIMITS.suspendData);
    expect(readScormProgress(text)).toEqual(progress);
  });

  it('finds no progress in what another package or a damaged record left', () => {
    for (const text of ['', 'lesson=3|page=7', '{"game":"x","reported":2}', '{"circular938":1,"game":"x","reported":-1}', '{"circular938":1,"game":"x","reported":1.5}', '{"circular938":1,"game":3,"reported":1}', 'null', '[1]', '{', 'x'.repeat(5000), undefined, 7]) {
      expect(readScormProgress(text)).toBeNull();
    }
  });
});
