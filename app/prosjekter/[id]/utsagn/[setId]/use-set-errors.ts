'use client';

import { useTranslations } from 'next-intl';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

const ownCodes = ['CODE_TAKEN', 'CODE_INVALID', 'TOO_MANY'] as const;
type OwnCode = (typeof ownCodes)[number];
const isOwn = (code: string | undefined): code is OwnCode => ownCodes.includes(code as OwnCode);

/** `useFormErrors` plus the codes only statement sets have (a taken number, a full set). */
export function useSetErrors(error: AppError | null) {
  const base = useFormErrors(error);
  const t = useTranslations('statementSets.errors');
  return {
    summary: base.summary,
    field(name: string): string | undefined {
      const code = error?.fields?.[name];
      return isOwn(code) ? t(code) : base.field(name);
    },
  };
}
