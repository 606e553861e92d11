import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { statementSets, workshops } from '@/db/schema';
import type { Audience } from '@/lib/live-view';
import type { SessionSnapshot, SnapshotView } from '@/lib/protocol';
import { currentActivity, type WorkshopCommand } from '@/lib/workshop/runtime';
import { workshopViewOf } from '@/lib/workshop/view';
import { seedDemoProject } from '../demo/seed-demo';
import type { Services } from '../services';
import { toSnapshot } from '../services/live-service';
import { consentVersionFor } from '../../test/consent';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { openServices } from '../../test/services';
import { createAudienceViews } from './audience';

const PHONES = 24;
const bytes = (s: SnapshotView) => Buffer.byteLength(JSON.stringify(s));
const views = createAudienceViews(testConfig().sessionSecret);

/**
 * Runs a workshop through every step with 24 phones joined and returns a table of what each
 * audience's snapshot weighs there; checks on the way that the screen and the phones never get
 * more than the facilitators, nor the frozen runtimes of nested steps (`prepared`).
 */
async function measureWorkshop(services: Services, userId: string, projectId: string, workshopId: string): Promise<string> {
  const session = await services.live.open(userId, projectId, { title: 'Verksted' }, { workshopId });
  if (!session.ok) throw new Error(session.error.code);
  const consent = await consentVersionFor(services as never, session.data.code);
  const ids: string[] = [];
  for (let i = 0; i < PHONES; i++) {
    const joined = await services.live.join(session.data.code, null, undefined, {}, consent);
    if (!joined.ok) throw new Error(joined.error.code);
    ids.push(joined.data.participant.id);
  }
  const audiences: Audience[] = [{ role: 'facilitator' }, { role: 'presenter' }, { role: 'participant', participantId: ids[0]! }];
  const rows: string[] = [];
  const measure = (snapshot: SessionSnapshot) => {
    const rt = snapshot.state.workshop!;
    const kind = currentActivity(rt)?.kind;
    const step = rt.current < 0 ? 'welcome' : `${rt.current + 1} ${kind}${kind === 'findings' ? ` #${rt.findingIndex + 1}` : ''}`;
    const sizes = audiences.map((audience) => bytes(views.snapshotFor(snapshot, audience)));
    rows.push(`${step.padEnd(16)} ${sizes.map((n) => String(n).padStart(11)).join(' ')}`);
    const [full, screen, phone] = sizes as [number, number, number];
    expect(screen).toBeLessThanOrEqual(full);
    expect(phone).toBeLessThanOrEqual(full);
    for (const audience of audiences.slice(1)) {
      const view = views.snapshotFor(snapshot, audience).state.workshop!;
      // A public view: the agenda by name, only the current step's config, nothing frozen.
      expect(['activities' in view, 'prepared' in view]).toEqual([false, false]);
      expect(workshopViewOf(view).activity?.id ?? null).toBe(currentActivity(rt)?.id ?? null);
    }
  };
  const run = async (command: WorkshopCommand) => {
    const done = await services.live.command(session.data.id, { type: 'workshop', command }, { kind: 'facilitator', userId }, ids);
    if (!done.ok) throw new Error(`${command.type}: ${done.error.code}`);
    return done.data;
  };
  measure(toSnapshot((await services.live.byId(session.data.id))!));
  let snapshot = await run({ type: 'next' });
  const last = snapshot.state.workshop!.activities.length - 1;
  for (;;) {
    measure(snapshot);
    if (snapshot.state.workshop!.current === last) break;
    snapshot = await run({ type: 'next' });
  }
  return `bytes per snapshot, ${PHONES} phones\nstep             facilitator      screen       phone\n${rows.join('\n')}`;
}

describe('snapshot bytes per audience in the demo workshop', () => {
  const [pglite] = testDatabases();
  let drop: (() => Promise<void>) | null = null;
  afterAll(() => drop?.());

  it('shapes each audience its own view at every step, and prints the bytes', async () => {
    const opened = await openServices(pglite!, testConfig({ seedDemo: false }));
    drop = opened.drop;
    const { services } = opened;
    const setup = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
    if (!setup.ok) throw new Error(setup.error.code);
    const userId = setup.data.user.id;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, userId);
    const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
    console.log(`the demo workshop\n${await measureWorkshop(services, userId, projectId, workshop!.id)}`);

    // The same agenda with a Q-sort and a kollegaveiledning step: their frozen runtimes ride in `prepared`.
    const [set] = await db.select({ id: statementSets.id }).from(statementSets).where(eq(statementSets.projectId, projectId));
    const templates = await services.supervision.listTemplates(userId, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    for (const [kind, config] of [['qsort', { setId: set!.id }], ['supervision', { templateId: templates.data[0]!.id }]] as const) {
      const added = await services.workshops.addActivity(userId, workshop!.id, { kind, title: kind, config });
      if (!added.ok) throw new Error(added.error.code);
    }
    console.log(`the demo workshop with a Q-sort and a kollegaveiledning step\n${await measureWorkshop(services, userId, projectId, workshop!.id)}`);
  }, 240_000);
});
