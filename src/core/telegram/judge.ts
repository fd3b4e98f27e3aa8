/**
 * Judges the telegram as it left the embassy, part by part, against what was actually said and done:
 * the reaction line, the minister's words, the ambassador's remarks, the comment, the precedence and
 * the time sent. Each part is faithful, rosier, darker, unfounded (says more than was said), omitted or
 * late, and the parts that say different things about the reaction are marked as contradicting each other.
 * Pure and deterministic.
 */
import { deadlineOf, type SessionState } from '../engine/state.ts';
import { wallTime } from '../engine/clock.ts';
import { counterpartOf, officeOf } from '../scenario/mission.ts';
import { lookup } from '../engine/lookup.ts';
import type { Scenario } from '../scenario/schema.ts';

export const JUDGED_PARTS = ['reaction', 'words', 'remarks', 'comment', 'precedence', 'time'] as const;
export type JudgedPartId = (typeof JUDGED_PARTS)[number];

export type PartVerdict = 'faithful' | 'rosier' | 'darker' | 'unfounded' | 'omitted' | 'late';

export interface JudgedPart {
  part: JudgedPartId;
  /** The part's name as the debrief shows it ("The reaction line"). */
  title: string;
  /** The words the student put in it, or null when the part was left out. */
  quote: string | null;
  verdict: PartVerdict;
  /** Whether the verdict counts against the report (an empty comment does not; an empty reaction line does). */
  fault: boolean;
  /** The other parts that say something incompatible about the reaction. */
  contradicts: JudgedPartId[];
  /** One plain sentence on the verdict. */
  sentence: string;
}

export interface TelegramJudgement {
  /** False when no telegram was sent: every part is then omitted. */
  sent: boolean;
  parts: JudgedPart[];
  /** No two parts contradict each other. */
  consistent: boolean;
  /** The reaction line is faithful, no part is rosier, darker or unfounded, and the parts agree. */
  plain: boolean;
}

/** A part's title for this scenario: the words part names the scenario's counterpart ("The Secretary-General's words"). */
export function partTitle(scenario: Scenario, part: JudgedPartId): string {
  if (part !== 'words') return PART_TITLES[part];
  const who = counterpartOf(scenario);
  return `${who.charAt(0).toUpperCase()}${who.slice(1)}'s words`;
}

export const PART_TITLES: Readonly<Record<JudgedPartId, string>> = {
  reaction: 'The reaction line',
  words: "The minister's words",
  remarks: 'Your own remarks',
  comment: 'Your comment',
  precedence: 'The precedence',
  time: 'The time sent',
};

const FAULTS: readonly PartVerdict[] = ['rosier', 'darker', 'unfounded', 'late'];

function warmthOf(scenario: Scenario, id: string): number {
  return lookup(scenario.responses, id)?.warmth ?? 0;
}

function labelOf(scenario: Scenario, id: string | null): string {
  return id === null ? 'no reaction' : `"${lookup(scenario.responses, id)?.label ?? id}"`;
}

/** How a statement that fits `fits` compares with what the minister actually said. */
function compare(scenario: Scenario, fits: readonly string[], actual: string | null): PartVerdict {
  if (actual === null) return 'unfounded';
  if (fits.includes(actual)) return 'faithful';
  const warmths = fits.map((f) => warmthOf(scenario, f));
  const a = warmthOf(scenario, actual);
  if (Math.min(...warmths) > a) return 'rosier';
  if (Math.max(...warmths) < a) return 'darker';
  return 'unfounded';
}

function sentenceFor(verdict: PartVerdict, actual: string): string {
  switch (verdict) {
    case 'faithful':
      return `It matches what he said (${actual}).`;
    case 'rosier':
      return `It makes him sound warmer than he was (he said ${actual}).`;
    case 'darker':
      return `It makes him sound cooler than he was (he said ${actual}).`;
    case 'unfounded':
      return `It says more than he said (he said ${actual}).`;
    case 'omitted':
      return 'You left it out.';
    case 'late':
      return 'It came too late.';
  }
}

interface Statement {
  /** Index of the judged part in `parts`: a part may be filled by more than one paragraph. */
  at: number;
  fits: readonly string[];
}

