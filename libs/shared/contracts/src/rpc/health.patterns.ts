import type { ServiceName } from './service-name';

/** Readiness asked over RabbitMQ: a reply proves the service consumes its queue. */
export function healthReadyPattern(service: ServiceName): string {
  return `${service}.health.ready`;
}

export interface ReadinessReply {
  status: 'up' | 'down';
  details: Record<string, { status: string; message?: string }>;
}
