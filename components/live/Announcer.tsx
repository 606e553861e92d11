'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNow } from '@/components/workshop/use-now';
import { announcementsBetween, marksOf, roomTimer, timerEnded, type Announcement, type LiveMarks } from '@/lib/live/announcements';
import type { LiveSessionView } from './use-live-session';

/**
 * The one live region of a live page (phone and console): reads out a new step, revealed
 * results, the end of the session and the timer running out, as lib/live/announcements.ts
 * decides. Always in the page and empty at first, so screen readers register it before its
 * first change. All of it is polite, the timer too: running out locks no answer (the
 * facilitator locks or moves on), so it is not urgent enough to cut off what a participant
 * is typing or listening to, which an assertive message would.
 */
export function Announcer({ live }: { live: Pick<LiveSessionView, 'snapshot' | 'clockOffset'> }) {
  const t = useTranslations('announce');
  const [message, setMessage] = useState('');
  const marks = useRef<LiveMarks | null>(null);
  const snapshot = live.snapshot;

  useEffect(() => {
    if (!snapshot) return;
    const current = marksOf(snapshot);
    const news = announcementsBetween(marks.current, current);
    marks.current = current;
    if (news.length > 0) setMessage((previous) => repeatable(previous, news.map((a) => describe(t, a)).join('. ')));
  }, [snapshot, t]);

  // The timer is read against the clock: a timer this page saw running is announced as it reaches
  // zero; one that had already run out when the page came in, or is paused, is not.
  const now = useNow(500) + live.clockOffset;
  const timer = snapshot ? roomTimer(snapshot.state) : null;
  const ended = timerEnded(timer, now);
  const endsAt = timer?.remainingMs === null ? timer.endsAt : null;
  const armed = useRef<number | null>(null);
  const onTimeUp = useEffectEvent(() => setMessage((previous) => repeatable(previous, t('timeUp'))));
  useEffect(() => {
    if (endsAt === null) armed.current = null;
    else if (!ended) armed.current = endsAt;
    else if (armed.current === endsAt) {
      armed.current = null;
      onTimeUp();
    }
  }, [endsAt, ended]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {message}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<'announce'>>;

function describe(t: Translate, a: Announcement): string {
  if (a.type === 'ended') return t('ended');
  const step = a.step;
  if (step.kind !== 'titled') return t(step.kind);
  if (step.position !== null) return t(a.type === 'step' ? 'finding' : 'revealedFinding', { title: step.title, position: step.position });
  return t(a.type === 'step' ? 'step' : 'revealed', { title: step.title });
}

/** A repeated message (the timer running out twice) must still change the region's text to be read again. */
const repeatable = (previous: string, text: string) => (previous === text ? `${text}\u00a0` : text);
