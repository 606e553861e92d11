import type archive from '../messages/nb.archive.json';
import type backup from '../messages/nb.backup.json';
import type core from '../messages/nb.json';
import type controlRoom from '../messages/nb.control-room.json';
import type findings from '../messages/nb.findings.json';
import type lifecycle from '../messages/nb.lifecycle.json';
import type live from '../messages/nb.live.json';
import type qsortPrep from '../messages/nb.qsort-prep.json';
import type redaction from '../messages/nb.redaction.json';
import type phone from '../messages/nb.phone.json';
import type reports from '../messages/nb.reports.json';
import type screen from '../messages/nb.screen.json';
import type a11y from '../messages/nb.a11y.json';
import type sessionResults from '../messages/nb.session-results.json';
import type supervisionPrep from '../messages/nb.supervision-prep.json';
import type workshop from '../messages/nb.workshop.json';
import { activityMessageFiles } from '../components/activities/message-files';
import type { Locale } from './locales';

/**
 * The namespaces of the activity kinds' own message files. Each kind declares its namespace
 * here from its own folder (module augmentation, as next-intl's `AppConfig`), so adding a kind
 * touches no shared file:
 *   declare module '@/i18n/catalogue' { interface ActivityCatalogues { plenary: (typeof nb)['plenary'] } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation from components/activities/<kind>/messages.ts
export interface ActivityCatalogues {}

/** Messages are split by feature (one file per feature and locale) and merged per request. */
export type Messages = ActivityCatalogues & typeof core & typeof findings & typeof workshop & typeof live & typeof supervisionPrep & typeof qsortPrep & typeof lifecycle & typeof redaction & typeof archive & typeof backup & typeof sessionResults & typeof reports & typeof phone & typeof screen & typeof controlRoom & typeof a11y;

/**
 * Every message file stem (`messages/<locale>.<stem>.json`; '' is the core file): the
 * features' files, then each activity kind's own, from the registry.
 */
export const messageFiles: readonly string[] = ['', 'findings', 'workshop', 'live', 'supervision-prep', 'qsort-prep', 'lifecycle', 'redaction', 'archive', 'backup', 'session-results', 'reports', 'phone', 'screen', 'control-room', 'a11y', ...activityMessageFiles];

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(messageFiles.map((stem) => (stem ? import(`../messages/${locale}.${stem}.json`) : import(`../messages/${locale}.json`))));
  return Object.assign({}, ...parts.map((p: { default: object }) => p.default)) as Messages;
}
