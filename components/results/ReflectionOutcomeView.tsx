import { BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ReflectionOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';

/** The groups' boards side by side: every kept note, with the theme it went to or "not in a theme". */
export function ReflectionOutcomeView({ outcome, size }: { outcome: ReflectionOutcome; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const text = textSize[size];
  return (
    <VStack gap="space-16">
      {outcome.prompt && (
        <BodyShort className={`italic text-ax-text-neutral-subtle ${text}`}>
          {t('reflection.prompt')}: {outcome.prompt}
        </BodyShort>
      )}
      {outcome.groups.length === 0 && <BodyShort className={text}>{t('nothing')}</BodyShort>}
      <div className={`grid gap-4 ${size === 'phone' ? '' : 'md:grid-cols-2 xl:grid-cols-3'}`}>
        {outcome.groups.map((g) => (
          <Box key={g.name} as="section" background="neutral-soft" padding="space-16" borderRadius="8" aria-label={t('reflection.group', { name: g.name })} data-testid="group-board">
            <HStack justify="space-between" align="baseline" className="mb-3">
              <Heading level="3" size="xsmall">
                {/* Groups are kept by their number, as the console and the screen name them. */}
                {t('reflection.group', { name: g.name })}
              </Heading>
              <BodyShort size="small" className="text-ax-text-neutral-subtle">
                {t('reflection.notes', { count: g.notes.length })}
              </BodyShort>
            </HStack>
            <ul className="m-0 list-none space-y-2 p-0">
              {g.notes.map((n) => (
                <li key={n.id} className="rounded-md bg-ax-bg-warning-soft p-3 shadow-sm" data-testid="board-note">
                  <BodyShort className={`whitespace-pre-wrap ${text}`}>{n.text}</BodyShort>
                  <HStack gap="space-4" className="mt-2" align="center">
                    {n.themes.length > 0 ? (
                      n.themes.map((theme) => (
                        <Tag key={theme} size="xsmall" variant="moderate" data-color="info">
                          {theme}
                        </Tag>
                      ))
                    ) : (
                      <BodyShort size="small" className="text-ax-text-neutral-subtle">
                        {t('reflection.outsideThemes')}
                      </BodyShort>
                    )}
                    {n.author && (
                      <BodyShort size="small" className="ml-auto text-ax-text-neutral-subtle">
                        {n.author}
                      </BodyShort>
                    )}
                  </HStack>
                </li>
              ))}
            </ul>
          </Box>
        ))}
      </div>
    </VStack>
  );
}
