import type { LiveSessionRow } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { addressKey } from '../security/client-address';
import type { LimitsService } from './limits-service';
import type { LiveService } from './live-service';

/**
 * The one way from a join code to a session for anyone who is not a project member: the join
 * page, HTTP join and socket join all ask here, so every miss counts against the address
 * (lib/join-code.ts has the arithmetic). An unknown and an ended code get the same answer.
 */
export function createCodeLookup(live: LiveService, limits: LimitsService) {
  return {
    find(code: string, address: string | null | undefined): Promise<Result<LiveSessionRow>> {
      return limits.attempt(
        [['codeMissesPerAddress', addressKey(address)]],
        async () => {
          const session = await live.openByCode(code);
          return session ? ok(session) : fail('NOT_FOUND', 'no open session with that code');
        },
        (r) => !r.ok && r.error.code === 'NOT_FOUND',
      );
    },
  };
}
export type CodeLookup = ReturnType<typeof createCodeLookup>;
