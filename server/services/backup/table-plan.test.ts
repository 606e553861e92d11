import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { findings } from '@/db/schema';
import { carriedColumnTypes, rowSchema } from './codec';
import { backupTables, excludedTables, projectTables, schemaTables, unclassifiedTables } from './table-plan';

const carried = new Set(backupTables.map((t) => t.name));

describe('the backup table plan, derived from the drizzle schema', () => {
  it('has an answer for every table: carried, or excluded with a reason', () => {
    expect(unclassifiedTables()).toEqual([]);
    for (const reason of Object.values(excludedTables)) expect(reason.length).toBeGreaterThan(10);
  });

  it('names no table the schema does not have', () => {
    expect(Object.keys(excludedTables).filter((name) => !schemaTables.has(name))).toEqual([]);
  });

  it('carries every table that references a project, directly or through others, unless excluded', () => {
    const belongs = projectTables();
    expect([...belongs].filter((name) => !carried.has(name) && !(name in excludedTables))).toEqual([]);
    for (const name of [
      'projects',
      'phases',
      'findings',
      'finding_status_changes',
      'workshops',
      'workshop_activities',
      'live_sessions',
      'participants',
      'feedback_items',
      'q_sorts',
      'statement_sets',
      'statements',
      'supervision_templates',
      'supervision_groups',
      'consent_versions',
      'consent_acceptances',
    ]) {
      expect(carried, name).toContain(name);
    }
    // Tables with a project id but no foreign key are caught by the classification, not the graph.
    expect(belongs).not.toContain('audit_log');
    expect(excludedTables).toHaveProperty('audit_log');
  });

  it('fails for a new table that references a project through another table and is not classified', () => {
    const tags = pgTable('finding_tags', { id: uuid().primaryKey(), findingId: uuid().references(() => findings.id), label: text() });
    const loose = pgTable('global_settings', { key: text().primaryKey(), value: text() });
    const tables = new Map([...schemaTables, ['finding_tags', { name: 'finding_tags', table: tags, columns: {}, idColumns: [], foreignKeys: [{ column: 'findingId', table: 'findings', foreignColumn: 'id', composite: false }] }], ['global_settings', { name: 'global_settings', table: loose, columns: {}, idColumns: [], foreignKeys: [] }]]);
    expect(projectTables(tables)).toContain('finding_tags');
    expect(unclassifiedTables(tables)).toEqual(['finding_tags', 'global_settings']);
  });

  it('orders tables parents first, so a restore inserts them one after another', () => {
    const seen = new Set<string>();
    for (const table of backupTables) {
      for (const fk of table.foreignKeys) if (carried.has(fk.table) && fk.table !== table.name) expect(seen, `${table.name} after ${fk.table}`).toContain(fk.table);
      seen.add(table.name);
    }
    expect(backupTables[0]!.name).toBe('projects');
  });

  it('can carry every column of every carried table', () => {
    for (const table of backupTables) {
      for (const [key, column] of Object.entries(table.columns)) {
        expect(carriedColumnTypes, `${table.name}.${key}`).toContain(column.columnType);
        // A restore gives rows new ids; an identity column would give them new ones nobody refers to.
        expect(column.generatedIdentity, `${table.name}.${key}`).toBeUndefined();
      }
      expect(() => rowSchema(table)).not.toThrow();
    }
  });

  it('meets only single-column foreign keys in carried tables', () => {
    for (const table of backupTables) expect(table.foreignKeys.filter((fk) => fk.composite).map((fk) => fk.column), table.name).toEqual([]);
  });

  it('leaves behind only references that may be cleared (accounts)', () => {
    for (const table of backupTables) {
      for (const fk of table.foreignKeys.filter((f) => !carried.has(f.table))) {
        expect(fk.table, `${table.name}.${fk.column}`).toBe('users');
        expect(table.columns[fk.column]!.notNull, `${table.name}.${fk.column}`).toBe(false);
      }
    }
  });

  it('renews the id of every row that has a uuid key', () => {
    for (const table of backupTables.filter((t) => !['consent_acceptances', 'feedback_item_tags'].includes(t.name))) expect(table.idColumns, table.name).toEqual(['id']);
  });
});
