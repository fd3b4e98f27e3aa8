/**
 * A log scored by the game's earlier rule (rubric/grade.ts, `Scoring`) is the student's own file, not
 * an edited one: it verifies, with the score as the game reckons it now and a note that says what
 * changed. Its fixture is a real file of that rule (tests/fixtures/logs/README.md): a report sent
 * ROUTINE before the press conference and repeated NIACT after it, written as 9/15, now 7/15.
 */
import { describe, expect, it } from 'vitest';
import type { SealedLog } from '../../../src/core/log/format.ts';
import { sealLog, unsealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText } from '../../../src/core/log/verify.ts';
import { currentRefs, fixtureText, keptTexts } from './format2-fixtures.ts';

const refs = await currentRefs();
// The file names the text of its day (mexico version 4), kept in scenarios/archive/ once a later one is played.
const library = await keptTexts();
const FILE = fixtureText('format2-mexico-v4-scored-by-latest-precedence.json');

describe('a log scored by the earlier rule on precedence', () => {
  it('verifies, scored as the game scores now, and says that the file was scored otherwise and not changed', async () => {
    const r = await verifyLogText(FILE, refs, { library });
    expect(r.status).toBe('verified');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect((JSON.parse(FILE) as SealedLog).verdict?.score).toEqual({ points: 9, max: 15 });
    expect(r.verdict.score).toEqual({ points: 7, max: 15 });
    // The report left ROUTINE in time; the repeat at NIACT came after the press conference.
    expect(r.replay.state.sent?.precedence).toBe('ROUTINE');
    expect(r.replay.state.precedence).toBe('NIACT');
    expect(r.notes).toContainEqual(expect.stringMatching(/^The score written in this file \(9\/15\) was reckoned by an earlier version of the game, .*now: 7\/15\. The file itself was not changed\.$/));
    expect(r.notes.filter((n) => /reckoned by an earlier version/.test(n))).toHaveLength(1);
  });

  it('is edited when its verdict is neither the one its decisions lead to nor the one the earlier rule gave', async () => {
    const log = JSON.parse(FILE) as SealedLog;
    const verdict = { ...log.verdict!, score: { points: 12, max: 15 } };
    const r = await verifyLogText(JSON.stringify(await sealLog(unsealLog(log), verdict), null, 2), refs, { library });
    expect(r.status).toBe('edited');
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^The verdict written in the file \(.*12\/15\) is not what its decisions lead to \(.*7\/15\)/)]);
  });

  it('seals again to the same bytes: the file is as the game wrote it', async () => {
    const log = JSON.parse(FILE) as SealedLog;
    expect(JSON.stringify(await sealLog(unsealLog(log), log.verdict), null, 2)).toBe(FILE.trimEnd());
  });
});
