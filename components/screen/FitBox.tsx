'use client';

import { useLayoutEffect, useRef, type ReactNode } from 'react';

const MIN_SCALE = 0.4;

/** The largest scale in [low, high] at which `fits`, found with a few synchronous layouts (no visible flicker). */
function largestFitting(fits: (scale: number) => boolean, low: number, high: number): number {
  for (let i = 0; i < 9; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Fills the space it is given and scales its content down until it fits: the big screen never
 * scrolls, and long texts (a finding's whole reflection question) stay whole instead of being
 * cut. Measured in the browser, as text length says little about wrapped height. The content
 * is laid out at width W/s and scaled by s, so text re-wraps to the wider line before it is
 * shrunk, and rem- or px-sized parts shrink as well as em-sized ones. `fitKey` changes when
 * the content does, so the fit is measured again. With `maxScale` above 1, content that is
 * short for its space is scaled up as far as that (a summary page of one table should be read
 * from the back of the room, not fill a third of the screen).
 */
export function FitBox({ children, fitKey, className = '', testId = 'screen-fit', maxScale = 1 }: { children: ReactNode; fitKey: string; className?: string; testId?: string; maxScale?: number }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!box || !content) return;
    const fits = (scale: number) => {
      const width = box.clientWidth;
      content.style.width = `${width / scale}px`;
      content.style.transform = scale === 1 ? '' : `scale(${scale})`;
      return content.scrollHeight * scale <= box.clientHeight + 0.5 && content.scrollWidth * scale <= width + 0.5;
    };
    const fit = () => {
      if (fits(1)) {
        if (maxScale > 1 && !fits(maxScale)) fits(largestFitting(fits, 1, maxScale));
        return;
      }
      fits(largestFitting(fits, MIN_SCALE, 1));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    observer.observe(content);
    // Fonts arriving late change every line's width.
    void document.fonts?.ready.then(fit);
    return () => observer.disconnect();
  }, [fitKey, maxScale]);

  return (
    <div ref={outer} className={`relative min-h-0 min-w-0 overflow-hidden ${className}`} data-testid={testId}>
      <div ref={inner} className="absolute left-0 top-0 origin-top-left">{children}</div>
    </div>
  );
}
