import type { AnalysisOptions } from './runtime';

/**
 * The address of a Q-sort session's export, for the result formats carrying the analysis as it
 * was run on the screen: its k, extraction and rotation (not the form's unsaved values), its
 * manual flags, correlation and flagging rule, and the key of the sorts it ran on. Flags go as base64url JSON by sort id, so
 * the link stays one GET a browser can download.
 */
export function exportLink(base: string, format: string, analysed?: { options: AnalysisOptions; sortSet: string }): string {
  const q = new URLSearchParams({ format });
  if (analysed) {
    const { options, sortSet } = analysed;
    q.set('factors', String(options.factors));
    q.set('extraction', options.extraction);
    q.set('rotation', options.rotation);
    if (options.flags) q.set('flags', encodeBase64Url(JSON.stringify(options.flags)));
    if (options.correlation) q.set('correlation', options.correlation);
    if (options.invert?.length) q.set('invert', options.invert.join(','));
    if (options.split?.length) q.set('split', options.split.join(','));
    if (options.handRotations?.length) q.set('rotate', options.handRotations.map((r) => `${r.a},${r.b},${r.degrees}`).join(';'));
    if (options.flagRule) {
      q.set('significance', String(options.flagRule.significance));
      q.set('majority', options.flagRule.majority ? 'on' : 'off');
    }
    q.set('set', sortSet);
  }
  return `${base}?${q.toString()}`;
}

/** The flags of an export link; undefined when absent, null when not readable (the service's schema then refuses it). */
export function decodeExportFlags(param: string | null): unknown {
  if (param === null) return undefined;
  try {
    return JSON.parse(decodeBase64Url(param)) as unknown;
  } catch {
    return null;
  }
}

function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The researcher's choices of an export link, for the service's schema to check; absent ones are left out. */
export function decodeExportChoices(q: URLSearchParams): { correlation?: string; flagRule?: { significance: number; majority: boolean }; invert?: number[]; split?: number[]; handRotations?: { a: number; b: number; degrees: number }[] } {
  const correlation = q.get('correlation');
  const invert = q.get('invert');
  const split = q.get('split');
  const rotate = q.get('rotate');
  const significance = q.get('significance');
  const majority = q.get('majority');
  return {
    ...(correlation === null ? {} : { correlation }),
    ...(invert === null ? {} : { invert: invert.split(',').map(Number) }),
    ...(split === null ? {} : { split: split.split(',').map(Number) }),
    ...(rotate === null ? {} : { handRotations: rotate.split(';').map((turn) => { const [a, b, degrees] = turn.split(',').map((p) => (p.trim() === '' ? NaN : Number(p))); return { a: a ?? NaN, b: b ?? NaN, degrees: degrees ?? NaN }; }) }),
    ...(significance === null && majority === null ? {} : { flagRule: { significance: Number(significance ?? NaN), majority: majority === 'on' ? true : majority === 'off' ? false : (null as unknown as boolean) } }),
  };
}
