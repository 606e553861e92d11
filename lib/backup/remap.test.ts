import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { remapBytes, remapJson, remapText } from './remap';

const a = '1b6a2b0e-2a4c-4c1e-9a53-0d2f3c4b5a61';
const b = '91234567-8aaa-4bbb-8ccc-0123456789ab';
const fresh = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ids = new Map([
  [a, fresh(1)],
  [b, fresh(2)],
]);

describe('remapping ids', () => {
  it('rewrites ids inside longer text and leaves unknown ids alone', () => {
    const other = '5c9e0a47-1f0a-4d7b-8f3e-6a2b1c0d9e8f';
    expect(remapText(`live.${a}.board.${b}.g1`, ids)).toBe(`live.${fresh(1)}.board.${fresh(2)}.g1`);
    expect(remapText(other, ids)).toBe(other);
    expect(remapText(a.toUpperCase(), ids)).toBe(fresh(1));
  });

  it('rewrites ids in JSON values and keys at any depth', () => {
    expect(remapJson({ [a]: [{ findingIds: [a, b] }, 3, null, true] }, ids)).toEqual({ [fresh(1)]: [{ findingIds: [fresh(1), fresh(2)] }, 3, null, true] });
  });

  it('rewrites ids inside a Yjs update so it still decodes, with the new ids in text, map keys and values', () => {
    const doc = new Y.Doc();
    const note = new Y.Map<unknown>();
    doc.getArray('notes').push([note]);
    note.set('findingId', b);
    note.set(a, { nested: [a] });
    doc.getText('text').insert(0, `Om ${a} og æøå`);
    const bytes = Y.encodeStateAsUpdate(doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, remapBytes(bytes, ids));
    expect(copy.getArray('notes').toJSON()).toEqual([{ findingId: fresh(2), [fresh(1)]: { nested: [fresh(1)] } }]);
    expect(copy.getText('text').toString()).toBe(`Om ${fresh(1)} og æøå`);
    // The original bytes are untouched.
    const again = new Y.Doc();
    Y.applyUpdate(again, bytes);
    expect(again.getText('text').toString()).toContain(a);
  });
});
