'use client';

import { Alert, Button, Checkbox, CheckboxGroup, Radio, RadioGroup, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import type { Ack } from '@/lib/protocol';
import type { MyQuestionAnswer, QuestionAnswer } from '@/lib/activities/question/answers';
import { OPEN_ANSWER_MAX, scaleValues, type QuestionConfig } from '@/lib/activities/question/config';

/**
 * The phone's answer to a Spørsmål. Starts from the stored answer, so a reloaded phone shows
 * what was sent; sending again replaces it (until the facilitator locks).
 */
export function QuestionAnswerForm({ config, saved, submit }: {
  config: QuestionConfig;
  saved: MyQuestionAnswer | null;
  submit: (answer: QuestionAnswer) => Promise<Ack<null>>;
}) {
  const t = useTranslations('question.phone');
  const [optionIds, setOptionIds] = useState<string[]>(saved?.type === 'choice' ? saved.optionIds : []);
  const [value, setValue] = useState<number | null>(saved?.type === 'scale' ? saved.value : null);
  const [text, setText] = useState(saved?.type === 'open' ? saved.text : '');
  const [done, setDone] = useState(saved !== null && !(saved.type === 'open' && saved.redacted));
  const [error, setError] = useState<AppError | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const errors = useFormErrors(error);
  const edited = () => setDone(false);

  function answer(): QuestionAnswer | null {
    if (config.format === 'single' || config.format === 'multiple') return optionIds.length > 0 ? { type: 'choice', optionIds } : null;
    if (config.format === 'open') return text.trim() ? { type: 'open', text } : null;
    return value === null ? null : { type: 'scale', value };
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const next = answer();
    setIncomplete(next === null);
    if (!next) return;
    const result = await submit(next);
    setDone(result.ok);
    setError(result.ok ? null : result.error);
  }

  return (
    <form onSubmit={send} aria-label={config.prompt}>
      <VStack gap="space-16">
        {config.format === 'single' && (
          <RadioGroup legend={config.prompt} description={t('chooseOne')} value={optionIds[0] ?? ''} onChange={(id: string) => { setOptionIds([id]); edited(); }}>
            {config.options.map((o) => <Radio key={o.id} value={o.id}>{o.text}</Radio>)}
          </RadioGroup>
        )}
        {config.format === 'multiple' && (
          <CheckboxGroup legend={config.prompt} description={t('chooseMany')} value={optionIds} onChange={(ids: string[]) => { setOptionIds(ids); edited(); }}>
            {config.options.map((o) => <Checkbox key={o.id} value={o.id}>{o.text}</Checkbox>)}
          </CheckboxGroup>
        )}
        {(config.format === 'scale4' || config.format === 'scale10') && (
          <RadioGroup legend={config.prompt} description={[config.lowLabel && `${scaleValues(config.format)[0]} = ${config.lowLabel}`, config.highLabel && `${scaleValues(config.format).at(-1)} = ${config.highLabel}`].filter(Boolean).join(', ') || t('scaleLegend')}
            value={value === null ? '' : String(value)} onChange={(v: string) => { setValue(Number(v)); edited(); }}>
            <div className="flex flex-wrap gap-x-4">
              {scaleValues(config.format).map((n) => <Radio key={n} value={String(n)}>{String(n)}</Radio>)}
            </div>
          </RadioGroup>
        )}
        {config.format === 'open' && (
          <TextField label={config.prompt} description={t('openHelp')} value={text} maxLength={OPEN_ANSWER_MAX} autoComplete="off"
            onChange={(e) => { setText(e.target.value); edited(); }} error={errors.field('text')} />
        )}
        {saved?.type === 'open' && saved.redacted && <Alert variant="info" size="small">{t('redacted')}</Alert>}
        {incomplete && <Alert variant="warning" size="small">{t('chooseFirst')}</Alert>}
        {error && !error.fields?.text && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {done && <Alert variant="success" size="small" role="status">{t('saved')}</Alert>}
        <div>
          <Button type="submit">{done ? t('change') : t('send')}</Button>
        </div>
      </VStack>
    </form>
  );
}
