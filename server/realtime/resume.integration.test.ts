import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientEvents, type JoinResult } from '@/lib/protocol';
import { eventually } from '../../test/retry';
import { connected, emitAck as emit, serverHarness } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;

describe('switching device', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('moves a participant to a new device once, and lets go of the old one', async () => {
    const { user } = await h.facilitator();
    const project = await h.server.services.projects.create(user.id, { name: 'P' });
    if (!project.ok) throw new Error('project');
    const opened = await h.server.services.live.open(user.id, project.data.id, { title: 'Økt' });
    if (!opened.ok) throw new Error('open');
    const { code } = opened.data;

    const first = await h.joinHttp(code, null);
    const oldPhone = h.socket(first.cookie);
    const joined = await emit<JoinResult>(oldPhone, clientEvents.join, { as: 'participant', code });
    if (!joined.ok) throw new Error('join');
    const link = await emit<{ token: string; expiresAt: number }>(oldPhone, clientEvents.resumeLink, {});
    if (!link.ok) throw new Error('link');
    expect(link.data.expiresAt).toBeGreaterThan(Date.now() + 9 * 60_000);

    const redeem = (token: string) =>
      fetch(`${h.origin}/api/sessions/resume`, { method: 'POST', headers: { 'content-type': 'application/json', origin: h.origin }, body: JSON.stringify({ token }) });
    const told = new Promise((resolve) => oldPhone.once('access:ended', resolve));
    const res = await redeem(link.data.token);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).not.toBe(first.cookie);

    // The new device is the same participant; the old one is let go and cannot come back.
    const newPhone = h.socket(cookie);
    await connected(newPhone);
    const again = await emit<JoinResult>(newPhone, clientEvents.join, { as: 'participant', code });
    expect(again.ok && again.data.participantId).toBe(joined.data.participantId);
    // The old page is told why before it is let go, so it can say where the work went.
    expect(await told).toEqual({ sessionId: opened.data.id, code: 'DEVICE_MOVED' });
    await eventually(() => expect(oldPhone.connected).toBe(false));
    const stale = h.socket(first.cookie);
    expect(await emit(stale, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });

    // A link works once; forged or garbled links are refused the same way.
    expect((await redeem(link.data.token)).status).toBe(404);
    expect((await redeem(`${link.data.token}x`)).status).toBe(404);
    expect((await redeem('nonsense')).status).toBe(404);
  });
});
