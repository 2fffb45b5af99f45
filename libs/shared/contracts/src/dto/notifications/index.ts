export * from './notification.dto';
export * from './notification-id.command';
export * from './notification-page.dto';
