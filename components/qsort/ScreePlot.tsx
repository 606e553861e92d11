'use client';

/**
 * The eigenvalues of the correlation matrix as a line, with the Kaiser line at 1 and, when a
 * parallel analysis ran, the random studies' 95th percentiles as a dashed line: a factor whose
 * point lies above that line is more than chance.
 */
export function ScreePlot({ values, random = null, label, randomLabel }: { values: number[]; random?: number[] | null; label: string; randomLabel?: string }) {
  const shown = values.slice(0, Math.min(values.length, 15));
  const chance = random?.slice(0, shown.length) ?? [];
  const w = 320;
  const h = 160;
  const pad = 24;
  const top = Math.max(1.5, ...shown, ...chance);
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, shown.length - 1);
  const y = (v: number) => h - pad - (Math.max(0, v) / top) * (h - 2 * pad);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="h-auto w-full max-w-md" data-testid="scree">
      <line x1={pad} x2={w - pad} y1={y(1)} y2={y(1)} stroke="currentColor" strokeDasharray="4 4" opacity={0.4} />
      <line x1={pad} x2={pad} y1={pad / 2} y2={h - pad} stroke="currentColor" opacity={0.5} />
      <line x1={pad} x2={w - pad} y1={h - pad} y2={h - pad} stroke="currentColor" opacity={0.5} />
      {chance.length > 1 && (
        <polyline fill="none" stroke="#c77300" strokeWidth={1.5} strokeDasharray="6 3" points={chance.map((v, i) => `${x(i)},${y(v)}`).join(' ')} data-testid="scree-random">
          {randomLabel && <title>{randomLabel}</title>}
        </polyline>
      )}
      <polyline fill="none" stroke="#0067c5" strokeWidth={2} points={shown.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
      {shown.map((v, i) => (
        <g key={i}>
          <circle cx={x(i)} cy={y(v)} r={3.5} fill="#0067c5" />
          <text x={x(i)} y={h - pad + 14} fontSize={10} textAnchor="middle">{i + 1}</text>
        </g>
      ))}
      <text x={4} y={y(1) + 3} fontSize={10}>1</text>
    </svg>
  );
}