/** Judges the telegram in `state.sent` (the one that left the embassy). Pure; never throws. */
export function judgeTelegram(scenario: Scenario, state: SessionState): TelegramJudgement {
  const sent = state.sent;
  const actual = state.actual;
  const actualLabel = labelOf(scenario, actual);
  const hadSlip = state.leaks.some((id) => {
    const kind = lookup(scenario.pitfalls, id)?.kind;
    return kind === 'leak' || kind === 'promise';
  });
  const parts: JudgedPart[] = [];
  const statements: Statement[] = [];
  const add = (part: JudgedPartId, quote: string | null, verdict: PartVerdict, fault: boolean, sentence: string): void => {
    parts.push({ part, title: partTitle(scenario, part), quote, verdict, fault, contradicts: [], sentence });
  };

  // The reaction line.
  const reported = sent?.reported ?? null;
  if (reported === null) {
    add('reaction', null, 'omitted', true, sent ? 'Your telegram gave no reaction at all.' : 'You never sent a telegram.');
  } else {
    const verdict = compare(scenario, [reported], actual);
    const quote = lookup(scenario.responses, reported)?.telegram ?? reported;
    add('reaction', quote, verdict, verdict !== 'faithful', sentenceFor(verdict, actualLabel));
    statements.push({ at: parts.length - 1, fits: [reported] });
  }

  // The drafted paragraphs, by part.
  const drafted = (sent?.draft ?? []).flatMap((id) => {
    const p = lookup(scenario.telegram.paragraphs, id);
    return p !== undefined && typeof p !== 'string' ? [p] : [];
  });
  for (const part of ['words', 'remarks', 'comment'] as const) {
    const mine = drafted.filter((p) => p.part === part);
    if (mine.length === 0) {
      if (part === 'words') add(part, null, 'omitted', sent !== null, `You left out ${counterpartOf(scenario)}'s own words, so Washington had only your summary to go on.`);
      else if (part === 'remarks') {
        add(
          part,
          null,
          'omitted',
          hadSlip,
          hadSlip ? 'You went beyond your instructions and did not say so.' : 'You had nothing beyond the circular to report.',
        );
      } else add(part, null, 'omitted', false, 'You added no comment of your own; that is allowed.');
      continue;
    }
    for (const p of mine) {
      if (p.part === 'remarks') {
        if (p.admits === hadSlip) {
          add(part, p.text, 'faithful', false, hadSlip ? 'You told Washington you had gone beyond your instructions, as you had.' : 'You had kept to the circular, and said so.');
        } else if (hadSlip) {
          add(part, p.text, 'rosier', true, 'You wrote that you had kept to the circular, but you had not: this hides a slip.');
        } else {
          add(part, p.text, 'darker', true, 'You reported a slip you had not made.');
        }
        continue;
      }
      const verdict = compare(scenario, p.fits, actual);
      const intro = part === 'comment' ? 'Your judgement' : 'The words you set down';
      add(part, p.text, verdict, verdict !== 'faithful', `${intro}: ${sentenceFor(verdict, actualLabel)}`);
      statements.push({ at: parts.length - 1, fits: p.fits });
    }
  }

  // Precedence and time.
  if (!sent) {
    add('precedence', null, 'omitted', true, 'No telegram, so no precedence.');
    add('time', null, 'omitted', true, `No telegram left ${officeOf(scenario)}.`);
  } else {
    const p = sent.precedence;
    if (p === 'ROUTINE') add('precedence', p, 'late', true, 'ROUTINE waits behind crisis traffic: it would not be read before the President spoke.');
    else if (p === null) add('precedence', null, 'omitted', true, 'You gave no precedence.');
    else add('precedence', p, 'faithful', false, `${p} put it ahead of ordinary traffic, as the circular's "promptly" asked.`);
    const at = state.marks.sent;
    const deadline = deadlineOf(scenario);
    if (at === undefined) add('time', null, 'omitted', true, 'No time of sending was recorded.');
    else {
      const label = wallTime(at, scenario.post.utcOffsetMinutes).label;
      if (at < deadline) add('time', label, 'faithful', false, `It left at ${label}, before the press conference.`);
      else add('time', label, 'late', true, `It left at ${label}, after the President had begun to speak.`);
    }
  }

  // Contradictions: two statements about the reaction with nothing in common.
  for (let i = 0; i < statements.length; i++) {
    for (let j = i + 1; j < statements.length; j++) {
      const a = statements[i];
      const b = statements[j];
      if (!a || !b || a.fits.some((f) => b.fits.includes(f))) continue;
      const pa = parts[a.at];
      const pb = parts[b.at];
      if (!pa || !pb) continue;
      if (!pa.contradicts.includes(pb.part)) pa.contradicts.push(pb.part);
      if (!pb.contradicts.includes(pa.part)) pb.contradicts.push(pa.part);
    }
  }
  for (const p of parts) if (p.contradicts.length > 0) p.fault = true;

  const consistent = parts.every((p) => p.contradicts.length === 0);
  const reaction = parts.find((p) => p.part === 'reaction');
  const plain =
    sent !== null &&
    reaction?.verdict === 'faithful' &&
    consistent &&
    parts.every((p) => !['rosier', 'darker', 'unfounded'].includes(p.verdict));
  return { sent: sent !== null, parts, consistent, plain };
}

