// Where a phase happens, as the step title shows it: Rio de Janeiro's meeting is at the Minister's
// home when he receives the ambassador that night, and at the Palácio Itamaraty otherwise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeOf } from '../../src/core/engine/clock.ts';
import { holds } from '../../src/core/engine/conditions.ts';
import { initialState } from '../../src/core/engine/state.ts';
import { exitsOf } from '../../src/core/scenario/check-graph.ts';
import { formatIssue } from '../../src/core/scenario/issues.ts';
import { loadScenario } from '../../src/core/scenario/load.ts';
import type { Condition, Scenario } from '../../src/core/scenario/schema.ts';
import { phaseOf } from '../../src/ui/phases.ts';
import { loadRealScenario, SCENARIO_DIR } from '../fixtures/real-scenarios.ts';

async function scenario(file: string): Promise<Scenario> {
  return (await loadRealScenario(file)).scenario;
}

describe('phaseOf', () => {
  it('names the place a mission gives, and an embassy\'s by default', async () => {
    const usun = await scenario('usun.yaml');
    expect(phaseOf(usun, 'meeting')).toEqual({ title: 'The meeting', place: 'UN Secretariat' });
    const mexico = await scenario('mexico.yaml');
    expect(phaseOf(mexico, 'meeting', (c) => holds(mexico, initialState(mexico, { seed: 1, variant: 'historical' }), c))).toEqual({ title: 'The meeting', place: 'Foreign Ministry' });
  });

  it('takes the first place whose condition holds: Rio\'s meeting at the Minister\'s home that night, else at Itamaraty', async () => {
    const rio = await scenario('brazil.yaml');
    const start = initialState(rio, { seed: 1, variant: 'historical' });
    const at = (time: string, flags: string[] = []) => {
      const state = { ...start, phase: 'meeting' as const, clock: timeOf(time), flags };
      return (c: Condition): boolean => holds(rio, state, c);
    };
    // The night meeting begins at 23:30 (meet-night), and met-tonight is set as it goes on past midnight.
    expect(phaseOf(rio, 'meeting', at('1962-11-19T23:30-03:00')).place).toBe("The Minister's home");
    expect(phaseOf(rio, 'meeting', at('1962-11-20T00:40-03:00', ['met-tonight'])).place).toBe("The Minister's home");
    expect(phaseOf(rio, 'meeting', at('1962-11-20T09:30-03:00')).place).toBe('Palácio Itamaraty');
    expect(phaseOf(rio, 'meeting', at('1962-11-20T20:45-03:00', ['asked-president'])).place).toBe('Palácio Itamaraty');
    // Without a state (the branch map's bands), the place without a condition.
    expect(phaseOf(rio, 'meeting').place).toBe('Palácio Itamaraty');
    expect(phaseOf(rio, 'cable', (c) => holds(rio, start, c)).place).toBe('Embassy code room');
  });

  it('puts every meeting of the night before dawn, and every other one after it', async () => {
    const rio = await scenario('brazil.yaml');
    const exits = Object.entries(rio.nodes).flatMap(([id, node]) => exitsOf(id, node));
    const clockTo = (e: (typeof exits)[number]): string | undefined => e.effects.flatMap((x) => ('clockTo' in x ? [x.clockTo] : []))[0];
    const dawn = timeOf('1962-11-20T06:00-03:00');
    const intoNight = exits.filter((e) => e.next === 'meet-night');
    expect(intoNight.length).toBeGreaterThan(0);
    for (const e of intoNight) expect(timeOf(clockTo(e) ?? '')).toBeLessThan(dawn);
    expect(rio.nodes['meet-night']?.text).toMatch(/at his home/);
    // The night meeting is the one that sets met-tonight; the others open at Itamaraty, in the day.
    expect(exitsOf('meet-night', rio.nodes['meet-night']!).every((e) => e.effects.some((x) => 'set' in x && x.set === 'met-tonight'))).toBe(true);
    for (const id of ['meet-morning', 'meet-afternoon', 'meet-late']) expect(rio.nodes[id]?.text).toMatch(/Itamaraty|Council of Ministers/);
  });

  it('is checked with the scenario: a place\'s condition that reads a flag never set, or no real time, is named', async () => {
    const text = readFileSync(new URL('brazil.yaml', SCENARIO_DIR), 'utf8');
    const broken = text.replace('{ any: [ { flag: met-tonight }, { before: "1962-11-20T06:00-03:00" } ] }', '{ any: [ { flag: met-tonite }, { before: "1962-11-20T30:00-03:00" } ] }');
    expect(broken).not.toBe(text);
    const r = await loadScenario(broken, 'scenarios/brazil.yaml');
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.issues.map(formatIssue);
    expect(problems.some((p) => p.includes('mission.places.meeting[0].if.any[0].flag: flag "met-tonite" is never set'))).toBe(true);
    expect(problems.some((p) => p.includes('mission.places.meeting[0].if.any[1].before'))).toBe(true);
  });
});
