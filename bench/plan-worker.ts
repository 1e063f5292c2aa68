// Runs one emulator family in a worker thread for benchPlan, so the server's CPU does not share the planner's
// thread (in production the API is another machine). Answers with the endpoint; closes on 'close'.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulators } from '../dist/emulators/index.js';
import type { ProviderId } from '../dist/providers/provider.js';

const provider = (workerData as { provider: ProviderId }).provider;
const emulators = await startEmulators({ providers: [provider] });
parentPort?.postMessage({ endpoint: emulators.endpoint(provider) });
parentPort?.on('message', (message) => {
  if (message === 'close') void emulators.close().then(() => parentPort?.close());
});
