import { and, eq } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import type { QuestionAnswer } from '@/lib/activities/question/answers';
import type { QuestionConfig } from '@/lib/activities/question/config';
import type { QuestionResults } from '@/lib/activities/question/tally';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import { questionEvents } from '@/lib/activities/question/events';
import type { MyAnswers } from '@/lib/workshop/answers';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '@/server/demo/seed-demo';
import { seededRng, validNationalId } from '../../../test/personal-numbers';
import { eventually } from '../../../test/retry';
import { emitAck as emit, harnessDrivers, serverHarness, type TestSocket } from '../../../test/server-harness';


interface Phone {
  socket: TestSocket;
  id: string;
  snapshots: SnapshotView[];
  /** Every results message this phone received, newest last. */
  results: unknown[];
}

const choice: QuestionConfig = { prompt: 'Kjenner du deg igjen?', format: 'single', options: [{ id: 'ja', text: 'Ja' }, { id: 'nei', text: 'Nei' }, { id: 'delvis', text: 'Delvis' }], lowLabel: '', highLabel: '' };
const open: QuestionConfig = { prompt: 'Ett ord om dagen?', format: 'open', options: [], lowLabel: '', highLabel: '' };
const scale: QuestionConfig = { prompt: 'Hvor nyttig var dagen?', format: 'scale4', options: [], lowLabel: 'I svært liten grad', highLabel: 'I svært stor grad' };

/**
 * Spørsmål over the realtime server with real socket.io clients: a workshop whose agenda is
 * the demo's plus three questions (choice, open, scale), a facilitator and three phones.
 * One server and one room for the file; each test moves the room to its own question.
 */
