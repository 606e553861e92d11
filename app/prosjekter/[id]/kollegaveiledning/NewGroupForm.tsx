'use client';

import { BodyShort, HGrid, Select, TextField } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createGroupAction } from '@/app/_actions/supervision-actions';
import { CreateFormCard } from '@/components/CreateFormCard';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/** "Ny veiledningsgruppe": a name and the template its meetings use. */
export function NewGroupForm({ projectId, templates, defaultTemplateId }: { projectId: string; templates: { id: string; name: string }[]; defaultTemplateId: string }) {
  const t = useTranslations('supervisionPrep.newGroup');
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState(defaultTemplateId);
  const [error, setError] = useState<AppError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await createGroupAction(projectId, { name, templateId });
        setError(result.ok ? null : result.error);
        setCreated(result.ok ? result.data.name : null);
        if (result.ok) setName('');
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  return (
    <CreateFormCard
      headingId="ny-gruppe"
      heading={t('heading')}
      help={t('help')}
      error={error?.code !== 'BAD_REQUEST' ? errors.summary : undefined}
      submitLabel={t('create')}
      pending={pending}
      onSubmit={submit}
      status={created && <BodyShort className="text-ax-text-success">{t('created', { name: created })}</BodyShort>}
    >
      <HGrid columns={{ xs: 1, md: 2 }} gap="space-16">
        <TextField
          label={t('name')}
          value={name}
          maxLength={80}
          onChange={(e) => {
            setName(e.target.value);
            setCreated(null);
          }}
          error={errors.field('name')}
        />
        <Select label={t('template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)} error={errors.field('templateId')}>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </Select>
      </HGrid>
    </CreateFormCard>
  );
}
