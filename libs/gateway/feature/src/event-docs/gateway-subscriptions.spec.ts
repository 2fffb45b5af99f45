import { eventsConsumedBy } from '@bookstore/shared/contracts';

import { BOOK_CHANGE_EVENTS } from '../catalog/book-cache';
import { NOTIFICATION_STREAM_EVENTS } from '../notifications/notification-stream.service';

// The services bind their queues to eventsConsumedBy(<service>) itself; the gateway's broadcast
// subscriptions are split by purpose, so this spec keeps their union equal to what the events
// document says the gateway consumes.
describe("the gateway's event subscriptions", () => {
  it('are exactly the events whose EventDoc names the gateway as a consumer', () => {
    expect([...BOOK_CHANGE_EVENTS, ...NOTIFICATION_STREAM_EVENTS].sort()).toEqual(
      eventsConsumedBy('gateway').sort(),
    );
  });
});
