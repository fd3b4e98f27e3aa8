/**
 * The debrief rubric: how a playthrough did on timeliness, completeness, discretion, honest reporting
 * (the whole telegram, judged part by part) and candour with Washington, and which outcome it reached,
 * each with a level and a sentence a fifteen-year-old understands. Which criteria count, their weights
 * and their words come from the scenario's `mission` (src/core/scenario/mission.ts); the title screen
 * shows them before the game (`rubricGuide`).
 * Pure and deterministic: the same scenario and state give the same rubric. Times are given in
 * the post's local time from the scenario's offset, never from the runtime's time zone.
 */
import type { Mission, Point, Scenario } from '../scenario/schema.ts';
import { missionOf } from '../scenario/mission.ts';
import { wallTime, type UtcMinutes } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import { deadlineOf, type SessionState } from '../engine/state.ts';
import { judgeTelegram, partTitle, type JudgedPart, type PartVerdict, type TelegramJudgement } from '../telegram/judge.ts';
import {
  admitsSlip, candourGrade, completenessGrade, discretionGrade, duePoints, fidelityGrade, pointsOf, slipsOf, specOf, timelinessGrade, timingOf,
  type CandourStatus, type FidelityStatus, type Grade, type Level, type Spec,
} from './grade.ts';

export type { Level } from './grade.ts';

/**
 * The criteria of this scenario's rubric in words a sixteen-year-old reads in a minute, with their
 * points, shown before the game starts and again in the debrief.
 */
export function rubricGuide(scenario: Scenario): { title: string; points: number; text: string }[] {
  return missionOf(scenario).rubric.map((c) => ({ title: c.title, points: c.points, text: c.guide }));
}

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
  status: CandourStatus;
}

