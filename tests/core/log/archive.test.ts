/**
 * Old logs keep verifying when a scenario is revised (issue 6, point 7): every kept text in
 * scenarios/archive/ is named after its content hash and still loads; a real log of the first
 * release verifies against the kept first text and says a newer text exists; a text that was
 * never kept gives `scenario-changed`; edited and cut-short old logs are still caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missionOf } from '../../../src/core/scenario/mission.ts';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { archiveFileName, archiveLibrary, readArchiveFileName, type ScenarioRef } from '../../../src/core/log/library.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLog, verifyLogText } from '../../../src/core/log/verify.ts';
import { ARCHIVE_DIR as ARCHIVE, loadRealScenario, realScenarios } from '../../fixtures/real-scenarios.ts';

const FIXTURES = new URL('../../fixtures/logs/', import.meta.url);
const V1_FILE = 'mexico-v1-23a1d14a6a76.yaml';
const V1_HASH = '23a1d14a6a76e9428166ef4704b701c47154beffa1b48045ebbac586560d0500';

const keptFiles = readdirSync(ARCHIVE).filter((f) => f.endsWith('.yaml')).sort();

const keptCache = new Map<string, Promise<ScenarioRef>>();

/** A kept file through the core loader (each file loaded once for the whole test file). */
function loadKept(file: string): Promise<ScenarioRef> {
  let promise = keptCache.get(file);
  if (promise === undefined) {
    promise = loadKeptNow(file);
    keptCache.set(file, promise);
  }
  return promise;
}

async function loadKeptNow(file: string): Promise<ScenarioRef> {
  const { scenario, hash } = await loadRealScenario(`archive/${file}`);
  return { scenario, hash };
}

const current: ScenarioRef[] = (await realScenarios()).flatMap((c) => ('loaded' in c ? [{ scenario: c.loaded.scenario, hash: c.loaded.hash }] : []));
const mexicoNow = current.find((r) => r.scenario.id === 'mexico');

/** The library the CLI builds, over the real archive folder, counting the files it loads. */
function library(): { lookup: ReturnType<typeof archiveLibrary>; loads: string[] } {
  const loads: string[] = [];
  const files = Object.fromEntries(keptFiles.map((f) => [f, async () => {
    loads.push(f);
    return loadKept(f);
  }]));
  return { lookup: archiveLibrary(files), loads };
}

const fixtureNames = readdirSync(FIXTURES).filter((f) => f.startsWith('mexico-v1-') && f.endsWith('.json')).sort();
const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('the kept scenario texts', () => {
  it('keep the first release\'s Mexico text, unchanged, under its hash', () => {
    expect(keptFiles).toContain(V1_FILE);
  });

  for (const file of keptFiles) {
    it(`${file} loads with today's schema and is named after its id, version and content hash`, async () => {
      const ref = await loadKept(file);
      expect(readArchiveFileName(file)).toEqual({ id: ref.scenario.id, version: ref.scenario.version, hashPrefix: ref.hash.slice(0, 12) });
      expect(archiveFileName(ref.scenario.id, ref.scenario.version, ref.hash)).toBe(file);
    });
  }

  it('hold the first release text with the hash its logs name', async () => {
    expect((await loadKept(V1_FILE)).hash).toBe(V1_HASH);
  });

  it('hold a text for every earlier version of each current scenario', () => {
    for (const { scenario } of current) {
      for (let v = 1; v < scenario.version; v++) {
        const kept = keptFiles.map(readArchiveFileName).some((n) => n?.id === scenario.id && n.version === v);
        expect(kept, `scenarios/archive/ keeps no text of ${scenario.id} version ${v}: copy the released text there before revising it`).toBe(true);
      }
    }
  });
});

