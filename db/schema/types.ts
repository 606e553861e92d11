import { customType } from 'drizzle-orm/pg-core';

/**
 * Binary column for Yjs updates. PGlite hands back Uint8Array and node-postgres a Buffer;
 * both are Uint8Array, which is all Yjs needs.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});
