import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { clientEvents, sessionNotesDocName } from '@/lib/protocol';
import { eventually } from '../test/retry';
import { capturingLogger } from '../test/log';
import { emit, harnessDrivers, serverHarness } from '../test/server-harness';

describe.each(harnessDrivers())('shutdown with connected clients (%s)', (name) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('closes with sockets, phones and Yjs documents mid-flight and logs no database error', async () => {
    const { log, lines } = capturingLogger('debug');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(async () => void process.off('unhandledRejection', onUnhandled));

    const h = serverHarness({}, log, name);
    cleanups.push(() => h.cleanup());
    await h.start();
    expect(h.server.services.database.kind).toBe(name);

    const facilitator = await h.facilitator();
    const project = await h.server.services.projects.create(facilitator.user.id, { name: 'Prosjekt' });
    if (!project.ok) throw new Error('project');
    const session = await h.server.services.live.open(facilitator.user.id, project.data.id, { title: 'Økt' });
    if (!session.ok) throw new Error('session');
    const fac = h.socket(facilitator.cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.data.id });
    const phones = [];
    for (const displayName of ['Kari', 'Ola', 'Per']) {
      const { cookie } = await h.joinHttp(session.data.code, displayName);
      const phone = h.socket(cookie);
      await emit(phone, clientEvents.join, { as: 'participant', code: session.data.code });
      phones.push(phone);
    }
    const docName = sessionNotesDocName(session.data.id);
    const token = await emit<{ ok: true; data: { token: string } }>(fac, clientEvents.yjsToken, { docName });
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, token.data.token);
    await eventually(() => expect(provider.synced).toBe(true));
    doc.getText('notes').insert(0, 'Skrevet rett før serveren stopper');

    // Work still in flight when the signal comes: commands, a join, presence changes.
    for (const message of ['a', 'b', 'c']) fac.emit(clientEvents.command, { sessionId: session.data.id, command: { type: 'setMessage', message } }, () => {});
    phones[0]!.disconnect();
    void h.joinHttp(session.data.code, 'Sen').catch(() => undefined);
    await h.stop();

    // Timers that were due after close (presence and results are coalesced over ~50 ms).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const problems = lines.filter((line) => line.level >= 40);
    expect(problems).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
