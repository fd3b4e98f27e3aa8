/**
 * Finds a school LMS's SCORM 1.2 API the way the SCORM 1.2 Run-Time Environment describes it
 * (§3.3.6.1, ADL's APIWrapper): the object `API` of this window or of one of its parents, at most
 * `MAX_PARENTS` frames up, else of the window that opened this one (`opener`) or one of its
 * parents. This file is all the first screen carries of the LMS support: the adapter
 * (scorm.ts) is loaded only when an API is found. A window of another origin cannot be read; it is
 * passed over without a word (a game outside any LMS must not write to the console).
 */

/** The functions of the SCORM 1.2 API that the game calls (RTE §3.2); each returns a string ("true", "false", a value). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): unknown;
  LMSFinish(parameter: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: ''): unknown;
  LMSGetLastError(): unknown;
}

/** How many frames up the search goes from a window, as ADL's sample does. */
export const MAX_PARENTS = 7;

const FUNCTIONS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'] as const;

/** A window as far as the search reads it; any of these reads may throw for another origin. */
interface Searchable {
  readonly parent: Searchable | null;
  readonly opener?: Searchable | null;
}

function apiOf(win: Searchable): Scorm12Api | null {
  try {
    const api = (win as { API?: unknown }).API;
    if ((typeof api !== 'object' && typeof api !== 'function') || api === null) return null;
    const fns = api as Record<string, unknown>;
    return FUNCTIONS.every((name) => typeof fns[name] === 'function') ? (api as Scorm12Api) : null;
  } catch {
    return null;
  }
}

function searchUp(start: Searchable): Scorm12Api | null {
  let win = start;
  for (let depth = 0; depth <= MAX_PARENTS; depth++) {
    const api = apiOf(win);
    if (api) return api;
    let parent: Searchable | null;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (parent === null || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The SCORM 1.2 API around `win` (see the file's comment), or null outside an LMS. Never throws. */
export function findScormApi(win: Searchable): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  let opener: Searchable | null | undefined;
  try {
    opener = win.opener;
  } catch {
    return null;
  }
  return opener ? searchUp(opener) : null;
}
