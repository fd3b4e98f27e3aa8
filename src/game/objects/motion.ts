/**
 * Ambient motion moved in small steps. A breath of a pixel, a lamp's slow glow or a marker's
 * widening ring changes the picture by a fraction of a pixel or of a shade each frame; taken in
 * steps of a fifth of a pixel or a few hundredths of alpha it looks the same, and the stage, which
 * draws only what changed (changed-regions.ts), redraws a few times a second instead of every frame.
 */

/** `ease` taken in `steps` equal steps of its value: a tween ease (pure). */
export function stepped(ease: (v: number) => number, steps: number): (v: number) => number {
  return (v) => Math.round(ease(v) * steps) / steps;
}
