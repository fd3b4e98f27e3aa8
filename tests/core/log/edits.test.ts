/**
 * Replay issue, point 8: 10,000 single-field edits of real sealed logs, every one detected. The
 * logs are the real format 1 files and freshly played format 2 logs with reasons, several attempts
 * and a verdict. Each edit takes one place in the file (any key or value: the header, an attempt,
 * an entry, a field, the verdict, `head`) and changes it to a different value of the same kind
 * (another hash, time, node, number, mode…), deletes it, or adds a key or an item beside it. The
 * verifier must never answer `verified`. The edits are drawn from a seeded generator, so a failure
 * names an edit that can be replayed; every place of every log is edited at least once.
 */
import { describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import type { ScenarioLibrary, ScenarioRef } from '../../../src/core/log/library.ts';
import { sealLog } from '../../../src/core/log/seal.ts';
import { verifyLog } from '../../../src/core/log/verify.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { randomStream } from '../../../src/core/engine/rng.ts';
import { placesOf, type Json, type Path } from './json-places.ts';
import {
  currentRefs,
  everyOtherChoiceNode,
  FORMAT1_FILES,
  fixtureText,
  keptTexts,
  miniWithWhy,
  omit,
  playWalk,
  withWhy,
  type WalkInput,
  type WalkOp,
} from './format2-fixtures.ts';

const EDITS = 10_000;
const SEED = 0x938;


interface Base {
  name: string;
  log: Json;
  refs: ScenarioRef[];
  library: ScenarioLibrary;
  /** The node ids of the scenario, for an edit that names another node. */
  nodes: string[];
  paths: Path[];
}

function at(root: Json, path: Path): Json {
  let v = root;
  for (const k of path) v = (v as Record<string | number, Json>)[k] as Json;
  return v;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  rewind: ['free', 'look', 'off'],
  reasons: ['optional', 'required'],
  variant: ['historical', 'counterfactual', 'refusal'],
  format: ['circular938-log', 'circular938-scenario', 'circular938-logs'],
  claim: ['met-in-time', 'report-sent', 'reported-in-time', 'honest-report', 'plain-report', 'final-word-true', 'corrected', 'no-leak', 'no-promise', 'no-concealment'],
  outcome: ['success', 'partial', 'failure', 'late'],
  id: ['mexico', 'mini', 'brazil'],
};

/** A different string of the same kind as `s` (a hash, a time, a node, a mode, a name or any text). */
function otherString(rand: () => number, key: string | number, s: string, nodes: readonly string[]): string {
  if (/^[0-9a-f]{64}$/.test(s)) {
    const i = Math.floor(rand() * 64);
    const digits = '0123456789abcdef'.replace(s[i] as string, '');
    return s.slice(0, i) + pick(rand, [...digits]) + s.slice(i + 1);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(s)) {
    const t = Date.parse(s.replace('Z', ':00Z')) + pick(rand, [-1, 1, 5, 60]) * 60_000;
    return new Date(t).toISOString().slice(0, 16) + 'Z';
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(s)) {
    const iso = new Date(Date.parse(s) + pick(rand, [-1000, 1, 1000, 86_400_000])).toISOString();
    return s.includes('.') ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
  }
  if (key === 'node') return pick(rand, nodes.filter((n) => n !== s));
  const kind = ENUMS[String(key)];
  if (kind?.includes(s)) return pick(rand, kind.filter((x) => x !== s));
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `${s} `;
    case 1:
      return s.length > 1 ? s.slice(0, -1) : `${s}x`;
    case 2: {
      const i = Math.floor(rand() * Math.max(1, s.length));
      const c = s[i] === 'a' ? 'b' : 'a';
      return s.slice(0, i) + c + s.slice(i + 1);
    }
    default:
      return s.toUpperCase() === s ? `${s}a` : s.toUpperCase();
  }
}

function otherNumber(rand: () => number, n: number): number {
  const candidates = [n + 1, n - 1, n * 2, 0, n + 1000].filter((x) => x !== n);
  return pick(rand, candidates);
}

