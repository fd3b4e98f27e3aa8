/**
 * A log as xAPI 1.0.3 statements, for a school's learning record store. Per attempt, in file order:
 * one `answered` statement per decision of the attempt's own (a `choice` interaction listing the
 * options offered there, in the order shown, `result.response` the id of the one taken), then one
 * `completed` statement with the attempt's score and whether it reached an ending. A decision
 * an attempt inherits from the attempt it branched from is stated once, under that attempt; a
 * "Continue" at a chance node is the game's draw, not the student's decision, and is left out.
 *
 * Identifiers (all deterministic, so the same log gives the same statements on every run and an LRS
 * does not store a log twice):
 * - activity ids are IRIs under `XAPI_BASE` (RFC 2606 reserves `.example`, so they name no real
 *   site): the scenario is `<base>scenarios/<id>/v<version>`, a decision point
 *   `<base>scenarios/<id>/v<version>/nodes/<node>`; a choice's id in `choices` is `c<index>`, its index in
 *   the node as the log records it;
 * - the reason the student wrote is in `result.extensions` under `<base>extensions/reason`
 *   (`result.response` keeps the choice id, as a `choice` interaction requires); the attempt number
 *   (from 1) and the game clock (ISO UTC, 1962) are context extensions under `<base>extensions/attempt`
 *   and `<base>extensions/game-clock`; a game the whole class played together carries `"class"` under
 *   `<base>extensions/play` in every statement's context (the actor is then the label the class gave);
 * - `context.registration` is a UUID v5 of the log's head hash and the attempt index, in the
 *   namespace `XAPI_NAMESPACE` (itself the v5 UUID of `XAPI_BASE` in the URL namespace); statement ids are
 *   v5 UUIDs of the head, the attempt and the step. An open (unsealed) log stands in for its head with
 *   the canonical JSON of its header.
 * The actor is an `account` on `homePage` (default `XAPI_BASE` + "students") named by the student's
 * label; never an email. Pure.
 */
import { v5 as uuidv5 } from 'uuid';
import { canonicalJson } from '../hash.ts';
import { lookup } from '../engine/lookup.ts';
import type { DecisionLog, SealedLog } from '../log/format.ts';
import { replayAttempts } from '../log/replay.ts';
import { nodeLabel } from '../replay/map.ts';
import type { Scenario } from '../scenario/schema.ts';
import { verdictOf } from '../verdict/summary.ts';
import { reviewDecisions } from './model.ts';
import type { ReviewDecision } from './types.ts';

/** The base of every IRI the statements coin. */
export const XAPI_BASE = 'https://circular938.example/xapi/';
/** The namespace of the statements' v5 UUIDs. */
export const XAPI_NAMESPACE = uuidv5(XAPI_BASE, uuidv5.URL);

export const XAPI_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
export const XAPI_EXTENSIONS = {
  reason: `${XAPI_BASE}extensions/reason`,
  attempt: `${XAPI_BASE}extensions/attempt`,
  gameClock: `${XAPI_BASE}extensions/game-clock`,
  play: `${XAPI_BASE}extensions/play`,
} as const;

