/**
 * The scenario file format (YAML, one file per post), as a zod schema.
 * A scenario is data only: conditions and effects are a small closed vocabulary, never code.
 * Pure; imports nothing but zod.
 */
import { z } from 'zod';

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

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
/** A time with an explicit offset, e.g. "1962-11-20T10:00-06:00" or "1962-11-20T16:00Z". */
export const timeString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/, 'must be a time like 1962-11-20T10:00-06:00');
/** Where a historical fact comes from; required wherever a fact or a historical person appears. */
const source = z.string().trim().min(8, 'must name a source');
const text = z.string().trim().min(1, 'must not be empty');

export type Condition =
  | { flag: string }
  | { notFlag: string }
  | { counter: string; atLeast?: number; atMost?: number }
  | { conveyed: Point[] }
  | { notConveyed: Point[] }
  | { conveyedAtLeast: number }
  | { leaked: string }
  | { noLeaks: true }
  | { before: string }
  | { after: string }
  | { actual: string }
  | { reported: string }
  | { variant: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const point = z.enum(POINTS);
/** `before`/`after` take a time string or the word "deadline". */
const timeRef = z.union([z.literal('deadline'), timeString]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: id }),
    z.strictObject({ notFlag: id }),
    z.strictObject({ counter: id, atLeast: z.int().optional(), atMost: z.int().optional() }),
    z.strictObject({ conveyed: z.array(point).min(1) }),
    z.strictObject({ notConveyed: z.array(point).min(1) }),
    z.strictObject({ conveyedAtLeast: z.int().min(0) }),
    z.strictObject({ leaked: id }),
    z.strictObject({ noLeaks: z.literal(true) }),
    z.strictObject({ before: timeRef }),
    z.strictObject({ after: timeRef }),
    z.strictObject({ actual: id }),
    z.strictObject({ reported: id }),
    z.strictObject({ variant: id }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
) as z.ZodType<Condition>;

/** Effects are data; the engine carries them out in order. */
export const effectSchema = z.union([
  z.strictObject({ set: id }),
  z.strictObject({ unset: id }),
  z.strictObject({ add: z.strictObject({ counter: id, by: z.int() }) }),
  z.strictObject({ convey: z.array(point).min(1) }),
  /** A pitfall taken: passing on FYI or USUN-only lines, promising what Washington has not decided. */
  z.strictObject({ leak: id }),
  /** Fixes the minister's actual response (the meeting's outcome). */
  z.strictObject({ actual: id }),
  /** Sets the reaction as the student's telegram reports it. */
  z.strictObject({ report: id }),
  z.strictObject({ precedence: z.enum(PRECEDENCES) }),
  /** Appends a paragraph (by id, from `telegram.paragraphs`) to the outgoing telegram. */
  z.strictObject({ draft: id }),
  /** Records the current game time under a name: `met` (the démarche made), `sent` (the report sent). */
  z.strictObject({ mark: z.enum(['met', 'sent']) }),
  /** Moves the clock forward to a time; never backwards. */
  z.strictObject({ clockTo: timeString }),
]);
export type Effect = z.infer<typeof effectSchema>;

export const choiceSchema = z.strictObject({
  label: text,
  /** Offered only when no other choice of the node is open: the node's guaranteed way out. */
  fallback: z.literal(true).optional(),
  /** Game minutes the action costs. */
  minutes: z.int().min(0).max(24 * 60),
  if: conditionSchema.optional(),
  effects: z.array(effectSchema).optional(),
  next: id,
});
export type Choice = z.infer<typeof choiceSchema>;

