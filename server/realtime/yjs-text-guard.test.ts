import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, newNoteId, notesOf, type BoardNote } from '@/lib/workshop/board';
import { WHOLE_TEXT_CHARS } from '@/lib/yjs/written-text';
import { ordinaryTexts, phoneNumber, validNationalId } from '../../test/yjs-guard-fixtures';
import { awarenessHoldsPersonalData, YjsTextGuard } from './yjs-text-guard';

/**
 * A server document with its guard, and a client writing to it: each client transaction is one
 * update, taken by the server only when the guard passes it (as SharedDoc does).
 */
function setup(authorKey: string | null = null) {
  const server = new Y.Doc();
  const guard = new YjsTextGuard(server);
  const client = new Y.Doc();
  const verdicts: Array<string | null> = [];
  client.on('update', (update: Uint8Array) => {
    const verdict = guard.check(update, authorKey);
    verdicts.push(verdict);
    if (verdict === null) Y.applyUpdate(server, update);
  });
  return { server, guard, client, verdicts, last: () => verdicts.at(-1) };
}

const typeInto = (client: Y.Doc, text: Y.Text, value: string, at = text.length) => {
  for (let i = 0; i < value.length; i++) client.transact(() => text.insert(at + i, value[i]!));
};

/**
 * A number whose first eight digits cannot be read as a phone number (those start with 2–9),
 * so only the national-id rules (the typing rule from the ninth digit, then the detector) refuse it.
 */
function typedId(): string {
  for (;;) {
    const id = validNationalId();
    if (id[0]! < '2') return id;
  }
}

const note = (key: string, text = 'Lapp'): BoardNote => ({ id: newNoteId(), text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: key, createdAt: 1 });

