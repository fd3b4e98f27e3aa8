/**
 * What a teacher's link may preset, read from the page's query (`?variant=counterfactual&class=9B`).
 * A link is data from outside: each parameter is checked against the scenario (its own keys only, so
 * `?variant=constructor` or `__proto__` is an unknown world, not a property of every object) and
 * limited as the form limits typing. A value that cannot be used is left out, the game starts with
 * the default, and the title screen says why in one plain sentence. Pure.
 */
import { PLAY_MODES, REASONS_MODES, REWIND_MODES, type PlayMode, type ReasonsMode, type RewindMode } from '../core/log/format.ts';
import { parseSeed } from './seed.ts';

/** The name field's `maxlength`: the form and a link allow the same. */
export const NAME_MAX_LENGTH = 80;
/** The class code field's `maxlength`. */
export const CLASS_CODE_MAX_LENGTH = 40;

/** What the title screen's form starts with. */
export interface LinkPreset {
  variant?: string;
  classCode?: string;
  name?: string;
}

export interface LinkParams {
  /** The values the link gives that can be used. */
  preset: LinkPreset;
  /** `?seed=N`: the seed every new game of this page load starts from, or null for a fresh one. */
  seed: number | null;
  /**
   * `?rewind=free|look|off`, `?reasons=required|optional` and `?mode=class`: the modes of new games
   * (free and optional by default; `play: 'class'` only for a class game on the projector).
   */
  modes: { rewind: RewindMode; reasons: ReasonsMode; play?: PlayMode };
  /** `?watch=KEY`: the page plays back the log kept under that key (the title's "Watch a log" or the review page put it there). */
  watch: string | null;
  /** One plain sentence for each parameter that could not be used: variant, class, name, seed, rewind, reasons, mode, in that order. */
  problems: string[];
}

/** The worlds a link may choose from: a scenario's `variants`. */
export type Worlds = Readonly<Record<string, { readonly label: string }>>;

/** How much of a rejected value a message quotes. */
const QUOTED = 40;

/** A control character (tab and line breaks included): none can be typed into a one-line field. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** A value as a message quotes it: short, on one line, cut between characters (never inside a pair). */
function quote(value: string): string {
  const chars = Array.from(value, (c) => (isControl(c) ? ' ' : c));
  return `"${chars.length > QUOTED ? `${chars.slice(0, QUOTED).join('')}…` : chars.join('')}"`;
}

/** A text field's value from the link: the value, or null and a sentence saying why it is left out. */
function field(value: string, what: string, max: number): { value: string | null; problem: string | null } {
  const text = value.trim();
  if (text === '') return { value: null, problem: null };
  if (text.length > max) {
    return { value: null, problem: `The link's ${what} is ${text.length} characters long, more than the ${max} the form allows, so it was left out.` };
  }
  if (Array.from(text).some(isControl)) return { value: null, problem: `The link's ${what} contains characters a ${what} cannot have, so it was left out.` };
  return { value: text, problem: null };
}

/**
 * Reads `variant`, `class`, `name`, `seed`, `rewind`, `reasons`, `mode` and `watch` from a query
 * string (`location.search`, with or without its "?"). Other parameters are ignored (a school's site
 * may add its own); a parameter given twice counts once, the first time, as the browser's `get`
 * reads it. Never throws.
 */
export function readLinkParams(query: string, worlds: Worlds): LinkParams {
  const params = new URLSearchParams(query);
  const preset: LinkPreset = {};
  const problems: string[] = [];

  const variant = params.get('variant');
  if (variant !== null && variant !== '') {
    if (Object.hasOwn(worlds, variant)) {
      preset.variant = variant;
    } else {
      // The title screen selects the first world when the link names none it can use.
      const first = Object.values(worlds)[0];
      const fallback = first === undefined ? '' : `, ${quote(first.label)},`;
      problems.push(`The link's variant ${quote(variant)} is not one of this game's worlds, so the first world${fallback} is selected.`);
    }
  }

  const classCode = params.get('class');
  if (classCode !== null) {
    const read = field(classCode, 'class code', CLASS_CODE_MAX_LENGTH);
    if (read.value !== null) preset.classCode = read.value;
    if (read.problem !== null) problems.push(read.problem);
  }

  const name = params.get('name');
  if (name !== null) {
    const read = field(name, 'name', NAME_MAX_LENGTH);
    if (read.value !== null) preset.name = read.value;
    if (read.problem !== null) problems.push(read.problem);
  }

  const seedText = params.get('seed');
  const seed = parseSeed(seedText);
  if (seedText !== null && seedText !== '' && seed === null) {
    problems.push(`The link's seed ${quote(seedText)} is not a whole number from 0 to 4294967295, so a fresh seed is drawn.`);
  }

  const rewindText = params.get('rewind');
  let rewind: RewindMode = 'free';
  if (rewindText !== null && rewindText !== '') {
    if ((REWIND_MODES as readonly string[]).includes(rewindText)) rewind = rewindText as RewindMode;
    else problems.push(`The link's rewind ${quote(rewindText)} is not free, look or off, so rewinding is free.`);
  }
  const reasonsText = params.get('reasons');
  let reasons: ReasonsMode = 'optional';
  if (reasonsText !== null && reasonsText !== '') {
    if ((REASONS_MODES as readonly string[]).includes(reasonsText)) reasons = reasonsText as ReasonsMode;
    else problems.push(`The link's reasons ${quote(reasonsText)} is not required or optional, so reasons are optional.`);
  }
  // ?mode=class: the whole class plays one game on the projector; any other mode is one student's own game.
  const modeText = params.get('mode');
  let play: PlayMode | undefined;
  if (modeText !== null && modeText !== '') {
    if ((PLAY_MODES as readonly string[]).includes(modeText)) play = modeText as PlayMode;
    else problems.push(`The link's mode ${quote(modeText)} is not class, so each student plays their own game.`);
  }
  const watchText = params.get('watch');
  const watch = watchText !== null && /^[a-z0-9-]{1,64}$/.test(watchText) ? watchText : null;

  return { preset, seed, problems, modes: play === undefined ? { rewind, reasons } : { rewind, reasons, play }, watch };
}

/** Which post a page opens: the link's (`?post=venezuela`), whether the link locks it (`&lock=post`), and why a post was left out. */
export interface PostParam {
  post: string | null;
  locked: boolean;
  problem: string | null;
}

/** Reads `post` and `lock` from a query string against the posts there are (their ids). Never throws. */
export function readPostParam(query: string, ids: readonly string[]): PostParam {
  const params = new URLSearchParams(query);
  const post = params.get('post');
  const locked = params.get('lock') === 'post';
  if (post === null || post === '') return { post: null, locked: false, problem: null };
  if (ids.includes(post)) return { post, locked, problem: null };
  return { post: null, locked: false, problem: `The link's post ${quote(post)} is not one of this game's posts, so you can choose one.` };
}
