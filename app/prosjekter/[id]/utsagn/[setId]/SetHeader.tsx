import { ChevronLeftIcon } from '@navikt/aksel-icons';
import { BodyLong, Heading, HStack, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The set page's heading: the way back (project / Q-sortering), the set's name and a lead, with
 * `actions` beside the heading (on phones: below it), e.g. starting a Q-sort session.
 */
export function SetHeader({ crumbs, breadcrumbLabel, heading, lead, actions }: {
  crumbs: { href: string; label: string }[];
  breadcrumbLabel: string;
  heading: string;
  lead: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <VStack gap="space-8">
      <nav aria-label={breadcrumbLabel}>
        <HStack gap="space-8" align="center">
          {crumbs.map((c, i) => (
            <HStack key={c.href} gap="space-8" align="center">
              {i > 0 && <span aria-hidden>/</span>}
              <Link href={c.href} className="aksel-link inline-flex items-center gap-1">
                {i === 0 && <ChevronLeftIcon aria-hidden />}
                {c.label}
              </Link>
            </HStack>
          ))}
        </HStack>
      </nav>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <Heading level="1" size="large" className="break-words">
          {heading}
        </Heading>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </div>
      <BodyLong className="max-w-prose">{lead}</BodyLong>
    </VStack>
  );
}
