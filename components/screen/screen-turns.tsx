'use client';

import { createContext, useContext, useEffect, useRef } from 'react';

/** The session's `screenTurns` (lib/live-session.ts): how many pages the console has turned the screen. */
const ScreenTurnsContext = createContext(0);
export const ScreenTurnsProvider = ScreenTurnsContext.Provider;

/**
 * Calls `turn` with each page turn the console sends from now on. A list that appears later
 * starts at its first page: only turns made while it is up move it.
 */
export function useScreenTurns(turn: (step: number) => void) {
  const turns = useContext(ScreenTurnsContext);
  const seen = useRef(turns);
  const latest = useRef(turn);
  useEffect(() => {
    latest.current = turn;
  });
  useEffect(() => {
    const step = turns - seen.current;
    seen.current = turns;
    if (step !== 0) latest.current(step);
  }, [turns]);
}
