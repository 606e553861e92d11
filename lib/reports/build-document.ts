import type { Locale } from '@/i18n/locales';
import { documentWriter, type DocumentWriter, type ReportDocument } from './document';
import { writeMeeting, writeStudy } from './build-nested';
import type { ActivityReport, ReportData, ReportFinding, SessionReport } from './report-data';
import { formatDate, formatMean, reportTranslator, type ReportTranslator } from './translate';

/** What every section writer gets: where to write, the texts, and the language for dates and numbers. */
export interface SectionContext {
  w: DocumentWriter;
  t: ReportTranslator;
  locale: Locale;
}

/**
 * The report for a project, a workshop or a session as a document: findings with their status
 * history first (what a research report leads with), then each workshop run with its
 * activities in agenda order, then meetings and Q studies held on their own.
 */
export function buildReportDocument(data: ReportData, locale: Locale): ReportDocument {
  const t = reportTranslator(locale);
  const w = documentWriter();
  const ctx: SectionContext = { w, t, locale };
  const title = data.scope === 'project' ? t('titleProject', { name: data.name }) : data.scope === 'workshop' ? t('titleWorkshop', { name: data.name }) : t('titleSession', { name: data.name });
  const min = Math.min(...data.minCounts, data.meetingMinimum);

  if (data.findings.length > 0) writeFindings(ctx, data.findings);
  if (data.sessions.length > 0) {
    w.heading(1, t('sessionsHeading'));
    for (const session of data.sessions) writeSession(ctx, session);
  }
  if (data.meetings.length > 0) {
    w.heading(1, t('supervisionHeading'));
    for (const meeting of data.meetings) writeMeeting(ctx, meeting, 2);
  }
  if (data.studies.length > 0) {
    w.heading(1, t('qsortHeading'));
    for (const study of data.studies) writeStudy(ctx, study, 2);
  }
  if (w.blocks.length === 0) w.paragraph(t('none'));

  return {
    title,
    preamble: [t('generated', { date: formatDate(locale, data.generatedAt) }), t('privacyNote', { min })],
    labels: { table: t('tableLabel'), figure: t('figureLabel') },
    blocks: w.blocks,
    locale,
  };
}

function writeFindings({ w, t, locale }: SectionContext, findings: ReportFinding[]) {
  w.heading(1, t('findingsHeading'));
  w.table(
    t('findingsCaption'),
    [t('colFinding'), t('colPhase'), t('colStatus')],
    findings.map((f) => [f.title, f.phaseName ?? '', t(`status_${f.status}`)]),
  );
  for (const f of findings.filter((x) => x.history.length > 0)) {
    w.table(
      t('statusHistoryCaption', { finding: f.title }),
      [t('colDate'), t('colFrom'), t('colTo'), t('colNote'), t('colBy')],
      f.history.map((h) => [formatDate(locale, h.at), t(`status_${h.from}`), t(`status_${h.to}`), h.note, h.by ?? '']),
    );
  }
}

function writeSession(ctx: SectionContext, session: SessionReport) {
  const { w, t, locale } = ctx;
  w.heading(2, t('sessionHeading', { title: session.title, date: formatDate(locale, session.startedAt) }));
  for (const activity of session.activities) writeActivity(ctx, activity, session.minCount);
}

function writeActivity(ctx: SectionContext, a: ActivityReport, min: number) {
  const { w, t, locale } = ctx;
  switch (a.kind) {
    case 'findings': {
      w.heading(3, a.title);
      w.table(
        t('responsesCaption', { activity: a.title }),
        [t('colFinding'), t('colRecognise'), t('colNuance'), t('colRefute'), t('colTotal')],
        a.findings.map((f) => (f.counts ? [f.title, f.counts.kjenner_igjen, f.counts.nyanserer, f.counts.avkrefter, f.total ?? ''] : [f.title, '', '', '', t('belowMinimum', { min })])),
      );
      for (const f of a.findings.filter((x) => x.comments.length > 0)) {
        w.paragraph(t('commentsHeading', { finding: f.title }));
        w.list(f.comments.map((c) => c.text));
      }
      return;
    }
    case 'reflection':
      w.heading(3, a.title);
      w.paragraph(t('promptLabel', { prompt: a.prompt }));
      for (const g of a.groups.filter((x) => x.notes.length > 0)) {
        w.paragraph(t('groupNotes', { group: g.name }));
        w.list(g.notes);
      }
      return;
    case 'plenary': {
      w.heading(3, a.title);
      if (a.themes.length > 0) {
        w.table(
          t('themesCaption', { activity: a.title }),
          [t('colTheme'), t('colDots'), t('colNotes')],
          a.themes.map((th) => [th.name, th.dots ?? t('belowMinimum', { min }), th.notes.length]),
        );
        if (a.voters !== null) w.paragraph(t('votesSummary', { voters: a.voters }));
        for (const th of a.themes.filter((x) => x.notes.length > 0)) {
          w.paragraph(t('themeNotes', { theme: th.name }));
          w.list(th.notes);
        }
      }
      if (a.wordQuestion) {
        if (a.wordTotal === null) w.paragraph(`${t('wordCloudCaption', { question: a.wordQuestion })}. ${t('belowMinimum', { min })}`);
        else w.table(t('wordCloudCaption', { question: a.wordQuestion }), [t('colWord'), t('colCount')], a.words.map((x) => [x.word, x.count]));
      }
      return;
    }
    case 'closing': {
      w.heading(3, a.title);
      if (a.respondents !== null) w.paragraph(t('respondents', { count: a.respondents }));
      w.table(
        t('evaluationCaption', { activity: a.title }),
        [t('colQuestion'), '0', '1', '2', '3', '4', t('colTotal'), t('colMean')],
        a.questions.map((q) => (q.distribution ? [q.text, ...q.distribution, q.n ?? '', q.mean === null ? '' : formatMean(locale, q.mean)] : [q.text, '', '', '', '', '', '', t('belowMinimum', { min })])),
      );
      for (const q of a.questions) {
        const d = q.distribution;
        if (d) w.figure(t('evaluationFigure', { question: q.text }), d.map((value, i) => ({ label: String(i), value })), Math.max(...d, 1));
      }
      if (a.texts.length > 0) {
        w.paragraph(t('freeTextHeading', { question: a.freeTextQuestion }));
        w.list(a.texts);
      }
      return;
    }
    case 'question':
      w.heading(3, a.title);
      w.paragraph(a.prompt);
      if (a.total === null) {
        w.paragraph(t('belowMinimum', { min }));
        return;
      }
      w.paragraph(t('respondents', { count: a.total }));
      if (a.options.length > 0) w.table(t('questionCaption', { question: a.prompt }), [t('colOption'), t('colCount')], a.options.map((o) => [o.text, o.count]));
      if (a.scale) {
        const { values, counts, mean } = a.scale;
        w.table(t('questionCaption', { question: a.prompt }), [...values.map(String), t('colTotal'), t('colMean')], [[...counts, a.total, mean === null ? '' : formatMean(locale, mean)]]);
        w.figure(t('questionFigure', { question: a.prompt }), counts.map((value, i) => ({ label: String(values[i]), value })), Math.max(...counts, 1));
      }
      if (a.words.length > 0) w.table(t('questionCaption', { question: a.prompt }), [t('colText'), t('colCount')], a.words.map((x) => [x.word, x.count]));
      return;
    case 'supervision':
      if (a.meeting) writeMeeting(ctx, { ...a.meeting, groupName: a.title }, 3);
      return;
    case 'qsort':
      if (a.study) writeStudy(ctx, a.study, 3);
      return;
  }
}
