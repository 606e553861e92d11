import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-path';

describe('safeReturnPath', () => {
  it('keeps local paths and refuses everything else', () => {
    expect(safeReturnPath('/prosjekter/1')).toBe('/prosjekter/1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, null]) {
      expect(safeReturnPath(bad)).toBe('/prosjekter');
    }
  });
});
