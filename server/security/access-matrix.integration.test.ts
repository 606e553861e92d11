import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, findings, phases, statements, statementSets, supervisionTemplates, workshops } from '@/db/schema';
import { AUTH_COOKIE, participantCookieName } from '@/lib/cookies';
import { kindEvents } from '@/lib/activities/registry';
import type { Result } from '@/lib/errors';
import { clientEvents, type Ack } from '@/lib/protocol';
import { emptySort } from '@/lib/qsort/sort';
import { seedGrid } from '@/lib/qsort/grid';
import { addNote, readNotes } from '@/lib/workshop/board';
import { buildAccessWorld, emit, type AccessWorld, type DocTarget } from '../../test/access-world';
import { consentVersionFor } from '../../test/consent';
import { sortIn } from '../../test/qsort';
import { eventually } from '../../test/retry';
import { httpBrowser } from '../../test/http-browser';
import { startTestProvider } from '../../test/oidc-test-provider';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { freePort } from '../../test/ports';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from '../http/oidc-routes';
import { actionAccess, httpAccess, matrixActors, pageAccess, socketAccess, yjsAccess, type AccessRow, type MatrixActor, type Verdict } from './access-matrix';

/**
 * Walks every cell of the access matrix against one real server: two projects, two sessions,
 * real socket.io and y-websocket clients. Socket events, Yjs documents and the custom server's
 * HTTP endpoints are driven over the wire. Server actions, the Next route handler and pages need
 * the Next build, so for those the caller's identity is resolved exactly as `currentUser()` does
 * (`auth.userForToken` on the cookie the actor's browser holds) and the service function the
 * action, route or page calls is called with it — what `withUser`/`requireUser` wrap.
 *
 * An allowed cell must succeed (or, where the fixture's session is of another kind, get the
 * named domain outcome, which only a caller who passed the access check can reach); a denied
 * cell must be refused with the matrix's code.
 */
const w = { world: null as AccessWorld | null };
// OpenID Connect sign-in is configured against a real provider, so its routes are walked too.
let provider: Awaited<ReturnType<typeof startTestProvider>>;
let h: ReturnType<typeof serverHarness>;
const world = () => w.world!;

/** What a caller who passed the access check gets, where it is not plain success. */
type Outcome = 'ok' | string;

function expectCell(verdict: Verdict, result: Ack<unknown> | Result<unknown>, allowed: Outcome = 'ok') {
  if (verdict === 'allow' || verdict === 'own-session' || verdict === 'read-only') {
    if (allowed === 'ok') expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, error: { code: allowed } });
  } else {
    expect(result).toMatchObject({ ok: false, error: { code: verdict } });
  }
}

const cells = (rows: Readonly<Record<string, AccessRow>>) =>
  Object.entries(rows).flatMap(([key, row]) => matrixActors.map((actor) => [key, actor, row[actor]] as const));

// --- socket.io ------------------------------------------------------------

