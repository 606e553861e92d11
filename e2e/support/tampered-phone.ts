import * as decoding from 'lib0/decoding';
import { workshopViewOf } from '@/lib/workshop/view';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { myGroup } from '../../lib/live-view';
import { clientEvents, yjsMessageTypes, type JoinResult, type YjsTokenResult } from '../../lib/protocol';
import { addNote, boardDocName, newNoteId } from '../../lib/workshop/board';

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string } };

/**
 * A participant's phone with its checks taken out: the same cookie and the same grant as the
 * browser, but writing straight into the group's board the way a modified client could. It
 * shows what the server does when the phone's own guard is not there.
 */
export interface TamperedPhone {
  /** Appends a note with `text` to the group board, as the Board component would. */
  addNote(text: string): void;
  /** Refusal codes the server sent this client's Yjs connection. */
  refusals: string[];
  close(): void;
}

export async function tamperedPhone(page: Page, origin: string, code: string): Promise<TamperedPhone> {
  const cookie = (await page.context().cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  const socket: Socket = io(origin, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie, origin }, reconnection: false });
  const emit = <T>(event: string, payload: unknown) => socket.timeout(15_000).emitWithAck(event, payload) as Promise<Ack<T>>;

  const joined = await emit<JoinResult>(clientEvents.join, { as: 'participant', code });
  if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
  const { sessionId, state } = joined.data.snapshot;
  const workshop = state.workshop;
  const group = workshop ? myGroup(workshop) : null;
  const activity = workshop ? workshopViewOf(workshop).activity : null;
  if (!group || !activity) throw new Error('not seated in a group on a running activity');
  const docName = boardDocName(sessionId, activity.id, group.id);
  const grant = await emit<YjsTokenResult>(clientEvents.yjsToken, { docName });
  if (!grant.ok) throw new Error(`yjs token: ${grant.error.code}`);

  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/yjs`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: grant.data.token },
    disableBc: true,
  });
  const refusals: string[] = [];
  provider.messageHandlers[yjsMessageTypes.refused] = (_encoder, decoder) => {
    refusals.push(decoding.readVarString(decoder));
  };
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  const authorKey = grant.data.authorKey ?? '';
  return {
    refusals,
    addNote: (text) => addNote(doc, { id: newNoteId(), text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: Date.now() }),
    close() {
      provider.destroy();
      socket.disconnect();
    },
  };
}
