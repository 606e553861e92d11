'use client';

import { Button, TextField, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { normalizeJoinCode } from '@/lib/join-code';

/** The join-by-code box: forgiving about case, spaces and dashes; explains a bad code. */
export function JoinCodeForm({ initialCode = '', invalid = false }: { initialCode?: string; invalid?: boolean }) {
  const t = useTranslations('join');
  const tValidation = useTranslations('validation');
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | undefined>(invalid ? tValidation('CODE_INVALID') : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (!normalized) return setError(tValidation('CODE_INVALID'));
    router.push(`/delta/${normalized}`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-16" align="start">
        <TextField
          label={t('codeLabel')}
          description={t('codeDescription')}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setError(undefined);
          }}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          size="medium"
          className="w-full max-w-xs [&_input]:font-mono [&_input]:text-2xl [&_input]:uppercase [&_input]:tracking-widest"
        />
        <Button type="submit">{t('submit')}</Button>
      </VStack>
    </form>
  );
}
