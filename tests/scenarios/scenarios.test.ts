/**
 * The real content: every scenario in scenarios/ and every shared file in scenarios/shared/ must
 * load with no issue at all. Failures print every issue as `file:line:col path: message`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenario, parseShared, type ScenarioIssue } from '../../src/core/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `scenarios/…/*.yaml` names relative to the project root, sorted. */
function yamlFiles(dir: string): string[] {
  if (!existsSync(`${ROOT}${dir}`)) return [];
  return readdirSync(`${ROOT}${dir}`)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

const read = (file: string): string => readFileSync(`${ROOT}${file}`, 'utf8');

function failWith(issues: readonly ScenarioIssue[]): never {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  return expect.fail(`${count}:\n${issues.map(formatIssue).join('\n')}`);
}

const scenarios = yamlFiles('scenarios');
const shared = yamlFiles('scenarios/shared');

describe('scenario content', () => {
  it('holds at least one scenario', () => {
    expect(scenarios, 'no scenarios/*.yaml: the game has nothing to play').not.toEqual([]);
  });

  for (const file of scenarios) {
    it(`${file} passes every check`, async () => {
      const result = await loadScenario(read(file), file);
      if (!result.ok) failWith(result.issues);
    });
  }

  it('has no two scenarios with the same id', async () => {
    const ids = new Map<string, string[]>();
    for (const file of scenarios) {
      const result = await loadScenario(read(file), file);
      if (result.ok) ids.set(result.loaded.scenario.id, [...(ids.get(result.loaded.scenario.id) ?? []), file]);
    }
    const twice = [...ids].filter(([, files]) => files.length > 1).map(([id, files]) => `"${id}" in ${files.join(', ')}`);
    expect(twice).toEqual([]);
  });

  for (const file of shared) {
    it(`${file} is a valid shared file (cable, glossary or Washington's table)`, () => {
      const result = parseShared(read(file), file);
      if (!result.ok) failWith(result.issues);
    });
  }
});

describe('the shared files name only what exists', () => {
  it("gives a term of one post only to posts that exist (a glossary term's `posts`)", () => {
    const ids = new Set(scenarios.map((f) => f.replace(/^scenarios\/|\.yaml$/g, '')));
    const result = parseShared(read('scenarios/shared/glossary.yaml'), 'scenarios/shared/glossary.yaml');
    if (!result.ok) failWith(result.issues);
    if (result.kind !== 'glossary') return expect.fail('glossary.yaml is not a glossary');
    const unknown = result.glossary.terms.flatMap((t) => (t.posts ?? []).filter((p) => !ids.has(p)).map((p) => `${t.term}: ${p}`));
    expect(unknown).toEqual([]);
    // Words of one post (its ministry, its titles, its holiday) are kept to it.
    for (const term of ['SRE', 'Licenciado', 'Revolution Day']) expect(result.glossary.terms.find((t) => t.term === term)?.posts).toEqual(['mexico']);
  });

  it("counts every republic of Washington's table once, each with a source", () => {
    const result = parseShared(read('scenarios/shared/washington.yaml'), 'scenarios/shared/washington.yaml');
    if (!result.ok) failWith(result.issues);
    if (result.kind !== 'washington') return expect.fail('washington.yaml is not the Washington table');
    const countries = result.washington.hemisphere.republics.map((r) => r.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries.length).toBe(20);
    for (const r of result.washington.hemisphere.republics) expect(r.source.length, r.country).toBeGreaterThan(8);
  });
});
