/**
 * A worker of `scanFolderParallel` and `PrivacyStream` (privacy-scan.ts): gets the privacy lists
 * once (workerData), then scans the batches of files it is sent — from disk, or from the text about
 * to be written — and answers with each file's result by its index.
 * Loaded by Node directly (see `WORKER_ENTRY`), so it imports nothing Node cannot load itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import {
  scanFile,
  scanFileKeep,
  scanWritten,
  type PrivacyLists,
  type WorkerReply,
  type WorkerTask,
} from './privacy-scan.ts';

const { lists, nice } = workerData as { lists: PrivacyLists; nice?: number };
const port = parentPort!;
const reply = (msg: WorkerReply) => port.postMessage(msg);

// A lower priority for this thread only: on Linux a thread's id is what setpriority takes. Where
// that does not work (another system, no /proc) the worker runs at the normal priority.
if (nice !== undefined) {
  try {
    os.setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch {
    // Normal priority: only the timing differs.
  }
}

port.on('message', (batch: WorkerTask[]) => {
  try {
    if (batch.every((t) => 'text' in t))
      reply({ written: batch.map((t) => ({ index: t.index, known: scanWritten(t.file, t.text, lists) })) });
    else
      reply({
        results: batch.map((t) => {
          const known = 'known' in t ? t.known : undefined;
          if ('keep' in t && t.keep) return { index: t.index, ...scanFileKeep(t.file, lists, known) };
          return { index: t.index, scan: scanFile(t.file, lists, known) };
        }),
      });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply({ error: { message: error.message, stack: error.stack } });
  }
});
reply({ ready: true });
