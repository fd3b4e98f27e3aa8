/**
 * Shared by the verifier's tests of hostile and of large files: a log of the mini scenario played
 * by choice indices, and the wall and CPU time of one call.
 */
import { isoUtc } from '../../../src/core/engine/clock.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { step } from '../../../src/core/engine/step.ts';
import { hashJson } from '../../../src/core/hash.ts';
import { appendEntry, createLog } from '../../../src/core/log/create.ts';
import type { DecisionLog } from '../../../src/core/log/format.ts';
import type { ScenarioRef } from '../../../src/core/log/verify.ts';
import { MINI_FAITHFUL_WALK, miniScenario } from '../../fixtures/mini-scenario.ts';

export const CREATED = '2025-03-14T09:30:00.000Z';

export async function miniRef(): Promise<ScenarioRef> {
  return { scenario: miniScenario, hash: await hashJson(miniScenario) };
}

const ref = await miniRef();

export function played(choices: readonly number[] = MINI_FAITHFUL_WALK): DecisionLog {
  let log = createLog({
    scenario: { id: miniScenario.id, version: miniScenario.version, hash: ref.hash },
    seed: 1,
    variant: 'historical',
    student: { label: 'Ana', classCode: '9B' },
    createdAt: CREATED,
  });
  let state: SessionState = initialState(miniScenario, { seed: 1, variant: 'historical' });
  for (const choice of choices) {
    const r = step(miniScenario, state, { type: 'choice.made', choice });
    if (!r.ok) throw new Error(r.error);
    log = appendEntry(log, { node: state.node, choice, clock: isoUtc(state.clock), at: '2025-03-14T09:31:00.000Z', thinkMs: 1200 });
    state = r.state;
  }
  return log;
}

/** Wall and CPU milliseconds of one call. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}
