export * from './inbox.module';
export * from './inbox.service';
export * from './processed-event.schema';
