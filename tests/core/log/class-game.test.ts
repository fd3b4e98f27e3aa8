/**
 * A class game in the decision log (issue 10, point 6): `play: 'class'` in the header, covered by the
 * genesis hash like every other header field, so that removing, adding or changing it breaks the
 * chain; a log without it hashes exactly as before the field existed (the real format 1 files, the
 * format 1 autosave and real format 2 logs written by the release before the field still verify,
 * and sealing them again gives the same bytes); the verifier, the review row, the CSV, the xAPI
 * statements and `npm run logs -- verify` all say that it was a class game.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import validateStatement from 'xapi-validation';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_SCHEMA_FILE } from '../../../src/cli/log-schema.ts';
import { readableLine, runLogs, type FileReport } from '../../../src/cli/logs-verify.ts';
import type { SessionState } from '../../../src/core/engine/state.ts';
import { createLog } from '../../../src/core/log/create.ts';
import type { DecisionLog, SealedLog } from '../../../src/core/log/format.ts';
import { migrateOpenLog } from '../../../src/core/log/migrate.ts';
import { genesisHash, headerOf, sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import type { ScenarioLibrary, ScenarioRef } from '../../../src/core/log/library.ts';
import { STUDENT_COLUMNS, studentsCsv } from '../../../src/core/review/csv.ts';
import { reviewRow } from '../../../src/core/review/model.ts';
import { XAPI_EXTENSIONS, xapiStatements } from '../../../src/core/review/xapi.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { checkSave } from '../../../src/store/open-log.ts';
import { currentRefs, FORMAT1_FILES, fixtureText, keptTexts, readSave, straightWalk } from './format2-fixtures.ts';

/** Real format 2 logs written by the release before `play` existed (tests/fixtures/logs/README.md). */
const FORMAT2_FILES = ['format2-mexico-v4-historical.json', 'format2-mexico-v4-counterfactual.json'];

let current: ScenarioRef[];
let library: ScenarioLibrary;
let mexico: ScenarioRef;
/** The same game sealed twice: once as a student's own, once as a class game. */
let own: SealedLog;
let classGame: SealedLog;

beforeAll(async () => {
  current = await currentRefs();
  library = await keptTexts();
  const found = current.find((r) => r.scenario.id === 'mexico');
  if (!found) throw new Error('scenarios/mexico.yaml does not load');
  mexico = found;
  const walk = straightWalk(mexico, 4021, 'historical');
  const end = walk.finals.at(-1) as SessionState;
  const verdict = verdictOf(mexico.scenario, end);
  own = asFile(await sealLog(walk.log, verdict));
  classGame = asFile(await sealLog({ ...walk.log, play: 'class' }, verdict));
});

const asFile = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function verify(log: unknown): Promise<VerifyResult> {
  return verifyLogText(typeof log === 'string' ? log : JSON.stringify(log), current, { library });
}

function problems(r: VerifyResult): string {
  return r.ok ? '' : r.problems.join('\n');
}

describe('the play field of the header', () => {
  it('is written by createLog only when asked for, and a class game verifies with it', async () => {
    const header = { scenario: { id: 'mini', version: 1, hash: 'a'.repeat(64) }, seed: 1, variant: 'historical', student: { label: 'Class 9B' }, createdAt: '2026-12-01T09:00:00.000Z' };
    expect(createLog(header)).not.toHaveProperty('play');
    expect(createLog({ ...header, play: 'class' })).toMatchObject({ play: 'class', rewind: 'free', reasons: 'optional' });
    expect(own).not.toHaveProperty('play');
    expect(classGame.play).toBe('class');

    const r = await verify(classGame);
    if (!r.ok) expect.fail(problems(r));
    expect(r.status).toBe('verified');
    expect(r.log.play).toBe('class');
    expect((await verify(own)).status).toBe('verified');
  });

  it('is covered by the genesis hash: the same game as a class game chains from another first link', async () => {
    expect(headerOf(classGame)).toHaveProperty('play', 'class');
    expect(headerOf(own)).not.toHaveProperty('play');
    expect(await genesisHash(classGame)).not.toBe(await genesisHash(own));
    expect(classGame.attempts[0]?.entries[0]?.prev).toBe(await genesisHash(classGame));
    expect(classGame.head).not.toBe(own.head);
  });

  it('breaks the chain at the header when it is removed, added or moved to another log', async () => {
    const withoutPlay: Record<string, unknown> = { ...classGame };
    delete withoutPlay['play'];
    const cases: [string, unknown][] = [
      ['removed from a class game', withoutPlay],
      ['added to a student game', { ...own, play: 'class' }],
      // A class game's chain under a student game's header, and the other way round.
      ['a class game passed off as the student game', { ...classGame, play: undefined }],
    ];
    for (const [what, edited] of cases) {
      const r = await verify(edited);
      expect(r.status, what).toBe('edited');
      expect(problems(r), what).toMatch(/hash chain breaks at attempt 1, decision 1.*the header/);
    }
  });

  it('refuses any value but class, and a format 1 file that claims it', async () => {
    const r = await verify({ ...classGame, play: 'pairs' });
    expect(r.status).toBe('refused');
    expect(problems(r)).toMatch(/^play: expected "class"/m);

    const format1 = JSON.parse(fixtureText(FORMAT1_FILES[0] as string)) as Record<string, unknown>;
    const claimed = await verify({ ...format1, play: 'class' });
    expect(claimed.status).toBe('refused');
    expect(problems(claimed)).toMatch(/play: unexpected field \(a format 1 log has no play mode\)/);
    const save = JSON.parse(readSave('format1-mexico-v2.json')) as Record<string, unknown>;
    expect(migrateOpenLog({ ...save, play: 'class' })).toMatchObject({ ok: false, why: 'unknown' });
  });

  it('is in the JSON Schema as an optional enum, and the schema accepts a class game', () => {
    const schema = JSON.parse(readFileSync(LOG_SCHEMA_FILE, 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties['play']).toEqual({ type: 'string', enum: ['class'] });
    expect(schema.required).not.toContain('play');
    const validate = new Ajv({ allErrors: true }).compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });
    expect(validate(classGame), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(own)).toBe(true);
    expect(validate({ ...classGame, play: 'everyone' })).toBe(false);
  });
});

