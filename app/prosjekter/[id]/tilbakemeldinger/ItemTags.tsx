'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, Button, Chips, HStack, TextField } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { tagItemAction, untagItemAction } from '@/app/_actions/archive-actions';
import type { AppError } from '@/lib/errors';

/** An item's tags as removable chips (Aksel names each "<tag> slett"), and a field that adds one (a new name makes a new tag). */
export function ItemTags({ projectId, itemId, tags, known }: { projectId: string; itemId: string; tags: { id: string; name: string }[]; known: string[] }) {
  const t = useTranslations('archiveSearch');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const listId = useId();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, start] = useTransition();

  const run = (action: () => Promise<{ ok: true } | { ok: false; error: AppError }>, done?: () => void) =>
    start(async () => {
      const result = await action();
      if (!result.ok) return setError(result.error);
      setError(null);
      done?.();
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <HStack gap="space-8" align="center">
        {tags.length > 0 && (
          <Chips size="small" aria-label={t('tags')}>
            {tags.map((tag) => (
              <Chips.Removable key={tag.id} disabled={pending} onClick={() => run(() => untagItemAction(projectId, itemId, tag.id))}>
                {tag.name}
              </Chips.Removable>
            ))}
          </Chips>
        )}
        {!adding && (
          <Button type="button" size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => setAdding(true)}>
            {t('addTag')}
          </Button>
        )}
      </HStack>
      {adding && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => tagItemAction(projectId, itemId, name), () => { setName(''); setAdding(false); });
          }}
        >
          <TextField size="small" label={t('tagName')} description={t('tagNameDescription')} value={name} onChange={(e) => setName(e.target.value)} list={listId} autoFocus maxLength={80} />
          <datalist id={listId}>
            {known.map((k) => <option key={k} value={k} />)}
          </datalist>
          <Button type="submit" size="small" loading={pending}>
            {t('addTag')}
          </Button>
        </form>
      )}
      {error && <Alert variant="error" size="small" role="alert">{tErrors(error.code)}</Alert>}
    </div>
  );
}
