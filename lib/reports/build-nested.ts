import type { SectionContext } from './build-document';
import type { MeetingReport, StudyReport } from './report-data';
import { formatDate, formatMean } from './translate';

const meetingQuestions = ['helpedCaseOwner', 'followedRounds', 'safeClimate', 'usefulForMe'] as const;
const isMeetingQuestion = (q: string): q is (typeof meetingQuestions)[number] => (meetingQuestions as readonly string[]).includes(q);

/** A kollegaveiledning meeting: learning points, SMART agreements, and the evaluation's averages. */
export function writeMeeting({ w, t, locale }: SectionContext, m: MeetingReport, level: 2 | 3) {
  w.heading(level, t('meetingHeading', { group: m.groupName, date: formatDate(locale, m.startedAt) }));
  const points = m.learningPoints.filter((p) => !p.redacted && p.text.trim());
  if (points.length > 0) {
    w.paragraph(t('learningPointsHeading'));
    w.list(points.map((p) => p.text));
  }
  if (m.agreements.length > 0) {
    w.table(
      t('agreementsCaption'),
      [t('colSpecific'), t('colMeasurable'), t('colAcknowledged'), t('colRealistic'), t('colDeadline'), t('colEvaluate')],
      m.agreements.map((a) => [a.specific, a.measurable, a.acknowledged, a.realistic, a.deadline, a.evaluate]),
    );
  }
  const answered = m.evaluation.questions.filter((q) => q.average !== null && isMeetingQuestion(q.question));
  if (answered.length > 0) {
    w.table(
      t('supervisionEvaluationCaption'),
      [t('colQuestion'), t('colTotal'), t('colMean')],
      answered.map((q) => [t(`question_${q.question as (typeof meetingQuestions)[number]}`), q.answers, formatMean(locale, q.average!)]),
    );
  }
}

/** A Q study: its factors with names and descriptions, the factor arrays and each factor's distinguishing statements. */
export function writeStudy({ w, t, locale }: SectionContext, s: StudyReport, level: 2 | 3) {
  w.heading(level, t('studyHeading', { set: s.setName, date: formatDate(locale, s.startedAt) }));
  w.paragraph(t('sortCount', { count: s.sortCount }));
  if (s.analysis) w.paragraph(t('analysisUsed', { factors: s.analysis.factors, extraction: s.analysis.extraction, rotation: s.analysis.rotation }));
  if (s.factors.length === 0) return;
  const text = new Map(s.statements.map((st, i) => [st.id, `${i + 1}. ${st.text}`]));
  const withArrays = s.factors.filter((f) => f.array);
  if (withArrays.length > 0) {
    w.table(
      t('factorArraysCaption', { set: s.setName }),
      [t('colStatement'), ...withArrays.map((f) => t('colFactor', { number: f.label ?? f.number }))],
      s.statements.map((st) => [text.get(st.id) ?? st.text, ...withArrays.map((f) => f.array?.[st.id] ?? '')]),
    );
  }
  for (const f of s.factors) {
    w.heading(3, f.name ? t('factorHeading', { number: f.label ?? f.number, name: f.name }) : t('factorUnnamed', { number: f.label ?? f.number }));
    w.paragraph(f.description);
    w.paragraph(t('definingSorts', { count: f.definingSorts }));
    if (f.distinguishing.length > 0) {
      w.table(
        t('distinguishingCaption', { number: f.label ?? f.number, set: s.setName }),
        [t('colStatement'), t('colPlace'), t('colZ')],
        f.distinguishing.map((d) => [text.get(d.id) ?? d.id, d.value, formatMean(locale, d.z, 2)]),
      );
    }
  }
}
