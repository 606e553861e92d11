'use client';

import { Select } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';

/** A statement set the project has, as the Q-sort activity's select offers it. */
export interface SetOption {
  id: string;
  name: string;
  count: number;
  gridFits: boolean;
}

/** A kollegaveiledning template the project has. */
export interface TemplateOption {
  id: string;
  name: string;
  rounds: number;
}

/** Q-sort activity: which of the project's statement sets is sorted (one whose grid fits). */
export function QsortFields({ setId, sets, onChange, error }: { setId: string; sets: SetOption[]; onChange: (setId: string) => void; error?: string }) {
  const t = useTranslations('workshop.form');
  const known = sets.some((s) => s.id === setId);
  return (
    <Select label={t('set')} description={t('setHelp')} value={known ? setId : ''} onChange={(e) => onChange(e.target.value)} error={error}>
      {!known && <option value="">{t('choose')}</option>}
      {sets.map((s) => (
        <option key={s.id} value={s.id}>
          {t(s.gridFits ? 'setOption' : 'setOptionMismatch', { name: s.name, count: s.count })}
        </option>
      ))}
    </Select>
  );
}

/** Kollegaveiledning activity: which of the project's templates it runs. */
export function SupervisionFields({ templateId, templates, onChange, error }: { templateId: string; templates: TemplateOption[]; onChange: (templateId: string) => void; error?: string }) {
  const t = useTranslations('workshop.form');
  const known = templates.some((x) => x.id === templateId);
  return (
    <Select label={t('template')} description={t('templateHelp')} value={known ? templateId : ''} onChange={(e) => onChange(e.target.value)} error={error}>
      {!known && <option value="">{t('choose')}</option>}
      {templates.map((x) => (
        <option key={x.id} value={x.id}>
          {t('templateOption', { name: x.name, count: x.rounds })}
        </option>
      ))}
    </Select>
  );
}

/** The codes these fields may be refused with, in the activity form's own words. */
export const nestedErrorCodes = ['GRID_SIZE_MISMATCH', 'ONE_PER_AGENDA', 'NOT_FOUND'] as const;
