/**
 * The xAPI statements of a log (issue 8, point 7): valid xAPI 1.0.3 by the independent validator
 * `xapi-validation` with no warning at all, one `choice` interaction per decision with the options
 * offered, a `completed` statement per attempt, the actor an account, registrations distinct per
 * attempt and the same on every run.
 */
import validateStatement from 'xapi-validation';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../../src/core/engine/lookup.ts';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { unsealLog } from '../../../src/core/log/seal.ts';
import { reviewDecisions } from '../../../src/core/review/model.ts';
import { isoDuration, XAPI_BASE, XAPI_EXTENSIONS, xapiRegistration, xapiStatements } from '../../../src/core/review/xapi.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { replayAttempts } from '../../../src/core/log/replay.ts';
import { HOSTILE_LABEL, verifiedLogs, type Verified } from './review-fixtures.ts';

let logs: { name: string; scenario: Scenario; log: SealedLog }[];
beforeAll(async () => {
  logs = (await verifiedLogs(6)).flatMap((v: Verified) => (v.result.ok ? [{ name: v.name, scenario: v.result.scenario.scenario, log: v.result.log }] : []));
  // Loads every post and plays a class of games through the real engine: heavier than a unit test.
}, 60_000);

/** The validator's default export, however the module system hands it over. */
const validate = ((validateStatement as unknown as { default?: unknown }).default ?? validateStatement) as (s: unknown) => unknown[];

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- statements are read as JSON

describe('xapiStatements', () => {
  it('gives statements the validator accepts with zero warnings, for every log', () => {
    expect(logs.length).toBeGreaterThan(8);
    // The validator does complain about a bad statement.
    expect(validate({ actor: { mbox: 'someone' }, verb: {}, object: {} }).length).toBeGreaterThan(0);
    for (const { scenario, log } of logs) {
      const statements = xapiStatements({ scenario, log });
      expect(statements.length).toBeGreaterThan(log.attempts.length);
      for (const s of statements) expect(validate(JSON.parse(JSON.stringify(s))).map(String)).toEqual([]);
    }
  });

  it('states each own decision as a choice interaction, then each attempt as completed with its score', () => {
    for (const { scenario, log } of logs) {
      const statements = xapiStatements({ scenario, log }) as Any[];
      const { finals } = replayAttempts(scenario, log);
      let i = 0;
      log.attempts.forEach((attempt, a) => {
        const path = reviewDecisions(scenario, log, a);
        const own = path.slice(path.length - attempt.entries.length).filter((d) => lookup(scenario.nodes, d.node)?.choices !== undefined);
        for (const d of own) {
          const s = statements[i++] as Any;
          expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
          expect(s.object.id).toBe(`${XAPI_BASE}scenarios/${scenario.id}/v${scenario.version}/nodes/${d.node}`);
          expect(s.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
          expect(s.object.definition.choices).toEqual(d.offered.map((o) => ({ id: `c${o.index}`, description: { en: o.label } })));
          expect(s.result.response).toBe(`c${d.chosen.index}`);
          expect(s.result.duration).toBe(isoDuration(d.thinkMs));
          expect(s.result.extensions?.[XAPI_EXTENSIONS.reason]).toBe(d.reason ?? undefined);
          expect(s.timestamp).toBe(d.at);
          expect(s.context.registration).toBe(xapiRegistration(log, a));
          expect(s.context.contextActivities.parent[0].id).toBe(`${XAPI_BASE}scenarios/${scenario.id}/v${scenario.version}`);
          expect(s.context.extensions[XAPI_EXTENSIONS.gameClock]).toBe(d.clock.utc);
        }
        const done = statements[i++] as Any;
        const end = finals[a];
        if (!end) throw new Error('an attempt does not replay');
        const { points, max } = verdictOf(scenario, end).score;
        expect(done.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
        expect(done.result.score).toEqual({ raw: points, min: 0, max, scaled: Math.round((points / max) * 10000) / 10000 });
        expect(done.result.completion).toBe(lookup(scenario.nodes, end.node)?.ending !== undefined);
        expect(done.context.registration).toBe(xapiRegistration(log, a));
      });
      expect(i).toBe(statements.length);
    }
  });

  it('names the student by an account, never an email', () => {
    const hostile = logs.find((l) => l.name === 'hostile.json');
    if (!hostile) throw new Error('no hostile log');
    const statements = xapiStatements({ ...hostile, homePage: 'https://school.example/lms' }) as Any[];
    for (const s of statements) {
      expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://school.example/lms', name: HOSTILE_LABEL } });
      expect(JSON.stringify(s)).not.toMatch(/mbox|mailto/);
    }
    expect(statements.some((s) => typeof s.result.extensions?.[XAPI_EXTENSIONS.reason] === 'string')).toBe(true);
  });

  it('derives registrations and ids from the log: distinct per attempt and per statement, the same on every run', () => {
    const all = logs.flatMap(({ scenario, log }) => xapiStatements({ scenario, log }) as Any[]);
    const again = logs.flatMap(({ scenario, log }) => xapiStatements({ scenario, log }) as Any[]);
    expect(again).toEqual(all);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    const registrations = logs.flatMap(({ log }) => log.attempts.map((_, a) => xapiRegistration(log, a)));
    expect(new Set(registrations).size).toBe(registrations.length);
    for (const r of registrations) expect(r).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // An open log (not sealed) gets registrations of its own, stable too.
    const open = unsealLog((logs[0] as { log: SealedLog }).log);
    expect(xapiRegistration(open, 0)).toBe(xapiRegistration(structuredClone(open), 0));
    expect(xapiRegistration(open, 0)).not.toBe(xapiRegistration((logs[0] as { log: SealedLog }).log, 0));
  });

  it('writes durations in ISO 8601 to the hundredth of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(1500)).toBe('PT1.5S');
    expect(isoDuration(61_000)).toBe('PT1M1S');
    expect(isoDuration(3_600_000 + 5)).toBe('PT1H0M0.01S');
  });
});
