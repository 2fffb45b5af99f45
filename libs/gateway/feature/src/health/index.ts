export * from './system-health.controller';
export * from './system-health.service';
