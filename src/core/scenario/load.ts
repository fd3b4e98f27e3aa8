/**
 * A scenario file from text to a checked, hashed scenario: the one entry point for the build
 * plugin, the tests and the review page. Pure apart from awaiting the hash.
 */
import { hashJson } from '../hash.ts';
import { checkScenario } from './check.ts';
import type { ScenarioIssue } from './issues.ts';
import { parseScenario } from './parse.ts';
import type { Hemisphere, Scenario } from './schema.ts';

/** A scenario that passed every check, with the content hash logs refer to. */
export interface LoadedScenario {
  scenario: Scenario;
  /** Lower-case hex SHA-256 of the scenario's canonical JSON (not of the YAML text). */
  hash: string;
  /** The name it was loaded under, e.g. "scenarios/mexico.yaml". */
  file: string;
  /**
   * Washington's table of the republics (scenarios/shared/washington.yaml), the same for every post;
   * attached by the build beside the scenario, outside its hash. A kept text may carry its own instead.
   */
  hemisphere?: Hemisphere;
}

/** The result of `loadScenario`. */
export type LoadResult = { ok: true; loaded: LoadedScenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Parses, validates and checks a scenario file, then hashes it. Schema issues come alone (the
 * semantic checks need a well-formed scenario); otherwise every semantic issue is returned at once,
 * in file order. Never rejects for bad input.
 */
export async function loadScenario(text: string, file: string): Promise<LoadResult> {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return parsed;
  const issues = checkScenario(parsed.scenario, parsed.locator);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, loaded: { scenario: parsed.scenario, hash: await hashJson(parsed.scenario), file } };
}
