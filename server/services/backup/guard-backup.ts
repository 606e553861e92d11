import * as Y from 'yjs';
import { personalDataKinds, type PersonalDataKind } from '@/lib/privacy-guard';
import { fail, ok, type Result } from '@/lib/errors';
import { jsonStrings, stringsInUpdate, touchedTexts } from '@/lib/yjs/written-text';
import type { RestorePlan } from './restore-rows';
import { backupTables } from './table-plan';

/**
 * A backup is client input: before a restore writes anything, the privacy guard reads every
 * text of every row (JSON included) and every string and visible text of every Yjs document.
 * Columns that hold no typed text are skipped; texts meant to name whom to contact (a consent
 * text) are refused only for a national identity number, as their forms do.
 */

/** `table.column`s that hold keys and codes, never typed text. */
const untypedColumns = new Set(['live_sessions.code', 'participants.tokenHash', 'q_sorts.activityId', 'supervision_templates.builtinKey']);
/** `table.column`s whose forms allow contact details (lib/project-schemas.ts). */
const contactColumns = new Set(['projects.consentText', 'consent_versions.text']);
const everything: readonly PersonalDataKind[] = ['NATIONAL_ID', 'PHONE', 'EMAIL'];

/**
 * Ids are not typed text, and a random uuid may well begin with eight digits that read as a
 * phone number: each is replaced by a word before the guard reads the text around it.
 */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const leaks = (text: string, refuse: readonly PersonalDataKind[]) => personalDataKinds(text.replace(UUIDS, ' id ')).some((kind) => refuse.includes(kind));

/** Strings inside one document: what its bytes carry and the visible text of every sequence. */
function docTexts(state: Uint8Array): string[] | null {
  const doc = new Y.Doc();
  const texts: string[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => texts.push(...touchedTexts(tr).map((t) => t.text)));
  try {
    texts.push(...stringsInUpdate(state));
    Y.applyUpdate(doc, state);
    return texts;
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

/** Where the guard found personal data (`table.column` or `doc`), or BACKUP_INVALID for a document that does not decode. */
export function guardRestore(plan: RestorePlan): Result<null> {
  const refused = new Set<string>();
  for (const table of plan.tables) {
    const columns = backupTables.find((t) => t.name === table.name)!.columns;
    for (const [key, column] of Object.entries(columns)) {
      const where = `${table.name}.${key}`;
      const typed = (column.columnType === 'PgText' && !(column.enumValues && column.enumValues.length > 0)) || column.columnType === 'PgJsonb';
      if (!typed || untypedColumns.has(where)) continue;
      const refuse = contactColumns.has(where) ? (['NATIONAL_ID'] as const) : everything;
      for (const row of table.rows) {
        const strings: string[] = [];
        jsonStrings(row[key], strings);
        if (strings.some((s) => leaks(s, refuse))) refused.add(where);
      }
    }
  }
  for (const doc of plan.docs) {
    const texts = docTexts(doc.state);
    if (!texts) return fail('BACKUP_INVALID', `document ${doc.name} does not decode`);
    if (texts.some((s) => leaks(s, everything))) refused.add('docs');
  }
  if (refused.size === 0) return ok(null);
  const fields = Object.fromEntries([...refused].map((where) => [where, 'PERSONAL_DATA']));
  return fail('BACKUP_PERSONAL_DATA', `personal data in ${[...refused].join(', ')}`, fields);
}
