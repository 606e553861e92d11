import { z } from 'zod';
import { freeText, guarded, opaque } from '../privacy/free-text';

/**
 * The archive search as a link: every filter is a search parameter of the Tilbakemeldinger
 * page, so a search can be bookmarked and shared with the project's other members. Pure, so
 * the page, the service and unit tests share it.
 */

/** How many items one search shows; a researcher narrows the filters rather than pages. */
export const ARCHIVE_SEARCH_LIMIT = 200;
export const SEARCH_LIMITS = { query: 200, tag: 80 } as const;

/** Who wrote an item, as the archive filters it (the stored author kinds). */
export const archiveAuthorKinds = ['named', 'anonymous', 'group', 'pseudonym', 'facilitator'] as const;

/**
 * The page's search parameters, by their Norwegian names. Each is read on its own (see
 * `filterFromParams`): a malformed one is ignored, never an error, and the rest still apply.
 */
export const archiveSearchParamsSchema = z.object({
  sok: freeText(SEARCH_LIMITS.query).optional(),
  fase: z.uuid().optional(),
  okt: z.uuid().optional(),
  aktivitet: z.uuid().optional(),
  funn: z.uuid().optional(),
  tema: freeText(SEARCH_LIMITS.tag).optional(),
  type: opaque(z.string().regex(/^[a-z_]{1,40}$/)).optional(),
  forfatter: z.enum(archiveAuthorKinds).optional(),
  tagg: z.uuid().optional(),
});
export type ArchiveSearchParams = z.infer<typeof archiveSearchParamsSchema>;

/** Each parameter parsed alone; one given twice (`?fase=a&fase=b`) counts once: the first. */
function readParams(params: Record<string, string | string[] | undefined>): ArchiveSearchParams {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(archiveSearchParamsSchema.shape)) {
    const raw = params[key];
    const parsed = (schema as z.ZodType).safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as ArchiveSearchParams;
}

/** What the service filters by, in its own words. */
export interface ArchiveFilter {
  query: string;
  phaseId?: string;
  sessionId?: string;
  activityId?: string;
  findingId?: string;
  theme?: string;
  kind?: string;
  authorKind?: (typeof archiveAuthorKinds)[number];
  tagId?: string;
}

export function filterFromParams(params: Record<string, string | string[] | undefined>): ArchiveFilter {
  const p = readParams(params);
  const filter: ArchiveFilter = { query: (p.sok ?? '').trim() };
  if (p.fase) filter.phaseId = p.fase;
  if (p.okt) filter.sessionId = p.okt;
  if (p.aktivitet) filter.activityId = p.aktivitet;
  if (p.funn) filter.findingId = p.funn;
  if (p.tema) filter.theme = p.tema;
  if (p.type) filter.kind = p.type;
  if (p.forfatter) filter.authorKind = p.forfatter;
  if (p.tagg) filter.tagId = p.tagg;
  return filter;
}

/** True when the filter asks for anything at all; an empty one shows no result list. */
export const isActiveFilter = (filter: ArchiveFilter): boolean => Object.entries(filter).some(([, v]) => typeof v === 'string' && v.length > 0);

/** The search parameters for a filter, the inverse of `filterFromParams`, for links. */
export function paramsFromFilter(filter: ArchiveFilter): URLSearchParams {
  const params = new URLSearchParams();
  const pairs: [string, string | undefined][] = [
    ['sok', filter.query || undefined],
    ['fase', filter.phaseId],
    ['okt', filter.sessionId],
    ['aktivitet', filter.activityId],
    ['funn', filter.findingId],
    ['tema', filter.theme],
    ['type', filter.kind],
    ['forfatter', filter.authorKind],
    ['tagg', filter.tagId],
  ];
  for (const [key, value] of pairs) if (value) params.set(key, value);
  return params;
}

/**
 * The words of a search, as the full-text query takes them: letters and digits only (so no
 * tsquery operator a user types can break or widen the query), lower-cased, at most eight.
 */
export function searchWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 8);
}

/**
 * Endings of Norwegian nouns in the definite and the plural, longest first. A searched word
 * loses one (keeping at least four letters) so an inflected query also finds the base form.
 */
const inflections = ['ene', 'ane', 'ne', 'en', 'er', 'et', 'a', 'e'] as const;

/** The word, and the word without its inflection ending when it has one: "veilederne" → "veileder". */
export function searchForms(word: string): string[] {
  const ending = inflections.find((e) => word.endsWith(e) && word.length - e.length >= 4);
  return ending ? [word, word.slice(0, -ending.length)] : [word];
}

/**
 * A `to_tsquery('norwegian', …)` text that needs every word, each as a prefix of its stem:
 * the Norwegian stemmer makes "veileder" `veiled` but "veilederne" `veiledern`, so only
 * `veiled:*` finds both. A word searched in an inflected form is also tried without its
 * ending, so "veilederne" finds "veileder" too. Null when there is nothing to search for.
 */
export function prefixTsquery(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const forms = searchForms(w).map((f) => `${f}:*`);
      return forms.length === 1 ? forms[0] : `(${forms.join(' | ')})`;
    })
    .join(' & ');
}

/** Input of tagging an item: an existing tag by id, or a new (or existing) one by name. */
export const tagInputSchema = z.object({
  name: guarded(z.string().trim().min(1, { error: 'REQUIRED' }).max(SEARCH_LIMITS.tag, { error: 'TOO_LONG' })),
});
export type TagInput = z.infer<typeof tagInputSchema>;
