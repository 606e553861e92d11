'use client';

import * as decoding from 'lib0/decoding';
import { useEffect, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { clientEvents, yjsCloseCodes, yjsMessageTypes, type YjsTokenResult } from '@/lib/protocol';
import { isYjsRefusalCode, type YjsRefusalCode } from '@/lib/yjs/limits';
import { call, type LiveSocket } from './socket-call';

export type DocStatus = 'connecting' | 'synced' | 'offline';

/** How long a device the server closed for flooding waits before it connects again. */
const FLOOD_PAUSE_MS = 30_000;
/** ws closes a frame past the server's hard limit with 1009; y-websocket would resend it forever. */
const MESSAGE_TOO_BIG = 1009;

async function fetchToken(socket: LiveSocket, docName: string): Promise<YjsTokenResult | null> {
  const res = await call(socket, clientEvents.yjsToken, { docName });
  return res.ok ? res.data : null;
}

/**
 * A Yjs document over y-websocket, admitted with a short-lived token from the control plane.
 * When the server refuses an expired token (close code 44xx), the provider stops; we fetch a
 * new token and connect again. Edits made offline stay in the local document and are sent on
 * reconnect.
 *
 * When the server refuses an update (too large, over a budget, too fast, read-only) the local
 * document holds what the server will never take, and everything typed after builds on it. So
 * the document is dropped and a fresh one synced from the server: local and server agree again.
 * `onRefused` runs first, while the old document still holds the refused text, so the caller
 * can keep it for the writer (in the input field, or shown to copy); `refusal` says why.
 *
 * `authorKey` is the key this participant's notes carry on this board (from the token answer;
 * null until it arrives, and for facilitators and documents without notes).
 */
export function useYjsDoc(socket: LiveSocket | null, docName: string, ready: boolean, onRefused?: (code: YjsRefusalCode) => void) {
  const [current, setCurrent] = useState(() => ({ name: docName, doc: new Y.Doc() }));
  const [status, setStatus] = useState<DocStatus>('connecting');
  // Another document (a member's draft becomes the board): a fresh Y.Doc, never a reused one.
  if (current.name !== docName) {
    setCurrent({ name: docName, doc: new Y.Doc() });
    setStatus('connecting');
  }
  const doc = current.doc;
  const [refusal, setRefusal] = useState<YjsRefusalCode | null>(null);
  const [authorKey, setAuthorKey] = useState<{ name: string; key: string | null } | null>(null);
  const refusedRef = useRef(onRefused);
  useEffect(() => {
    refusedRef.current = onRefused;
  }, [onRefused]);

  useEffect(() => {
    if (!socket || !ready || current.name !== docName) return;
    let provider: WebsocketProvider | null = null;
    let cancelled = false;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`;

    /** Gives up this document and, after `delayMs`, starts over from the server's copy. */
    const startOver = (code: YjsRefusalCode, delayMs = 0) => {
      if (cancelled) return;
      cancelled = true;
      setRefusal(code);
      refusedRef.current?.(code);
      provider?.destroy();
      setStatus('offline');
      pause = setTimeout(() => {
        setStatus('connecting');
        setCurrent({ name: docName, doc: new Y.Doc() });
      }, delayMs);
    };

    void (async () => {
      const granted = await fetchToken(socket, docName);
      if (cancelled || !granted) return;
      setAuthorKey({ name: docName, key: granted.authorKey });
      const p = new WebsocketProvider(url, docName, doc, { params: { token: granted.token } });
      provider = p;
      p.messageHandlers[yjsMessageTypes.refused] = (_encoder, decoder) => {
        const code = decoding.readVarString(decoder);
        // Not inside y-websocket's message handler: it still touches the socket after we return.
        queueMicrotask(() => startOver(isYjsRefusalCode(code) ? code : 'YJS_READ_ONLY'));
      };
      p.on('sync', (synced: boolean) => setStatus(synced ? 'synced' : 'connecting'));
      p.on('status', ({ status: s }: { status: string }) => {
        if (s === 'disconnected') setStatus('offline');
      });
      p.on('connection-close', (event: CloseEvent | null) => {
        if (event?.code === MESSAGE_TOO_BIG) startOver('YJS_TOO_LARGE');
      });
      p.on('closed', ({ code }: { code: number }) => {
        if (code === yjsCloseCodes.flooding) return startOver('YJS_RATE_LIMITED', FLOOD_PAUSE_MS);
        void (async () => {
          const fresh = await fetchToken(socket, docName);
          if (cancelled || !fresh) return;
          p.params = { token: fresh.token };
          p.connect();
        })();
      });
    })();

    return () => {
      cancelled = true;
      clearTimeout(pause);
      provider?.destroy();
    };
  }, [socket, docName, doc, ready, current.name]);

  useEffect(() => () => doc.destroy(), [doc]);

  return {
    doc,
    status,
    refusal,
    dismissRefusal: () => setRefusal(null),
    // A key fetched for another document (a draft before its board) is not this one's.
    authorKey: authorKey?.name === docName ? authorKey.key : null,
  };
}
