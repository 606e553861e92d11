import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { yjsMessageTypes } from '@/lib/protocol';
import { carriesUpdate, isEmptyUpdate, MESSAGE_AWARENESS, MESSAGE_SYNC, refusalMessage } from './yjs-messages';

const syncMessage = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  write(e);
  return encoding.toUint8Array(e);
};

describe('Yjs messages', () => {
  it('tells an empty update (nothing new) from one that writes', () => {
    const doc = new Y.Doc();
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(true);
    doc.getText('t').insert(0, 'x');
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
  });

  it('classifies writes from the header only', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    expect(carriesUpdate(syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))))).toBe(true);
    expect(carriesUpdate(syncMessage((e) => syncProtocol.writeSyncStep2(e, doc)))).toBe(true);
    expect(carriesUpdate(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)))).toBe(false);
    expect(carriesUpdate(new Uint8Array([MESSAGE_AWARENESS, 0]))).toBe(false);
    expect(carriesUpdate(new Uint8Array([]))).toBe(false);
  });

  it('encodes a refusal as our message type and the reason', () => {
    const decoder = decoding.createDecoder(refusalMessage('YJS_QUOTA'));
    expect(decoding.readVarUint(decoder)).toBe(yjsMessageTypes.refused);
    expect(decoding.readVarString(decoder)).toBe('YJS_QUOTA');
  });
});
