/**
 * Composes the embassy's reporting telegram in 1962 form from the session state: the layout of
 * the Department's own 1962 outgoing form, as Circular 938 shows it (classification top and
 * bottom, date-time stamp, ACTION line with precedence), and the body as FRUS prints embassy
 * telegrams of the period (its number, the reference, numbered paragraphs in telegraphese, the
 * ambassador's surname). The embassy's own 1962 form is not confirmed by a source, so the game
 * shows the scenario's `formSource` beside it. No 1970s elements (Zulu date-time group, FM/TO,
 * TAGS, SECSTATE WASHDC). Pure.
 */
import type { Point, Scenario } from '../scenario/schema.ts';
import { paragraphText } from './paragraphs.ts';
import { missionOf } from '../scenario/mission.ts';
import { wallTime } from '../engine/clock.ts';
import { lookup } from '../engine/lookup.ts';
import type { SessionState } from '../engine/state.ts';

export interface ComposedTelegram {
  classification: string;
  /** "Nov 20 11 05 AM '62", the stamp in the post's local time. */
  stamp: string;
  action: string;
  opening: string;
  paragraphs: string[];
  signature: string;
  /** True once the telegram has been sent (`mark: sent`), false while it is a draft. */
  sent: boolean;
  /** The whole telegram as monospaced text. */
  text: string;
}

const LETTERS: readonly Point[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** "(a) through (h)", "(a) through (d), (f)", "(c)". */
export function describeLetters(points: readonly Point[]): string {
  const present = LETTERS.map((p) => points.includes(p));
  const runs: string[] = [];
  let i = 0;
  while (i < LETTERS.length) {
    if (!present[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < LETTERS.length && present[j + 1]) j++;
    const a = LETTERS[i] ?? '';
    const b = LETTERS[j] ?? '';
    runs.push(j === i ? `(${a})` : j === i + 1 ? `(${a}), (${b})` : `(${a}) through (${b})`);
    i = j + 1;
  }
  return runs.join(', ');
}

function pointsParagraph(scenario: Scenario, state: SessionState): string {
  const letters = describeLetters(state.conveyed);
  const parts: string[] = [];
  if (letters) parts.push(`points ${letters} of reftel`);
  if (state.conveyed.includes('organ')) parts.push('intention to request Organ of Consultation meeting November 21');
  const saw = scenario.telegram.saw ?? 'Government';
  if (state.conveyed.includes('reaction')) parts.push(`request for ${saw === 'Government' ? saw : `${saw}'s`} reaction`);
  const met = state.marks.met;
  const information = missionOf(scenario).instruction === 'information';
  if (met === undefined) return information ? 'Reftel received for information. No representations made.' : 'Unable to make representations called for by reftel.';
  const when = wallTime(met, scenario.post.utcOffsetMinutes);
  const time = `${when.hhmm} local ${when.weekday === 'Mon' ? 'November 19' : `November ${when.day}`}`;
  if (parts.length === 0) return `Saw ${saw} ${time} but did not convey substance of reftel.`;
  const last = parts.pop() ?? '';
  const list = parts.length ? `${parts.join(', ')} and ${last}` : last;
  return `At ${time} conveyed ${list}.`;
}

function stampOf(t: number, offset: number): string {
  const w = wallTime(t, offset);
  const h12 = w.hours % 12 === 0 ? 12 : w.hours % 12;
  const ampm = w.hours < 12 ? 'AM' : 'PM';
  return `${w.month} ${w.day} ${h12} ${String(w.minutes).padStart(2, '0')} ${ampm} '62`;
}

export function composeTelegram(scenario: Scenario, state: SessionState): ComposedTelegram {
  const t = scenario.telegram;
  const sentAt = state.marks.sent;
  // Once sent, the telegram is what left the embassy; later corrections do not rewrite it.
  const body = state.sent ?? { reported: state.reported, precedence: state.precedence, draft: state.draft };
  const stamp = stampOf(sentAt ?? state.clock, scenario.post.utcOffsetMinutes);
  const precedence = body.precedence ?? '(precedence not yet chosen)';
  // Addressed as the circular's own ACTION line is, with the precedence after the addressee; the
  // scenario names the addressee, the offices repeated to and the sending office (an embassy by default).
  const action = `ACTION: ${t.action ?? 'DEPARTMENT OF STATE, WASHINGTON'}. ${precedence}`;
  const info = t.info === undefined ? [] : [`INFO: ${t.info}`];
  const office = t.office ?? `American Embassy, ${t.from}`;
  const reaction =
    body.reported !== null
      ? (lookup(scenario.responses, body.reported)?.telegram ?? '')
      : '(Reaction not yet reported.)';
  const drafted = body.draft.map((id) => paragraphText(lookup(t.paragraphs, id))).filter((p) => p.length > 0);
  const paragraphs = [pointsParagraph(scenario, state), reaction, ...drafted].map((p, i) => `${i + 1}. ${p.trim()}`);
  const opening = `${t.number}. ${t.reference}.`;
  const text = [
    t.classification,
    `OUTGOING TELEGRAM    ${office}`,
    stamp,
    action,
    ...info,
    '',
    opening,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    t.signature,
    '',
    t.classification,
  ].join('\n');
  return {
    classification: t.classification,
    stamp,
    action,
    opening,
    paragraphs,
    signature: t.signature,
    sent: sentAt !== undefined,
    text,
  };
}
