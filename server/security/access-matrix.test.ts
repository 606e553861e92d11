import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kindEvents } from '@/lib/activities/registry';
import { clientEvents } from '@/lib/protocol';
import { actionAccess, httpAccess, matrixActors, pageAccess, socketAccess, yjsAccess } from './access-matrix';

/**
 * Everything a caller can reach is enumerated from the code itself, so a new route, page, server
 * action, socket event or Yjs document kind without a row in the access matrix fails here.
 */
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

/** The URL path of an App Router file: its folders, without route groups `(…)`. */
const routePath = (file: string) =>
  '/' + path.posix.dirname(file).split('/').slice(1).filter((part) => !/^\(.*\)$/.test(part)).join('/');

/** Names a module exports (functions, variables, classes, `export { … }`), read with the TypeScript parser. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && exported(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    }
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) names.push(`* from ${statement.moduleSpecifier?.getText() ?? '?'}`);
      else if (ts.isNamedExports(statement.exportClause)) for (const e of statement.exportClause.elements) names.push(e.name.text);
    }
    if (ts.isExportAssignment(statement)) names.push('default');
  }
  return names;
}

const isUseServer = (file: string) => /^\s*(['"])use server\1/.test(read(file));
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

describe('the access matrix covers everything in the code', () => {
  it('has a verdict for every actor in every row', () => {
    const tables = { httpAccess, pageAccess, actionAccess, socketAccess, yjsAccess };
    for (const [table, rows] of Object.entries(tables)) {
      for (const [key, row] of Object.entries(rows)) {
        expect(Object.keys(row).sort(), `${table} ${key}`).toEqual([...matrixActors].sort());
      }
    }
  });

  it('lists every socket.io client event, the activity kinds\' own included, and no other', () => {
    expect(Object.keys(socketAccess).sort()).toEqual([...Object.values(clientEvents), ...kindEvents.map((e) => e.name)].sort());
  });

  it('lists every Yjs document kind parseYjsDocName knows, and no other', () => {
    const protocol = read('lib/protocol.ts');
    const refType = /export type YjsDocRef =([\s\S]*?);\n/.exec(protocol)?.[1] ?? '';
    const declared = [...refType.matchAll(/kind: '([a-z-]+)'/g)].map((m) => m[1]);
    const parser = /export function parseYjsDocName[\s\S]*?\n}\n/.exec(protocol)?.[0] ?? '';
    const parsed = [...parser.matchAll(/kind: '([a-z-]+)'/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(parsed)).toEqual(new Set(declared));
    expect(Object.keys(yjsAccess).sort()).toEqual([...declared].sort());
  });

  it('lists every export of every server action module, and no other', () => {
    const modules = walk('app').filter((f) => /\.(ts|tsx)$/.test(f) && isUseServer(f));
    expect(modules.length).toBeGreaterThan(0);
    // Server actions live in app/_actions so their keys stay `file#export`.
    expect(modules.filter((f) => !f.startsWith('app/_actions/'))).toEqual([]);
    const inCode = modules.flatMap((f) => exportedNames(f).map((name) => `${path.basename(f).replace(/\.tsx?$/, '')}#${name}`));
    expect(inCode.sort()).toEqual(Object.keys(actionAccess).sort());
  });

  it('lists every JSON endpoint of the custom server and every Next route handler, and no other', () => {
    const api = read('server/http/api.ts');
    const routes = [...api.matchAll(/url\.pathname === '([^']+)' && req\.method === '([A-Z]+)'/g)].map((m) => `${m[2]} ${m[1]}`);
    // Every branch on the path is one of those: a route added in another shape fails here.
    expect(routes).toHaveLength([...api.matchAll(/url\.pathname ===/g)].length);
    const handlers = walk('app')
      .filter((f) => /\/route\.(ts|tsx)$/.test(f))
      .flatMap((f) => exportedNames(f).map((name) => {
        expect(HTTP_METHODS.has(name), `${f} exports ${name}`).toBe(true);
        return `${name} ${routePath(f)}`;
      }));
    // OpenID Connect's two GET routes, each a path constant in its own module.
    const oidc = [...read('server/http/oidc-routes.ts').matchAll(/export const OIDC_\w+_PATH = '([^']+)'/g)].map((m) => `GET ${m[1]}`);
    expect(oidc).toHaveLength(2);
    expect([...routes, ...handlers, ...oidc].sort()).toEqual(Object.keys(httpAccess).sort());
  });

  it('lists every page that needs a user, and no other', () => {
    const pages = walk('app')
      .filter((f) => /\/page\.tsx$/.test(f) && /requireUser\(/.test(read(f)))
      .map(routePath);
    expect(pages.sort()).toEqual(Object.keys(pageAccess).sort());
    // Everything under /prosjekter is a facilitator's: each of those pages asks for the user.
    const underProjects = walk('app/prosjekter').filter((f) => /\/page\.tsx$/.test(f)).map(routePath);
    expect(underProjects.filter((p) => !(p in pageAccess))).toEqual([]);
  });
});
