/**
 * The bench's measures in Node: verifying a large class's logs with the core (the logs made by
 * playing, tests/fixtures/class-logs.ts), and enumerating every branch of every scenario with the
 * exhaustive search the scenario checks use (tests/scenarios/search.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useNodeSha256 } from '../../src/cli/native-hash.ts';
import { verifyLogText, type VerifyStatus } from '../../src/core/log/verify.ts';
import { loadScenario } from '../../src/core/scenario/load.ts';
import { formatIssue } from '../../src/core/scenario/issues.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { currentRefs } from '../core/log/format2-fixtures.ts';
import { PROJECT_ROOT } from '../e2e/browser.ts';
import { freshSearch } from '../scenarios/search.ts';

/** Verifies every text once, one after another as `npm run logs -- verify` does (with Node's digest); the time in ms and the statuses. */
export async function verifyAll(texts: readonly string[]): Promise<{ ms: number; statuses: Partial<Record<VerifyStatus, number>> }> {
  useNodeSha256();
  const refs = await currentRefs();
  const statuses: Partial<Record<VerifyStatus, number>> = {};
  const started = performance.now();
  for (const text of texts) {
    const { status } = await verifyLogText(text, refs);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return { ms: performance.now() - started, statuses };
}

/** Every scenario under scenarios/, loaded once. */
export async function everyScenario(): Promise<Scenario[]> {
  const dir = join(PROJECT_ROOT, 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(
    files.map(async (f) => {
      const r = await loadScenario(readFileSync(join(dir, f), 'utf8'), `scenarios/${f}`);
      if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
      return r.loaded.scenario;
    }),
  );
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
