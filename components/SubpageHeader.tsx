import { ChevronLeftIcon } from '@navikt/aksel-icons';
import { BodyLong, Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';

/** Heading of a page inside a project: a way back to the project, the title and a lead. */
export function SubpageHeader({ backHref, backLabel, heading, lead }: { backHref: string; backLabel: string; heading: string; lead: string }) {
  return (
    <VStack gap="space-8">
      <Link href={backHref} className="aksel-link inline-flex w-fit items-center gap-1">
        <ChevronLeftIcon aria-hidden />
        {backLabel}
      </Link>
      <Heading level="1" size="large">
        {heading}
      </Heading>
      <BodyLong className="max-w-prose">{lead}</BodyLong>
    </VStack>
  );
}
