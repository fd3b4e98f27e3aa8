/**
 * Verifying many files on every core for `npm run logs -- verify`: worker threads (verify-worker.ts)
 * each take a share of the files, in batches handed out as they finish the last, read and verify
 * them with the same code and scenarios as the command's own thread (verifyFile), and send back the
 * reports, which come out in file order. A worker costs a fraction of a second to start, so the
 * command uses them only for a great many files (logs-verify.ts).
 */
import { Worker } from 'node:worker_threads';
import type { ScenarioRef } from '../core/log/library.ts';
import type { FileReport } from './verify-file.ts';
import { unpackReports } from './report-wire.ts';

/** What the command sends a worker: the scenarios (once, first), then batches of files. */
export type ToWorker = { type: 'setup'; refs: readonly ScenarioRef[]; archiveDir: string } | { type: 'files'; batch: number; files: readonly string[] };

/** What a worker sends back: a batch's reports (packed, report-wire.ts), a kept text's warning, or the error that stopped it. */
export type FromWorker = { type: 'reports'; batch: number; packed: unknown[] } | { type: 'warn'; line: string } | { type: 'failed'; error: string };

/** Files per message: many enough that a message costs little beside its files, few enough that the workers finish together. */
const BATCH = 32;
/** Batches a worker holds at once, so that the next is there when it finishes one. */
const IN_FLIGHT = 2;

/**
 * A worker thread running the TypeScript module `module`. A worker does not inherit tsx's loader
 * (the command runs under tsx, Node 20 runs no TypeScript): it registers the loader, then loads the module.
 */
export function typeScriptWorker(module: URL): Worker {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true });
}

export interface VerifyPool {
  /** Hands every worker the scenarios and the kept texts' folder; before the first `verifyFiles`. */
  setScenarios(refs: readonly ScenarioRef[], archiveDir: string): void;
  /**
   * The reports of `files`, in order, as verifyFile gives them; each is also passed to `onReport`
   * in file order as soon as it and every one before it are in. One call at a time. Rejects only
   * when a worker fails (a bug: verifyFile never rejects).
   */
  verifyFiles(files: readonly string[], onReport?: (report: FileReport) => void): Promise<FileReport[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

interface Run {
  batches: (readonly string[])[];
  done: (FileReport[] | undefined)[];
  next: number;
  printed: number;
  onReport: ((report: FileReport) => void) | undefined;
  resolve: (reports: FileReport[]) => void;
  reject: (error: Error) => void;
}

/**
 * Starts `size` workers at once, so that they load the verifier while the caller loads the scenarios.
 * A kept text's warning is passed to `warn` once, however many workers meet it.
 */
export function openVerifyPool(size: number, warn: (line: string) => void): VerifyPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => typeScriptWorker(new URL('./verify-worker.ts', import.meta.url)));
  const held = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const warned = new Set<string>();
  let failure: Error | null = null;
  let run: Run | null = null;

  const stop = (error: Error): void => {
    failure ??= error;
    run?.reject(failure);
    run = null;
  };
  const feed = (worker: Worker, r: Run): void => {
    while ((held.get(worker) ?? 0) < IN_FLIGHT && r.next < r.batches.length) {
      const batch = r.next++;
      held.set(worker, (held.get(worker) ?? 0) + 1);
      worker.postMessage({ type: 'files', batch, files: r.batches[batch] as readonly string[] } satisfies ToWorker);
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'warn') {
        if (!warned.has(message.line)) warn(message.line);
        warned.add(message.line);
      } else if (message.type === 'failed') {
        stop(new Error(`a verifying thread stopped: ${message.error}`));
      } else if (run !== null) {
        const r = run;
        held.set(worker, (held.get(worker) ?? 1) - 1);
        r.done[message.batch] = unpackReports(message.packed);
        // Out in file order: a batch waits for every batch before it.
        for (let reports = r.done[r.printed]; reports !== undefined; reports = r.done[r.printed]) {
          if (r.onReport) for (const report of reports) r.onReport(report);
          r.printed++;
        }
        if (r.printed === r.batches.length) {
          run = null;
          r.resolve(r.done.flat() as FileReport[]);
        } else feed(worker, r);
      }
    });
    worker.on('error', (error) => stop(error));
    worker.on('exit', (code) => stop(new Error(`a verifying thread exited (code ${code})`)));
  }

  return {
    setScenarios(refs, archiveDir) {
      for (const worker of workers) worker.postMessage({ type: 'setup', refs, archiveDir } satisfies ToWorker);
    },
    verifyFiles(files, onReport) {
      if (failure !== null) return Promise.reject(failure);
      if (run !== null) return Promise.reject(new Error('verifyFiles is already running'));
      if (files.length === 0) return Promise.resolve([]);
      return new Promise<FileReport[]>((resolve, reject) => {
        const batches: (readonly string[])[] = [];
        for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
        const r: Run = { batches, done: [], next: 0, printed: 0, onReport, resolve, reject };
        run = r;
        for (const worker of workers) feed(worker, r);
      });
    },
    async close() {
      // Stopping them is not a failure of a run.
      failure ??= new Error('the pool is closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