export const outcomeSchema = z.strictObject({
  weight: z.int().min(1),
  /** Drawn only when no other outcome of the node applies. */
  fallback: z.literal(true).optional(),
  minutes: z.int().min(0).max(24 * 60).optional(),
  if: conditionSchema.optional(),
  effects: z.array(effectSchema).optional(),
  next: id,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const endingSchema = z.strictObject({
  outcome: id,
  title: text,
  summary: text,
});

export const nodeSchema = z
  .strictObject({
    phase: z.enum(PHASES),
    /** A key of `people`, or "narrator". */
    speaker: id,
    text,
    sound: z.enum(SOUND_CUES).optional(),
    /**
     * Show the choices in an order drawn from the session's seed (the same on every replay), so the
     * best answer is not always under the same key. Leave it off where the order means something
     * (times of day, precedences).
     */
    shuffle: z.literal(true).optional(),
    choices: z.array(choiceSchema).min(1).optional(),
    chance: z.array(outcomeSchema).min(1).optional(),
    ending: endingSchema.optional(),
  })
  .refine((n) => [n.choices, n.chance, n.ending].filter((x) => x !== undefined).length === 1, {
    message: 'a node has exactly one of choices, chance or ending',
  });
export type ScenarioNode = z.infer<typeof nodeSchema>;

const personSchema = z.union([
  z.strictObject({ name: text, role: text, historical: z.literal(true), source, note: text.optional() }),
  z.strictObject({ name: text, role: text, invented: z.literal(true), note: text.optional() }),
]);
export type Person = z.infer<typeof personSchema>;

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  id,
  version: z.int().min(1),
  title: text,
  summary: text,
  post: z.strictObject({
    country: text,
    city: text,
    /** Minutes east of UTC (Mexico City in November 1962: -360). */
    utcOffsetMinutes: z.int().min(-720).max(840),
    offsetSource: source,
    chancery: z.strictObject({ text, source }),
    ministry: z.strictObject({ text, source }),
  }),
  washington: z.strictObject({ utcOffsetMinutes: z.int(), offsetSource: source }),
  clock: z.strictObject({
    /** When the cable was sent, with the source of the time stamp. */
    cableSent: timeString,
    cableSentSource: source,
    /** When play begins (the cable on the teletype). */
    start: timeString,
    /** The press conference. */
    deadline: timeString,
    deadlineSource: source,
  }),
  people: z.record(id, personSchema),
  stance: z.strictObject({ summary: text, source }),
  /** What really happened, shown in the debrief. */
  facts: z.array(z.strictObject({ text, source })).min(1),
  /** The government reactions the meeting can produce and the telegram can report. */
  responses: z.record(id, z.strictObject({ label: text, description: text, telegram: text })),
  pitfalls: z.record(
    id,
    /** leak: passed on what was not for the host government; promise: promised what Washington had not decided; concealment: hid a slip from Washington. */
    z.strictObject({ kind: z.enum(['leak', 'promise', 'concealment']), label: text, explanation: text }),
  ),
  variants: z.record(
    id,
    z.union([
      z.strictObject({ label: text, description: text, historical: z.literal(true), source }),
      z.strictObject({ label: text, description: text, counterfactual: z.literal(true) }),
    ]),
  ),
  /** The reporting telegram in 1962 form. Paragraph texts are appended by `draft` effects. */
  telegram: z.strictObject({
    classification: text,
    from: text,
    number: text,
    reference: text,
    signature: text,
    formSource: source,
    paragraphs: z.record(id, text),
  }),
  start: id,
  nodes: z.record(id, nodeSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** The circular as the student reads it (scenarios/shared/circular-938.yaml). `~~x~~` marks a strike-through. */
export const cableSchema = z.strictObject({
  format: z.literal('circular938-cable'),
  id,
  title: text,
  source: source,
  /** Transcription notes: which OCR errors were fixed and how. */
  notes: z.array(text),
  pages: z.array(
    z.strictObject({
      page: z.int().min(1),
      blocks: z.array(
        z.strictObject({
          kind: z.enum(['marking', 'routing', 'body', 'point', 'fyi', 'usun', 'signature', 'footer']),
          /** Links a block to a point of the instruction (for highlighting) or to "fyi" / "usun". */
          ref: z.union([point, z.enum(['fyi', 'usun'])]).optional(),
          text,
        }),
      ),
    }),
  ).min(1),
});
export type Cable = z.infer<typeof cableSchema>;

export const glossarySchema = z.strictObject({
  format: z.literal('circular938-glossary'),
  terms: z.array(z.strictObject({ term: text, expansion: text, definition: text, source })).min(1),
});
export type Glossary = z.infer<typeof glossarySchema>;