let rev = 10;
/** Payload of each event: naming session A where the payload names a session at all. */
const payloads: Record<string, (actor: MatrixActor) => unknown> = {
  'session:join': (actor) =>
    actor === 'participantA' || actor === 'participantB' ? { as: 'participant', code: world().sessionA.code } : { as: 'facilitator', sessionId: world().sessionA.id },
  'session:command': () => ({ sessionId: world().sessionA.id, command: { type: 'setMessage', message: 'Hei' } }),
  'participant:update': () => ({ displayName: null }),
  'participant:resumeLink': () => ({}),
  'yjs:token': () => ({ docName: `live.${world().sessionA.id}.notes` }),
  'workshop:content': () => ({}),
  'workshop:respond': () => ({ findingId: crypto.randomUUID(), response: 'kjenner_igjen', comment: '' }),
  'workshop:withdraw': () => ({ findingId: crypto.randomUUID() }),
  'workshop:mine': () => ({}),
  'supervision:outcome': () => ({ type: 'learningPoint', text: 'Små mål' }),
  'qsort:mine': () => ({}),
  'qsort:save': () => ({ rev: ++rev, state: emptySort(seedGrid) }),
  'qsort:help': () => ({ statement: '7', on: true }),
  'qsort:resolveHelp': () => ({ sortId: crypto.randomUUID() }),
  'qsort:analyze': () => ({ options: { factors: 1, extraction: 'pca', rotation: 'none' } }),
  'qsort:keepFactors': () => ({ options: { factors: 1, extraction: 'pca', rotation: 'none' }, names: [{ name: 'Samarbeid', description: '' }] }),
  'qsort:cancelAnalysis': () => ({}),
  'qsort:addPaperSort': () => ({ columns: sortIn(Array.from({ length: 36 }, (_, i) => String(i + 1))).columns, pseudonym: '' }),
  'qsort:merge': () => ({}),
  'qsort:importSorts': () => ({ text: ['statement,Fil 1', ...sortIn(Array.from({ length: 36 }, (_, i) => String(i + 1))).columns.flatMap((c, i) => c.map((id) => `${id},${seedGrid.min + i}`))].join('\n') }),
  'archive:retry': () => ({ sessionId: world().sessionA.id }),
  'moderation:redact': () => ({ sessionId: world().sessionA.id, target: { type: 'item', itemId: crypto.randomUUID() } }),
  'moderation:eraseParticipant': () => ({ sessionId: world().sessionA.id, number: 99_999 }),
  'participant:withdrawAll': () => ({}),
  // Each kind's own events, with the example the kind declares.
  ...Object.fromEntries(kindEvents.map((e) => [e.name, () => e.example])),
};
/** Workshop and kollegaveiledning events in a Q-sort session: refused by the service, after the access check. */
const socketOutcomes: Record<string, Outcome> = {
  'workshop:respond': 'CONFLICT',
  'workshop:withdraw': 'CONFLICT',
  'supervision:outcome': 'NOT_FOUND',
  // Past the access check: no such item, no participant with that number.
  'moderation:redact': 'NOT_FOUND',
  'moderation:eraseParticipant': 'NOT_FOUND',
  // A kind's own events: what the kind says its service answers when none of its activities is current.
  ...Object.fromEntries(kindEvents.map((e) => [e.name, e.refusedOutside])),
};

// --- Yjs ------------------------------------------------------------------

// --- HTTP -----------------------------------------------------------------

/** The identity `currentUser()` resolves from the actor's auth cookie, or null. */
async function identity(actor: MatrixActor): Promise<string | null> {
  return (await world().services.auth.userForToken(world().authTokens[actor]))?.id ?? null;
}
const unauthenticated: Result<never> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in first' } };
/** What `withUser` and `requireUser` do before the service: no user, no call. */
const asUser = async (actor: MatrixActor, run: (userId: string) => Promise<Result<unknown>>) => {
  const userId = await identity(actor);
  return userId ? run(userId) : unauthenticated;
};

/** A fresh one-use link for a participant of session A (redeeming it moves that participant). */
async function resumeToken(): Promise<string> {
  const p = await world().participant(world().sessionA.code);
  const link = await emit<{ token: string }>(p.socket, clientEvents.resumeLink, {});
  if (!link.ok) throw new Error(link.error.code);
  return link.data.token;
}

/** A workshop session of A whose closing summary is on the screen (session A itself is a Q-sort): made once. */
let summarySession: Promise<string> | null = null;
function workshopWithSummary(): Promise<string> {
  summarySession ??= (async () => {
    const services = world().services;
    const [workshop] = await services.database.db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, world().projectA));
    const opened = await services.live.open(world().owner.userId, world().projectA, { title: 'Verksted' }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    const shown = await services.sessionResults.setSummary(world().owner.userId, world().projectA, opened.data.id, { type: 'showSummary', show: true });
    if (!shown.ok) throw new Error(shown.error.code);
    return opened.data.id;
  })();
  return summarySession;
}
/** The value of one cookie in an actor's cookie header (what the route reads). */
const cookieValue = (actor: MatrixActor, name: string) =>
  (world().cookies[actor] ?? '').split(';').map((p) => p.trim()).find((p) => p.startsWith(`${name}=`))?.slice(name.length + 1);

