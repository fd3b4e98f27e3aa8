/**
 * Content checks for the Mexico City scenario, the circular and the glossary: the schemas, the shape of the
 * graph, and an exhaustive search over the real engine for the acceptance points of the scenario. Declared by
 * the harness file that searches mexico.yaml (every-scenario-1/2.test.ts), so the search runs once for both.
 */
import { readText, readYaml } from './files.ts';
import { median, scenarioSearch, STATE_BUDGET } from './search.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, loadScenario, parseCable, parseGlossary, type ScenarioIssue } from '../../src/core/index.ts';
import { timeOf } from '../../src/core/engine/clock.ts';
import { nextRandom } from '../../src/core/engine/rng.ts';
import { initialState, type SessionState } from '../../src/core/engine/state.ts';
import { scoreRubric } from '../../src/core/rubric/rubric.ts';
import { nodeText } from '../../src/core/engine/text.ts';
import { paragraphText } from '../../src/core/telegram/paragraphs.ts';
import { brokenClaims, claimHolds } from '../../src/core/verdict/claims.ts';
import { washingtonCount } from '../../src/core/verdict/count.ts';
import { availableChoices, currentNode, step } from '../../src/core/engine/step.ts';
import {
  cableSchema,
  glossarySchema,
  PHASES,
  scenarioSchema,
} from '../../src/core/scenario/schema.ts';


const scenario = scenarioSchema.parse(readYaml('mexico.yaml'));
const cable = cableSchema.parse(readYaml('shared/circular-938.yaml'));
const glossary = glossarySchema.parse(readYaml('shared/glossary.yaml'));

const nodeIds = Object.keys(scenario.nodes);
const deadline = timeOf(scenario.clock.deadline);

const {
  nodeOf,
  edgesOf,
  conditionParts,
  allEdges,
  allEffects,
  allConditions,
  variantReaders,
  explored,
  play,
  randomWalk,
  searchMs,
} = scenarioSearch(scenario);

// ---------------------------------------------------------------- the tests

describe('the three files through the line-numbered loader', () => {
  const listed = (issues: readonly ScenarioIssue[]): string => issues.map(formatIssue).join('\n');

  it('loads scenarios/mexico.yaml with no issue', async () => {
    const result = await loadScenario(readText('mexico.yaml'), 'scenarios/mexico.yaml');
    expect(result.ok ? '' : listed(result.issues)).toBe('');
    if (result.ok) expect(result.loaded.scenario).toEqual(scenario);
  });

  it('parses the circular and the glossary with no issue', () => {
    const c = parseCable(readText('shared/circular-938.yaml'), 'scenarios/shared/circular-938.yaml');
    expect(c.ok ? '' : listed(c.issues)).toBe('');
    const g = parseGlossary(readText('shared/glossary.yaml'), 'scenarios/shared/glossary.yaml');
    expect(g.ok ? '' : listed(g.issues)).toBe('');
  });
});

