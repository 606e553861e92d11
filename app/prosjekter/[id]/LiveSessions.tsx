'use client';

import { PlayIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, HStack, Tag, TextField, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { deleteLiveSessionAction, openLiveSessionAction } from '@/app/_actions/project-actions';
import { isRedirect } from '@/components/AccountForm';
import { TypedDelete } from '@/components/TypedDelete';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { formatJoinCode } from '@/lib/join-code';

interface SessionView {
  id: string;
  title: string;
  code: string;
  status: 'open' | 'ended';
  createdAt: string;
}

export function LiveSessions({ projectId, sessions, disabled }: { projectId: string; sessions: SessionView[]; disabled: boolean }) {
  const t = useTranslations('project');
  const tFields = useTranslations('fields');
  const format = useFormatter();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function open(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await openLiveSessionAction(projectId, { title });
        if (!result.ok) setError(result.error);
      } catch (err) {
        if (isRedirect(err)) throw err;
        setError({ code: 'INTERNAL', message: 'request failed' });
      }
    });
  }

  return (
    <section aria-labelledby="live-okter">
      <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <Heading id="live-okter" level="2" size="medium" spacing>
          {t('liveSessions')}
        </Heading>
        <VStack gap="space-16">
          {!disabled && (
            <form onSubmit={open} noValidate>
              <VStack gap="space-8">
                {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
                <HStack gap="space-12" align="end">
                  <TextField label={tFields('sessionTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.field('title')} className="min-w-72" />
                  <Button type="submit" icon={<PlayIcon aria-hidden />} loading={pending}>
                    {t('openSession')}
                  </Button>
                </HStack>
              </VStack>
            </form>
          )}
          {sessions.length === 0 ? (
            <BodyShort>{t('noSessions')}</BodyShort>
          ) : (
            <ul className="list-none space-y-2 p-0">
              {sessions.map((s) => (
                <li key={s.id}>
                  <HStack gap="space-12" align="center">
                    <Link href={`/prosjekter/${projectId}/live/${s.id}`} className="aksel-link font-semibold">
                      {s.title}
                    </Link>
                    <Tag size="xsmall" variant={s.status === 'open' ? 'success' : 'neutral'}>
                      {s.status === 'open' ? t('sessionOpen') : t('sessionEnded')}
                    </Tag>
                    {s.status === 'open' && <span className="font-mono">{formatJoinCode(s.code)}</span>}
                    <BodyShort size="small" className="text-ax-text-neutral-subtle">
                      {format.dateTime(new Date(s.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
                    </BodyShort>
                  </HStack>
                  <TypedDelete what="session" name={s.title} onDelete={(confirmation) => deleteLiveSessionAction(projectId, s.id, confirmation)} />
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </Box>
    </section>
  );
}
