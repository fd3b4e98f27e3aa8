/**
 * The scenario format's closed vocabularies (phases, points, precedences, sound cues, claims, telegram
 * parts, votes, shows) as constants, apart from the zod schema that uses them (schema.ts): code that
 * plays a game or reads a log needs the words, not the schema, so it does not load zod.
 */
export const SCENARIO_FORMAT = 'circular938-scenario';
export const SCENARIO_FORMAT_VERSION = 1;

export const PHASES = ['cable', 'appointment', 'meeting', 'report', 'washington', 'debrief'] as const;
export type Phase = (typeof PHASES)[number];

/** What the circular asks the ambassador to convey: points (a)–(h), the Organ of Consultation request, the request for a reaction. */
export const POINTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'organ', 'reaction'] as const;
export type Point = (typeof POINTS)[number];

export const PRECEDENCES = ['NIACT', 'PRIORITY', 'ROUTINE'] as const;
export type Precedence = (typeof PRECEDENCES)[number];

/** Sound cues a node may start; the audio adapter maps each to a file and a caption. */
export const SOUND_CUES = ['teletype', 'telephone', 'clock', 'room', 'crowd', 'door'] as const;
export type SoundCue = (typeof SOUND_CUES)[number];

/**
 * What an ending may claim about the student's conduct. Each is a predicate over the session state
 * (src/core/verdict/claims.ts); the scenario tests prove over every reachable path that an ending is
 * reached only when its claims hold.
 */
export const CLAIMS = [
  /** The démarche was made before the press conference. */
  'met-in-time',
  /** A telegram was sent. */
  'report-sent',
  /** The telegram left before the press conference, and not ROUTINE. */
  'reported-in-time',
  /** The telegram's reaction line was the minister's actual reaction. */
  'honest-report',
  /** Every part of the telegram was faithful or left out, and no part contradicted another. */
  'plain-report',
  /** What Washington last heard was the actual reaction. */
  'final-word-true',
  /** The telegram got the reaction wrong and a later word to Washington put it right. */
  'corrected',
  /** No FYI or USUN line was passed on. */
  'no-leak',
  /** Nothing was promised that Washington had not decided. */
  'no-promise',
  /** No slip was hidden from Washington. */
  'no-concealment',
] as const;
export type ClaimId = (typeof CLAIMS)[number];

/** The parts of the telegram a scenario paragraph can fill; the reaction line, precedence and time are judged apart. */
export const TELEGRAM_PARTS = ['words', 'remarks', 'comment'] as const;
export type TelegramPart = (typeof TELEGRAM_PARTS)[number];

/** How a republic (or the post's government, through its response) would vote on armed measures at the Organ. */
export const VOTES = ['for', 'abstain', 'against'] as const;
export type Vote = (typeof VOTES)[number];

/** What a node's `show` asks the overlay to draw beside the text, from core functions (src/core/verdict/count.ts). */
export const SHOWS = ['count', 'vote'] as const;
export type Show = (typeof SHOWS)[number];
