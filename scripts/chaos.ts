/**
 * `npm run chaos -- --participants 50 [--groups 10] [--seconds 30]`: kills a live Verksted
 * server mid-stream and checks that nothing acknowledged was lost. PostgreSQL when
 * DATABASE_URL is set, else PGlite in a temporary directory. The last line is one JSON
 * object; the exit code is 0 only when nothing was lost and every board converged.
 */
import { parseArgs } from 'node:util';
import { runChaos } from '../server/chaos/run';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '50' },
    groups: { type: 'string' },
    seconds: { type: 'string', default: '30' },
  },
});
const whole = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}`);
    process.exit(2);
  }
  return n;
};
const participants = whole('participants', values.participants, 3);
// Groups hold 3–5 people: ten groups by default, fewer when there are few participants.
const groups = values.groups === undefined ? Math.max(1, Math.min(10, Math.floor(participants / 3))) : whole('groups', values.groups, 1);
const seconds = whole('seconds', values.seconds, 4);

try {
  const result = await runChaos({ participants, groups, seconds, databaseUrl: process.env.DATABASE_URL || null, log: (line) => console.log(line) });
  console.log(JSON.stringify(result));
  process.exit(result.lost === 0 && result.yjsConverged ? 0 : 1);
} catch (err) {
  console.error(err);
  console.log(JSON.stringify({ acked: 0, found: 0, lost: 0, yjsConverged: false, reconnectSeconds: -1, error: err instanceof Error ? err.message : String(err) }));
  process.exit(1);
}
