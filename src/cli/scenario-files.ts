/**
 * The scenarios a log is checked against, read from the scenarios folder in Node through the same
 * core loader the build uses: every `scenarios/*.yaml` is current, and every kept earlier text in
 * `scenarios/archive/` is loaded only when a log names its hash.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../core/scenario/issues.ts';
import { loadScenario } from '../core/scenario/load.ts';
import { archiveLibrary, readArchiveFileName, type ArchiveLoader, type ScenarioLibrary, type ScenarioRef } from '../core/log/library.ts';

/** The current scenarios, or every problem that kept one from loading. */
export async function loadCurrentScenarios(dir: string): Promise<{ refs: ScenarioRef[]; problems: string[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const refs: ScenarioRef[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const name = `scenarios/${f}`;
    const r = await loadScenario(await readFile(path.join(dir, f), 'utf8'), name);
    if (r.ok) refs.push({ scenario: r.loaded.scenario, hash: r.loaded.hash });
    else problems.push(...r.issues.map(formatIssue));
  }
  return { refs, problems };
}

/**
 * The kept texts of `dir` (scenarios/archive), as a library; a kept file that no longer loads is
 * reported through `warn` when a log asks for it, and treated as not kept.
 */
export async function archiveFromDir(dir: string, warn: (line: string) => void): Promise<ScenarioLibrary> {
  // No archive folder means no kept texts.
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => readArchiveFileName(f) !== null).sort();
  const files: Record<string, ArchiveLoader> = {};
  for (const f of names) {
    files[f] = async () => {
      const name = `scenarios/archive/${f}`;
      const r = await loadScenario(await readFile(path.join(dir, f), 'utf8'), name);
      if (r.ok) return { scenario: r.loaded.scenario, hash: r.loaded.hash };
      warn(`${name} does not load, so logs made with it cannot be checked:\n${r.issues.map(formatIssue).join('\n')}`);
      return null;
    };
  }
  return archiveLibrary(files);
}