describe('YjsTextGuard', () => {
  it('refuses a number typed one character at a time from its ninth digit, which fixes the rest', () => {
    const { client, server, verdicts } = setup();
    const text = client.getText('notes');
    const id = typedId();
    typeInto(client, text, `Ring ${id}`);
    const ninth = 'Ring '.length + 8;
    expect(verdicts.slice(0, ninth).every((v) => v === null)).toBe(true);
    expect(verdicts[ninth]).toBe('YJS_PERSONAL_DATA');
    expect(server.getText('notes').toString()).toBe(`Ring ${id.slice(0, 8)}`);
  });

  it('sees a number whose parts are written in separate places and joined by a deletion', () => {
    const id = typedId();
    for (const joined of [' ', '']) {
      const { client, last, server } = setup();
      const text = client.getText('notes');
      typeInto(client, text, `${id.slice(0, 6)}${joined} og så ${id.slice(6)}`);
      expect(last()).toBeNull();
      client.transact(() => text.delete(6 + joined.length, ' og så '.length));
      expect(text.toString()).toBe(`${id.slice(0, 6)}${joined}${id.slice(6)}`);
      expect(last()).toBe('YJS_PERSONAL_DATA');
      expect(server.getText('notes').toString()).toContain('og så');
    }
  });

  it('refuses a number written and deleted in the same update (its bytes would be stored)', () => {
    // Yjs itself drops such text before sending; a hand-made client (no garbage collection) does not.
    const crafted = new Y.Doc({ gc: false });
    const text = crafted.getText('notes');
    crafted.transact(() => {
      text.insert(0, `Midlertidig ${validNationalId()}`);
      text.delete(0, text.length);
    });
    const { guard } = setup();
    expect(guard.check(Y.encodeStateAsUpdate(crafted), null)).toBe('YJS_PERSONAL_DATA');
  });

  it('sees through formatting that splits a number (rich text)', () => {
    const { client, last } = setup();
    const xml = client.getXmlFragment('doc');
    const paragraph = new Y.XmlText();
    xml.insert(0, [paragraph]);
    const id = typedId();
    paragraph.insert(0, id.slice(0, 4), { underline: true });
    expect(last()).toBeNull();
    paragraph.insert(4, id.slice(4, 8), { bold: true });
    expect(last()).toBeNull();
    paragraph.insert(8, id.slice(8), { italic: true });
    expect(last()).toBe('YJS_PERSONAL_DATA');
  });

  it('checks map values, array items, nested JSON, keys and root names', () => {
    const id = validNationalId();
    const writes: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('m').set('text', `Ring ${phoneNumber()}`),
      (doc) => doc.getArray('a').push([`Skriv til ola.nordmann@nav.no`]),
      (doc) => doc.getArray('a').push([{ deep: [{ text: id }] }]),
      (doc) => doc.getMap('m').set(id, 1),
      (doc) => doc.getText(`rot ${id}`).insert(0, 'x'),
      (doc) => {
        const inner = new Y.Map<unknown>();
        inner.set('text', id);
        doc.getMap('m').set('inner', inner);
      },
    ];
    for (const write of writes) {
      const { client, last } = setup();
      write(client);
      expect(last()).toBe('YJS_PERSONAL_DATA');
    }
  });

  it('looks around the change in a long text, and only there', () => {
    const { client, last, server, verdicts } = setup();
    const text = client.getText('notes');
    client.transact(() => text.insert(0, 'Vanlig tekst uten nummer. '.repeat(Math.ceil((WHOLE_TEXT_CHARS * 2) / 26))));
    expect(last()).toBeNull();
    const id = typedId();
    typeInto(client, text, id, 5000);
    expect(verdicts).toContain('YJS_PERSONAL_DATA');
    expect(server.getText('notes').toString()).not.toContain(id.slice(0, 9));
  });

  it('passes ordinary text with numbers, and keeps its shadow in step after a refusal', () => {
    const { client, server, last } = setup();
    const text = client.getText('notes');
    for (const line of ordinaryTexts) {
      client.transact(() => text.insert(text.length, `${line}\n`));
      expect(last()).toBeNull();
    }
    // A refusal drops the shadow; the next check builds it again from the server's document.
    const refused = new Y.Doc();
    refused.getText('notes').insert(0, validNationalId());
    const { guard } = setup();
    expect(guard.check(Y.encodeStateAsUpdate(refused), null)).toBe('YJS_PERSONAL_DATA');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    fresh.getText('notes').insert(0, 'Ny linje\n');
    const serverGuard = new YjsTextGuard(server);
    const update = Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(server));
    expect(serverGuard.check(update, null)).toBeNull();
    Y.applyUpdate(server, update);
    expect(server.getText('notes').toString()).toBe(fresh.getText('notes').toString());
  });

  it('takes a board note only under the writer\'s own author key, and no change of a key after', () => {
    const own = setup('min-nokkel');
    addNote(own.client, note('min-nokkel'));
    expect(own.last()).toBeNull();
    addNote(own.client, note('en-annens-nokkel'));
    expect(own.last()).toBe('YJS_AUTHOR_KEY');

    const retake = setup('min-nokkel');
    addNote(retake.client, note('min-nokkel'));
    const map = notesOf(retake.client).get(0) as Y.Map<unknown>;
    map.set('text', 'Endret tekst');
    expect(retake.last()).toBeNull();
    map.set('authorKey', 'en-annens-nokkel');
    expect(retake.last()).toBe('YJS_AUTHOR_KEY');

    // Where no key is checked (facilitators, the server's own writes) any key passes.
    const unchecked = setup(null);
    addNote(unchecked.client, note('facilitator'));
    expect(unchecked.last()).toBeNull();
  });

  it('finds personal data in the strings of an awareness update, not in its numbers', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const encoded = (state: Record<string, unknown>) => {
      awareness.setLocalState(state);
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    };
    expect(awarenessHoldsPersonalData(encoded({ user: { name: `Ring ${phoneNumber()}` } }))).toBe(true);
    expect(awarenessHoldsPersonalData(encoded({ note: validNationalId() }))).toBe(true);
    expect(awarenessHoldsPersonalData(encoded({ user: { name: 'Kari' }, cursor: { anchor: 1234567890, head: 41234567 } }))).toBe(false);
    awareness.destroy();
  });
});
