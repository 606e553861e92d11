'use client';

import { useTranslations } from 'next-intl';
import type { AppError } from '@/lib/errors';
import type nb from '@/messages/nb.json';

type ValidationKey = keyof typeof nb.validation;

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
      return code in tValidationKeys ? tValidation(code as ValidationKey) : tValidation('INVALID');
    },
  };
}

// The keys are fixed at build time; a lookup table avoids throwing on unknown codes.
const tValidationKeys: Record<ValidationKey, true> = {
  REQUIRED: true,
  TOO_LONG: true,
  EMAIL_INVALID: true,
  EMAIL_TAKEN: true,
  PASSWORD_TOO_SHORT: true,
  PASSWORD_TOO_LONG: true,
  DATE_INVALID: true,
  DATE_ORDER: true,
  CODE_INVALID: true,
  INVALID: true,
};
