/**
 * The checks every scenario file must pass, whatever its post (issue "posts", point 7): its deadline
 * is the press conference (18:00 in Washington, UTC-5, on Tuesday 20 November 1962) in the file's own
 * offset; every historical person and its stance have a source; every ending and both worlds are
 * reachable; at least 25 decision points and three actual reactions; and, by exhaustive search over
 * the real engine (with a state budget), every ending is reached only when its claims hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { timeOf, wallTime } from '../../src/core/engine/clock.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { timingOf } from '../../src/core/rubric/grade.ts';
import { scoreRubric } from '../../src/core/rubric/rubric.ts';
import { brokenClaims, claimHolds } from '../../src/core/verdict/claims.ts';
import { loadRealScenario, SCENARIO_FILES } from '../fixtures/real-scenarios.ts';
import { scenarioSearch, STATE_BUDGET } from './search.ts';

/** Every scenario file, sorted: the two test files of this harness take every other one, so the two workers share the searches. */
export { SCENARIO_FILES };
/** The press conference: 6 p.m. EST on Tuesday 20 November 1962, in minutes since the epoch. */
const PRESS_CONFERENCE = Date.UTC(1962, 10, 20, 23, 0) / 60_000;

async function load(file: string): Promise<Scenario> {
  return (await loadRealScenario(file)).scenario;
}

/**
 * Each post's UTC offset in November 1962 (research/history-third-pass.md §1, from the tz database's
 * Rule and Zone lines; Mexico City from the first pass), and so its local deadline.
 */
const OFFSETS: Readonly<Record<string, { minutes: number; deadline: string }>> = {
  mexico: { minutes: -360, deadline: '17:00' },
  brazil: { minutes: -180, deadline: '20:00' },
  argentina: { minutes: -180, deadline: '20:00' },
  uruguay: { minutes: -180, deadline: '20:00' },
  venezuela: { minutes: -270, deadline: '18:30' },
  chile: { minutes: -240, deadline: '19:00' },
  bolivia: { minutes: -240, deadline: '19:00' },
  colombia: { minutes: -300, deadline: '18:00' },
  usun: { minutes: -300, deadline: '18:00' },
  jamaica: { minutes: -300, deadline: '18:00' },
};

/**
 * What a writer's note looks like when it is left in a text a student sees, in place of a citation or a sentence: a
 * pointer to the project's research files ("(research …", "research notes", "research/history-third-pass.md", "the
 * third research pass", "research first pass", "second pass"), a TODO, the OCR's order of the lines, Markdown code
 * quotes (`), or struck-through draft words (~~). The first forms are the notes once found in the posts; the others
 * are the marks a draft leaves.
 *
 * `~~` is safe to forbid here: the struck-through words of the transcription are in scenarios/shared/circular-938.yaml,
 * which the loader reads on its own (cableSchema), so they are not part of a post's scenario object, and no post's
 * own text quotes a struck word. A post that ever does (story text renders `~~…~~` as struck, src/ui/dom.ts) must
 * exempt that field here. The backticks of the posts' YAML comments are not in the object either: the parser drops
 * comments.
 */
const INTERNAL_NOTE =
  /\(research\b|research notes|research\/|\bresearch (?:first|second|third|brief|pass(?:es)?)\b|\b(?:second|third)(?:[- ]research)?[- ]pass\b|\bTODO\b|OCR's order|`|~~/i;

/** Every string in `value` with its path from the scenario's root (`nodes.meet.text`, `facts[3].source`). */
function* stringsOf(value: unknown, path: string): Generator<[path: string, text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsOf(v, `${path}[${i}]`);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path === '' ? k : `${path}.${k}`);
  }
}

