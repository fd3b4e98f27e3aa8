/**
 * Replay issue, point 6: the JSON Schema of the sealed log is generated from the zod schema
 * (`npm run schema:log`) and committed as src/core/log/decision-log.schema.json; this test fails
 * when the two differ. The real format 1 files after conversion and fresh format 2 logs validate
 * against the committed file with an independent validator (ajv, which eslint brings: version 6,
 * draft-07; the schema uses only keywords that mean the same in draft-07 and 2020-12, checked
 * here), and files that break the format do not.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { LOG_SCHEMA_FILE, logJsonSchemaText } from '../../../src/cli/log-schema.ts';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { sealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText } from '../../../src/core/log/verify.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { currentRefs, everyOtherChoiceNode, FORMAT1_FILES, fixtureText, keptTexts, miniWithWhy, omit, playWalk, straightWalk, withWhy, type WalkOp } from './format2-fixtures.ts';

const committed = readFileSync(LOG_SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;

/** The keywords the schema may use: each means the same in draft-07 (ajv 6) and in draft 2020-12. */
const SHARED_KEYWORDS = new Set([
  '$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'properties', 'required', 'additionalProperties',
  'items', 'minItems', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'anyOf',
]);

/** Every keyword used anywhere in the schema (the names under `properties` are field names, not keywords). */
function keywordsOf(root: unknown): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const s = stack.pop();
    if (Array.isArray(s)) {
      stack.push(...s);
      continue;
    }
    if (s === null || typeof s !== 'object') continue;
    for (const [k, v] of Object.entries(s)) {
      out.add(k);
      if (k === 'properties') stack.push(...Object.values(v as Record<string, unknown>));
      else if (k === 'items' || k === 'anyOf' || k === 'additionalProperties') stack.push(v);
    }
  }
  return out;
}

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`);
}

const asFile = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function freshLogs(): Promise<SealedLog[]> {
  const mini = await miniWithWhy();
  const mexicoNow = (await currentRefs()).find((r) => r.scenario.id === 'mexico');
  if (!mexicoNow) throw new Error('scenarios/mexico.yaml does not load');
  const mexico = await withWhy(mexicoNow.scenario, everyOtherChoiceNode(mexicoNow.scenario));
  const ops = Array.from({ length: 80 }, (_, i): WalkOp => ({ rewind: i > 0 && i % 17 === 0, pick: i * 31, reason: i % 4 === 0 ? undefined : `Line one.\nLine ${i}: «why» — 1962.` }));
  const out: SealedLog[] = [];
  for (const ref of [mini, mexico]) {
    const { log, finals } = playWalk(ref, { seed: 9, variant: 'historical', ops, reasons: 'required', rewind: 'free' });
    out.push(asFile(await sealLog(log, verdictOf(ref.scenario, finals.at(-1) as SessionState))));
  }
  out.push(asFile(await sealLog({ ...straightWalk(mini, 2, 'refusal', 5).log, rewind: 'off' })));
  return out;
}

describe('the JSON Schema of a sealed log', () => {
  it('is the committed file, generated from the zod schema', () => {
    expect(committed === logJsonSchemaText(), 'src/core/log/decision-log.schema.json differs from the zod schema: run npm run schema:log').toBe(true);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toMatch(/^urn:circular938:decision-log:2$/);
    expect(typeof schema['title']).toBe('string');
    expect(typeof schema['description']).toBe('string');
  });

  it('uses only keywords that mean the same in draft-07 and 2020-12, so ajv 6 checks it faithfully', () => {
    expect([...keywordsOf(schema)].filter((k) => !SHARED_KEYWORDS.has(k))).toEqual([]);
  });

  it('says what format 2 says: the modes, the reason and its limits, closed objects', () => {
    const props = schema['properties'] as Record<string, Record<string, unknown>>;
    expect(props['formatVersion']).toMatchObject({ const: 2 });
    expect(props['rewind']).toMatchObject({ enum: ['free', 'look', 'off'] });
    expect(props['reasons']).toMatchObject({ enum: ['optional', 'required'] });
    expect(schema['required']).toEqual(expect.arrayContaining(['rewind', 'reasons', 'attempts', 'head']));
    expect(schema['required']).not.toContain('verdict');
    expect(schema['additionalProperties']).toBe(false);
    const entry = JSON.stringify(props['attempts']);
    expect(entry).toContain('"reason":{"type":"string","minLength":1,"maxLength":500,"pattern"');
    expect(entry).not.toMatch(/"required":\[[^\]]*"reason"/);
  });

  it('accepts the real format 1 files once converted, and fresh format 2 logs', async () => {
    const current = await currentRefs();
    const library = await keptTexts();
    expect(FORMAT1_FILES.length).toBeGreaterThanOrEqual(4);
    for (const name of FORMAT1_FILES) {
      const r = await verifyLogText(fixtureText(name), current, { library });
      if (!r.ok) expect.fail(`${name}: ${r.problems.join('\n')}`);
      expect(errorsOf(asFile(r.log)), name).toEqual([]);
      // The file as written (format 1) is not a format 2 file.
      expect(errorsOf(JSON.parse(fixtureText(name))), name).not.toEqual([]);
    }
    const fresh = await freshLogs();
    expect(fresh.some((l) => l.attempts.length > 1 && l.attempts.some((a) => a.entries.some((e) => e.reason?.includes('\n'))))).toBe(true);
    for (const log of fresh) expect(errorsOf(log)).toEqual([]);
  }, 60_000);

  it('refuses what the zod schema refuses: a long or control-character reason, a missing mode, an unknown field', async () => {
    const [log] = await freshLogs();
    if (!log) throw new Error('no log');
    const withReason = (reason: string): SealedLog => {
      const copy = structuredClone(log);
      copy.attempts[0]!.entries[0]!.reason = reason;
      return copy;
    };
    expect(errorsOf(withReason('x'.repeat(500)))).toEqual([]);
    expect(errorsOf(withReason('x'.repeat(501))).join()).toMatch(/\.attempts\[0\]\.entries\[0\]\.reason should NOT be longer than 500/);
    expect(errorsOf(withReason('a\tb')).join()).toMatch(/\.attempts\[0\]\.entries\[0\]\.reason should match pattern/);
    expect(errorsOf(withReason('')).join()).toMatch(/reason should NOT be shorter than 1/);
    expect(errorsOf(omit(log, ['rewind'])).join()).toMatch(/should have required property 'rewind'/);
    expect(errorsOf({ ...log, reasons: 'sometimes' }).join()).toMatch(/\.reasons should be equal to one of the allowed values/);
    expect(errorsOf({ ...log, note: 'x' }).join()).toMatch(/should NOT have additional properties/);
    expect(errorsOf({ ...log, formatVersion: 3 }).join()).toMatch(/\.formatVersion should be equal to constant/);
  }, 60_000);
});
