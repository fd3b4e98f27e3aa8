/** A worker thread of the bench's verifying baseline (verify-floor.ts): follows the chains of each list of files it is sent. */
import { parentPort } from 'node:worker_threads';
import { useNodeSha256 } from '../../src/cli/native-hash.ts';
import { followChains } from './verify-floor.ts';

const port = parentPort;
if (port === null) throw new Error('floor-worker.ts runs in a worker thread');
useNodeSha256();
port.on('message', (files: readonly string[]) => {
  followChains(files).then(
    (intact) => port.postMessage({ intact }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
