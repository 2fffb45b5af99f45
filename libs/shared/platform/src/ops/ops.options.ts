/** What an app's ops endpoints check and how they label metrics. */
export interface OpsOptions {
  /** Service name used as the `service` label of every metric. */
  service: string;
  /** AMQP URL whose broker readiness must reach with a real round trip. */
  amqpUrl: string;
  /** What the round trip declares passively: the service's own queue, or an exchange. */
  amqpProbe: { kind: 'queue' | 'exchange'; name: string };
  /** Heap above which readiness fails (bytes). */
  heapLimitBytes?: number;
}
