/**
 * The bench's baseline for verifying logs: what any verifier of this log format must do with a
 * file, and nothing more. It reads the file as the command does, parses its JSON, and follows its
 * hash chain, with one SHA-256 for the header, one for each entry and one for the head. It does not
 * check the log's shape, find its scenario, replay it, check its verdict or write a report.
 * Timed on the same files, in as many threads and in the same run as the verifier, it gives that
 * figure a ratio, and shows how much of the time is this format's fixed cost on this machine.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { readLogFile } from '../../src/cli/verify-file.ts';
import { typeScriptWorker } from '../../src/cli/verify-pool.ts';
import { chainProblems } from '../../src/core/log/chain.ts';
import type { SealedLog } from '../../src/core/log/format.ts';

/**
 * Reads, parses and follows the hash chain of each file, one after another; how many chains hold.
 * The bench's files are logs the game wrote, so every chain holds: anything else is an error here.
 */
export async function followChains(files: readonly string[]): Promise<number> {
  let intact = 0;
  for (const file of files) {
    const read = await readLogFile(file);
    if (!read.ok) throw new Error(`${file}: ${read.problem}`);
    const problems = await chainProblems(JSON.parse(read.text) as SealedLog);
    if (problems.length > 0) throw new Error(`${file}: ${problems.join(' ')}`);
    intact++;
  }
  return intact;
}

/** The baseline in worker threads, one per core, each given an equal share of the files. */
export interface FloorPool {
  /** The time in ms to follow every file's chain. */
  run(files: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

export function openFloorPool(size = availableParallelism()): FloorPool {
  const workers: Worker[] = Array.from({ length: size }, () => typeScriptWorker(new URL('./floor-worker.ts', import.meta.url)));
  const ask = (worker: Worker, files: readonly string[]): Promise<number> =>
    new Promise((resolve, reject) => {
      const answered = (message: { intact?: number; error?: string }): void => {
        worker.off('error', failed);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.intact ?? 0);
      };
      const failed = (error: Error): void => {
        worker.off('message', answered);
        reject(error);
      };
      worker.once('message', answered);
      worker.once('error', failed);
      worker.postMessage(files);
    });
  return {
    async run(files) {
      const started = performance.now();
      // The files dealt out in turn, so that each share holds the same mix of logs.
      const shares = workers.map((_, w) => files.filter((_, i) => i % workers.length === w));
      const intact = (await Promise.all(workers.map((worker, w) => ask(worker, shares[w] ?? [])))).reduce((a, b) => a + b, 0);
      if (intact !== files.length) throw new Error(`the baseline followed ${intact} chains of ${files.length} files`);
      return performance.now() - started;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
