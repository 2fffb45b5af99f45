import type { ServiceName } from './service-name';

/**
 * The dead-letter requests every service behind the gateway answers about its own parked events
 * (admin actor only): list, get, replay, drop.
 */
export function deadLetterPatterns(service: ServiceName) {
  return {
    list: `${service}.dead-letters.list`,
    get: `${service}.dead-letters.get`,
    replay: `${service}.dead-letters.replay`,
    drop: `${service}.dead-letters.drop`,
  } as const;
}
