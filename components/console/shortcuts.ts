/** What a key press on the console does. */
export type ConsoleShortcut = 'next' | 'previous' | 'reveal' | 'timer' | 'screen' | 'screenNext' | 'screenPrevious' | 'help';

/**
 * The keys of each shortcut, in `aria-keyshortcuts` spelling (the first is the one shown).
 * Letters as the facilitator reads them on the help; arrows because presenters' clickers send
 * them, and Page Down/Up (the clicker's other pair) turn the big screen's pages.
 */
export const shortcutKeys: Record<ConsoleShortcut, readonly string[]> = {
  next: ['ArrowRight', 'N'],
  previous: ['ArrowLeft', 'P'],
  reveal: ['R'],
  timer: ['T'],
  screen: ['S'],
  screenNext: ['PageDown'],
  screenPrevious: ['PageUp'],
  help: ['?'],
};

/** `aria-keyshortcuts` for a control. */
export const ariaKeys = (s: ConsoleShortcut) => shortcutKeys[s].join(' ');

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Whether focus is where keys are text or choices: a field, a select, an editor, an open menu. */
  inField: boolean;
}

/**
 * The shortcut a key press means, or null. Never while typing in a field (an "n" in a note is
 * a letter), never with Ctrl, Cmd or Alt (the browser's own shortcuts stay), and Shift only as
 * part of "?" (which needs it on most layouts).
 */
export function shortcutOf(press: KeyPress): ConsoleShortcut | null {
  if (press.inField || press.altKey || press.ctrlKey || press.metaKey) return null;
  const key = press.key.length === 1 ? press.key.toUpperCase() : press.key;
  for (const [shortcut, keys] of Object.entries(shortcutKeys) as [ConsoleShortcut, readonly string[]][]) {
    if (keys.includes(key)) return shortcut;
  }
  return null;
}

/** Whether an element takes typed keys itself (so the console must not act on them). */
export function takesKeys(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest('input:not([type=checkbox]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select, [contenteditable=""], [contenteditable="true"], [role="menu"], [role="listbox"], [role="textbox"], [role="combobox"], [role="slider"], [role="radiogroup"], [role="tablist"]')) return true;
  return false;
}
