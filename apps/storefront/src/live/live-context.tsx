import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { api } from '../api/api-client';
import type { Notification } from '../api/types';
import { useSession } from '../session/session-context';
import { followEventStream } from './event-stream';
import { notificationsApi, parseNotification } from './notifications-api';

/** What a page hears from the live stream: a new notification, or a reconnect (anything may have changed). */
export type LiveSignal = { kind: 'notification'; notification: Notification } | { kind: 'reconnected' };

/** The logged-in user's live notifications: the unread count and a way to listen. */
export interface Live {
  unread: number;
  /** Whether the stream is connected right now. */
  connected: boolean;
  /** Listens to every signal; returns the unsubscribe function. */
  subscribe(listener: (signal: LiveSignal) => void): () => void;
  /** Re-counts unread notifications (after marking some read). */
  recount(): void;
}

const LiveContext = createContext<Live | undefined>(undefined);
/** The unread count comes from the newest page of notifications. */
const COUNT_WINDOW = 100;

/** One stream per logged-in tab, shared by the header and every page. */
export function LiveProvider({ children }: { children: ComponentChildren }) {
  const { user } = useSession();
  const userId = user?.id;
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<(signal: LiveSignal) => void>());

  const recount = useCallback(() => {
    if (!userId) return;
    notificationsApi
      .list(1, COUNT_WINDOW)
      .then((page) => setUnread(page.items.filter((n) => !n.read).length))
      .catch(() => undefined);
  }, [userId]);

  useEffect(() => {
    setUnread(0);
    setConnected(false);
    if (!userId) return;
    const emit = (signal: LiveSignal) => listeners.current.forEach((listener) => listener(signal));
    const close = followEventStream(api, notificationsApi.streamPath, {
      onOpen: () => {
        setConnected(true);
        recount();
        emit({ kind: 'reconnected' });
      },
      onEvent: (event) => {
        const notification = parseNotification(event.data);
        if (!notification) return;
        if (!notification.read) setUnread((count) => count + 1);
        emit({ kind: 'notification', notification });
      },
      onRefused: () => setConnected(false),
    });
    return () => {
      close();
      setConnected(false);
    };
  }, [userId, recount]);

  const subscribe = useCallback((listener: (signal: LiveSignal) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const live = useMemo<Live>(
    () => ({ unread, connected, subscribe, recount }),
    [unread, connected, subscribe, recount],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** The live stream (inside LiveProvider). */
export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

/** Calls `listener` for every live signal while the component is mounted. */
export function useLiveSignal(listener: (signal: LiveSignal) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((signal) => latest.current(signal)), [subscribe]);
}
