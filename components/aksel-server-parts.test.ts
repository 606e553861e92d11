import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Aksel's compound parts (`Table.Row`, `Process.Event`, …) are properties of client components.
 * From a server component the property is out of reach: it renders as `undefined`, and the page
 * fails with React error #130 only when that branch renders (a table that appears once a second
 * workshop has data). Server components import the named parts from the component's own entry
 * (`import { TableRow } from '@navikt/ds-react/Table'`) instead.
 */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : tsxFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

describe('server components and Aksel compound parts', () => {
  it('no server component reaches a part as a property of an Aksel component', () => {
    const offenders: string[] = [];
    for (const file of [...tsxFiles('app'), ...tsxFiles('components')]) {
      const source = readFileSync(file, 'utf8');
      if (/^\s*['"]use client['"]/m.test(source.split('\n').slice(0, 3).join('\n'))) continue;
      const imported = /import \{([^}]*)\} from '@navikt\/ds-react'/.exec(source)?.[1]?.split(',').map((n) => n.trim().split(' as ').pop()!) ?? [];
      for (const name of imported) {
        if (name && new RegExp(`<${name}\\.[A-Z]`).test(source)) offenders.push(`${file}: <${name}.…>`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
