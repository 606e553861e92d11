'use client';

import { ArrowsUpDownIcon, SplitHorizontalIcon, XMarkIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, HStack, Radio, RadioGroup, Select, VStack } from '@navikt/ds-react';
import { ScreenPager } from '@/components/console/ScreenPager';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { clientEvents, serverEvents, type QsortAnalysis } from '@/lib/protocol';
import { distinguishingFor, FEW_SORTS } from '@/lib/qsort/analysis';
import { exportLink } from '@/lib/qsort/export-link';
import { ANALYSIS_STEPS, CORRELATION_NAMES, type AnalysisStep, type HandRotation as HandRotationTurn } from '@/lib/qmethod/types';
import type { QsortProgress } from '@/lib/qsort/progress';
import type { AnalysisOptions, FactorName, QsortRuntime } from '@/lib/qsort/runtime';
import { choicesToOptions, DEFAULT_CHOICES, type ChoicesDraft } from '@/lib/qsort/analysis-choices';
import { AnalysisChoices } from './AnalysisChoices';
import { CharacteristicsTable, CorrelationsTable, LoadingsTable } from './AnalysisTables';
import { CribSheets } from './CribSheets';
import { HandRotation } from './HandRotation';
import { DistinguishingTable } from './DistinguishingTable';
import { FactorArrayGrid } from './FactorArrayGrid';
import { FactorNaming } from './FactorNaming';
import { QsortProgressPanel } from './QsortProgressPanel';

const card = { background: 'raised', padding: 'space-20', borderRadius: '12', borderWidth: '1', borderColor: 'neutral-subtle' } as const;

