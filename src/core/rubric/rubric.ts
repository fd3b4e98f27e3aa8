/**
 * The debrief rubric: how a playthrough did on timeliness, completeness, discretion, honest reporting
 * (the whole telegram, judged part by part) and candour with Washington, and which outcome it reached,
 * each with a level and a sentence a fifteen-year-old understands. The weights put the deadline and
 * candour above a small slip: see RUBRIC_GUIDE, which the title screen shows before the game.
 * Pure and deterministic: the same scenario and state give the same rubric. Times are given in
 * the post's local time from the scenario's offset, never from the runtime's time zone.
 */
import type { Point, Scenario } from '../scenario/schema.ts';
import { POINTS } from '../scenario/vocabulary.ts';
import { wallTime, type UtcMinutes } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import { deadlineOf, type SessionState } from '../engine/state.ts';
import { judgeTelegram, PART_TITLES, type JudgedPart, type PartVerdict, type TelegramJudgement } from '../telegram/judge.ts';

/** How well a criterion was met; the outcome criterion uses good/poor for reached/not reached. */
export type Level = 'good' | 'partial' | 'poor';

/** The most each scored criterion can earn: the deadline and honesty weigh most. */
export const MAX_POINTS = { timeliness: 4, completeness: 2, discretion: 2, fidelity: 4, candour: 3 } as const;

/**
 * The criteria in words a sixteen-year-old reads in a minute, shown before the game starts and
 * again in the debrief. Keep it in step with the scoring below.
 */
export const RUBRIC_GUIDE: readonly { title: string; points: number; text: string }[] = [
  { title: 'On time', points: MAX_POINTS.timeliness, text: 'See the Mexican Government and get your report to Washington before the President speaks at 6 p.m. Washington time. Missing the deadline costs the most.' },
  { title: 'The whole message', points: MAX_POINTS.completeness, text: 'Pass on every point the circular asks you to pass on.' },
  { title: 'Discretion', points: MAX_POINTS.discretion, text: 'Keep secret what is marked for you alone, and promise nothing Washington has not decided. One slip costs a point.' },
  { title: 'Honest reporting', points: MAX_POINTS.fidelity, text: 'Your telegram is read line by line: the reaction, his words, your remarks and your comment must say what really happened, and agree with each other.' },
  { title: 'Candour', points: MAX_POINTS.candour, text: 'If you slip, tell Washington. Hiding a slip costs more than the slip itself.' },
];

/** What each point of the circular says, in plain words. */
export const POINT_LABELS: Readonly<Record<Point, string>> = {
  a: '(a) the Soviets have still not properly removed the IL-28 bombers',
  b: '(b) organized Soviet military units are in Cuba',
  c: '(c) Castro says he will fire on US reconnaissance planes',
  d: '(d) an incident may happen and the US will hit back',
  e: '(e) what happens next depends on what the Soviets choose',
  f: '(f) the quarantine may come back and cover fuel (POL) too',
  g: '(g) the President will speak on Tuesday afternoon; this would change materially if Khrushchev answered favourably on the IL-28s',
  h: '(h) the US counts on its allies to cooperate fully',
  organ: 'the request for a meeting of the Organ of Consultation on Wednesday 21 November',
  reaction: "the request for the government's reaction",
};

interface CriterionBase<Id extends string> {
  id: Id;
  title: string;
  level: Level;
  /** LEVEL_POINTS of the level; 0 for a criterion that is not scored. */
  points: number;
  /** 2 for a scored criterion, 0 for one that is only reported (the outcome). */
  maxPoints: number;
  sentence: string;
}

/** Whether the démarche (`marks.met`) and the report (`marks.sent`) came before the deadline. */
export interface TimelinessCriterion extends CriterionBase<'timeliness'> {
  /** Local wall-clock labels ("Mon 19 Nov 21:30"), or null when it never happened. */
  met: string | null;
  sent: string | null;
  metInTime: boolean;
  sentInTime: boolean;
  deadline: string;
}

/** Which of the ten things the circular asks to convey were conveyed. */
export interface CompletenessCriterion extends CriterionBase<'completeness'> {
  conveyed: { point: Point; label: string }[];
  missing: { point: Point; label: string }[];
  count: number;
  total: number;
}

/** The pitfalls taken, in order, with the scenario's labels and explanations. */
export interface DiscretionCriterion extends CriterionBase<'discretion'> {
  pitfalls: { id: string; kind: 'leak' | 'promise' | 'concealment' | null; label: string; explanation: string }[];
}

