/**
 * The scenario file format (YAML, one file per post), as a zod schema.
 * A scenario is data only: conditions and effects are a small closed vocabulary, never code.
 * Pure; imports nothing but zod.
 */
import { z } from 'zod';
import { CLAIMS, PHASES, POINTS, PRECEDENCES, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, SHOWS, SOUND_CUES, VOTES, type ClaimId, type Point } from './vocabulary.ts';

export {
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  PHASES,
  POINTS,
  PRECEDENCES,
  SOUND_CUES,
  CLAIMS,
  TELEGRAM_PARTS,
  VOTES,
  SHOWS,
  type Phase,
  type Point,
  type Precedence,
  type SoundCue,
  type ClaimId,
  type TelegramPart,
  type Vote,
  type Show,
} from './vocabulary.ts';

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
  | { claim: ClaimId }
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
    z.strictObject({ claim: z.enum(CLAIMS) }),
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
  /** Why this outcome is in the draw, in the student's words ("you stressed hemispheric unity"); the debrief explains the draw with it. */
  reason: text.optional(),
  next: id,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const endingSchema = z.strictObject({
  outcome: id,
  title: text,
  summary: text,
  /** What the ending says about the student's conduct; proven over every path by the scenario tests. */
  claims: z.partialRecord(z.enum(CLAIMS), z.boolean()).optional(),
});

/** A paragraph shown after a node's text only when its condition holds: the text differs with the state. */
export const passageSchema = z.strictObject({ if: conditionSchema.optional(), text });
export type Passage = z.infer<typeof passageSchema>;

export const nodeSchema = z
  .strictObject({
    phase: z.enum(PHASES),
    /** A key of `people`, or "narrator". */
    speaker: id,
    text,
    sound: z.enum(SOUND_CUES).optional(),
    /** Paragraphs after `text`, each shown when its condition holds, in file order. */
    passages: z.array(passageSchema).min(1).optional(),
    /** A table the overlay draws under the text: Washington's count of the replies, or the Organ's vote. */
    show: z.enum(SHOWS).optional(),
    /**
     * Show the choices in an order drawn from the session's seed (the same on every replay), so the
     * best answer is not always under the same key. Leave it off where the order means something
     * (times of day, precedences).
     */
    shuffle: z.literal(true).optional(),
    /**
     * A decision that matters most: the student is asked to write why (this question), one or two
     * sentences kept in the log entry; a teacher's link can make the answer required.
     */
    why: text.optional(),
    choices: z.array(choiceSchema).min(1).optional(),
    chance: z.array(outcomeSchema).min(1).optional(),
    ending: endingSchema.optional(),
  })
  .refine((n) => [n.choices, n.chance, n.ending].filter((x) => x !== undefined).length === 1, {
    message: 'a node has exactly one of choices, chance or ending',
  })
  .refine((n) => n.why === undefined || n.choices !== undefined, { message: 'only a node with choices can ask why', path: ['why'] });
export type ScenarioNode = z.infer<typeof nodeSchema>;

/** Where a person sits in the meeting scene: the student's side (`guest`) or the side received (`host`). */
const seat = z.enum(['guest', 'host']).optional();
const personSchema = z.union([
  z.strictObject({ name: text, role: text, historical: z.literal(true), source, note: text.optional(), seat }),
  z.strictObject({ name: text, role: text, invented: z.literal(true), note: text.optional(), seat }),
]);
export type Person = z.infer<typeof personSchema>;

/** Washington's table of the republics: the line it holds for each and how each would vote on armed measures. */
const hemisphereSchema = z.strictObject({
  note: text,
  republics: z.array(z.strictObject({ country: text, line: text, vote: z.enum(VOTES), source })).min(1),
});
export type Hemisphere = z.infer<typeof hemisphereSchema>;

/** The criteria a rubric can score; each is computed by the core (src/core/rubric/rubric.ts) from the session. */
export const RUBRIC_CRITERIA = ['timeliness', 'completeness', 'discretion', 'fidelity', 'candour'] as const;
export type RubricCriterionId = (typeof RUBRIC_CRITERIA)[number];