const http: Record<string, (actor: MatrixActor) => Promise<Result<unknown>>> = {
  'GET /api/health': async (actor) => {
    const res = await fetch(`${h.origin}/api/health`, { headers: { cookie: world().cookies[actor] } });
    return res.status === 200 ? { ok: true, data: null } : { ok: false, error: { code: 'INTERNAL', message: String(res.status) } };
  },
  'POST /api/sessions/join': async (actor) => {
    const res = await fetch(`${h.origin}/api/sessions/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin, cookie: world().cookies[actor] },
      body: JSON.stringify({ code: world().sessionA.code, displayName: null, consentVersion: await consentVersionFor(h.server.services, world().sessionA.code) }),
    });
    return (await res.json()) as Result<unknown>;
  },
  'POST /api/sessions/resume': async (actor) => {
    const res = await fetch(`${h.origin}/api/sessions/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin, cookie: world().cookies[actor] },
      body: JSON.stringify({ token: await resumeToken() }),
    });
    return (await res.json()) as Result<unknown>;
  },
  /** Anyone may start: the provider decides who signs in. */
  [`GET ${OIDC_START_PATH}`]: async (actor) => {
    const res = await fetch(`${h.origin}${OIDC_START_PATH}`, { redirect: 'manual', headers: { cookie: world().cookies[actor] } });
    const to = new URL(res.headers.get('location') ?? '/', h.origin);
    return res.status === 302 && to.origin === new URL(provider.issuer).origin ? { ok: true, data: null } : { ok: false, error: { code: 'INTERNAL', message: `${res.status} ${to.href}` } };
  },
  /** The browser that started the flow, with the provider's code, is signed in — whoever it was before. */
  [`GET ${OIDC_CALLBACK_PATH}`]: async (actor) => {
    const browser = httpBrowser();
    for (const pair of (world().cookies[actor] ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
      const at = pair.indexOf('=');
      browser.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const sub = `matrix-${actor.toLowerCase()}-${unique()}`;
    provider.account(sub, { email: `${sub}@nav.example`, email_verified: true, name: sub });
    provider.signInAs(sub);
    const isCallback = (u: URL) => u.origin === h.origin && u.pathname === OIDC_CALLBACK_PATH;
    const { url } = await browser.follow(`${h.origin}${OIDC_START_PATH}`, isCallback);
    const res = await browser.get(url);
    const user = await world().services.auth.userForToken(browser.cookie(AUTH_COOKIE));
    return res.status === 302 && user?.email === `${sub}@nav.example` ? { ok: true, data: null } : { ok: false, error: { code: 'INTERNAL', message: String(res.status) } };
  },
  'GET /prosjekter/[id]/live/[sessionId]/eksport': (actor) =>
    asUser(actor, (userId) => world().services.qsortExport.file(userId, world().sessionA.id, { format: 'csv' })),
  'GET /prosjekter/[id]/sikkerhetskopi': (actor) => asUser(actor, (userId) => world().services.backups.backup(userId, world().projectA)),
  'GET /prosjekter/[id]/prosjekt-json': (actor) => asUser(actor, (userId) => world().services.backups.readable(userId, world().projectA)),
  /** Restores project A's backup, made by its owner, as the actor's own new project. */
  'POST /prosjekter/gjenopprett': (actor) =>
    asUser(actor, async (userId) => {
      const file = await world().services.backups.backup(world().owner.userId, world().projectA);
      return file.ok ? world().services.backups.restore(userId, file.data.body) : file;
    }),
  'GET /skjerm/[sessionId]/oppsummering': async (actor) => {
    const sessionId = await workshopWithSummary();
    return asUser(actor, (userId) => world().services.sessionResults.screenSummary(userId, sessionId));
  },
  'GET /delta/oppsummering/[sessionId]': (actor) =>
    world().services.sessionResults.phoneSummary(world().sessionA.id, cookieValue(actor, participantCookieName(world().sessionA.id))),
  'GET /prosjekter/[id]/rapport': (actor) => asUser(actor, (userId) => world().services.reports.file(userId, world().projectA, { format: 'csv' })),
};

// --- pages ----------------------------------------------------------------

/** The check each page makes before it renders anything (it shows 404 when it fails). */
async function firstRow<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error('fixture row missing');
  return row;
}
const db = () => world().services.database.db;
const projectGate = (also?: (userId: string) => Promise<Result<unknown>>) => (userId: string) =>
  world().services.projects.get(userId, world().projectA).then(async (r) => (r.ok && also ? also(userId) : r));