/** Whether a slip was owned up to, kept quiet, or hidden by a false word to Washington. */
export interface CandourCriterion extends CriterionBase<'candour'> {
  status: 'no-slip' | 'owned' | 'silent' | 'concealed';
}

/** The reported response against the actual one. */
export interface FidelityCriterion extends CriterionBase<'fidelity'> {
  status: 'match' | 'mismatch' | 'corrected' | 'not-reported' | 'no-reaction';
  actual: { id: string; label: string } | null;
  /** The reaction as the telegram sent it. */
  reported: { id: string; label: string } | null;
  /** A different reaction given to Washington after the telegram, if any. */
  later: { id: string; label: string } | null;
  /** The whole telegram, part by part. */
  telegram: TelegramJudgement;
}

/** The ending reached; reported, not scored (it follows from the other decisions and the variant). */
export interface OutcomeCriterion extends CriterionBase<'outcome'> {
  outcome: string | null;
  outcomeTitle: string | null;
}

/** Any one criterion, as listed in `Rubric.criteria`. */
export type Criterion =
  | TimelinessCriterion
  | CompletenessCriterion
  | DiscretionCriterion
  | FidelityCriterion
  | CandourCriterion
  | OutcomeCriterion;

/** The whole rubric for one session state. */
export interface Rubric {
  timeliness: TimelinessCriterion;
  completeness: CompletenessCriterion;
  discretion: DiscretionCriterion;
  fidelity: FidelityCriterion;
  candour: CandourCriterion;
  outcome: OutcomeCriterion;
  /** The criteria in display order. */
  criteria: Criterion[];
  /** Sum over the scored criteria (all but the outcome). */
  total: { points: number; max: number };
}

function scored<Id extends keyof typeof MAX_POINTS>(id: Id, title: string, level: Level, points: number, sentence: string): CriterionBase<Id> {
  return { id, title, level, points, maxPoints: MAX_POINTS[id], sentence };
}

function localLabel(scenario: Scenario, t: UtcMinutes): string {
  return wallTime(t, scenario.post.utcOffsetMinutes).label;
}

function timeliness(scenario: Scenario, state: SessionState): TimelinessCriterion {
  const deadline = deadlineOf(scenario);
  const { met, sent } = state.marks;
  const metInTime = met !== undefined && met < deadline;
  const sentInTime = sent !== undefined && sent < deadline;
  const deadlineLabel = `${localLabel(scenario, deadline)} ${scenario.post.city} time`;
  const when = (t: UtcMinutes | undefined): string | null => (t === undefined ? null : localLabel(scenario, t));
  const metText = met === undefined ? 'you never delivered the message' : `you delivered the message at ${when(met)}`;
  const sentText = sent === undefined ? 'you never sent your report' : `your report went out at ${when(sent)}`;
  const press = `the President's press conference (${deadlineLabel})`;
  // A ROUTINE telegram waits behind ordinary traffic: leaving in time is not arriving in time.
  const routine = sentInTime && state.precedence === 'ROUTINE';
  const reportInTime = sentInTime && !routine;
  let level: Level;
  let points: number;
  let sentence: string;
  if (metInTime && reportInTime) {
    level = 'good';
    points = MAX_POINTS.timeliness;
    sentence = `${capitalise(metText)} and ${sentText}, both before ${press}.`;
  } else if (metInTime) {
    level = 'partial';
    points = 2;
    const late =
      sent === undefined
        ? 'you never sent your report'
        : routine
          ? `your report went out at ${when(sent)} marked ROUTINE, so it waited behind ordinary traffic and was not read before it`
          : `your report only went out at ${when(sent)}, after it`;
    sentence = `${capitalise(metText)}, before ${press}, but ${late}.`;
  } else if (reportInTime) {
    level = 'partial';
    points = 1;
    const late = met === undefined ? 'you never delivered the message to the government' : `you only delivered the message at ${when(met)}, after it`;
    sentence = `${capitalise(sentText)}, before ${press}, but ${late}.`;
  } else {
    level = 'poor';
    points = 0;
    sentence = `${capitalise(metText)} and ${sentText}, so Washington heard nothing from you before ${press}.`;
  }
  return {
    ...scored('timeliness', 'On time', level, points, sentence),
    met: when(met),
    sent: when(sent),
    metInTime,
    sentInTime,
    deadline: deadlineLabel,
  };
}

