'use client';

import { useTranslations } from 'next-intl';
import type { Member } from '@/lib/supervision/engine';

/** How a member is shown: their own name, or "Deltaker N" in the reader's language. */
export function useMemberName(): (member: Pick<Member, 'name' | 'number'>) => string {
  const t = useTranslations('supervision');
  return (member) => (member.number === undefined ? member.name : t('anonymousMember', { number: member.number }));
}
