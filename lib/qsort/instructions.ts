import { z } from 'zod';
import { guarded } from '../privacy/free-text';

/** The steps a participant goes through, each with its own editable instruction. */
export const qsortSteps = ['read', 'piles', 'grid', 'review', 'comments', 'pseudonym'] as const;
export type QsortStep = (typeof qsortSteps)[number];

export const instructionsSchema = z.partialRecord(z.enum(qsortSteps), guarded(z.string().trim().max(2000)));
export type Instructions = z.infer<typeof instructionsSchema>;

/**
 * Default instructions in bokmål, from the report's "Framgangsmåte for sortering av utsagn"
 * (seeds/003, appendix 4). They are content a project edits, so they live here, not in the
 * UI message catalogue.
 */
export const defaultInstructions: Record<QsortStep, string> = {
  read: 'Ta utgangspunkt i dine egne erfaringer. Se gjennom og les alle utsagnene for å få en oversikt over innholdet.',
  piles:
    'Del utsagnene i tre grupper. A: utsagn som i stor grad samsvarer med dine oppfatninger (enig). B: utsagn som i liten grad samsvarer med dine oppfatninger (uenig). C: utsagn som i liten eller ingen grad angår deg, eller som du ikke har noen mening om.',
  grid:
    'Plasser utsagnene i skjemaet fra ytterkantene og innover. Start med gruppe A: velg utsagnet du er mest enig i og plasser det lengst til høyre, så de neste. Gjør det samme med gruppe B på venstre side. Legg til slutt gruppe C i de ledige cellene i midten.',
  review: 'Se over plasseringen og vurder om du er enig med deg selv. Bytt om utsagn som passer bedre et annet sted.',
  comments: 'Skriv gjerne hvorfor du plasserte utsagnene ytterst slik du gjorde, og om noe du er opptatt av mangler blant utsagnene.',
  pseudonym: 'Du kan skrive et pseudonym (et påfunnet navn) hvis du vil. Ikke skriv ditt eget navn. Sorteringen er anonym.',
};

export const instructionFor = (custom: Instructions, step: QsortStep) => custom[step]?.trim() || defaultInstructions[step];