/** Whether a verdict counts against the report whatever the part. */
export function isFaultVerdict(v: PartVerdict): boolean {
  return FAULTS.includes(v);
}

/**
 * Whether the telegram that left reported plainly: the same answer as `judgeTelegram(...).plain`, without building
 * the judgement (the claims and the scenario checks ask it for every state). Every part must be faithful or left
 * out; faithful parts all fit the actual reaction, so they cannot contradict each other. Pure.
 */
export function isPlainReport(scenario: Scenario, state: SessionState): boolean {
  const sent = state.sent;
  const actual = state.actual;
  if (sent === null || actual === null || sent.reported !== actual) return false;
  let hadSlip: boolean | undefined;
  for (const id of sent.draft) {
    const p = lookup(scenario.telegram.paragraphs, id);
    if (p === undefined || typeof p === 'string') continue;
    if (p.part === 'remarks') {
      hadSlip ??= state.leaks.some((l) => {
        const kind = lookup(scenario.pitfalls, l)?.kind;
        return kind === 'leak' || kind === 'promise';
      });
      if (p.admits !== hadSlip) return false;
    } else if (!p.fits.includes(actual)) return false;
  }
  return true;
}

/**
 * How many of the words, remarks and comment parts `judgeTelegram` marks as a fault (a verdict that
 * counts against the report, or a contradiction with another part): the same number as counting its
 * parts, without building the judgement and its sentences (the verdict's score asks it once for every
 * log a teacher verifies). Pure.
 */
export function telegramFaults(scenario: Scenario, state: SessionState): number {
  const sent = state.sent;
  const hadSlip = state.leaks.some((id) => {
    const kind = lookup(scenario.pitfalls, id)?.kind;
    return kind === 'leak' || kind === 'promise';
  });
  let faults = 0;
  let words = 0;
  let remarks = 0;
  // What the reaction line and each words or comment paragraph say about the reaction, and whether each counts here and is faulty already.
  const statements: { fits: readonly string[]; counts: boolean; fault: boolean }[] = [];
  if (sent !== null && sent.reported !== null) statements.push({ fits: [sent.reported], counts: false, fault: false });
  for (const id of sent?.draft ?? []) {
    const p = lookup(scenario.telegram.paragraphs, id);
    if (p === undefined || typeof p === 'string') continue;
    if (p.part === 'remarks') {
      remarks++;
      if (p.admits !== hadSlip) faults++;
      continue;
    }
    if (p.part === 'words') words++;
    statements.push({ fits: p.fits, counts: true, fault: compare(scenario, p.fits, state.actual) !== 'faithful' });
  }
  // Left out: the minister's words are a fault once a telegram went, the remarks when there was a slip to own.
  if (words === 0 && sent !== null) faults++;
  if (remarks === 0 && hadSlip) faults++;
  for (const s of statements) {
    if (!s.counts) continue;
    if (s.fault || statements.some((o) => o !== s && !o.fits.some((f) => s.fits.includes(f)))) faults++;
  }
  return faults;
}
