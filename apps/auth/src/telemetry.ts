// Imported first by main.ts: the instrumentations must be in place before Nest, amqplib, mongodb
// and ioredis are required.
import { loadNestWithLazyDateFormatters, startTelemetry } from '@bookstore/shared/telemetry';

startTelemetry('auth');
// Before anything else requires Nest: its loggers' date formatters cost ~9 MiB built eagerly.
loadNestWithLazyDateFormatters();
