'use client';

import { BodyShort } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { moveStatementAction } from '@/app/_actions/statement-set-actions';
import { StatementRow, type StatementItem } from './StatementRow';

/**
 * The set's statements in the order participants see them: number and text, arrows to move,
 * and an edit button that turns the row into a form (one row at a time).
 */
export function StatementList({ projectId, setId, statements, readOnly }: { projectId: string; setId: string; statements: StatementItem[]; readOnly: boolean }) {
  const t = useTranslations('statementSets.statements');
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const move = (id: string, direction: -1 | 1) => startTransition(async () => void (await moveStatementAction(projectId, setId, id, direction)));

  if (statements.length === 0) return <BodyShort>{t('none')}</BodyShort>;
  return (
    <ol className="m-0 list-none overflow-hidden rounded-lg border border-solid border-ax-border-neutral-subtle bg-ax-bg-raised p-0" data-testid="statement-list">
      {statements.map((s, i) => (
        <StatementRow
          key={s.id}
          projectId={projectId}
          setId={setId}
          statement={s}
          first={i === 0}
          last={i === statements.length - 1}
          busy={pending}
          readOnly={readOnly}
          editing={editing === s.id}
          // A row closes only its own form: a deleted row's late "done" must not close the row
          // opened since (the list re-renders before the action's own continuation runs).
          onEdit={(on) => setEditing((current) => (on ? s.id : current === s.id ? null : current))}
          onMove={(direction) => move(s.id, direction)}
        />
      ))}
    </ol>
  );
}
