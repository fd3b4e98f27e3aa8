/**
 * The checks the schema cannot express: references between parts of a scenario, the clock,
 * the world variants, the order of phases and the shape of the graph (check-graph.ts).
 * Every problem is reported, each at its path. Pure.
 */
import { parseTime } from '../engine/clock.ts';
import { checkGraph, exitsOf, type Report } from './check-graph.ts';
import { issueAt, sortIssues, unlocated, type Locator, type PathSegment, type ScenarioIssue } from './issues.ts';
import { PHASES, type Condition, type Effect, type Scenario } from './schema.ts';
import { phasesOf } from './mission.ts';

interface Placed {
  c: Condition;
  path: PathSegment[];
}

/** Every condition inside `c` (itself included) with its path, in file order; an explicit stack, not recursion. */
function eachCondition(c: Condition, path: PathSegment[], visit: (c: Condition, path: PathSegment[]) => void): void {
  const stack: Placed[] = [{ c, path }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    visit(top.c, top.path);
    const at = top.path;
    const inner: Placed[] = [];
    if ('all' in top.c) top.c.all.forEach((x, i) => inner.push({ c: x, path: [...at, 'all', i] }));
    if ('any' in top.c) top.c.any.forEach((x, i) => inner.push({ c: x, path: [...at, 'any', i] }));
    if ('not' in top.c) inner.push({ c: top.c.not, path: [...at, 'not'] });
    // Pushed last first, so that the first is visited next.
    for (const next of inner.reverse()) stack.push(next);
  }
}

interface Uses {
  conditions: { c: Condition; path: PathSegment[] }[];
  effects: { e: Effect; path: PathSegment[] }[];
}

function collectUses(scenario: Scenario): Uses {
  const uses: Uses = { conditions: [], effects: [] };
  for (const [id, node] of Object.entries(scenario.nodes)) {
    for (const exit of exitsOf(id, node)) {
      if (exit.if) eachCondition(exit.if, [...exit.path, 'if'], (c, path) => uses.conditions.push({ c, path }));
      exit.effects.forEach((e, i) => uses.effects.push({ e, path: [...exit.path, 'effects', i] }));
    }
    // A passage's condition reads the same vocabulary as an exit's, so it is checked the same way.
    (node.passages ?? []).forEach((p, i) => {
      if (p.if) eachCondition(p.if, ['nodes', id, 'passages', i, 'if'], (c, path) => uses.conditions.push({ c, path }));
    });
  }
  // So does the condition of a place that depends on the state.
  for (const [phase, place] of Object.entries(scenario.mission?.places ?? {})) {
    if (typeof place === 'string') continue;
    place.forEach((p, i) => {
      if (p.if) eachCondition(p.if, ['mission', 'places', phase, i, 'if'], (c, path) => uses.conditions.push({ c, path }));
    });
  }
  return uses;
}

function keysOf(record: object): Set<string> {
  return new Set(Object.keys(record));
}

function checkTime(value: string, path: PathSegment[], report: Report): number | null {
  const t = parseTime(value);
  if (t === null) report(path, `"${value}" is not a real date and time`);
  return t;
}

function checkReferences(scenario: Scenario, uses: Uses, report: Report): void {
  const nodes = keysOf(scenario.nodes);
  const people = keysOf(scenario.people);
  const responses = keysOf(scenario.responses);
  const pitfalls = keysOf(scenario.pitfalls);
  const variants = keysOf(scenario.variants);
  const paragraphs = keysOf(scenario.telegram.paragraphs);
  const need = (set: Set<string>, id: string, path: PathSegment[], what: string, where?: string): void => {
    if (!set.has(id)) report(path, `no ${what} "${id}"${where === undefined ? '' : ` in ${where}`}`);
  };

  need(nodes, scenario.start, ['start'], 'node');
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.speaker !== 'narrator' && !people.has(node.speaker)) {
      report(['nodes', id, 'speaker'], `no person "${node.speaker}" in people (a speaker is "narrator" or a key of people)`);
    }
    for (const exit of exitsOf(id, node)) need(nodes, exit.next, [...exit.path, 'next'], 'node');
  }

  const setFlags = new Set(uses.effects.flatMap(({ e }) => ('set' in e ? [e.set] : [])));
  const counters = new Set(uses.effects.flatMap(({ e }) => ('add' in e ? [e.add.counter] : [])));
  for (const { c, path } of uses.conditions) {
    if ('actual' in c) need(responses, c.actual, [...path, 'actual'], 'response', 'responses');
    if ('reported' in c) need(responses, c.reported, [...path, 'reported'], 'response', 'responses');
    if ('leaked' in c) need(pitfalls, c.leaked, [...path, 'leaked'], 'pitfall', 'pitfalls');
    if ('variant' in c) need(variants, c.variant, [...path, 'variant'], 'variant', 'variants');
    if ('before' in c && c.before !== 'deadline') checkTime(c.before, [...path, 'before'], report);
    if ('after' in c && c.after !== 'deadline') checkTime(c.after, [...path, 'after'], report);
    // A flag or counter no effect ever changes makes its condition constant: almost always a typo.
    const flag = 'flag' in c ? c.flag : 'notFlag' in c ? c.notFlag : undefined;
    if (flag !== undefined && !setFlags.has(flag)) {
      report([...path, 'flag' in c ? 'flag' : 'notFlag'], `flag "${flag}" is never set by any "set" effect`);
    }
    if ('counter' in c && !counters.has(c.counter)) {
      report([...path, 'counter'], `counter "${c.counter}" is never changed by any "add" effect`);
    }
  }
  for (const { e, path } of uses.effects) {
    if ('actual' in e) need(responses, e.actual, [...path, 'actual'], 'response', 'responses');
    if ('report' in e) need(responses, e.report, [...path, 'report'], 'response', 'responses');
    if ('leak' in e) need(pitfalls, e.leak, [...path, 'leak'], 'pitfall', 'pitfalls');
    if ('draft' in e) need(paragraphs, e.draft, [...path, 'draft'], 'paragraph', 'telegram.paragraphs');
    if ('clockTo' in e) checkTime(e.clockTo, [...path, 'clockTo'], report);
  }

  // A judged paragraph names the reactions it fits.
  for (const [id, p] of Object.entries(scenario.telegram.paragraphs)) {
    if (typeof p === 'string' || p.part === 'remarks') continue;
    p.fits.forEach((r, i) => need(responses, r, ['telegram', 'paragraphs', id, 'fits', i], 'response', 'responses'));
  }

  // A response no effect can produce is dead data, and usually a misspelt id.
  const produced = new Set(uses.effects.flatMap(({ e }) => ('actual' in e ? [e.actual] : 'report' in e ? [e.report] : [])));
  for (const id of responses) {
    if (!produced.has(id)) report(['responses', id], 'is never set by an "actual" or a "report" effect');
  }
}

