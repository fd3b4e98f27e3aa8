/**
 * A varied, deterministic set of files for the verifier, and a full, comparable description of each
 * answer (tests/core/log/verify-results.test.ts pins them): valid logs of every scenario and world
 * (rewinds, reasons, every mode, a class game, unfinished games, no verdict, texts kept in the
 * archive), the real format 1 and format 2 files, a class's logs, single-field edits of the data,
 * edits sealed again (so that replay, modes and the verdict are what catch them), and damaged,
 * hostile or foreign texts and values.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { randomStream } from '../../../src/core/engine/rng.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import type { DecisionLog, SealedLog } from '../../../src/core/log/format.ts';
import type { ScenarioLibrary, ScenarioRef } from '../../../src/core/log/library.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLog, verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import type { Verdict } from '../../../src/core/verdict/summary.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { classLogs } from '../../fixtures/class-logs.ts';
import { loadRealScenario } from '../../fixtures/real-scenarios.ts';
import { currentRefs, keptTexts, playWalk, type WalkInput, type WalkOp } from './format2-fixtures.ts';
import { placesOf, type Json, type Path } from './json-places.ts';


/** One file (or parsed value) for the verifier, named so that a difference says which. */
export interface VerifyCase {
  name: string;
  run: () => Promise<VerifyResult>;
}

const LOGS = new URL('../../fixtures/logs/', import.meta.url);

const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
const text = (value: unknown): string => JSON.stringify(value, null, 2);

async function keptRef(file: string): Promise<ScenarioRef> {
  const { scenario, hash } = await loadRealScenario(`archive/${file}`);
  return { scenario, hash };
}

/** Walk operations from a seed: mostly choices, a rewind now and then when `rewinds`, reasons often. */
function opsOf(seed: number, n: number, rewinds: boolean): WalkOp[] {
  const rand = randomStream(seed);
  return Array.from({ length: n }, (_, k): WalkOp => ({
    rewind: rewinds && k > 2 && k < n / 2 && rand() < 0.06,
    pick: Math.floor(rand() * 1000),
    reason: rand() < 0.7 ? `Reason ${k}: "it kept us inside the instruction" — ${seed % 97}.` : undefined,
  }));
}

/** A walk sealed as the debrief downloads it, with the verdict of the last attempt (or none). */
async function sealed(ref: ScenarioRef, input: WalkInput, withVerdict = true): Promise<SealedLog> {
  const walk = playWalk(ref, input);
  const last = walk.finals.at(-1) as SessionState;
  return asJson(await sealLog(walk.log, withVerdict ? verdictOf(ref.scenario, last) : undefined)) as unknown as SealedLog;
}

function at(root: Json, path: Path): Json {
  let v = root;
  for (const k of path) v = (v as Record<string | number, Json>)[k] as Json;
  return v;
}

/** Places worth editing: the header, the verdict, `head`, and the first and the last entry of each attempt. */
function editablePlaces(log: Json): Path[] {
  return placesOf(log).filter((p) => {
    if (p[0] !== 'attempts' || p.length < 4 || p[2] !== 'entries') return true;
    const entries = at(log, p.slice(0, 3)) as Json[];
    const i = p[3] as number;
    return i === 0 || i === entries.length - 1;
  });
}

/** A different value of the same kind, or of another kind. */
function otherValue(rand: () => number, v: Json, nodes: readonly string[]): Json {
  const choice = Math.floor(rand() * 6);
  if (choice === 5) return [null, 'x', 0, -1, 1.5, true, {}, []][Math.floor(rand() * 8)] as Json;
  if (typeof v === 'number') return [v + 1, v - 1, 0, v * 2, 2 ** 53, -0][choice] as number;
  if (typeof v === 'string') {
    if (/^[0-9a-f]{64}$/.test(v)) return `${v.slice(0, 10)}${v[10] === 'a' ? 'b' : 'a'}${v.slice(11)}`;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(v)) return `${v.slice(0, 14)}${v[14] === '5' ? '4' : '5'}${v.slice(15)}`;
    if (choice < 2 && nodes.length > 0) return nodes[Math.floor(rand() * nodes.length)] as string;
    return [`${v} `, v.toUpperCase(), v.slice(0, -1), `${v}\u0000`, `${v}\uD800`][choice] as string;
  }
  if (typeof v === 'boolean') return !v;
  if (v === null) return ['x', 0, {}][choice % 3] as Json;
  return Array.isArray(v) ? [] : {};
}

