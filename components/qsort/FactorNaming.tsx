'use client';

import { Alert, Button, Heading, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { FactorName } from '@/lib/qsort/runtime';

/** The facilitator names and describes each factor; kept with the arrays as feedback. */
export function FactorNaming({ labels, initial, keep }: { labels: string[]; initial: FactorName[]; keep: (names: FactorName[]) => Promise<boolean> }) {
  const count = labels.length;
  const t = useTranslations('qsort.console');
  const [names, setNames] = useState<FactorName[]>(() => Array.from({ length: count }, (_, f) => initial[f] ?? { name: '', description: '' }));
  const [kept, setKept] = useState(false);
  const edit = (f: number, part: Partial<FactorName>) => {
    setNames((all) => all.map((n, i) => (i === f ? { ...n, ...part } : n)));
    setKept(false);
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setKept(await keep(names.slice(0, count)));
  }
  return (
    <form onSubmit={submit}>
      <VStack gap="space-12">
        <Heading level="3" size="xsmall">{t('nameHeading')}</Heading>
        {names.slice(0, count).map((n, f) => (
          <div key={f} className="grid gap-2 md:grid-cols-[1fr_2fr]">
            <TextField label={t('name', { n: labels[f]! })} value={n.name} maxLength={120} onChange={(e) => edit(f, { name: e.target.value })} />
            <Textarea label={t('description', { n: labels[f]! })} value={n.description} minRows={2} maxLength={2000} onChange={(e) => edit(f, { description: e.target.value })} />
          </div>
        ))}
        {kept && <Alert variant="success" size="small" role="status">{t('kept')}</Alert>}
        <div><Button type="submit" variant="secondary" disabled={names.slice(0, count).some((n) => !n.name.trim())}>{t('keep')}</Button></div>
      </VStack>
    </form>
  );
}
