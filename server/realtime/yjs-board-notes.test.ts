import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, newNoteId, readBoard, updateNote, type BoardNote } from '@/lib/workshop/board';
import { YjsTextGuard } from './yjs-text-guard';
import { redactNote } from './yjs-redact';

/*
 * Review of issue 10: board notes after redaction, and notes of other members. The server
 * document takes a client's update only when the guard passes it, as SharedDoc does; the
 * server's own changes (redaction) are made on a copy and taken through the guard with no author
 * key, as `SharedDoc.change` (used by `YjsServer.purge`) does.
 */

const note = (key: string, text: string): BoardNote => ({ id: newNoteId(), text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: key, createdAt: 1 });

function world() {
  const server = new Y.Doc();
  const guard = new YjsTextGuard(server);
  const send = (from: Y.Doc, authorKey: string) => {
    const update = Y.encodeStateAsUpdate(from, Y.encodeStateVector(server));
    const verdict = guard.check(update, authorKey);
    if (verdict === null) Y.applyUpdate(server, update);
    else guard.discard();
    return verdict;
  };
  const serverChange = (change: (doc: Y.Doc) => void) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(copy);
    change(copy);
    const delta = Y.encodeStateAsUpdate(copy, before);
    expect(guard.check(delta, null)).toBeNull();
    Y.applyUpdate(server, delta);
  };
  const client = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };
  return { server, send, client, serverChange };
}

describe('review R6: a redacted board note', () => {
  it('does not get its text back from the writer\'s phone that edited it while offline', () => {
    const { server, send, client, serverChange } = world();
    const phone = client(2 ** 31); // a higher client id than the server copy's wins a concurrent map write
    const redactedText = 'Kollegaen min Kari sa noe hun ikke ville skulle stå her';
    const n = note('key-a', redactedText);
    addNote(phone, n);
    expect(send(phone, 'key-a')).toBeNull();

    // The phone goes offline; the facilitator redacts the note; the writer keeps typing.
    serverChange((doc) => {
      doc.clientID = 1;
      redactNote(doc, n.id);
    });
    updateNote(phone, n.id, { text: `${redactedText}, og mer` });
    // Back online: y-websocket sends what the server lacks.
    send(phone, 'key-a');

    const stored = JSON.stringify(server.getArray('notes').toJSON());
    expect(stored).not.toContain(redactedText);
    expect(readBoard(server).notes.find((x) => x.id === n.id)?.text).toBe('');
  });

  it('cannot be un-redacted by its writer', () => {
    const { server, send, client, serverChange } = world();
    const phone = client(12345);
    const n = note('key-a', 'Tekst som fasilitator tok bort');
    addNote(phone, n);
    send(phone, 'key-a');
    serverChange((doc) => redactNote(doc, n.id));
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server, Y.encodeStateVector(phone)));
    phone.transact(() => {
      const map = phone.getArray('notes').get(0) as Y.Map<unknown>;
      map.set('redacted', false);
      map.set('text', 'Tekst som fasilitator tok bort');
    });
    expect(send(phone, 'key-a')).not.toBeNull();
    expect(readBoard(server).notes[0]?.redacted).toBe(true);
  });
});

describe('review R7: another member\'s note', () => {
  it('cannot have its text rewritten by someone else in the group', () => {
    const { server, send, client } = world();
    const a = client(111);
    const n = note('key-a', 'Det jeg skrev');
    addNote(a, n);
    send(a, 'key-a');
    const b = client(222);
    updateNote(b, n.id, { text: 'Noe A aldri skrev' });
    expect(send(b, 'key-b')).not.toBeNull();
    expect(readBoard(server).notes[0]?.text).toBe('Det jeg skrev');
  });
});
