import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_RETURN_PATHS } from '../test/hostile-inputs';
import { safeReturnPath } from './safe-path';

const BASE = 'https://verksted.example';
const staysHome = (target: string) => new URL(target, BASE).origin === BASE;


/** Pieces a hostile return path is built from: separators, their encodings, and controls. */
const trick = fc.constantFrom(
  '/', '//', '\\', '/\\', '\\/', '%2F', '%2f', '%5C', '%5c', '%252F', '%255C', '%09', '%0A', '%0D', '%00',
  '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u2028', '%E2%80%A8', ' ', '.', '..', '%2E', ':', '@', '?', '#',
  'https:', 'http:', 'javascript:', 'evil.example', 'verksted.example@evil.example', '%', '%%', '%ff', '\u3000',
);

const hostilePath = fc.array(fc.oneof(trick, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

describe('safeReturnPath', () => {
  it('keeps local paths with their query and fragment', () => {
    expect(safeReturnPath('/prosjekter/1')).toBe('/prosjekter/1');
    expect(safeReturnPath('/prosjekter/1?fane=2#x')).toBe('/prosjekter/1?fane=2#x');
    expect(safeReturnPath('/okter/%C3%B8l')).toBe('/okter/%C3%B8l');
    expect(safeReturnPath('/a/../b')).toBe('/b');
  });

  it('falls back on every probe string', () => {
    for (const bad of HOSTILE_RETURN_PATHS) {
      const result = safeReturnPath(bad);
      expect(result, JSON.stringify(bad)).toBe('/prosjekter');
      expect(staysHome(result)).toBe(true);
    }
    expect(safeReturnPath(undefined)).toBe('/prosjekter');
    expect(safeReturnPath(null)).toBe('/prosjekter');
  });

  it('never returns a target that leaves the site, however the input is built', () => {
    fc.assert(
      fc.property(hostilePath, (input) => {
        const result = safeReturnPath(input);
        // Read as a browser reads a Location header, at every level of decoding a proxy might add.
        let current = result;
        for (let i = 0; i < 5; i += 1) {
          if (!staysHome(current) || !current.startsWith('/') || current.startsWith('//')) return false;
          if (/[\u0000-\u001f\\]/.test(current)) return false;
          const next = decodeURIComponent(current);
          if (next === current) break;
          current = next;
        }
        return true;
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps ordinary paths a user can reach', () => {
    const segment = fc.stringMatching(/^[a-z0-9æøå-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = `/${segments.join('/')}`;
        return safeReturnPath(path) === new URL(path, BASE).pathname;
      }),
    );
  });
});
