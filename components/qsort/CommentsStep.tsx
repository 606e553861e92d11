'use client';

import { Heading, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { AppError } from '@/lib/errors';
import { useFormErrors } from '@/components/use-form-errors';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import type { SortState } from '@/lib/qsort/sort';
import { StatementCard } from './StatementCard';

/** Step 5: why the statements at the two extremes are there, and what is missing. */
export function CommentsStep({ runtime, state, change, error }: { runtime: QsortRuntime; state: SortState; change: (s: SortState) => void; error: AppError | null }) {
  const t = useTranslations('qsort');
  const errors = useFormErrors(error);
  const text = (id: string) => runtime.statements.find((s) => s.id === id)?.text ?? '';
  const group = (heading: string, ids: string[]) => (
    <section className="space-y-3">
      <Heading level="3" size="xsmall">{heading}</Heading>
      {ids.map((id) => (
        <StatementCard key={id} id={id} text={text(id)} compact>
          <Textarea className="mt-2" label={t('commentFor', { id })} minRows={2} maxLength={1000} value={state.comments[id] ?? ''} error={errors.field(`comment.${id}`)}
            onChange={(e) => change({ ...state, comments: { ...state.comments, [id]: e.target.value } })} />
        </StatementCard>
      ))}
    </section>
  );
  return (
    <VStack gap="space-20">
      {group(t('extremeAgree'), state.columns.at(-1) ?? [])}
      {group(t('extremeDisagree'), state.columns[0] ?? [])}
      <Textarea label={t('missing')} minRows={3} maxLength={2000} value={state.missing} error={errors.field('missing')} onChange={(e) => change({ ...state, missing: e.target.value })} />
    </VStack>
  );
}
