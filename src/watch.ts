/**
 * Opening a log file for watching: it is verified like any log (the kept texts of the scenario
 * included), and played back only when it replays. Loaded on demand, so the first screen does not
 * carry the verifier.
 */
import { unsealLog, verifyLogText, type DecisionLog, type LoadedScenario } from './core/index.ts';
import { archive } from './content-archive.ts';

export type Watchable =
  | { ok: true; loaded: LoadedScenario; log: DecisionLog; warning: string | null }
  | { ok: false; problem: string };

/** Checks a log's text for watching against the scenario played now (and the kept texts). Never rejects. */
export async function openForWatching(text: string, posts: readonly LoadedScenario[]): Promise<Watchable> {
  const r = await verifyLogText(text, posts, { library: archive });
  const current = posts.find((p) => p.scenario.id === r.log?.scenario.id) ?? posts[0];
  if (!current) return { ok: false, problem: 'There is no scenario to play this log in.' };
  if (r.ok) {
    const loaded: LoadedScenario = posts.find((p) => p.hash === r.scenario.hash) ?? { ...r.scenario, file: 'scenarios/archive' };
    return { ok: true, loaded, log: unsealLog(r.log), warning: r.newerText ? r.notes.at(-1) ?? null : null };
  }
  if (r.status === 'scenario-changed' && r.log && r.replay) {
    return { ok: true, loaded: current, log: { ...unsealLog(r.log), scenario: { id: current.scenario.id, version: current.scenario.version, hash: current.hash } }, warning: r.problems.slice(0, 2).join(' ') };
  }
  const what = r.status === 'edited' ? 'This log cannot be watched: it was changed after it was downloaded.' : 'This log cannot be watched.';
  return { ok: false, problem: `${what} ${r.problems.slice(0, 2).join(' ')}` };
}
