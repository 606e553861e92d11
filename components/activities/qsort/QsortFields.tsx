'use client';

import { Select } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { EditorFieldsProps } from '../contract';

/** Q-sort activity: which of the project's statement sets is sorted (one whose grid fits). */
export function QsortFields({ draft, onChange, options: { sets }, fieldError }: EditorFieldsProps<'qsort'>) {
  const t = useTranslations('qsort.agenda');
  const setId = draft.config.setId;
  const known = sets.some((s) => s.id === setId);
  return (
    <Select label={t('set')} description={t('setHelp')} value={known ? setId : ''} onChange={(e) => onChange({ ...draft, config: { setId: e.target.value } })} error={fieldError('setId')}>
      {!known && <option value="">{t('choose')}</option>}
      {sets.map((s) => (
        <option key={s.id} value={s.id}>
          {t(s.gridFits ? 'setOption' : 'setOptionMismatch', { name: s.name, count: s.count })}
        </option>
      ))}
    </Select>
  );
}
