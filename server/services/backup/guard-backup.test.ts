import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { guardRestore } from './guard-backup';
import type { RestorePlan } from './restore-rows';

const digitsFirst = '91234567-1234-4123-8123-123456789012';
const plan = (tables: RestorePlan['tables'], docs: RestorePlan['docs'] = []): RestorePlan => ({ projectId: digitsFirst, sourceProjectId: digitsFirst, tables, docs });
const docWith = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('the privacy guard over a backup', () => {
  it('passes ids, even one that begins with eight digits, in columns, JSON and documents', () => {
    const result = guardRestore(
      plan(
        [{ name: 'workshop_activities', rows: [{ id: digitsFirst, workshopId: digitsFirst, position: 0, kind: 'findings', title: 'Funn', config: { findingIds: [digitsFirst] } }] }],
        [{ name: `live.${digitsFirst}.notes`, state: docWith(`Lapp ${digitsFirst}`) }],
      ),
    );
    expect(result).toEqual({ ok: true, data: null });
  });

  it('refuses a phone number in a note, a national id in JSON and in a document, naming where', () => {
    const result = guardRestore(
      plan(
        [
          { name: 'feedback_items', rows: [{ text: 'Ring meg på 912 34 567', data: { word: 'ok' } }] },
          { name: 'live_sessions', rows: [{ state: { workshop: { title: 'Saken til 15076500565' } }, code: '' }] },
        ],
        [{ name: `live.${digitsFirst}.notes`, state: docWith('Bruker 150765 00565') }],
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_PERSONAL_DATA', fields: { 'feedback_items.text': 'PERSONAL_DATA', 'live_sessions.state': 'PERSONAL_DATA', docs: 'PERSONAL_DATA' } } });
  });

  it('lets a consent text name whom to contact, but never a national id', () => {
    expect(guardRestore(plan([{ name: 'consent_versions', rows: [{ text: 'Kontakt prosjekt@nav.no eller 912 34 567' }] }]))).toMatchObject({ ok: true });
    expect(guardRestore(plan([{ name: 'consent_versions', rows: [{ text: 'Kontakt 15076500565' }] }]))).toMatchObject({ ok: false, error: { code: 'BACKUP_PERSONAL_DATA' } });
  });

  it('refuses a document that does not decode as a backup that cannot be read', () => {
    expect(guardRestore(plan([], [{ name: `live.${digitsFirst}.notes`, state: new Uint8Array([1, 2, 3, 250, 251]) }]))).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
  });
});