describe('logs made before the field', () => {
  it('the real format 1 files still verify, convert without a play field, and keep their ending', async () => {
    expect(FORMAT1_FILES.length).toBeGreaterThanOrEqual(4);
    for (const name of FORMAT1_FILES) {
      const r = await verify(fixtureText(name));
      if (!r.ok) expect.fail(`${name}: ${problems(r)}`);
      expect(r.status, name).toBe('verified');
      expect(r.log, name).not.toHaveProperty('play');
      expect(r.finished, name).toBe(true);
    }
  });

  it('the format 1 autosave still resumes with its 14 decisions, as a student game', async () => {
    const text = readSave('format1-mexico-v2.json');
    const saved = JSON.parse(text) as DecisionLog;
    const ref = await library(saved.scenario.id, saved.scenario.hash);
    if (!ref) throw new Error('the text the autosave was made with is not kept');
    const check = await checkSave(text, { scenario: ref.scenario, hash: ref.hash, file: 'scenarios/mexico.yaml' });
    if (!check.ok) expect.fail(`${check.why}: ${check.detail}`);
    expect(check.log.attempts.flatMap((a) => a.entries)).toHaveLength(14);
    expect(check.log).not.toHaveProperty('play');
  });

  for (const name of FORMAT2_FILES) {
    it(`${name}, written before the field existed, verifies and seals again to the same bytes`, async () => {
      const text = fixtureText(name);
      const raw = JSON.parse(text) as SealedLog;
      expect(raw.formatVersion).toBe(2);
      expect(raw).not.toHaveProperty('play');
      const r = await verify(text);
      if (!r.ok) expect.fail(problems(r));
      expect(r.status).toBe('verified');
      expect(r.formatRead).toBe(2);
      expect(r.finished).toBe(true);
      expect(r.verdict).toEqual(raw.verdict);
      // The genesis, every link and the head are what the earlier release computed.
      expect(`${JSON.stringify(await sealLog(unsealLog(raw), raw.verdict), null, 2)}`).toBe(text);
    });
  }
});

describe('what the review and the exports say of a class game', () => {
  it('the review row, the CSV and the xAPI statements say it was a class game, and only then', async () => {
    const classResult = await verify(classGame);
    const ownResult = await verify(own);
    const classRow = reviewRow('class.json', classResult, 'k1');
    const ownRow = reviewRow('own.json', ownResult, 'k2');
    expect(classRow.modes).toEqual({ rewind: 'free', reasons: 'optional', play: 'class' });
    expect(ownRow.modes).toEqual({ rewind: 'free', reasons: 'optional' });

    const lines = studentsCsv([classRow, ownRow]).replace(/^\uFEFF/, '').split('\r\n');
    const column = STUDENT_COLUMNS.indexOf('Class game');
    expect(column).toBeGreaterThan(0);
    expect(lines[1]?.split(',')[column]).toBe('yes');
    expect(lines[2]?.split(',')[column]).toBe('no');

    const validate = ((validateStatement as unknown as { default?: unknown }).default ?? validateStatement) as (s: unknown) => unknown[];
    const statements = xapiStatements({ scenario: mexico.scenario, log: classGame }) as { context: { extensions: Record<string, unknown> } }[];
    expect(statements.length).toBeGreaterThan(2);
    for (const s of statements) {
      expect(s.context.extensions[XAPI_EXTENSIONS.play]).toBe('class');
      expect(validate(JSON.parse(JSON.stringify(s))).map(String)).toEqual([]);
    }
    const ownStatements = xapiStatements({ scenario: mexico.scenario, log: own }) as { context: { extensions: Record<string, unknown> } }[];
    for (const s of ownStatements) expect(s.context.extensions).not.toHaveProperty(XAPI_EXTENSIONS.play);
    // An open class log and the same open log of a student's game are different logs (their registrations differ).
    const open: DecisionLog = unsealLog(classGame);
    const openOwn: DecisionLog = unsealLog(own);
    const reg = (log: DecisionLog): unknown => (xapiStatements({ scenario: mexico.scenario, log })[0] as { context: { registration: string } }).context.registration;
    expect(reg(open)).not.toBe(reg(openOwn));
  });

  it('npm run logs -- verify says "class game" on the line and modes.play in JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'class-game-'));
    const classFile = path.join(dir, 'class.json');
    const ownFile = path.join(dir, 'own.json');
    writeFileSync(classFile, JSON.stringify(classGame, null, 2));
    writeFileSync(ownFile, JSON.stringify(own, null, 2));
    const out: string[] = [];
    expect(await runLogs(['verify', '--json', classFile, ownFile], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    const [classReport, ownReport] = out.map((l) => JSON.parse(l) as FileReport);
    expect(classReport?.modes).toEqual({ rewind: 'free', reasons: 'optional', play: 'class' });
    expect(ownReport?.modes).toEqual({ rewind: 'free', reasons: 'optional' });
    expect(readableLine(classReport as FileReport)).toMatch(/: verified - Inés Álvarez \(11C\), mexico v\d+, class game \(the whole class played it together\), 1 attempt/);
    expect(readableLine(ownReport as FileReport)).not.toMatch(/class game/);
  });
});
