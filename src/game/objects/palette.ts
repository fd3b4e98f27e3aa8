/**
 * The one palette of the game's art: flat mid-century illustration, restrained and warm.
 * Every drawn piece takes its colours from here so the rooms belong to one picture book.
 */
export const Ink = {
  cream: 0xf2e8cf,
  creamDeep: 0xe4d5b0,
  paper: 0xf6efdc,
  parchment: 0xead9b3,
  olive: 0x7a7a3f,
  oliveDeep: 0x5d5f2f,
  oliveLight: 0xa3a064,
  green: 0x2f5d46,
  greenDeep: 0x1f4234,
  greenLight: 0x4f7d5f,
  mahogany: 0x6b2e1f,
  mahoganyDeep: 0x4c1f15,
  mahoganyLight: 0x8a4630,
  walnut: 0x7b5236,
  steel: 0x6e7b85,
  steelDeep: 0x4a555e,
  steelLight: 0x98a4ab,
  red: 0xb0453a,
  redDeep: 0x86322b,
  lamp: 0xf2c14e,
  lampLight: 0xf8dc8c,
  night: 0x1c2a44,
  nightDeep: 0x121c31,
  nightLight: 0x2e4168,
  dusk: 0xc8795a,
  charcoal: 0x2a2a2c,
  ink: 0x1e1b18,
  white: 0xf7f3ea,
  gold: 0xc9a54a,
  goldDeep: 0x9c7c2e,
  navy: 0x24324f,
  skyDay: 0xa9c4cf,
  sea: 0xb9cfc6,
  seaDeep: 0x9dbab0,
} as const;

/** Skin and hair tones for generic figures (no likeness of any real person is intended). */
export const Tone = {
  skinFair: 0xe6b994,
  skinFairShade: 0xcf9c78,
  skinWarm: 0xcf9a70,
  skinWarmShade: 0xb47f58,
  skinDeep: 0xa87550,
  skinDeepShade: 0x8c5d3d,
  hairDark: 0x2b221d,
  hairBrown: 0x5b4330,
  hairGrey: 0x8d8a84,
  hairSalt: 0x6d6962,
} as const;

/** Mixes two 0xRRGGBB colours; t = 0 gives a, t = 1 gives b. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.min(1, Math.max(0, t));
  const ch = (shift: number): number => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}
