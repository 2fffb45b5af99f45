import { EVENT_PAYLOADS, EventEnvelope } from '@bookstore/shared/contracts';
import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { PoisonMessageError } from './poison-message.error';
import { validationMessages } from './validation-messages';

/**
 * Validates an incoming event at the consumer edge (shared/STYLE.md §7): the envelope, then the
 * payload against the class its type names. A message that fails can never succeed, so it is
 * poison and goes straight to the dead-letter queue.
 */
@Injectable()
export class EventPayloadPipe implements PipeTransform<unknown, EventEnvelope> {
  transform(value: unknown): EventEnvelope {
    const envelope = plainToInstance(EventEnvelope, value ?? {});
    const envelopeErrors = validateSync(envelope);
    if (envelopeErrors.length) throw new PoisonMessageError(validationMessages(envelopeErrors).join('; '));
    const payloadClass: (new () => object) | undefined =
      EVENT_PAYLOADS[envelope.type as keyof typeof EVENT_PAYLOADS];
    if (!payloadClass) throw new PoisonMessageError(`unknown event type ${envelope.type}`);
    const payload = plainToInstance(payloadClass, envelope.payload);
    const payloadErrors = validateSync(payload, { whitelist: true });
    if (payloadErrors.length) {
      throw new PoisonMessageError(validationMessages(payloadErrors, 'payload').join('; '));
    }
    return { ...envelope, payload };
  }
}