/** The facilitator's Q-sort: progress and help, then the analysis on the spot. */
export function QsortConsole({ live, runtime, projectId, canReopen = true }: { live: ReturnType<typeof useLiveSession>; runtime: QsortRuntime; projectId: string; canReopen?: boolean }) {
  const t = useTranslations('qsort.console');
  const locale = useLocale();
  const [progress, setProgress] = useState<QsortProgress | null>(null);
  const [form, setForm] = useState<Pick<AnalysisOptions, 'factors' | 'extraction' | 'rotation'>>({ factors: 3, extraction: 'centroid', rotation: 'varimax' });
  const [choices, setChoices] = useState<ChoicesDraft>(DEFAULT_CHOICES);
  const [levelError, setLevelError] = useState(false);
  // The form as analysis options; a custom level that is not a p-value keeps the last good choices out.
  const chosen = choicesToOptions(choices);
  /** Factors read from their other pole (1-based), for the analysis the form runs next. */
  const [invert, setInvert] = useState<number[]>([]);
  /** Bipolar factors (1-based, as extracted) split into their two poles. */
  const [split, setSplit] = useState<number[]>([]);
  /** Judgmental rotations applied after the rotation, in order. */
  const [hand, setHand] = useState<HandRotationTurn[]>([]);
  const [flags, setFlags] = useState<AnalysisOptions['flags']>(undefined);
  const [analysis, setAnalysis] = useState<QsortAnalysis | null>(null);
  /** An analysis under way (a large study takes seconds): the step it has reached. */
  const [running, setRunning] = useState<AnalysisStep | 'starting' | null>(null);
  const [cancelled, setCancelled] = useState(false);
  /** What the analysis on the screen was run with: its exports carry exactly this, not the form's unsaved values. */
  const [analysed, setAnalysed] = useState<AnalysisOptions | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const socket = live.socket;
  const sessionId = live.snapshot?.sessionId ?? '';
  const texts = Object.fromEntries(runtime.statements.map((s) => [s.id, s.text]));

  useEffect(() => {
    if (!socket) return;
    socket.on(serverEvents.qsortProgress, setProgress);
    return () => void socket.off(serverEvents.qsortProgress, setProgress);
  }, [socket]);
  useEffect(() => {
    if (!socket) return;
    const onStep = ({ step }: { step: AnalysisStep }) => setRunning(step);
    socket.on(serverEvents.qsortAnalysisStep, onStep);
    return () => void socket.off(serverEvents.qsortAnalysisStep, onStep);
  }, [socket]);

  async function run(withFlags = flags, withInvert = invert, withHand = hand, withSplit = split) {
    const request: AnalysisOptions = {
      ...form,
      ...(chosen ?? {}),
      ...(withInvert.length > 0 ? { invert: withInvert } : {}),
      ...(withHand.length > 0 ? { handRotations: withHand } : {}),
      ...(withSplit.length > 0 ? { split: withSplit } : {}),
      ...(withFlags ? { flags: withFlags } : {}),
    };
    setRunning('starting');
    setCancelled(false);
    const result = await live.call(clientEvents.qsortAnalyze, { options: request });
    setRunning(null);
    // A cancelled run leaves the analysis that was on the screen as it was.
    if (!result.ok && result.error.code === 'CANCELLED') return setCancelled(true);
    setError(result.ok ? null : result.error);
    setAnalysis(result.ok ? result.data : null);
    setAnalysed(result.ok ? request : null);
  }
  function flag(sort: number, factor: number, on: boolean) {
    if (!analysis) return;
    const current = Object.fromEntries(analysis.sortIds.map((id, j) => [id, [...analysis.result.flagged[j]!]]));
    current[analysis.sortIds[sort]!]![factor] = on;
    setFlags(current);
    void run(current);
  }
  // The screen and the kept factors show the analysis on the console, never the form's unsaved values.
  const displayed = analysed !== null && JSON.stringify(runtime.display) === JSON.stringify(analysed);
  const show = (on: boolean) => void live.send({ type: 'qsort', command: { type: 'display', options: on ? analysed : null } });
  const keep = async (names: FactorName[]) => {
    if (!analysed) return false;
    const result = await live.call(clientEvents.qsortKeepFactors, { options: analysed, names });
    setError(result.ok ? null : result.error);
    return result.ok;
  };
  // The engine's refusal (a centroid without a solution, k above the sorts) said in words, not as a form error.
  const refusal = error?.fields?.analysis;
  const analysisRefusal = refusal === undefined ? null : (['EXTRACTION_FAILED', 'FACTORS_OUT_OF_RANGE', 'ZERO_VARIANCE'] as const).find((c) => c === refusal) ?? 'other';
  const done = progress?.done ?? 0;
  const r = analysis?.result;
  const exportBase = `/prosjekter/${projectId}/live/${sessionId}/eksport`;
  const resultExport = analysis && analysed ? { options: analysed, sortSet: analysis.sortSet } : undefined;
  // The finished sorts are no longer those analysed (one finished, or one was erased): the
  // server would refuse the result files, as they would no longer match the screen.
  const stale = analysis !== null && progress !== null && done !== analysis.sortIds.length;

  return (
    <VStack gap="space-16" data-testid="qsort-console">
      <Box {...card}><QsortProgressPanel live={live} runtime={runtime} progress={progress} canReopen={canReopen} /></Box>
      <Box {...card}>
        <VStack gap="space-16">
          <Heading level="2" size="small">{t('analysis')}</Heading>
          <form
            className="flex flex-wrap items-end gap-6"
            onSubmit={(e) => {
              e.preventDefault();
              // An unreadable level is not run with another one in its place: the field says what is wrong.
              setLevelError(chosen === null);
              if (chosen === null) return;
              // A new analysis from the form starts with automatic flags and no factor turned.
              setFlags(undefined);
              setInvert([]);
              setHand([]);
              setSplit([]);
              void run(undefined, [], [], []);
            }}
          >
            <Select label={t('factors')} size="small" value={form.factors} onChange={(e) => setForm((o) => ({ ...o, factors: Number(e.target.value) }))}>
              {Array.from({ length: 8 }, (_, i) => i + 1).map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
            <RadioGroup legend={t('extraction')} size="small" value={form.extraction} onChange={(v: AnalysisOptions['extraction']) => setForm((o) => ({ ...o, extraction: v }))}>
              <HStack gap="space-12"><Radio value="centroid">{t('centroid')}</Radio><Radio value="pca">{t('pca')}</Radio></HStack>
            </RadioGroup>
            <RadioGroup legend={t('rotation')} size="small" value={form.rotation} onChange={(v: AnalysisOptions['rotation']) => setForm((o) => ({ ...o, rotation: v }))}>
              <HStack gap="space-12"><Radio value="varimax">{t('varimax')}</Radio><Radio value="none">{t('none')}</Radio></HStack>
            </RadioGroup>
            <Button type="submit" disabled={done < 2} loading={running !== null}>{t('run')}</Button>
            <div className="basis-full">
              <AnalysisChoices draft={choices} onChange={(next) => { setChoices(next); setLevelError(false); }} levelError={levelError} />
            </div>
          </form>
          {running !== null && (
            <HStack gap="space-12" align="center" data-testid="analysis-running" role="status">
              <BodyShort size="small">
                {running === 'starting' ? t('analysisStarting') : t('analysisStep', { n: ANALYSIS_STEPS.indexOf(running) + 1, total: ANALYSIS_STEPS.length, step: t(`analysisSteps.${running}`) })}
              </BodyShort>
              <Button type="button" size="small" variant="secondary" icon={<XMarkIcon aria-hidden />} onClick={() => void live.call(clientEvents.qsortCancelAnalysis, {})}>{t('cancelAnalysis')}</Button>
            </HStack>
          )}
          {cancelled && <Alert variant="info" size="small" inline data-testid="analysis-cancelled">{t('analysisCancelled')}</Alert>}
          {done < 2 && <Alert variant="info" size="small" inline>{t('tooFew')}</Alert>}
          {done >= 2 && done < FEW_SORTS && <Alert variant="warning" size="small" inline>{t('fewWarning', { count: done })}</Alert>}
          {error && <Alert variant="error" size="small" data-testid="analysis-error">{analysisRefusal ? t(`analysisErrors.${analysisRefusal}`) : errors.summary}</Alert>}
          {!r ? <BodyShort size="small">{t('noAnalysis')}</BodyShort> : (
            <VStack gap="space-24" data-testid="analysis">
              <HStack gap="space-8" align="center" justify="space-between">
                <BodyShort>{t('sortCount', { count: r.sorts.length })}{flags ? ` · ${t('manual')}` : ''}</BodyShort>
                <HStack gap="space-8">
                  {flags && <Button size="small" variant="tertiary" onClick={() => { setFlags(undefined); void run(undefined); }}>{t('automatic')}</Button>}
                  <Button size="small" variant={displayed ? 'secondary' : 'primary'} onClick={() => show(!displayed)}>{displayed ? t('hide') : t('show')}</Button>
                </HStack>
              </HStack>
              {displayed && (
                <HStack gap="space-16" align="center" wrap>
                  <Alert variant="info" size="small" inline>{t('shown')}</Alert>
                  {/* The screen shows one factor at a time; inside a workshop the console's screen buttons turn it. */}
                  {r.factors > 1 && !live.snapshot?.state.workshop && <ScreenPager onTurn={(step) => void live.send({ type: 'turnScreenPage', step })} />}
                </HStack>
              )}
              {r.warnings.map((w, i) => (
                <Alert key={i} variant="warning" size="small" inline>
                  {w.code === 'NO_FLAGGED_SORTS' ? t('noFlagged', { n: r.factorLabels[w.factor - 1]! }) : t('negative', { sort: w.sort, n: r.factorLabels[w.factor - 1]! })}
                </Alert>
              ))}
              <CharacteristicsTable result={r} scree={analysis.scree} advice={analysis.advice} />
              <section className="space-y-2">
                <Heading level="3" size="xsmall">{t('loadings')}</Heading>
                <BodyShort size="small">{t('loadingsHelp')}</BodyShort>
                <LoadingsTable result={r} onFlag={flag} />
              </section>
              {/* Hand rotation turns the factors as extracted; with a factor split into poles, the plot's columns are not those factors. */}
              {r.split.length > 0 ? <Alert variant="info" size="small" inline data-testid="rotation-while-split">{t('rotationWhileSplit')}</Alert> : (
                <HandRotation
                  key={`${r.factors}-${r.extraction}-${r.rotation}`}
                  result={r}
                  applied={r.handRotations}
                  busy={running !== null}
                  onApply={(turns) => {
                    // A turn changes the loadings, so the flags are found again from them.
                    setHand(turns);
                    setFlags(undefined);
                    void run(undefined, invert, turns);
                  }}
                />
              )}
              <section className="space-y-4">
                <Heading level="3" size="xsmall">{t('arrays')}</Heading>
                {Array.from({ length: r.factors }, (_, f) => f).map((f) => {
                  const array = r.factorArrays.every((row) => row[f] !== null) ? Object.fromEntries(r.statements.map((id, s) => [id, r.factorArrays[s]![f]!])) : null;
                  const label = r.factorLabels[f]!;
                  // The factor as extracted (1-based) this column comes from, and whether it is a pole.
                  const origin = Number.parseInt(label, 10);
                  const isPole = label !== String(origin);
                  return (
                    <div key={f}>
                      <HStack gap="space-8" align="center" justify="space-between" className="mb-2">
                        <Heading level="4" size="xsmall">{t('factor', { n: label })}{r.inverted.includes(origin) && !isPole ? ` · ${t('invertedMark')}` : ''}{isPole ? ` · ${t(label.endsWith('a') ? 'poleA' : 'poleB')}` : ''}</Heading>
                        <HStack gap="space-4">
                          {!isPole && (
                            <Button
                              type="button"
                              size="xsmall"
                              variant="tertiary"
                              icon={<ArrowsUpDownIcon aria-hidden />}
                              onClick={() => {
                                // Turning the factor is a new analysis of the same factors: it runs at once, flags kept.
                                const next = r.inverted.includes(origin) ? r.inverted.filter((n) => n !== origin) : [...r.inverted, origin].sort((a, b) => a - b);
                                setInvert(next);
                                void run(flags, next);
                              }}
                            >
                              {r.inverted.includes(origin) ? t('uninvert', { n: label }) : t('invert', { n: label })}
                            </Button>
                          )}
                          {(!isPole || label.endsWith('a')) && (
                            <Button
                              type="button"
                              size="xsmall"
                              variant="tertiary"
                              icon={<SplitHorizontalIcon aria-hidden />}
                              onClick={() => {
                                // Splitting changes the factors, so the flags are found again (and moved to the poles).
                                const next = isPole ? r.split.filter((n) => n !== origin) : [...r.split, origin].sort((a, b) => a - b);
                                setSplit(next);
                                setFlags(undefined);
                                void run(undefined, invert, hand, next);
                              }}
                            >
                              {isPole ? t('unsplit', { n: origin }) : t('split', { n: label })}
                            </Button>
                          )}
                        </HStack>
                      </HStack>
                      {array ? <FactorArrayGrid grid={runtime.grid} array={array} texts={texts} highlight={distinguishingFor(r, f).map((s) => r.statements[s]!)} label={t('factor', { n: label })} /> : <BodyShort size="small">{t('noFlagged', { n: label })}</BodyShort>}
                    </div>
                  );
                })}
              </section>
              <CribSheets result={r} texts={texts} names={runtime.factorNames} />
              <section className="space-y-2">
                <Heading level="3" size="xsmall">{t('distinguishing')}</Heading>
                <BodyShort size="small">{t('consensusHelp')}</BodyShort>
                <DistinguishingTable result={r} texts={texts} />
              </section>
              <section className="space-y-2">
                <Heading level="3" size="xsmall">{t('correlations')}</Heading>
                <CorrelationsTable result={r} />
              </section>
              <FactorNaming key={r.factorLabels.join()} labels={r.factorLabels} initial={runtime.factorNames} keep={keep} />
            </VStack>
          )}
          {stale && <Alert variant="warning" size="small" inline data-testid="analysis-stale">{t('staleAnalysis')}</Alert>}
          {resultExport && !stale && r && (
            <BodyShort size="small" data-testid="exports-of">
              {t('exportsOf', { factors: r.factors, extraction: r.extraction, rotation: r.rotation, manual: String(r.flagging === 'manual'), sorts: r.sorts.length })}{' '}
              {t('choicesOf', { correlation: CORRELATION_NAMES[r.correlation], p: r.flagRule.significance.toLocaleString(locale), majority: String(r.flagRule.majority), manual: String(r.flagging === 'manual') })}
            </BodyShort>
          )}
          <HStack gap="space-12" align="center">
            <BodyShort size="small" weight="semibold">{t('exports')}:</BodyShort>
            {(['csv', 'dat', 'sta'] as const).map((f) => <a key={f} className="aksel-link text-sm" href={exportLink(exportBase, f)} download>{t(`export${f[0]!.toUpperCase()}${f.slice(1)}` as 'exportCsv')}</a>)}
            {resultExport && !stale && (['json', 'xlsx', 'docx'] as const).map((f) => <a key={f} className="aksel-link text-sm" href={exportLink(exportBase, f, resultExport)} download>{t(`export${f[0]!.toUpperCase()}${f.slice(1)}` as 'exportJson')}</a>)}
          </HStack>
        </VStack>
      </Box>
    </VStack>
  );
}
