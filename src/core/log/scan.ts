/**
 * A cheap, iterative look over parsed JSON before anything else walks it. A file decides how deep,
 * how long and how wide its data is, so every later step (zod, hashing, replay) only ever sees data
 * this scan has bounded: no recursion on a depth the file controls, no work proportional to a list
 * the file made huge. It also refuses text that is not valid Unicode (a lone surrogate, which
 * JSON.parse lets through from a `\ud800` escape) and anything that is not JSON data at all.
 *
 * Pure; never throws for data that is JSON-shaped (a getter that throws is the caller's problem:
 * `verifyLog` catches it).
 */

/** `attempts[0].entries[3].choice` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The bounds a log file must keep. A real log is far inside every one of them. */
export interface JsonLimits {
  /** Nesting of lists and objects; a sealed log needs 5 levels. */
  maxDepth: number;
  /** Items in one list (attempts, entries of an attempt, claims). */
  maxItems: number;
  /** Fields in one object. */
  maxKeys: number;
  /** Lists, objects and values in all. */
  maxNodes: number;
  /** Characters in one text or field name. */
  maxStringChars: number;
}

export const LOG_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 12,
  maxItems: 2_000,
  maxKeys: 100,
  maxNodes: 200_000,
  maxStringChars: 2_000,
};

/**
 * Decisions in one log, all attempts together. A class period is under an hour: even a student who
 * clicks through every few seconds and rewinds often records well under 2,000 decisions.
 */
export const MAX_LOG_ENTRIES = 5_000;

/** A lone high surrogate, or a low surrogate without its high half (the regex works on UTF-16 units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The 1-based character position of the first lone surrogate in `text`, or 0 when it is valid Unicode. */
export function loneSurrogateAt(text: string): number {
  const match = LONE_SURROGATE.exec(text);
  return match === null ? 0 : match.index + 1;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | null;
  key: string | number | null;
}

