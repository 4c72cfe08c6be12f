// Worker-thread bootstrap: Node 20 does not apply `--import tsx` to a worker's own .ts entry, so this
// plain-JS entry registers tsx's loader in the worker first and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./segment-worker.ts');