const ADDED_KEYS = ['note', 'reason', 'rewind', 'reasons', 'verdict', 'hash', 'prev', 'seq', 'classCode', 'head', 'signature', 'attempt'];

/** One edit: what was done where, and the edited copy. */
function edit(rand: () => number, base: Base, path: Path): { what: string; log: Json } {
  const log = structuredClone(base.log);
  const parentPath = path.slice(0, -1);
  const key = path.at(-1) as string | number;
  const parent = at(log, parentPath) as Record<string | number, Json> | Json[];
  const old = at(log, path);
  const where = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  const roll = rand();
  if (roll < 0.12) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return { what: `delete ${where}`, log };
  }
  if (roll < 0.22) {
    // Add beside the place: a key to its object, or a copy of an item to its list.
    if (Array.isArray(parent)) {
      parent.splice(key as number, 0, structuredClone(old));
      return { what: `duplicate ${where}`, log };
    }
    const free = ADDED_KEYS.filter((k) => !Object.hasOwn(parent, k));
    const added = pick(rand, free.length > 0 ? free : ['extra']);
    const value: Json = pick(rand, ['free', 'optional', 'Because.', 0, 1, true, null, structuredClone(old)]);
    (parent as Record<string, Json>)[added] = value;
    return { what: `add ${JSON.stringify(added)}: ${JSON.stringify(value)?.slice(0, 80)} beside ${where}`, log };
  }
  if (roll < 0.25 && !Array.isArray(parent)) {
    const renamed = pick(rand, [`${String(key)}s`, String(key).toUpperCase(), `_${String(key)}`]);
    (parent as Record<string, Json>)[renamed] = old;
    delete parent[key];
    return { what: `rename ${where} to ${renamed}`, log };
  }
  let value: Json;
  if (typeof old === 'string') value = otherString(rand, key, old, base.nodes);
  else if (typeof old === 'number') value = otherNumber(rand, old);
  else if (typeof old === 'boolean') value = !old;
  else if (old === null) value = key === 'from' ? { attempt: 0, seq: 0 } : pick(rand, ['The Minister Agrees', '']);
  else if (Array.isArray(old)) value = old.length > 1 ? [...old].reverse() : [];
  else {
    // An object: one of its fields changed is covered at the field itself; here it is emptied or replaced by a sibling's.
    value = rand() < 0.5 ? {} : structuredClone(Object.values(parent).find((v) => v !== old && v !== null && typeof v === 'object' && !Array.isArray(v)) ?? {});
  }
  if (JSON.stringify(value) === JSON.stringify(old)) value = typeof old === 'string' ? `${old}!` : { changed: true };
  parent[key as number] = value;
  return { what: `set ${where} from ${JSON.stringify(old)?.slice(0, 80)} to ${JSON.stringify(value)?.slice(0, 80)}`, log };
}

async function bases(): Promise<Base[]> {
  const current = await currentRefs();
  const library = await keptTexts();
  const out: Base[] = [];
  const nodesOf = async (log: SealedLog, refs: ScenarioRef[]): Promise<string[]> => {
    const ref = refs.find((r) => r.hash === log.scenario.hash) ?? (await library(log.scenario.id, log.scenario.hash));
    return Object.keys(ref?.scenario.nodes ?? {});
  };
  for (const name of FORMAT1_FILES) {
    const log = JSON.parse(fixtureText(name)) as SealedLog;
    out.push({ name, log: log as unknown as Json, refs: current, library, nodes: await nodesOf(log, current), paths: [] });
  }
  const mexico = current.find((r) => r.scenario.id === 'mexico');
  if (!mexico) throw new Error('scenarios/mexico.yaml does not load');
  const fresh: { name: string; ref: ScenarioRef; input: WalkInput }[] = [
    { name: 'a fresh mini log', ref: await miniWithWhy(), input: { seed: 11, variant: 'historical', reasons: 'required', ops: ops(40, 9, 7) } },
    { name: 'a fresh Mexico log', ref: await withWhy(mexico.scenario, everyOtherChoiceNode(mexico.scenario)), input: { seed: 1962, variant: 'historical', ops: ops(120, 31, 40) } },
    { name: 'a fresh Mexico log, rewinding off', ref: await withWhy(mexico.scenario, everyOtherChoiceNode(mexico.scenario)), input: { seed: 77, variant: 'counterfactual', rewind: 'off', reasons: 'required', ops: ops(90, 5, 0) } },
  ];
  for (const { name, ref, input } of fresh) {
    const { log, finals } = playWalk(ref, input);
    const sealed = await sealLog(log, verdictOf(ref.scenario, finals.at(-1) as SessionState));
    out.push({ name, log: JSON.parse(JSON.stringify(sealed)) as Json, refs: [ref], library, nodes: Object.keys(ref.scenario.nodes), paths: [] });
  }
  for (const b of out) b.paths = placesOf(b.log);
  return out;
}

