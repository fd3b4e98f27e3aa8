/**
 * A worker thread of `npm run logs -- verify` (verify-pool.ts): it takes the scenarios the command
 * loaded, builds its own library of the kept texts, then verifies each batch of files it is sent
 * with the same code as the command's own thread (verifyFile) and sends back their reports.
 */
import { parentPort } from 'node:worker_threads';
import { useNodeSha256 } from './native-hash.ts';
import { archiveFromDir } from './scenario-files.ts';
import { packReports } from './report-wire.ts';
import { verifyFile } from './verify-file.ts';
import type { FromWorker, ToWorker } from './verify-pool.ts';
import type { ScenarioLibrary, ScenarioRef } from '../core/log/library.ts';

const port = parentPort;
if (port === null) throw new Error('verify-worker.ts runs in a worker thread');
const send = (message: FromWorker): void => port.postMessage(message);

useNodeSha256();
let scenarios: { refs: readonly ScenarioRef[]; library: ScenarioLibrary } | null = null;
// Batches are verified one after another, in the order they came.
let queue = Promise.resolve();

port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    if (message.type === 'setup') {
      const library = await archiveFromDir(message.archiveDir, (line) => send({ type: 'warn', line }));
      scenarios = { refs: message.refs, library };
      return;
    }
    if (scenarios === null) throw new Error('files were sent before the scenarios');
    const reports = [];
    for (const file of message.files) reports.push(await verifyFile(file, scenarios.refs, scenarios.library));
    send({ type: 'reports', batch: message.batch, packed: packReports(reports) });
  }).catch((error: unknown) => {
    // A bug, not a file's fault (verifyFile never rejects): the pool stops with it.
    send({ type: 'failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  });
});
