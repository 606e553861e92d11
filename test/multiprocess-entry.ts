/**
 * A server process for the two-process test: the same server as `server/chaos/server-entry.ts`
 * (no Next.js pages), plus an IPC channel through which the test calls the auth service's
 * `signIn` as the sign-in page's server action does (`app/_actions/auth-actions.ts`), in this
 * process, with this process's own limits service.
 */
import { createVerkstedServer } from '@/server/app';
import { loadConfig } from '@/server/config';

const server = await createVerkstedServer({ config: loadConfig(), withNext: false });

interface SignInRequest {
  id: number;
  signIn: { email: string; password: string; address: string };
}

process.on('message', (message: SignInRequest) => {
  const { email, password, address } = message.signIn;
  void server.services.auth.signIn({ email, password }, address).then(
    (result) => process.send?.({ id: message.id, result: result.ok ? { ok: true } : { ok: false, code: result.error.code } }),
    (err: unknown) => process.send?.({ id: message.id, result: { ok: false, code: 'THREW', message: String(err) } }),
  );
});

process.stdout.write(`READY ${server.port}\n`);
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
