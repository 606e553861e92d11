import type { Database } from '@/db/client';
import { createMemoryHub, type Bus } from '../bus';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { seedDemoProject } from '../demo/seed-demo';
import { createYjsPersistence } from '../realtime/yjs-persistence';
import { createRedactedDigest } from '../security/redacted-digest';
import { createResumeTokenSigner, createYjsTokenSigner } from '../security/tokens';
import { createArchiveMarks } from './archive-marks';
import { createArchiveSearch } from './archive-search';
import { createArchiveTimeline } from './archive-timeline';
import { createArchiveService } from './archive-service';
import { createBackupService } from './backup/backup-service';
import { createBoardArchive } from './board-archive';
import { createCodeLookup } from './code-lookup';
import { createDeletionService } from './deletion-service';
import { createFeedbackArchive } from './feedback-archive';
import { createFeedbackService } from './feedback-service';
import { createFindingsService } from './findings-service';
import { createResultsService } from './results-service';
import { createSessionResults } from './session-results-service';
import { createStatementSetService } from './statement-set-service';
import { createAccessChanges } from './access-changes';
import { createAuditService } from './audit-service';
import { createAuthService } from './auth-service';
import { createPasswordHasher } from './password-hasher';
import { createLimitsService } from './limits-service';
import { createLiveService } from './live-service';
import { relayArchiveStatus, relayLiveChanges } from './relays';
import { createProjectService } from './project-service';
import { createQsortExport } from './qsort-export';
import { createReportService } from './report-service';
import { createResumeService } from './resume-service';
import { createRetentionService } from './retention-service';
import { createQsortService } from './qsort-service';
import { createAnalysisRunner } from './analysis-runner';
import { createQsortFactors } from './qsort-factors';
import { createRedactionService } from './redaction-service';
import { createSessionCommands } from './session-commands';
import { createSupervisionOutcome } from './supervision-outcome';
import { createSupervisionService } from './supervision-service';
import { createWorkshopService } from './workshop-service';
import { createWorkshopContent } from './workshop-content';

/**
 * Everything the transports (pages, server actions, sockets, HTTP) may call. `bus` reaches the
 * other server processes on the same database (by default none: a hub of this process's own).
 */
export function createServices(database: Database, config: Config, log: Logger, bus: Bus = createMemoryHub().bus(log)) {
  const { db } = database;
  const audit = createAuditService(db, (err) => log.error({ err }, 'audit write failed'));
  // Removals, sign-outs and archiving reach the realtime layer through this one channel.
  const accessChanges = createAccessChanges((err) => log.error({ err }, 'an access change listener failed'), bus);
  const limits = createLimitsService(db);
  const auth = createAuthService(db, audit, limits, accessChanges, createPasswordHasher(config.cheapPasswordHashing === true));
  const projects = createProjectService(db, audit, accessChanges);
  const live = createLiveService(db, projects, audit);
  relayLiveChanges(live, bus, log);
  const yjsTokens = createYjsTokenSigner(config.sessionSecret);
  const yjsPersistence = createYjsPersistence(db);
  const redactedDigest = createRedactedDigest(config.sessionSecret);
  const feedback = createFeedbackService(db, redactedDigest);
  const results = createResultsService(db);
  const boardArchive = createBoardArchive(db, yjsPersistence, log);
  const supervisionOutcome = createSupervisionOutcome(db, yjsPersistence);
  const qsort = createQsortService(db, projects, live);
  const analysis = createAnalysisRunner();
  const sessionResults = createSessionResults(db, projects, live);
  const feedbackArchive = createFeedbackArchive(db, projects, sessionResults);
  const archive = relayArchiveStatus(createArchiveService({ live, boardArchive, supervisionOutcome, log, marks: createArchiveMarks(db), ...(config.archiveRetryDelaysMs ? { retryDelaysMs: config.archiveRetryDelaysMs } : {}) }), bus);

  return {
    config,
    log,
    database,
    /** What the other server processes hear from this one (and it from them). */
    bus,
    audit,
    accessChanges,
    limits,
    /** Join code → open session for participants; misses are rate limited per address. */
    codes: createCodeLookup(live, limits),
    auth,
    projects,
    live,
    workshops: createWorkshopService(db, projects, audit),
    /** The findings cards a running workshop shows. */
    workshopContent: createWorkshopContent(db, live),
    /** Deleting a project, workshop or session with everything under it. */
    deletion: createDeletionService(db, projects, audit, accessChanges),
    /** Deletes raw free text of projects past their retention date (scheduled in server/app.ts). */
    retention: createRetentionService(db, audit, live, log),
    findings: createFindingsService(db, projects, audit),
    statementSets: createStatementSetService(db, projects, audit),
    yjsTokens,
    yjsPersistence,
    feedback,
    results,
    boardArchive,
    supervision: createSupervisionService(db, projects, live, audit),
    qsort,
    /** A facilitator's Q-sort analysis and the factors kept from it. */
    qsortFactors: createQsortFactors(qsort, live, analysis),
    /** Q analyses in a worker thread, so a large study never stalls the other sessions. */
    analysis,
    resume: createResumeService(db, createResumeTokenSigner(config.sessionSecret), bus),
    qsortExport: createQsortExport(qsort, projects, analysis),
    supervisionOutcome,
    archive,
    /** A session's commands with what goes around them: seating, keeping a step as it is left. */
    sessionCommands: createSessionCommands(live, archive),
    /** Word and PDF reports and raw data files of a project, a workshop or a session. */
    reports: createReportService(db, projects, feedbackArchive),
    feedbackArchive,
    /** A workshop session's results: the results page, the screen's closing summary, the phones' short one. */
    sessionResults,
    /** A project as one backup file and back (a new project), and as readable JSON (docs/backup.md). */
    backups: createBackupService(db, projects, audit, log),
    /** The project's feedback as one searchable, taggable list (Tilbakemeldinger). */
    archiveSearch: createArchiveSearch(db, projects),
    /** The project's phases, workshops and sessions in time, with what each produced. */
    archiveTimeline: createArchiveTimeline(db, projects),
    /** Redacting one item, erasing one participant's contributions (database side). */
    redaction: createRedactionService(db, audit, projects, live, redactedDigest),
    /** Creates the first account and, unless SEED_DEMO=false, gives it the demo project. */
    async setupFirstAccount(input: unknown) {
      const result = await auth.setup(input);
      if (result.ok && config.seedDemo) {
        const projectId = await seedDemoProject(db, result.data.user.id);
        log.info({ projectId }, 'demo project created');
      }
      return result;
    },
  };
}
export type Services = ReturnType<typeof createServices>;
