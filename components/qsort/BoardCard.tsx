import type { Pile } from '@/lib/qsort/sort';

const pileEdge: Record<Pile | 'none', string> = {
  agree: 'border-l-ax-border-success-strong',
  neutral: 'border-l-ax-border-neutral',
  disagree: 'border-l-ax-border-danger-strong',
  none: 'border-l-ax-border-neutral-subtle',
};

/**
 * A statement on the board: its number and as much text as the cell holds. Inside an element
 * with the `group` class it opens to the full text while hovered or focused, over its
 * neighbours rather than pushing them, so the pyramid keeps its shape.
 */
export function BoardCard({ id, text, pile, held = false, lines = 4 }: { id: string; text: string; pile?: Pile; held?: boolean; lines?: 3 | 4 }) {
  return (
    <span
      className={`absolute inset-x-0 top-0 block min-h-full overflow-hidden rounded-md border border-l-4 border-solid px-2 py-1.5 text-left hyphens-auto text-[0.8125rem] leading-[1.125rem] text-ax-text-neutral shadow-sm group-hover:z-20 group-hover:max-h-none group-hover:shadow-lg group-focus-visible:z-20 group-focus-visible:max-h-none group-focus-visible:shadow-lg motion-safe:transition-shadow max-h-full ${pileEdge[pile ?? 'none']} ${held ? 'border-ax-border-accent-strong bg-ax-bg-accent-soft ring-2 ring-ax-border-accent-strong' : 'border-ax-border-neutral-subtle bg-ax-bg-raised'}`}
    >
      <span className={`${lines === 4 ? 'line-clamp-4' : 'line-clamp-3'} group-hover:line-clamp-none group-focus-visible:line-clamp-none`}>
        <span className="mr-1.5 rounded bg-ax-bg-neutral-moderate px-1.5 font-semibold">{id}</span>{' '}
        {text}
      </span>
    </span>
  );
}
