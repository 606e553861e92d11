/**
 * The console names the current step by its kind and title ("Plenum: Hva er viktigst?"). A
 * title that already starts with its kind's name ("Plenum: hva er viktigst?", or just
 * "Plenum") would read twice, so it is shown as it stands.
 */
export function stepHeading(kindLabel: string, title: string): string {
  const shown = title.trim();
  if (!shown) return kindLabel;
  const startsWithKind = shown.toLocaleLowerCase('nb').startsWith(kindLabel.toLocaleLowerCase('nb'));
  return startsWithKind ? shown : `${kindLabel}: ${shown}`;
}