/** What must happen before the deadline for the timeliness criterion: the démarche (`met`) and the report (`sent`). */
export const DEADLINE_MARKS = ['met', 'sent'] as const;
export type DeadlineMark = (typeof DEADLINE_MARKS)[number];

/**
 * What this scenario asks of its post and how it is judged: which phases it runs, which parts of the
 * circular the post must convey, and its rubric's criteria with their weights and the words shown
 * before the game. Nothing in code names a post or a person; this block says what differs.
 */
export const missionSchema = z.strictObject({
  /**
   * How the circular reached the post: `action` (an addressee told to act: the embassies, and USUN for its own
   * paragraph) or `information` (a copy for information only, with no instruction to act).
   */
  instruction: z.enum(['action', 'information']),
  /** Who the student is, as the title screen says it ("the United States Ambassador in Caracas"). */
  role: text,
  /** Whom the student sees, as the debrief names him ("the Foreign Minister", "the Secretary-General"); "the minister" by default. */
  counterpart: text.optional(),
  /** The student's own office, as the debrief names it ("the mission"); "the embassy" by default. */
  office: text.optional(),
  /** The phases this scenario runs, in the order of PHASES. */
  phases: z.array(z.enum(PHASES)).min(2),
  /**
   * Where a phase happens, where it differs from an embassy's ("UN Secretariat" for the meeting): a
   * place, or places that depend on the state, the first whose `if` holds (Rio's meeting is at the
   * Minister's home when he receives the ambassador that night, else at Itamaraty). A place without
   * `if` is the one shown where no state is (the branch map's bands).
   */
  places: z.partialRecord(z.enum(PHASES), z.union([text, z.array(z.strictObject({ if: conditionSchema.optional(), place: text })).min(1)])).optional(),
  /** The parts of the circular this post must convey; the rubric counts these. Empty for an information copy. */
  points: z.array(point),
  /** The rubric's criteria, in the order shown; a criterion left out is not scored. */
  rubric: z
    .array(
      z.strictObject({
        criterion: z.enum(RUBRIC_CRITERIA),
        title: text,
        points: z.int().min(1).max(10),
        /** The criterion in words a sixteen-year-old reads in a minute, shown before the game and in the debrief. */
        guide: text,
        /** Timeliness only: what must come before the deadline (both when left out). */
        needs: z.array(z.enum(DEADLINE_MARKS)).min(1).optional(),
      }),
    )
    .min(1),
});
export type Mission = z.infer<typeof missionSchema>;

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  id,
  version: z.int().min(1),
  /**
   * The content hashes of earlier texts of this scenario whose games may go on under this one: the
   * revision changed no decision (the same nodes, choices, outcomes, conditions and effects; only
   * words around them). A test checks the claim against the kept text in scenarios/archive/.
   */
  continues: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a content hash (64 lower-case hex digits)')).optional(),
  title: text,
  summary: text,
  post: z.strictObject({
    country: text,
    city: text,
    /** Minutes east of UTC (Mexico City in November 1962: -360). */
    utcOffsetMinutes: z.int().min(-720).max(840),
    offsetSource: source,
    /**
     * The set the scenes draw: `mexico-city` is the Paseo de la Reforma and a Mexican ministry (flag
     * included); any other post gets a street and an office with nothing that names a country, until
     * its own art is drawn.
     */
    scenery: z.enum(['mexico-city']).optional(),
    /** Where the post is, for the map of the hemisphere (degrees; north and east positive). */
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    chancery: z.strictObject({ text, source }),
    ministry: z.strictObject({ text, source }),
  }),
  /** What the post is asked to do and how it is judged; texts kept from before it existed get EMBASSY_MISSION. */
  mission: missionSchema.optional(),
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
  responses: z.record(
    id,
    z.strictObject({
      label: text,
      description: text,
      telegram: text,
      /**
       * Warmer is higher: a report of a warmer response than the actual one is rosier, of a cooler one
       * darker. Without it every response is equally warm, so a wrong report is only "unfounded".
       */
      warmth: z.int().optional(),
      /** The line Washington's count shows for the post when this is the reported response (else `telegram`). */
      count: text.optional(),
      /** How the post's delegate would vote on armed measures at the Organ with this response (else not known). */
      vote: z.enum(VOTES).optional(),
    }),
  ),
  /**
   * The other republics as Washington counts them, from the research (no replies to the circular survive:
   * the lines are the record of October and November, marked as such), for the count and the Organ's vote.
   */
  hemisphere: hemisphereSchema.optional(),
  /** The debrief's opening ("what happened and why") and its discussion questions. */
  debrief: z
    .strictObject({ whatHappened: text, questions: z.array(text).length(3), source })
    .optional(),
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
    /** The sending office on the form ("American Embassy, Mexico City"; by default "American Embassy, " and `from`). */
    office: text.optional(),
    /** The addressee of the ACTION line (by default "DEPARTMENT OF STATE, WASHINGTON"). */
    action: text.optional(),
    /** Offices the telegram is repeated to for information ("USUN NEW YORK"), on an INFO line. */
    info: text.optional(),
    /** Whom the first paragraph says was seen ("Government", "Acting Secretary-General"); by default "Government". */
    saw: text.optional(),
    number: text,
    reference: text,
    signature: text,
    formSource: source,
    /**
     * Paragraphs the student can put in the telegram. A plain text is not judged; a judged paragraph names its
     * part and what it says: `fits` lists the actual responses it reports faithfully (words, comment), `admits`
     * says whether it owns up to going beyond instructions (remarks).
     */
    paragraphs: z.record(
      id,
      z.union([
        text,
        z.strictObject({ part: z.enum(['words', 'comment']), text, fits: z.array(id).min(1) }),
        z.strictObject({ part: z.literal('remarks'), text, admits: z.boolean() }),
      ]),
    ),
  }),
  start: id,
  nodes: z.record(id, nodeSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * Where a block of the circular stands: the form's head and boxes (`marking`, `routing`), the drafting and
 * clearance box and form print at the foot of page 1 (`footer`), the message itself (`body`, `point`, `fyi`,
 * `usun`, `signature`), and the stamps added when the file was declassified decades later (`declassification`),
 * which are no part of the 1962 telegram.
 */
export const CABLE_BLOCK_KINDS = ['marking', 'routing', 'body', 'point', 'fyi', 'usun', 'signature', 'footer', 'declassification'] as const;
export type CableBlockKind = (typeof CABLE_BLOCK_KINDS)[number];

/** A block's text: `~~x~~` marks a strike-through, `[[illegible: OCR reading]]` a place the copy does not let us read. */
const cableText = text.refine((t) => !/\[\[(?!illegible(?::[^\]]*)?\]\])/.test(t), {
  message: 'the only [[...]] mark is [[illegible]] or [[illegible: OCR reading]]',
});

