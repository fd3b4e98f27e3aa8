/** Fixture scenarios for the scenario tests: the files, and variants of the minimal one made in code. */
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { formatIssue, loadScenario, type ScenarioIssue } from '../../../src/core/index.ts';

export const FIXTURES = 'tests/fixtures/scenarios';

export function readFixture(name: string): string {
  return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

/** The minimal sound scenario, edited through the YAML document API (`doc.setIn`, `doc.deleteIn`). */
export function variantOf(edit: (doc: Document) => void): string {
  const doc = parseDocument(readFixture('minimal.yaml'));
  edit(doc);
  return doc.toString();
}

/** Every issue of loading `text`, or none. */
export async function issuesOf(text: string, file = 'variant.yaml'): Promise<ScenarioIssue[]> {
  const result = await loadScenario(text, file);
  return result.ok ? [] : result.issues;
}

/** `path: message` of each issue: what the checks say, without the place. */
export async function problemsOf(text: string): Promise<string[]> {
  return (await issuesOf(text)).map((i) => `${i.path}: ${i.message}`);
}

/** Formatted issues, one per line: for failure output. */
export function printed(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n');
}
