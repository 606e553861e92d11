'use client';

import { ChevronDownIcon, ChevronUpIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Heading, HStack, Select, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { MIN_MEMBERS, memberRoles, type SupervisionCommand, type SupervisionRuntime } from '@/lib/supervision/engine';
import { useMemberName } from './use-member-name';

/** The leader gives roles and sets the speaking order; everyone is listed by name. */
export function MembersPanel({ runtime, run, present }: { runtime: SupervisionRuntime; run: (c: SupervisionCommand) => void; present: Set<string> }) {
  const t = useTranslations('supervision');
  const name = useMemberName();
  const ids = runtime.members.map((m) => m.id);
  const move = (from: number, to: number) => {
    const order = [...ids];
    const [id] = order.splice(from, 1);
    order.splice(to, 0, id!);
    run({ type: 'setOrder', memberIds: order });
  };
  return (
    <VStack gap="space-12">
      <div>
        <Heading level="2" size="small">{t('members')}</Heading>
        <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('membersHelp')} {t('memberCount', { count: ids.length })}</BodyShort>
      </div>
      {ids.length < MIN_MEMBERS && <Alert variant="info" size="small">{t('tooFew')}</Alert>}
      <ol className="m-0 list-none space-y-2 p-0">
        {runtime.members.map((m, i) => (
          <li key={m.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-solid border-ax-border-neutral-subtle p-2" data-testid="member">
            <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${present.has(m.id) ? 'bg-ax-bg-success-strong' : 'bg-ax-bg-neutral-moderate'}`} />
            <span className="min-w-24 flex-1 font-semibold">{i + 1}. {name(m)}</span>
            <Select label={t('role', { name: name(m) })} hideLabel size="small" value={m.role}
              onChange={(e) => run({ type: 'setRole', memberId: m.id, role: e.target.value as (typeof memberRoles)[number] })}>
              {memberRoles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </Select>
            <HStack gap="space-4">
              <Button size="xsmall" variant="tertiary" icon={<ChevronUpIcon title={t('moveUp', { name: name(m) })} />} disabled={i === 0} onClick={() => move(i, i - 1)} />
              <Button size="xsmall" variant="tertiary" icon={<ChevronDownIcon title={t('moveDown', { name: name(m) })} />} disabled={i === ids.length - 1} onClick={() => move(i, i + 1)} />
            </HStack>
          </li>
        ))}
      </ol>
    </VStack>
  );
}
