/**
 * Reads an autosaved (open, unsealed) decision log back from storage text. The save is our own
 * output, but storage can be edited or left by an older version, so it is checked at this edge.
 */
import { LOG_FORMAT, LOG_FORMAT_VERSION, parseOpenLog, type DecisionLog, type LoadedScenario } from '../core/index.ts';

export type OpenLogResult = { ok: true; log: DecisionLog } | { ok: false; problem: string };

export function checkOpenLog(text: string, loaded: LoadedScenario): OpenLogResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The saved game is damaged (it is not valid JSON). Start a new game.' };
  }
  const log = data as Partial<DecisionLog> | null;
  if (!log || typeof log !== 'object' || log.format !== LOG_FORMAT) {
    return { ok: false, problem: 'The saved game is not a Circular 938 save. Start a new game.' };
  }
  if (log.formatVersion !== LOG_FORMAT_VERSION) {
    return {
      ok: false,
      problem: `The saved game is save format ${String(log.formatVersion)}, but this version of the game reads format ${LOG_FORMAT_VERSION}. Start a new game.`,
    };
  }
  const s = log.scenario;
  if (!s || s.id !== loaded.scenario.id || s.hash !== loaded.hash) {
    return {
      ok: false,
      problem: `The saved game was made with another version of the ${loaded.scenario.title} scenario, so it cannot be resumed exactly. Start a new game.`,
    };
  }
  const parsed = parseOpenLog(data);
  if (!parsed.ok) {
    return { ok: false, problem: `The saved game is damaged (${parsed.problems[0] ?? 'unreadable'}). Start a new game.` };
  }
  return { ok: true, log: parsed.log };
}
