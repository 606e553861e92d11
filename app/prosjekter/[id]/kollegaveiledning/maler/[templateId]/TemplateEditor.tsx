'use client';

import { FloppydiskIcon, PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, ErrorSummary, Heading, HStack, Switch, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { saveTemplateAction } from '@/app/_actions/supervision-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { templateMinutes, type Round, type TemplateContent } from '@/lib/supervision/template';
import { controlId, RoundCard } from './RoundCard';
import { draftProblems, MAX_ROUNDS, moved, newRound, type DraftProblem } from './template-draft';

/**
 * The template editor: the whole template is one draft saved at once, so rounds can be
 * added, moved and removed freely before anything reaches a running meeting. A refused save
 * keeps the draft and marks each field the schema refuses.
 */
export function TemplateEditor({ projectId, templateId, initial, readOnly }: { projectId: string; templateId: string; initial: TemplateContent; readOnly: boolean }) {
  const t = useTranslations('supervisionPrep.editor');
  const tv = useTranslations('supervisionPrep.validation');
  const [draft, setDraft] = useState<TemplateContent>(initial);
  const [error, setError] = useState<AppError | null>(null);
  /** The draft the server refused: its own field errors apply only until the draft changes. */
  const [refused, setRefused] = useState<TemplateContent | null>(null);
  const [saved, setSaved] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);

  // After a move, add or delete, focus follows the round (React may move the focused node).
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id) document.getElementById(id)?.focus();
  }, [draft.rounds]);

  // Problems are shown once the server has refused a save, and clear as they are fixed.
  const checked = error?.code === 'BAD_REQUEST' || error?.code === 'PERSONAL_DATA';
  const problems = checked ? draftProblems(draft) : new Map<string, DraftProblem>();
  const message = (p: DraftProblem | undefined) => (!p ? undefined : p.code === 'TOO_LONG' ? tv('TOO_LONG', { max: p.max ?? 0 }) : tv(p.code));
  // Should the schema here pass what the server refused, fall back to the server's own fields.
  const stale = refused !== draft;
  const fieldError = (key: string) => message(problems.get(key)) ?? (problems.size === 0 && !stale ? errors.field(key) : undefined);

  const update = (change: Partial<TemplateContent>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const updateRound = (id: string, change: Partial<Round>) => update({ rounds: draft.rounds.map((r) => (r.id === id ? { ...r, ...change } : r)) });
  const label = (r: Round) => r.name.trim() || t('untitled');

  function move(index: number, direction: -1 | 1) {
    const round = draft.rounds[index];
    if (!round) return;
    const position = index + direction;
    const atEdge = position === 0 || position === draft.rounds.length - 1;
    // At the top or bottom the pressed button is disabled: keep focus on its sibling.
    focusNext.current = controlId(round.id, atEdge ? (direction < 0 ? 'down' : 'up') : direction < 0 ? 'up' : 'down');
    update({ rounds: moved(draft.rounds, index, direction) });
    setAnnouncement(t('moved', { name: label(round), position: position + 1 }));
  }

  function remove(index: number) {
    const round = draft.rounds[index];
    if (!round || draft.rounds.length <= 1) return;
    const neighbour = draft.rounds[index + 1] ?? draft.rounds[index - 1];
    focusNext.current = neighbour ? controlId(neighbour.id, 'name') : null;
    update({ rounds: draft.rounds.filter((r) => r.id !== round.id) });
    setAnnouncement(t('removed', { name: label(round) }));
  }

  function add() {
    if (draft.rounds.length >= MAX_ROUNDS) return;
    const round = newRound(t('newRoundName'));
    focusNext.current = controlId(round.id, 'name');
    update({ rounds: [...draft.rounds, round] });
    setAnnouncement(t('added', { position: draft.rounds.length + 1 }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await saveTemplateAction(projectId, templateId, draft);
        setError(result.ok ? null : result.error);
        setRefused(result.ok ? null : draft);
        setSaved(result.ok);
        if (!result.ok) requestAnimationFrame(() => summaryRef.current?.focus());
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
        setRefused(draft);
      }
    });
  }

  const total = templateMinutes({ rounds: draft.rounds.map((r) => ({ ...r, minutes: Number.isFinite(r.minutes) ? r.minutes : 0 })) });
  const summaryItems = [...problems.entries()].map(([key, problem]) => {
    const [, roundId = '', field = ''] = key.split('.');
    const index = draft.rounds.findIndex((r) => r.id === roundId);
    const inRound = index >= 0 && field in roundLabels;
    const where = inRound ? t('errorInRound', { number: index + 1, field: t(roundLabels[field as keyof typeof roundLabels]) }) : t(key in topLabels ? topLabels[key as keyof typeof topLabels] : 'rounds');
    const href = inRound ? `#${controlId(roundId, field)}` : key === 'name' || key === 'description' ? `#mal-${key}` : '#runder';
    return { key, href, text: `${where}: ${message(problem)}` };
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('formLabel')}>
      <VStack gap="space-24">
        {summaryItems.length > 0 && (
          <ErrorSummary ref={summaryRef} heading={t('errorHeading')}>
            {summaryItems.map((item) => (
              <ErrorSummary.Item key={item.key} href={item.href}>
                {item.text}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary>
        )}
        {error && !stale && summaryItems.length === 0 && (
          <Alert variant="error" ref={summaryRef} tabIndex={-1}>
            {errors.summary}
          </Alert>
        )}

        <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <VStack gap="space-16">
            <Heading level="2" size="medium">
              {t('details')}
            </Heading>
            <TextField id="mal-name" label={t('name')} value={draft.name} maxLength={80} onChange={(e) => update({ name: e.target.value })} error={fieldError('name')} />
            <Textarea id="mal-description" label={t('description')} value={draft.description} minRows={2} maxLength={500} onChange={(e) => update({ description: e.target.value })} error={fieldError('description')} />
            <Switch checked={draft.allowSkip} onChange={(e) => update({ allowSkip: e.target.checked })} description={t('allowSkipHelp')}>
              {t('allowSkip')}
            </Switch>
          </VStack>
        </Box>

        <section aria-labelledby="runder" className="min-w-0">
          <HStack justify="space-between" align="baseline" gap="space-8">
            <Heading id="runder" level="2" size="medium" tabIndex={-1}>
              {t('rounds')}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">{t('totalRounds', { count: draft.rounds.length })}</BodyShort>
          </HStack>
          <BodyShort size="small" className="mb-3 text-ax-text-neutral-subtle">
            {t('writersHelp')}
          </BodyShort>
          {fieldError('rounds') && (
            <Alert variant="error" size="small" className="mb-3">
              {fieldError('rounds')}
            </Alert>
          )}
          <ol className="m-0 list-none space-y-3 p-0">
            {draft.rounds.map((round, index) => (
              <li key={round.id}>
                <RoundCard
                  round={round}
                  number={index + 1}
                  isFirst={index === 0}
                  isLast={index === draft.rounds.length - 1}
                  canDelete={draft.rounds.length > 1}
                  disabled={pending}
                  fieldError={(field) => fieldError(`rounds.${round.id}.${field}`)}
                  onChange={(change) => updateRound(round.id, change)}
                  onMove={(direction) => move(index, direction)}
                  onDelete={() => remove(index)}
                />
              </li>
            ))}
          </ol>
          <div className="mt-3">
            <Button type="button" variant="secondary" icon={<PlusIcon aria-hidden />} onClick={add} disabled={draft.rounds.length >= MAX_ROUNDS}>
              {t('add')}
            </Button>
            {draft.rounds.length >= MAX_ROUNDS && (
              <BodyShort size="small" className="mt-1 text-ax-text-neutral-subtle">
                {t('maxRounds', { max: MAX_ROUNDS })}
              </BodyShort>
            )}
          </div>
        </section>

        {/* The total and the save button stay in reach while scrolling through the rounds. */}
        <Box background="raised" padding={{ xs: 'space-12', sm: 'space-16' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="sticky bottom-2 z-10 shadow-md">
          <div className="flex items-center justify-between gap-3">
            <div className="min-w-0">
              <BodyShort>
                <span className="text-ax-text-neutral-subtle">{t('total')}: </span>
                <strong data-testid="template-total" className="whitespace-nowrap">{t('totalValue', { minutes: total })}</strong>
              </BodyShort>
              <div role="status" className="text-sm">
                {saved && <span className="text-ax-text-success">{t('saved')}</span>}
              </div>
            </div>
            <Button type="submit" icon={<FloppydiskIcon aria-hidden />} loading={pending} disabled={readOnly} className="shrink-0">
              {t('save')}
            </Button>
          </div>
        </Box>
        <div role="status" className="sr-only">
          {announcement}
        </div>
      </VStack>
    </form>
  );
}

/** Message keys of each field's label, for the error summary. */
const topLabels = { name: 'name', description: 'description', rounds: 'rounds' } as const;
const roundLabels = { name: 'roundName', guidance: 'guidance', minutes: 'minutes', speakers: 'speakers', writers: 'writers', turnBased: 'turnBased' } as const;
