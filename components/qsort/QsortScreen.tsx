'use client';

import { useTranslations } from 'next-intl';
import type { PublicAnalysis } from '@/lib/qsort/analysis';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { FitBox } from '@/components/screen/FitBox';
import { PageLabel } from '@/components/screen/PageLabel';
import { usePages } from '@/components/screen/use-pages';
import { FactorArrayGrid } from './FactorArrayGrid';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/**
 * The big screen during a Q-sort: how many have submitted, then — when the facilitator shows
 * it — each factor's array and its distinguishing statements for plenary interpretation.
 * It fills the height it is given (a flex column) and fits itself: no wrapping FitBox.
 */
export function QsortScreen({ runtime, analysis, submitted }: { runtime: QsortRuntime; analysis: PublicAnalysis | null; submitted: number | null }) {
  const t = useTranslations('qsort.screen');
  const texts = Object.fromEntries(runtime.statements.map((s) => [s.id, s.text]));
  if (!runtime.display || !analysis) {
    return (
      <div className="space-y-6" data-testid="qsort-screen">
        <p className="m-0 text-6xl font-bold">{t('waiting')}</p>
        {submitted !== null && <p className="m-0 text-4xl" data-testid="screen-submitted">{t('submitted', { count: submitted })}</p>}
      </div>
    );
  }
  return <FactorPages runtime={runtime} analysis={analysis} texts={texts} />;
}

/**
 * One factor a page (turning by itself, or stepped with a clicker), each fitted to the screen:
 * a 36-statement array is read from the back of the room only at full size, and two of them
 * never fit one projector page.
 */
function FactorPages({ runtime, analysis, texts }: { runtime: QsortRuntime; analysis: PublicAnalysis; texts: Record<string, string> }) {
  const t = useTranslations('qsort.screen');
  const page = usePages(analysis.factors, 1);
  const f = page.items[0];
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.3em]" data-testid="qsort-screen">
      <p className="m-0 text-[1.1em]">{t('basedOn', { count: analysis.sortCount })}</p>
      {f && (
        <FitBox fitKey={`factor-${f.number}:${page.current}`} className="flex-1">
          <section className="grid grid-cols-[3fr_2fr] gap-10 rounded-xl bg-ax-bg-raised p-8" data-testid="screen-factor">
            <div>
              <h2 className="m-0 mb-2 text-5xl font-bold">{f.name || t('factorArray', { n: f.label })}</h2>
              {f.description && <p className="m-0 mb-6 text-2xl">{f.description}</p>}
              {f.array ? <FactorArrayGrid grid={runtime.grid} array={f.array} texts={texts} highlight={f.distinguishing.map((d) => d.id)} large label={t('factorArray', { n: f.label })} /> : <p className="m-0 text-2xl">{t('noArray')}</p>}
            </div>
            <div>
              <h3 className="m-0 mb-4 text-3xl">{t('distinguishing')}</h3>
              {f.array && f.distinguishing.length === 0 && <p className="m-0 text-2xl">{t('noDistinguishing')}</p>}
              <ul className="m-0 list-none space-y-3 p-0 text-2xl">
                {[...f.distinguishing].sort((a, b) => b.value - a.value).slice(0, 8).map((d) => (
                  <li key={d.id} className="flex gap-3">
                    <span className="min-w-14 rounded bg-ax-bg-accent-strong px-2 text-center font-bold text-ax-text-accent-contrast">{signed(d.value)}</span>
                    <span><strong>{d.id}</strong> {texts[d.id]}</span>
                  </li>
                ))}
              </ul>
            </div>
          </section>
        </FitBox>
      )}
      <PageLabel page={page} />
    </div>
  );
}
