/** The phase whose dates include `today` (yyyy-mm-dd), if any: where new work most likely belongs. */
export function phaseRunningOn<P extends { startsOn: string | null; endsOn: string | null }>(phases: P[], today: string): P | undefined {
  return phases.find((p) => p.startsOn && p.endsOn && p.startsOn <= today && today <= p.endsOn);
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
