/** Reads one request header; `Headers.get` from next/headers fits. */
type HeaderLookup = (name: string) => string | null | undefined;

/**
 * Whether a page request may spend the visitor's address's code-miss budget on a lookup.
 * Browsers say who made a request (Fetch Metadata): another site's `<img>`, `<iframe>`, fetch
 * or prefetch pointing at `/delta/<code>` could otherwise use up a school's budget without
 * anyone there noticing. A page of ours, the address bar, or a person following a link from
 * elsewhere (a top-level navigation) may look up; so may clients that send no metadata at all
 * (old browsers, scripts: their misses are their own).
 */
export function pageMayLookUpCode(header: HeaderLookup): boolean {
  const site = header('sec-fetch-site');
  if (!site || site === 'same-origin' || site === 'none') return true;
  const prefetch = /prefetch|prerender/i.test(`${header('sec-purpose') ?? ''} ${header('purpose') ?? ''}`);
  return header('sec-fetch-mode') === 'navigate' && header('sec-fetch-dest') === 'document' && !prefetch;
}
