import { Box, Heading } from '@navikt/ds-react';
import type { ReactNode } from 'react';

/** One panel of the control room: a raised card with a small heading. */
export function ConsolePanel({ heading, aside, children }: { heading: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Box as="section" background="raised" padding="space-16" borderRadius="12" borderWidth="1" borderColor="neutral-subtle" aria-label={heading}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <Heading level="2" size="xsmall">{heading}</Heading>
        {aside}
      </div>
      {children}
    </Box>
  );
}