const sessionGate = async (userId: string): Promise<Result<unknown>> => {
  const session = await world().services.live.byId(world().sessionA.id);
  const role = session ? await world().services.projects.roleOf(session.projectId, userId) : null;
  return role ? { ok: true, data: role } : { ok: false, error: { code: 'NOT_FOUND', message: 'no such session for this user' } };
};
const pages: Record<string, (userId: string) => Promise<Result<unknown>>> = {
  '/prosjekter': async (userId) => {
    const list = await world().services.projects.listForUser(userId);
    // Anyone signed in sees a list, but only their own projects in it.
    expect(list.some((p) => p.id === world().projectA)).toBe(userId === world().owner.userId);
    return { ok: true, data: list };
  },
  '/prosjekter/[id]': projectGate(),
  '/prosjekter/[id]/funn': projectGate((u) => world().services.findings.list(u, world().projectA)),
  '/prosjekter/[id]/funn/[findingId]': projectGate(async (u) => {
    const finding = await firstRow(db().select().from(findings).where(eq(findings.projectId, world().projectA)));
    return world().services.findings.evidence(u, world().projectA, finding.id);
  }),
  '/prosjekter/[id]/kollegaveiledning': projectGate((u) => world().services.supervision.listGroups(u, world().projectA)),
  '/prosjekter/[id]/kollegaveiledning/maler/[templateId]': projectGate((u) => world().services.supervision.listTemplates(u, world().projectA)),
  '/prosjekter/[id]/live/[sessionId]': sessionGate,
  '/prosjekter/[id]/tidslinje': projectGate((u) => world().services.archiveTimeline.timeline(u, world().projectA)),
  '/prosjekter/[id]/tilbakemeldinger': projectGate((u) => world().services.feedbackArchive.entries(u, world().projectA)),
  '/prosjekter/[id]/tilbakemeldinger/tagger': projectGate((u) => world().services.archiveSearch.tagView(u, world().projectA)),
  '/prosjekter/[id]/utsagn': projectGate((u) => world().services.statementSets.list(u, world().projectA)),
  '/prosjekter/[id]/utsagn/[setId]': projectGate(async (u) => {
    const set = await firstRow(db().select().from(statementSets).where(eq(statementSets.projectId, world().projectA)));
    return world().services.statementSets.get(u, set.id);
  }),
  '/prosjekter/[id]/verksted': projectGate((u) => world().services.workshops.list(u, world().projectA)),
  '/prosjekter/[id]/verksted/[workshopId]': projectGate(async (u) => {
    const workshop = await firstRow(db().select().from(workshops).where(eq(workshops.projectId, world().projectA)));
    return world().services.workshops.get(u, workshop.id);
  }),
  '/skjerm/[sessionId]': sessionGate,
  '/prosjekter/[id]/live/[sessionId]/resultater': async (userId) => world().services.sessionResults.sessionResults(userId, world().projectA, await workshopWithSummary()),
};

