import type { Locale } from '@/i18n/locales';
import type { Cell } from './document';
import type { ActivityReport, MeetingReport, ReportData, SessionReport, StudyReport } from './report-data';
import { formatDate, reportTranslator } from './translate';

/** One kind of raw data: a sheet in the workbook, a file in the CSV zip. */
export interface ReportSheet {
  /** Stable and ASCII, for file names: `findings`, `notes`, … */
  key: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

type Where = { session: string; activity: string };
type Collected = Record<string, Cell[][]>;

/**
 * The report's data as tables, one per kind, with headers in the report's language and raw
 * values (numbers stay numbers), and a last sheet with the settings the data was cut with.
 * Built from the same `ReportData` as the document, so both leave out the same things.
 */
export function buildReportSheets(data: ReportData, locale: Locale): ReportSheet[] {
  const t = reportTranslator(locale);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const rows: Collected = {};
  const add = (key: string, row: Cell[]) => (rows[key] ??= []).push(row);

  for (const f of data.findings) {
    add('findings', [f.title, f.summary, f.phaseName ?? '', t(`status_${f.status}`)]);
    for (const h of f.history) add('status-changes', [f.title, day(h.at), t(`status_${h.from}`), t(`status_${h.to}`), h.note, h.by ?? '']);
  }
  for (const s of data.sessions) for (const a of s.activities) collectActivity(add, s, a, day);
  for (const m of data.meetings) collectMeeting(add, m, { session: `${m.groupName} ${day(m.startedAt)}`, activity: '' });
  for (const st of data.studies) collectStudy(add, st, { session: `${st.setName} ${day(st.startedAt)}`, activity: '' });

  const where = [t('colSession'), t('colActivity')];
  const sheets: ReportSheet[] = [
    { key: 'findings', title: t('sheetFindings'), header: [t('colFinding'), t('colDescription'), t('colPhase'), t('colStatus')], rows: [] },
    { key: 'status-changes', title: t('sheetStatusChanges'), header: [t('colFinding'), t('colDate'), t('colFrom'), t('colTo'), t('colNote'), t('colBy')], rows: [] },
    { key: 'finding-responses', title: t('sheetResponses'), header: [...where, t('colFinding'), t('colRecognise'), t('colNuance'), t('colRefute'), t('colTotal')], rows: [] },
    { key: 'comments', title: t('sheetComments'), header: [...where, t('colFinding'), t('colText')], rows: [] },
    { key: 'notes', title: t('sheetNotes'), header: [...where, t('colGroup'), t('colText')], rows: [] },
    { key: 'themes', title: t('sheetThemes'), header: [...where, t('colTheme'), t('colDots'), t('colText')], rows: [] },
    { key: 'word-cloud', title: t('sheetWords'), header: [...where, t('colWord'), t('colCount')], rows: [] },
    { key: 'evaluation', title: t('sheetEvaluation'), header: [...where, t('colQuestion'), '0', '1', '2', '3', '4', t('colTotal'), t('colMean')], rows: [] },
    { key: 'evaluation-text', title: t('sheetEvaluationText'), header: [...where, t('colQuestion'), t('colText')], rows: [] },
    { key: 'questions', title: t('sheetQuestions'), header: [...where, t('colQuestion'), t('colOption'), t('colCount')], rows: [] },
    { key: 'learning-points', title: t('sheetLearningPoints'), header: [t('colMeeting'), t('colActivity'), t('colText')], rows: [] },
    { key: 'agreements', title: t('sheetAgreements'), header: [t('colMeeting'), t('colActivity'), t('colSpecific'), t('colMeasurable'), t('colAcknowledged'), t('colRealistic'), t('colDeadline'), t('colEvaluate')], rows: [] },
    { key: 'meeting-evaluation', title: t('sheetMeetingEvaluation'), header: [t('colMeeting'), t('colActivity'), t('colQuestion'), t('colTotal'), t('colMean')], rows: [] },
    { key: 'q-factors', title: t('sheetFactors'), header: [t('colSession'), t('colSet'), t('colNumber'), t('colName'), t('colDescription'), t('colDefining')], rows: [] },
    { key: 'q-factor-arrays', title: t('sheetFactorArrays'), header: [t('colSession'), t('colSet'), t('colNumber'), t('colStatement'), t('colPlace')], rows: [] },
    { key: 'q-distinguishing', title: t('sheetDistinguishing'), header: [t('colSession'), t('colSet'), t('colNumber'), t('colStatement'), t('colPlace'), t('colZ')], rows: [] },
  ].map((s) => ({ ...s, rows: rows[s.key] ?? [] }));

  const question = (q: string) => (['helpedCaseOwner', 'followedRounds', 'safeClimate', 'usefulForMe'].includes(q) ? t(`question_${q as 'helpedCaseOwner'}`) : q);
  for (const row of sheets.find((s) => s.key === 'meeting-evaluation')!.rows) row[2] = question(String(row[2]));

  const settings: Cell[][] = [
    [t('settingScope'), t(`settingScope_${data.scope}`)],
    [t('settingName'), data.name],
    [t('settingGenerated'), formatDate(locale, data.generatedAt)],
    [t('settingMinimum'), data.minCounts.join(', ')],
    [t('settingMinimumMeetings'), data.meetingMinimum],
    [t('settingExcluded'), t('settingExcludedValue')],
    [t('settingLanguage'), locale],
  ];
  return [...sheets, { key: 'settings', title: t('sheetSettings'), header: [t('colSetting'), t('colValue')], rows: settings }];
}

function collectActivity(add: (key: string, row: Cell[]) => void, s: SessionReport, a: ActivityReport, day: (d: Date) => string) {
  const at: Cell[] = [`${s.title} ${day(s.startedAt)}`, a.title];
  switch (a.kind) {
    case 'findings':
      for (const f of a.findings) {
        if (f.counts) add('finding-responses', [...at, f.title, f.counts.kjenner_igjen, f.counts.nyanserer, f.counts.avkrefter, f.total ?? '']);
        for (const c of f.comments) add('comments', [...at, f.title, c.text]);
      }
      return;
    case 'reflection':
      for (const g of a.groups) for (const n of g.notes) add('notes', [...at, g.name, n]);
      return;
    case 'plenary':
      for (const th of a.themes) {
        add('themes', [...at, th.name, th.dots ?? '', '']);
        for (const n of th.notes) add('themes', [...at, th.name, '', n]);
      }
      for (const w of a.words) add('word-cloud', [...at, w.word, w.count]);
      return;
    case 'closing':
      for (const q of a.questions) if (q.distribution) add('evaluation', [...at, q.text, ...q.distribution, q.n ?? '', q.mean ?? '']);
      for (const text of a.texts) add('evaluation-text', [...at, a.freeTextQuestion, text]);
      return;
    case 'question':
      for (const o of a.options) add('questions', [...at, a.prompt, o.text, o.count]);
      if (a.scale) for (const [i, value] of a.scale.values.entries()) add('questions', [...at, a.prompt, value, a.scale.counts[i]!]);
      for (const w of a.words) add('questions', [...at, a.prompt, w.word, w.count]);
      return;
    case 'supervision':
      if (a.meeting) collectMeeting(add, a.meeting, { session: at[0] as string, activity: a.title });
      return;
    case 'qsort':
      if (a.study) collectStudy(add, a.study, { session: at[0] as string, activity: a.title });
      return;
  }
}

function collectMeeting(add: (key: string, row: Cell[]) => void, m: MeetingReport, where: Where) {
  for (const p of m.learningPoints) if (!p.redacted && p.text.trim()) add('learning-points', [where.session, where.activity, p.text]);
  for (const a of m.agreements) add('agreements', [where.session, where.activity, a.specific, a.measurable, a.acknowledged, a.realistic, a.deadline, a.evaluate]);
  for (const q of m.evaluation.questions) if (q.average !== null) add('meeting-evaluation', [where.session, where.activity, q.question, q.answers, q.average]);
}

function collectStudy(add: (key: string, row: Cell[]) => void, s: StudyReport, where: Where) {
  const text = new Map(s.statements.map((st) => [st.id, st.text]));
  for (const f of s.factors) {
    add('q-factors', [where.session, s.setName, f.label ?? f.number, f.name, f.description, f.definingSorts]);
    for (const st of s.statements) if (f.array && f.array[st.id] !== undefined) add('q-factor-arrays', [where.session, s.setName, f.label ?? f.number, st.text, f.array[st.id]!]);
    for (const d of f.distinguishing) add('q-distinguishing', [where.session, s.setName, f.label ?? f.number, text.get(d.id) ?? d.id, d.value, d.z]);
  }
}
