'use client';

import { Select } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { EditorFieldsProps } from '../contract';

/** Kollegaveiledning activity: which of the project's templates it runs. */
export function SupervisionFields({ draft, onChange, options: { templates }, fieldError }: EditorFieldsProps<'supervision'>) {
  const t = useTranslations('supervision.agenda');
  const templateId = draft.config.templateId;
  const known = templates.some((x) => x.id === templateId);
  return (
    <Select label={t('template')} description={t('templateHelp')} value={known ? templateId : ''} onChange={(e) => onChange({ ...draft, config: { templateId: e.target.value } })} error={fieldError('templateId')}>
      {!known && <option value="">{t('choose')}</option>}
      {templates.map((x) => (
        <option key={x.id} value={x.id}>
          {t('templateOption', { name: x.name, count: x.rounds })}
        </option>
      ))}
    </Select>
  );
}
