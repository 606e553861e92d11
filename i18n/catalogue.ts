import type core from '../messages/nb.json';
import type findings from '../messages/nb.findings.json';
import type lifecycle from '../messages/nb.lifecycle.json';
import type live from '../messages/nb.live.json';
import type qsortPrep from '../messages/nb.qsort-prep.json';
import type qsort from '../messages/nb.qsort.json';
import type redaction from '../messages/nb.redaction.json';
import type supervisionPrep from '../messages/nb.supervision-prep.json';
import type supervision from '../messages/nb.supervision.json';
import type workshop from '../messages/nb.workshop.json';
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
export type Messages = ActivityCatalogues & typeof core & typeof findings & typeof workshop & typeof live & typeof supervision & typeof supervisionPrep & typeof qsortPrep & typeof qsort & typeof lifecycle & typeof redaction;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`),
    import(`../messages/${locale}.findings.json`),
    import(`../messages/${locale}.workshop.json`),
    import(`../messages/${locale}.live.json`),
    import(`../messages/${locale}.supervision.json`),
    import(`../messages/${locale}.supervision-prep.json`),
    import(`../messages/${locale}.qsort-prep.json`),
    import(`../messages/${locale}.qsort.json`),
    import(`../messages/${locale}.lifecycle.json`),
    import(`../messages/${locale}.redaction.json`),
    import(`../messages/${locale}.question.json`),
  ]);
  return Object.assign({}, ...parts.map((p: { default: object }) => p.default)) as Messages;
}
