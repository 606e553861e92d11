// Starts the analysis worker (./analysis-worker.ts) in a thread of its own: a worker does not
// always get the parent's TypeScript loader (under Vitest it has none), so it registers tsx's.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
