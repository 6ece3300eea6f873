/**
 * A worker of `scanFolderParallel` (privacy-scan.ts): gets the privacy lists once (workerData),
 * then scans the batches of files it is sent and answers with each file's result by its index.
 * Loaded by Node directly (see `WORKER_ENTRY`), so it imports nothing Node cannot load itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFile, type FolderFile, type PrivacyLists, type WorkerReply } from './privacy-scan.ts';

const { lists } = workerData as { lists: PrivacyLists };
const port = parentPort!;
const reply = (msg: WorkerReply) => port.postMessage(msg);

port.on('message', (batch: { index: number; file: FolderFile }[]) => {
  try {
    reply({ results: batch.map(({ index, file }) => ({ index, scan: scanFile(file, lists) })) });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply({ error: { message: error.message, stack: error.stack } });
  }
});
reply({ ready: true });
