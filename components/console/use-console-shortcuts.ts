'use client';

import { useEffect, useRef } from 'react';
import { shortcutOf, takesKeys, type ConsoleShortcut } from './shortcuts';

/**
 * The console's keyboard shortcuts (./shortcuts.ts) on the whole page. Not while focus is in a
 * field or menu, nor while a dialog other than the shortcut help is open (a confirm must not
 * be stepped past by an arrow key). The handlers are read at key time, so they see the latest state.
 */
export function useConsoleShortcuts(handlers: Partial<Record<ConsoleShortcut, () => void>>) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.repeat) return;
      const dialog = document.querySelector('dialog[open]');
      const inField = takesKeys(document.activeElement) || (dialog !== null && !dialog.hasAttribute('data-shortcut-help'));
      const shortcut = shortcutOf({ key: e.key, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, inField });
      const handler = shortcut ? latest.current[shortcut] : undefined;
      if (!handler) return;
      e.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Opens the big screen in its own window (one per console: a second press brings it forward
 * instead of opening another), sized like a small projector until it is dragged and made fullscreen.
 */
export function openScreenWindow(url: string) {
  const screen = window.open(url, 'verksted-screen', 'popup,width=1280,height=720');
  screen?.focus();
}
