/**
 * Turns zod's issues into messages a scenario author can act on, each at the path of the value
 * at fault. zod reports a failed union as one "Invalid input" with every branch's issues; here the
 * branch the author evidently meant is picked and its own issues are reported instead. Pure.
 */
import type { z } from 'zod';
import type { IssuePath, PathSegment } from './issues.ts';

type ZodIssue = z.core.$ZodIssue;

/** An issue before it is placed in a file. */
export interface PathIssue {
  path: PathSegment[];
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && Object.hasOwn(value, String(segment))) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

function segments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

const quote = (key: string): string => `"${key}"`;

/** How far one union branch is from the value: keys it lacks, keys it does not know, other faults. */
interface BranchFit {
  issues: ZodIssue[];
  missing: string[];
  unknown: string[];
  /** The value's keys this branch accepts. */
  known: string[];
  cost: number;
}

function fit(issues: ZodIssue[], value: Record<string, unknown>): BranchFit {
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const issue of issues) {
    const [key] = issue.path;
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      // One key at a time: spreading 150,000 keys into push() would overflow the call stack.
      for (const k of issue.keys) unknown.push(k);
    } else if (issue.path.length === 1 && typeof key === 'string' && !Object.hasOwn(value, key)) missing.push(key);
  }
  const stray = new Set(unknown);
  const known = Object.keys(value).filter((k) => !stray.has(k));
  return { issues, missing, unknown, known, cost: missing.length + unknown.length };
}

/** "needs "historical" and "source", or "invented"". */
function needsEither(branches: readonly BranchFit[]): string {
  const forms = branches.map((b) => b.missing.map(quote).join(' and '));
  return `needs ${[...new Set(forms)].join(', or ')}`;
}

function unionIssues(issue: ZodIssue & { code: 'invalid_union' }, path: PathSegment[], data: unknown): PathIssue[] {
  if (issue.errors.length === 0) return [{ path, message: issue.message }];
  const value = valueAt(data, path);
  if (!isRecord(value)) {
    // A scalar or list where a union was expected: every branch says what it wanted.
    const roots = issue.errors.flatMap((branch) => branch.filter((i) => i.path.length === 0));
    if (roots.length > 0 && roots.every((i) => i.code === 'invalid_value')) {
      const values = roots.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])).map((v) => JSON.stringify(v));
      return [{ path, message: `Invalid option: expected one of ${[...new Set(values)].join('|')}` }];
    }
    const wanted = new Set(roots.map((i) => i.message));
    return [{ path, message: [...wanted].join('; or ') || issue.message }];
  }
  const fits = issue.errors.map((branch) => fit(branch, value));
  const best = Math.min(...fits.map((f) => f.cost));
  const winners = fits.filter((f) => f.cost === best);
  // Branches that lack keys but know every key the value has: the author may have meant any of them.
  const openForms = fits.filter((f) => f.unknown.length === 0 && f.missing.length > 0);
  const [only] = winners;
  if (winners.length === 1 && only && !(only.missing.length > 0 && only.unknown.length === 0 && openForms.length > 1)) {
    return only.issues.flatMap((i) => translateIssue(i, path, data));
  }
  if (winners.every((w) => w.unknown.length === 0) && openForms.length > 1) {
    return [{ path, message: needsEither(openForms) }];
  }
  const keys = Object.keys(value);
  // A message stays one readable line however many keys the value has.
  const found = keys.length === 0 ? 'none' : keys.slice(0, 10).map(quote).join(', ') + (keys.length > 10 ? ` and ${keys.length - 10} more` : '');
  const forms = [...new Set(fits.map((f) => f.missing[0] ?? f.known[0]).filter((k) => k !== undefined))];
  return [{ path, message: `is not one of the allowed forms (keys found: ${found}; each form begins with one of ${forms.map(quote).join(', ')})` }];
}

/** One zod issue, found under `base`, as issues at paths from the document root. */
export function translateIssue(issue: ZodIssue, base: PathSegment[], data: unknown): PathIssue[] {
  const path = [...base, ...segments(issue.path)];
  switch (issue.code) {
    case 'invalid_union':
      return unionIssues(issue, path, data);
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown key' }));
    case 'invalid_key': {
      const key = path[path.length - 1];
      const why = issue.issues.map((i) => i.message).join('; ');
      return [{ path, message: `"${String(key)}" is not a valid key: ${why}` }];
    }
    default: {
      const parent = valueAt(data, path.slice(0, -1));
      const key = path[path.length - 1];
      if (typeof key === 'string' && isRecord(parent) && !Object.hasOwn(parent, key)) return [{ path, message: 'is missing' }];
      return [{ path, message: issue.message }];
    }
  }
}

/** Every zod issue of a failed parse of `data`, as author-facing issues. */
export function translateIssues(issues: readonly ZodIssue[], data: unknown): PathIssue[] {
  return issues.flatMap((i) => translateIssue(i, [], data));
}