/** Single-field edits of a sealed log, without sealing again: set, delete, or add beside. */
function dataEdits(name: string, log: Json, nodes: readonly string[], seed: number): { name: string; log: Json }[] {
  const rand = randomStream(seed);
  const out: { name: string; log: Json }[] = [];
  for (const path of editablePlaces(log)) {
    const copy = asJson(log);
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
    const key = path[path.length - 1] as string | number;
    const kind = Math.floor(rand() * 5);
    let what: string;
    if (kind === 0) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      what = 'deleted';
    } else if (kind === 1 && !Array.isArray(parent)) {
      parent['extra'] = 1;
      what = 'extra key beside';
    } else {
      const value = otherValue(rand, parent[key] as Json, nodes);
      parent[key] = value;
      what = `set to ${JSON.stringify(value)}`;
    }
    out.push({ name: `${name} ${JSON.stringify(path)} ${what}`, log: copy });
  }
  return out;
}

/** Sealed again after `change`: the chain holds, so replay, the modes and the verdict must catch it. */
async function resealed(log: SealedLog, change: (open: DecisionLog) => DecisionLog, verdict: Verdict | undefined): Promise<SealedLog> {
  return asJson(await sealLog(change(unsealLog(log)), verdict)) as unknown as SealedLog;
}

const entryAt = (log: DecisionLog, a: number, i: number): DecisionLog['attempts'][number]['entries'][number] => {
  const e = log.attempts[a]?.entries[i];
  if (!e) throw new Error(`no entry ${a}/${i}`);
  return e;
};

/** Re-sealed edits of a log with at least two attempts (attempt 1 branching from attempt 0). */
async function resealedEdits(name: string, log: SealedLog, ref: ScenarioRef): Promise<{ name: string; log: unknown }[]> {
  const edit = (f: (l: DecisionLog) => void) => (open: DecisionLog): DecisionLog => {
    f(open);
    return open;
  };
  const out: { name: string; log: unknown }[] = [];
  const add = async (what: string, change: (l: DecisionLog) => void, verdict?: Verdict | null): Promise<void> => {
    out.push({ name: `${name} resealed: ${what}`, log: await resealed(log, edit(change), verdict === null ? undefined : (verdict ?? log.verdict)) });
  };
  await add('choice of entry 2 + 1', (l) => { entryAt(l, 0, 2).choice += 1; });
  await add('choice of entry 0 set to 9', (l) => { entryAt(l, 0, 0).choice = 9; });
  await add('node of entry 1 named wrong', (l) => { entryAt(l, 0, 1).node = ref.scenario.start; });
  await add('clock of entry 3 a minute on', (l) => {
    const e = entryAt(l, 0, 3);
    e.clock = `${e.clock.slice(0, 14)}${e.clock[14] === '5' ? '4' : '5'}${e.clock.slice(15)}`;
  });
  await add('seq of entry 2 doubled', (l) => { entryAt(l, 0, 2).seq = 6; });
  await add('an unknown variant', (l) => { l.variant = 'no-such-world'; });
  await add('another seed', (l) => { l.seed += 1; });
  await add('attempt 1 from a later attempt', (l) => { (l.attempts[1] as DecisionLog['attempts'][number]).from = { attempt: 5, seq: 1 }; });
  await add('attempt 1 from past the end of attempt 0', (l) => { (l.attempts[1] as DecisionLog['attempts'][number]).from = { attempt: 0, seq: 999 }; });
  await add('attempt 1 from the start of attempt 0', (l) => { (l.attempts[1] as DecisionLog['attempts'][number]).from = { attempt: 0, seq: 0 }; });
  await add('rewind off', (l) => { l.rewind = 'off'; });
  await add('rewind look', (l) => { l.rewind = 'look'; });
  await add('reasons required', (l) => { l.reasons = 'required'; });
  await add('a reason everywhere', (l) => { for (const a of l.attempts) for (const e of a.entries) e.reason = 'Because.'; });
  await add('no reasons at all', (l) => { for (const a of l.attempts) for (const e of a.entries) delete e.reason; });
  await add('reasons with quotes, escapes and astral text', (l) => {
    for (const a of l.attempts) for (const e of a.entries) if (e.reason !== undefined) e.reason = `"Quoted" \\ back\nslash 𝄞 ${e.seq} \u2028 é`;
  });
  await add('a label with quotes, escapes and astral text', (l) => { l.student = { label: 'Ana "la" \\ Ruiz\t𝄞 \u00e9', classCode: '10\u2028B' }; });
  await add('no class code', (l) => { l.student = { label: l.student.label }; });
  await add('a class game', (l) => { l.play = 'class'; });
  await add('the scenario hash of a text never kept', (l) => { l.scenario.hash = 'f'.repeat(64); });
  await add('another scenario version', (l) => { l.scenario.version += 7; });
  await add('another scenario', (l) => { l.scenario.id = ref.scenario.id === 'mexico' ? 'brazil' : 'mexico'; });
  await add('an unknown scenario', (l) => { l.scenario.id = 'atlantis'; });
  await add('the last entry removed', (l) => { l.attempts.at(-1)?.entries.pop(); });
  await add('an empty attempt added, no verdict', (l) => { l.attempts.push({ from: { attempt: 0, seq: 1 }, startedAt: '2026-12-01T10:00:00.000Z', entries: [] }); }, null);
  await add('an empty attempt in the middle', (l) => { l.attempts.splice(1, 0, { from: null, startedAt: '2026-12-01T10:00:00.000Z', entries: [] }); });
  await add('attempt 0 repeated as a sibling, no verdict', (l) => {
    const first = l.attempts[0] as DecisionLog['attempts'][number];
    l.attempts.push({ from: { attempt: 0, seq: 2 }, startedAt: first.startedAt, entries: first.entries.slice(2).map((e, i) => ({ ...e, seq: i + 1 })) });
  }, null);
  await add('twelve chained empty rewinds, no verdict', (l) => {
    for (let k = 0; k < 12; k++) {
      const from = l.attempts.length - 1;
      const origin = l.attempts[from] as DecisionLog['attempts'][number];
      l.attempts.push({ from: { attempt: from, seq: Math.min(1, origin.entries.length) }, startedAt: origin.startedAt, entries: [] });
    }
  }, null);
  await add('no verdict', () => undefined, null);
  const other = log.verdict === undefined ? undefined : { ...log.verdict, score: { ...log.verdict.score, points: log.verdict.score.points + 1 } };
  await add('a verdict one point higher', () => undefined, other ?? null);
  if (log.verdict !== undefined) {
    await add('a verdict with another title', () => undefined, { ...log.verdict, title: 'A quiet triumph' });
    await add('a verdict with its claims reversed', () => undefined, { ...log.verdict, claims: log.verdict.claims.map((c) => ({ ...c, stated: !c.stated })) });
  }
  return out;
}

