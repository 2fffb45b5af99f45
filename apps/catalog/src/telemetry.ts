// Imported first by main.ts: the instrumentations must be in place before Nest, amqplib, mongodb
// and ioredis are required.
import { startTelemetry } from '@bookstore/shared/telemetry';

startTelemetry('catalog');
