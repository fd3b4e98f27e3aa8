/**
 * Finding the LMS's SCORM 1.2 API as the RTE describes it: this window and up to seven parents,
 * then the opener and its parents; a window of another origin (reading it throws) is passed over
 * without an error; an object that is not a SCORM 1.2 API is not taken for one.
 */
import { describe, expect, it } from 'vitest';
import { findScormApi, MAX_PARENTS, type Scorm12Api } from '../../src/lms/find-api.ts';

interface FakeWindow {
  parent: FakeWindow | null;
  opener?: FakeWindow | null;
  API?: unknown;
  name: string;
}

const api = (): Scorm12Api => ({
  LMSInitialize: () => 'true',
  LMSFinish: () => 'true',
  LMSGetValue: () => '',
  LMSSetValue: () => 'true',
  LMSCommit: () => 'true',
  LMSGetLastError: () => '0',
});

/** A top window and `depth` frames nested in it; returns the innermost. */
function frames(depth: number, top: Partial<FakeWindow> = {}): FakeWindow[] {
  const root: FakeWindow = { name: 'top', parent: null, ...top };
  root.parent = root;
  const chain = [root];
  for (let i = 1; i <= depth; i++) chain.push({ name: `frame ${i}`, parent: chain[i - 1] ?? null });
  return chain;
}

/** A window of another origin: reading its API throws, as a browser's SecurityError does. */
function foreign(w: FakeWindow): FakeWindow {
  Object.defineProperty(w, 'API', {
    get() {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  });
  return w;
}

describe('findScormApi', () => {
  it('finds the API of the window itself and of a parent up to seven frames up', () => {
    const own = api();
    const alone = frames(0)[0] as FakeWindow;
    alone.API = own;
    expect(findScormApi(alone)).toBe(own);
    for (const depth of [1, 3, MAX_PARENTS]) {
      const chain = frames(depth);
      const lms = api();
      (chain[0] as FakeWindow).API = lms;
      expect(findScormApi(chain.at(-1) as FakeWindow), `${depth} frames down`).toBe(lms);
    }
  });

  it('stops beyond seven frames up, as ADL\'s algorithm does', () => {
    const chain = frames(MAX_PARENTS + 1);
    (chain[0] as FakeWindow).API = api();
    expect(findScormApi(chain.at(-1) as FakeWindow)).toBeNull();
  });

  it('takes the nearest API, and passes over a window of another origin on the way up', () => {
    const chain = frames(4);
    const near = api();
    (chain[0] as FakeWindow).API = api();
    (chain[2] as FakeWindow).API = near;
    foreign(chain[3] as FakeWindow);
    expect(findScormApi(chain.at(-1) as FakeWindow)).toBe(near);
  });

  it('looks in the opener and its parents when no parent has the API', () => {
    const opener = frames(2);
    const lms = api();
    (opener[0] as FakeWindow).API = lms;
    const popup = frames(0, { opener: opener.at(-1) as FakeWindow });
    expect(findScormApi(popup.at(-1) as FakeWindow)).toBe(lms);
  });

  it('finds nothing outside an LMS, nor in an object that lacks the SCORM 1.2 functions', () => {
    expect(findScormApi(frames(0)[0] as FakeWindow)).toBeNull();
    expect(findScormApi(frames(3).at(-1) as FakeWindow)).toBeNull();
    const chain = frames(1);
    (chain[0] as FakeWindow).API = { LMSInitialize: () => 'true', Initialize: () => 'true' };
    expect(findScormApi(chain.at(-1) as FakeWindow)).toBeNull();
    (chain[0] as FakeWindow).API = 'API';
    expect(findScormApi(chain.at(-1) as FakeWindow)).toBeNull();
    const shut = frames(1);
    foreign(shut[0] as FakeWindow);
    expect(findScormApi(shut.at(-1) as FakeWindow)).toBeNull();
  });
});
