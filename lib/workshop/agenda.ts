import { z } from 'zod';
import { freeText, opaque } from '../privacy/free-text';

/**
 * What a facilitator puts on a workshop's agenda. Each kind has its own settings; the same
 * schemas validate the editor's input, the stored JSON and the runtime that plays it.
 */
const text = freeText;

export const findingsConfigSchema = z.object({
  findingIds: z.array(z.uuid()).min(1, { error: 'FINDINGS_REQUIRED' }).max(50),
});

export const groupingRules = ['random', 'attribute', 'manual'] as const;
export const reflectionConfigSchema = z.object({
  prompt: text(1000).min(1, { error: 'REQUIRED' }),
  groupSize: z.number().int().min(3).max(5).default(4),
  grouping: z.enum(groupingRules).default('random'),
  /** With grouping 'attribute': the join question whose answer groups people (e.g. office). */
  attribute: text(60).default(''),
  minutes: z.number().int().min(1).max(180).default(15),
  silentFirst: z.boolean().default(true),
  silentMinutes: z.number().int().min(1).max(60).default(5),
});

export const plenaryConfigSchema = z.object({
  dotVotes: z.number().int().min(1).max(10).default(3),
  /** One-word question for the word cloud; empty = no word cloud. */
  wordCloudQuestion: text(300).default(''),
});

export const evaluationQuestionSchema = z.object({ id: opaque(z.string().min(1).max(40)), text: text(300).min(1, { error: 'REQUIRED' }) });
export const closingConfigSchema = z.object({
  /** Answered on a 0–4 scale (0 = not at all … 4 = to a very large degree). */
  questions: z.array(evaluationQuestionSchema).max(10),
  freeTextQuestion: text(300).default(''),
});

/** A Q-sort of one of the project's statement sets, sorted on the participants' phones. */
export const qsortConfigSchema = z.object({ setId: z.uuid({ error: 'REQUIRED' }) });

/** A kollegaveiledning run by one of the project's templates (its rounds are frozen at start). */
export const supervisionConfigSchema = z.object({ templateId: z.uuid({ error: 'REQUIRED' }) });

export const activityInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('findings'), title: text(200).min(1, { error: 'REQUIRED' }), config: findingsConfigSchema }),
  z.object({ kind: z.literal('reflection'), title: text(200).min(1, { error: 'REQUIRED' }), config: reflectionConfigSchema }),
  z.object({ kind: z.literal('plenary'), title: text(200).min(1, { error: 'REQUIRED' }), config: plenaryConfigSchema }),
  z.object({ kind: z.literal('closing'), title: text(200).min(1, { error: 'REQUIRED' }), config: closingConfigSchema }),
  z.object({ kind: z.literal('qsort'), title: text(200).min(1, { error: 'REQUIRED' }), config: qsortConfigSchema }),
  z.object({ kind: z.literal('supervision'), title: text(200).min(1, { error: 'REQUIRED' }), config: supervisionConfigSchema }),
]);
export type ActivityInput = z.infer<typeof activityInputSchema>;
export type AgendaActivity = ActivityInput & { id: string };

export const workshopInputSchema = z.object({
  title: text(200).min(1, { error: 'REQUIRED' }),
  phaseId: z.uuid().nullable().default(null),
  date: z.union([z.literal('').transform(() => null), z.iso.date({ error: 'DATE_INVALID' }), z.null()]).default(null),
  place: text(200).default(''),
  allowNames: z.boolean().default(false),
  minRevealCount: z.number().int().min(1).max(20).default(3),
});
export type WorkshopInput = z.infer<typeof workshopInputSchema>;

/** The kinds the editor offers, in the order an utviklingsverksted usually runs them. */
export const agendaKinds = ['findings', 'reflection', 'plenary', 'closing', 'qsort', 'supervision'] as const satisfies readonly ActivityKindName[];
type ActivityKindName = ActivityInput['kind'];

/** What a new workshop's agenda holds: the classic utviklingsverksted, one activity of each. */
export const defaultAgendaKinds = ['findings', 'reflection', 'plenary', 'closing'] as const satisfies readonly ActivityKindName[];

