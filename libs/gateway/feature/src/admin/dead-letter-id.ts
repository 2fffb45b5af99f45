import type { ServiceName } from '@bookstore/shared/contracts';
import { DomainError, SERVICE_NAMES } from '@bookstore/shared/contracts';

const ID = /^([a-z]+)\.([A-Za-z0-9-]{1,64})$/;

/**
 * The service holding a dead letter, read from its id (`<service>.<messageId>`). An id that names
 * no service is a 404 like any unknown id, without asking anyone.
 */
export function serviceOfDeadLetter(id: string): ServiceName {
  const service = ID.exec(id)?.[1];
  if (!service || !(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw DomainError.notFound('DEAD_LETTER.NOT_FOUND', `No parked message ${id}`);
  }
  return service as ServiceName;
}

/** The services whose dead letters a `?queue=` asks for: the one owning the queue, or all. */
export function servicesOfQueue(queue: string | undefined): readonly ServiceName[] {
  if (!queue) return SERVICE_NAMES;
  return SERVICE_NAMES.filter((service) => queue.startsWith(`${service}.`));
}
