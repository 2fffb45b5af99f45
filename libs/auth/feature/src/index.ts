export * from './auth-feature.module';
export * from './commands/revoke-sessions/session-revoker';
export * from './config/auth.config';
