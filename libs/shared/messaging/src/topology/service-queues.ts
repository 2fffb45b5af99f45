/** The queues one service owns. Every subscriber has its own durable events queue. */
export interface ServiceQueues {
  /** Request/reply: the gateway's `send` lands here. */
  rpc: string;
  /** Events bound from the topic exchange, for this service only. */
  events: string;
  /** Failed events wait here (TTL) and then flow back to `events`. */
  retry: string;
  /** Events that kept failing, parked for an operator. */
  deadLetter: string;
}

export function serviceQueues(service: string): ServiceQueues {
  return {
    rpc: `${service}.rpc`,
    events: `${service}.events`,
    retry: `${service}.events.retry`,
    deadLetter: `${service}.events.dlq`,
  };
}
