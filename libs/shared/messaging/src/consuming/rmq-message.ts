import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';

/** How many times RabbitMQ has already dead-lettered this message out of `queue` (x-death). */
export function previousFailures(message: ConsumeMessage, queue: string): number {
  const deaths = message.properties.headers?.['x-death'] as
    { queue?: string; reason?: string; count?: number }[] | undefined;
  const entry = deaths?.find((death) => death.queue === queue && death.reason === 'rejected');
  return Number(entry?.count ?? 0);
}

/** Sends to a queue and waits for the broker's confirm when the channel is a confirm channel. */
export function sendConfirmed(
  channel: Channel,
  queue: string,
  content: Buffer,
  options: Parameters<Channel['sendToQueue']>[2],
): Promise<void> {
  const confirm = channel as ConfirmChannel;
  if (typeof confirm.waitForConfirms !== 'function') {
    channel.sendToQueue(queue, content, options);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    confirm.sendToQueue(queue, content, options, (error) => (error ? reject(error) : resolve())),
  );
}

/** Ack, tolerating a channel that closed meanwhile (the broker then redelivers; handlers are idempotent). */
export function safely(action: () => void): void {
  try {
    action();
  } catch {
    // channel closed: nothing to do, redelivery covers it
  }
}
