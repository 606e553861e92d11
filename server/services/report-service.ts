import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { liveSessions, projects, workshops } from '@/db/schema';
import { locales, type Locale } from '@/i18n/locales';
import { fail, ok, type Result } from '@/lib/errors';
import { buildReportDocument } from '@/lib/reports/build-document';
import { buildReportSheets } from '@/lib/reports/build-tables';
import type { ReportData, SessionReport } from '@/lib/reports/report-data';
import { sheetsToCsvZip } from '../reports/csv';
import { reportToDocx } from '../reports/docx';
import { reportToPdf } from '../reports/pdf';
import { sheetsToXlsx } from '../reports/xlsx';
import { MIN_EVALUATION_ANSWERS, type FeedbackArchive } from './feedback-archive';
import type { ProjectService } from './project-service';
import type { ExportFile } from './qsort-export';
import { findingsShown, reportFindings, sessionReport, workshopRuns } from './report-data';

export const reportFormats = ['docx', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What a download asks for: the whole project, or one workshop (all its runs), or one session. */
export const reportRequestSchema = z.object({
  format: z.enum(reportFormats),
  workshopId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  locale: z.enum(locales).catch('nb'),
});

const contentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
};
const extension: Record<ReportFormat, string> = { docx: 'docx', pdf: 'pdf', xlsx: 'xlsx', csv: 'csv.zip' };

/** An ASCII file name that still reads as Norwegian: æ, ø and å spelt out as ae, o and a rather than dropped. */
const norwegian: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', Æ: 'Ae', Ø: 'O', Å: 'A' };
const slug = (s: string) =>
  s
    .replace(/[æøåÆØÅ]/g, (c) => norwegian[c]!)
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 80) || 'rapport';

/**
 * Reports and raw data for a project, a workshop or a session. Every verb authorises by project
 * membership; what the files hold is read once (`data`) and cut there, so the Word, PDF, Excel
 * and CSV files of one request show the same things.
 */
export function createReportService(db: Db, projectService: ProjectService, archive: FeedbackArchive) {
  async function data(userId: string, projectId: string, scope: { workshopId?: string; sessionId?: string }, now = new Date()): Promise<Result<ReportData>> {
    const role = await projectService.authorise(projectId, userId, 'member');
    if (!role.ok) return role;
    const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId));
    if (!project) return fail('NOT_FOUND', 'no such project');
    let name = project.name;
    if (scope.sessionId) {
      const [session] = await db.select({ title: liveSessions.title }).from(liveSessions).where(and(eq(liveSessions.id, scope.sessionId), eq(liveSessions.projectId, projectId)));
      if (!session) return fail('NOT_FOUND', 'no such session');
      name = session.title;
    } else if (scope.workshopId) {
      const [workshop] = await db.select({ title: workshops.title }).from(workshops).where(and(eq(workshops.id, scope.workshopId), eq(workshops.projectId, projectId)));
      if (!workshop) return fail('NOT_FOUND', 'no such workshop');
      name = workshop.title;
    }
    const [meetings, studies] = await Promise.all([archive.supervisionMeetings(userId, projectId), archive.qsortStudies(userId, projectId)]);
    if (!meetings.ok) return meetings;
    if (!studies.ok) return studies;
    const oldestFirst = <T extends { startedAt: Date }>(list: T[]) => [...list].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());

    const runs = await workshopRuns(db, projectId, { workshopId: scope.sessionId ? undefined : scope.workshopId, sessionId: scope.sessionId });
    const sessions: SessionReport[] = [];
    for (const run of runs) {
      const report = await sessionReport(
        db,
        run,
        meetings.data.filter((m) => m.sessionId === run.id),
        studies.data.filter((s) => s.sessionId === run.id),
      );
      if (report) sessions.push(report);
    }
    const inRun = new Set(runs.map((r) => r.id));
    // A meeting or study held on its own belongs to the project, or to the session it is; a workshop holds only its runs.
    const standalone = <T extends { sessionId: string }>(list: T[]) => list.filter((x) => !inRun.has(x.sessionId) && (scope.sessionId ? x.sessionId === scope.sessionId : !scope.workshopId));
    const scopeName = scope.sessionId ? 'session' : scope.workshopId ? 'workshop' : 'project';

    return ok({
      scope: scopeName,
      name,
      projectName: project.name,
      generatedAt: now,
      minCounts: [...new Set(sessions.map((s) => s.minCount))].sort((a, b) => a - b),
      meetingMinimum: MIN_EVALUATION_ANSWERS,
      findings: await reportFindings(db, projectId, scopeName === 'project' ? null : findingsShown(runs)),
      sessions,
      meetings: oldestFirst(standalone(meetings.data)),
      studies: oldestFirst(standalone(studies.data)),
    });
  }

  return {
    data,

    /** One file: a Word or PDF report, or the raw data as a workbook or a zip of CSV files. */
    async file(userId: string, projectId: string, input: unknown): Promise<Result<ExportFile>> {
      const parsed = reportRequestSchema.safeParse(input);
      if (!parsed.success) return fail('BAD_REQUEST', 'unknown report');
      const { format, locale, workshopId, sessionId } = parsed.data;
      const read = await data(userId, projectId, { workshopId, sessionId });
      if (!read.ok) return read;
      const body = await render(format, read.data, locale);
      const filename = `${slug(read.data.name)}-${read.data.generatedAt.toISOString().slice(0, 10)}.${extension[format]}`;
      return ok({ body, contentType: contentTypes[format], filename });
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;

async function render(format: ReportFormat, data: ReportData, locale: Locale): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return reportToDocx(buildReportDocument(data, locale));
    case 'pdf':
      return reportToPdf(buildReportDocument(data, locale));
    case 'xlsx':
      return sheetsToXlsx(buildReportSheets(data, locale), data.name);
    case 'csv':
      return sheetsToCsvZip(buildReportSheets(data, locale), locale);
  }
}
