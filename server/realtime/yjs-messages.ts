import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { yjsMessageTypes } from '@/lib/protocol';
import type { YjsRefusalCode } from '@/lib/yjs/limits';

/** y-websocket's message types the server reads; `yjsMessageTypes` adds ours. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** True when an update carries nothing (a client's sync step 2 with nothing new). Throws on garbage. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * Whether a message is a write (sync step 2 or update), read from its first two var-uints
 * only, so a message too large to take is classified without decoding it.
 */
export function carriesUpdate(data: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    const subType = decoding.readVarUint(decoder);
    return subType === syncProtocol.messageYjsSyncStep2 || subType === syncProtocol.messageYjsUpdate;
  } catch {
    return false;
  }
}

/** The refusal a writer is sent: our message type, then the reason code as a var-string. */
export function refusalMessage(code: YjsRefusalCode): Uint8Array {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, yjsMessageTypes.refused);
  encoding.writeVarString(message, code);
  return encoding.toUint8Array(message);
}
