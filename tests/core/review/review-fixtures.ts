/**
 * The logs the review's tests read: the real logs of tests/fixtures/logs/ (earlier formats and
 * texts), a class played with the core (classLogs), and one student played here whose label and
 * reasons carry what breaks a spreadsheet or a careless exporter (accents, commas, quotes, line
 * breaks, a formula start). Each is verified as the review page verifies it.
 */
import { sha256Hex } from '../../../src/core/hash.ts';
import { sealLog } from '../../../src/core/log/seal.ts';
import { verifyLogText, type VerifyResult } from '../../../src/core/log/verify.ts';
import { verdictOf } from '../../../src/core/verdict/summary.ts';
import { classLogs } from '../../fixtures/class-logs.ts';
import { currentRefs, FORMAT1_FILES, fixtureText, keptTexts, playWalk, type WalkOp } from '../log/format2-fixtures.ts';

export interface Verified {
  name: string;
  text: string;
  key: string;
  result: VerifyResult;
}

/** Reasons with what a CSV or a JSON writer must carry through unchanged. */
export const HOSTILE_REASONS = [
  '=1+1\nand a second line, after a formula start',
  'Tello, the "Foreign Secretary", said: ça va, señor; ¿no?',
  '+33 and -2: numbers that are not numbers',
  '@SUM(A1:A9) because "it is" safer',
  'Plain: it kept us inside the instruction.',
];

export const HOSTILE_LABEL = '=HYPERLINK("http://x.invalid","Núñez, José")';

/** A student played here: two rewinds, the hostile reasons in turn wherever the game asks why. */
export async function hostileLog(): Promise<{ name: string; text: string }> {
  const ref = (await currentRefs()).find((r) => r.scenario.id === 'mexico');
  if (!ref) throw new Error('no mexico scenario');
  const ops: WalkOp[] = [];
  for (let k = 0; k < 160; k++) {
    ops.push({ rewind: k === 9 || k === 40, pick: (k * 7 + 3) % 11, reason: HOSTILE_REASONS[k % HOSTILE_REASONS.length] });
  }
  const walk = playWalk(ref, { seed: 4242, variant: 'historical', ops });
  const log = { ...walk.log, student: { label: HOSTILE_LABEL, classCode: '@10B' } };
  const last = walk.finals.at(-1);
  const sealed = await sealLog(log, last ? verdictOf(ref.scenario, last) : undefined);
  return { name: 'hostile.json', text: JSON.stringify(sealed) };
}

/** Every test log, verified with the current scenarios and the kept texts. */
export async function verifiedLogs(classSize = 8): Promise<Verified[]> {
  const refs = await currentRefs();
  const library = await keptTexts();
  const files = [
    ...FORMAT1_FILES.map((name) => ({ name, text: fixtureText(name) })),
    ...(await classLogs(classSize, 77)),
    await hostileLog(),
  ];
  return Promise.all(files.map(async ({ name, text }) => ({
    name,
    text,
    key: await sha256Hex(text),
    result: await verifyLogText(text, refs, { library }),
  })));
}
