'use client';

import { Box } from '@navikt/ds-react';
import { useState, type DragEvent, type ReactNode } from 'react';

/**
 * Console panels that sort items into cards (participants into groups, notes into themes): an
 * item is dragged onto a card. Drag and drop is for the mouse only, so each panel also puts a
 * select beside every item (the keyboard and screen-reader way). `item(id)` goes on an item,
 * `card(id)` on a `DropCard`; `move` gets both ids once an item is dropped.
 */
export function useDragInto(move: (itemId: string, cardId: string) => void) {
  const [dragged, setDragged] = useState<string | null>(null);
  return {
    item: (itemId: string) => ({ draggable: true, onDragStart: () => setDragged(itemId) }),
    card: (cardId: string) => ({
      onDragOver: (e: DragEvent) => e.preventDefault(),
      onDrop: () => {
        if (dragged) move(dragged, cardId);
        setDragged(null);
      },
    }),
  };
}

/** A card items are dragged into, with the drop handlers of `useDragInto().card(id)`. */
export function DropCard({ testId, onDragOver, onDrop, children }: { testId: string; onDragOver: (e: DragEvent) => void; onDrop: () => void; children: ReactNode }) {
  return (
    <Box padding="space-12" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="raised" data-testid={testId} onDragOver={onDragOver} onDrop={onDrop}>
      {children}
    </Box>
  );
}
