// A customer's live notifications (GET /api/v1/notifications/stream, Server-Sent Events) as the
// harnesses use them: one connection per customer tells when each order's confirmed/rejected
// notice arrives, so no order has to be polled (polling was a large part of the load measured).
import { gatewayUrl } from './sandbox.mjs';

/** Notification types that settle an order, and the order status each one means. */
const SETTLING = { 'order.confirmed': 'CONFIRMED', 'order.rejected': 'REJECTED' };

/**
 * Opens the stream of one customer. `onSettled(orderId, status, at)` runs for every order notice
 * (at: performance.now() when its event was read). Resolves once the stream is open (the gateway's
 * first `: connected` comment), so nothing sent afterwards is missed. `close()` ends it.
 */
export async function openOrderNotices(customer, onSettled, { timeoutMs = 10_000 } = {}) {
  const abort = new AbortController();
  // The time bound covers opening only: the stream itself stays open until close().
  const giveUp = setTimeout(() => abort.abort(), timeoutMs);
  const res = await fetch(`${gatewayUrl()}/api/v1/notifications/stream`, {
    headers: { authorization: `Bearer ${customer.token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`notification stream of ${customer.email}: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let connected;
  const opened = new Promise((resolve, reject) => {
    connected = resolve;
    abort.signal.addEventListener('abort', () =>
      reject(new Error(`notification stream of ${customer.email}: not open within ${timeoutMs} ms`)),
    );
  });
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const at = performance.now();
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        // Nest writes a comment as `\n: text\n\n`: the first comment says the stream is open.
        if (lines.some((line) => line.startsWith(':'))) connected();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (!data) continue;
        const notice = JSON.parse(data);
        const status = SETTLING[notice.type];
        if (status && notice.data?.orderId) onSettled(notice.data.orderId, status, at);
      }
    }
  })().catch(() => undefined); // closed by us, or the gateway went away: the fallback poll covers it
  await opened;
  clearTimeout(giveUp);
  return {
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}