describe('scenarios/mexico.yaml: the file', () => {
  it('is a circular938-scenario v1 with id mexico and version 5 (the revision that corrects words of version 4)', () => {
    expect(scenario.format).toBe('circular938-scenario');
    expect(scenario.formatVersion).toBe(1);
    expect(scenario.id).toBe('mexico');
    expect(scenario.version).toBe(5);
  });

  it('sets Mexico City at UTC-6 and Washington at UTC-5, with their sources', () => {
    expect(scenario.post.city).toBe('Mexico City');
    expect(scenario.post.utcOffsetMinutes).toBe(-360);
    expect(scenario.washington.utcOffsetMinutes).toBe(-300);
    expect(scenario.post.offsetSource).toMatch(/tzdb|time zone database/i);
    expect(scenario.post.offsetSource).toMatch(/2025b/);
    expect(scenario.post.chancery.text).toMatch(/Lafragua/);
    expect(scenario.post.ministry.text).toMatch(/Avenida Juárez/);
  });

  it('puts the deadline at 17:00 in Mexico City and the start on Monday evening, after the cable was sent', () => {
    expect(scenario.clock.cableSent).toBe('1962-11-19T17:18-05:00');
    expect(scenario.clock.deadline).toBe('1962-11-20T18:00-05:00');
    expect(deadline).toBe(timeOf('1962-11-20T17:00-06:00'));
    const start = timeOf(scenario.clock.start);
    expect(start).toBeGreaterThan(timeOf(scenario.clock.cableSent));
    expect(start).toBeGreaterThanOrEqual(timeOf('1962-11-19T18:00-06:00'));
    expect(start).toBeLessThan(timeOf('1962-11-19T23:00-06:00'));
    expect(nodeOf(scenario.start).text).toMatch(/assumes/);
  });

  it('marks every invented person as invented and gives every historical person a source', () => {
    for (const [key, person] of Object.entries(scenario.people)) {
      if ('invented' in person) {
        expect(person.invented, key).toBe(true);
        expect(person.note, key).toBeTruthy();
      } else {
        expect(person.historical, key).toBe(true);
        expect(person.source.length, key).toBeGreaterThan(20);
      }
    }
    for (const key of ['mann', 'tello', 'lopez-mateos', 'kennedy', 'khrushchev', 'rusk', 'martin']) {
      expect(scenario.people[key], key).toMatchObject({ historical: true });
    }
    for (const key of ['dcm', 'duty-officer', 'protocol', 'desk-officer']) {
      expect(scenario.people[key], key).toMatchObject({ invented: true });
    }
  });

  it('declares three responses, a pitfall of each kind and both world variants', () => {
    expect(Object.keys(scenario.responses).sort()).toEqual(['opposed', 'reserved', 'support']);
    const kinds = new Set(Object.values(scenario.pitfalls).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['concealment', 'leak', 'promise']);
    expect(scenario.pitfalls['hid-slip']?.kind).toBe('concealment');
    expect(scenario.pitfalls['fyi-nato']?.kind).toBe('leak');
    expect(scenario.pitfalls['usun-syg']?.kind).toBe('leak');
    expect(scenario.variants['historical']).toMatchObject({ historical: true });
    expect(scenario.variants['counterfactual']).toMatchObject({ counterfactual: true });
  });

  it('frames the reporting telegram in its 1962 form', () => {
    expect(scenario.telegram).toMatchObject({ classification: 'SECRET', from: 'Mexico City', reference: 'Depcirtel 938', signature: 'MANN' });
    expect(scenario.telegram.formSource).toMatch(/invented/);
    for (const [id, p] of Object.entries(scenario.telegram.paragraphs)) {
      expect(paragraphText(p), id).not.toMatch(/^\s*\d/);
      // Every paragraph the student can draft is judged: it names its part.
      expect(typeof p, id).toBe('object');
    }
  });

  it('records what is unconfirmed as unconfirmed in the facts', () => {
    const facts = scenario.facts.map((f) => f.text).join('\n');
    expect(facts).toMatch(/No record has been found of Ambassador Mann's meeting/);
    expect(facts).toMatch(/not confirmed/);
    expect(facts).toMatch(/invented/);
  });
});

describe('scenarios/mexico.yaml: references', () => {
  it('points every choice and outcome at an existing node', () => {
    for (const { from, edge } of allEdges) expect(scenario.nodes[edge.next], `${from} -> ${edge.next}`).toBeDefined();
    expect(scenario.nodes[scenario.start]).toBeDefined();
  });

  it('has every speaker among the people or the narrator', () => {
    for (const id of nodeIds) {
      const speaker = nodeOf(id).speaker;
      expect(speaker === 'narrator' || speaker in scenario.people, `${id}: ${speaker}`).toBe(true);
    }
  });

  it('uses only declared responses, pitfalls, paragraphs and variants', () => {
    for (const e of allEffects) {
      if ('actual' in e) expect(scenario.responses[e.actual], e.actual).toBeDefined();
      if ('report' in e) expect(scenario.responses[e.report], e.report).toBeDefined();
      if ('leak' in e) expect(scenario.pitfalls[e.leak], e.leak).toBeDefined();
      if ('draft' in e) expect(scenario.telegram.paragraphs[e.draft], e.draft).toBeDefined();
    }
    for (const c of allConditions) {
      if ('actual' in c) expect(scenario.responses[c.actual], c.actual).toBeDefined();
      if ('reported' in c) expect(scenario.responses[c.reported], c.reported).toBeDefined();
      if ('leaked' in c) expect(scenario.pitfalls[c.leaked], c.leaked).toBeDefined();
      if ('variant' in c) expect(scenario.variants[c.variant], c.variant).toBeDefined();
    }
  });

  it('reads only flags that some effect sets', () => {
    const set = new Set(allEffects.flatMap((e) => ('set' in e ? [e.set] : [])));
    for (const c of allConditions) {
      if ('flag' in c) expect(set.has(c.flag), c.flag).toBe(true);
      if ('notFlag' in c) expect(set.has(c.notFlag), c.notFlag).toBe(true);
    }
  });

  it('drafts every telegram paragraph somewhere, and sets every response both as actual and as reported', () => {
    const drafted = new Set(allEffects.flatMap((e) => ('draft' in e ? [e.draft] : [])));
    expect([...drafted].sort()).toEqual(Object.keys(scenario.telegram.paragraphs).sort());
    const actual = new Set(allEffects.flatMap((e) => ('actual' in e ? [e.actual] : [])));
    const reported = new Set(allEffects.flatMap((e) => ('report' in e ? [e.report] : [])));
    expect([...actual].sort()).toEqual(Object.keys(scenario.responses).sort());
    expect([...reported].sort()).toEqual(Object.keys(scenario.responses).sort());
  });

  it('uses the deadline in conditions, and marks the démarche and the sending', () => {
    expect(allConditions.some((c) => 'before' in c && c.before === 'deadline')).toBe(true);
    expect(allConditions.some((c) => 'after' in c && c.after === 'deadline')).toBe(true);
    expect(allEffects.some((e) => 'mark' in e && e.mark === 'met')).toBe(true);
    expect(allEffects.some((e) => 'mark' in e && e.mark === 'sent')).toBe(true);
  });
});

describe('scenarios/mexico.yaml: the graph', () => {
  it('has all six phases, in order along every edge', () => {
    const phases = new Set(nodeIds.map((id) => nodeOf(id).phase));
    expect([...phases].sort()).toEqual([...PHASES].sort());
    for (const { from, edge } of allEdges) {
      const a = PHASES.indexOf(nodeOf(from).phase);
      const b = PHASES.indexOf(nodeOf(edge.next).phase);
      expect(b, `${from} (${nodeOf(from).phase}) -> ${edge.next} (${nodeOf(edge.next).phase})`).toBeGreaterThanOrEqual(a);
    }
  });

  it('has at least 25 decision points', () => {
    const decisions = nodeIds.filter((id) => nodeOf(id).choices !== undefined);
    expect(decisions.length).toBeGreaterThanOrEqual(25);
    const washington = decisions.filter((id) => nodeOf(id).phase === 'washington');
    expect(washington.length).toBeGreaterThanOrEqual(2);
  });

  it('has no loops', () => {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') throw new Error(`loop: ${[...path, id].join(' -> ')}`);
      state.set(id, 'open');
      for (const edge of edgesOf(nodeOf(id))) visit(edge.next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of nodeIds) visit(id, []);
  });

  it('reads the world variant at one point of each path only (so the search may fork there)', () => {
    const after = (id: string, seen = new Set<string>()): Set<string> => {
      for (const e of edgesOf(nodeOf(id))) {
        if (!seen.has(e.next)) {
          seen.add(e.next);
          after(e.next, seen);
        }
      }
      return seen;
    };
    expect(variantReaders.size).toBeGreaterThan(0);
    for (const id of variantReaders) {
      expect([...after(id)].filter((n) => variantReaders.has(n)), id).toEqual([]);
    }
  });

  it('gives every non-ending node an unconditioned way on, and keeps endings in the debrief', () => {
    for (const id of nodeIds) {
      const node = nodeOf(id);
      if (node.ending) {
        expect(node.phase, id).toBe('debrief');
        continue;
      }
      expect(edgesOf(node).some((e) => e.if === undefined), id).toBe(true);
    }
  });

  it('reaches every node from the start, and no ending without a report-phase node', () => {
    const reachable = new Set<string>();
    const todo = [scenario.start];
    while (todo.length > 0) {
      const id = todo.pop() ?? '';
      if (reachable.has(id)) continue;
      reachable.add(id);
      todo.push(...edgesOf(nodeOf(id)).map((e) => e.next));
    }
    expect(nodeIds.filter((id) => !reachable.has(id))).toEqual([]);

    const beforeReport = new Set<string>();
    const walk = [scenario.start];
    while (walk.length > 0) {
      const id = walk.pop() ?? '';
      if (beforeReport.has(id) || nodeOf(id).phase === 'report') continue;
      beforeReport.add(id);
      expect(nodeOf(id).ending, `${id} is an ending reached without a report`).toBeUndefined();
      walk.push(...edgesOf(nodeOf(id)).map((e) => e.next));
    }
  });

  it('costs realistic minutes', () => {
    for (const id of nodeIds) {
      for (const choice of nodeOf(id).choices ?? []) expect(choice.minutes, `${id}: ${choice.label}`).toBeLessThanOrEqual(120);
    }
    const points = nodeOf('meet-points').choices ?? [];
    expect(points.every((c) => c.minutes >= 10 && c.minutes <= 60)).toBe(true);
    const send = (nodeOf('report-send').choices ?? []).filter((c) => (c.effects ?? []).some((e) => 'mark' in e));
    expect(send.every((c) => c.minutes >= 30 && c.minutes <= 60)).toBe(true);
  });
});

describe('scenarios/mexico.yaml: every playthrough, by exhaustive search', () => {
  // A few seconds here (the time is printed with the count of paths); the generous timeout is for slow machines.
  beforeAll(() => {
    explored();
  }, 60_000);

  it('never gets stuck', () => {
    const { deadEnds, endings, states } = explored();
    expect(deadEnds).toEqual([]);
    expect(endings.length).toBeGreaterThan(0);
    expect(states).toBeGreaterThan(100);
  });

  it('reaches endings with at least three different actual responses', () => {
    const actual = new Set(explored().endings.map((e) => e.actual));
    expect(actual.has(null)).toBe(false);
    expect([...actual].sort()).toEqual(['opposed', 'reserved', 'support']);
  });

  it('reaches endings in both variants', () => {
    const variants = new Set(explored().endings.map((e) => e.variant));
    expect([...variants].sort()).toEqual(['counterfactual', 'historical']);
  });

  it('lets every pitfall be taken: the FYI leak, the USUN leak and every promise', () => {
    const leaks = new Set(explored().endings.flatMap((e) => e.leaks));
    for (const id of Object.keys(scenario.pitfalls)) expect(leaks.has(id), id).toBe(true);
    expect(explored().endings.some((e) => e.leaks.length === 0)).toBe(true);
  });

  it('reaches an ending with the deadline missed, and one with it met', () => {
    const { endings } = explored();
    expect(endings.some((e) => e.met === undefined || e.met >= deadline)).toBe(true);
    expect(endings.some((e) => e.met !== undefined && e.met < deadline && e.sent !== undefined && e.sent < deadline)).toBe(true);
  });

  it('reaches endings with a faithful report and with a misreport, in both variants', () => {
    for (const variant of ['historical', 'counterfactual']) {
      const endings = explored().endings.filter((e) => e.variant === variant);
      expect(endings.some((e) => e.reported === e.actual), variant).toBe(true);
      expect(endings.some((e) => e.reported !== null && e.reported !== e.actual), variant).toBe(true);
    }
  });

  it('lets the report differ from the actual response in every combination', () => {
    const pairs = new Set(explored().endings.map((e) => `${e.actual}/${e.reported}`));
    for (const a of Object.keys(scenario.responses)) {
      for (const r of Object.keys(scenario.responses)) expect(pairs.has(`${a}/${r}`), `${a}/${r}`).toBe(true);
    }
  });

  it('reaches every ending node', () => {
    const reached = new Set(explored().endings.map((e) => e.node));
    const endingNodes = nodeIds.filter((id) => nodeOf(id).ending !== undefined);
    expect(endingNodes.filter((id) => !reached.has(id))).toEqual([]);
  });

  it('keeps the late flags in step with the marks, and the ending with the report', () => {
    // Each check over some 19,000 end states, collected and asserted once (an expect per state is slow).
    const wrong: string[] = [];
    const check = (ok: boolean, what: string): void => void (ok || wrong.push(what));
    for (const e of explored().endings) {
      check(e.met !== undefined, `${e.node}: no meeting time`);
      // Only a student who kept the telegram in the safe to the end has no time of sending.
      check((e.sent === undefined) === (e.outcome === 'no-report'), `${e.node}: sent ${String(e.sent)} with outcome ${e.outcome}`);
      check(e.flags.includes('late-meeting') === (e.met ?? Infinity) >= deadline, `${e.node} met at ${e.met}`);
      if (!e.flags.includes('routine') && e.sent !== undefined) {
        check(e.flags.includes('sent-late') === (e.sent ?? Infinity) >= deadline, `${e.node} sent at ${e.sent}`);
      }
      const late = ['late-meeting', 'sent-late', 'routine'].some((f) => e.flags.includes(f));
      if (e.outcome === 'deadline-missed') check(late, `${e.node}: deadline missed but nothing late`);
      if (e.outcome === 'faithful-report') check(e.reported === e.actual, `${e.node}: faithful but ${e.reported} for ${e.actual}`);
      if (e.outcome === 'overstated-report' || e.outcome === 'understated-report') check(e.reported !== e.actual, `${e.node}: misreport of the actual reaction`);
      if (e.variant === 'historical') check(!e.node.startsWith('end-c-'), `${e.node} in the historical world`);
      if (e.variant === 'counterfactual') check(!e.node.startsWith('end-h-'), `${e.node} in the counterfactual`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets a promise show up in the counterfactual', () => {
    expect(explored().endings.some((e) => e.outcome === 'broken-promise' && e.variant === 'counterfactual')).toBe(true);
  });
});

describe('scenarios/mexico.yaml: a typical playthrough', () => {
  const walks = Array.from({ length: 400 }, (_, i) => randomWalk(i + 1, i % 2 === 0 ? 'historical' : 'counterfactual'));

  it('takes about 18 to 24 decisions', () => {
    const decisions = median(walks.map((w) => w.decisions));
    expect(decisions).toBeGreaterThanOrEqual(18);
    expect(decisions).toBeLessThanOrEqual(24);
  });

  it('is 15 to 25 minutes of reading, with the cable, at about 150 words a minute', () => {
    const cableWords = cable.pages.flatMap((p) => p.blocks).reduce((n, b) => n + b.text.split(/\s+/).length, 0);
    const minutes = (median(walks.map((w) => w.words)) + cableWords) / 150;
    expect(minutes).toBeGreaterThanOrEqual(15);
    expect(minutes).toBeLessThanOrEqual(25);
  });

  it('keeps node texts readable aloud', () => {
    const count = (t: string): number => t.split(/\s+/).length;
    for (const id of nodeIds) {
      const node = nodeOf(id);
      const passages = (node.passages ?? []).map((p) => count(p.text));
      const words = count(node.text) + (node.ending ? count(node.ending.summary) : 0);
      expect(words + Math.min(Infinity, ...passages, passages.length ? Infinity : 0), id).toBeGreaterThanOrEqual(40);
      expect(words + Math.max(0, ...passages), id).toBeLessThanOrEqual(150);
    }
  });
});

describe('scenarios/mexico.yaml: honesty, memory and time', () => {
  /** Morning appointment, a slip of the FYI kind in the meeting, the telegram sent in good time. */
  const slipped = (picks: Record<string, RegExp>): SessionState =>
    play({
      picks: { 'appt-protocol': /first thing tomorrow/, 'meet-others': /NATO/, ...picks },
      rolls: { 'meet-response': 'meet-reply-reserved' },
    });

  it('counts a telegram that claims strict compliance after a slip as concealment', () => {
    expect(slipped({ 'report-remarks': /kept strictly/, 'wash-echo-fyi': /your mistake/ }).leaks).toContain('hid-slip');
  });

  it('counts denying a slip to the Department as concealment, and owning up as none', () => {
    expect(slipped({ 'report-remarks': /Say nothing/, 'wash-echo-fyi': /elsewhere/ }).leaks).toContain('hid-slip');
    const owned = slipped({ 'report-remarks': /Say nothing/, 'wash-echo-fyi': /your mistake/ });
    expect(owned.leaks).not.toContain('hid-slip');
    expect(owned.flags).toContain('owned-up');
    const reported = slipped({ 'report-remarks': /went beyond/ });
    expect(reported.leaks).not.toContain('hid-slip');
    expect(reported.sent?.draft).toContain('beyond');
  });

  it('lets a student who made no slip write that he kept strictly to the circular', () => {
    const clean = play({ picks: { 'appt-protocol': /first thing tomorrow/, 'report-remarks': /kept strictly/ } });
    expect(clean.leaks).toEqual([]);
    expect(clean.sent?.draft).toContain('strict');
  });

  it('sets no flag that nothing reads', () => {
    const read = new Set(allConditions.flatMap((c) => ('flag' in c ? [c.flag] : 'notFlag' in c ? [c.notFlag] : [])));
    const set = new Set(allEffects.flatMap((e) => ('set' in e ? [e.set] : [])));
    expect([...set].filter((f) => !read.has(f))).toEqual([]);
  });

  it('offers all three detail paragraphs and every reaction, whatever Tello said', () => {
    for (const actual of Object.keys(scenario.responses)) {
      const rolls = { 'meet-response': `meet-reply-${actual}` };
      const atWords = play({ picks: { 'appt-protocol': /first thing tomorrow/ }, rolls, stopAt: 'report-words' });
      expect(atWords.actual).toBe(actual);
      const drafts = availableChoices(scenario, atWords).flatMap((c) =>
        (nodeOf('report-words').choices?.[c.index]?.effects ?? []).flatMap((e) => ('draft' in e ? [e.draft] : [])),
      );
      expect(drafts.sort(), actual).toEqual(['words-opposed', 'words-reserved', 'words-support']);
      const atStart = play({ picks: { 'appt-protocol': /first thing tomorrow/ }, rolls, stopAt: 'report-start' });
      expect(availableChoices(scenario, atStart)).toHaveLength(3);
    }
  });

  it('offers a correction to each reaction but the one reported, whatever Tello said', () => {
    const reports: Record<string, RegExp> = { support: /supports/, reserved: /reserves/, opposed: /opposes/ };
    for (const actual of Object.keys(scenario.responses)) {
      for (const [reported, label] of Object.entries(reports)) {
        const atQuery = play({
          picks: { 'appt-protocol': /first thing tomorrow/, 'report-start': label },
          rolls: { 'meet-response': `meet-reply-${actual}` },
          stopAt: 'wash-reply',
        });
        const targets = availableChoices(scenario, atQuery).flatMap((c) =>
          (nodeOf('wash-reply').choices?.[c.index]?.effects ?? []).flatMap((e) => ('report' in e ? [e.report] : [])),
        );
        const others = Object.keys(scenario.responses).filter((r) => r !== reported);
        expect(targets.sort(), `${actual}/${reported}`).toEqual(others.sort());
      }
    }
  });

  it('moves the clock to 17:00 on every way into the press conference', () => {
    for (const { from, edge } of allEdges.filter(({ edge }) => edge.next === 'wash-press')) {
      const to = (edge.effects ?? []).flatMap((e) => ('clockTo' in e ? [timeOf(e.clockTo)] : []));
      expect(Math.max(-Infinity, ...to), from).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('asks about tomorrow\'s Organ meeting only before the President speaks', () => {
    for (const variant of ['historical', 'counterfactual']) {
      const late = play({ variant, picks: { 'appt-call': /President's office/, 'appt-wait-president': /Keep/ }, stopAt: 'wash-press' });
      expect(late.node, variant).toBe('wash-press');
      // At the Department's reply no correction was offered: the only way on was to the radio room.
      const trail = late.trail.find((t) => t.node === 'wash-reply');
      expect(nodeOf('wash-reply').choices?.[trail?.choice ?? -1]?.fallback, variant).toBe(true);
      expect(late.marks.met ?? 0).toBeGreaterThanOrEqual(deadline);
    }
  });

  it('shuffles the questions and keeps the ordered lists in their order', () => {
    for (const id of ['meet-points', 'meet-q-pol', 'meet-q-planes', 'meet-q-invasion', 'meet-organ', 'meet-others', 'meet-reaction',
      'meet-reply-support', 'meet-reply-reserved', 'meet-reply-opposed', 'report-start', 'report-words', 'report-remarks',
      'report-comment', 'wash-reply', 'wash-h', 'wash-c', 'wash-echo-fyi', 'wash-echo-usun', 'wash-echo-promise']) {
      expect(nodeOf(id).shuffle, id).toBe(true);
    }
    for (const id of ['cable-deadline', 'cable-whom', 'cable-limits', 'appt-protocol', 'report-send']) {
      expect(nodeOf(id).shuffle, id).toBeUndefined();
    }
  });
});

describe('scenarios/mexico.yaml: the endings agree with the rubric', () => {
  beforeAll(() => {
    explored();
  }, 60_000);

  it('scores every ending as it tells it', () => {
    const wrong: string[] = [];
    for (const e of explored().endings) {
      const rubric = scoreRubric(scenario, e.state);
      const fidelity = rubric.fidelity.status;
      if (e.outcome === 'faithful-report' && fidelity !== 'match') wrong.push(`${e.node}: fidelity ${fidelity}`);
      if (e.outcome === 'corrected-report' && fidelity !== 'corrected') wrong.push(`${e.node}: fidelity ${fidelity}`);
      if ((e.outcome === 'overstated-report' || e.outcome === 'understated-report') && fidelity !== 'mismatch') wrong.push(`${e.node}: fidelity ${fidelity}`);
      if (e.outcome === 'deadline-missed' && rubric.timeliness.level === 'good') wrong.push(`${e.node}: on time though late`);
      if (/^end-h-(faithful|corrected|overstated|understated)$/.test(e.node) && rubric.timeliness.level !== 'good') wrong.push(`${e.node}: timeliness ${rubric.timeliness.level}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  }, 60_000);

  it('says which lateness it was as it happened, and keeps late reports that arrive before Wednesday on the fidelity endings', () => {
    for (const e of explored().endings) {
      const has = (f: string): boolean => e.flags.includes(f);
      // A report never sent, and a slip hidden, come before lateness.
      if (e.sent === undefined || e.leaks.includes('hid-slip')) continue;
      if (e.variant === 'historical') {
        if (has('late-meeting')) expect(e.node).toBe('end-h-late-meeting');
        else if (has('routine')) expect(e.node).toBe('end-h-routine');
        else if (has('sent-late')) expect(e.node).toBe('end-h-sent-late');
      } else if (has('routine') && !has('resent') && !has('changed-report')) {
        expect(e.node).toBe('end-c-routine');
      } else if (!e.leaks.includes('promise-no-pol')) {
        expect(e.outcome, e.node).not.toBe('deadline-missed');
      }
    }
    const lateButRead = explored().endings.filter((e) => e.variant === 'counterfactual' && (e.flags.includes('late-meeting') || e.flags.includes('sent-late')) && !e.flags.includes('routine'));
    expect(new Set(lateButRead.map((e) => e.outcome))).toContain('faithful-report');
  });

  it('reaches a concealment, an owned-up slip and a corrected report', () => {
    const { endings } = explored();
    expect(endings.some((e) => e.leaks.includes('hid-slip')), 'concealment').toBe(true);
    expect(endings.some((e) => e.flags.includes('owned-up') && !e.leaks.includes('hid-slip')), 'owned up').toBe(true);
    expect(endings.some((e) => e.outcome === 'corrected-report' && e.variant === 'historical'), 'corrected, historical').toBe(true);
    expect(endings.some((e) => e.outcome === 'corrected-report' && e.variant === 'counterfactual'), 'corrected, what-if').toBe(true);
  });
});

describe('scenarios/mexico.yaml: what the student reads', () => {
  it('keeps ending summaries to 120 words at most', () => {
    for (const id of nodeIds) {
      const summary = nodeOf(id).ending?.summary;
      if (summary) expect(summary.split(/\s+/).length, id).toBeLessThanOrEqual(120);
    }
  });

  it('gives every person a short role that reads after the name', () => {
    for (const [key, person] of Object.entries(scenario.people)) {
      expect(person.role.split(/\s+/).length, key).toBeLessThanOrEqual(10);
      expect(person.role, key).not.toMatch(/\./);
    }
    expect(scenario.people['tello']?.role).toBe('Foreign Secretary of Mexico');
    expect(scenario.people['tello']?.note).toMatch(/invented/);
  });

  it('does not open a speaker\'s line with the speaker\'s own name', () => {
    for (const id of nodeIds) {
      const person = scenario.people[nodeOf(id).speaker];
      if (person) expect(nodeOf(id).text.startsWith(person.name), id).toBe(false);
    }
  });

  it('cites public sources, not the project\'s own files', () => {
    const sources = [
      scenario.post.offsetSource, scenario.post.chancery.source, scenario.post.ministry.source, scenario.washington.offsetSource,
      scenario.clock.cableSentSource, scenario.clock.deadlineSource, scenario.stance.source, scenario.telegram.formSource,
      ...Object.values(scenario.people).flatMap((p) => ('source' in p ? [p.source] : [])),
      ...scenario.facts.map((f) => f.source),
      ...Object.values(scenario.variants).flatMap((v) => ('source' in v ? [v.source] : [])),
      cable.source,
      ...glossary.terms.map((t) => t.source),
    ];
    for (const source of sources) expect(source).not.toMatch(/history(-second-pass)?\.md|circular-938-ocr|shared\//);
    // Nor the project's working notes by name: a student reads these sources.
    for (const source of sources) expect(source).not.toMatch(/\(research|research notes|(second|third)[ -]pass|TODO/i);
  });

  it('shows the student the circular\'s notes in plain words, without the file\'s own marks or block kinds', () => {
    for (const note of cable.notes) expect(note).not.toMatch(/`|~~|\[\[|\bkind\b|OCR's order/);
  });
});

// ---------------------------------------------------------------- the heart: Washington acts on the report

/** Which of the eleven situations an ended state is in: a pair of actual and last reported reaction on time, a late report, none. */
function situationOf(s: SessionState): string {
  if (!claimHolds(scenario, s, 'report-sent')) return 'no report';
  if (!claimHolds(scenario, s, 'reported-in-time')) return 'late report';
  return `${s.actual ?? '-'} reported as ${s.reported ?? '-'}`;
}

/** What the Wednesday scene of the state's world says came of the report. */
function outcomeText(s: SessionState): string {
  const id = s.variant === 'historical' ? 'debrief-h' : 'debrief-c';
  return nodeText(scenario, nodeOf(id), s).slice(1).join('\n');
}

describe('scenarios/mexico.yaml: verdicts proven over every path', () => {
  beforeAll(() => {
    explored();
  }, 60_000);

  it('states claims on every ending, and reaches an ending only when its claims hold', () => {
    for (const id of nodeIds) {
      const ending = nodeOf(id).ending;
      if (ending) expect(Object.keys(ending.claims ?? {}).length, id).toBeGreaterThan(0);
    }
    const { endings, paths, states } = explored();
    const broken = endings.flatMap((e) =>
      brokenClaims(scenario, e.state).map((b) => `${e.node} claims ${b.claim}: ${String(b.stated)} (actual ${e.actual}, reported ${e.reported}, leaks ${e.leaks.join(' ') || 'none'})`),
    );
    expect(broken).toEqual([]);
    console.log(`Claims proven: ${paths} paths through ${states} states (budget ${STATE_BUDGET}), ending in ${endings.length} distinct end states; the search took ${searchMs()} ms.`);
    expect(paths).toBeGreaterThan(1_000_000n);
  });

  it('never ends a hidden slip under a title that vouches for the record', () => {
    for (const e of explored().endings) {
      // A telegram that never left hid nothing from anyone; its ending is the missing report.
      if (!e.leaks.includes('hid-slip') || e.sent === undefined) continue;
      expect(e.outcome, e.node).toBe('concealed-slip');
    }
  });

  it('tells each of the eleven situations its own outcome, in each world', () => {
    for (const variant of ['historical', 'counterfactual']) {
      const texts = new Map<string, Set<string>>();
      for (const e of explored().endings.filter((x) => x.variant === variant)) {
        const set = texts.get(situationOf(e.state)) ?? new Set<string>();
        set.add(outcomeText(e.state));
        texts.set(situationOf(e.state), set);
      }
      expect(texts.size, variant).toBe(11);
      for (const [situation, set] of texts) expect([...set], `${variant}: ${situation}`).toHaveLength(1);
      const all = [...texts.values()].map((set) => [...set][0] ?? '');
      expect(new Set(all).size, variant).toBe(11);
      for (const text of all) expect(text.length, variant).toBeGreaterThan(80);
    }
  });

  it("shows Martin's count and the Department's reply as the telegram said, with its timeliness and what was admitted", () => {
    const reports: Record<string, RegExp> = { support: /supports/, reserved: /reserves/, opposed: /opposes/ };
    const replies = new Set<string>();
    for (const [reported, label] of Object.entries(reports)) {
      const atCount = play({
        picks: { 'appt-protocol': /first thing tomorrow/, 'report-start': label },
        rolls: { 'meet-response': 'meet-reply-reserved' },
        stopAt: 'wash-count',
      });
      const mexico = washingtonCount(scenario, atCount).rows.find((r) => r.post);
      expect(mexico?.line, reported).toBe(scenario.responses[reported]?.count);
      const atReply = play({
        picks: { 'appt-protocol': /first thing tomorrow/, 'report-start': label },
        rolls: { 'meet-response': 'meet-reply-reserved' },
        stopAt: 'wash-reply',
      });
      replies.add(nodeText(scenario, nodeOf('wash-reply'), atReply).join('\n'));
    }
    const routine = play({ picks: { 'appt-protocol': /first thing tomorrow/, 'report-send': /ROUTINE/ }, stopAt: 'wash-reply' });
    expect(washingtonCount(scenario, routine).rows.find((r) => r.post)?.vote).toBeNull();
    replies.add(nodeText(scenario, nodeOf('wash-reply'), routine).join('\n'));
    const unsent = play({ picks: { 'appt-protocol': /first thing tomorrow/, 'report-send': /Send nothing/ }, stopAt: 'wash-reply' });
    expect(washingtonCount(scenario, unsent).rows.find((r) => r.post)?.line).toMatch(/No word yet/);
    const owned = play({
      picks: { 'appt-protocol': /first thing tomorrow/, 'meet-others': /NATO/, 'report-remarks': /went beyond/ },
      rolls: { 'meet-response': 'meet-reply-reserved' },
      stopAt: 'wash-reply',
    });
    replies.add(nodeText(scenario, nodeOf('wash-reply'), owned).join('\n'));
    const hidden = play({
      picks: { 'appt-protocol': /first thing tomorrow/, 'meet-others': /NATO/, 'report-remarks': /kept strictly/ },
      rolls: { 'meet-response': 'meet-reply-reserved' },
      stopAt: 'wash-reply',
    });
    replies.add(nodeText(scenario, nodeOf('wash-reply'), hidden).join('\n'));
    // Three reported reactions, a report not on the desk, and an admitted and a hidden slip: six different replies.
    expect(replies.size).toBe(6);
  });

  it('raises a leak with the Department by telegram, and asks Mexico only about the NATO half of the FYI paragraph', () => {
    for (const id of ['wash-echo-fyi', 'wash-echo-usun', 'wash-echo-promise']) {
      expect(nodeOf(id).speaker, id).toBe('narrator');
      expect(nodeOf(id).text, id).toMatch(/telegram/);
    }
    expect(nodeOf('wash-echo-fyi').text).toMatch(/NATO/);
    expect(nodeOf('wash-echo-fyi').text).not.toMatch(/ambassadors/);
  });
});

// ---------------------------------------------------------------- a fair rubric

/** A careful student: the patterns a thoughtful player follows, and an honest report of what Tello actually said. */
function carefulPick(state: SessionState): number {
  const open = availableChoices(scenario, state);
  const honest: Record<string, RegExp[]> = {
    support: [/Mexico supports/, /his support, and his caveat/, /can count on Mexico/],
    reserved: [/Mexico reserves/, /only after the President/, /final word will be the President's/],
    opposed: [/Mexico opposes/, /objections to force/, /back withdrawal but abstain/],
  };
  const patterns = [
    /Read it through twice/, /17:00 Tuesday/, /either will do/, /FYI paragraph and the lines for USUN/, /night line/,
    /first thing tomorrow/, /Accept 08:30/, /Spanish talking points/, /consultation among the republics/, /It might happen/,
    /as \(d\) says/, /speak for himself at six/, /Explain the request, and the US wish/, /every American republic hears the same/,
    /to report before your President speaks/, /Thank him and take your leave/, /kept strictly/, /^NIACT/,
    /Confirm that your telegram stands/, /Send nothing more/, /Leave it to the OAS/, /Read what came/,
    ...(honest[state.actual ?? ''] ?? []),
  ];
  for (const p of patterns) {
    const hit = open.find((c) => p.test(c.label));
    if (hit) return hit.index;
  }
  return open[0]?.index ?? 0;
}

type Policy = (state: SessionState, random: () => number) => number;

function playPolicy(seed: number, variant: string, policy: Policy): SessionState {
  let state = initialState(scenario, { seed, variant });
  let picker = (seed * 2654435761) >>> 0;
  const random = (): number => {
    const [value, after] = nextRandom(picker);
    picker = after;
    return value;
  };
  for (let guard = 0; guard < 300 && !currentNode(scenario, state).ending; guard++) {
    const choice = currentNode(scenario, state).chance ? 0 : policy(state, random);
    const result = step(scenario, state, { type: 'choice.made', choice });
    if (!result.ok) throw new Error(`${state.node}: ${result.error}`);
    state = result.state;
  }
  return state;
}

/** Random keys: any of the choices on screen, each as likely. */
const randomKeys: Policy = (state, random) => {
  const open = availableChoices(scenario, state);
  return open[Math.floor(random() * open.length)]?.index ?? 0;
};

/** The same key every time: the k-th choice on screen (or the last, where there are fewer). */
const sameKey = (k: number): Policy => (state) => {
  const open = availableChoices(scenario, state);
  return open[Math.min(k, open.length) - 1]?.index ?? 0;
};

function summary(points: readonly number[]): { min: number; median: number; p90: number; max: number; mean: number } {
  const sorted = [...points].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { min: at(0), median: at(0.5), p90: at(0.9), max: at(1), mean: Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10 };
}

describe('scenarios/mexico.yaml: a careless student does not do well, a careful one can do very well', () => {
  const seeds = Array.from({ length: 400 }, (_, i) => i + 1);
  const variantOf = (seed: number): string => (seed % 2 === 0 ? 'historical' : 'counterfactual');
  const score = (s: SessionState): number => scoreRubric(scenario, s).total.points;
  const max = scoreRubric(scenario, initialState(scenario, { seed: 1, variant: 'historical' })).total.max;

  it('scores random keys and the same key every time well below a careful student, and prints the distribution', () => {
    const careful = seeds.map((seed) => score(playPolicy(seed, variantOf(seed), (s) => carefulPick(s))));
    const random = seeds.map((seed) => score(playPolicy(seed, variantOf(seed), randomKeys)));
    const same = [1, 2, 3, 4].map((k) => ({ k, points: seeds.slice(0, 100).map((seed) => score(playPolicy(seed, variantOf(seed), sameKey(k)))) }));
    console.log(`Rubric totals out of ${max} over ${seeds.length} seeded games each:`);
    console.log(`  careful student:  ${JSON.stringify(summary(careful))}`);
    console.log(`  random keys:      ${JSON.stringify(summary(random))}`);
    for (const { k, points } of same) console.log(`  key ${k} every time: ${JSON.stringify(summary(points))}`);
    expect(summary(careful).min).toBeGreaterThanOrEqual(max - 1);
    expect(summary(random).median).toBeLessThanOrEqual(max / 2);
    expect(summary(random).p90).toBeLessThan(summary(careful).min - 3);
    for (const { k, points } of same) expect(summary(points).median, `key ${k}`).toBeLessThanOrEqual(max / 2);
  }, 60_000);

  it('gives a promise Washington never authorised no better chance of a warm answer', () => {
    const response = nodeOf('meet-response').chance ?? [];
    for (const outcome of response) {
      const parts = conditionParts(outcome.if);
      const promises = parts.some((c) => 'leaked' in c && scenario.pitfalls[c.leaked]?.kind === 'promise');
      const warmer = (outcome.effects ?? []).some((e) => 'actual' in e && e.actual !== 'opposed');
      expect(promises && warmer, JSON.stringify(outcome.if)).toBe(false);
    }
  });

  it('explains every draw of the reaction with a reason', () => {
    for (const id of nodeIds) {
      const chance = nodeOf(id).chance ?? [];
      if (!chance.some((o) => (o.effects ?? []).some((e) => 'actual' in e))) continue;
      for (const [i, o] of chance.entries()) expect(o.reason, `${id} outcome ${i}`).toBeDefined();
    }
  });
});
