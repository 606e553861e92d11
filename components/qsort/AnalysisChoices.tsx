'use client';

import { Checkbox, HStack, Radio, RadioGroup, ReadMore, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ChoicesDraft } from '@/lib/qsort/analysis-choices';

/**
 * The researcher's choices beside k, extraction and rotation: the correlation and the rule for
 * automatic flagging. Folded away by default: qmethod's defaults are what most studies report.
 * A custom level that is not a p-value keeps its text and says so under the field.
 */
export function AnalysisChoices({ draft, onChange, levelError }: { draft: ChoicesDraft; onChange: (next: ChoicesDraft) => void; levelError: boolean }) {
  const t = useTranslations('qsort.console');
  const set = <K extends keyof ChoicesDraft>(key: K, value: ChoicesDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <ReadMore header={t('choices')} size="small" defaultOpen={draft.level === 'custom' || draft.correlation !== 'pearson' || !draft.majority} data-testid="analysis-choices">
      <VStack gap="space-12">
        <Select label={t('correlation')} size="small" className="max-w-xs" value={draft.correlation} onChange={(e) => set('correlation', e.target.value as ChoicesDraft['correlation'])}>
          <option value="pearson">{t('pearson')}</option>
          <option value="spearman">{t('spearman')}</option>
          <option value="kendall">{t('kendall')}</option>
        </Select>
        <RadioGroup legend={t('flagLevel')} size="small" value={draft.level} onChange={(v: ChoicesDraft['level']) => set('level', v)}>
          <HStack gap="space-12" align="start" wrap>
            <Radio value="0.05">{t('level05')}</Radio>
            <Radio value="0.01">{t('level01')}</Radio>
            <Radio value="custom">{t('levelCustom')}</Radio>
          </HStack>
        </RadioGroup>
        {draft.level === 'custom' && (
          <TextField
            label={t('customLevel')}
            description={t('customLevelHelp')}
            size="small"
            inputMode="decimal"
            autoComplete="off"
            className="max-w-xs"
            value={draft.custom}
            error={levelError ? t('badLevel') : undefined}
            onChange={(e) => set('custom', e.target.value)}
          />
        )}
        <Checkbox size="small" checked={draft.majority} onChange={(e) => set('majority', e.target.checked)}>{t('majority')}</Checkbox>
      </VStack>
    </ReadMore>
  );
}
