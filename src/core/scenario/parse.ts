/**
 * Reads scenario and shared files (YAML) into checked data. Every problem is reported at once,
 * YAML syntax and schema alike, each at the line and column where it is written. Pure: the
 * caller reads the file; nothing here touches the file system.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { cableSchema, glossarySchema, scenarioSchema, washingtonSchema, type Cable, type Glossary, type Scenario, type Washington } from './schema.ts';
import { issueAt, sortIssues, type IssuePath, type Locator, type Position, type ScenarioIssue } from './issues.ts';
import { translateIssues } from './schema-issues.ts';

/** The file cannot be used; `issues` says every reason. */
export interface ParseFailure {
  ok: false;
  /** Every problem found, in file order; never empty. */
  issues: ScenarioIssue[];
}

/** The result of `parseScenario`; `locator` places later (semantic) issues in the same text, see `checkScenario`. */
export type ParseResult = { ok: true; scenario: Scenario; locator: Locator } | ParseFailure;
/** The result of `parseCable`. */
export type CableParseResult = { ok: true; cable: Cable; locator: Locator } | ParseFailure;
/** The result of `parseGlossary`. */
export type GlossaryParseResult = { ok: true; glossary: Glossary; locator: Locator } | ParseFailure;
/** A file of `scenarios/shared/`, told apart by its `format` field. */
export type SharedParseResult =
  | { ok: true; kind: 'cable'; cable: Cable; locator: Locator }
  | { ok: true; kind: 'glossary'; glossary: Glossary; locator: Locator }
  | { ok: true; kind: 'washington'; washington: Washington; locator: Locator }
  | ParseFailure;

type Parsed<T> = { ok: true; value: T; locator: Locator } | ParseFailure;

const START: Position = { line: 1, col: 1 };

type MapNode = YAMLMap<unknown, unknown>;
type MapPair = MapNode['items'][number];

/** How a mapping key reads as a path segment: `1` and `"1"` are the same step. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/**
 * Places paths at the key of a mapping entry or the start of a sequence item, as editors expect.
 * Each mapping's keys are indexed the first time a path enters it, so placing n issues in a
 * mapping of n keys costs n steps, not n² (20,000 stray keys in one node).
 */
function documentLocator(doc: Document, lines: LineCounter, file: string): Locator {
  const place = (offset: number | undefined, fallback: Position): Position =>
    offset === undefined ? fallback : lines.linePos(offset);
  const indexes = new WeakMap<MapNode, Map<string, MapPair>>();
  // Resolving an alias searches the document for its anchor: once per alias is enough.
  const targets = new WeakMap<object, unknown>();
  const resolve = (alias: Alias): unknown => {
    if (!targets.has(alias)) targets.set(alias, alias.resolve(doc));
    return targets.get(alias);
  };
  const pairOf = (map: MapNode, segment: string | number): MapPair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const text = keyText(pair.key);
        // The first of two equal keys wins, as a search in file order would find it.
        if (text !== undefined && !index.has(text)) index.set(text, pair);
      }
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  return {
    file,
    at(path: IssuePath): Position {
      let node: unknown = doc.contents;
      let position = place((node as Node | null)?.range?.[0], START);
      for (const segment of path) {
        if (isAlias(node)) node = resolve(node);
        if (isMap(node)) {
          const pair = pairOf(node, segment);
          if (!pair) break;
          position = place((pair.key as Node | null)?.range?.[0], position);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item: unknown = node.items[segment];
          if (item === undefined) break;
          position = place((item as Node | null)?.range?.[0], position);
          node = item;
        } else {
          break;
        }
      }
      return position;
    },
  };
}

interface YamlRead {
  ok: true;
  data: unknown;
  locator: Locator;
}

/**
 * Where a mapping repeats a key: the offset of each repeat. The YAML library's own check compares
 * each key with every earlier one (20,000 keys: minutes), so it is turned off and done here with a
 * set per mapping, over an explicit stack rather than recursion. Aliases are not followed.
 */
function duplicateKeys(doc: Document): number[] {
  const repeats: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        // As the library compares them: scalars by value, anything else by identity (never equal).
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) repeats.push(pair.key.range?.[0] ?? 0);
          else seen.add(pair.key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return repeats;
}

