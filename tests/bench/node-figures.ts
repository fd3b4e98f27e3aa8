/**
 * The bench's measures in Node: verifying a large class's logs as `npm run logs -- verify` does (the
 * logs made by playing, tests/fixtures/class-logs.ts), and enumerating every branch of every scenario with the
 * exhaustive search the scenario checks use (tests/scenarios/search.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenariosFor, verifyFiles, type FileReport } from '../../src/cli/logs-verify.ts';
import { useNodeSha256 } from '../../src/cli/native-hash.ts';
import { openVerifyPool, type VerifyPool } from '../../src/cli/verify-pool.ts';
import type { VerifyStatus } from '../../src/core/log/verify.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { loadRealScenario, SCENARIO_FILES } from '../fixtures/real-scenarios.ts';
import { freshSearch } from '../scenarios/search.ts';
import { followChains, openFloorPool } from './verify-floor.ts';

/** One timed verification of a class's files: the time in ms and the statuses. */
export interface VerifyRun {
  ms: number;
  statuses: Partial<Record<VerifyStatus, number>>;
}

/** A class's logs written as files, and the two ways `npm run logs -- verify` verifies them. */
export interface VerifyBench {
  /** How long the worker threads took to start and load the verifier, with the scenarios loading meanwhile, in ms. */
  startMs: number;
  /** The files verified as the command verifies 10,000 (POOL_MIN_FILES or more): `verifyFiles` with its worker threads, one per core. */
  pooled(): Promise<VerifyRun>;
  /** The same files verified one after another in this thread, as the command verifies a few. */
  oneThread(): Promise<VerifyRun>;
  /** The baseline (verify-floor.ts) over the same files in as many worker threads as `pooled`: the time in ms. */
  floorPooled(): Promise<number>;
  /** The baseline over the same files in this thread: the time in ms. */
  floorOneThread(): Promise<number>;
  close(): Promise<void>;
}

function statusesOf(reports: readonly FileReport[]): Partial<Record<VerifyStatus, number>> {
  const statuses: Partial<Record<VerifyStatus, number>> = {};
  for (const { status } of reports) statuses[status] = (statuses[status] ?? 0) + 1;
  return statuses;
}

/**
 * Writes the texts to files in a temporary folder, loads the scenarios as the command does and
 * starts its worker threads; each run then times exactly what the command does with the files
 * (`verifyFiles`, logs-verify.ts), reading included, with Node's digest.
 */
export async function verifyBench(texts: readonly string[]): Promise<VerifyBench> {
  useNodeSha256();
  const dir = await mkdtemp(join(tmpdir(), 'circular938-verify-'));
  const files: string[] = [];
  for (const [i, text] of texts.entries()) {
    const file = join(dir, `log-${i}.json`);
    await writeFile(file, text);
    files.push(file);
  }
  const io = { out: () => undefined, err: (line: string) => console.error(line) };
  const started = performance.now();
  const pool = openVerifyPool(availableParallelism(), io.err);
  const floor = openFloorPool(availableParallelism());
  const scenarios = await loadScenariosFor(io, {});
  if (scenarios === null) throw new Error('no scenario loads');
  pool.setScenarios(scenarios.refs, scenarios.archiveDir);
  // One file through every worker, so that each has loaded the verifier before the runs are timed.
  await pool.verifyFiles(files.slice(0, availableParallelism()));
  const startMs = performance.now() - started;
  await floor.run(files.slice(0, availableParallelism()));
  const timed = async (threads: VerifyPool | null): Promise<VerifyRun> => {
    const begun = performance.now();
    const reports = await verifyFiles(files, scenarios, threads);
    return { ms: performance.now() - begun, statuses: statusesOf(reports) };
  };
  return {
    startMs,
    pooled: () => timed(pool),
    oneThread: () => timed(null),
    floorPooled: () => floor.run(files),
    floorOneThread: async () => {
      const begun = performance.now();
      await followChains(files);
      return performance.now() - begun;
    },
    close: async () => {
      await Promise.all([pool.close(), floor.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every scenario under scenarios/, loaded once. */
export async function everyScenario(): Promise<Scenario[]> {
  return Promise.all(SCENARIO_FILES.map(async (f) => (await loadRealScenario(f)).scenario));
}

/** Explores every state of every scenario (a fresh search each call); the time in ms, the states and paths. */
export function searchAll(scenarios: readonly Scenario[]): { ms: number; states: number; paths: string } {
  const started = performance.now();
  let states = 0;
  let paths = 0n;
  for (const scenario of scenarios) {
    // A fresh search each run: the tests share one per scenario text, which would time nothing after the first run.
    const found = freshSearch(scenario).explored();
    states += found.states;
    paths += found.paths;
  }
  return { ms: performance.now() - started, states, paths: paths.toString() };
}
