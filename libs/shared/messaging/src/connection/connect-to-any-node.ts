import type { ChannelModel } from 'amqplib';
import { connect } from 'amqplib';

/**
 * Opens one plain connection to the first node of `urls` that accepts it (a cluster's nodes in the
 * order configured). Long-lived connections use amqp-connection-manager with the whole list instead,
 * which also moves to a surviving node later; this is for short tasks such as declaring topology.
 */
export async function connectToAnyNode(urls: readonly string[]): Promise<ChannelModel> {
  if (urls.length === 0) throw new Error('no broker URL configured');
  let lastError: unknown;
  for (const url of urls) {
    try {
      return await connect(url);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