function pathOf(frame: Frame | null, key: string | number | null = null): string {
  const keys: (string | number)[] = key === null ? [] : [key];
  for (let f = frame; f !== null && f.key !== null; f = f.parent) keys.push(f.key);
  const path = formatPath(keys.reverse());
  return path === '' ? 'the whole file' : path;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Any surrogate at all: most texts have none, and only those that do get the exact check. */
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a text (a value or a field name) keeps the bounds `scanJson` holds it to: its length, and valid Unicode. */
export function isBoundedText(text: string, limits: JsonLimits = LOG_LIMITS): boolean {
  return text.length <= limits.maxStringChars && (!ANY_SURROGATE.test(text) || loneSurrogateAt(text) === 0);
}

function textProblem(text: string, frame: Frame | null, key: string | number | null, what: string, limits: JsonLimits): string | null {
  if (text.length > limits.maxStringChars) {
    return `${pathOf(frame, key)}: ${what} is ${plural(text.length, 'character')} long, more than a log ever holds (${plural(limits.maxStringChars, 'character')}).`;
  }
  if (!ANY_SURROGATE.test(text)) return null;
  const at = loneSurrogateAt(text);
  if (at > 0) {
    return `${pathOf(frame, key)}: ${what} is not valid Unicode (a lone surrogate at character ${at}); the file was damaged or made by hand.`;
  }
  return null;
}

/** The problem with one value that is not a list or an object, or null. */
function leafProblem(v: unknown, frame: Frame | null, key: string | number | null, limits: JsonLimits): string | null {
  switch (typeof v) {
    case 'string':
      return textProblem(v, frame, key, 'the text', limits);
    case 'number':
      return Number.isFinite(v) ? null : `${pathOf(frame, key)}: ${String(v)} is not a JSON number.`;
    case 'boolean':
    case 'undefined':
      return null;
    default:
      return v === null ? null : `${pathOf(frame, key)}: a ${typeof v} is not JSON data.`;
  }
}

const tooMany = (limits: JsonLimits): string =>
  `The file holds more than ${plural(limits.maxNodes, 'value')}, far more than a decision log ever does.`;

/**
 * The first way `value` leaves the bounds of a log file, as a readable problem with its JSON path,
 * or null when it keeps them all. Visits each value once, with an explicit stack of the lists and
 * objects still to look into.
 */
export function scanJson(value: unknown, limits: JsonLimits = LOG_LIMITS): string | null {
  if (value === null || typeof value !== 'object') return leafProblem(value, null, null, limits);
  const stack: Frame[] = [{ value, depth: 1, parent: null, key: null }];
  let nodes = 1;
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const here = frame;
    const v = here.value;
    if (here.depth > limits.maxDepth) {
      return `${pathOf(here)}: lists and objects are nested more than ${limits.maxDepth} deep, far deeper than a decision log.`;
    }
    const depth = here.depth + 1;
    if (Array.isArray(v)) {
      if (v.length > limits.maxItems) {
        return `${pathOf(here)}: the list has ${plural(v.length, 'item')}, more than a log ever holds (${plural(limits.maxItems, 'item')}).`;
      }
      nodes += v.length;
      if (nodes > limits.maxNodes) return tooMany(limits);
      for (let i = v.length - 1; i >= 0; i--) {
        const child: unknown = v[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth, parent: here, key: i });
        else {
          const problem = leafProblem(child, here, i, limits);
          if (problem !== null) return problem;
        }
      }
      continue;
    }
    if (!isPlainObject(v)) return `${pathOf(here)}: this is not JSON data.`;
    const names = Object.keys(v);
    if (names.length > limits.maxKeys) {
      return `${pathOf(here)}: the object has ${plural(names.length, 'field')}, more than a log ever holds (${plural(limits.maxKeys, 'field')}).`;
    }
    nodes += names.length;
    if (nodes > limits.maxNodes) return tooMany(limits);
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i] as string;
      const bad = textProblem(name, here, null, 'a field name', limits);
      if (bad !== null) return bad;
      const child: unknown = (v as Record<string, unknown>)[name];
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth, parent: here, key: name });
      else {
        const problem = leafProblem(child, here, name, limits);
        if (problem !== null) return problem;
      }
    }
  }
  return null;
}

/**
 * The same bounds read off JSON text before it is parsed (JSON.parse itself is slow on deeply
 * nested or very wide input): nesting depth and the items of each list or object. A single pass
 * over the characters; the problem names the line and column. Null when the text keeps the bounds
 * (whether it is valid JSON is left to JSON.parse).
 */
export function scanJsonText(text: string, limits: JsonLimits = LOG_LIMITS): string | null {
  const counts = new Int32Array(limits.maxDepth + 2);
  const lists = new Uint8Array(limits.maxDepth + 2);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Most of a file outside its texts is indentation: one comparison, then on.
    if (c < 0x22) continue;
    if (c === 0x22) {
      // Jump to the quote that closes the text: the next one that no odd number of backslashes escapes.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return null;
        let slashes = 0;
        for (let j = quote - 1; j > i && text.charCodeAt(j) === 0x5c; j--) slashes++;
        i = quote;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x2c) {
      if (depth === 0) continue;
      const n = (counts[depth] as number) + 1;
      counts[depth] = n;
      const list = lists[depth] === 1;
      const max = list ? limits.maxItems : limits.maxKeys;
      if (n + 1 > max) {
        return `at ${lineAndColumn(text, i)}: ${list ? `a list has more than ${plural(max, 'item')}` : `an object has more than ${plural(max, 'field')}`}, more than a log ever holds.`;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limits.maxDepth) {
        return `at ${lineAndColumn(text, i)}: lists and objects are nested more than ${limits.maxDepth} deep, far deeper than a decision log.`;
      }
      counts[depth] = 0;
      lists[depth] = c === 0x5b ? 1 : 0;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
  return null;
}

/** "line 3, column 14" of a 0-based position in a text. */
function lineAndColumn(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${at - lineStart + 1}`;
}
