import { BodyLong, BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { RedactItemButton } from '@/components/RedactItemButton';
import type { QsortCommentRecord } from '@/server/services/feedback-archive';

/**
 * The participants' comments grouped by statement (already in the set's order, "what is
 * missing" last). A pseudonym is shown when the participant gave one; anonymous comments
 * carry no author at all.
 */
export function QsortComments({ comments, projectId }: { comments: QsortCommentRecord[]; projectId: string }) {
  const t = useTranslations('feedbackArchive.study');
  const tRedaction = useTranslations('redaction');
  const groups: { key: string; statement: QsortCommentRecord['statement']; items: QsortCommentRecord[] }[] = [];
  for (const c of comments) {
    const key = c.statement?.id ?? '';
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(c);
    else groups.push({ key, statement: c.statement, items: [c] });
  }
  return (
    <VStack gap="space-16">
      {groups.map((g) => (
        <section key={g.key || 'missing'} data-testid="qsort-comment-group">
          <Heading level="4" size="xsmall" className="break-words">
            {g.statement ? (
              <>
                <span className="text-ax-text-neutral-subtle">{t('statement', { id: g.statement.id })}:</span> {g.statement.text}
              </>
            ) : (
              t('missing')
            )}
          </Heading>
          <ul className="m-0 mt-2 list-none space-y-2 p-0">
            {g.items.map((c) => (
              <li key={c.id} className="border-0 border-l-4 border-solid border-ax-border-neutral-subtle pl-3">
                {c.redacted ? <BodyLong className="italic" data-testid="redacted">{tRedaction('marker')}</BodyLong> : <BodyLong className="whitespace-pre-wrap">{c.text}</BodyLong>}
                {!c.redacted && <RedactItemButton projectId={projectId} itemId={c.id} />}
                {c.pseudonym && (
                  <BodyShort size="small" className="text-ax-text-neutral-subtle">
                    {t('by', { name: c.pseudonym })}
                  </BodyShort>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </VStack>
  );
}
