/**
 * The closing round has no panel of its own: the console's "all input" box below shows the
 * evaluation as it comes in.
 */
export function ClosingConsole() {
  return null;
}
