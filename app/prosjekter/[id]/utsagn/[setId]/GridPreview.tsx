import { gridColumns, gridMax, type Grid } from '@/lib/qsort/grid';
import { formatValue } from './grid-draft';

/**
 * The grid drawn as the report's matrix: a column of empty cells over each value. `label` is
 * the accessible description (the drawing itself is one image to a screen reader).
 */
export function GridPreview({ grid, label }: { grid: Grid; label: string }) {
  const columns = gridColumns(grid);
  const tallest = Math.max(1, ...columns.map((c) => c.count));
  return (
    <figure role="img" aria-label={label} className="m-0" data-testid="grid-preview" data-min={grid.min} data-max={gridMax(grid)}>
      <div className="flex items-end gap-0.5 sm:gap-1" aria-hidden>
        {columns.map((c) => (
          <div key={c.value} className="flex min-w-0 max-w-14 flex-1 flex-col items-stretch gap-0.5 sm:gap-1">
            <div className="flex flex-col gap-0.5 sm:gap-1" style={{ minHeight: 0 }}>
              {Array.from({ length: c.count }, (_, i) => (
                <div key={i} className={`rounded-sm border border-solid border-ax-border-neutral bg-ax-bg-default ${tallest > 12 ? 'h-3' : 'h-5 sm:h-7'}`} />
              ))}
            </div>
            <div className="border-0 border-t-2 border-solid border-ax-border-neutral-strong pt-1 text-center text-xs font-semibold tabular-nums sm:text-sm">{formatValue(c.value)}</div>
          </div>
        ))}
      </div>
    </figure>
  );
}
