/**
 * The geometry of a partial redraw (changed-regions.ts): the boxes of what changed on the stage,
 * turned into a few separate whole-pixel rectangles to draw one at a time. Pure.
 */

/** A rectangle on the stage: left and top inside it, right and bottom just outside. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function union(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

/** Whether `a` and `b` share any area (touching edges share none). */
export function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function area(b: Box): number {
  return (b.right - b.left) * (b.bottom - b.top);
}

/** What of `a` lies outside `b`, in up to four boxes. */
function subtract(a: Box, b: Box): Box[] {
  if (!overlap(a, b)) return [a];
  const out: Box[] = [];
  if (a.top < b.top) out.push({ left: a.left, top: a.top, right: a.right, bottom: b.top });
  if (b.bottom < a.bottom) out.push({ left: a.left, top: b.bottom, right: a.right, bottom: a.bottom });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ left: a.left, top, right: b.left, bottom });
  if (b.right < a.right) out.push({ left: b.right, top, right: a.right, bottom });
  return out;
}

function contains(a: Box, b: Box): boolean {
  return a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom;
}

/**
 * Joins overlapping boxes into their bounds wherever that adds no more area than they share (an
 * object's old and new place, a head and its nodding self), wherever one of them reaches a box in
 * `whole`, or, with `always`, wherever they overlap.
 */
function join(boxes: readonly Box[], whole: readonly Box[], always: boolean): Box[] {
  let out = [...boxes];
  const reachesWhole = (b: Box): boolean => whole.some((w) => overlap(b, w));
  for (let joined = true; joined;) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = i + 1; j < out.length && !joined; j++) {
        const a = out[i] as Box;
        const b = out[j] as Box;
        if (!overlap(a, b)) continue;
        const both = union(a, b);
        if (!always && area(both) > area(a) + area(b) && !reachesWhole(a) && !reachesWhole(b)) continue;
        out = [...out.slice(0, i), both, ...out.slice(i + 1, j), ...out.slice(j + 1)];
        joined = true;
      }
    }
  }
  return out;
}

/** The same area as `boxes`, in boxes that do not overlap. */
function separate(boxes: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const box of boxes) {
    let pieces = [box];
    for (const placed of out) pieces = pieces.flatMap((p) => subtract(p, placed));
    out.push(...pieces);
  }
  return out;
}

export interface PlanLimits {
  width: number;
  height: number;
  /** Pixels added round each box (an edge drawn between pixels is smoothed over its neighbours). */
  pad: number;
  /** More boxes than this after joining, and the whole stage is drawn. */
  most: number;
  /** A larger share of the stage than this, and the whole stage is drawn. */
  share: number;
}

/** `boxes` in whole pixels on the stage, padded; empty ones left out. */
function snap(boxes: readonly Box[], limits: PlanLimits): Box[] {
  const { width, height, pad } = limits;
  const out: Box[] = [];
  for (const b of boxes) {
    const left = Math.max(0, Math.floor(b.left) - pad);
    const top = Math.max(0, Math.floor(b.top) - pad);
    const right = Math.min(width, Math.ceil(b.right) + pad);
    const bottom = Math.min(height, Math.ceil(b.bottom) + pad);
    if (right > left && bottom > top) out.push({ left, top, right, bottom });
  }
  return out;
}

/** Joins `boxes` (see join) and takes in each box of `whole` they reach, until every one they reach lies inside one of them. */
function gather(boxes: readonly Box[], whole: readonly Box[], always: boolean): Box[] | null {
  let out = [...boxes];
  for (let round = 0; round <= whole.length; round++) {
    out = join(out, whole, always);
    const reached = whole.filter((w) => !out.some((b) => contains(b, w)) && out.some((b) => overlap(b, w)));
    if (reached.length === 0) return out;
    out.push(...reached);
  }
  return null;
}

/**
 * The changed `boxes` as separate whole-pixel rectangles on the stage, padded, that cover them all
 * and overlap nowhere (so that drawing each under its own clip draws every pixel once). A box of
 * `whole` (where something is drawn that a clip must not cut through) is either inside one
 * rectangle or outside them all. Null when the whole stage should be drawn instead: too many
 * rectangles, or most of the stage. An empty list: nothing changed.
 */
export function planBoxes(boxes: readonly Box[], limits: PlanLimits, whole: readonly Box[] = []): Box[] | null {
  const { width, height, most, share } = limits;
  const changed = snap(boxes, limits);
  const uncut = snap(whole, limits);
  let out = gather(changed, uncut, false);
  if (out === null) return null;
  out = separate(out);
  if (out.length > most) {
    out = gather(changed, uncut, true);
    if (out === null) return null;
  }
  const total = out.reduce((n, b) => n + area(b), 0);
  return out.length > most || total > share * width * height ? null : out;
}
