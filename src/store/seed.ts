/**
 * A seed given from outside (a `?seed=N` link, an end-to-end test) so that a game can be
 * reproduced. Only plain decimal digits within uint32 count; anything else is ignored, never an
 * error, and the game then draws a fresh seed.
 */

const MAX_SEED = 0xffffffff;

/** The seed `text` names, or null when it is absent or not digits within 0..4294967295. Pure. */
export function parseSeed(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_SEED ? n : null;
}