describe('a library of kept texts', () => {
  it('loads only the file a log names, once, and never answers with another text', async () => {
    const { lookup, loads } = library();
    expect(await lookup('mexico', 'f'.repeat(64))).toBeNull();
    expect(loads).toEqual([]);
    const ref = await lookup('mexico', V1_HASH);
    expect(ref?.scenario.version).toBe(1);
    await lookup('mexico', V1_HASH);
    expect(loads).toEqual([V1_FILE]);
    // A misnamed file (its name claims a hash its text does not have) is not taken for that text.
    const misnamed = archiveLibrary({ 'mexico-v1-ffffffffffff.yaml': () => loadKept(V1_FILE) });
    expect(await misnamed('mexico', `ffffffffffff${'0'.repeat(52)}`)).toBeNull();
    const failing = archiveLibrary({ [V1_FILE]: () => Promise.reject(new Error('unreadable')) });
    expect(await failing('mexico', V1_HASH)).toBeNull();
  });
});

describe('a real log of the first release', () => {
  it('has fixtures made by the first release', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(1);
  });

  for (const name of fixtureNames) {
    it(`${name} verifies against the kept first text and says a newer text exists`, async () => {
      if (!mexicoNow) throw new Error('scenarios/mexico.yaml does not load');
      const text = fixtureText(name);
      expect((JSON.parse(text) as SealedLog).scenario).toEqual({ id: 'mexico', version: 1, hash: V1_HASH });
      const r = await verifyLogText(text, current, { library: library().lookup });
      if (!r.ok) expect.fail(r.problems.join('\n'));
      expect(r.status).toBe('verified');
      expect(r.finished).toBe(true);
      expect(r.scenario.hash).toBe(V1_HASH);
      expect(r.verdict.title).not.toBeNull();
      expect(r.newerText).toBe(mexicoNow.hash !== V1_HASH);
      if (r.newerText) expect(r.notes.join(' ')).toMatch(/earlier text of scenario "mexico" \(version 1, 23a1d14a6a76…\).*A newer text \(version \d+\) is played now/);
    });

    it(`${name} without the kept text is scenario-changed, not verified`, async () => {
      if (!mexicoNow || mexicoNow.hash === V1_HASH) return;
      const r = await verifyLogText(fixtureText(name), current);
      expect(r.status).toBe('scenario-changed');
      expect(r.ok ? [] : r.problems[0]).toMatch(/version 1 of scenario "mexico" \(text 23a1d14a6a76…\), which this copy of Circular 938 does not keep/);
      expect(r.log?.student.label).toBe('Ana Ruiz');
    });

    it(`${name} edited or cut short is caught`, async () => {
      const lib = library().lookup;
      const edited = JSON.parse(fixtureText(name)) as SealedLog;
      const entry = edited.attempts[0]?.entries[2];
      if (!entry) throw new Error('fixture too short');
      entry.choice += 1;
      expect((await verifyLog(edited, current, { library: lib })).status).toBe('edited');

      const cut = JSON.parse(fixtureText(name)) as SealedLog;
      const last = cut.attempts.at(-1)?.entries;
      last?.splice(Math.max(0, last.length - 3));
      // Cut as format 1 sealed it: its head was the last entry's hash.
      cut.head = last?.at(-1)?.hash ?? '';
      const r = await verifyLog(JSON.parse(JSON.stringify(cut)), current, { library: lib });
      expect(r.status).toBe('verified');
      expect(r.ok && r.finished).toBe(false);
    });
  }
});

describe('statuses', () => {
  it('gives each of the four, one per kind of file', async () => {
    const lib = library().lookup;
    const text = fixtureText(fixtureNames[0] ?? '');
    expect((await verifyLogText(text, current, { library: lib })).status).toBe('verified');
    expect((await verifyLogText(text.replace('"Ana Ruiz"', '"Someone Else"'), current, { library: lib })).status).toBe('edited');
    expect((await verifyLogText(text.slice(0, 500), current, { library: lib })).status).toBe('refused');
    const log = JSON.parse(text) as SealedLog;
    const never = await sealLog({ ...unsealLog(log), formatVersion: 2, rewind: 'free', reasons: 'optional', scenario: { ...log.scenario, hash: 'e'.repeat(64) } });
    expect((await verifyLog(JSON.parse(JSON.stringify(never)), current, { library: lib })).status).toBe('scenario-changed');
  });
});

