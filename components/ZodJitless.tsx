'use client';

import { z } from 'zod';

// zod 4 probes `new Function('')` to decide whether to compile object parsers; under our CSP
// (no 'unsafe-eval') the probe is caught but reported as a violation on every page that parses.
// Interpreted parsing is fast enough in the browser, so the probe is switched off here.
z.config({ jitless: true });

/** Rendered once in the root layout so the setting applies before any client code parses. */
export function ZodJitless() {
  return null;
}
