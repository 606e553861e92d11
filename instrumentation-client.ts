import { z } from 'zod';

// Runs in the browser before any of the app's modules (Next.js's instrumentation-client). zod 4
// probes `new Function('')` when a schema is built, to decide whether to compile object parsers;
// under our CSP (no 'unsafe-eval') the probe is caught but reported as a violation. Interpreted
// parsing is fast enough in the browser, so compiling is switched off before any schema exists.
z.config({ jitless: true });
