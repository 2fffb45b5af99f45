import { PrivateCluster } from '@bookstore/shared/testing';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';

import { durableQueueOptions } from '../topology/queue-options';

const QUEUE = 'it-leader-kill';
/** What this spec proves durable: the queue declaration every service uses. */
const QUEUE_OPTIONS = durableQueueOptions();
const BATCH = 300;

/**
 * Item 2 of issue 13, "killing the broker node that leads a queue loses no message", on a private
 * three-node cluster: messages confirmed into a quorum queue are all consumed after the node that
 * leads it is SIGKILLed, and clients (amqp-connection-manager with every node's URL, as the
 * services connect) carry on through the surviving nodes. With a classic queue (QUEUE_OPTIONS =
 * `{ durable: true }`) the first batch lives only on the killed node and this spec fails.
 */
describe('a quorum queue on a three-node cluster when its leader is killed', () => {
  jest.setTimeout(300_000);
  let cluster: PrivateCluster;
  const managers: AmqpConnectionManager[] = [];

  beforeAll(async () => {
    cluster = await PrivateCluster.start(3);
  });

  afterAll(async () => {
    // A manager whose channel still waits on the killed node may never finish closing: bounded, so
    // the cluster is always stopped and its data removed.
    const closing = Promise.all(managers.map((manager) => manager.close().catch(() => undefined)));
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await cluster?.destroy();
  }, 60_000);

  function manager(): AmqpConnectionManager {
    const connection = connect(cluster.urls, { heartbeatIntervalInSeconds: 2, reconnectTimeInSeconds: 0.5 });
    connection.on('connectFailed', () => undefined);
    managers.push(connection);
    return connection;
  }

  /** Publishes ids `from`..`from+count-1` as persistent messages; resolves with the confirmed ones. */
  async function publish(channel: ChannelWrapper, from: number, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `m-${from + i}`);
    const outcomes = await Promise.allSettled(
      ids.map((id) =>
        channel.sendToQueue(QUEUE, Buffer.from(id), { persistent: true, messageId: id, timeout: 60_000 }),
      ),
    );
    return ids.filter((_, i) => outcomes[i].status === 'fulfilled');
  }

  it('delivers every confirmed message, published before and after the kill, at least once', async () => {
    const publishing = manager();
    // A classic queue has no leader: it lives on the node of the connection that declared it.
    let declaredOn = '';
    publishing.on('connect', ({ url }) => (declaredOn ||= String(url)));
    const publisher = publishing.createChannel({
      json: false,
      confirm: true,
      setup: (channel: ConfirmChannel) => channel.assertQueue(QUEUE, QUEUE_OPTIONS),
    });
    await publisher.waitForConnect();

    const before = await publish(publisher, 0, BATCH);
    expect(before).toHaveLength(BATCH);
    const holder = cluster.leaderOf(QUEUE) ?? cluster.nodes.find((node) => node.url === declaredOn);
    expect(holder).toBeDefined();

    await holder?.kill();
    const after = await publish(publisher, BATCH, BATCH);
    expect(after.length).toBeGreaterThan(0);

    const seen = new Map<string, number>();
    const consumer = manager().createChannel({
      json: false,
      setup: async (channel: ConfirmChannel) => {
        await channel.prefetch(50);
        await channel.consume(QUEUE, (message: ConsumeMessage | null) => {
          if (!message) return;
          const id = message.content.toString();
          seen.set(id, (seen.get(id) ?? 0) + 1);
          channel.ack(message);
        });
      },
    });
    const confirmed = [...before, ...after];
    const deadline = Date.now() + 60_000;
    while (confirmed.some((id) => !seen.has(id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await consumer.close();

    expect(confirmed.filter((id) => !seen.has(id))).toEqual([]);
    // The survivors still form a cluster that took the publishes after the kill.
    expect(cluster.runningNodes()).toHaveLength(2);
  });
});