/** `n` ops, a rewind every `every` ops (none when 0), reasons at most nodes that ask. */
function ops(n: number, seed: number, every: number): WalkOp[] {
  return Array.from({ length: n }, (_, i): WalkOp => ({
    rewind: every > 0 && i > 0 && i % every === 0,
    pick: (seed * 7919 + i * 104_729) % 100_003,
    reason: i % 3 === 2 ? undefined : `Reason ${i}: the clock and the circular.`,
  }));
}

const BASES = await bases();

describe('single-field edits of real sealed logs', () => {
  it('start from logs that verify, format 1 and format 2, with reasons, several attempts and verdicts', async () => {
    for (const b of BASES) {
      const r = await verifyLog(structuredClone(b.log), b.refs, { library: b.library });
      if (!r.ok) expect.fail(`${b.name}: ${r.problems.join('\n')}`);
    }
    const logs = BASES.map((b) => b.log as unknown as SealedLog);
    expect(logs.filter((l) => l.formatVersion === 2).some((l) => l.attempts.length >= 3)).toBe(true);
    expect(logs.some((l) => l.attempts.some((a) => a.entries.some((e) => e.reason !== undefined)))).toBe(true);
    expect(logs.filter((l) => l.verdict !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('include deleting the verdict a file carries, which is detected', async () => {
    // The verdict is outside the chain (format.ts): a file whose verdict was removed must still not verify as it was.
    const withVerdict = BASES.filter((x) => (x.log as { verdict?: unknown }).verdict !== undefined);
    expect(withVerdict.length).toBeGreaterThanOrEqual(4);
    const verified: string[] = [];
    for (const b of withVerdict) {
      const r = await verifyLog(omit(b.log as Record<string, Json>, ['verdict']), b.refs, { library: b.library });
      if (r.ok) verified.push(`${b.name} without its verdict`);
    }
    expect(verified).toEqual([]);
  });

  it(`are every one detected (${EDITS.toLocaleString('en-US')} edits, seed ${SEED})`, async () => {
    const rand = randomStream(SEED);
    const undetected: string[] = [];
    const statuses = new Map<string, number>();
    for (let i = 0; i < EDITS; i++) {
      const base = BASES[i % BASES.length] as Base;
      // Every place of every log in turn, then again: each place is edited several times, in different ways.
      const path = base.paths[Math.floor(i / BASES.length) % base.paths.length] as Path;
      const { what, log } = edit(rand, base, path);
      const r = await verifyLog(log, base.refs, { library: base.library });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.ok || r.problems.length === 0) undetected.push(`edit ${i} of ${base.name}: ${what}`);
    }
    for (const b of BASES) expect(EDITS / BASES.length, `${b.name} has more places than edits`).toBeGreaterThanOrEqual(b.paths.length);
    expect(undetected.slice(0, 30), `${undetected.length} edits verified`).toEqual([]);
    expect(statuses.get('verified') ?? 0).toBe(0);
    expect(statuses.get('edited')).toBeGreaterThan(EDITS / 3);
    expect(statuses.get('refused')).toBeGreaterThan(EDITS / 10);
  }, 120_000);
});
