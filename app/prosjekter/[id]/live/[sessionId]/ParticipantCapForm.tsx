'use client';

import { Button, HStack, TextField } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { MAX_PARTICIPANT_CAP } from '@/lib/participant-cap';

/** The facilitator's cap on new participants; the server refuses a value out of range. */
export function ParticipantCapForm({ cap, onSave }: { cap: number; onSave: (cap: number) => Promise<boolean> }) {
  const t = useTranslations('console');
  const [text, setText] = useState(String(cap));
  const value = Number(text);
  const valid = Number.isInteger(value) && value >= 1 && value <= MAX_PARTICIPANT_CAP;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void onSave(value);
      }}
    >
      <HStack gap="space-8" align="end">
        <TextField
          label={t('participantCap')}
          description={t('participantCapHelp')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PARTICIPANT_CAP}
          htmlSize={6}
          size="small"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" size="small" variant="secondary" disabled={!valid || value === cap}>
          {t('saveParticipantCap')}
        </Button>
      </HStack>
    </form>
  );
}
