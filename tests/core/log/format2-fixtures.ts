/**
 * Shared by the format 2 tests: the real scenarios and the kept texts as the log command reads them,
 * the real format 1 files, scenarios with `why` set on some nodes, and walks with rewinds and reasons
 * played as the store plays them (createLog, appendEntry, startAttempt from any attempt, originAt).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { archiveFromDir, loadCurrentScenarios } from '../../../src/cli/scenario-files.ts';
import { isoUtc } from '../../../src/core/engine/clock.ts';
import { initialState, type SessionState } from '../../../src/core/engine/state.ts';
import { availableChoices, isEnded, step } from '../../../src/core/engine/step.ts';
import { hashJson } from '../../../src/core/hash.ts';
import { appendEntry, createLog, currentAttempt, originAt, startAttempt } from '../../../src/core/log/create.ts';
import type { DecisionLog, ReasonsMode, RewindMode } from '../../../src/core/log/format.ts';
import type { ScenarioLibrary, ScenarioRef } from '../../../src/core/log/library.ts';
import type { Scenario } from '../../../src/core/scenario/schema.ts';
import { miniScenario } from '../../fixtures/mini-scenario.ts';

const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const LOGS = new URL('../../fixtures/logs/', import.meta.url);

/** The current scenarios, as `npm run logs` loads them. */
export async function currentRefs(): Promise<ScenarioRef[]> {
  const { refs, problems } = await loadCurrentScenarios(SCENARIOS);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return refs;
}

/** The kept texts of scenarios/archive/, as `npm run logs` reads them. */
export function keptTexts(): Promise<ScenarioLibrary> {
  return archiveFromDir(`${SCENARIOS}archive`, (line) => {
    throw new Error(line);
  });
}

/** The real format 1 files of tests/fixtures/logs/, by name. */
export const FORMAT1_FILES: readonly string[] = readdirSync(LOGS).filter((f) => f.startsWith('mexico-') && f.endsWith('.json')).sort();

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, LOGS), 'utf8');
}

export function readSave(name: string): string {
  return readFileSync(new URL(`../../fixtures/saves/${name}`, import.meta.url), 'utf8');
}

/** A shallow copy of an object without the given keys. */
export function omit(value: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

/** A copy of a scenario asking `why` at the named nodes (each must have choices). */
export async function withWhy(scenario: Scenario, nodes: readonly string[]): Promise<ScenarioRef> {
  const copy = structuredClone(scenario);
  for (const id of nodes) {
    const node = copy.nodes[id];
    if (!node?.choices) throw new Error(`no choice node "${id}"`);
    node.why = `Why did you choose this at ${id}?`;
  }
  return { scenario: copy, hash: await hashJson(copy) };
}

/** Every other choice node of a scenario (in file order), the first always among them. */
export function everyOtherChoiceNode(scenario: Scenario): string[] {
  return Object.entries(scenario.nodes)
    .filter(([, n]) => n.choices !== undefined)
    .map(([id]) => id)
    .filter((_, i) => i % 2 === 0);
}

/** The mini fixture asking why at every other choice node. */
export const miniWithWhy = (): Promise<ScenarioRef> => withWhy(miniScenario, everyOtherChoiceNode(miniScenario));

export interface WalkOp {
  /** A rewind to a point of attempt `pick` modulo the attempts; otherwise a choice. */
  rewind: boolean;
  pick: number;
  /** The reason written where the node asks why (left out when undefined, unless reasons are required). */
  reason: string | undefined;
}

export interface WalkInput {
  seed: number;
  variant: string;
  ops: readonly WalkOp[];
  rewind?: RewindMode;
  reasons?: ReasonsMode;
}

export interface Walk {
  log: DecisionLog;
  /** `finals[a]`: the state attempt `a` stood at when the walk left it (or ended). */
  finals: SessionState[];
  /** `paths[a]`: every state of attempt `a`'s path, as the store keeps it. */
  paths: SessionState[][];
}

export const wall = (i: number): string => new Date(Date.UTC(2026, 11, 1, 9, 30) + i * 7000).toISOString();

/**
 * Plays a walk as the store does: a choice appends an entry (with the reason where the node asks
 * why); a rewind goes back to a point of any attempt's path and starts a new attempt there.
 */
export function playWalk(ref: ScenarioRef, input: WalkInput): Walk {
  const { scenario } = ref;
  let log = createLog({
    scenario: { id: scenario.id, version: scenario.version, hash: ref.hash },
    seed: input.seed,
    variant: input.variant,
    student: { label: 'Inés Álvarez', classCode: '11C' },
    createdAt: wall(0),
    ...(input.rewind === undefined ? {} : { rewind: input.rewind }),
    ...(input.reasons === undefined ? {} : { reasons: input.reasons }),
  });
  const paths: SessionState[][] = [[initialState(scenario, { seed: input.seed, variant: input.variant })]];
  input.ops.forEach((op, i) => {
    const index = currentAttempt(log).index;
    const path = paths[index] as SessionState[];
    if (op.rewind) {
      const from = op.pick % paths.length;
      const states = paths[from] as SessionState[];
      const keep = Math.floor(op.pick / paths.length) % states.length;
      log = startAttempt(log, originAt(log, from, keep), wall(i + 1));
      paths.push(states.slice(0, keep + 1));
      return;
    }
    const state = path.at(-1) as SessionState;
    if (isEnded(scenario, state)) return;
    const open = availableChoices(scenario, state);
    const choice = open[op.pick % open.length]?.index ?? 0;
    const r = step(scenario, state, { type: 'choice.made', choice });
    if (!r.ok) throw new Error(r.error);
    const asks = scenario.nodes[state.node]?.why !== undefined;
    const reason = asks ? (op.reason ?? (input.reasons === 'required' ? `Because of step ${i}.` : undefined)) : undefined;
    log = appendEntry(log, {
      node: state.node,
      choice,
      clock: isoUtc(state.clock),
      at: wall(i + 1),
      thinkMs: (op.pick * 37) % 90_000,
      ...(reason === undefined ? {} : { reason }),
    });
    path.push(r.state);
  });
  return { log, finals: paths.map((p) => p.at(-1) as SessionState), paths };
}

/** A choice-only walk: `n` choices, no rewinds, a reason at every node that asks why. */
export function straightWalk(ref: ScenarioRef, seed: number, variant: string, n = 200, reasons: ReasonsMode = 'optional'): Walk {
  const ops = Array.from({ length: n }, (_, i): WalkOp => ({ rewind: false, pick: (seed + i * 7) % 13, reason: `Reason ${i}: it seemed right.` }));
  return playWalk(ref, { seed, variant, ops, reasons });
}
