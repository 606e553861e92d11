'use client';

import { ArrowUndoIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Heading, HStack, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useNumbers } from '@/components/use-one-decimal';
import type { HandRotation as Turn, QResult } from '@/lib/qmethod/types';

const SIZE = 320;
const C = SIZE / 2;
const R = SIZE / 2 - 24;

/** An angle as typed ("12,5", "−7"), or null unless it is a number from −180 to 180. */
function readAngle(text: string): number | null {
  const v = Number(text.replace(',', '.').replace('−', '-'));
  return text.trim() !== '' && Number.isFinite(v) && Math.abs(v) <= 180 ? v : null;
}

/** Degrees in (−180, 180], to one decimal. */
const normal = (d: number) => {
  const r = Math.round((((d % 360) + 540) % 360) * 10) / 10 - 180;
  return r === -180 ? 180 : r;
};

/**
 * Judgmental rotation on a 2-D loading plot: every sort is a point at its loadings on two
 * factors; dragging on the plot, or the arrow keys (Shift: 5°), turn the pair's axes, which are
 * drawn where they would go. "Roter" re-runs the analysis with the turn added after those
 * before it; "Angre" takes the last one back. The turn's numbers are the engine's
 * (lib/qmethod/steps/hand-rotate.ts): axes counter-clockwise with the first factor across.
 */
export function HandRotation({ result, applied, onApply, busy }: { result: QResult; applied: Turn[]; onApply: (turns: Turn[]) => void; busy: boolean }) {
  const t = useTranslations('qsort.console.hand');
  const { decimal } = useNumbers();
  const [pair, setPair] = useState<[number, number]>([1, 2]);
  const [angle, setAngle] = useState(0);
  const [typed, setTyped] = useState<string | null>(null);
  const drag = useRef<{ from: number; start: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [a, b] = pair;
  const factors = Array.from({ length: result.factors }, (_, f) => f + 1);
  const points = result.loadings.map((row, j) => ({ name: result.sorts[j]!, x: row[a - 1]!, y: row[b - 1]!, flagged: result.flagged[j]![a - 1] || result.flagged[j]![b - 1] }));
  const theta = (angle * Math.PI) / 180;
  // Screen coordinates: the first factor across, the second up.
  const at = (x: number, y: number) => [C + x * R, C - y * R] as const;
  const axis = (dx: number, dy: number) => {
    const [x1, y1] = at(-dx, -dy);
    const [x2, y2] = at(dx, dy);
    return { x1, y1, x2, y2 };
  };
  const pointerAngle = (e: React.PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * SIZE - C;
    const py = C - ((e.clientY - box.top) / box.height) * SIZE;
    return (Math.atan2(py, px) * 180) / Math.PI;
  };
  const turn = (next: number) => {
    setAngle(normal(next));
    setTyped(null);
  };
  const choose = (which: 0 | 1, value: number) => {
    const next: [number, number] = which === 0 ? [value, b === value ? a : b] : [a === value ? b : a, value];
    setPair(next);
    setAngle(0);
    setTyped(null);
  };
  const typedOk = typed === null || readAngle(typed) !== null;

  if (result.factors < 2) return null;
  return (
    <section className="space-y-3" data-testid="hand-rotation">
      <Heading level="3" size="xsmall">{t('heading')}</Heading>
      <BodyShort size="small">{t('help')}</BodyShort>
      <div className="flex flex-wrap items-start gap-6">
        <svg
          ref={svg}
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          className="h-auto w-full max-w-xs cursor-grab touch-none rounded-lg border border-ax-border-neutral-subtle bg-ax-bg-raised focus:outline focus:outline-2 focus:outline-ax-border-focus"
          role="slider"
          tabIndex={0}
          aria-label={t('plotLabel', { a, b })}
          aria-valuemin={-180}
          aria-valuemax={180}
          aria-valuenow={angle}
          aria-valuetext={t('degrees', { value: decimal(angle, 1) })}
          data-testid="loading-plot"
          onKeyDown={(e) => {
            const step = e.shiftKey ? 5 : 1;
            if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') turn(angle + step);
            else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') turn(angle - step);
            else if (e.key === 'Home') turn(0);
            else return;
            e.preventDefault();
          }}
          onPointerDown={(e) => {
            svg.current?.setPointerCapture(e.pointerId);
            drag.current = { from: pointerAngle(e), start: angle };
          }}
          onPointerMove={(e) => {
            if (drag.current) turn(drag.current.start + pointerAngle(e) - drag.current.from);
          }}
          onPointerUp={() => (drag.current = null)}
        >
          <circle cx={C} cy={C} r={R} fill="none" stroke="currentColor" opacity={0.15} />
          <line {...axis(1, 0)} stroke="currentColor" opacity={0.35} />
          <line {...axis(0, 1)} stroke="currentColor" opacity={0.35} />
          <text x={SIZE - 20} y={C - 6} fontSize={11} opacity={0.6}>F{a}</text>
          <text x={C + 6} y={16} fontSize={11} opacity={0.6}>F{b}</text>
          {angle !== 0 && (
            <g data-testid="turned-axes">
              <line {...axis(Math.cos(theta), Math.sin(theta))} stroke="#c77300" strokeWidth={2} />
              <line {...axis(-Math.sin(theta), Math.cos(theta))} stroke="#c77300" strokeWidth={2} strokeDasharray="6 3" />
            </g>
          )}
          {points.map((p) => {
            const [x, y] = at(p.x, p.y);
            return (
              <circle key={p.name} cx={x} cy={y} r={4.5} fill={p.flagged ? '#0067c5' : 'none'} stroke="#0067c5" strokeWidth={1.5}>
                <title>{`${p.name}: F${a} ${decimal(p.x, 2)}, F${b} ${decimal(p.y, 2)}`}</title>
              </circle>
            );
          })}
        </svg>
        <VStack gap="space-12" className="min-w-60">
          <HStack gap="space-12">
            <Select label={t('across')} size="small" value={a} onChange={(e) => choose(0, Number(e.target.value))}>
              {factors.map((f) => <option key={f} value={f}>{t('factor', { n: f })}</option>)}
            </Select>
            <Select label={t('up')} size="small" value={b} onChange={(e) => choose(1, Number(e.target.value))}>
              {factors.filter((f) => f !== a).map((f) => <option key={f} value={f}>{t('factor', { n: f })}</option>)}
            </Select>
          </HStack>
          <TextField
            label={t('angle')}
            size="small"
            inputMode="decimal"
            className="max-w-40"
            value={typed ?? decimal(angle, 1)}
            error={typedOk ? undefined : t('badAngle')}
            onChange={(e) => {
              setTyped(e.target.value);
              const v = readAngle(e.target.value);
              if (v !== null) setAngle(v);
            }}
          />
          <HStack gap="space-8">
            <Button type="button" size="small" disabled={busy || angle === 0 || !typedOk} onClick={() => { onApply([...applied, { a, b, degrees: angle }]); setAngle(0); setTyped(null); }}>
              {t('apply')}
            </Button>
            <Button type="button" size="small" variant="secondary" icon={<ArrowUndoIcon aria-hidden />} disabled={busy || applied.length === 0} onClick={() => onApply(applied.slice(0, -1))}>
              {t('undo')}
            </Button>
          </HStack>
          {applied.length > 0 && (
            <BodyShort size="small" data-testid="hand-rotations">
              {t('applied', { list: applied.map((r) => t('turn', { a: r.a, b: r.b, value: decimal(r.degrees, 1) })).join('; ') })}
            </BodyShort>
          )}
        </VStack>
      </div>
    </section>
  );
}