// --- server actions --------------------------------------------------------

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${++serial}`;
const s = () => world().services;
const A = () => world().projectA;
const ownerId = () => world().owner.userId;
/** A participant's answer kept in project A, as the archive search shows it. */
const archivedItem = async () => {
  const [item] = await db()
    .insert(feedbackItems)
    .values({ projectId: A(), kind: 'learning_point', authorKind: 'group', text: `Læringspunkt ${unique()}` })
    .returning({ id: feedbackItems.id });
  return item!.id;
};
/** Makes something in project A as its owner, for an action that uses it up. */
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`fixture: ${r.error.code}`);
  return r.data;
};
/** The demo's statement set (the one with statements; sets made by other probes are empty). */
const demoSet = () =>
  firstRow(db().select({ id: statementSets.id }).from(statementSets).innerJoin(statements, eq(statements.setId, statementSets.id)).where(eq(statementSets.projectId, A())));
const demoFinding = () => firstRow(db().select().from(findings).where(eq(findings.projectId, A())));
const demoWorkshop = () => firstRow(db().select().from(workshops).where(eq(workshops.projectId, A())));
const freshPhase = async () => unwrap(await s().projects.addPhase(ownerId(), A(), { name: `Fase ${unique()}` })).id;
const freshSet = async () => unwrap(await s().statementSets.create(ownerId(), A(), { name: `Sett ${unique()}` })).id;
const freshWorkshop = async () => unwrap(await s().workshops.create(ownerId(), A(), { title: `Verksted ${unique()}` })).id;
const plenary = { kind: 'plenary', title: 'Plenum', config: { dotVotes: 5, wordCloudQuestion: '' } };
const ownTemplate = async () => {
  const templates = unwrap(await s().supervision.listTemplates(ownerId(), A()));
  const mine = await db().select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, A()));
  const { description, allowSkip, rounds } = templates[0]!;
  return mine[0] ?? unwrap(await s().supervision.saveTemplate(ownerId(), A(), null, { name: 'Vår mal', description, allowSkip, rounds }));
};
const freshGroup = async () => {
  const templates = unwrap(await s().supervision.listTemplates(ownerId(), A()));
  return unwrap(await s().supervision.createGroup(ownerId(), A(), { name: `Gruppe ${unique()}`, templateId: templates[0]!.id })).id;
};

/** The service call each server action makes with the user `withUser` resolved (see the action's source). */
const actions: Record<string, { run: (userId: string | null) => Promise<Result<unknown>>; public?: true; allowed?: Outcome }> = {
  'auth-actions#setupAction': { public: true, allowed: 'SETUP_DONE', run: () => s().setupFirstAccount({ name: 'X', email: `x${unique()}@nav.example`, password: 'et-godt-passord' }) },
  'auth-actions#signInAction': { public: true, run: () => s().auth.signIn({ email: 'ingrid@nav.example', password: 'et-godt-passord' }, `10.1.${serial % 250}.${++serial % 250}`) },
  'auth-actions#registerAction': {
    public: true,
    run: async () => s().auth.registerWithInvitation((await s().auth.createInvitation(ownerId(), null)).token, { name: 'Ny', email: `ny${unique()}@nav.example`, password: 'et-godt-passord' }),
  },
  'auth-actions#acceptInvitationAction': { run: async (u) => s().auth.acceptInvitation((await s().auth.createInvitation(ownerId(), null)).token, u!) },
  'auth-actions#signOutAction': {
    public: true,
    // Signing out ends whichever auth session the browser presents; it needs no identity.
    run: async () => {
      const session = unwrap(await s().auth.signIn({ email: 'ingrid@nav.example', password: 'et-godt-passord' }, `10.2.0.${++serial % 250}`));
      await s().auth.signOut(session.token);
      return { ok: true, data: await s().auth.userForToken(session.token) };
    },
  },
  // Only sets the locale cookie; no service and nothing to authorise.
  'auth-actions#setLocaleAction': { public: true, run: async () => ({ ok: true, data: null }) },

  'project-actions#createProjectAction': { run: (u) => s().projects.create(u!, { name: `Prosjekt ${unique()}` }) },
  'project-actions#updateProjectAction': { run: (u) => s().projects.update(u!, A(), { name: 'Arbeid først' }) },
  'project-actions#setArchivedAction': {
    run: async (u) => {
      const archived = await s().projects.setArchived(u!, A(), true);
      if (archived.ok) unwrap(await s().projects.setArchived(ownerId(), A(), false));
      return archived;
    },
  },
  'project-actions#addPhaseAction': { run: (u) => s().projects.addPhase(u!, A(), { name: 'Ny fase' }) },
  'project-actions#updatePhaseAction': { run: async (u) => s().projects.updatePhase(u!, A(), await freshPhase(), { name: 'Endret fase' }) },
  'project-actions#movePhaseAction': { run: async (u) => s().projects.movePhase(u!, A(), await freshPhase(), -1) },
  'project-actions#deletePhaseAction': {
    run: async (u) => {
      const id = await freshPhase();
      const result = await s().projects.deletePhase(u!, A(), id);
      // The service answers ok for a phase it did not find: what counts is that it is still there.
      const left = await db().select().from(phases).where(eq(phases.id, id));
      return result.ok && left.length > 0 ? { ok: false, error: { code: 'INTERNAL', message: 'reported deleted, still there' } } : result;
    },
  },
  'project-actions#removeMemberAction': {
    run: async (u) => {
      const invitation = await s().auth.createInvitation(ownerId(), A());
      const member = unwrap(await s().auth.registerWithInvitation(invitation.token, { name: 'M', email: `m${unique()}@nav.example`, password: 'et-godt-passord' }));
      return s().projects.removeMember(u!, A(), member.user.id);
    },
  },
  'project-actions#createInvitationAction': {
    run: async (u) => {
      const role = await s().projects.authorise(A(), u!, 'member');
      return role.ok ? { ok: true, data: await s().auth.createInvitation(u!, A()) } : role;
    },
  },
  'project-actions#openLiveSessionAction': { run: (u) => s().live.open(u!, A(), { title: 'Økt' }) },

  'finding-actions#createFindingAction': { run: (u) => s().findings.create(u!, A(), { title: `Funn ${unique()}` }) },
  'finding-actions#updateFindingAction': { run: async (u) => s().findings.update(u!, A(), (await demoFinding()).id, { title: (await demoFinding()).title }) },
  'finding-actions#deleteFindingAction': {
    run: async (u) => s().findings.remove(u!, A(), unwrap(await s().findings.create(ownerId(), A(), { title: `Slett ${unique()}` })).id),
  },
  'finding-actions#moveFindingAction': { run: async (u) => s().findings.move(u!, A(), (await demoFinding()).id, 1) },
  'finding-actions#importFindingsAction': { run: (u) => s().findings.importText(u!, A(), `Importert ${unique()}`, null) },
  'finding-actions#setFindingStatusAction': { run: async (u) => s().findings.setStatus(u!, A(), (await demoFinding()).id, { status: 'bekreftet' }) },

  'qsort-actions#startQsortAction': { run: async (u) => s().qsort.open(u!, A(), (await demoSet()).id) },

  'statement-set-actions#createStatementSetAction': { run: (u) => s().statementSets.create(u!, A(), { name: `Sett ${unique()}` }) },
  'statement-set-actions#renameStatementSetAction': { run: async (u) => s().statementSets.rename(u!, await freshSet(), { name: 'Nytt navn' }) },
  'statement-set-actions#deleteStatementSetAction': { run: async (u) => s().statementSets.remove(u!, await freshSet()) },
  'statement-set-actions#addStatementAction': { run: async (u) => s().statementSets.addStatement(u!, await freshSet(), { text: 'Et utsagn' }) },
  'statement-set-actions#updateStatementAction': {
    run: async (u) => {
      const setId = await freshSet();
      const statement = unwrap(await s().statementSets.addStatement(ownerId(), setId, { text: 'Før' }));
      return s().statementSets.updateStatement(u!, setId, statement.id, { code: statement.code, text: 'Etter' });
    },
  },
  'statement-set-actions#deleteStatementAction': {
    run: async (u) => {
      const setId = await freshSet();
      const statement = unwrap(await s().statementSets.addStatement(ownerId(), setId, { text: 'Borte' }));
      return s().statementSets.removeStatement(u!, setId, statement.id);
    },
  },
  'statement-set-actions#moveStatementAction': {
    run: async (u) => {
      const [statement] = await db()
        .select({ id: statements.id, setId: statements.setId })
        .from(statements)
        .innerJoin(statementSets, eq(statementSets.id, statements.setId))
        .where(eq(statementSets.projectId, A()));
      return s().statementSets.moveStatement(u!, statement!.setId, statement!.id, 1);
    },
  },
  'statement-set-actions#importStatementsAction': { run: async (u) => s().statementSets.importStatements(u!, await freshSet(), 'Første\nAndre') },
  'statement-set-actions#saveGridAction': { run: async (u) => s().statementSets.saveGrid(u!, await freshSet(), null) },
  'statement-set-actions#saveInstructionsAction': { run: async (u) => s().statementSets.saveInstructions(u!, await freshSet(), {}) },

  'supervision-actions#createGroupAction': {
    run: async (u) => s().supervision.createGroup(u!, A(), { name: `Gruppe ${unique()}`, templateId: unwrap(await s().supervision.listTemplates(ownerId(), A()))[0]!.id }),
  },
  'supervision-actions#startMeetingAction': { run: async (u) => s().supervision.openMeeting(u!, A(), await freshGroup()) },
  'supervision-actions#copyTemplateAction': {
    run: async (u) => {
      const template = await ownTemplate();
      const found = await s().supervision.getTemplate(u!, template.id);
      if (!found.ok) return found;
      const { name, description, allowSkip, rounds } = found.data;
      return s().supervision.saveTemplate(u!, A(), null, { name: `Kopi av ${name}`.slice(0, 80), description, allowSkip, rounds });
    },
  },
  'supervision-actions#saveTemplateAction': {
    run: async (u) => {
      const template = await ownTemplate();
      const { name, description, allowSkip, rounds } = template;
      return s().supervision.saveTemplate(u!, A(), template.id, { name, description, allowSkip, rounds });
    },
  },

  'project-actions#deleteProjectAction': {
    // A project of its own (A's owner owns it), so the cell that succeeds does not delete A.
    run: async (u) => {
      const name = `Prosjekt ${unique()}`;
      const project = unwrap(await s().projects.create(ownerId(), { name }));
      return s().deletion.deleteProject(u!, project.id, name);
    },
  },
  'project-actions#deleteLiveSessionAction': {
    run: async (u) => {
      const title = `Økt ${unique()}`;
      const session = unwrap(await s().live.open(ownerId(), A(), { title }));
      return s().deletion.deleteSession(u!, session.id, title);
    },
  },
  'workshop-actions#createWorkshopAction': { run: (u) => s().workshops.create(u!, A(), { title: `Verksted ${unique()}` }) },
  'workshop-actions#updateWorkshopAction': { run: async (u) => s().workshops.update(u!, await freshWorkshop(), { title: 'Endret' }) },
  'session-results-actions#setSessionSummaryAction': {
    run: async (u) => s().sessionResults.setSummary(u!, A(), await workshopWithSummary(), { type: 'setPhoneSummary', on: true }),
  },
  'archive-actions#tagItemAction': {
    run: async (u) => s().archiveSearch.tagItem(u!, A(), await archivedItem(), { name: `Tema ${unique()}` }),
  },
  'archive-actions#untagItemAction': {
    run: async (u) => {
      const itemId = await archivedItem();
      const tagged = unwrap(await s().archiveSearch.tagItem(ownerId(), A(), itemId, { name: `Tema ${unique()}` }));
      return s().archiveSearch.untagItem(u!, A(), itemId, tagged.tagId);
    },
  },
  'redaction-actions#redactFeedbackItemAction': {
    run: async (u) => {
      const [item] = await db()
        .insert(feedbackItems)
        .values({ projectId: A(), kind: 'learning_point', authorKind: 'group', text: `Læringspunkt ${unique()}` })
        .returning({ id: feedbackItems.id });
      return s().redaction.redactAsMember(u!, A(), item!.id);
    },
  },
  'workshop-actions#deleteWorkshopAction': {
    run: async (u) => {
      const id = await freshWorkshop();
      const [row] = await db().select({ title: workshops.title }).from(workshops).where(eq(workshops.id, id));
      return s().deletion.deleteWorkshop(u!, id, row!.title);
    },
  },
  'workshop-actions#addActivityAction': { run: async (u) => s().workshops.addActivity(u!, await freshWorkshop(), plenary) },
  'workshop-actions#updateActivityAction': {
    run: async (u) => {
      const id = await freshWorkshop();
      const activity = unwrap(await s().workshops.addActivity(ownerId(), id, plenary));
      return s().workshops.updateActivity(u!, id, activity.id, { ...plenary, title: 'Plenum 2' });
    },
  },
  'workshop-actions#removeActivityAction': {
    run: async (u) => {
      const id = await freshWorkshop();
      const activity = unwrap(await s().workshops.addActivity(ownerId(), id, plenary));
      return s().workshops.removeActivity(u!, id, activity.id);
    },
  },
  'workshop-actions#moveActivityAction': {
    run: async (u) => {
      const id = await freshWorkshop();
      unwrap(await s().workshops.addActivity(ownerId(), id, plenary));
      const second = unwrap(await s().workshops.addActivity(ownerId(), id, { ...plenary, title: 'To' }));
      return s().workshops.moveActivity(u!, id, second.id, -1);
    },
  },
  'workshop-actions#startWorkshopSessionAction': {
    run: async (u) => {
      const workshop = await demoWorkshop();
      const found = await s().workshops.get(u!, workshop.id);
      if (!found.ok) return found;
      return s().live.open(u!, A(), { title: found.data.workshop.title }, { workshopId: workshop.id });
    },
  },
};

describe.each(harnessDrivers())('the access matrix on %s', (driver) => {
  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}${OIDC_CALLBACK_PATH}`;
    provider = await startTestProvider({ redirectUri });
    h = serverHarness({ oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, scopes: 'openid email profile', label: 'Test' } }, undefined, driver);
    await h.start(port);
    w.world = await buildAccessWorld(h);
    summarySession = null;
  }, 120_000);
  afterAll(async () => {
    await h.cleanup();
    await provider?.close();
  });

  describe('socket.io events', () => {
    it.each(cells(socketAccess))('%s by %s: %s', async (event, actor, verdict) => {
      const result = await emit(world().sockets[actor], event, payloads[event]!(actor));
      expectCell(verdict, result, socketOutcomes[event]);
    });
  });

  describe('Yjs documents', () => {
    let targets: Record<string, DocTarget>;
    beforeAll(async () => {
      targets = await world().docTargets();
    }, 120_000);

    const stored = async (docName: string) => {
      const { state } = await h.server.services.yjsPersistence.fetch(docName);
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      return doc;
    };

    it.each(cells(yjsAccess))('%s by %s: %s', async (kind, actor, verdict) => {
      const target = targets[kind]!;
      const socket = target.sockets[actor]!;
      const token = await emit<{ token: string; authorKey: string | null }>(socket, clientEvents.yjsToken, { docName: target.docName });
      if (verdict !== 'allow' && verdict !== 'read-only') return expectCell(verdict, token);
      if (!token.ok) throw new Error(`${actor} got no token: ${token.error.code}`);
      expect(h.server.services.yjsTokens.verify(token.data.token)?.ro).toBe(verdict === 'read-only');
      const doc = new Y.Doc();
      const provider = h.provider(target.docName, doc, token.data.token);
      await eventually(() => expect(provider.synced).toBe(true));
      const mark = `${actor}-${kind}`;
      if (kind === 'board' || kind === 'draft') addNote(doc, { id: mark, text: mark, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: token.data.authorKey ?? 'facilitator', createdAt: 1 });
      else doc.getText('notes').insert(0, mark);
      // An allowed writer's change is stored; read-only cells are not walked yet (none in the matrix).
      await eventually(async () => {
        const copy = await stored(target.docName);
        expect(kind === 'board' || kind === 'draft' ? readNotes(copy).map((n) => n.id) : copy.getText('notes').toString()).toContain(mark);
      });
      provider.destroy();
    });
  });

  describe('HTTP routes', () => {
    it.each(cells(httpAccess))('%s by %s: %s', async (route, actor, verdict) => {
      expectCell(verdict, await http[route]!(actor));
    });
  });

  describe('pages that need a user', () => {
    it.each(cells(pageAccess))('%s by %s: %s', async (page, actor, verdict) => {
      expectCell(verdict, await asUser(actor, pages[page]!));
    });
  });

  describe('server actions (the service they call, with the identity withUser resolves)', () => {
    it.each(cells(actionAccess))('%s by %s: %s', async (action, actor, verdict) => {
      const probe = actions[action]!;
      const result = probe.public ? await probe.run(await identity(actor)) : await asUser(actor, probe.run);
      expectCell(verdict, result, probe.allowed);
    });
  });
});
