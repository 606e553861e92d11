/**
 * What a report is built from: a project's findings and what its sessions left behind, already
 * stripped of everything no reader may see (hidden, redacted, below the minimum count). The
 * service that reads it (server/services/report-data.ts) applies those rules; the builders here
 * only arrange what they get, so every format shows the same things.
 */
import type { FindingStatus } from '@/db/schema';

export type ReportScope = 'project' | 'workshop' | 'session';
export const reportScopes = ['project', 'workshop', 'session'] as const satisfies readonly ReportScope[];

export interface StatusChange {
  at: Date;
  from: FindingStatus;
  to: FindingStatus;
  note: string;
  /** The member who changed it; null when their account is gone. */
  by: string | null;
}

export interface ReportFinding {
  id: string;
  title: string;
  summary: string;
  status: FindingStatus;
  phaseName: string | null;
  /** Oldest first. */
  history: StatusChange[];
}

export type ResponseCounts = { kjenner_igjen: number; nyanserer: number; avkrefter: number };

/**
 * One finding as a findings round tallied it; counts and comments are null/empty below the
 * minimum. Comments are not tied to a response, as on the big screen: together with the counts
 * that could tell who answered what.
 */
export interface FindingTally {
  findingId: string;
  title: string;
  total: number | null;
  counts: ResponseCounts | null;
  comments: { text: string }[];
}

export interface ThemeReport {
  name: string;
  /** Dots given to the theme; null when fewer than the minimum voted. */
  dots: number | null;
  notes: string[];
}

export type ActivityReport =
  | { kind: 'findings'; id: string; title: string; findings: FindingTally[] }
  | { kind: 'reflection'; id: string; title: string; prompt: string; groups: { name: string; notes: string[] }[] }
  | {
      kind: 'plenary';
      id: string;
      title: string;
      /** How many voted with dots; null below the minimum. */
      voters: number | null;
      themes: ThemeReport[];
      wordQuestion: string;
      /** Words in the cloud; null below the minimum (and `words` empty). */
      wordTotal: number | null;
      words: { word: string; count: number }[];
    }
  | {
      kind: 'closing';
      id: string;
      title: string;
      respondents: number | null;
      /** `distribution` holds how many answered 0, 1, 2, 3 and 4; null below the minimum. */
      questions: { id: string; text: string; n: number | null; distribution: number[] | null; mean: number | null }[];
      freeTextQuestion: string;
      texts: string[];
    }
  | {
      kind: 'question';
      id: string;
      title: string;
      prompt: string;
      /** How many answered; null below the minimum (and nothing else is shown). */
      total: number | null;
      /** Choice questions: how many chose each option. */
      options: { text: string; count: number }[];
      /** Scales: how many gave each value, lowest first, with the values. */
      scale: { values: number[]; counts: number[]; mean: number | null } | null;
      /** Open answers grouped, most frequent first. */
      words: { word: string; count: number }[];
    }
  | { kind: 'supervision'; id: string; title: string; meeting: MeetingReport | null }
  | { kind: 'qsort'; id: string; title: string; study: StudyReport | null };

/** A workshop run (a live session of a workshop) with its activities in agenda order. */
export interface SessionReport {
  id: string;
  title: string;
  workshopId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** The workshop's minimum count the tallies were held to. */
  minCount: number;
  activities: ActivityReport[];
}

/** A kollegaveiledning meeting (the archive's record has this shape and more). */
export interface MeetingReport {
  sessionId: string;
  activityId: string | null;
  groupName: string;
  startedAt: Date;
  case: { text: string; question: string } | null;
  learningPoints: { id: string; text: string; redacted?: boolean }[];
  agreements: { id: string; specific: string; measurable: string; acknowledged: string; realistic: string; deadline: string; evaluate: string }[];
  evaluation: { respondents: number; questions: { question: string; answers: number; average: number | null }[] };
}

/** A Q-sort study with the factors the facilitator kept (the archive's record has this shape and more). */
export interface StudyReport {
  sessionId: string;
  activityId: string | null;
  setName: string;
  startedAt: Date;
  sortCount: number;
  statements: { id: string; text: string }[];
  analysis: { factors: number; extraction: string; rotation: string } | null;
  factors: { number: number; label?: string; name: string; description: string; definingSorts: number; array: Record<string, number> | null; distinguishing: { id: string; value: number; z: number }[] }[];
}

export interface ReportData {
  scope: ReportScope;
  /** The project's, workshop's or session's name: what the report is about. */
  name: string;
  projectName: string;
  generatedAt: Date;
  /** The minimum counts the workshops used (distinct, ascending); empty when no workshop ran. */
  minCounts: number[];
  /** The minimum a kollegaveiledning evaluation needs before its averages are shown. */
  meetingMinimum: number;
  findings: ReportFinding[];
  /** Workshop runs, oldest first. */
  sessions: SessionReport[];
  /** Kollegaveiledning meetings held on their own (those inside a workshop sit in its activities), oldest first. */
  meetings: MeetingReport[];
  /** Q-sort studies run on their own, oldest first. */
  studies: StudyReport[];
}
