// Depth of every service's dead-letter queue in the run's vhost (a parked event is a lost event).
import amqp from 'amqplib';

const SERVICES = ['auth', 'catalog', 'orders', 'notifications'];

/** { 'catalog.events.dlq': n, … }; a queue that does not exist is reported as null. */
export async function deadLetterDepths(amqpUrl) {
  const connection = await amqp.connect(amqpUrl);
  const depths = {};
  try {
    for (const service of SERVICES) {
      const name = `${service}.events.dlq`;
      // checkQueue closes the channel when the queue is missing, so use one channel per queue.
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      try {
        depths[name] = (await channel.checkQueue(name)).messageCount;
        await channel.close();
      } catch {
        depths[name] = null;
      }
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
  return depths;
}
