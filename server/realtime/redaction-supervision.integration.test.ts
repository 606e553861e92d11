import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import { clientEvents, type ErasedContributions, type JoinResult } from '@/lib/protocol';
import type { SupervisionCommand } from '@/lib/supervision/engine';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { tablesContaining, uniqueMarker } from '../../test/stored-text';
import { emit, openSupervisionMeeting } from '../../test/workshop-room';
import { REDACTED_PASSAGE_MARKER } from './yjs-redact';

describe.each(harnessDrivers())('redaction in a kollegaveiledning (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  it('a redacted case leaves the archive and the running meeting; an erased member keeps a seat as Deltaker N, not their name', async () => {
    const services = h.server.services;
    const db = services.database.db;
    const { user, cookie } = await h.facilitator();
    const session = await openSupervisionMeeting(h, user.id);

    const leader = h.socket(cookie);
    expect(await emit(leader, clientEvents.join, { as: 'facilitator', sessionId: session.id })).toMatchObject({ ok: true });
    const name = uniqueMarker('Kari');
    const joined = await h.joinHttp(session.code, name);
    const phone = h.socket(joined.cookie);
    const join = await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code: session.code });
    if (!join.ok) throw new Error('join');
    const run = async (command: SupervisionCommand) => {
      const r = await emit(leader, clientEvents.command, { sessionId: session.id, command: { type: 'supervision', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };
    const framlegg = `Bruker i Storgata ${uniqueMarker('')}`;
    await run({ type: 'setRole', memberId: join.data.participantId!, role: 'case_owner' });
    await run({ type: 'setCase', case: { framlegg, question: 'Hva gjør vi nå?' } });
    await services.supervisionOutcome.archive((await services.live.byId(session.id))!);
    const [caseItem] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'supervision_case')));
    expect(caseItem!.text).toBe(framlegg);

    expect(await emit(leader, clientEvents.redact, { sessionId: session.id, target: { type: 'item', itemId: caseItem!.id } })).toMatchObject({ ok: true });
    expect(await tablesContaining(db, framlegg)).toEqual([]);
    const state = readLiveState((await services.live.byId(session.id))!.state);
    expect(state.supervision!.case).toEqual({ framlegg: REDACTED_PASSAGE_MARKER, question: REDACTED_PASSAGE_MARKER });
    // The next archive run copies the marker, not the case.
    await services.supervisionOutcome.archive((await services.live.byId(session.id))!);
    expect(await tablesContaining(db, framlegg)).toEqual([]);

    expect(await tablesContaining(db, name)).toEqual(expect.arrayContaining(['participants', 'live_sessions']));
    const erased = await emit<ErasedContributions>(leader, clientEvents.eraseParticipant, { sessionId: session.id, number: 1 });
    expect(erased).toMatchObject({ ok: true });
    expect(await tablesContaining(db, name)).toEqual([]);
    const after = readLiveState((await services.live.byId(session.id))!.state);
    expect(after.supervision!.members).toEqual([{ id: join.data.participantId, name: 'Deltaker 1', number: 1, role: 'case_owner' }]);
  }, 120_000);
});
