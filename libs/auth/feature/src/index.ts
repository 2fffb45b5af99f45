export * from './auth-feature.module';
export * from './config/auth.config';
export * from './commands/revoke-sessions/session-revoker';
