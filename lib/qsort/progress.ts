/** How the room is doing, for the facilitator: counts and who asked for help (by number, never name). */
export interface QsortProgress {
  sorting: number;
  done: number;
  /** Of the finished ones, how many the researcher typed in from paper. */
  paper: number;
  /** Of the finished ones, how many come from other Q-sorts merged into the study. */
  merged: number;
  help: { sortId: string; number: number; statement: string | null; at: string }[];
}