/** Declares the checks for each of `files`. */
export function checkEveryScenario(files: readonly string[]): void {
  describe.each(files)('scenarios/%s, as every scenario must be', (file) => {
    let scenario: Scenario;
    let search: ReturnType<typeof scenarioSearch>;
    beforeAll(async () => {
      scenario = await load(file);
      search = scenarioSearch(scenario);
      search.explored();
    }, 60_000);

    it('puts its deadline at the press conference, 18:00 in Washington on 20 November, at the local time its offset gives', () => {
      expect(timeOf(scenario.clock.deadline)).toBe(PRESS_CONFERENCE);
      const known = OFFSETS[scenario.id];
      expect(known, `no researched offset for "${scenario.id}"; add it from the research to OFFSETS`).toBeDefined();
      expect(scenario.post.utcOffsetMinutes).toBe(known?.minutes);
      expect(wallTime(PRESS_CONFERENCE, scenario.post.utcOffsetMinutes).hhmm).toBe(known?.deadline);
      expect(scenario.washington.utcOffsetMinutes).toBe(-300);
      expect(scenario.post.offsetSource.length).toBeGreaterThan(8);
    });

    it('gives its place for the maps (the title\'s chooser and the debrief\'s plate)', () => {
      expect(scenario.post.lat, 'post.lat').toBeTypeOf('number');
      expect(scenario.post.lon, 'post.lon').toBeTypeOf('number');
    });

    it('gives every historical person and its stance a source', () => {
      for (const [id, p] of Object.entries(scenario.people)) {
        if ('historical' in p) expect(p.source.trim().length, id).toBeGreaterThan(8);
      }
      expect(scenario.stance.source.trim().length).toBeGreaterThan(8);
    });

    it('shows a student no writer\'s notes: every text cites its source or says what it rests on', () => {
      const notes = [...stringsOf(scenario, '')].flatMap(([path, text]) => {
        const m = INTERNAL_NOTE.exec(text);
        if (!m) return [];
        const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ');
        return [`${path}: "${m[0]}" in "…${around}…"`];
      });
      expect(notes, `${file}: internal notes where a citation belongs (replace each with the source it refers to)`).toEqual([]);
    });

    it('has at least 25 decision points', () => {
      expect(Object.values(scenario.nodes).filter((n) => n.choices !== undefined).length).toBeGreaterThanOrEqual(25);
    });

    it('reaches every ending, both worlds, and at least three actual reactions', () => {
      const { endings, deadEnds } = search.explored();
      expect(deadEnds).toEqual([]);
      const reached = new Set(endings.map((e) => e.node));
      const endingNodes = Object.entries(scenario.nodes).filter(([, n]) => n.ending).map(([id]) => id);
      expect(endingNodes.filter((id) => !reached.has(id))).toEqual([]);
      expect(new Set(endings.map((e) => e.variant))).toEqual(new Set(Object.keys(scenario.variants)));
      expect(new Set(endings.map((e) => e.actual).filter((a) => a !== null)).size).toBeGreaterThanOrEqual(3);
    });

    it('reaches an ending only when its claims hold, on every path', () => {
      const { endings, paths, states } = search.explored();
      for (const [id, n] of Object.entries(scenario.nodes)) if (n.ending) expect(Object.keys(n.ending.claims ?? {}).length, id).toBeGreaterThan(0);
      const broken = endings.flatMap((e) => brokenClaims(scenario, e.state).map((b) => `${e.node} claims ${b.claim}: ${String(b.stated)}`));
      expect(broken).toEqual([]);
      console.log(`${file}: claims proven over ${paths} paths through ${states} states (budget ${STATE_BUDGET}) in ${search.searchMs()} ms.`);
    });

    it('scores timeliness as the claims read it, at every ending: the démarche and the report as they happened, the report at the precedence it left with', () => {
      const disagree = search.explored().endings.flatMap((e) => {
        const t = timingOf(scenario, e.state);
        const met = claimHolds(scenario, e.state, 'met-in-time');
        const report = claimHolds(scenario, e.state, 'reported-in-time');
        return t.metInTime === met && t.reportInTime === report ? [] : [`${e.node}: rubric met ${String(t.metInTime)} / report ${String(t.reportInTime)}, claims ${String(met)} / ${String(report)}`];
      });
      expect(disagree.slice(0, 5)).toEqual([]);
    });

    it('says a slip was owned "yourself" only when the telegram admitted it as it left; an admission only when Washington asked is said so, at every ending', () => {
      let owned = 0;
      const wrong = search.explored().endings.flatMap((e) => {
        const { candour } = scoreRubric(scenario, e.state);
        if (candour.status !== 'owned') return [];
        owned++;
        const inReport = (e.state.sent?.draft ?? []).some((id) => {
          const p = scenario.telegram.paragraphs[id];
          return p !== undefined && typeof p !== 'string' && p.part === 'remarks' && p.admits;
        });
        const says = /yourself/.test(candour.sentence) ? 'yourself' : /when it asked/.test(candour.sentence) ? 'when asked' : 'neither';
        return says === (inReport ? 'yourself' : 'when asked') ? [] : [`${e.node}: admitted in the report ${String(inReport)}, the sentence says ${says}`];
      });
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(owned, 'some ending has a slip owned up to').toBeGreaterThan(0);
    });
  });
}