/** YAML text to plain data; syntax errors become issues at their line and column. */
function readYaml(text: string, file: string): YamlRead | ParseFailure {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  // Warnings (an unknown tag, say) count too: a scenario file should read the same in every parser.
  const problems = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], message: e.message })),
    ...doc.warnings.map((e) => ({ offset: e.pos[0], message: e.message })),
    ...duplicateKeys(doc).map((offset) => ({ offset, message: 'Map keys must be unique' })),
  ];
  if (problems.length > 0) {
    const issues = problems.map((e) => ({ file, ...lines.linePos(e.offset), path: '', message: `YAML: ${e.message}` }));
    return { ok: false, issues: sortIssues(issues) };
  }
  try {
    return { ok: true, data: doc.toJS(), locator: documentLocator(doc, lines, file) };
  } catch (error) {
    // An alias bomb or an alias to nothing; the parser's own message says which.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file, ...START, path: '', message: `YAML: ${message}` }] };
  }
}

/** Checks read data against a schema, collecting every issue. */
function validate<T>(schema: z.ZodType<T>, read: YamlRead): Parsed<T> {
  const result = schema.safeParse(read.data);
  if (result.success) return { ok: true, value: result.data, locator: read.locator };
  const issues = translateIssues(result.error.issues, read.data).map((i) => issueAt(read.locator, i.path, i.message));
  return { ok: false, issues: sortIssues(issues) };
}

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string): Parsed<T> {
  const read = readYaml(text, file);
  return read.ok ? validate(schema, read) : read;
}

/**
 * Parses a scenario file against the schema only; `loadScenario` adds the semantic checks.
 * `file` is the name issues carry (e.g. "scenarios/mexico.yaml"). Pure; never throws for bad input.
 */
export function parseScenario(text: string, file: string): ParseResult {
  const r = parseWith(scenarioSchema, text, file);
  return r.ok ? { ok: true, scenario: r.value, locator: r.locator } : r;
}

/** Parses the circular (scenarios/shared/circular-938.yaml). Pure; never throws for bad input. */
export function parseCable(text: string, file: string): CableParseResult {
  const r = parseWith(cableSchema, text, file);
  return r.ok ? { ok: true, cable: r.value, locator: r.locator } : r;
}

/** Parses the glossary (scenarios/shared/). Pure; never throws for bad input. */
export function parseGlossary(text: string, file: string): GlossaryParseResult {
  const r = parseWith(glossarySchema, text, file);
  return r.ok ? { ok: true, glossary: r.value, locator: r.locator } : r;
}

const CABLE_FORMAT = cableSchema.shape.format.value;
const GLOSSARY_FORMAT = glossarySchema.shape.format.value;
const WASHINGTON_FORMAT = washingtonSchema.shape.format.value;

/**
 * Parses a file of `scenarios/shared/` as a cable or a glossary according to its `format` field.
 * Pure; never throws for bad input.
 */
export function parseShared(text: string, file: string): SharedParseResult {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const format = typeof read.data === 'object' && read.data !== null ? (read.data as { format?: unknown }).format : undefined;
  if (format === CABLE_FORMAT) {
    const r = validate(cableSchema, read);
    return r.ok ? { ok: true, kind: 'cable', cable: r.value, locator: r.locator } : r;
  }
  if (format === GLOSSARY_FORMAT) {
    const r = validate(glossarySchema, read);
    return r.ok ? { ok: true, kind: 'glossary', glossary: r.value, locator: r.locator } : r;
  }
  if (format === WASHINGTON_FORMAT) {
    const r = validate(washingtonSchema, read);
    return r.ok ? { ok: true, kind: 'washington', washington: r.value, locator: r.locator } : r;
  }
  const expected = `"${CABLE_FORMAT}", "${GLOSSARY_FORMAT}" or "${WASHINGTON_FORMAT}"`;
  const message = format === undefined ? `is missing: a shared file needs format ${expected}` : `must be ${expected}`;
  return { ok: false, issues: [issueAt(read.locator, ['format'], message)] };
}
