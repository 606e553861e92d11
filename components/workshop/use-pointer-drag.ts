'use client';

import { useRef, useState, type CSSProperties, type PointerEvent } from 'react';

/** How far (px) a pointer must travel before a press becomes a drag, so a tap or click stays one. */
const THRESHOLD = 6;

interface Drag {
  itemId: string;
  dx: number;
  dy: number;
  /** The drop target under the pointer now, if any. */
  over: string | null;
}

/**
 * The drop target under a point, by the targets' boxes rather than hit testing: the dragged
 * item itself sits under the pointer, and hit testing would find it (and its own target) first.
 */
function targetAt(x: number, y: number): string | null {
  for (const el of document.querySelectorAll<HTMLElement>('[data-drop-target]')) {
    const r = el.getBoundingClientRect();
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return el.dataset.dropTarget ?? null;
  }
  return null;
}

/**
 * Dragging items onto targets with Pointer Events, so a mouse, a pen and a finger all work (the
 * HTML drag-and-drop API does not fire for touch). The item follows the pointer (captured, so a
 * fast move does not lose it); on release over a target `move(itemId, targetId)` is called.
 * A press that starts on a button or field is left to it, and a press that does not travel is
 * no drag, so the item's own controls and clicks keep working. The keyboard way is the item's
 * own (see PlenaryBoard): drag is never the only way.
 */
export function usePointerDrag(move: (itemId: string, targetId: string) => void) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const press = useRef<{ itemId: string; x: number; y: number; moved: boolean } | null>(null);

  const end = () => {
    press.current = null;
    setDrag(null);
  };

  return {
    /** The item being dragged now, and the target under it. */
    drag,
    item(itemId: string) {
      const dragging = drag?.itemId === itemId;
      const style: CSSProperties = dragging ? { transform: `translate(${drag.dx}px, ${drag.dy}px) rotate(-1.5deg)`, zIndex: 50, position: 'relative', cursor: 'grabbing' } : { cursor: 'grab' };
      return {
        style,
        'data-dragging': dragging || undefined,
        onPointerDown(e: PointerEvent<HTMLElement>) {
          if ((e.pointerType === 'mouse' && e.button !== 0) || (e.target as Element).closest('button, a, input, select, textarea, [role="menuitem"]')) return;
          press.current = { itemId, x: e.clientX, y: e.clientY, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        },
        onPointerMove(e: PointerEvent<HTMLElement>) {
          const p = press.current;
          if (!p || p.itemId !== itemId) return;
          const dx = e.clientX - p.x;
          const dy = e.clientY - p.y;
          if (!p.moved && Math.hypot(dx, dy) < THRESHOLD) return;
          p.moved = true;
          setDrag({ itemId, dx, dy, over: targetAt(e.clientX, e.clientY) });
        },
        onPointerUp(e: PointerEvent<HTMLElement>) {
          const p = press.current;
          if (p?.itemId === itemId && p.moved) {
            const over = targetAt(e.clientX, e.clientY);
            if (over) move(itemId, over);
          }
          end();
        },
        onPointerCancel: end,
        onLostPointerCapture: () => {
          if (press.current?.itemId === itemId && !press.current.moved) press.current = null;
        },
      };
    },
    /** Props for a drop target; `over` is true while an item is dragged above it. */
    target(targetId: string) {
      return { 'data-drop-target': targetId, over: drag !== null && drag.over === targetId };
    },
  };
}