/**
 * Kinds that run a whole nested session (a Q-sort, a kollegaveiledning) inside the workshop.
 * An agenda holds at most one of each: the session keeps one sort per participant and one
 * set of round notes, so a second one would overwrite the first.
 */
export const nestedKinds = ['qsort', 'supervision'] as const satisfies readonly ActivityKindName[];
export const isNestedKind = (kind: ActivityKindName): kind is (typeof nestedKinds)[number] => (nestedKinds as readonly string[]).includes(kind);

/** The project's material a default activity may point at; a kind without its material has no default. */
export interface DefaultRefs {
  findingIds: readonly string[];
  /** The statement set a new Q-sort activity starts with (the first one whose grid fits). */
  setId?: string | null;
  /** The template a new kollegaveiledning activity starts with (the project's first). */
  templateId?: string | null;
}

/**
 * A ready-to-run activity of each kind, so a facilitator edits rather than fills in from
 * nothing. The texts are content (stored with the workshop), so they are in bokmål like the
 * seeds. A findings round needs findings: without any there is no default for it.
 */
export function defaultActivity(kind: ActivityKindName, refs: DefaultRefs | readonly string[]): ActivityInput | null {
  const { findingIds, setId, templateId }: DefaultRefs = 'findingIds' in refs ? refs : { findingIds: refs };
  switch (kind) {
    case 'findings':
      return findingIds.length === 0 ? null : { kind, title: 'Funnrunde: kjenner dere igjen funnene?', config: { findingIds: findingIds.slice(0, 50) } };
    case 'reflection':
      return {
        kind,
        title: 'Refleksjon i grupper',
        config: { prompt: 'Hva kjenner dere igjen fra egen praksis, og hva mangler?', groupSize: 4, grouping: 'random', attribute: '', minutes: 15, silentFirst: true, silentMinutes: 5 },
      };
    case 'plenary':
      return { kind, title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord som beskriver dagens tema for deg?' } };
    case 'closing':
      return {
        kind,
        title: 'Hvordan var det å delta?',
        config: {
          questions: [
            { id: 'nytte', text: 'Hvor nyttig var verkstedet for deg?' },
            { id: 'stemme', text: 'Hvor godt fikk du fram dine synspunkter?' },
            { id: 'gjenkjenning', text: 'Hvor godt kjente du deg igjen i funnene?' },
          ],
          freeTextQuestion: 'Er det noe du vil si til forskerne?',
        },
      };
    case 'qsort':
      return setId ? { kind, title: 'Hvor enig er du i utsagnene?', config: { setId } } : null;
    case 'supervision':
      return templateId ? { kind, title: 'Kollegaveiledning', config: { templateId } } : null;
  }
}

/** What a new workshop starts with: one activity of each kind, the findings round with all given findings. */
export const defaultAgenda = (findingIds: readonly string[]): ActivityInput[] => defaultAgendaKinds.flatMap((kind) => defaultActivity(kind, findingIds) ?? []);

/**
 * Every free-text field of an activity with the form field it came from, so callers can run
 * the privacy guard over them and point at the offending field.
 */
export function activityTexts(activity: ActivityInput): [field: string, text: string][] {
  const texts: [string, string][] = [['title', activity.title]];
  switch (activity.kind) {
    case 'findings':
      break;
    case 'reflection':
      texts.push(['prompt', activity.config.prompt], ['attribute', activity.config.attribute]);
      break;
    case 'plenary':
      texts.push(['wordCloudQuestion', activity.config.wordCloudQuestion]);
      break;
    case 'closing':
      activity.config.questions.forEach((q, i) => texts.push([`questions.${i}.text`, q.text]));
      texts.push(['freeTextQuestion', activity.config.freeTextQuestion]);
      break;
    case 'qsort':
    case 'supervision':
      break;
  }
  return texts;
}

/**
 * Field → error code for an activity form. Settings live under `config`, but the form shows
 * them as plain fields, so `config.prompt` becomes `prompt` and `config.questions.1.text`
 * becomes `questions.1.text`.
 */
export function activityFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'config' && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const field = path.length > 0 ? path.map(String).join('.') : 'form';
    if (!(field in out)) out[field] = /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID';
  }
  return out;
}

/** A fresh id for an evaluation question; short, and unique enough within one closing round. */
export const newQuestionId = (): string => `q-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
