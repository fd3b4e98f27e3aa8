/**
 * Problems found in a scenario or shared file, each with where it is, and how they are printed:
 * `scenarios/mexico.yaml:214:7 nodes.meet-3.choices[1].next: no node "meet-9"`. Pure.
 */

/** A step into a YAML value: a mapping key or a sequence index. */
export type PathSegment = string | number;
/** Where a value sits in a file, from the root: `['nodes', 'meet-3', 'choices', 1, 'next']`. */
export type IssuePath = readonly PathSegment[];

/** 1-based line and column; 0 and 0 when the place is unknown. */
export interface Position {
  line: number;
  col: number;
}

/** One problem in a file, with where it is; `formatIssue` prints it. Plain data, serialisable. */
export interface ScenarioIssue {
  /** The name the file was loaded under, e.g. "scenarios/mexico.yaml". */
  file: string;
  /** 1-based; 0 when the issue has no place in a source text. */
  line: number;
  /** 1-based; 0 when the issue has no place in a source text. */
  col: number;
  /** Dotted keys with `[n]` for sequence indices (`nodes.meet-3.choices[1].next`); "" for the whole file. */
  path: string;
  message: string;
}

/**
 * Maps a path in a parsed file to the place where it is written, so the parser's and the
 * checker's issues point at the same lines. A path that does not exist in the text (a missing
 * key) is placed at its nearest existing ancestor.
 */
export interface Locator {
  readonly file: string;
  at(path: IssuePath): Position;
}

/** A locator for a scenario that has no source text (built in code): every place is 0:0. */
export function unlocated(file: string): Locator {
  return { file, at: () => ({ line: 0, col: 0 }) };
}

/** `nodes.meet-3.choices[1].next`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Builds an issue at a path, placed by the locator. */
export function issueAt(locator: Locator, path: IssuePath, message: string): ScenarioIssue {
  const { line, col } = locator.at(path);
  return { file: locator.file, line, col, path: formatPath(path), message };
}

/**
 * `file:line:col path: message`, the form editors and terminals turn into links.
 * The place is left out when unknown (line 0), the path when the issue is about the whole file.
 */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return issue.path === '' ? `${where} ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/** In file order (line, then column); issues at the same place keep their order. */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
