'use client';

import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { clientEvents } from '@/lib/protocol';
import type { LiveSocket } from './use-live-session';

export type DocStatus = 'connecting' | 'synced' | 'offline';

async function fetchToken(socket: LiveSocket, docName: string): Promise<string | null> {
  try {
    const res = await socket.timeout(10_000).emitWithAck(clientEvents.yjsToken, { docName });
    return res.ok ? res.data.token : null;
  } catch {
    return null;
  }
}

/**
 * A Yjs document over y-websocket, admitted with a short-lived token from the control plane.
 * When the server refuses an expired token (close code 44xx), the provider stops; we fetch a
 * new token and connect again. Edits made offline stay in the local document and are sent on
 * reconnect.
 */
export function useYjsDoc(socket: LiveSocket | null, docName: string, ready: boolean) {
  const [doc] = useState(() => new Y.Doc());
  const [status, setStatus] = useState<DocStatus>('connecting');

  useEffect(() => {
    if (!socket || !ready) return;
    let provider: WebsocketProvider | null = null;
    let cancelled = false;
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/yjs`;

    void (async () => {
      const token = await fetchToken(socket, docName);
      if (cancelled || !token) return;
      provider = new WebsocketProvider(url, docName, doc, { params: { token } });
      provider.on('sync', (synced: boolean) => setStatus(synced ? 'synced' : 'connecting'));
      provider.on('status', ({ status: s }: { status: string }) => {
        if (s === 'disconnected') setStatus('offline');
      });
      provider.on('closed', () => {
        void (async () => {
          const fresh = await fetchToken(socket, docName);
          if (cancelled || !provider || !fresh) return;
          provider.params = { token: fresh };
          provider.connect();
        })();
      });
    })();

    return () => {
      cancelled = true;
      provider?.destroy();
    };
  }, [socket, docName, doc, ready]);

  useEffect(() => () => doc.destroy(), [doc]);

  return { doc, status };
}
