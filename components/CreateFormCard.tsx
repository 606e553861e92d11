'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import type { FormEvent, ReactNode } from 'react';

/**
 * The card every "new …" form on a project page uses (workshop, group, statement set): a
 * heading and a help line, a form-level error, the fields, and the create button with room
 * for a status beside it.
 */
export function CreateFormCard({ headingId, heading, help, error, submitLabel, pending, onSubmit, status, children }: {
  headingId: string;
  heading: string;
  help: string;
  /** A form-level message (field errors show at their fields). */
  error: string | undefined;
  submitLabel: string;
  pending: boolean;
  onSubmit: (event: FormEvent) => void;
  /** Shown beside the button, announced politely (e.g. "created"). */
  status?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <VStack gap="space-16">
          <div>
            <Heading id={headingId} level="2" size="medium" spacing>
              {heading}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">{help}</BodyShort>
          </div>
          {error && <Alert variant="error">{error}</Alert>}
          {children}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" icon={<PlusIcon aria-hidden />} loading={pending}>
              {submitLabel}
            </Button>
            {status !== undefined && <div role="status">{status}</div>}
          </div>
        </VStack>
      </form>
    </Box>
  );
}
