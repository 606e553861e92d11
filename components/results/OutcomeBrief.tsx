import { BodyShort } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { assertNever } from '@/lib/errors';
import type { ActivityOutcome } from '@/lib/results/session-results';
import { NestedOutcomeLine } from './NestedOutcomeLine';
import { useOneDecimal } from '@/components/use-one-decimal';

/** One activity's outcome in a line, for the archive card (the results page has the whole). */
export function OutcomeBrief({ outcome, projectId }: { outcome: ActivityOutcome; projectId: string }) {
  const t = useTranslations('sessionResults.brief');
  const oneDecimal = useOneDecimal();
  const line = (text: string) => <BodyShort size="small">{text}</BodyShort>;
  switch (outcome.kind) {
    case 'findings':
      return line(
        t('findings', {
          findings: outcome.findings.length,
          answers: outcome.findings.reduce((n, f) => n + (f.total ?? 0), 0),
          comments: outcome.findings.reduce((n, f) => n + f.comments.length, 0),
        }),
      );
    case 'reflection':
      return line(t('reflection', { notes: outcome.groups.reduce((n, g) => n + g.notes.length, 0), groups: outcome.groups.length }));
    case 'plenary': {
      const top = outcome.themes[0];
      return line(t('plenary', { themes: outcome.themes.length, top: top && top.dots ? `${top.name} (${top.dots})` : 'none', words: outcome.words.length }));
    }
    case 'closing': {
      const means = outcome.questions.flatMap((q) => (q.mean === null ? [] : [oneDecimal(q.mean)]));
      return line(t('closing', { respondents: outcome.respondents === null ? 'none' : String(outcome.respondents), means: means.length ? means.join(' / ') : 'none' }));
    }
    case 'question':
      return line(t('question', { answers: outcome.results.total === null ? 'none' : String(outcome.results.total) }));
    case 'qsort':
    case 'supervision':
      return <NestedOutcomeLine outcome={outcome} projectId={projectId} size="page" />;
    default:
      return assertNever(outcome);
  }
}