/** The circular as the student reads it (scenarios/shared/circular-938.yaml). See src/core/cable-markup.ts for its marks. */
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
          kind: z.enum(CABLE_BLOCK_KINDS),
          /** Links a block to a point of the instruction (for highlighting) or to "fyi" / "usun". */
          ref: z.union([point, z.enum(['fyi', 'usun'])]).optional(),
          text: cableText,
        }),
      ),
    }),
  ).min(1),
});
export type Cable = z.infer<typeof cableSchema>;

export const glossarySchema = z.strictObject({
  format: z.literal('circular938-glossary'),
  terms: z
    .array(
      z.strictObject({
        term: text,
        expansion: text,
        definition: text,
        source,
        /** The scenario ids whose glossary lists the term (a word of one post: "SRE", "Licenciado"); every post's when left out. */
        posts: z.array(id).min(1).optional(),
      }),
    )
    .min(1),
});
export type Glossary = z.infer<typeof glossarySchema>;

/**
 * Washington's side, the same for every post (scenarios/shared/washington.yaml): the republics as the Bureau of
 * Inter-American Affairs counts them. A post's own row is its telegram; the table gives the others.
 */
export const washingtonSchema = z.strictObject({
  format: z.literal('circular938-washington'),
  hemisphere: hemisphereSchema,
});
export type Washington = z.infer<typeof washingtonSchema>;
