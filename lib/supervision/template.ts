import { z } from 'zod';
import { freeText } from '../privacy/free-text';

/**
 * Kollegaveiledning templates: the rounds a case moves through. Templates are data so a
 * project can edit its own copies; the three built-ins below seed every project.
 */

/** Who a round is for: the case owner (saksholder), the other participants, or everyone. */
export const roundAudiences = ['case_owner', 'participants', 'all'] as const;
export type RoundAudience = (typeof roundAudiences)[number];

export const roundSchema = z.object({
  /** Stable key of the round (its notes document is named by it). */
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  name: freeText(80).min(1, { error: 'REQUIRED' }),
  /** Shown to everyone while the round runs. */
  guidance: freeText(1000),
  minutes: z.number().int().min(1, { error: 'INVALID' }).max(120, { error: 'INVALID' }),
  /** Who has the word in this round. */
  speakers: z.enum(roundAudiences),
  /** Who may add to the round's notes (the leader and the referent always may). */
  writers: z.enum(roundAudiences),
  /** A "runde": the word goes from one speaker to the next in the speaking order. */
  turnBased: z.boolean(),
});
export type Round = z.infer<typeof roundSchema>;

export const templateContentSchema = z.object({
  name: freeText(80).min(1, { error: 'REQUIRED' }),
  description: freeText(500),
  /** Whether the leader may jump between rounds out of order (otherwise strictly in order). */
  allowSkip: z.boolean(),
  rounds: z
    .array(roundSchema)
    .min(1)
    .max(12)
    .refine((rounds) => new Set(rounds.map((r) => r.id)).size === rounds.length, { message: 'DUPLICATE_ROUND' }),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const builtinTemplateKeys = ['standard', 'reflecting_team', 'short'] as const;
export type BuiltinTemplateKey = (typeof builtinTemplateKeys)[number];

const round = (id: string, name: string, minutes: number, speakers: RoundAudience, writers: RoundAudience, turnBased: boolean, guidance: string): Round => ({
  id,
  name,
  guidance,
  minutes,
  speakers,
  writers,
  turnBased,
});

/**
 * The built-in templates, in bokmål: they are content a project edits, not UI text. The
 * standard one is the common Norwegian phase model (DOMAIN.md, workflow 2).
 */
export const builtinTemplates: Record<BuiltinTemplateKey, TemplateContent> = {
  standard: {
    name: 'Kollegaveiledning – fem runder',
    description: 'Saksframlegg, oppklarende spørsmål, refleksjonsrunde, saksholders respons og oppsummering.',
    allowSkip: false,
    rounds: [
      round('framlegg', 'Saksframlegg', 10, 'case_owner', 'all', false,
        'Saksholder legger fram den anonymiserte saken og spørsmålet hen ønsker hjelp med. De andre lytter og noterer.'),
      round('sporsmal', 'Oppklarende spørsmål', 5, 'participants', 'all', true,
        'Still bare faktaspørsmål som gjør saken tydeligere – ingen råd eller tolkninger ennå. Ett spørsmål hver, på rundgang.'),
      round('refleksjon', 'Refleksjonsrunde', 15, 'participants', 'participants', true,
        'Hver deltaker reflekterer høyt på tur: Hva tenker du om saken? Hva kunne vært mulig? Saksholder lytter uten å svare.'),
      round('respons', 'Saksholders respons', 5, 'case_owner', 'all', false,
        'Saksholder forteller hva som var nyttig, hva hen tar med seg og hva hen vil gjøre nå.'),
      round('oppsummering', 'Oppsummering', 5, 'all', 'all', false,
        'Sammen med veiledningsleder: hva lærte vi? Skriv læringspunkter og avtaler til neste gang som SMARTE mål.'),
    ],
  },
  reflecting_team: {
    name: 'Reflekterende team',
    description: 'Saksholder snur seg bort mens gruppen reflekterer høyt, og kommer tilbake for å svare.',
    allowSkip: false,
    rounds: [
      round('framlegg', 'Saksframlegg', 10, 'case_owner', 'all', false,
        'Saksholder legger fram den anonymiserte saken og spørsmålet sitt.'),
      round('sporsmal', 'Oppklarende spørsmål', 5, 'participants', 'all', true,
        'Korte faktaspørsmål, ett om gangen.'),
      round('team', 'Reflekterende team', 15, 'participants', 'participants', false,
        'Saksholder snur seg bort og lytter. Teamet snakker med hverandre om saken – undrende og anerkjennende, ikke til saksholder.'),
      round('tilbake', 'Saksholder snur seg tilbake', 5, 'case_owner', 'all', false,
        'Saksholder forteller hva som gjorde inntrykk og hva hen tar med seg.'),
      round('oppsummering', 'Oppsummering', 5, 'all', 'all', false,
        'Læringspunkter og avtaler til neste gang (SMARTE mål).'),
    ],
  },
  short: {
    name: 'Kort kollegaveiledning (30 min)',
    description: 'Den samme modellen i kortformat for travle dager.',
    allowSkip: true,
    rounds: [
      round('framlegg', 'Saksframlegg', 5, 'case_owner', 'all', false, 'Saksholder presenterer saken og spørsmålet kort.'),
      round('sporsmal', 'Oppklarende spørsmål', 5, 'participants', 'all', true, 'Ett faktaspørsmål hver.'),
      round('refleksjon', 'Refleksjonsrunde', 10, 'participants', 'participants', true, 'Én refleksjon hver. Saksholder lytter.'),
      round('respons', 'Saksholders respons', 5, 'case_owner', 'all', false, 'Hva var nyttig, hva gjør du nå?'),
      round('oppsummering', 'Oppsummering', 5, 'all', 'all', false, 'Ett læringspunkt og én avtale til neste gang.'),
    ],
  },
};

export const templateMinutes = (t: Pick<TemplateContent, 'rounds'>) => t.rounds.reduce((sum, r) => sum + r.minutes, 0);

/** The built-ins as a project's own template rows, in their order (seeded once per project). */
export const builtinTemplateRows = (projectId: string) =>
  builtinTemplateKeys.map((key, position) => ({ projectId, builtinKey: key, position, ...builtinTemplates[key] }));