function completeness(state: SessionState): CompletenessCriterion {
  const conveyed = POINTS.filter((p) => state.conveyed.includes(p)).map((point) => ({ point, label: POINT_LABELS[point] }));
  const missing = POINTS.filter((p) => !state.conveyed.includes(p)).map((point) => ({ point, label: POINT_LABELS[point] }));
  const count = conveyed.length;
  const total = POINTS.length;
  const level: Level = count === total ? 'good' : count * 2 >= total ? 'partial' : 'poor';
  const sentence =
    count === total
      ? `You passed on all ${total} things the circular asked you to say.`
      : count === 0
        ? `You passed on none of the ${total} things the circular asked you to say.`
        : `You passed on ${count} of the ${total} things the circular asked you to say; you left out ${listText(missing.map((m) => m.label))}.`;
  return { ...scored('completeness', 'The whole message', level, count === total ? 2 : count * 2 >= total ? 1 : 0, sentence), conveyed, missing, count, total };
}

function discretion(scenario: Scenario, state: SessionState): DiscretionCriterion {
  const pitfalls = slipsOf(scenario, state).map((id) => {
    const p = lookup(scenario.pitfalls, id);
    return p
      ? { id, kind: p.kind, label: p.label, explanation: p.explanation }
      : { id, kind: null, label: id, explanation: 'This scenario has no explanation for this mistake.' };
  });
  const level: Level = pitfalls.length === 0 ? 'good' : pitfalls.length === 1 ? 'partial' : 'poor';
  const sentence =
    pitfalls.length === 0
      ? 'You kept secret what was secret and promised nothing Washington had not decided.'
      : `You made ${pitfalls.length === 1 ? 'one mistake' : `${pitfalls.length} mistakes`} an ambassador must not make: ${listText(pitfalls.map((p) => `"${p.label}"`))}.`;
  return { ...scored('discretion', 'Discretion', level, level === 'good' ? 2 : level === 'partial' ? 1 : 0, sentence), pitfalls };
}

/** The pitfalls that are slips in the room (leaks and promises), not the concealment of one. */
function slipsOf(scenario: Scenario, state: SessionState): string[] {
  return state.leaks.filter((id) => lookup(scenario.pitfalls, id)?.kind !== 'concealment');
}

const VERDICT_PHRASE: Readonly<Record<PartVerdict, string>> = {
  faithful: 'as it was',
  rosier: 'warmer than what he said',
  darker: 'cooler than what he said',
  unfounded: 'more than he said',
  omitted: 'left out',
  late: 'too late',
};

/** "the minister's words: warmer than what he said; your comment: at odds with the reaction line", for the faulty parts. */
function faultText(parts: readonly JudgedPart[]): string {
  return parts
    .filter((p) => (p.part === 'words' || p.part === 'remarks' || p.part === 'comment') && p.fault)
    .map((p) => {
      const title = p.title.charAt(0).toLowerCase() + p.title.slice(1);
      const against = p.contradicts.map((c) => PART_TITLES[c].charAt(0).toLowerCase() + PART_TITLES[c].slice(1));
      const what = p.verdict === 'faithful' ? `at odds with ${listText(against)}` : VERDICT_PHRASE[p.verdict];
      return `${title}: ${what}`;
    })
    .join('; ');
}

