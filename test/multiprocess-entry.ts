/**
 * A server process for the two-process test: the same server as the chaos run's
 * (`server/chaos/child-server.ts`, no Next.js pages), plus an IPC channel through which the test
 * calls the auth service's `signIn` as the sign-in page's server action does
 * (`app/_actions/auth-actions.ts`), in this process, with this process's own limits service.
 */
import { startChildServer } from '@/server/chaos/child-server';

const server = await startChildServer();

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
