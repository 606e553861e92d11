'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, HGrid, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createGroupAction } from '@/app/_actions/supervision-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

/** "Ny veiledningsgruppe": a name and the template its meetings use. */
export function NewGroupForm({ projectId, templates, defaultTemplateId }: { projectId: string; templates: { id: string; name: string }[]; defaultTemplateId: string }) {
  const t = useTranslations('supervisionPrep.newGroup');
  const tv = useTranslations('validation');
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
    <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <form onSubmit={submit} noValidate aria-labelledby="ny-gruppe">
        <VStack gap="space-16">
          <div>
            <Heading id="ny-gruppe" level="2" size="medium" spacing>
              {t('heading')}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">{t('help')}</BodyShort>
          </div>
          {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
          <HGrid columns={{ xs: 1, md: 2 }} gap="space-16">
            <TextField
              label={t('name')}
              value={name}
              maxLength={80}
              onChange={(e) => {
                setName(e.target.value);
                setCreated(null);
              }}
              // The service reports an empty name as INVALID; say what to do instead.
              error={error?.fields?.name && !name.trim() ? tv('REQUIRED') : errors.field('name')}
            />
            <Select label={t('template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)} error={errors.field('templateId')}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </Select>
          </HGrid>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" icon={<PlusIcon aria-hidden />} loading={pending}>
              {t('create')}
            </Button>
            <div role="status">{created && <BodyShort className="text-ax-text-success">{t('created', { name: created })}</BodyShort>}</div>
          </div>
        </VStack>
      </form>
    </Box>
  );
}