const deep = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
const fields = (n: number, dup: boolean): string => Array.from({ length: n }, (_, i) => `"${dup ? 'k' : `k${i}`}": ${i}`).join(', ');

/** Texts that are not logs. */
function foreignTexts(): { name: string; text: string }[] {
  return [
    { name: 'empty', text: '' },
    { name: 'null', text: 'null' },
    { name: 'a number', text: '42' },
    { name: 'a string', text: '"circular938-log"' },
    { name: 'a list', text: '[]' },
    { name: 'an empty object', text: '{}' },
    { name: 'another format', text: '{"format":"circular938-scenario","formatVersion":2}' },
    { name: 'a format that is not text', text: '{"format":7}' },
    { name: 'our format, nothing else', text: '{"format":"circular938-log"}' },
    { name: 'format version 3', text: '{"format":"circular938-log","formatVersion":3}' },
    { name: 'format version 1.5', text: '{"format":"circular938-log","formatVersion":1.5}' },
    { name: 'format version as text', text: '{"format":"circular938-log","formatVersion":"2"}' },
    { name: 'format version 0', text: '{"format":"circular938-log","formatVersion":0}' },
    { name: 'not JSON', text: 'circular938-log, version 2' },
    { name: 'nested 13 deep', text: deep(13) },
    { name: 'nested 12 deep', text: deep(12) },
    { name: 'a list of 2,001 items', text: `[${Array.from({ length: 2001 }, () => '0').join(',')}]` },
    { name: 'an object of 101 fields', text: `{${fields(101, false)}}` },
    { name: 'an object of 101 fields, all one name', text: `{${fields(101, true)}}` },
    { name: 'a lone surrogate', text: '{"format":"circular938-log","x":"\\ud800"}' },
    { name: 'a text of 2,001 characters', text: `{"format":"circular938-log","x":"${'x'.repeat(2001)}"}` },
    { name: 'over 5 MB', text: ' '.repeat(5 * 1024 * 1024 + 1) },
  ];
}

