'use client';

import { useTranslations } from 'next-intl';
import type { ActivityDraftOf, EditorOptions } from '../contract';

/** "Template name: 5 runder", or that the template is gone. */
export function useSupervisionSummary() {
  const t = useTranslations('supervision.agenda');
  return ({ config }: ActivityDraftOf<'supervision'>, { templates }: EditorOptions): string => {
    const template = templates.find((x) => x.id === config.templateId);
    return template ? t('summary', { name: template.name, count: template.rounds }) : t('missingTemplate');
  };
}