describe('a text that continues earlier ones', () => {
  /**
   * A scenario without what a revision that changes no decision may add or reword: its version, `continues`,
   * the questions of why, its place on the map and its scenery, the words of its mission, the seats of its
   * people, Washington's table (which moved to scenarios/shared/), and the words the student reads around the
   * decisions (the title and summary, a node's text and its passages, a choice's label, a chance outcome's
   * reason, a telegram paragraph's text, a note on a person, the facts and the sources cited: each is shown,
   * none is scored). What decides (nodes, choices,
   * conditions, effects, outcomes, endings) and what the mission scores (phases, points, criteria and weights,
   * the paragraphs' parts, fits and admissions) must stay as the earlier text was.
   */
  function decisionsOf(scenario: ScenarioRef['scenario']): unknown {
    const mission = missionOf(scenario);
    const scoring = {
      instruction: mission.instruction,
      phases: mission.phases,
      points: mission.points,
      rubric: mission.rubric.map((c) => ({ criterion: c.criterion, points: c.points, needs: c.needs ?? ['met', 'sent'] })),
    };
    const copy = structuredClone(scenario) as Partial<ScenarioRef['scenario']> & { scoring?: unknown };
    delete copy.version;
    delete copy.continues;
    delete copy.mission;
    delete copy.hemisphere;
    copy.scoring = scoring;
    for (const person of Object.values(copy.people ?? {})) {
      delete (person as { seat?: string }).seat;
      delete (person as { note?: string }).note;
    }
    // Where the post is on the map, and the art its scenes draw, change no decision either.
    if (copy.post) {
      // The words on where the embassy and the ministry were (the places themselves are in the mission's).
      for (const place of [copy.post.chancery, copy.post.ministry]) if (place) delete (place as { text?: string }).text;
      delete copy.post.lat;
      delete copy.post.lon;
      delete copy.post.scenery;
    }
    delete copy.title;
    delete copy.summary;
    for (const node of Object.values(copy.nodes ?? {})) {
      const words = node as { why?: string; text?: string; passages?: unknown };
      delete words.why;
      delete words.text;
      delete words.passages;
      for (const choice of node.choices ?? []) delete (choice as { label?: string }).label;
      for (const outcome of node.chance ?? []) delete (outcome as { reason?: string }).reason;
      // An ending's summary is words for the reader; its title, outcome and claims are what a verdict records.
      if (node.ending) delete (node.ending as { summary?: string }).summary;
    }
    // The sources cited for what the game states, and its list of facts and inventions: words for the reader.
    delete (copy as { facts?: unknown }).facts;
    const uncite = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(uncite);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'source' || key.endsWith('Source')) delete (value as Record<string, unknown>)[key];
          else uncite(inner);
        }
      }
    };
    uncite(copy);
    const paragraphs = copy.telegram?.paragraphs ?? {};
    for (const [pid, p] of Object.entries(paragraphs)) {
      if (typeof p === 'string') paragraphs[pid] = '';
      else delete (p as { text?: string }).text;
    }
    return copy;
  }

  it.each(current.flatMap((r) => (r.scenario.continues ?? []).map((hash) => [r.scenario.id, hash] as const)))(
    '%s continues the kept text %s: it is kept, and it decides and scores as that text did',
    async (id, hash) => {
      const file = keptFiles.find((f) => { const n = readArchiveFileName(f); return n?.id === id && hash.startsWith(n.hashPrefix); });
      expect(file, 'the text it continues is kept in scenarios/archive/').toBeDefined();
      const kept = await loadKept(file ?? '');
      expect(kept.hash).toBe(hash);
      const now = current.find((r) => r.scenario.id === id)!;
      expect(decisionsOf(now.scenario)).toEqual(decisionsOf(kept.scenario));
    },
  );
});