function fidelity(scenario: Scenario, state: SessionState): FidelityCriterion {
  const named = (id: string | null): { id: string; label: string } | null => {
    if (id === null) return null;
    return { id, label: lookup(scenario.responses, id)?.label ?? id };
  };
  const title = 'Honest reporting';
  const telegram = judgeTelegram(scenario, state);
  const actual = named(state.actual);
  // Judged on the telegram as it left the embassy; a later word to Washington is reported beside it.
  const reported = named(state.sent ? state.sent.reported : null);
  const latest = named(state.reported);
  const later = latest !== null && latest.id !== reported?.id ? latest : null;
  const base = { actual, reported, later, telegram };
  // The other parts: the minister's words, the remarks, the comment (precedence and time are "On time").
  const faults = telegram.parts.filter((p) => (p.part === 'words' || p.part === 'remarks' || p.part === 'comment') && p.fault).length;
  const partPoints = faults === 0 ? 2 : faults === 1 ? 1 : 0;
  const partsText = faults === 0 ? '' : ` Line by line: ${faultText(telegram.parts)}.`;
  if (reported === null) {
    const what = actual === null ? "the government's reaction" : `the government's real reaction ("${actual.label}")`;
    const sentence = state.sent
      ? `Your telegram did not report ${what}, so Washington had to act without knowing it.`
      : `You never sent a telegram reporting ${what}, so Washington had to act without knowing it.`;
    return { ...scored('fidelity', title, 'poor', 0, sentence), status: 'not-reported', ...base };
  }
  if (actual === null) {
    const sentence = `Your telegram reported "${reported.label}", but the government never actually gave a reaction, so Washington acted on a guess.`;
    return { ...scored('fidelity', title, 'poor', 0, sentence), status: 'no-reaction', ...base };
  }
  if (actual.id === reported.id) {
    const after = later ? ` Later you told Washington "${later.label}" instead, which was not what was said.` : '';
    const points = Math.max(0, 2 + partPoints - (later ? 2 : 0));
    const level: Level = points === MAX_POINTS.fidelity ? 'good' : points >= 2 ? 'partial' : 'poor';
    const plain = telegram.plain && !later ? ' Every part of it agreed: that is reporting plainly.' : '';
    const sentence = `Your telegram reported the government's reaction as it really was ("${actual.label}").${plain}${after}${partsText}`;
    return { ...scored('fidelity', title, level, points, sentence), status: later ? 'mismatch' : 'match', ...base };
  }
  if (later?.id === actual.id) {
    const sentence = `Your telegram said "${reported.label}", but the real reaction was "${actual.label}". You corrected it afterwards, but Washington had already read the first version.${partsText}`;
    return { ...scored('fidelity', title, 'partial', 1 + Math.min(1, partPoints), sentence), status: 'corrected', ...base };
  }
  const sentence = `The government's real reaction was "${actual.label}", but your telegram said "${reported.label}", so Washington worked from a wrong picture.${partsText}`;
  return { ...scored('fidelity', title, 'poor', Math.min(1, partPoints), sentence), status: 'mismatch', ...base };
}

function candour(scenario: Scenario, state: SessionState): CandourCriterion {
  const title = 'Candour';
  const concealed = state.leaks.some((id) => lookup(scenario.pitfalls, id)?.kind === 'concealment');
  const slips = slipsOf(scenario, state);
  // Owned up: a paragraph that admits going beyond instructions, in the telegram or written later.
  const owned = state.draft.some((id) => {
    const p = lookup(scenario.telegram.paragraphs, id);
    return p !== undefined && typeof p !== 'string' && p.part === 'remarks' && p.admits;
  });
  if (concealed) {
    const sentence = 'You went beyond your instructions and then told Washington you had not. That costs more than the slip itself: after it, nobody knows which of your reports to believe.';
    return { ...scored('candour', title, 'poor', 0, sentence), status: 'concealed' };
  }
  if (slips.length === 0) {
    return { ...scored('candour', title, 'good', MAX_POINTS.candour, 'You had no slip to hide, and you hid nothing.'), status: 'no-slip' };
  }
  if (owned) {
    return { ...scored('candour', title, 'good', MAX_POINTS.candour, 'You slipped, and you told Washington so yourself. That is what lets a slip be put right.'), status: 'owned' };
  }
  const sentence = 'You slipped and never told Washington. You did not deny it, but Washington would learn of it from the other side.';
  return { ...scored('candour', title, 'partial', 1, sentence), status: 'silent' };
}

function outcome(scenario: Scenario, state: SessionState): OutcomeCriterion {
  const ending = lookup(scenario.nodes, state.node)?.ending;
  if (!ending) {
    return {
      id: 'outcome', title: 'How it ended', level: 'poor', points: 0, maxPoints: 0,
      sentence: 'The game has not reached an ending yet.',
      outcome: state.outcome, outcomeTitle: null,
    };
  }
  return {
    id: 'outcome', title: 'How it ended', level: 'good', points: 0, maxPoints: 0,
    sentence: `Your game ended with "${ending.title}". ${endSentence(ending.summary)}`,
    outcome: ending.outcome, outcomeTitle: ending.title,
  };
}

/** Scores a session state (usually a finished one) against its scenario. Pure; does not throw. */
export function scoreRubric(scenario: Scenario, state: SessionState): Rubric {
  const rubric = {
    timeliness: timeliness(scenario, state),
    completeness: completeness(state),
    discretion: discretion(scenario, state),
    fidelity: fidelity(scenario, state),
    candour: candour(scenario, state),
    outcome: outcome(scenario, state),
  };
  const criteria: Criterion[] = [rubric.timeliness, rubric.completeness, rubric.discretion, rubric.fidelity, rubric.candour, rubric.outcome];
  const total = criteria.reduce((t, c) => ({ points: t.points + c.points, max: t.max + c.maxPoints }), { points: 0, max: 0 });
  return { ...rubric, criteria, total };
}

function endSentence(text: string): string {
  return /[.!?]["”’)]?$/.test(text) ? text : `${text}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c" */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
