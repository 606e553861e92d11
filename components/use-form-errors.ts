'use client';

import { useTranslations } from 'next-intl';
import type { AppError } from '@/lib/errors';
import type { Messages } from '@/i18n/catalogue';

type ValidationKey = keyof Messages['validation'];

/** Turns error codes from actions and the API into text in the reader's language. */
export function useFormErrors(error: AppError | null | undefined) {
  const tErrors = useTranslations('errors');
  const tValidation = useTranslations('validation');
  return {
    /** The form-level message, or undefined when there is no error. */
    summary: error ? tErrors(error.code) : undefined,
    /** The message for one field, for Aksel's `error` prop. */
    field(name: string): string | undefined {
      const code = error?.fields?.[name];
      if (!code) return undefined;
      return tValidation.has(code as ValidationKey) ? tValidation(code as ValidationKey) : tValidation('INVALID');
    },
  };
}
