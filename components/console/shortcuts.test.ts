import { describe, expect, it } from 'vitest';
import { ariaKeys, shortcutOf, type KeyPress } from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, inField: false, ...more });

describe('console shortcuts', () => {
  it('maps arrows and letters (either case) to the facilitator’s actions', () => {
    expect([press('ArrowRight'), press('n'), press('N')].map(shortcutOf)).toEqual(['next', 'next', 'next']);
    expect([press('ArrowLeft'), press('p')].map(shortcutOf)).toEqual(['previous', 'previous']);
    expect([press('r'), press('t'), press('s'), press('?')].map(shortcutOf)).toEqual(['reveal', 'timer', 'screen', 'help']);
  });

  it('turns the big screen’s pages with Page Down and Page Up, as a presenter’s clicker sends them', () => {
    expect([press('PageDown'), press('PageUp')].map(shortcutOf)).toEqual(['screenNext', 'screenPrevious']);
    expect(shortcutOf(press('PageDown', { inField: true }))).toBeNull();
  });

  it('does nothing while typing in a field', () => {
    for (const key of ['n', 'ArrowRight', 'r', 't', 's', '?']) expect(shortcutOf(press(key, { inField: true }))).toBeNull();
  });

  it('leaves the browser’s own shortcuts alone', () => {
    expect(shortcutOf(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press('s', { metaKey: true }))).toBeNull();
    expect(shortcutOf(press('ArrowLeft', { altKey: true }))).toBeNull();
  });

  it('ignores other keys', () => {
    for (const key of ['x', '1', 'Enter', ' ', 'Tab', 'ArrowUp']) expect(shortcutOf(press(key))).toBeNull();
  });

  it('spells the keys for aria-keyshortcuts', () => {
    expect(ariaKeys('next')).toBe('ArrowRight N');
    expect(ariaKeys('help')).toBe('?');
  });
});
