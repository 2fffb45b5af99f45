/** The name of the service's dead-letter queue, whose parked messages the module counts. */
export const DEAD_LETTER_QUEUE_NAME = Symbol('DEAD_LETTER_QUEUE_NAME');
