import { and, eq } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems, workshops } from '@/db/schema';
import { myGroup } from '@/lib/live-view';
import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import { addNote, boardDocName, readNotes } from '@/lib/workshop/board';
import type { ActivityResults } from '@/lib/workshop/results';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { emitAck as emit, serverHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;

/** A valid fødselsnummer (both control digits right), written with a space as people do. */
const FNR = '010190 12480';

describe('a workshop run over the realtime server', () => {
  let h: Harness;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('runs findings, groups with boards, plenary, closing, and keeps it all as feedback', async () => {
    const { user, cookie } = await h.facilitator();
    const db = h.server.services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [workshop] = await db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await h.server.services.live.open(user.id, projectId, { title: workshop!.title }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const session = opened.data;

    const fac = h.socket(cookie);
    const facResults: (ActivityResults | null)[] = [];
    fac.on(serverEvents.results, (r) => facResults.push(r));
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const run = async (command: WorkshopCommand) => {
      const r = await emit<{ version: number }>(fac, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command } });
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
    };

    const phones: { socket: TestSocket; join: JoinResult; results: (ActivityResults | null)[]; snapshots: SnapshotView[] }[] = [];
    for (let i = 0; i < 6; i++) {
      const { cookie: pc } = await h.joinHttp(session.code, null);
      const socket = h.socket(pc);
      const results: (ActivityResults | null)[] = [];
      const snapshots: SnapshotView[] = [];
      socket.on(serverEvents.results, (r) => results.push(r));
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: session.code });
      if (!join.ok) throw new Error('join');
      phones.push({ socket, join: join.data, results, snapshots });
    }
    const content = await emit<{ findings: { id: string }[] }>(phones[0]!.socket, clientEvents.workshopContent, {});
    expect(content.ok && content.data.findings).toHaveLength(6);
    // The demo workshop is anonymous: names are neither taken at join nor accepted later.
    expect(await emit(phones[0]!.socket, clientEvents.updateSelf, { displayName: 'Kari' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const named = await h.joinHttp(session.code, 'Per');
    expect(named.body).toMatchObject({ ok: true, data: { displayName: null } });

    // --- findings round
    await run({ type: 'next' });
    const findingId = (session.state as { workshop: { activities: { config: { findingIds: string[] } }[] } }).workshop.activities[0]!.config.findingIds[0]!;
    const refused = await emit(phones[0]!.socket, clientEvents.respond, { findingId, response: 'nyanserer', comment: `Gjelder bruker ${FNR}` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { comment: 'PERSONAL_DATA' } } });
    expect(await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id))).toEqual([]);

    const answers = ['kjenner_igjen', 'kjenner_igjen', 'nyanserer'] as const;
    for (const [i, response] of answers.entries()) {
      expect(await emit(phones[i]!.socket, clientEvents.respond, { findingId, response, comment: i === 2 ? 'Gjelder ikke alle kontor' : '' })).toEqual({ ok: true, data: null });
    }
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ kind: 'findings', total: 3, counts: { kjenner_igjen: 2, nyanserer: 1, avkrefter: 0 } }));
    expect(phones[5]!.results.at(-1) ?? null).toBeNull(); // not revealed yet
    await run({ type: 'setRevealed', revealed: true });
    await eventually(() => expect(phones[5]!.results.at(-1)).toMatchObject({ counts: { kjenner_igjen: 2 }, comments: [{ text: 'Gjelder ikke alle kontor' }] }));
    // A phone that reloads now is shown the revealed results straight away.
    const reloaded = h.socket(phones[4]!.socket.io.opts.extraHeaders?.cookie ?? '');
    const reloadedResults: (ActivityResults | null)[] = [];
    reloaded.on(serverEvents.results, (r) => reloadedResults.push(r));
    await emit(reloaded, clientEvents.join, { as: 'participant', code: session.code });
    await eventually(() => expect(reloadedResults[0]).toMatchObject({ total: 3, counts: { kjenner_igjen: 2 } }));
    reloaded.disconnect();
    // Changing one's mind replaces the answer; the tally stays at three people.
    await emit(phones[0]!.socket, clientEvents.respond, { findingId, response: 'avkrefter', comment: '' });
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ total: 3, counts: { kjenner_igjen: 1, avkrefter: 1 } }));
    const mine = await emit<{ responses: Record<string, { response: string }> }>(phones[0]!.socket, clientEvents.mine, {});
    expect(mine.ok && mine.data.responses[findingId]?.response).toBe('avkrefter');

    // --- group reflection: 6 people → two groups of three; members write on their own board
    for (let i = 0; i < 6; i++) await run({ type: 'next' });
    await eventually(() => expect(phones[0]!.snapshots.at(-1)?.state.workshop?.groups).toHaveLength(2));
    const runtime = phones[0]!.snapshots.at(-1)!.state.workshop!;
    const reflection = workshopViewOf(runtime).activity!;
    expect(reflection.kind).toBe('reflection');
    expect(runtime.silent).toBe(true);
    // Silent writing has its own test (silent-writing.integration.test.ts); here the group writes together.
    await run({ type: 'endSilent' });
    // Each phone is told its own group, not who else is in any group.
    const groupOf = (phone: (typeof phones)[number]) => myGroup(phone.snapshots.at(-1)!.state.workshop!)!;
    const [a, b] = runtime.groups;
    const memberA = phones.filter((p) => groupOf(p).id === a!.id);
    const memberB = phones.find((p) => groupOf(p).id === b!.id)!;
    const docA = boardDocName(session.id, reflection.id, a!.id);
    expect(await emit(memberB.socket, clientEvents.yjsToken, { docName: docA })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const docs = await Promise.all(memberA.slice(0, 2).map(async (p) => {
      const token = await emit<{ token: string; authorKey: string }>(p.socket, clientEvents.yjsToken, { docName: docA });
      if (!token.ok) throw new Error('token');
      const doc = new Y.Doc();
      const provider = h.provider(docA, doc, token.data.token);
      await eventually(() => expect(provider.synced).toBe(true));
      return { doc, key: token.data.authorKey };
    }));
    addNote(docs[0]!.doc, { id: 'n1', text: 'Tid til oppfølging mangler', colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: docs[0]!.key, createdAt: 1 });
    addNote(docs[1]!.doc, { id: 'n2', text: 'Kollegaveiledning hjelper', colour: 'blue', authorKind: 'anonymous', authorName: null, authorKey: docs[1]!.key, createdAt: 2 });
    await eventually(() => expect(readNotes(docs[0]!.doc).map((n) => n.id).sort()).toEqual(['n1', 'n2']));
    expect(docs[0]!.key).not.toBe(memberA[0]!.join.participantId);

    const ready = await emit(memberB.socket, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command: { type: 'setReady', groupId: groupOf(memberB).id, ready: true } } });
    expect(ready).toMatchObject({ ok: true });
    expect(await emit(memberB.socket, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command: { type: 'next' } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // --- plenary: a theme, dots and the word cloud
    await run({ type: 'next' });
    await run({ type: 'clusterCreate', clusterId: 'c1', name: 'Tid og kapasitet' });
    await run({ type: 'clusterAssign', noteId: 'n1', clusterId: 'c1' });
    await run({ type: 'clusterLink', clusterId: 'c1', findingId });
    // Dots only once the facilitator opens the vote: a theme alone does not open it.
    expect(await emit(phones[0]!.socket, plenaryEvents.votes.name, { votes: { c1: 1 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await emit(phones[0]!.socket, clientEvents.command, { sessionId: session.id, command: { type: 'workshop', command: { type: 'plenaryVoting', open: true } } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await run({ type: 'plenaryVoting', open: true });
    for (const p of phones.slice(0, 3)) {
      expect(await emit(p.socket, plenaryEvents.votes.name, { votes: { c1: 3 } })).toEqual({ ok: true, data: null });
      expect(await emit(p.socket, plenaryEvents.word.name, { word: ' Tillit ' })).toEqual({ ok: true, data: null });
    }
    expect(await emit(phones[3]!.socket, plenaryEvents.votes.name, { votes: { c1: 4 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ kind: 'plenary', votes: { c1: 9 }, words: [{ word: 'tillit', count: 3 }] }));

    // --- closing round, then the end
    await run({ type: 'next' });
    for (const [i, p] of phones.slice(0, 3).entries()) {
      expect(await emit(p.socket, closingEvents.evaluate.name, { answers: { nytte: 4 - i, stemme: 3 }, text: i === 0 ? 'Takk for en fin dag' : '' })).toEqual({ ok: true, data: null });
    }
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ kind: 'closing', respondents: 3, questions: [{ id: 'nytte', mean: 3 }, { id: 'stemme', mean: 3 }, { id: 'gjenkjenning', n: 0 }] }));
    await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'end' } });

    await eventually(async () => {
      const kept = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
      const kinds = kept.map((k) => k.kind);
      expect(kinds.filter((k) => k === 'finding_response')).toHaveLength(3);
      expect(kinds.filter((k) => k === 'note')).toHaveLength(2);
      expect(kept.find((k) => k.kind === 'cluster')).toMatchObject({ text: 'Tid og kapasitet', value: 9, data: { notes: ['Tid til oppfølging mangler'] } });
      expect(kinds.filter((k) => k === 'evaluation')).toHaveLength(6);
      expect(kept.every((k) => k.projectId === projectId && k.workshopId === workshop!.id && k.authorName === null)).toBe(true);
    });
    const notes = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'note')));
    expect(notes.map((n) => n.groupName)).toEqual([a!.name, a!.name]);

    // The finding's page shows the evidence; its status moves with a note, kept in history.
    const findingsService = h.server.services.findings;
    const shown = await findingsService.evidence(user.id, projectId, findingId);
    expect(shown).toMatchObject({
      ok: true,
      data: {
        counts: { kjenner_igjen: 1, nyanserer: 1, avkrefter: 1 },
        comments: [{ text: 'Gjelder ikke alle kontor', authorName: null }],
        themes: [{ name: 'Tid og kapasitet', votes: 9, notes: ['Tid til oppfølging mangler'] }],
      },
    });
    expect(await findingsService.setStatus(user.id, projectId, findingId, { status: 'nyansert', note: `Se ${FNR}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    expect(await findingsService.setStatus(user.id, projectId, findingId, { status: 'nyansert', note: 'Gjelder ikke alle kontor' })).toMatchObject({ ok: true, data: { status: 'nyansert' } });
    const history = await findingsService.history(user.id, projectId, findingId);
    expect(history.ok && history.data.map((x) => [x.fromStatus, x.toStatus, x.note])).toEqual([['forelopig', 'nyansert', 'Gjelder ikke alle kontor']]);
    const stranger = await h.facilitator('per@nav.example');
    expect(await findingsService.evidence(stranger.user.id, projectId, findingId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
