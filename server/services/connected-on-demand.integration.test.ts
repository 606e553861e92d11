import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshops } from '@/db/schema';
import type { LiveCommand } from '@/lib/live-session';
import { workshopViewOf } from '@/lib/workshop/view';
import { seedDemoProject } from '../demo/seed-demo';
import { consentVersionFor } from '../../test/consent';
import { sharedServerHarness } from '../../test/server-harness';

/**
 * With several processes, finding out who is connected is a round trip through Redis, so a
 * command looks it up only when its decision needs them (forming groups, seating people):
 * not for stepping through findings, a plenary or a message on the screen.
 */
describe('who is connected, asked for on demand', () => {
  const h = sharedServerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.cleanup());

  it('asks only when a step forms groups, and forms them from everyone it is told of', async () => {
    const { services } = h.server;
    const { user } = await h.facilitator();
    const projectId = await seedDemoProject(services.database.db, user.id);
    const [workshop] = await services.database.db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await services.live.open(user.id, projectId, { title: 'Verksted' }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const people: string[] = [];
    for (let i = 0; i < 7; i++) {
      const joined = await services.live.join(opened.data.code, null, undefined, {}, await consentVersionFor(services, opened.data.code));
      if (!joined.ok) throw new Error(joined.error.code);
      people.push(joined.data.participant.id);
    }
    let asked = 0;
    const connected = async () => {
      asked++;
      return people;
    };
    const facilitator = { kind: 'facilitator' as const, userId: user.id };
    const run = async (command: LiveCommand) => {
      const done = await services.sessionCommands.run(opened.data.id, command, facilitator, connected);
      if (!done.ok) throw new Error(done.error.code);
      return workshopViewOf(done.data.snapshot.state.workshop!);
    };
    const { agenda } = await run({ type: 'setMessage', message: 'Velkommen' });
    const at = (kind: string) => agenda.findIndex((a) => a.kind === kind);
    expect(at('reflection')).toBeGreaterThan(at('findings'));

    // Findings, step by step, and the message on the screen: nobody is looked up.
    await run({ type: 'workshop', command: { type: 'goTo', index: at('findings') } });
    await run({ type: 'workshop', command: { type: 'next' } });
    await run({ type: 'setMessage', message: 'Pause til 10.15' });
    expect(asked).toBe(0);

    // Entering group reflection forms the groups: asked once, and all seven are seated.
    const reflecting = await run({ type: 'workshop', command: { type: 'goTo', index: at('reflection') } });
    expect(asked).toBe(1);
    expect(reflecting.groups.flatMap((g) => g.memberIds).sort()).toEqual([...people].sort());

    // Ending silent writing and moving to the plenary keep the groups: no more lookups.
    await run({ type: 'workshop', command: { type: 'endSilent' } });
    await run({ type: 'workshop', command: { type: 'goTo', index: at('plenary') } });
    expect(asked).toBe(1);
  });
});
