import type { RmqOptions } from '@nestjs/microservices';

/** The options object of an RMQ client or server. */
export type RmqClientOptions = NonNullable<RmqOptions['options']>;
import { Transport } from '@nestjs/microservices';

import { DEFAULT_PREFETCH, EVENTS_EXCHANGE, RPC_EXCHANGE } from './messaging.constants';
import { eventsQueueOptions, RPC_QUEUE_OPTIONS } from './queue-options';
import { serviceQueues } from './service-queues';

const SOCKET = { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 };

/**
 * Every function takes the broker's node URLs (a cluster's nodes, or one): Nest's transport connects
 * through amqp-connection-manager, which tries them in turn and reconnects to a surviving one.
 *
 * Nest's RMQ defaults are auto-ack and non-persistent (shared/STYLE.md §6); every option here turns
 * that off: explicit acks, persistent messages, bounded prefetch.
 */
export function rpcServerOptions(
  urls: readonly string[],
  service: string,
  prefetchCount = DEFAULT_PREFETCH,
): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [...urls],
      queue: serviceQueues(service).rpc,
      queueOptions: RPC_QUEUE_OPTIONS,
      // Requests arrive through the RPC exchange (see RPC_EXCHANGE); Nest binds the queue to it.
      exchange: RPC_EXCHANGE,
      exchangeType: 'topic',
      routingKey: `${service}.#`,
      noAck: false,
      prefetchCount,
      persistent: true,
      socketOptions: SOCKET,
    },
  };
}

/** The events consumer; bindings are declared by `declareTopology`, not by Nest. */
export function eventServerOptions(
  urls: readonly string[],
  service: string,
  prefetchCount = DEFAULT_PREFETCH,
): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [...urls],
      queue: serviceQueues(service).events,
      queueOptions: eventsQueueOptions(service),
      noAck: false,
      prefetchCount,
      persistent: true,
      socketOptions: SOCKET,
    },
  };
}

/** A client that publishes to the topic exchange with the event type as routing key. */
export function eventPublisherOptions(urls: readonly string[]): RmqClientOptions {
  return {
    urls: [...urls],
    exchange: EVENTS_EXCHANGE,
    exchangeType: 'topic',
    wildcards: true,
    persistent: true,
    socketOptions: SOCKET,
  };
}

/**
 * A request/reply client for one service: requests go to the RPC exchange with the pattern as routing
 * key (`wildcards`: Nest's client then publishes to `exchange` instead of sending to the queue), so
 * the broker's topic permissions decide which patterns this caller may send. Replies come through the
 * replies exchange (`ExchangeRepliesClient`, REPLIES_EXCHANGE), not direct reply-to.
 */
export function rpcClientOptions(urls: readonly string[], service: string): RmqClientOptions {
  return {
    urls: [...urls],
    queue: serviceQueues(service).rpc,
    queueOptions: RPC_QUEUE_OPTIONS,
    exchange: RPC_EXCHANGE,
    exchangeType: 'topic',
    wildcards: true,
    persistent: false,
    socketOptions: SOCKET,
  };
}
