'use client';

import { LinkIcon, PersonCrossIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, CopyButton, Heading, HStack, Tag, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { createInvitationAction, removeMemberAction } from '@/app/_actions/project-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

interface MemberView {
  userId: string;
  name: string;
  /** Null for an OpenID Connect account whose provider verified no address. */
  email: string | null;
  unverifiedEmail: string | null;
  role: 'owner' | 'facilitator';
}

export function Members({ projectId, isOwner, currentUserId, members }: { projectId: string; isOwner: boolean; currentUserId: string; members: MemberView[] }) {
  const t = useTranslations('project');
  const tProjects = useTranslations('projects');
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  return (
    <section aria-labelledby="medlemmer">
      <Heading id="medlemmer" level="2" size="medium" spacing>
        {t('members')}
      </Heading>
      <VStack gap="space-12">
        {errors.summary && <Alert variant="error">{errors.summary}</Alert>}
        <ul className="list-none space-y-2 p-0">
          {members.map((m) => (
            <li key={m.userId}>
              <HStack gap="space-8" align="center">
                <BodyShort weight="semibold">{m.name}</BodyShort>
                <BodyShort size="small" className="text-ax-text-neutral-subtle">
                  {m.email ?? (m.unverifiedEmail && t('unverifiedEmail', { email: m.unverifiedEmail }))}
                </BodyShort>
                <Tag size="xsmall" variant={m.role === 'owner' ? 'info' : 'neutral'}>
                  {m.role === 'owner' ? tProjects('roleOwner') : tProjects('roleFacilitator')}
                </Tag>
                {isOwner && m.userId !== currentUserId && (
                  <Button
                    size="xsmall"
                    variant="tertiary-neutral"
                    icon={<PersonCrossIcon title={t('removeMember', { name: m.name })} />}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await removeMemberAction(projectId, m.userId);
                        setError(result.ok ? null : result.error);
                      })
                    }
                  />
                )}
              </HStack>
            </li>
          ))}
        </ul>
        <div>
          <Button
            variant="secondary"
            size="small"
            icon={<LinkIcon aria-hidden />}
            loading={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await createInvitationAction(projectId);
                if (result.ok) setInviteUrl(result.data.url);
                setError(result.ok ? null : result.error);
              })
            }
          >
            {t('invite')}
          </Button>
        </div>
        {inviteUrl && (
          <VStack gap="space-4" className="max-w-2xl">
            <HStack gap="space-8" align="end" wrap={false}>
              <TextField label={t('invite')} hideLabel readOnly value={inviteUrl} className="grow" onFocus={(e) => e.target.select()} />
              <CopyButton copyText={inviteUrl} />
            </HStack>
            <BodyShort size="small">{t('inviteHelp')}</BodyShort>
          </VStack>
        )}
      </VStack>
    </section>
  );
}

