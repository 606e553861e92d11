import { Heading } from '@navikt/ds-react';

/** A titled part of an archive card (the case, the factors, the comments …). */
export function ArchivePart({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <Heading level="3" size="small" spacing>
        {title}
      </Heading>
      {children}
    </section>
  );
}