export interface XapiInput {
  scenario: Scenario;
  log: SealedLog | DecisionLog;
  /** The home page of the system the student's account is on; `XAPI_BASE` + "students" by default. */
  homePage?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Statement = { [key: string]: Json };

/** ISO 8601 duration of a span in ms, to the hundredth of a second: "PT12.34S", "PT0S". */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const sec = rest === 0 ? `${s}` : `${s}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `PT${h > 0 ? `${h}H` : ''}${h > 0 || m > 0 ? `${m}M` : ''}${sec}S`;
}

/** The name the log's UUIDs are derived from: its head, or for an open log its header. */
function logName(log: SealedLog | DecisionLog): string {
  if ('head' in log && typeof log.head === 'string') return log.head;
  const { format, formatVersion, scenario, seed, variant, student, createdAt, rewind, reasons, play } = log;
  return canonicalJson({ format, formatVersion, scenario, seed, variant, student, createdAt, rewind, reasons, ...(play === undefined ? {} : { play }) });
}

/** The registration of one attempt of a log: a v5 UUID of the log's head and the attempt index. */
export function xapiRegistration(log: SealedLog | DecisionLog, attempt: number): string {
  return uuidv5(`${logName(log)}+${attempt}`, XAPI_NAMESPACE);
}

const en = (text: string): { en: string } => ({ en: text });

/**
 * The xAPI statements of a log (see the file's comment for their shape and identifiers), to be
 * sent as one JSON array. The log should be a verified one; an attempt that does not replay gives
 * its decisions up to the break and no `completed` statement. Pure.
 */
export function xapiStatements(input: XapiInput): Statement[] {
  const { scenario, log } = input;
  const name = logName(log);
  const homePage = input.homePage ?? `${XAPI_BASE}students`;
  const actor: Statement = { objectType: 'Agent', account: { homePage, name: log.student.label } };
  const scenarioId = `${XAPI_BASE}scenarios/${encodeURIComponent(scenario.id)}/v${scenario.version}`;
  const scenarioActivity: Statement = {
    objectType: 'Activity',
    id: scenarioId,
    definition: { name: en(scenario.title), description: en(scenario.summary), type: SIMULATION },
  };
  const { finals } = replayAttempts(scenario, log);
  const out: Statement[] = [];
  log.attempts.forEach((attempt, a) => {
    const registration = uuidv5(`${name}+${a}`, XAPI_NAMESPACE);
    const decisions = reviewDecisions(scenario, log, a);
    const own = decisions.slice(decisions.length - attempt.entries.length);
    const context = (d: ReviewDecision | null): Statement => ({
      registration,
      platform: 'Circular 938',
      language: 'en',
      ...(d === null ? {} : { contextActivities: { parent: [scenarioActivity] } }),
      extensions: {
        [XAPI_EXTENSIONS.attempt]: a + 1,
        ...(d === null ? {} : { [XAPI_EXTENSIONS.gameClock]: d.clock.utc }),
        ...(log.play === undefined ? {} : { [XAPI_EXTENSIONS.play]: log.play }),
      },
    });
    for (const d of own) {
      const node = lookup(scenario.nodes, d.node);
      if (!node?.choices || d.offered.length === 0) continue;
      out.push({
        id: uuidv5(`${name}+${a}+${d.step}`, XAPI_NAMESPACE),
        actor,
        verb: { id: XAPI_VERBS.answered, display: en('answered') },
        object: {
          objectType: 'Activity',
          id: `${scenarioId}/nodes/${encodeURIComponent(d.node)}`,
          definition: {
            name: en(nodeLabel(node)),
            ...(node.why === undefined ? {} : { description: en(node.why) }),
            type: INTERACTION,
            interactionType: 'choice',
            choices: d.offered.map((o) => ({ id: `c${o.index}`, description: en(o.label) })),
          },
        },
        result: {
          response: `c${d.chosen.index}`,
          duration: isoDuration(d.thinkMs),
          ...(d.reason === null ? {} : { extensions: { [XAPI_EXTENSIONS.reason]: d.reason } }),
        },
        context: context(d),
        timestamp: d.at,
      });
    }
    const end = finals[a];
    if (end === null || end === undefined) return;
    const { points, max } = verdictOf(scenario, end).score;
    const finished = lookup(scenario.nodes, end.node)?.ending !== undefined;
    const last = own.at(-1)?.at ?? attempt.startedAt;
    const started = Date.parse(attempt.startedAt);
    const span = Date.parse(last) - started;
    out.push({
      id: uuidv5(`${name}+${a}+completed`, XAPI_NAMESPACE),
      actor,
      verb: { id: XAPI_VERBS.completed, display: en('completed') },
      object: scenarioActivity,
      result: {
        score: { raw: points, min: 0, max, scaled: max > 0 ? Math.round((points / max) * 10000) / 10000 : 0 },
        completion: finished,
        ...(Number.isFinite(span) && span >= 0 ? { duration: isoDuration(span) } : {}),
      },
      context: context(null),
      timestamp: last,
    });
  });
  return out;
}