describe.each(harnessDrivers())('Spørsmål in a running workshop (%s)', (driver) => {
  const h = serverHarness({}, undefined, driver);
  let sessionId = '';
  let fac: TestSocket;
  const facResults: unknown[] = [];
  const phones: Phone[] = [];
  const steps: Record<'choice' | 'open' | 'scale', { index: number; activityId: string }> = {} as never;
  let projectId = '';

  const run = async (command: WorkshopCommand) => {
    const r = await emit<{ version: number }>(fac, clientEvents.command, { sessionId, command: { type: 'workshop', command } });
    if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
  };
  const answer = (phone: Phone, activityId: string, value: QuestionAnswer) => emit<null>(phone.socket, questionEvents.answer.name, { activityId, answer: value });
  const latest = (list: unknown[]) => list.at(-1) as QuestionResults | null | undefined;
  const rowsOf = (activityId: string) => h.server.services.database.db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.activityId, activityId)));
  const goTo = async (step: keyof typeof steps) => {
    await run({ type: 'goTo', index: steps[step].index });
    await eventually(() => expect(phones.every((p) => p.snapshots.at(-1)?.state.workshop?.current === steps[step].index)).toBe(true), 15_000);
  };

  beforeAll(async () => {
    await h.start();
    const { user, cookie } = await h.facilitator();
    const services = h.server.services;
    projectId = await seedDemoProject(services.database.db, user.id);
    const created = await services.workshops.create(user.id, projectId, { title: 'Verksted med spørsmål' });
    if (!created.ok) throw new Error(created.error.code);
    for (const [name, config] of [['choice', choice], ['open', open], ['scale', scale]] as const) {
      const added = await services.workshops.addActivity(user.id, created.data.id, { kind: 'question', title: config.prompt, config });
      if (!added.ok) throw new Error(`${name}: ${added.error.code}`);
    }
    const opened = await services.live.open(user.id, projectId, { title: 'Verksted med spørsmål' }, { workshopId: created.data.id });
    if (!opened.ok) throw new Error(opened.error.code);
    sessionId = opened.data.id;
    fac = h.socket(cookie);
    fac.on(serverEvents.results, (r) => facResults.push(r));
    const joined = await emit<JoinResult>(fac, clientEvents.join, { as: 'facilitator', sessionId });
    if (!joined.ok) throw new Error('join');
    const activities = workshopViewOf(joined.data.snapshot.state.workshop!).agenda;
    for (const [name, prompt] of [['choice', choice.prompt], ['open', open.prompt], ['scale', scale.prompt]] as const) {
      const index = activities.findIndex((a) => a.kind === 'question' && a.title === prompt);
      steps[name] = { index, activityId: activities[index]!.id };
    }
    for (let i = 0; i < 3; i++) {
      const { cookie: pc } = await h.joinHttp(opened.data.code, null);
      const socket = h.socket(pc);
      const phone: Phone = { socket, id: '', snapshots: [], results: [] };
      socket.on(serverEvents.snapshot, (s) => phone.snapshots.push(s));
      socket.on(serverEvents.results, (r) => phone.results.push(r));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: opened.data.code });
      if (!join.ok) throw new Error('join');
      phone.id = join.data.participantId!;
      phones.push(phone);
    }
  }, 60_000);
  afterAll(() => h.cleanup());

  it('takes an answer, lets a participant change it, and keeps one feedback row per participant', async () => {
    await goTo('choice');
    const { activityId } = steps.choice;
    expect(await answer(phones[0]!, activityId, { type: 'choice', optionIds: ['ja'] })).toEqual({ ok: true, data: null });
    await eventually(() => expect(latest(facResults)).toMatchObject({ kind: 'question', total: 1, options: [{ id: 'ja', count: 1 }, { id: 'nei', count: 0 }, { id: 'delvis', count: 0 }] }));
    expect(await answer(phones[0]!, activityId, { type: 'choice', optionIds: ['delvis'] })).toEqual({ ok: true, data: null });
    await eventually(() => expect(latest(facResults)).toMatchObject({ total: 1, options: [{ count: 0 }, { count: 0 }, { id: 'delvis', count: 1 }] }));
    const rows = await rowsOf(activityId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'question_answer', participantId: phones[0]!.id, projectId, theme: choice.prompt, data: { optionIds: ['delvis'] }, authorKind: 'anonymous' });
    // A reloaded phone reads its own answer back.
    const mine = await emit<MyAnswers>(phones[0]!.socket, clientEvents.mine, {});
    expect(mine.ok && mine.data.byActivity[activityId]).toEqual([{ kind: 'question_answer', itemKey: 'answer', text: '', value: null, data: { optionIds: ['delvis'] }, redacted: false }]);
  });

  it('refuses answers that do not fit the question, and answers to a question that is not current', async () => {
    const { activityId } = steps.choice;
    expect(await answer(phones[1]!, activityId, { type: 'choice', optionIds: ['ja', 'nei'] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await answer(phones[1]!, activityId, { type: 'choice', optionIds: ['tja'] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await answer(phones[1]!, activityId, { type: 'scale', value: 3 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await answer(phones[1]!, steps.scale.activityId, { type: 'scale', value: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await rowsOf(activityId)).toHaveLength(1);
  });

  it('shows phones nothing but "too few" below the minimum after reveal, and the bars from three answers', async () => {
    const { activityId } = steps.choice;
    expect(await answer(phones[1]!, activityId, { type: 'choice', optionIds: ['ja'] })).toMatchObject({ ok: true });
    await run({ type: 'setRevealed', revealed: true });
    // The demo workshop's minimum is 3: two answers show as nothing, not even a count.
    await eventually(() => expect(latest(phones[2]!.results)).toMatchObject({ kind: 'question', total: null, options: null, answers: [] }));
    await eventually(() => expect(latest(facResults)).toMatchObject({ total: 2 }));
    expect(await answer(phones[2]!, activityId, { type: 'choice', optionIds: ['ja'] })).toMatchObject({ ok: true });
    await eventually(() => expect(latest(phones[2]!.results)).toMatchObject({ total: 3, options: [{ id: 'ja', text: 'Ja', count: 2 }, { id: 'nei', count: 0 }, { id: 'delvis', count: 1 }] }));
    await eventually(() => expect(latest(phones[0]!.results)).toMatchObject({ total: 3 }));
  });

  it('refuses every answer once the facilitator locks, and takes them again when unlocked', async () => {
    const { activityId } = steps.choice;
    await run({ type: 'setLocked', locked: true });
    expect(await answer(phones[0]!, activityId, { type: 'choice', optionIds: ['nei'] })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await rowsOf(activityId)).find((r) => r.participantId === phones[0]!.id)?.data).toEqual({ optionIds: ['delvis'] });
    await run({ type: 'setLocked', locked: false });
    expect(await answer(phones[0]!, activityId, { type: 'choice', optionIds: ['nei'] })).toMatchObject({ ok: true });
  });

  it('refuses a personal number in an open answer and stores nothing of it', async () => {
    await goTo('open');
    const { activityId } = steps.open;
    const id = validNationalId(seededRng(11));
    expect(await answer(phones[0]!, activityId, { type: 'open', text: `ring ${id}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    expect(await rowsOf(activityId)).toEqual([]);
    for (const [i, word] of ['Tillit', 'tillit', 'tid'].entries()) expect(await answer(phones[i]!, activityId, { type: 'open', text: word })).toMatchObject({ ok: true });
    await run({ type: 'setRevealed', revealed: true });
    await eventually(() => expect(latest(phones[0]!.results)).toMatchObject({ total: 3, words: [{ word: 'tillit', count: 2 }, { word: 'tid', count: 1 }], answers: [] }));
  });

  it('lets the facilitator redact an open answer: it leaves the word list everywhere and stays out when sent again', async () => {
    const { activityId } = steps.open;
    const [row] = (await rowsOf(activityId)).filter((r) => r.text === 'tid');
    const redacted = await emit(fac, clientEvents.redact, { sessionId, target: { type: 'item', itemId: row!.id } });
    expect(redacted).toMatchObject({ ok: true });
    await eventually(() => expect(latest(phones[1]!.results)).toMatchObject({ words: [{ word: 'tillit', count: 2 }] }));
    expect((latest(phones[1]!.results) as QuestionResults).words).toHaveLength(1);
    await eventually(() => expect((latest(facResults) as QuestionResults).answers.find((a) => a.id === row!.id)).toEqual({ id: row!.id, text: '', redacted: true }));
    // The phone's form still holds the text and sends it again: it stays out.
    expect(await answer(phones[2]!, activityId, { type: 'open', text: 'tid' })).toMatchObject({ ok: true });
    const [again] = await h.server.services.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, row!.id));
    expect(again).toMatchObject({ text: '' });
    expect(again!.redactedAt).not.toBeNull();
  });

  it('keeps the answers as feedback when the room moves on, and "trekk tilbake alt" takes a participant’s away', async () => {
    await goTo('scale');
    const { activityId } = steps.scale;
    for (const [i, value] of [4, 3, 2].entries()) expect(await answer(phones[i]!, activityId, { type: 'scale', value })).toMatchObject({ ok: true });
    await eventually(() => expect(latest(facResults)).toMatchObject({ total: 3, distribution: [0, 0, 1, 1, 1], mean: 3, median: 3 }));
    await run({ type: 'previous' });
    expect(await rowsOf(activityId)).toHaveLength(3);
    expect(await rowsOf(steps.choice.activityId)).toHaveLength(3);
    const withdrawn = await emit<{ feedbackItems: number }>(phones[0]!.socket, clientEvents.withdrawAll, {});
    expect(withdrawn).toMatchObject({ ok: true });
    expect((await rowsOf(activityId)).map((r) => r.participantId)).not.toContain(phones[0]!.id);
    expect((await rowsOf(steps.choice.activityId)).map((r) => r.participantId)).not.toContain(phones[0]!.id);
  });
});
