import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { WHOLE_TEXT_CHARS } from '@/lib/yjs/written-text';
import { validNationalId, withControlDigits } from '../../test/personal-numbers';
import { YjsTextGuard } from './yjs-text-guard';

/** A server document with its guard, and a client whose every transaction is one checked update. */
function setup() {
  const server = new Y.Doc();
  const guard = new YjsTextGuard(server);
  const client = new Y.Doc();
  const verdicts: Array<string | null> = [];
  client.on('update', (update: Uint8Array) => {
    const verdict = guard.check(update, null);
    verdicts.push(verdict);
    if (verdict === null) Y.applyUpdate(server, update);
  });
  return { server, client, verdicts, last: () => verdicts.at(-1) };
}

/** Ordinary prose long enough that the guard reads only windows around a change. */
const filler = 'Vi snakket om hvordan brukerne opplever møtet med kontoret. '.repeat(Math.ceil((WHOLE_TEXT_CHARS + 2000) / 60));

describe('the Yjs guard on long shared notes', () => {
  // Invisible characters and whitespace runs vanish in the detector's normalisation, but they
  // still count towards the 1024-character window the guard reads around a change.
  for (const [name, stretch] of [
    ['zero-width spaces', '\u200b'.repeat(1500)],
    ['soft hyphens', '\u00ad'.repeat(1500)],
    ['a run of spaces', ' '.repeat(1500)],
    ['blank lines', '\n'.repeat(1500)],
    ['invisible tag characters (surrogate pairs)', '\u{E0020}'.repeat(1500)],
  ] as const) {
    it(`refuses the second half of a number stretched apart by ${name} in a text over ${WHOLE_TEXT_CHARS} characters`, () => {
      const { client, server, last } = setup();
      const text = client.getText('notes');
      const id = validNationalId();
      client.transact(() => text.insert(0, filler));
      expect(last()).toBeNull();
      client.transact(() => text.insert(text.length, `${id.slice(0, 6)}${stretch}`));
      expect(last()).toBeNull();
      client.transact(() => text.insert(text.length, id.slice(6)));
      expect(last()).toBe('YJS_PERSONAL_DATA');
      expect(server.getText('notes').toString().endsWith(id.slice(6))).toBe(false);
    });
  }
});

describe('a number spread over the entries of an array (not shown by any reader, but stored)', () => {
  it('is refused when a client pushes its digits as separate strings', () => {
    const { client, last } = setup();
    const id = validNationalId();
    client.transact(() => client.getArray<string>('notes').push(Array.from(id)));
    expect(last()).toBe('YJS_PERSONAL_DATA');
  });

  it('is refused when a client pushes the two parts as two entries', () => {
    const { client, last } = setup();
    const id = validNationalId();
    client.transact(() => client.getArray<string>('tags').push([id.slice(0, 6), id.slice(6)]));
    expect(last()).toBe('YJS_PERSONAL_DATA');
  });
});

describe('a fødselsnummer typed into shared notes one keystroke at a time', () => {
  it('leaves no prefix on the server that determines the whole number', () => {
    const { client, server, verdicts } = setup();
    const text = client.getText('notes');
    // Not readable as a phone number on the way (first digit 0 or 1), so only the id rule applies.
    let id = validNationalId();
    while (id[0]! > '1') id = validNationalId();
    for (const char of `Ring ${id.slice(0, 6)}-${id.slice(6)}`) client.transact(() => text.insert(text.length, char));
    // Refused at the ninth digit; the keystrokes after it build on text the server never took.
    expect(verdicts).toContain('YJS_PERSONAL_DATA');
    // Both control digits follow from the first nine digits: those nine are the number.
    expect(withControlDigits(id.slice(0, 9))).toBe(id);
    const stored = server.getText('notes').toString().replace(/\D/g, '');
    expect(stored.includes(id.slice(0, 9))).toBe(false);
  });
});
