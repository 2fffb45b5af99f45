import 'reflect-metadata';

import * as events from './index';
import {
  EVENT_PAYLOADS,
  eventDocOf,
  eventsConsumedBy,
  ORDER_CREATED,
  STOCK_REJECTED,
  STOCK_RESERVED,
} from './index';

const exported: [string, unknown][] = Object.entries(events);
const payloadClasses = new Set<unknown>(Object.values(EVENT_PAYLOADS));

describe('the events of the contracts lib', () => {
  it('maps every exported routing key to its payload class', () => {
    const routingKeys = exported
      .map(([, value]) => value)
      .filter(
        (value): value is string => typeof value === 'string' && /^[a-z-]+(\.[a-z-]+)+\.v\d+$/.test(value),
      );
    expect(routingKeys).toHaveLength(Object.keys(EVENT_PAYLOADS).length);
    expect(routingKeys.filter((key) => !(key in EVENT_PAYLOADS))).toEqual([]);
  });

  it.each(Object.entries(EVENT_PAYLOADS))('documents %s on its own payload class', (_type, payloadClass) => {
    const doc = eventDocOf(payloadClass);
    expect(doc?.summary).toEqual(expect.any(String));
    expect(doc?.producer).toEqual(expect.any(String));
  });

  it('documents only event classes: a shared part (base or nested line) is not an event', () => {
    const documented = exported.filter(
      ([, value]) => typeof value === 'function' && eventDocOf(value as abstract new () => object),
    );
    expect(documented.filter(([, value]) => !payloadClasses.has(value)).map(([name]) => name)).toEqual([]);
  });

  it('gives each consumer the events whose documentation names it', () => {
    expect(eventsConsumedBy('orders')).toEqual([STOCK_RESERVED, STOCK_REJECTED]);
    expect(eventsConsumedBy('catalog')).toContain(ORDER_CREATED);
    expect(eventsConsumedBy('orders')).not.toContain(ORDER_CREATED);
  });
});
