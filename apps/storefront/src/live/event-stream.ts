import type { ApiClient } from '../api/api-client';
import { ApiError, isAbort } from '../api/api-client';
import { backoffDelay } from './backoff';
import type { SseEvent } from './sse-parser';
import { SseParser } from './sse-parser';

/** What a live stream reports. */
export interface StreamHandlers {
  onEvent(event: SseEvent): void;
  /** The stream is (re)connected; events missed while it was down must be fetched by the caller. */
  onOpen?(): void;
  /** The API refused the stream for good (401 after a refresh, 403): it stops. */
  onRefused?(error: ApiError): void;
}

/**
 * Follows a text/event-stream of the API with the bearer token. EventSource cannot send an
 * Authorization header, so this reads the body with fetch and a ReadableStream and parses the SSE
 * frames itself; when the stream ends or breaks (the token that opened it expired, the gateway
 * restarted, the network dropped) it reconnects with backoff (the client refreshes the token on 401).
 * Returns a function that closes it.
 */
export function followEventStream(api: ApiClient, path: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    try {
      const response = await api.open(path, { accept: 'text/event-stream', signal: controller.signal });
      attempt = 0;
      handlers.onOpen?.();
      await read(response, handlers, controller.signal);
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        handlers.onRefused?.(error);
        return;
      }
    }
    if (controller.signal.aborted) return;
    timer = setTimeout(connect, backoffDelay(attempt++));
  };
  void connect();

  return () => {
    controller.abort();
    clearTimeout(timer);
  };
}

async function read(response: Response, handlers: StreamHandlers, signal: AbortSignal): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.push(value).forEach((event) => handlers.onEvent(event));
  }
}
