import { parseArgs } from 'node:util';
import { z } from 'zod';

export const scenarios = ['plenary', 'answers', 'groups', 'many'] as const;
export type Scenario = (typeof scenarios)[number];

/** Sessions the `many` scenario runs at once. */
export const MANY_SESSIONS = 20;

const optionsSchema = z
  .object({
    scenario: z.enum(scenarios),
    participants: z.coerce.number().int().min(1).max(20_000),
    duration: z.coerce.number().positive().max(3600).default(20),
    /** Verksted processes behind one PostgreSQL and one Redis (DATABASE_URL and REDIS_URL); clients spread over them. */
    processes: z.coerce.number().int().min(1).max(8).default(1),
    /** Where the result file goes; the smoke test points it at a scratch directory. */
    out: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.scenario === 'many' && o.participants < MANY_SESSIONS) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: `many runs ${MANY_SESSIONS} sessions: at least ${MANY_SESSIONS} participants` });
    }
    if (o.scenario === 'groups' && o.participants < 2) {
      ctx.addIssue({ code: 'custom', path: ['participants'], message: 'groups needs at least 2 participants (someone must see an edit)' });
    }
  });
export type BenchOptions = z.infer<typeof optionsSchema>;

/** `--scenario NAME --participants N [--duration SECONDS] [--processes N] [--out DIR]`; throws with every problem named. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { scenario: { type: 'string' }, participants: { type: 'string' }, duration: { type: 'string' }, processes: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`bench: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