function checkClock(scenario: Scenario, report: Report): void {
  const { cableSent, start, deadline } = scenario.clock;
  const sent = checkTime(cableSent, ['clock', 'cableSent'], report);
  const begins = checkTime(start, ['clock', 'start'], report);
  const ends = checkTime(deadline, ['clock', 'deadline'], report);
  if (begins !== null && ends !== null && begins >= ends) {
    report(['clock', 'deadline'], `the deadline (${deadline}) must come after the start of play (${start})`);
  }
  if (sent !== null && begins !== null && sent > begins) {
    report(['clock', 'cableSent'], `the cable cannot be sent (${cableSent}) after play begins with it on the teletype (${start})`);
  }
}

function checkVariants(scenario: Scenario, report: Report): void {
  const variants = Object.values(scenario.variants);
  if (variants.length < 2) {
    report(['variants'], `a scenario needs at least two world variants (the historical one and a counterfactual), found ${variants.length}`);
  }
  if (!variants.some((v) => 'historical' in v)) report(['variants'], 'no variant is marked "historical: true"');
}

function checkPhases(scenario: Scenario, report: Report): void {
  const nodes = Object.entries(scenario.nodes);
  const own = phasesOf(scenario);
  for (const phase of own) {
    if (!nodes.some(([, n]) => n.phase === phase)) report(['nodes'], `no node is in phase "${phase}"; every one of ${own.join(', ')} must appear`);
  }
  for (const [id, node] of nodes) {
    if (!own.includes(node.phase)) report(['nodes', id, 'phase'], `phase "${node.phase}" is not one of this scenario's phases (mission.phases: ${own.join(', ')})`);
    if (node.ending && node.phase !== 'debrief') {
      report(['nodes', id, 'phase'], `an ending must be in phase "debrief", not "${node.phase}"`);
    }
    for (const exit of exitsOf(id, node)) {
      const target = Object.hasOwn(scenario.nodes, exit.next) ? scenario.nodes[exit.next] : undefined;
      if (target && PHASES.indexOf(target.phase) < PHASES.indexOf(node.phase)) {
        report([...exit.path, 'next'], `goes back from phase "${node.phase}" to phase "${target.phase}" (node "${exit.next}"); phases run ${PHASES.join(' → ')}`);
      }
    }
  }
}

/** The mission block: its phases in order and ending in the debrief, its rubric coherent with what it asks. */
function checkMission(scenario: Scenario, report: Report): void {
  const mission = scenario.mission;
  if (!mission) return;
  const phases = mission.phases;
  const ordered = [...phases].sort((a, b) => PHASES.indexOf(a) - PHASES.indexOf(b));
  if (phases.join() !== ordered.join() || new Set(phases).size !== phases.length) {
    report(['mission', 'phases'], `must list each phase once, in the order ${PHASES.join(' → ')}`);
  }
  if (!phases.includes('debrief')) report(['mission', 'phases'], 'must include "debrief": every game ends there');
  const seen = new Set<string>();
  mission.rubric.forEach((c, i) => {
    if (seen.has(c.criterion)) report(['mission', 'rubric', i, 'criterion'], `"${c.criterion}" is listed twice`);
    seen.add(c.criterion);
    if (c.needs && c.criterion !== 'timeliness') report(['mission', 'rubric', i, 'needs'], 'only the timeliness criterion says what must come before the deadline');
    if (c.criterion === 'completeness' && mission.points.length === 0) {
      report(['mission', 'rubric', i, 'criterion'], 'the whole message cannot be scored when mission.points lists nothing to convey');
    }
  });
  if (new Set(mission.points).size !== mission.points.length) report(['mission', 'points'], 'lists a point twice');
  const seats = Object.entries(scenario.people).filter(([, p]) => p.seat === 'guest');
  if (seats.length > 1) report(['people'], `only one person sits in the guest's chair, found ${seats.map(([k]) => k).join(', ')}`);
}

/**
 * Semantic checks of a scenario that passed the schema. With the locator of the parsed file
 * (`parseScenario(...).locator`) each issue carries its line and column; without one they carry
 * the scenario id as file and no place. Returns every issue in file order; empty when sound. Pure.
 */
export function checkScenario(scenario: Scenario, locator: Locator = unlocated(scenario.id)): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report: Report = (path, message) => issues.push(issueAt(locator, path, message));
  checkReferences(scenario, collectUses(scenario), report);
  checkClock(scenario, report);
  checkVariants(scenario, report);
  checkMission(scenario, report);
  checkPhases(scenario, report);
  checkGraph(scenario, report);
  return sortIssues(issues);
}
