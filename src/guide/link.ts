/**
 * The teacher guide's link builder, as data: what a teacher chose in the form becomes the game's
 * link (`./index.html?post=…&variant=…`), with the parameters the game reads
 * (src/store/link-params.ts) and the limits it applies, so a link built here is one the game takes
 * whole, without a sentence on the title about a value it left out. Pure.
 */
import { REASONS_MODES, REWIND_MODES, type ReasonsMode, type RewindMode } from '../core/log/format.ts';
import { CLASS_CODE_MAX_LENGTH } from '../store/link-params.ts';
import { parseSeed } from '../store/seed.ts';

export { REASONS_MODES, REWIND_MODES };

/** What the form holds. `null` for the post or the world leaves the choice to the student. */
export interface LinkChoice {
  post: string | null;
  /** `&lock=post`: the title offers no other post. Only with a post. */
  lock: boolean;
  variant: string | null;
  classCode: string;
  /** As typed: empty for none, else a whole number from 0 to 4294967295. */
  seed: string;
  rewind: RewindMode;
  reasons: ReasonsMode;
  /** `?mode=class`: the whole class plays one game on the projector and the teacher clicks. */
  classGame?: boolean;
}

/** A field of the form whose value the game would not take, and why, in one sentence. */
export interface LinkProblem {
  field: 'classCode' | 'seed';
  message: string;
}

export type LinkResult = { ok: true; href: string } | { ok: false; problems: LinkProblem[] };

/** What the builder needs to know of a post: its id and its worlds (a `PostSummary` has both). */
export interface PostWorlds {
  id: string;
  variants: Readonly<Record<string, { readonly label: string }>>;
}

/** A tab, a line break or another control character: none can be typed into the game's one-line fields. */
function hasControl(text: string): boolean {
  return Array.from(text).some((c) => {
    const code = c.charCodeAt(0);
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
}

/**
 * The game's link for `choice`, relative to the guide (`./index.html?…`), or every field the game
 * would refuse. Defaults are left out (rewinding free, reasons optional), so the link says only
 * what the teacher set; the parameters come in a fixed order.
 */
export function buildGameLink(choice: LinkChoice): LinkResult {
  const problems: LinkProblem[] = [];
  const classCode = choice.classCode.trim();
  if (classCode.length > CLASS_CODE_MAX_LENGTH) {
    problems.push({ field: 'classCode', message: `A class code has at most ${CLASS_CODE_MAX_LENGTH} characters; this one has ${classCode.length}.` });
  } else if (hasControl(classCode)) {
    problems.push({ field: 'classCode', message: 'A class code is one line of text, without tabs or line breaks.' });
  }
  const seedText = choice.seed.trim();
  if (seedText !== '' && parseSeed(seedText) === null) {
    problems.push({ field: 'seed', message: 'A seed is a whole number from 0 to 4294967295, digits only.' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const params = new URLSearchParams();
  if (choice.post !== null) {
    params.set('post', choice.post);
    if (choice.lock) params.set('lock', 'post');
  }
  if (choice.variant !== null) params.set('variant', choice.variant);
  if (classCode !== '') params.set('class', classCode);
  if (seedText !== '') params.set('seed', seedText);
  if (choice.rewind !== 'free') params.set('rewind', choice.rewind);
  if (choice.reasons !== 'optional') params.set('reasons', choice.reasons);
  if (choice.classGame === true) params.set('mode', 'class');
  const query = params.toString();
  return { ok: true, href: query === '' ? './index.html' : `./index.html?${query}` };
}

/**
 * The worlds a link may name: the post's own when one is chosen, else those every post has (the
 * game opens the post a student last played, or the first, so the world must exist in each), in
 * the order and with the labels of the first post that has them. Unknown post: none.
 */
export function worldsFor(posts: readonly PostWorlds[], post: string | null): { id: string; label: string }[] {
  if (post !== null) {
    const one = posts.find((p) => p.id === post);
    return one ? Object.entries(one.variants).map(([id, v]) => ({ id, label: v.label })) : [];
  }
  const [first, ...rest] = posts;
  if (!first) return [];
  return Object.entries(first.variants)
    .filter(([id]) => rest.every((p) => Object.hasOwn(p.variants, id)))
    .map(([id, v]) => ({ id, label: v.label }));
}
