/** What an app's ops endpoints check and how they label metrics. */
export interface OpsOptions {
  /** Service name used as the `service` label of every metric. */
  service: string;
  /** The broker's node URLs; readiness must reach one of them with a real round trip. */
  amqpUrls: readonly string[];
  /** What the round trip declares passively: the service's own queue, or an exchange. */
  amqpProbe: { kind: 'queue' | 'exchange'; name: string };
  /**
   * The app's own queues, whose depth and consumers `/metrics` reports (`bookstore_queue_*`), read
   * by passive declares at scrape time. None for the gateway (its reply queues are private).
   */
  queues?: readonly string[];
  /** Heap above which readiness fails (bytes). */
  heapLimitBytes?: number;
  /** Run IdleMemoryRelease (MEMORY_RELEASE_ON_IDLE); default true. */
  releaseMemoryWhenIdle?: boolean;
}