/** The reported response against the actual one. */
export interface FidelityCriterion extends CriterionBase<'fidelity'> {
  status: FidelityStatus;
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

/**
 * A criterion scored out of its spec's points by its grade (grade.ts, which the verdict's score
 * shares). Each criterion adds its own fields with Object.assign: V8 makes a spread with fields
 * added several times slower.
 */
function scored<Id extends Spec['criterion']>(spec: Spec & { criterion: Id }, grade: Grade, sentence: string): CriterionBase<Id> {
  return { id: spec.criterion, title: spec.title, level: grade.level, points: pointsOf(spec, grade.share), maxPoints: spec.points, sentence };
}

function localLabel(scenario: Scenario, t: UtcMinutes): string {
  return wallTime(t, scenario.post.utcOffsetMinutes).label;
}

function timeliness(scenario: Scenario, state: SessionState, spec: Spec & { criterion: 'timeliness' }): TimelinessCriterion {
  const deadline = deadlineOf(scenario);
  const { met, sent } = state.marks;
  const timing = timingOf(scenario, state);
  const { metInTime, sentInTime, routine, reportInTime } = timing;
  const deadlineLabel = `${localLabel(scenario, deadline)} ${scenario.post.city} time`;
  const when = (t: UtcMinutes | undefined): string | null => (t === undefined ? null : localLabel(scenario, t));
  const metText = met === undefined ? 'you never delivered the message' : `you delivered the message at ${when(met)}`;
  const sentText = sent === undefined ? 'you never sent your report' : `your report went out at ${when(sent)}`;
  const press = `the President's press conference (${deadlineLabel})`;
  const grade = timelinessGrade(spec, timing);
  let sentence: string;
  const needs = spec.needs ?? ['met', 'sent'];
  if (!needs.includes('met')) {
    // A post with nobody to see on instructions: only the report is due.
    const late =
      sent === undefined ? 'you never sent a report' : routine ? `your report went out at ${when(sent)} marked ROUTINE, so it waited behind ordinary traffic and was not read before it` : `your report only went out at ${when(sent)}, after it`;
    sentence = reportInTime ? `${capitalise(sentText)}, before ${press}.` : `Washington heard nothing from you before ${press}: ${late}.`;
  } else if (!needs.includes('sent')) {
    sentence = metInTime ? `${capitalise(metText)}, before ${press}.` : `${capitalise(metText)}, so not before ${press}.`;
  } else if (metInTime && reportInTime) {
    sentence = `${capitalise(metText)} and ${sentText}, both before ${press}.`;
  } else if (metInTime) {
    const late =
      sent === undefined
        ? 'you never sent your report'
        : routine
          ? `your report went out at ${when(sent)} marked ROUTINE, so it waited behind ordinary traffic and was not read before it`
          : `your report only went out at ${when(sent)}, after it`;
    sentence = `${capitalise(metText)}, before ${press}, but ${late}.`;
  } else if (reportInTime) {
    const late = met === undefined ? `you never delivered the message to ${partyOf(scenario)}` : `you only delivered the message at ${when(met)}, after it`;
    sentence = `${capitalise(sentText)}, before ${press}, but ${late}.`;
  } else {
    sentence = `${capitalise(metText)} and ${sentText}, so Washington heard nothing from you before ${press}.`;
  }
  return Object.assign(scored(spec, grade, sentence), {
    met: when(met),
    sent: when(sent),
    metInTime,
    sentInTime,
    deadline: deadlineLabel,
  });
}

function completeness(mission: Mission, state: SessionState, spec: Spec & { criterion: 'completeness' }): CompletenessCriterion {
  const due = duePoints(mission);
  const conveyed = due.filter((p) => state.conveyed.includes(p)).map((point) => ({ point, label: POINT_LABELS[point] }));
  const missing = due.filter((p) => !state.conveyed.includes(p)).map((point) => ({ point, label: POINT_LABELS[point] }));
  const count = conveyed.length;
  const total = due.length;
  const grade = completenessGrade(count, total);
  const sentence =
    count === total
      ? total === 0
        ? 'The circular asked you to pass nothing on.'
        : `You passed on all ${total} things the circular asked you to say.`
      : count === 0
        ? `You passed on none of the ${total} things the circular asked you to say.`
        : `You passed on ${count} of the ${total} things the circular asked you to say; you left out ${listText(missing.map((m) => m.label))}.`;
  return Object.assign(scored(spec, grade, sentence), { conveyed, missing, count, total });
}

function discretion(scenario: Scenario, state: SessionState, spec: Spec & { criterion: 'discretion' }): DiscretionCriterion {
  const pitfalls = slipsOf(scenario, state).map((id) => {
    const p = lookup(scenario.pitfalls, id);
    return p
      ? { id, kind: p.kind, label: p.label, explanation: p.explanation }
      : { id, kind: null, label: id, explanation: 'This scenario has no explanation for this mistake.' };
  });
  const sentence =
    pitfalls.length === 0
      ? 'You kept secret what was secret and promised nothing Washington had not decided.'
      : `You made ${pitfalls.length === 1 ? 'one mistake' : `${pitfalls.length} mistakes`} a diplomat must not make: ${listText(pitfalls.map((p) => `"${p.label}"`))}.`;
  return Object.assign(scored(spec, discretionGrade(spec, pitfalls.length), sentence), { pitfalls });
}

const VERDICT_PHRASE: Readonly<Record<PartVerdict, string>> = {
  faithful: 'as it was',
  rosier: 'warmer than what he said',
  darker: 'cooler than what he said',
  unfounded: 'more than he said',
  omitted: 'left out',
  late: 'too late',
};

/**
 * Your own remarks are judged against what you did, not against what he said (telegram/judge.ts): a
 * remark "rosier" than the record hides a slip, a "darker" one reports a slip you had not made.
 */
const REMARKS_PHRASE: Readonly<Partial<Record<PartVerdict, string>>> = {
  rosier: 'hides a slip',
  darker: 'reports a slip you had not made',
};

/** "the minister's words: warmer than what he said; your comment: at odds with the reaction line", for the faulty parts. */
function faultText(scenario: Scenario, parts: readonly JudgedPart[]): string {
  return parts
    .filter((p) => (p.part === 'words' || p.part === 'remarks' || p.part === 'comment') && p.fault)
    .map((p) => {
      const title = p.title.charAt(0).toLowerCase() + p.title.slice(1);
      const against = p.contradicts.map((c) => { const t = partTitle(scenario, c); return t.charAt(0).toLowerCase() + t.slice(1); });
      const what = p.verdict === 'faithful' ? `at odds with ${listText(against)}` : ((p.part === 'remarks' ? REMARKS_PHRASE[p.verdict] : undefined) ?? VERDICT_PHRASE[p.verdict]);
      return `${title}: ${what}`;
    })
    .join('; ');
}

function fidelity(scenario: Scenario, state: SessionState, spec: Spec & { criterion: 'fidelity' }): FidelityCriterion {
  const named = (id: string | null): { id: string; label: string } | null => {
    if (id === null) return null;
    return { id, label: lookup(scenario.responses, id)?.label ?? id };
  };
  const telegram = judgeTelegram(scenario, state);
  const actual = named(state.actual);
  // Judged on the telegram as it left the embassy; a later word to Washington is reported beside it.
  const reported = named(state.sent ? state.sent.reported : null);
  const latest = named(state.reported);
  const later = latest !== null && latest.id !== reported?.id ? latest : null;
  const base = { actual, reported, later, telegram };
  // The other parts: the minister's words, the remarks, the comment (precedence and time are "On time").
  const faults = telegram.parts.filter((p) => (p.part === 'words' || p.part === 'remarks' || p.part === 'comment') && p.fault).length;
  const grade = fidelityGrade(state, faults);
  const { status } = grade;
  const partsText = faults === 0 ? '' : ` Line by line: ${faultText(scenario, telegram.parts)}.`;
  let sentence: string;
  if (reported === null) {
    const what = actual === null ? `${partyOf(scenario)}'s reaction` : `${partyOf(scenario)}'s real reaction ("${actual.label}")`;
    sentence = state.sent
      ? `Your telegram did not report ${what}, so Washington had to act without knowing it.`
      : `You never sent a telegram reporting ${what}, so Washington had to act without knowing it.`;
  } else if (actual === null) {
    sentence = `Your telegram reported "${reported.label}", but ${partyOf(scenario)} never actually gave a reaction, so Washington acted on a guess.`;
  } else if (actual.id === reported.id) {
    const after = later ? ` Later you told Washington "${later.label}" instead, which was not what was said.` : '';
    const plain = telegram.plain && !later ? ' Every part of it agreed: that is reporting plainly.' : '';
    sentence = `Your telegram reported ${partyOf(scenario)}'s reaction as it really was ("${actual.label}").${plain}${after}${partsText}`;
  } else if (status === 'corrected') {
    sentence = `Your telegram said "${reported.label}", but the real reaction was "${actual.label}". You corrected it afterwards, but Washington had already read the first version.${partsText}`;
  } else {
    sentence = `${capitalise(partyOf(scenario))}'s real reaction was "${actual.label}", but your telegram said "${reported.label}", so Washington worked from a wrong picture.${partsText}`;
  }
  return Object.assign(scored(spec, grade, sentence), { status }, base);
}

function candour(scenario: Scenario, state: SessionState, spec: Spec & { criterion: 'candour' }): CandourCriterion {
  const grade = candourGrade(scenario, state);
  const { status } = grade;
  const sentence = status === 'concealed'
    ? 'You went beyond your instructions and then told Washington you had not. That costs more than the slip itself: after it, nobody knows which of your reports to believe.'
    : status === 'no-slip'
      ? 'You had no slip to hide, and you hid nothing.'
      : status === 'owned'
        ? admitsSlip(scenario, state.sent?.draft ?? [])
          ? 'You slipped, and you told Washington so yourself. That is what lets a slip be put right.'
          : 'You slipped, and told Washington so when it asked. That lets a slip be put right, though Washington had to ask first.'
        : 'You slipped and never told Washington. You did not deny it, but Washington would learn of it from the other side.';
  return Object.assign(scored(spec, grade, sentence), { status });
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
  const mission = missionOf(scenario);
  const rubric = {
    timeliness: timeliness(scenario, state, specOf(mission, 'timeliness', 'On time') as Spec & { criterion: 'timeliness' }),
    completeness: completeness(mission, state, specOf(mission, 'completeness', 'The whole message') as Spec & { criterion: 'completeness' }),
    discretion: discretion(scenario, state, specOf(mission, 'discretion', 'Discretion') as Spec & { criterion: 'discretion' }),
    fidelity: fidelity(scenario, state, specOf(mission, 'fidelity', 'Honest reporting') as Spec & { criterion: 'fidelity' }),
    candour: candour(scenario, state, specOf(mission, 'candour', 'Candour') as Spec & { criterion: 'candour' }),
    outcome: outcome(scenario, state),
  };
  // The scenario's criteria, in its order, then the outcome (reported, not scored).
  const criteria: Criterion[] = [...mission.rubric.map((c) => rubric[c.criterion]), rubric.outcome];
  const total = { points: 0, max: 0 };
  for (const c of criteria) {
    total.points += c.points;
    total.max += c.maxPoints;
  }
  return Object.assign(rubric, { criteria, total });
}

/** Whose reaction the telegram reports: the government, or the person the mission names ("the Secretary-General"). */
function partyOf(scenario: Scenario): string {
  return missionOf(scenario).counterpart ?? 'the government';
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
