'use client';

import { HGrid, Select, TextField } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { WorkshopDateField } from './WorkshopDateField';

export interface WorkshopFieldValues {
  title: string;
  phaseId: string;
  date: string;
  place: string;
}

/** Title, phase, date and place: shared by "Nytt verksted" and the editor's details form. */
export function WorkshopFields({ values, onChange, phases, fieldError, narrow = false }: {
  values: WorkshopFieldValues;
  onChange: (change: Partial<WorkshopFieldValues>) => void;
  phases: { id: string; name: string }[];
  fieldError: (name: string) => string | undefined;
  /** In a side column: one field per row at every width. */
  narrow?: boolean;
}) {
  const t = useTranslations('workshop.fields');
  return (
    <HGrid columns={narrow ? 1 : { xs: 1, md: 2 }} gap="space-16">
      <TextField label={t('title')} value={values.title} onChange={(e) => onChange({ title: e.target.value })} error={fieldError('title')} />
      <Select label={t('phase')} value={values.phaseId} onChange={(e) => onChange({ phaseId: e.target.value })} error={fieldError('phaseId')}>
        <option value="">{t('noPhase')}</option>
        {phases.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <WorkshopDateField initial={values.date} onChange={(date) => onChange({ date })} error={fieldError('date')} />
      <TextField label={t('place')} value={values.place} onChange={(e) => onChange({ place: e.target.value })} error={fieldError('place')} />
    </HGrid>
  );
}

/** What the service expects: no phase is null, not an empty string. */
export const toWorkshopInput = (v: WorkshopFieldValues) => ({ ...v, phaseId: v.phaseId || null });