/** Damaged texts, built from a real log's text. */
function damagedTexts(name: string, good: string): { name: string; text: string }[] {
  const withField = (field: string): string => good.replace(/\n}\s*$/, `,\n  ${field}\n}`);
  return [
    { name: `${name} cut in half`, text: good.slice(0, Math.floor(good.length / 2)) },
    { name: `${name} cut before its last brace`, text: good.slice(0, good.lastIndexOf('}')) },
    { name: `${name} with a byte-order mark`, text: `\uFEFF${good}` },
    { name: `${name} on one line`, text: JSON.stringify(JSON.parse(good)) },
    { name: `${name} with trailing text`, text: `${good}\nx` },
    { name: `${name} with an extra field nested 13 deep`, text: withField(`"extra": ${deep(12)}`) },
    { name: `${name} with a duplicate field nested 13 deep, then overridden`, text: withField(`"extra": ${deep(12)}, "extra": 0`) },
    { name: `${name} with a duplicate head, the first one wrong`, text: good.replace(/\n {2}"head": "/, '\n  "head": "0", "head": "') },
    { name: `${name} with an object of 101 fields of one name`, text: withField(`"extra": {${fields(101, true)}}`) },
    { name: `${name} with its student label a lone surrogate`, text: good.replace(/"label": "[^"]*"/, '"label": "\\udc00"') },
    { name: `${name} with escaped characters in its label`, text: good.replace(/"label": "([^"]*)"/, (_, l: string) => `"label": "${[...l].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`) },
    { name: `${name} with its seed written 1962.0`, text: good.replace(/"seed": (\d+)/, '"seed": $1.0') },
    { name: `${name} with its first choice written 1e0`, text: good.replace(/"choice": 1,/, '"choice": 1e0,') },
  ];
}

/** Values that are not JSON data, for `verifyLog` (as a page passes what it parsed). */
function foreignValues(log: SealedLog): { name: string; value: unknown }[] {
  const entry0 = (log.attempts[0]?.entries[0] ?? {}) as unknown as Record<string, unknown>;
  const withEntry = (e: Record<string, unknown>): unknown => ({ ...log, attempts: [{ ...log.attempts[0], entries: [e, ...(log.attempts[0]?.entries.slice(1) ?? [])] }, ...log.attempts.slice(1)] });
  const throwing = { ...log };
  Object.defineProperty(throwing, 'variant', { enumerable: true, get: () => { throw new Error('a getter that throws'); } });
  return [
    { name: 'the log as data', value: log },
    { name: 'an entry with an undefined field', value: withEntry({ ...entry0, reason: undefined }) },
    { name: 'an entry with NaN', value: withEntry({ ...entry0, thinkMs: Number.NaN }) },
    { name: 'an entry with a Date', value: withEntry({ ...entry0, at: new Date(0) }) },
    { name: 'a Map for the student', value: { ...log, student: new Map([['label', 'x']]) } },
    { name: 'a big integer seed', value: { ...log, seed: 1962n } },
    { name: 'a getter that throws', value: throwing },
    { name: 'a list', value: [log] },
    { name: 'undefined', value: undefined },
  ];
}

/** Every case, in a fixed order. `current` and `library` are what `npm run logs` reads. */
export async function verifyCases(): Promise<VerifyCase[]> {
  const current = await currentRefs();
  const library: ScenarioLibrary = await keptTexts();
  const cases: VerifyCase[] = [];
  const ofText = (name: string, t: string, options: { library?: ScenarioLibrary; refs?: ScenarioRef | ScenarioRef[] } = { library }): void => {
    cases.push({ name, run: () => verifyLogText(t, options.refs ?? current, options.library === undefined ? {} : { library: options.library }) });
  };
  const ofValue = (name: string, value: unknown): void => {
    cases.push({ name, run: () => verifyLog(value, current, { library }) });
  };

  // Valid logs of every scenario and world, with rewinds; the first of each also without rewinds, unfinished and without a verdict.
  const bases: { name: string; log: SealedLog; ref: ScenarioRef }[] = [];
  for (const [s, ref] of current.entries()) {
    for (const [w, variant] of Object.keys(ref.scenario.variants).entries()) {
      const seed = 1000 + s * 37 + w;
      const log = await sealed(ref, { seed, variant, ops: opsOf(seed, 160, true) });
      bases.push({ name: `${ref.scenario.id}/${variant}`, log, ref });
      ofText(`${ref.scenario.id}/${variant} with rewinds`, text(log));
      if (w === 0) {
        ofText(`${ref.scenario.id}/${variant} straight`, text(await sealed(ref, { seed, variant, ops: opsOf(seed + 1, 160, false), rewind: 'off' })));
        ofText(`${ref.scenario.id}/${variant} reasons required`, text(await sealed(ref, { seed, variant, ops: opsOf(seed + 2, 160, true), reasons: 'required' })));
        ofText(`${ref.scenario.id}/${variant} look back only, unfinished`, text(await sealed(ref, { seed, variant, ops: opsOf(seed + 3, 6, false), rewind: 'look' })));
        ofText(`${ref.scenario.id}/${variant} without a verdict`, text(await sealed(ref, { seed, variant, ops: opsOf(seed + 4, 160, true) }, false)));
      }
    }
  }
  // Logs made with kept earlier texts: verified against them with the library, scenario-changed without it.
  for (const file of ['mexico-v3-482d09737b63.yaml', 'mexico-v1-23a1d14a6a76.yaml', 'brazil-v1-0978e3e2686f.yaml']) {
    const ref = await keptRef(file);
    const variant = Object.keys(ref.scenario.variants)[0] as string;
    const t = text(await sealed(ref, { seed: 77, variant, ops: opsOf(77, 160, true) }));
    ofText(`kept text ${file}`, t);
    ofText(`kept text ${file} without the library`, t, {});
  }
  // The real files of earlier releases, and a class's logs.
  for (const file of readdirSync(LOGS).filter((f) => f.endsWith('.json')).sort()) {
    const t = readFileSync(new URL(file, LOGS), 'utf8');
    ofText(`fixture ${file}`, t);
    ofText(`fixture ${file} without the library`, t, {});
  }
  for (const log of await classLogs(12, 4242)) ofText(`class log ${log.name}`, log.text);

  // Edits: of the data (the chain breaks), sealed again (replay, modes and the verdict must catch them), of the text.
  const withRewind = (id: string): { name: string; log: SealedLog; ref: ScenarioRef } => {
    const found = bases.find((b) => b.ref.scenario.id === id && b.log.attempts.length >= 2);
    if (!found) throw new Error(`no ${id} log with a rewind`);
    return found;
  };
  const mexico = withRewind('mexico');
  for (const base of [mexico, withRewind('brazil')]) {
    const nodes = Object.keys(base.ref.scenario.nodes).slice(0, 5);
    for (const e of dataEdits(base.name, asJson(base.log), nodes, 0x938)) ofText(`edit ${e.name}`, text(e.log));
    for (const e of await resealedEdits(base.name, base.log, base.ref)) ofText(e.name, text(e.log));
    for (const d of damagedTexts(base.name, text(base.log))) ofText(d.name, d.text);
  }
  for (const file of ['mexico-v2-format1-historical.json', 'mexico-v1-counterfactual.json']) {
    const log = JSON.parse(readFileSync(new URL(file, LOGS), 'utf8')) as Json;
    for (const e of dataEdits(file, log, ['cable-arrives', 'meet-minister'], 0x1962)) ofText(`edit ${e.name}`, text(e.log));
    const without = { ...(log as Record<string, Json>) };
    delete without['verdict'];
    ofText(`${file} without its verdict`, text(without));
    ofText(`${file} claiming a class game`, text({ ...(log as Record<string, Json>), play: 'class' }));
    ofText(`${file} with modes added`, text({ ...(log as Record<string, Json>), rewind: 'free' }));
  }
  for (const t of foreignTexts()) ofText(t.name, t.text);
  // Against one scenario that is not the log's, or none.
  const other = current.find((r) => r.scenario.id === 'brazil') as ScenarioRef;
  ofText('mexico log against brazil alone', text(mexico.log), { refs: other });
  ofText('mexico log against no scenario', text(mexico.log), { refs: [] });
  for (const v of foreignValues(mexico.log)) ofValue(`value: ${v.name}`, v.value);
  return cases;
}

/**
 * The whole answer as text, every field in its order (an undefined field named as such), with the
 * scenario text it was checked against named by id, version and hash rather than written out.
 */
export function resultText(result: VerifyResult): string {
  return JSON.stringify(result, function (this: unknown, key, value: unknown) {
    if (value === undefined) return '(undefined)';
    if (key === 'scenario' && this === result && value !== null && typeof value === 'object' && 'scenario' in value) {
      const ref = value as ScenarioRef;
      return `${ref.scenario.id} version ${ref.scenario.version}, text ${ref.hash}`;
    }
    return typeof value === 'bigint' ? `${value}n` : value;
  });
}

/** What the snapshot keeps of an answer: the status, problems and notes to read, and a digest of everything. */
export function resultRecord(name: string, result: VerifyResult): Record<string, unknown> {
  return {
    name,
    status: result.status,
    problems: result.ok ? [] : result.problems,
    ...(result.ok ? { notes: result.notes } : {}),
    digest: createHash('sha256').update(resultText(result)).digest('hex').slice(0, 32),
  };
}
