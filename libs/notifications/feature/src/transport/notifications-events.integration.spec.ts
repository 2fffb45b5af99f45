/**
 * Integration: copies of one event (a redelivery, a duplicate), handled at the same time through
 * the events controller, against the real MongoDB-compatible server and a real SMTP server. The
 * relay publishes to a recording publisher, so what would reach RabbitMQ is counted exactly.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { EventEnvelope, OrderStatusChangedPayload } from '@bookstore/shared/contracts';
import {
  NOTIFICATION_CREATED,
  ORDER_CONFIRMED,
  ORDER_SHIPPED,
  USER_REGISTERED,
} from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { OutboxRelay } from '@bookstore/shared/persistence';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';
import { SMTPServer } from 'smtp-server';

import { NotificationsConfig } from '../config/notifications.config';
import { NotificationsFeatureModule } from '../notifications-feature.module';
import { Notification } from '../persistence/notification.schema';
import { UserContact } from '../persistence/user-contact.schema';
import { NotificationsEventsController } from './notifications-events.controller';

jest.setTimeout(120_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const COPIES = 10;

/** A real SMTP server on a free loopback port: counts what it accepts, refuses on demand. */
class Smtp {
  readonly recipients: string[] = [];
  /** Messages still to refuse with a temporary failure (451), as a struggling server would. */
  refuseNext = 0;
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        if (this.refuseNext > 0) {
          this.refuseNext--;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        this.recipients.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
        callback();
      });
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return (this.server.server.address() as AddressInfo).port;
  }

  sentTo(email: string): number {
    return this.recipients.filter((to) => to === email).length;
  }
}

describe('notifications events, redelivered and duplicated (real MongoDB and SMTP)', () => {
  const smtp = new Smtp();
  const recorder = new RecordingPublisher();
  const published = recorder.published as EventEnvelope<Record<string, unknown>>[];
  let moduleRef: TestingModule;
  let events: NotificationsEventsController;
  let notifications: Model<Notification>;
  let contacts: Model<UserContact>;

  beforeAll(async () => {
    const port = await smtp.listen();
    const config = Object.assign(new NotificationsConfig(), { SMTP_URL: `smtp://127.0.0.1:${port}` });
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, {
          dbName: `notifications_it_${randomUUID().slice(0, 8)}`,
          autoIndex: true,
        }),
        recorder.module(),
        NotificationsFeatureModule.forRoot(config),
      ],
    }).compile();
    notifications = moduleRef.get(getModelToken(Notification.name));
    contacts = moduleRef.get(getModelToken(UserContact.name));
    // The unique {userId, eventId} index must exist before the copies race.
    await Promise.all([notifications.init(), contacts.init()]);
    await moduleRef.init();
    events = moduleRef.get(NotificationsEventsController);
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
    await moduleRef.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  /** A user this service already knows the address of. */
  async function knownUser(): Promise<{ userId: string; email: string }> {
    const userId = new Types.ObjectId().toHexString();
    const email = `${userId}@example.test`;
    await contacts.create({ _id: userId, email, name: 'Ada' });
    return { userId, email };
  }

  const orderEvent = (type: typeof ORDER_CONFIRMED | typeof ORDER_SHIPPED, userId: string) =>
    createEnvelope(type, {
      orderId: randomUUID(),
      userId,
      totalCents: 2598,
      items: [{ bookId: new Types.ObjectId().toHexString(), quantity: 2, unitPriceCents: 1299 }],
    });

  /** `event` as RabbitMQ hands each copy over: its own deserialised object, same eventId. */
  const copiesOf = <T extends object>(event: EventEnvelope<T>, count = COPIES) =>
    Array.from({ length: count }, () => structuredClone(event));

  async function announced(userId: string): Promise<EventEnvelope<Record<string, unknown>>[]> {
    await moduleRef.get(OutboxRelay).flush();
    return published.filter((e) => e.type === NOTIFICATION_CREATED && e.payload['userId'] === userId);
  }

  it('stores, announces and e-mails one order.confirmed once when 10 copies arrive together', async () => {
    const { userId, email } = await knownUser();
    const event = orderEvent(ORDER_CONFIRMED, userId);

    await Promise.all(copiesOf(event).map((copy) => events.confirmed(copy)));

    const stored = await notifications.find({ userId }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'order.confirmed', eventId: event.eventId });
    expect(stored[0].emailSentAt).toBeInstanceOf(Date);
    expect(await announced(userId)).toHaveLength(1);
    expect(smtp.sentTo(email)).toBe(1);

    // A redelivery after all that (the broker lost an ack) changes nothing either.
    await events.confirmed(structuredClone(event));
    expect(await notifications.countDocuments({ userId })).toBe(1);
    expect(await announced(userId)).toHaveLength(1);
    expect(smtp.sentTo(email)).toBe(1);
  });

  it('remembers, welcomes and e-mails a new user once when 10 copies of user.registered arrive together', async () => {
    const userId = new Types.ObjectId().toHexString();
    const email = `${userId}@example.test`;
    const event = createEnvelope(USER_REGISTERED, { userId, email, name: 'Grace' });

    await Promise.all(copiesOf(event).map((copy) => events.registered(copy)));

    expect(await contacts.find({ _id: userId }).lean()).toEqual([
      expect.objectContaining({ email, name: 'Grace' }),
    ]);
    const stored = await notifications.find({ userId }).lean();
    expect(stored.map((n) => n.type)).toEqual(['user.registered']);
    expect(await announced(userId)).toHaveLength(1);
    expect(smtp.sentTo(email)).toBe(1);
  });

  it('sends the e-mail once in the end when the first send is refused and the event redelivered', async () => {
    const { userId, email } = await knownUser();
    const event: EventEnvelope<OrderStatusChangedPayload> = orderEvent(ORDER_SHIPPED, userId);
    smtp.refuseNext = 1;

    // The refused send fails the handler, so the broker delivers the event again (and again).
    await expect(events.shipped(structuredClone(event))).rejects.toThrow();
    expect(smtp.sentTo(email)).toBe(0);
    await events.shipped(structuredClone(event));
    await events.shipped(structuredClone(event));

    expect(smtp.sentTo(email)).toBe(1);
    const stored = await notifications.find({ userId }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0].emailSentAt).toBeInstanceOf(Date);
    expect(stored[0].emailClaimedAt).toBeUndefined();
    expect(await announced(userId)).toHaveLength(1);
  });
});
